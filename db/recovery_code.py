"""The recovery key: 160 random bits written as 8 groups of 5 characters a person can copy by hand.

Each group is 4 data characters and 1 check character, so a typo is caught and located to its
group before any slow key derivation runs. The alphabet is Crockford's base 32 (no I, L, O, U),
and reading is forgiving: case, spaces and dashes are ignored, O reads as 0, I and L as 1.
"""

from __future__ import annotations

import secrets

from db.errors import QT_TRANSLATE_NOOP, RecoveryKeyMistyped, WrongRecoveryKey

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
GROUPS = 8
DATA_PER_GROUP = 4
_LOOKALIKES = str.maketrans({"O": "0", "I": "1", "L": "1"})


def _check_char(group_index: int, data: str) -> str:
    # Weights 2..5 are invertible modulo the prime 31, and the group index is mixed in,
    # so a changed character or two swapped groups change the check character.
    total = 7 * (group_index + 1) + sum((k + 2) * ALPHABET.index(c) for k, c in enumerate(data))
    return ALPHABET[total % 31]


def new_recovery_code() -> str:
    groups = []
    for g in range(GROUPS):
        data = "".join(secrets.choice(ALPHABET) for _ in range(DATA_PER_GROUP))
        groups.append(data + _check_char(g, data))
    return "-".join(groups)


def normalise_recovery_code(typed: str) -> str:
    """Return the canonical form of a typed code, or say which group is wrong."""
    cleaned = "".join(ch for ch in typed.upper() if ch.isalnum()).translate(_LOOKALIKES)
    size = DATA_PER_GROUP + 1
    if len(cleaned) != GROUPS * size or any(ch not in ALPHABET for ch in cleaned):
        raise WrongRecoveryKey(
            QT_TRANSLATE_NOOP(
                "errors", "A recovery key has {groups} groups of {size} letters and digits."
            ),
            groups=GROUPS,
            size=size,
        )
    groups = [cleaned[i : i + size] for i in range(0, len(cleaned), size)]
    for g, group in enumerate(groups):
        if _check_char(g, group[:DATA_PER_GROUP]) != group[DATA_PER_GROUP]:
            raise RecoveryKeyMistyped(group=g + 1)
    return "-".join(groups)
