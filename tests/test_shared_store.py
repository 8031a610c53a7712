"""Several PC accounts share one store through a group (the ulinzi group of the Linux package):
everything the store makes or rewrites stays the group's, group-writable and private to others,
and a missing right is reported as one, never as damage. (Two real accounts taking turns on
one store: tests/test_installer.py, with the bundle.)"""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pytest

from db.files import atomic_write
from tests.conftest import PASSWORD, run_cli, run_signed_in

posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX groups and modes")


def another_group() -> int:
    """A group that is not this process's own: any number as root, else a supplementary one."""
    if os.geteuid() == 0:
        return 4242
    others = [g for g in os.getgroups() if g != os.getegid()]
    if not others:
        pytest.skip("this account belongs to no second group")
    return others[0]


@pytest.fixture
def restrictive_umask():
    """A person whose session makes private files (umask 077), as on many hardened desktops."""
    previous = os.umask(0o077)
    yield
    os.umask(previous)


def shared_folder(tmp_path: Path) -> tuple[Path, int]:
    """/var/lib/ulinzi as the package makes it: the group's, setgid, closed to others."""
    parent = tmp_path / "ulinzi"
    parent.mkdir()
    gid = another_group()
    os.chown(parent, -1, gid)
    parent.chmod(0o2770)
    return parent, gid


def not_shared(folder: Path, gid: int) -> list[str]:
    """Every file or folder of the store another member of the group could not use."""
    problems = []
    for path in [folder, *folder.rglob("*")]:
        st = path.lstat()
        mode = stat.S_IMODE(st.st_mode)
        name = str(path.relative_to(folder.parent))
        if st.st_gid != gid:
            problems.append(f"{name}: group {st.st_gid}")
        if mode & 0o060 != 0o060:
            problems.append(f"{name}: mode {mode:o}")
        if mode & 0o007:
            problems.append(f"{name}: open to others ({mode:o})")
        if path.is_dir() and not mode & stat.S_ISGID:
            problems.append(f"{name}: folder without setgid")
    return problems


@posix_only
def test_rewriting_a_file_keeps_its_mode_and_group(tmp_path):
    gid = another_group()
    path = tmp_path / "keyslots.json"
    path.write_bytes(b"{}")
    os.chown(path, -1, gid)
    path.chmod(0o640)
    atomic_write(path, b'{"format": 1}')
    st = path.stat()
    assert path.read_bytes() == b'{"format": 1}'
    assert (st.st_gid, stat.S_IMODE(st.st_mode)) == (gid, 0o640)


@posix_only
def test_a_store_in_the_groups_folder_stays_usable_by_the_whole_group(tmp_path, restrictive_umask):
    parent, gid = shared_folder(tmp_path)
    folder = parent / "store"
    made = run_cli(
        "init", "--store", str(folder), "--agency-name", "Musanze Social Welfare",
        "--agency-code", "MSZ", "--admin", "admin", "--password-stdin",
        stdin=PASSWORD + "\n",
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    assert not_shared(folder, gid) == []
    # Rewrites: the key slots (a new account), the audit head and the database (its WAL).
    added = run_signed_in(
        folder, "user", "add", "amani", "--role", "supervisor", "--password-stdin",
        stdin=PASSWORD + "\n" + PASSWORD + "\n",
    )  # fmt: skip
    assert added.returncode == 0, added.stderr
    checked = run_signed_in(folder, "check")
    assert checked.returncode == 0, checked.stderr
    assert not_shared(folder, gid) == []


@posix_only
@pytest.mark.skipif(
    sys.platform.startswith("linux") and os.geteuid() == 0,
    reason="root reads every file; tests/test_installer.py checks this with two accounts",
)
def test_a_file_this_account_may_not_read_is_named_as_a_permission_problem(agency):
    slots = agency.folder / "keyslots.json"
    slots.chmod(0o000)
    try:
        result = run_signed_in(agency.folder, "user", "list", user="admin")
    finally:
        slots.chmod(0o660)
    assert result.returncode == 1
    assert "may not use" in result.stderr and str(slots) in result.stderr
    assert "damaged" not in result.stderr.replace("Nothing is damaged", "")
