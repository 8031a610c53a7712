"""Small durable-file helpers: write-then-rename with fsync, so a power cut leaves old or new."""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from db.errors import QT_TRANSLATE_NOOP, CannotWriteFolder, InvalidInput, StoreFull

# What Ulinzi creates may be used by the other members of its group (several PC accounts share
# one store) and by nobody else. Set for the whole process by desktop.main.
SHARED_UMASK = 0o007


def share_with_group() -> None:
    """Make every file and folder this process creates group-writable and private to others."""
    if os.name == "posix":
        os.umask(SHARED_UMASK)


def is_group_shared(folder: Path) -> bool:
    """A setgid folder: what is made inside belongs to its group (the ulinzi group's store)."""
    try:
        return bool(folder.stat().st_mode & stat.S_ISGID)
    except OSError:
        return False


def keep_shared(path: Path, like: os.stat_result | None = None) -> None:
    """Give `path` the mode and group of the file it replaces (`like`), group read and write in
    a group-shared folder, and that folder's group: another account of the group must still
    open it after this one rewrote it. Best effort: only the owner may change these."""
    shared = is_group_shared(path.parent)
    with suppress(OSError):
        mode = stat.S_IMODE(path.stat().st_mode if like is None else like.st_mode)
        if shared:
            mode |= stat.S_IRGRP | stat.S_IWGRP
        os.chmod(path, mode)
    gid = like.st_gid if like is not None else None
    if shared:
        with suppress(OSError):
            gid = path.parent.stat().st_gid
    if gid is not None:
        with suppress(OSError):
            if path.stat().st_gid != gid:
                os.chown(path, -1, gid)


def fsync_dir(folder: Path) -> None:
    """Make a rename in `folder` durable (a no-op where directories cannot be opened)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def write_durably(path: Path, data: bytes) -> None:
    """Write `data` to `path` + ".tmp" and fsync it, without replacing `path`."""
    try:
        with open(path, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
    except OSError as e:
        path.unlink(missing_ok=True)
        if e.errno == errno.ENOSPC:
            raise StoreFull() from e
        raise


def atomic_write(path: Path, data: bytes) -> None:
    """Replace `path` with `data`: readers see the old content or the new, never a mix."""
    tmp = path.with_name(path.name + ".tmp")
    write_durably(tmp, data)
    try:
        replaced: os.stat_result | None = path.stat()
    except FileNotFoundError:
        replaced = None
    if replaced is not None or is_group_shared(path.parent):
        keep_shared(tmp, replaced)
    os.replace(tmp, path)
    fsync_dir(path.parent)


STORE_FILES = ("ulinzi.db", "keyslots.json")  # db.store's DB_FILE and KEYSLOTS_FILE


def holds_a_store(folder: Path) -> bool:
    try:
        return any((folder / name).exists() for name in STORE_FILES)
    except OSError:
        return False


def write_file(path: Path, data: bytes) -> None:
    """Write a file the person chose (a package, a backup, a PDF, an identity) in one piece,
    or refuse in plain words: a folder we may not write in, no such folder, a full disk."""
    with writing_to(path):
        atomic_write(path, data)


@contextmanager
def writing_to(path: Path) -> Iterator[None]:
    """Plain words for what goes wrong while writing `path` or scratch files beside it."""
    if path.is_dir():
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "errors", "{path} is a folder: give the name of a file to write, inside it."
            ),
            path=str(path),
        )
    no_folder = InvalidInput(
        QT_TRANSLATE_NOOP("errors", "There is no folder {folder}."), folder=str(path.parent)
    )
    if not path.parent.is_dir():
        raise no_folder
    if holds_a_store(path.parent):
        # A file written there could take the place of the store's database or key slots (a
        # PDF named ulinzi.db), and a child's document must not lie beside the store in clear.
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "errors",
                "{folder} holds a Ulinzi store: write the file in another folder (one of your "
                "documents, or a USB key).",
            ),
            folder=str(path.parent.resolve()),
        )
    if not os.access(path.parent, os.W_OK):
        raise CannotWriteFolder(folder=str(path.parent.resolve()))
    try:
        yield
    except PermissionError as e:
        raise CannotWriteFolder(folder=str(path.parent.resolve())) from e
    except FileNotFoundError as e:
        raise no_folder from e
    except StoreFull as e:
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "errors",
                "The disk is full: {name} was not written. Free some space or choose "
                "another place.",
            ),
            name=path.name,
        ) from e


def read_bounded(path: Path, most: int) -> bytes | None:
    """The bytes of the regular file `path`, or None when it holds more than `most` bytes.

    A device (`/dev/zero`), a pipe or a folder is refused before anything is read; the read
    itself stops after `most` bytes whatever the file claims its size is.
    """
    # Without blocking: a pipe opened for reading waits for a writer before `open` returns.
    with os.fdopen(os.open(path, os.O_RDONLY | os.O_NONBLOCK), "rb") as f:
        if not stat.S_ISREG(os.fstat(f.fileno()).st_mode):
            raise InvalidInput(
                QT_TRANSLATE_NOOP("errors", "{name} is not a file that can be read."),
                name=path.name,
            )
        data = f.read(most + 1)
    return None if len(data) > most else data
