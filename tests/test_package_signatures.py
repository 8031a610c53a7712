"""Whether a package can be believed about who sent it: known-answer vectors for the signature
(a fixed key and manifest give fixed bytes, so a change of construction is noticed), a one-byte
change refused, an unknown sender's own signature checked, and a partner's key signing only for
its own agency code."""

from __future__ import annotations

import base64
import hashlib
import io
import json
import zipfile

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import func, select

from db.models import Case
from desktop import exchange, packages
from desktop.packages import PackageError
from tests.stories import exported, unzip

# A fixed agency: Ed25519 seed 00 01 … 1f, and an age identity made once for these vectors.
SEED = bytes(range(32))
AGE_IDENTITY = "AGE-SECRET-KEY-14LV3K4M8YZ8TCCLGMT5SZ9GQ8KCYR68PEGEZ4V6AMM5W54KCR4SQMA3F6H"
AGE_RECIPIENT = "age1glug5jzglyt0julmvdsrtp6s27d9yucghrxrk6w6gn5546uksd4s3uhmr2"
VERIFY_KEY = "A6EHv/POEL4dcN0Y50vAmWfk1jCbpQ1fHdyGZBJVMbg="
FINGERPRINT = "CPV3-JCBZ-7KAZ-Q5FU"
CASE_JSON = b'{"format": 1, "case": {"given_name": "Zawadi"}}'
MANIFEST_SHA256 = "ae1fae05f3af37a698da07cb8ee94a27e1d70f9a316b33f6000e002f49afedfe"
SIGNATURE = (
    "b7f71a2996d3df8f88c3b08630e3ec56ab7f9e9f6351ae6286825c5cf87de11c"
    "4c00f21501fef57963b5569b5c88dd177728da6cdd4acf41f87e40f6a635d40c"
)
KEYS = packages.AgencyKeys(AGE_IDENTITY, SEED)


def _manifest(code: str = "KGL", verify_key: str = VERIFY_KEY) -> dict[str, object]:
    return {
        "kind": "transfer",
        "package_id": "00000000-0000-4000-8000-000000000001",
        "sender": {
            "code": code,
            "name": "Kigali District Office",
            "verify_key": verify_key,
            "age_recipient": AGE_RECIPIENT,
        },
        "created_at": "2026-01-02T03:04:05+00:00",
    }


def _zip(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        for name, data in entries.items():
            z.writestr(name, data)
    return buffer.getvalue()


def _open(entries: dict[str, bytes], known: dict[str, str]) -> packages.Opened:
    sealed = packages.encrypt_to(_zip(entries), AGE_RECIPIENT)
    return packages.open_package(sealed, known, [AGE_IDENTITY])


def _signed(manifest: dict[str, object], signer: packages.AgencyKeys) -> dict[str, bytes]:
    return unzip(packages.build(manifest, {"case.json": CASE_JSON}, signer))


# -- known answers ---------------------------------------------------------------------------------


def test_a_fixed_key_and_manifest_give_the_recorded_keys_manifest_and_signature():
    assert KEYS.verify_key == VERIFY_KEY
    assert KEYS.age_recipient == AGE_RECIPIENT
    assert packages.fingerprint("KGL", AGE_RECIPIENT, VERIFY_KEY) == FINGERPRINT
    entries = _signed(_manifest(), KEYS)
    assert set(entries) == {"manifest.json", "manifest.sig", "case.json"}
    assert hashlib.sha256(entries["manifest.json"]).hexdigest() == MANIFEST_SHA256
    assert entries["manifest.sig"].hex() == SIGNATURE


def test_the_recorded_vectors_follow_the_documented_construction():
    """Computed again here from the format's description (manifest.json: sorted keys, one-space
    indent, every entry's SHA-256 and size; manifest.sig: Ed25519 over its exact bytes; the
    fingerprint: SHA-256 of code, recipient and key, 16 base32 letters in groups of 4)."""
    private = Ed25519PrivateKey.from_private_bytes(SEED)
    public = private.public_key().public_bytes_raw()
    assert base64.b64encode(public).decode() == VERIFY_KEY
    manifest = {
        **_manifest(),
        "format": "ulinzi-package",
        "version": 1,
        "entries": {
            "case.json": {"sha256": hashlib.sha256(CASE_JSON).hexdigest(), "size": len(CASE_JSON)}
        },
    }
    body = json.dumps(manifest, ensure_ascii=False, sort_keys=True, indent=1).encode()
    assert hashlib.sha256(body).hexdigest() == MANIFEST_SHA256
    assert private.sign(body).hex() == SIGNATURE
    letters = base64.b32encode(
        hashlib.sha256(f"KGL\n{AGE_RECIPIENT}\n{VERIFY_KEY}".encode()).digest()[:10]
    ).decode()
    assert "-".join(letters[i : i + 4] for i in range(0, 16, 4)) == FINGERPRINT


def test_the_recorded_signature_verifies_and_one_changed_byte_does_not():
    entries = _signed(_manifest(), KEYS)
    manifest, signature = entries["manifest.json"], bytes.fromhex(SIGNATURE)
    assert packages.verifies(VERIFY_KEY, manifest, signature)
    opened = _open(entries, {"KGL": VERIFY_KEY})
    assert (opened.sender_known, opened.sender_code) == (True, "KGL")
    assert opened.entries["case.json"] == CASE_JSON
    for at in (0, len(manifest) // 2, len(manifest) - 1):  # start, middle, end
        changed = manifest[:at] + bytes([manifest[at] ^ 1]) + manifest[at + 1 :]
        assert not packages.verifies(VERIFY_KEY, changed, signature)
    for at in (0, 31, 32, 63):  # both halves of the signature (R and S)
        bad = signature[:at] + bytes([signature[at] ^ 0x80]) + signature[at + 1 :]
        assert not packages.verifies(VERIFY_KEY, manifest, bad)
        with pytest.raises(PackageError) as refused:
            _open({**entries, "manifest.sig": bad}, {"KGL": VERIFY_KEY})
        assert "damaged" in str(refused.value)
    # The sender's name changed by one letter, signature kept: not the same manifest any more.
    renamed = manifest.replace(b"Kigali", b"Kigalu")
    with pytest.raises(PackageError):
        _open({**entries, "manifest.json": renamed}, {"KGL": VERIFY_KEY})
    with pytest.raises(PackageError):  # and not as an unknown sender either
        _open({**entries, "manifest.json": renamed}, {})


def test_signatures_that_are_not_ed25519_keys_or_signatures_do_not_verify():
    manifest = _signed(_manifest(), KEYS)["manifest.json"]
    signature = bytes.fromhex(SIGNATURE)
    spaced = VERIFY_KEY[:8] + " " + VERIFY_KEY[8:]  # the same key if spaces were skipped
    for key in ("", "not base64!", base64.b64encode(b"short").decode(), VERIFY_KEY[:-4], spaced):
        assert not packages.verifies(key, manifest, signature)
    assert not packages.verifies(VERIFY_KEY, manifest, signature[:-1])
    assert not packages.verifies(VERIFY_KEY, manifest, b"")


# -- who signed ------------------------------------------------------------------------------------


def test_an_unknown_sender_must_have_signed_with_the_key_its_manifest_names():
    forger = packages.AgencyKeys.generate()
    claimed = _manifest("RUB")  # names the fixed key, signed by another one
    with pytest.raises(PackageError) as refused:
        _open(_signed(claimed, forger), {})
    assert "signature" in str(refused.value)
    honest = _open(_signed(_manifest("RUB", forger.verify_key), forger), {})
    assert (honest.sender_known, honest.sender_code) == (False, "RUB")


def test_a_partners_key_signs_only_for_its_own_agency_code():
    partner = packages.AgencyKeys.generate()
    book = {"KGL": VERIFY_KEY, "MUS": partner.verify_key}
    for code in ("MUS", "RUB", ""):  # another partner, an agency we do not know, no code
        with pytest.raises(PackageError) as refused:
            _open(_signed(_manifest(code), KEYS), book)  # KGL's key, another name
        assert "damaged" in str(refused.value)
    assert _open(_signed(_manifest("KGL"), KEYS), book).sender_code == "KGL"
    # A known agency's code with a key of someone else's: named as possibly forged.
    with pytest.raises(PackageError) as refused:
        _open(_signed(_manifest("MUS", VERIFY_KEY), packages.AgencyKeys.generate()), book)
    assert "damaged" in str(refused.value)
    with pytest.raises(PackageError) as refused:
        stranger = packages.AgencyKeys.generate()
        _open(_signed(_manifest("MUS", stranger.verify_key), stranger), book)
    assert "not signed with MUS's key" in str(refused.value)


# -- through the import, as the receiving agency meets it --------------------------------------


def _resigned(agency, partner, tmp_path, code: str, signer: packages.AgencyKeys | None) -> bytes:
    """KGL's real package to MUS, its manifest rewritten to say `code` and signed by `signer`
    (KGL's own key when None), sealed again for MUS."""
    _, out = exported(agency, partner, tmp_path)
    with partner.sign_in("sam") as us, us.store.write() as s:
        mine = exchange.keys_in(s)
    with agency.sign_in("sam") as us, us.store.write() as s:
        theirs = exchange.keys_in(s)
    entries = unzip(packages.decrypt(out.read_bytes(), [mine.age_identity]))
    manifest = json.loads(entries.pop("manifest.json"))
    entries.pop("manifest.sig")
    manifest["sender"]["code"] = code
    signer = signer or theirs
    if code != "KGL" and signer is not theirs:  # names a key of its own, as a stranger would
        manifest["sender"]["verify_key"] = KEYS.verify_key
    return packages.encrypt_to(packages.build(manifest, entries, signer), mine.age_recipient)


def _imported_cases(agency) -> int:
    with agency.sign_in("sam") as us, us.store.read() as s:
        return s.execute(select(func.count()).select_from(Case)).scalar()


def test_a_forged_package_from_an_unknown_sender_is_refused_even_after_a_supervisor_confirms(
    agency, partner, tmp_path
):
    forger = packages.AgencyKeys.generate()  # not the key the manifest names
    forged = _resigned(agency, partner, tmp_path, "RUB", forger)
    with partner.sign_in("sam") as us, pytest.raises(PackageError) as refused:
        exchange.import_package(us, forged, confirm_unknown_sender=True, caseworker="cara")
    assert "damaged" in str(refused.value) and "signature" in str(refused.value)
    assert _imported_cases(partner) == 0


def test_a_partners_key_cannot_send_a_package_in_another_agencys_name(agency, partner, tmp_path):
    borrowed = _resigned(agency, partner, tmp_path, "RUB", None)  # KGL's key, RUB's name
    with partner.sign_in("cara") as us, pytest.raises(PackageError) as refused:
        exchange.import_package(us, borrowed)
    assert "damaged" in str(refused.value)
    with partner.sign_in("sam") as us, pytest.raises(PackageError):
        exchange.import_package(us, borrowed, confirm_unknown_sender=True, caseworker="cara")
    assert _imported_cases(partner) == 0
