"""The case package format (`.ulz`): what travels between agencies, and how it is read safely.

A package is an **age** file (the standard `age` tool decrypts it with the same identity or
passphrase) around a zip made in memory:

    manifest.json    format, kind, package id, sending agency and its public keys, time, who
                     exported, the case ids, the reason, and every other entry's SHA-256
    manifest.sig     the sending agency's Ed25519 signature over manifest.json's exact bytes
    case.json        the case records
    documents/*.pdf  the transfer form
    attachments/*    signed copies filed with the case

age does not say who wrote a file: the signature does. Reading follows one order and stops at
the first problem: size limits, decrypt, the zip's entry names and sizes (never `extractall`),
the signature (against a partner's known key, else the key the manifest carries, shown as an
unknown sender), then every entry's hash, and only then anything else is parsed.

Nothing here touches the disk or the store: bytes in, bytes out.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import re
import stat
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import pyrage
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)

from db.errors import QT_TRANSLATE_NOOP, UlinziError

FORMAT = "ulinzi-package"
FORMAT_VERSION = 1
SUFFIX = ".ulz"
MANIFEST, SIGNATURE, CASE = "manifest.json", "manifest.sig", "case.json"
# Every name a package may hold: nothing else is read, and nothing is ever written out by name.
_ALLOWED = re.compile(
    r"^(manifest\.json|manifest\.sig|case\.json|receipt\.json"
    r"|documents/[a-z0-9][a-z0-9_-]{0,40}\.pdf"
    r"|attachments/[0-9]{1,6}\.(pdf|jpg|png))$"
)
MAX_PACKAGE_BYTES = 512 * 1024 * 1024  # the encrypted file, checked before it is read
MAX_ENTRIES = 2000
MAX_ENTRY_BYTES = 25 * 1024 * 1024  # a signed copy may have 20 MB
MAX_TOTAL_BYTES = 600 * 1024 * 1024
MAX_MANIFEST_BYTES = 2 * 1024 * 1024
MAX_RATIO = 200  # uncompressed / compressed, per entry: more is a zip bomb
MIN_PASSPHRASE = 20


class PackageError(UlinziError):
    """A package that cannot be read: why, in words for the person importing it."""


class PassphraseNeeded(PackageError):
    """The package is locked with a passphrase and none was given: ask the person for it."""


def _refuse(text: str, **params: Any) -> PackageError:
    return PackageError(text, **params)


DAMAGED = QT_TRANSLATE_NOOP(
    "errors",
    "This package is damaged or was changed after it was made ({detail}). Nothing was "
    "imported. Ask the sending agency to send it again.",
)


NEEDS_PASSPHRASE = QT_TRANSLATE_NOOP(
    "errors",
    "This package is locked with a passphrase: type the passphrase the sending agency gave you.",
)


# -- keys ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class AgencyKeys:
    """An agency's secret keys (kept inside its encrypted store)."""

    age_identity: str  # AGE-SECRET-KEY-1…
    signing_key: bytes  # Ed25519 private key, 32 raw bytes

    @classmethod
    def generate(cls) -> AgencyKeys:
        signing = Ed25519PrivateKey.generate()
        from cryptography.hazmat.primitives import serialization

        raw = signing.private_bytes(
            serialization.Encoding.Raw,
            serialization.PrivateFormat.Raw,
            serialization.NoEncryption(),
        )
        return cls(str(pyrage.x25519.Identity.generate()), raw)

    @property
    def age_recipient(self) -> str:
        return str(pyrage.x25519.Identity.from_str(self.age_identity).to_public())

    @property
    def verify_key(self) -> str:
        """The public signing key, base64."""
        from cryptography.hazmat.primitives import serialization

        public = Ed25519PrivateKey.from_private_bytes(self.signing_key).public_key()
        raw = public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
        return base64.b64encode(raw).decode()

    def sign(self, data: bytes) -> bytes:
        return Ed25519PrivateKey.from_private_bytes(self.signing_key).sign(data)


def fingerprint(code: str, age_recipient: str, verify_key: str) -> str:
    """A short code to read out over the phone: the same keys always give the same one."""
    digest = hashlib.sha256(f"{code}\n{age_recipient}\n{verify_key}".encode()).digest()
    # mutation: equivalent — base32 makes 8 letters of each 5 bytes: the 16 letters kept (no
    # padding) come from the first 10 bytes, whatever follows them.
    letters = base64.b32encode(digest[:10]).decode()  # pragma: no mutate
    return "-".join(letters[i : i + 4] for i in range(0, 16, 4))


def verifies(verify_key: str, data: bytes, signature: bytes) -> bool:
    try:
        Ed25519PublicKey.from_public_bytes(base64.b64decode(verify_key, validate=True)).verify(
            signature, data
        )
    except (InvalidSignature, ValueError, TypeError):
        return False
    return True


def check_recipient(value: str) -> str:
    """An age public key (age1…), or a clear refusal."""
    try:
        return str(pyrage.x25519.Recipient.from_str(value.strip()))
    except Exception as e:  # noqa: BLE001 - pyrage raises its own types
        raise _refuse(
            QT_TRANSLATE_NOOP("errors", "This is not an agency's public key (age1…).")
        ) from e


def check_verify_key(value: str) -> str:
    try:
        raw = base64.b64decode(value, validate=True)
        Ed25519PublicKey.from_public_bytes(raw)
    except (ValueError, TypeError) as e:
        raise _refuse(QT_TRANSLATE_NOOP("errors", "This is not an agency's signing key.")) from e
    return value


# -- writing ---------------------------------------------------------------------------------------


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def build(manifest: dict[str, Any], entries: dict[str, bytes], keys: AgencyKeys) -> bytes:
    """The zip of a package (in memory): `manifest` gets the entries' hashes and is signed."""
    for name in entries:
        if not _ALLOWED.match(name) or name in (MANIFEST, SIGNATURE):
            raise ValueError(f"not a package entry name: {name}")
    manifest = {
        **manifest,
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "entries": {
            name: {"sha256": sha256(data), "size": len(data)} for name, data in entries.items()
        },
    }
    # mutation: equivalent — ensure_ascii=None is as false as False (the line's others are killed).
    manifest_bytes = json.dumps(manifest, ensure_ascii=False, sort_keys=True, indent=1).encode()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(MANIFEST, manifest_bytes)
        z.writestr(SIGNATURE, keys.sign(manifest_bytes))
        for name, data in entries.items():
            stored = name.endswith((".pdf", ".jpg", ".png"))  # already compressed
            z.writestr(name, data, zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def encrypt_to(data: bytes, recipient: str) -> bytes:
    return pyrage.encrypt(data, [pyrage.x25519.Recipient.from_str(recipient)])


def encrypt_with_passphrase(data: bytes, passphrase: str) -> bytes:
    check_passphrase(passphrase)
    return pyrage.passphrase.encrypt(data, passphrase)


def passphrase_is_strong(passphrase: str) -> bool:
    """At least MIN_PASSPHRASE characters and four different words."""
    return len(passphrase.strip()) >= MIN_PASSPHRASE and len(set(passphrase.split())) >= 4


def check_passphrase(passphrase: str) -> None:
    if not passphrase_is_strong(passphrase):
        raise _refuse(
            QT_TRANSLATE_NOOP(
                "errors",
                "The passphrase is too short: use at least 4 words and {min} characters, for "
                "example five unrelated words. Send it by another way than the package (a "
                "phone call, an SMS), never with it.",
            ),
            min=MIN_PASSPHRASE,
        )


# -- reading ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Opened:
    """A package decrypted, its zip checked, its signature and every hash verified."""

    manifest: dict[str, Any]
    entries: dict[str, bytes]
    sender_known: bool  # signed by the key of a partner in the address book
    sender_code: str
    digest: str  # SHA-256 of the whole encrypted file: what both agencies record

    def json(self, name: str) -> Any:
        try:
            return json.loads(self.entries[name])
        except (KeyError, ValueError) as e:
            raise _refuse(DAMAGED, detail=name) from e


def decrypt(data: bytes, identities: Iterable[str] = (), passphrase: str | None = None) -> bytes:
    if len(data) > MAX_PACKAGE_BYTES:
        raise _refuse(
            QT_TRANSLATE_NOOP(
                "errors", "This file is too large to be a case package (at most {max} MB)."
            ),
            max=MAX_PACKAGE_BYTES // (1024 * 1024),
        )
    if not data.startswith(b"age-encryption.org/v1\n"):
        raise _refuse(
            QT_TRANSLATE_NOOP(
                "errors",
                "This file is not a Ulinzi case package (or it is cut short). Nothing was "
                "imported.",
            )
        )
    if b"\n-> scrypt " in data.partition(b"\n---")[0]:  # a passphrase stanza in the header
        if passphrase is None:
            raise PassphraseNeeded(NEEDS_PASSPHRASE)
        try:
            return pyrage.passphrase.decrypt(data, passphrase)
        except Exception as e:  # noqa: BLE001 - pyrage's errors are not typed precisely
            raise _refuse(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "The passphrase is not right, or the package is damaged. Check the "
                    "passphrase with the sending agency (by phone, not by the same way as the "
                    "package).",
                )
            ) from e
    try:
        keys = [pyrage.x25519.Identity.from_str(i) for i in identities]
        return pyrage.decrypt(data, keys)
    except Exception as e:  # noqa: BLE001
        raise _refuse(
            QT_TRANSLATE_NOOP(
                "errors",
                "This package was not made for this agency (or it is damaged): it cannot be "
                "opened with this agency's key. Nothing was imported. Check with the sending "
                "agency that they used your agency's public key.",
            )
        ) from e


def _read_zip(data: bytes) -> dict[str, bytes]:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError, EOFError) as e:
        raise _refuse(DAMAGED, detail="zip") from e
    if len(infos) > MAX_ENTRIES:
        raise _refuse(DAMAGED, detail="too many entries")
    seen: set[str] = set()
    total = 0
    for info in infos:
        name = info.filename
        mode = info.external_attr >> 16
        if not _ALLOWED.match(name) or name in seen:
            raise _refuse(DAMAGED, detail=f"entry name {name[:80]!r}")
        if stat.S_IFMT(mode) not in (0, stat.S_IFREG):  # a link, a folder or a device
            raise _refuse(DAMAGED, detail=f"entry {name} is not a file")
        if info.file_size > MAX_ENTRY_BYTES:
            raise _refuse(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "The package holds a file that is too large ({name}, {size} MB; at most "
                    "{max} MB). Nothing was imported.",
                ),
                name=name,
                size=info.file_size // (1024 * 1024),
                max=MAX_ENTRY_BYTES // (1024 * 1024),
            )
        # mutation: equivalent — max(…, 1) or (…, 2): a size of 0 or 1 claimed for an entry over
        # 65,536 bytes is refused whichever floor (200 × 2 is far below 65,536).
        floor = max(info.compress_size, 1)  # pragma: no mutate
        if info.file_size > MAX_RATIO * floor and info.file_size > 65536:
            raise _refuse(DAMAGED, detail=f"entry {name} is compressed too much")
        seen.add(name)
        total += info.file_size
    if total > MAX_TOTAL_BYTES:
        raise _refuse(DAMAGED, detail="too large in all")
    entries = {}
    for info in infos:
        try:
            with archive.open(info) as f:
                # Never more than the header says, plus one. mutation: equivalent — a read of
                # more, or of all: zipfile itself stops at the header's size and checks the CRC.
                data = f.read(info.file_size + 1)  # pragma: no mutate
        except (zipfile.BadZipFile, ValueError, OSError, EOFError, NotImplementedError) as e:
            raise _refuse(DAMAGED, detail=f"entry {info.filename}") from e
        # mutation: equivalent — not reached with Python's zipfile (a short or long entry fails
        # its CRC above); kept so that a reader that does not check cannot let one through.
        if len(data) != info.file_size:  # pragma: no mutate
            raise _refuse(DAMAGED, detail=f"entry {info.filename} size")  # pragma: no mutate
        entries[info.filename] = data
    return entries


def open_package(
    data: bytes,
    known_keys: dict[str, str],
    identities: Iterable[str] = (),
    passphrase: str | None = None,
) -> Opened:
    """Decrypt and check a package. `known_keys` maps partner agency codes to their signing
    keys (the address book). Raises PackageError, never anything else, for any bad input."""
    digest = sha256(data)
    plain = decrypt(data, identities, passphrase)
    entries = _read_zip(plain)
    manifest_bytes, signature = entries.get(MANIFEST), entries.get(SIGNATURE)
    if manifest_bytes is None or signature is None:
        raise _refuse(DAMAGED, detail="no signed manifest")
    if len(manifest_bytes) > MAX_MANIFEST_BYTES:
        raise _refuse(DAMAGED, detail="manifest too large")
    known = next(
        (code for code, key in known_keys.items() if verifies(key, manifest_bytes, signature)),
        None,
    )
    try:
        manifest = json.loads(manifest_bytes)
    except ValueError as e:
        raise _refuse(DAMAGED, detail="manifest") from e
    if not isinstance(manifest, dict):
        raise _refuse(DAMAGED, detail="manifest")
    if manifest.get("format") != FORMAT:
        raise _refuse(DAMAGED, detail="not a case package")
    if manifest.get("version") != FORMAT_VERSION:
        raise _refuse(
            QT_TRANSLATE_NOOP(
                "errors",
                "This package was made by a newer version of Ulinzi (package format "
                "{version}). Update Ulinzi on this computer, then import it again.",
            ),
            version=str(manifest.get("version"))[:20],
        )
    sender = manifest.get("sender")
    if not isinstance(sender, dict):
        raise _refuse(DAMAGED, detail="sender")
    code = str(sender.get("code") or "")
    if known is None:
        # mutation: equivalent — `or "XXXX"`: no key and a text that is not a key both fail.
        if not verifies(str(sender.get("verify_key") or ""), manifest_bytes, signature):
            raise _refuse(DAMAGED, detail="signature")
        if code in known_keys:  # a known agency's name with another key: not them
            raise _refuse(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "This package says it comes from {code}, but it is not signed with {code}'s "
                    "key in your address book. It may be forged: nothing was imported. Call "
                    "{code} to check.",
                ),
                code=code[:20],
            )
    elif known != code:
        raise _refuse(DAMAGED, detail="sender code")
    listed = manifest.get("entries")
    if not isinstance(listed, dict):
        raise _refuse(DAMAGED, detail="entries")
    present = set(entries) - {MANIFEST, SIGNATURE}
    if present != set(listed):
        raise _refuse(DAMAGED, detail="entries differ from the manifest")
    for name in present:
        meta = listed[name]
        if not isinstance(meta, dict) or meta.get("sha256") != sha256(entries[name]):
            raise _refuse(DAMAGED, detail=f"hash of {name}")
    return Opened(manifest, entries, known is not None, code, digest)
