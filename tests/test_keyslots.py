"""Key slots and the recovery key, on their own (no database)."""

from __future__ import annotations

import base64
import json
from collections import Counter

import pytest
from hypothesis import event, given, settings
from hypothesis import strategies as st

from db import keyslots
from db.errors import KeySlotsDamaged, RecoveryKeyMistyped, WrongCredentials, WrongRecoveryKey
from db.keyslots import (
    DEFAULT_KDF,
    MAX_MEMORY_KIB,
    MAX_PARALLELISM,
    MAX_TIME_COST,
    KdfParams,
    KeySlots,
    secret_bytes,
)
from db.recovery_code import ALPHABET, new_recovery_code, normalise_recovery_code
from tests.conftest import FAST_KDF

RAW = bytes(range(32))


def test_default_key_derivation_is_the_strong_one():
    assert DEFAULT_KDF.memory_kib >= 64 * 1024
    assert DEFAULT_KDF.time_cost >= 3


def test_slot_file_names_nobody_and_holds_no_key(tmp_path):
    slots = KeySlots.new("store-1")
    slots.set_user("Amina.Juma", "a long password", RAW, FAST_KDF)
    slots.save(tmp_path / "keyslots.json")
    raw = (tmp_path / "keyslots.json").read_bytes()
    assert b"amina" not in raw.lower()
    assert RAW not in raw and RAW.hex().encode() not in raw
    reloaded = KeySlots.load(tmp_path / "keyslots.json")
    assert reloaded.unlock_user("amina.juma", "a long password") == RAW


def test_wrong_password_and_unknown_user_fail_alike():
    slots = KeySlots.new("store-1")
    slots.set_user("amina", "a long password", RAW, FAST_KDF)
    with pytest.raises(WrongCredentials) as wrong:
        slots.unlock_user("amina", "not the password")
    with pytest.raises(WrongCredentials) as unknown:
        slots.unlock_user("nobody", "a long password")
    assert wrong.value.message == unknown.value.message


def test_a_slot_moved_to_another_username_or_store_does_not_open():
    slots = KeySlots.new("store-1")
    slots.set_user("amina", "a long password", RAW, FAST_KDF)
    data = json.loads(slots.to_bytes())
    amina = data["slots"].pop(slots.slot_id("amina"))
    data["slots"][slots.slot_id("baraka")] = amina
    with pytest.raises(WrongCredentials):
        KeySlots(data).unlock_user("baraka", "a long password")
    other = json.loads(slots.to_bytes())
    other["store_id"] = "store-2"
    with pytest.raises(WrongCredentials):
        KeySlots(other).unlock_user("amina", "a long password")


def test_resealing_gives_every_slot_the_new_key_without_passwords():
    slots = KeySlots.new("store-1")
    slots.set_user("amina", "first password", RAW, FAST_KDF)
    slots.set_user("baraka", "second password", RAW, FAST_KDF)
    new = bytes(reversed(RAW))
    slots.reseal_all(new)
    assert slots.unlock_user("amina", "first password") == new
    assert slots.unlock_user("baraka", "second password") == new


def test_a_tampered_sealed_key_is_damage_not_a_wrong_password():
    slots = KeySlots.new("store-1")
    slots.set_user("amina", "a long password", RAW, FAST_KDF)
    data = json.loads(slots.to_bytes())
    sealed = data["slots"][slots.slot_id("amina")]["db_key"]
    sealed["ciphertext"] = sealed["ciphertext"][:-4] + (
        "AAAA" if sealed["ciphertext"][-4:] != "AAAA" else "BBBB"
    )
    with pytest.raises(KeySlotsDamaged):
        KeySlots(data).unlock_user("amina", "a long password")


# -- damaged key files -----------------------------------------------------------------------
# The fuzzers start from a valid file (a person's slot and the recovery slot) and damage it, so
# that the loader's and the unlocker's checks are what the examples reach, not JSON's parser.

WRONG = "not the password"
RIGHT = "a long password"
RECOVERY = new_recovery_code()


def _valid_file() -> dict:
    slots = KeySlots.new("store-1")
    slots.set_user("amina", RIGHT, RAW, FAST_KDF)
    slots.set_recovery(RECOVERY, RAW, FAST_KDF)
    return json.loads(slots.to_bytes())


VALID = _valid_file()


def _paths(node, prefix=()):
    yield prefix
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _paths(value, (*prefix, key))


PATHS = sorted(_paths(VALID), key=lambda p: (len(p), p))
ODD = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.text(max_size=8)
    | st.lists(st.integers(), max_size=2)
    | st.dictionaries(st.text(max_size=4), st.integers(), max_size=2)
)
NUMBERS = st.sampled_from([0, -1, 1, 7, 2**32, 2**63, 10**30, 1.5, "8192", True])


def _damage_text(text: str, how: str, n: int) -> str:
    if how == "flip":  # one character replaced by another base64 character
        at = n % max(len(text), 1)
        return text[:at] + ("A" if text[at : at + 1] != "A" else "B") + text[at + 1 :]
    if how == "cut":
        return text[: n % max(len(text), 1)]
    if how == "not base64":
        return text[:4] + "*!" + text[4:]
    if how == "other length":  # valid base64 of a wrong number of bytes
        return base64.b64encode(bytes(n % 70)).decode()
    return text + "=="  # padding where there should be none


MUTATION = st.tuples(
    st.sampled_from(PATHS),
    st.one_of(
        st.just(("delete",)),
        st.tuples(st.just("replace"), ODD),
        st.tuples(st.just("number"), NUMBERS),
        st.tuples(
            st.just("text"),
            st.sampled_from(["flip", "cut", "not base64", "other length", "padding"]),
            st.integers(0, 200),
        ),
    ),
)


def _mutate(data: dict, path: tuple, change: tuple) -> dict:
    if not path:
        return change[1] if change[0] in ("replace", "number") else data
    parent = data
    for key in path[:-1]:
        if not isinstance(parent, dict) or key not in parent:
            return data  # an earlier mutation removed the way there
        parent = parent[key]
    if not isinstance(parent, dict) or path[-1] not in parent:
        return data
    if change[0] == "delete":
        del parent[path[-1]]
    elif change[0] in ("replace", "number"):
        parent[path[-1]] = change[1]
    elif isinstance(parent[path[-1]], str):
        parent[path[-1]] = _damage_text(parent[path[-1]], change[1], change[2])
    return data


def _outcome(attempt) -> str:
    """What one unlocking attempt met: our refusal (by kind and detail) or the key."""
    try:
        return attempt()
    except KeySlotsDamaged as e:
        return f"damaged: {e.params['detail']}"
    except (WrongCredentials, WrongRecoveryKey):
        return "wrong password"


# Refusals only a file that gets past JSON's parser can reach: each must be met by the fuzzer.
DEEP_KEY_FILE_CHECKS = {
    "load: unknown format",
    "load: missing fields",
    "load: lookup salt",
    "amina: damaged: slot unreadable",
    "amina: damaged: unknown key derivation",
    "amina: damaged: sealed key does not open",
    "amina: wrong password",
}


def test_damaged_key_files_never_open_with_a_wrong_password_nor_crash(tmp_path):
    reached: Counter[str] = Counter()
    path = tmp_path / "keyslots.json"

    @settings(max_examples=150, deadline=None, derandomize=True, database=None)
    @given(mutations=st.lists(MUTATION, min_size=1, max_size=2))
    def damage(mutations):
        data = json.loads(json.dumps(VALID))
        for where, change in mutations:
            data = _mutate(data, where, change)
        path.write_text(json.dumps(data))
        try:
            slots = KeySlots.load(path)
        except KeySlotsDamaged as e:
            label = f"load: {e.params['detail']}"
            event(label)
            reached[label] += 1
            return
        # A damaged file never gives the key to a wrong password or a wrong recovery key...
        assert _outcome(lambda: slots.unlock_user("amina", WRONG)) != RAW
        assert _outcome(lambda: slots.unlock_recovery(new_recovery_code())) != RAW
        # ...and the right ones get the store's key or our plain refusal, never another key.
        for who, attempt in (
            ("amina", lambda: slots.unlock_user("amina", RIGHT)),
            ("recovery", lambda: slots.unlock_recovery(RECOVERY)),
        ):
            result = _outcome(attempt)
            assert result == RAW or isinstance(result, str)
            label = f"{who}: {'opens' if result == RAW else result}"
            event(label)
            reached[label] += 1

    damage()
    print(dict(reached))  # the counts, with -s
    assert set(reached) >= DEEP_KEY_FILE_CHECKS, DEEP_KEY_FILE_CHECKS - set(reached)


@settings(max_examples=50, deadline=None)
@given(st.binary(max_size=300))
def test_any_bytes_as_key_file_are_refused_plainly(tmp_path_factory, blob):
    path = tmp_path_factory.mktemp("slots") / "keyslots.json"
    path.write_bytes(blob)
    with pytest.raises(KeySlotsDamaged):
        KeySlots.load(path)


def test_recovery_key_looks_like_eight_groups_of_five():
    code = new_recovery_code()
    groups = code.split("-")
    assert len(groups) == 8 and all(len(g) == 5 for g in groups)
    assert all(ch in ALPHABET for g in groups for ch in g)
    assert new_recovery_code() != code


def test_recovery_key_reading_is_forgiving():
    code = new_recovery_code()
    typed = code.lower().replace("-", " ").replace("0", "o").replace("1", "l")
    assert normalise_recovery_code(typed) == code


@given(st.integers(0, 39), st.integers(1, 31))
def test_a_mistyped_character_is_caught_and_located(position, shift):
    code = new_recovery_code().replace("-", "")
    original = ALPHABET.index(code[position])
    replacement = ALPHABET[(original + shift) % 32]
    typo = code[:position] + replacement + code[position + 1 :]
    if abs(ALPHABET.index(replacement) - original) == 31:
        return  # 0 <-> Z differ by the modulus; the slot itself still refuses such a key
    with pytest.raises(RecoveryKeyMistyped) as caught:
        normalise_recovery_code(typo)
    assert caught.value.params["group"] == position // 5 + 1


def test_recovery_slot_unlocks_and_a_wrong_code_does_not():
    slots = KeySlots.new("store-1")
    code = new_recovery_code()
    slots.set_recovery(code, RAW, FAST_KDF)
    assert slots.unlock_recovery(code) == RAW
    with pytest.raises(WrongRecoveryKey):
        slots.unlock_recovery(new_recovery_code())


# -- what the file holds, and taking a slot away -----------------------------------------------


def test_a_slot_file_has_the_documented_layout(tmp_path):
    """What another implementation (or an auditor) reads: AES-GCM's standard 96-bit nonces, a
    128-bit Argon2 salt per slot, a 256-bit lookup salt, raw X25519 keys and a 256-bit key sealed
    with its 128-bit tag."""
    slots = KeySlots.new("store-1")
    slots.set_user("amina", RIGHT, RAW, FAST_KDF)
    data = json.loads(slots.to_bytes())

    def size(text: str) -> int:
        return len(base64.b64decode(text, validate=True))

    assert size(data["lookup_salt"]) == 32
    slot = data["slots"][slots.slot_id("amina")]
    assert slot["kdf"] == {
        "name": "argon2id",
        "memory_kib": FAST_KDF.memory_kib,
        "time_cost": FAST_KDF.time_cost,
        "parallelism": FAST_KDF.parallelism,
        "salt": slot["kdf"]["salt"],
    }
    assert size(slot["kdf"]["salt"]) == 16
    assert size(slot["private_key"]["nonce"]) == 12
    assert size(slot["private_key"]["ciphertext"]) == 32 + 16
    assert size(slot["public_key"]) == 32
    assert size(slot["db_key"]["ephemeral"]) == 32
    assert size(slot["db_key"]["nonce"]) == 12
    assert size(slot["db_key"]["ciphertext"]) == 32 + 16


def test_a_lookup_salt_shorter_than_sixteen_bytes_is_damage(tmp_path):
    path = tmp_path / "keyslots.json"
    for length, damaged in ((15, True), (16, False)):
        data = json.loads(json.dumps(VALID))
        data["lookup_salt"] = base64.b64encode(bytes(range(length))).decode()
        path.write_text(json.dumps(data))
        if damaged:
            with pytest.raises(KeySlotsDamaged) as caught:
                KeySlots.load(path)
            assert caught.value.params["detail"] == "lookup salt"
        else:
            assert KeySlots.load(path).store_id == "store-1"


def test_a_key_file_that_is_not_json_says_so(tmp_path):
    path = tmp_path / "keyslots.json"
    path.write_bytes(b"{ not json")
    with pytest.raises(KeySlotsDamaged) as caught:
        KeySlots.load(path)
    assert caught.value.message == (
        "The store's key file is damaged or not an Ulinzi key file: JSONDecodeError."
    )


def test_a_removed_persons_password_no_longer_opens_the_store():
    slots = KeySlots.new("store-1")
    slots.set_user("amina", RIGHT, RAW, FAST_KDF)
    slots.set_user("baraka", "another password", RAW, FAST_KDF)
    assert slots.has_user(" Amina ") and slots.has_user("baraka") and not slots.has_user("nobody")
    assert slots.remove_user("AMINA") is True
    assert not slots.has_user("amina") and slots.has_user("baraka")
    with pytest.raises(WrongCredentials):
        slots.unlock_user("amina", RIGHT)
    assert slots.unlock_user("baraka", "another password") == RAW  # the others still open
    assert slots.remove_user("amina") is False  # nothing left to remove
    assert len(slots) == 1


def test_a_lookup_salt_with_a_character_that_is_not_base64_is_damage(tmp_path):
    """A stray character is not skipped over: the file was changed, not just read oddly."""
    path = tmp_path / "keyslots.json"
    data = json.loads(json.dumps(VALID))
    salt = base64.b64encode(bytes(range(32))).decode()
    data["lookup_salt"] = salt[:20] + "*" + salt[20:]
    path.write_text(json.dumps(data))
    with pytest.raises(KeySlotsDamaged) as caught:
        KeySlots.load(path)
    assert caught.value.params["detail"] == "lookup salt"


@pytest.mark.parametrize(
    ("memory_kib", "time_cost", "parallelism", "taken"),
    [
        (8, 1, 1, True),  # the least Argon2 allows: 8 KiB for each lane
        (7, 1, 1, False),
        (16, 1, 2, True),
        (15, 1, 2, False),
        (MAX_MEMORY_KIB, 1, 1, True),
        (MAX_MEMORY_KIB + 1, 1, 1, False),
        (8, MAX_TIME_COST, 1, True),
        (8, MAX_TIME_COST + 1, 1, False),
        (8, 0, 1, False),
        (8 * MAX_PARALLELISM, 1, MAX_PARALLELISM, True),
        (8 * (MAX_PARALLELISM + 1), 1, MAX_PARALLELISM + 1, False),
    ],
)
def test_a_slots_argon2_cost_is_taken_up_to_its_bounds_and_no_further(
    memory_kib, time_cost, parallelism, taken
):
    """A key file asking for more is damaged, not an order to spend hours or terabytes on one
    sign-in; up to the bounds it is a store made with more care (or on a bigger PC)."""
    asked = {"memory_kib": memory_kib, "time_cost": time_cost, "parallelism": parallelism}
    if taken:
        assert keyslots._kdf_params(asked) == KdfParams(memory_kib, time_cost, parallelism)
    else:
        with pytest.raises(ValueError):
            keyslots._kdf_params(asked)


def test_a_password_is_its_own_bytes_even_when_they_are_not_utf8():
    """A line read with `surrogateescape` (a terminal in another encoding) gives back the bytes
    typed, so the same bytes open the slot whatever the terminal; a lone surrogate that came
    from no byte is kept as well, never refused nor dropped."""
    assert secret_bytes("café") == "café".encode()
    assert secret_bytes(b"caf\xe9".decode("utf-8", "surrogateescape")) == b"caf\xe9"
    assert secret_bytes("a\ud800b") == b"a\xed\xa0\x80b"
