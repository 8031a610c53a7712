"""Key slots and the recovery key, on their own (no database)."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from db.errors import KeySlotsDamaged, RecoveryKeyMistyped, WrongCredentials, WrongRecoveryKey
from db.keyslots import DEFAULT_KDF, KeySlots
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


@settings(max_examples=200)
@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(),
        lambda c: st.lists(c) | st.dictionaries(st.text(), c),
        max_leaves=20,
    )
)
def test_any_json_that_is_not_a_key_file_is_refused_plainly(tmp_path_factory, value):
    path = tmp_path_factory.mktemp("slots") / "keyslots.json"
    path.write_text(json.dumps(value))
    try:
        slots = KeySlots.load(path)
    except KeySlotsDamaged:
        return
    # Whatever loads must still refuse to unlock with a plain error, never crash.
    with pytest.raises((WrongCredentials, KeySlotsDamaged)):
        slots.unlock_user("amina", "a long password")


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
