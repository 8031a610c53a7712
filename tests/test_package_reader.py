"""What the package reader refuses, one rule at a time, with no store: the file's size and
header, the passphrase, the zip's names, kinds and sizes, the manifest's format, version and
sender, the entries it lists and their hashes. Each refusal says "damaged" and imports nothing;
these are also the fast tests that `python -m tests.mutation packages` runs."""

from __future__ import annotations

import io
import json
import os
import re
import stat
import zipfile

import pytest

from desktop import packages
from desktop.packages import PackageError, PassphraseNeeded

KEYS = packages.AgencyKeys.generate()
CASE = b'{"format": 1, "case": {"given_name": "Zawadi"}}'
PASSPHRASE = "maize river blue lantern seven goats"


def _manifest(**changes: object) -> dict[str, object]:
    sender = {"code": "KGL", "name": "Kigali", "verify_key": KEYS.verify_key}
    return {"kind": "transfer", "package_id": "p-1", "sender": sender, **changes}


def _entries(**extra: bytes) -> dict[str, bytes]:
    built = packages.build(_manifest(), {"case.json": CASE, **extra}, KEYS)
    with zipfile.ZipFile(io.BytesIO(built)) as z:
        return {n: z.read(n) for n in z.namelist()}


def _zip(entries: dict[str, bytes], extra: list[tuple[zipfile.ZipInfo, bytes]] = ()) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in entries.items():
            z.writestr(name, data)
        for info, data in extra:
            z.writestr(info, data)
    return buffer.getvalue()


def _open(plain: bytes, known: dict[str, str] | None = None) -> packages.Opened:
    sealed = packages.encrypt_to(plain, KEYS.age_recipient)
    return packages.open_package(
        sealed, {"KGL": KEYS.verify_key} if known is None else known, [KEYS.age_identity]
    )


def _refusal(plain: bytes) -> str:
    with pytest.raises(PackageError) as refused:
        _open(plain)
    return str(refused.value)


def _resigned(manifest: dict[str, object] | list[object] | bytes, **entries: bytes) -> bytes:
    body = manifest if isinstance(manifest, bytes) else json.dumps(manifest).encode()
    return _zip({"manifest.json": body, "manifest.sig": KEYS.sign(body), **entries})


def test_a_whole_package_opens_with_its_entries_sender_and_digest():
    sealed = packages.encrypt_to(
        packages.build(_manifest(), {"case.json": CASE}, KEYS), KEYS.age_recipient
    )
    opened = packages.open_package(sealed, {"KGL": KEYS.verify_key}, [KEYS.age_identity])
    assert opened.entries["case.json"] == CASE
    assert (opened.sender_known, opened.sender_code) == (True, "KGL")
    assert opened.digest == packages.sha256(sealed) and len(opened.digest) == 64
    assert opened.json("case.json") == json.loads(CASE)
    assert opened.manifest["format"] == packages.FORMAT and opened.manifest["version"] == 1
    assert opened.manifest["entries"]["case.json"] == {
        "sha256": packages.sha256(CASE),
        "size": len(CASE),
    }
    with pytest.raises(PackageError) as refused:
        opened.json("receipt.json")  # not in this package
    assert "receipt.json" in str(refused.value)


def test_pdfs_and_pictures_are_stored_as_they_are_and_json_is_compressed():
    pictures = {
        f"attachments/{i}.{kind}": b"%PDF" * 50 for i, kind in enumerate(("pdf", "jpg", "png"))
    }
    built = packages.build(_manifest(), {"case.json": CASE * 50, **pictures}, KEYS)
    with zipfile.ZipFile(io.BytesIO(built)) as z:
        kinds = {i.filename: i.compress_type for i in z.infolist()}
    assert {kinds[name] for name in pictures} == {zipfile.ZIP_STORED}
    assert kinds["case.json"] == kinds["manifest.json"] == zipfile.ZIP_DEFLATED


@pytest.mark.parametrize(
    "name", ["manifest.json", "manifest.sig", "../case.json", "documents/A.pdf", "notes.txt"]
)
def test_a_package_is_never_built_with_a_name_outside_its_format(name):
    with pytest.raises(ValueError, match=f"not a package entry name: {re.escape(name)}"):
        packages.build(_manifest(), {name: b"x"}, KEYS)


def test_the_manifest_keeps_accents_as_they_are():
    manifest = _manifest(sender={"code": "KGL", "name": "Région de Kigali — Bureau"})
    built = packages.build(manifest, {"case.json": CASE}, KEYS)
    with zipfile.ZipFile(io.BytesIO(built)) as z:
        body = z.read("manifest.json")
    assert "Région de Kigali — Bureau".encode() in body and b"\\u" not in body


def test_a_file_too_large_or_not_an_age_file_is_refused_before_it_is_read(monkeypatch):
    assert "not a Ulinzi case package" in _refusal_of_file(b"PK\x03\x04 a zip, not age")
    assert "not a Ulinzi case package" in _refusal_of_file(b"")
    monkeypatch.setattr(packages, "MAX_PACKAGE_BYTES", 3 * 1024 * 1024)
    too_large = b"age-encryption.org/v1\n" + b"x" * (3 * 1024 * 1024 - 21)
    assert "too large to be a case package (at most 3 MB)" in _refusal_of_file(too_large)
    assert "not made for this agency" in _refusal_of_file(too_large[:-1])  # at the limit


def _refusal_of_file(data: bytes) -> str:
    with pytest.raises(PackageError) as refused:
        packages.open_package(data, {}, [KEYS.age_identity])
    return str(refused.value)


def test_a_package_for_another_agency_is_refused_plainly():
    other = packages.AgencyKeys.generate()
    sealed = packages.encrypt_to(_zip(_entries()), other.age_recipient)
    with pytest.raises(PackageError) as refused:
        packages.open_package(sealed, {}, [KEYS.age_identity])
    assert "not made for this agency" in str(refused.value)


def test_only_the_header_says_whether_a_passphrase_is_needed():
    sealed = packages.encrypt_to(_zip(_entries()), KEYS.age_recipient)
    tricked = sealed + b"\n-> scrypt x\n---"  # words of a passphrase header, after the header
    with pytest.raises(PackageError) as refused:
        packages.open_package(tricked, {}, [KEYS.age_identity])
    assert not isinstance(refused.value, PassphraseNeeded)


def test_a_passphrase_package_asks_for_it_and_opens_only_with_the_right_one():
    sealed = packages.encrypt_with_passphrase(_zip(_entries()), PASSPHRASE)
    with pytest.raises(PassphraseNeeded) as asked:
        packages.open_package(sealed, {}, [KEYS.age_identity])
    assert "locked with a passphrase" in str(asked.value)
    with pytest.raises(PackageError) as refused:
        packages.open_package(sealed, {}, [], passphrase=PASSPHRASE + " ")
    assert "passphrase is not right" in str(refused.value)
    opened = packages.open_package(sealed, {"KGL": KEYS.verify_key}, [], passphrase=PASSPHRASE)
    assert opened.entries["case.json"] == CASE


@pytest.mark.parametrize(
    "passphrase",
    [
        "one two three",  # too short
        "a" * 40,  # one word
        "same same same same same same",  # long enough, one word six times
        "three wordsssss onlyyyy",  # 23 characters, three words
        "a bb ccc dddd" + " " * 20,  # four words, but the spaces do not count
    ],
)
def test_a_weak_passphrase_is_refused_before_anything_is_encrypted(passphrase):
    with pytest.raises(PackageError) as refused:
        packages.encrypt_with_passphrase(b"x", passphrase)
    assert "at least 4 words and 20 characters" in str(refused.value)


def test_a_passphrase_of_four_words_and_twenty_characters_is_enough():
    packages.check_passphrase("four small words here")  # 21 characters, 4 words
    packages.check_passphrase("four small word here")  # 20 characters
    with pytest.raises(PackageError):
        packages.check_passphrase("four smal words her")  # 19 characters


def test_public_keys_are_checked_when_a_partner_is_added():
    assert packages.check_recipient("  " + KEYS.age_recipient + "\n") == KEYS.age_recipient
    assert packages.check_verify_key(KEYS.verify_key) == KEYS.verify_key
    for wrong in ("", "age1", KEYS.verify_key, "AGE-SECRET-KEY-1"):
        with pytest.raises(PackageError) as refused:
            packages.check_recipient(wrong)
        assert "public key (age1…)" in str(refused.value)
    spaced = KEYS.verify_key[:8] + " " + KEYS.verify_key[8:]  # decodes if spaces are skipped
    for wrong in ("", "not base64!", "AAAA", KEYS.age_recipient, spaced, KEYS.verify_key + "!"):
        with pytest.raises(PackageError) as refused:
            packages.check_verify_key(wrong)
        assert "signing key" in str(refused.value)


# -- the zip ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    ["../evil.pdf", "/etc/passwd", "attachments/../../x.pdf", "evil.sh", "documents/", "a" * 300],
)
def test_a_name_outside_the_format_is_refused_before_anything_is_read(name):
    refusal = _refusal(_zip(_entries(), [(zipfile.ZipInfo(name), b"x")]))
    assert "damaged" in refusal and "entry name" in refusal


def test_the_same_name_twice_is_refused():
    with pytest.warns(UserWarning):  # zipfile warns of the duplicate it is asked to write
        twice = _zip(_entries(), [(zipfile.ZipInfo("case.json"), b"{}")])
    assert "entry name 'case.json'" in _refusal(twice)


@pytest.mark.parametrize("kind", [stat.S_IFLNK, stat.S_IFDIR, stat.S_IFCHR])
def test_a_link_a_folder_or_a_device_is_refused(kind):
    info = zipfile.ZipInfo("attachments/9.pdf")
    info.external_attr = (kind | 0o777) << 16
    assert "entry attachments/9.pdf is not a file" in _refusal(_zip(_entries(), [(info, b"x")]))


def test_a_plain_file_mode_is_accepted():
    info = zipfile.ZipInfo("attachments/9.pdf")
    info.external_attr = (stat.S_IFREG | 0o644) << 16
    entries = _entries(**{"attachments/9.pdf": b"x"})
    plain = _zip({k: v for k, v in entries.items() if k != "attachments/9.pdf"}, [(info, b"x")])
    assert _open(plain).entries["attachments/9.pdf"] == b"x"


def test_an_entry_or_a_package_too_large_is_refused(monkeypatch):
    monkeypatch.setattr(packages, "MAX_ENTRY_BYTES", 1024 * 1024)
    big = os.urandom(1024 * 1024 + 1)  # does not compress: only its size is wrong
    refusal = _refusal(_zip(_entries(), [(zipfile.ZipInfo("attachments/1.pdf"), big)]))
    assert "too large (attachments/1.pdf, 1 MB; at most 1 MB)" in refusal
    exact = _entries(**{"attachments/1.pdf": big[:-1]})  # at the limit: fine
    assert len(_open(_zip(exact)).entries["attachments/1.pdf"]) == 1024 * 1024
    total = sum(len(data) for data in exact.values())
    monkeypatch.setattr(packages, "MAX_TOTAL_BYTES", total)  # all of it, exactly: fine
    assert _open(_zip(exact)).entries.keys() == exact.keys()
    monkeypatch.setattr(packages, "MAX_TOTAL_BYTES", total - 1)
    assert "too large in all" in _refusal(_zip(exact))


def test_a_zip_bomb_is_refused_by_its_ratio(monkeypatch):
    bomb = zipfile.ZipInfo("attachments/8.pdf")
    bomb.compress_type = zipfile.ZIP_DEFLATED
    assert "compressed too much" in _refusal(_zip(_entries(), [(bomb, b"\0" * 200_000)]))
    small = _entries(**{"attachments/8.pdf": b"\0" * 60_000})  # repetitive but small: fine
    assert _open(_zip(small)).entries["attachments/8.pdf"] == b"\0" * 60_000


def test_only_entries_larger_than_64_kib_are_held_to_the_ratio():
    at_limit = _entries(**{"attachments/8.pdf": b"\0" * 65536})
    assert len(_open(_zip(at_limit)).entries["attachments/8.pdf"]) == 65536
    over = _entries(**{"attachments/8.pdf": b"\0" * 65537})
    assert "attachments/8.pdf is compressed too much" in _refusal(_zip(over))


def _claimed_sizes(plain: bytes, name: bytes, compressed: int, size: int) -> bytes:
    """The zip with the central directory claiming other sizes for entry `name`."""
    data = bytearray(plain)
    record = data.find(b"PK\x01\x02")
    while data[record + 46 : record + 46 + len(name)] != name:
        record = data.find(b"PK\x01\x02", record + 4)
    data[record + 20 : record + 28] = compressed.to_bytes(4, "little") + size.to_bytes(4, "little")
    return bytes(data)


def test_an_entry_at_exactly_the_ratio_is_not_refused_as_a_bomb():
    name = b"attachments/8.pdf"
    plain = _zip(_entries(**{"attachments/8.pdf": os.urandom(1000) + b"\0" * 90_000}))
    exactly = _refusal(_claimed_sizes(plain, name, 400, 400 * packages.MAX_RATIO))
    assert "damaged" in exactly and "compressed too much" not in exactly  # read, found wrong
    over = _refusal(_claimed_sizes(plain, name, 399, 400 * packages.MAX_RATIO))
    assert "attachments/8.pdf is compressed too much" in over


def test_too_many_entries_are_refused(monkeypatch):
    monkeypatch.setattr(packages, "MAX_ENTRIES", 3)
    assert "too many entries" in _refusal(_zip(_entries(**{"attachments/1.pdf": b"x"})))
    assert _open(_zip(_entries())).entries["case.json"] == CASE  # three: fine


def test_an_entry_whose_size_lies_is_refused():
    plain = bytearray(_zip(_entries()))
    central = plain.rfind(b"PK\x01\x02case.json"[:4])  # the last entry's central record
    size_at = central + 24
    size = int.from_bytes(plain[size_at : size_at + 4], "little")
    plain[size_at : size_at + 4] = (size - 1).to_bytes(4, "little")
    assert "damaged" in _refusal(bytes(plain))


def test_a_cut_zip_is_refused():
    assert "(zip)" in _refusal(_zip(_entries())[:-30])
    assert "(zip)" in _refusal(b"not a zip at all")


# -- the manifest ----------------------------------------------------------------------------------


def test_a_package_without_its_signed_manifest_is_refused():
    entries = _entries()
    for missing in ("manifest.json", "manifest.sig"):
        rest = {k: v for k, v in entries.items() if k != missing}
        assert "no signed manifest" in _refusal(_zip(rest))


def test_a_manifest_too_large_is_refused(monkeypatch):
    entries = _entries()
    monkeypatch.setattr(packages, "MAX_MANIFEST_BYTES", len(entries["manifest.json"]))
    assert _open(_zip(entries)).entries["case.json"] == CASE  # exactly the limit: fine
    monkeypatch.setattr(packages, "MAX_MANIFEST_BYTES", len(entries["manifest.json"]) - 1)
    assert "manifest too large" in _refusal(_zip(entries))


def test_words_taken_from_a_manifest_into_a_refusal_are_cut_to_twenty_characters():
    long = "9" * 25
    refusal = _refusal(_resigned({"format": packages.FORMAT, "version": long}))
    assert f"(package format {long[:20]})" in refusal
    stranger = packages.AgencyKeys.generate()
    code = "K" * 25
    book = {code: KEYS.verify_key}
    manifest = _manifest(sender={"code": code, "verify_key": stranger.verify_key})
    sealed = packages.encrypt_to(
        packages.build(manifest, {"case.json": CASE}, stranger), KEYS.age_recipient
    )
    with pytest.raises(PackageError) as refused:
        packages.open_package(sealed, book, [KEYS.age_identity])
    assert f"comes from {code[:20]}, but" in str(refused.value)


def test_a_sender_without_a_code_is_named_by_no_code():
    stranger = packages.AgencyKeys.generate()
    manifest = _manifest(sender={"verify_key": stranger.verify_key})
    sealed = packages.encrypt_to(
        packages.build(manifest, {"case.json": CASE}, stranger), KEYS.age_recipient
    )
    opened = packages.open_package(sealed, {}, [KEYS.age_identity])
    assert (opened.sender_known, opened.sender_code) == (False, "")


@pytest.mark.parametrize(
    ("manifest", "detail"),
    [
        (b"{not json", "(manifest)"),
        ([1, 2], "(manifest)"),
        ({"format": "zip", "version": 1}, "not a case package"),
        ({"format": packages.FORMAT, "version": 1, "sender": "KGL"}, "(sender)"),
        ({"format": packages.FORMAT, "version": 1, "sender": {"code": "KGL"}}, "(entries)"),
    ],
)
def test_a_signed_manifest_of_the_wrong_shape_is_refused(manifest, detail):
    assert detail in _refusal(_resigned(manifest))


def test_a_newer_format_asks_for_an_update():
    refusal = _refusal(_resigned({"format": packages.FORMAT, "version": 2}))
    assert "newer version of Ulinzi (package format 2)" in refusal


def test_entries_must_be_exactly_those_the_manifest_lists_with_their_hashes():
    listed = {"case.json": {"sha256": packages.sha256(CASE), "size": len(CASE)}}
    good = {"format": packages.FORMAT, "version": 1, "sender": {"code": "KGL"}, "entries": listed}
    assert _open(_resigned(good, **{"case.json": CASE})).entries["case.json"] == CASE
    assert "entries differ" in _refusal(_resigned(good))  # listed, missing
    extra = {"case.json": CASE, "receipt.json": b"{}"}
    assert "entries differ" in _refusal(_resigned(good, **extra))  # present, not listed
    assert "hash of case.json" in _refusal(_resigned(good, **{"case.json": CASE + b" "}))
    wrong = {**good, "entries": {"case.json": "not a dict"}}
    assert "hash of case.json" in _refusal(_resigned(wrong, **{"case.json": CASE}))
