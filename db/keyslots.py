"""Key slots: how each person's password (or the recovery key) unlocks the store's database key.

The database is keyed with one random 256-bit raw key. Every slot has its own X25519 key pair;
the private key is wrapped with AES-256-GCM under an Argon2id key derived from the slot's
password, and the raw key is sealed to the slot's public key (X25519 + HKDF + AES-256-GCM).
Unlocking is therefore: password -> Argon2id -> private key -> raw key. The extra step lets an
administrator re-key the database and give every remaining slot the new key without knowing
anybody's password.

Slots are found by an HMAC of the folded username under a random per-store salt, so the file
names nobody. Everything is bound to the store id as associated data: a slot copied from another
store, or moved to another username, does not open.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from argon2.exceptions import HashingError
from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from db.errors import KeySlotsDamaged, WrongCredentials, WrongRecoveryKey
from db.files import atomic_write

FORMAT = 1
RECOVERY_SLOT = "recovery"
RAW_KEY_BYTES = 32


@dataclass(frozen=True)
class KdfParams:
    """Argon2id cost. The defaults follow RFC 9106's second recommendation (64 MiB, t=3, p=4)."""

    memory_kib: int = 64 * 1024
    time_cost: int = 3
    parallelism: int = 4

    def derive(self, secret: str, salt: bytes) -> bytes:
        return hash_secret_raw(
            secret_bytes(secret),
            salt,
            time_cost=self.time_cost,
            memory_cost=self.memory_kib,
            parallelism=self.parallelism,
            hash_len=32,
            type=Type.ID,
        )


DEFAULT_KDF = KdfParams()


def secret_bytes(secret: str) -> bytes:
    """A typed secret as bytes. Any bytes are a password: a line read with `surrogateescape`
    gives back its own bytes, so a non-UTF-8 password is simply a (probably wrong) password."""
    try:
        # mutation: equivalent — "UTF-8" (here and below): codec names are not case sensitive.
        return secret.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a lone surrogate that did not come from a byte
        return secret.encode("utf-8", "surrogatepass")


def _b64(data: bytes) -> str:
    # mutation: equivalent — "ASCII": codec names are not case sensitive.
    return base64.b64encode(data).decode("ascii")  # pragma: no mutate


def _unb64(text: str) -> bytes:
    if not isinstance(text, str):  # a damaged file's null or number is damage, like bad text
        # mutation: equivalent — the words: every caller turns a ValueError into its own damage.
        raise ValueError("not base64 text")  # pragma: no mutate
    # mutation: equivalent — "ASCII": codec names are not case sensitive.
    return base64.b64decode(text.encode("ascii"), validate=True)


def fold_username(username: str) -> str:
    return username.strip().casefold()


def _seal_key(raw_key: bytes, public: X25519PublicKey, aad: bytes) -> dict[str, str]:
    ephemeral = X25519PrivateKey.generate()
    shared = ephemeral.exchange(public)
    eph_pub = ephemeral.public_key().public_bytes_raw()
    wrap_key = HKDF(hashes.SHA256(), 32, salt=eph_pub, info=b"ulinzi db key seal v1").derive(shared)
    nonce = secrets.token_bytes(12)
    return {
        "ephemeral": _b64(eph_pub),
        "nonce": _b64(nonce),
        "ciphertext": _b64(AESGCM(wrap_key).encrypt(nonce, raw_key, aad)),
    }


# What a slot's Argon2id parameters may be: a file asking for more (or for what Argon2 refuses)
# is damaged, not an order to spend hours or terabytes on one sign-in.
MAX_MEMORY_KIB = 4 * 1024 * 1024
MAX_TIME_COST = 64
MAX_PARALLELISM = 64


def _kdf_params(kdf_data: dict[str, Any]) -> KdfParams:
    values = [kdf_data["memory_kib"], kdf_data["time_cost"], kdf_data["parallelism"]]
    if not all(type(v) is int for v in values):  # not bool, float or text
        # mutation: equivalent — the words (and below): the slot is "unreadable", whatever they say.
        raise ValueError("parameters are not whole numbers")  # pragma: no mutate
    kdf = KdfParams(*values)
    if not (
        1 <= kdf.parallelism <= MAX_PARALLELISM
        and 1 <= kdf.time_cost <= MAX_TIME_COST
        and 8 * kdf.parallelism <= kdf.memory_kib <= MAX_MEMORY_KIB
    ):
        raise ValueError("parameters out of range")  # pragma: no mutate
    return kdf


def _open_sealed_key(sealed: dict[str, str], private: X25519PrivateKey, aad: bytes) -> bytes:
    eph_pub = _unb64(sealed["ephemeral"])
    shared = private.exchange(X25519PublicKey.from_public_bytes(eph_pub))
    wrap_key = HKDF(hashes.SHA256(), 32, salt=eph_pub, info=b"ulinzi db key seal v1").derive(shared)
    return AESGCM(wrap_key).decrypt(_unb64(sealed["nonce"]), _unb64(sealed["ciphertext"]), aad)


class KeySlots:
    """The content of `keyslots.json`. Changes are written with `save()` (atomically)."""

    def __init__(self, data: dict[str, Any]) -> None:
        self._data = data

    # -- file ------------------------------------------------------------------------------
    @classmethod
    def new(cls, store_id: str) -> KeySlots:
        return cls(
            {
                "format": FORMAT,
                "store_id": store_id,
                # mutation: equivalent — `token_bytes(None)`: its default is 32 bytes too.
                "lookup_salt": _b64(secrets.token_bytes(32)),
                "slots": {},
            }
        )

    @classmethod
    def load(cls, path: Path) -> KeySlots:
        try:
            data = json.loads(path.read_bytes())
        except (FileNotFoundError, PermissionError):
            raise  # not damage: the store reports whose right is missing
        except (OSError, ValueError) as e:
            raise KeySlotsDamaged(detail=type(e).__name__) from e
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise KeySlotsDamaged(detail="unknown format")
        if not isinstance(data.get("slots"), dict) or not isinstance(data.get("store_id"), str):
            raise KeySlotsDamaged(detail="missing fields")
        try:  # every lookup needs the salt: a file without a readable one is damaged as a whole
            if len(_unb64(data.get("lookup_salt"))) < 16:
                # mutation: equivalent — the words are replaced by the "lookup salt" detail below.
                raise ValueError("short salt")  # pragma: no mutate
        except ValueError as e:
            raise KeySlotsDamaged(detail="lookup salt") from e
        return cls(data)

    def to_bytes(self) -> bytes:
        # mutation: equivalent — another indent, unsorted keys or "UTF-8" change the file's spacing
        # and order, not what it says: `load` reads each the same.
        return json.dumps(self._data, indent=1, sort_keys=True).encode("utf-8")  # pragma: no mutate

    def save(self, path: Path) -> None:
        atomic_write(path, self.to_bytes())

    @property
    def store_id(self) -> str:
        return self._data["store_id"]

    @property
    def throttle_kept(self) -> bool:
        """The store keeps a failed-login record beside it (so its absence means deletion)."""
        return self._data.get("throttle_kept") is True

    @throttle_kept.setter
    def throttle_kept(self, value: bool) -> None:
        self._data["throttle_kept"] = bool(value)

    # -- lookup ----------------------------------------------------------------------------
    def slot_id(self, username: str) -> str:
        salt = _unb64(self._data["lookup_salt"])
        return hmac.new(salt, secret_bytes(fold_username(username)), hashlib.sha256).hexdigest()

    def has_user(self, username: str) -> bool:
        return self.slot_id(username) in self._data["slots"]

    def has_recovery(self) -> bool:
        return RECOVERY_SLOT in self._data["slots"]

    def __len__(self) -> int:
        return len(self._data["slots"])

    def _aad(self, slot_id: str) -> bytes:
        return f"ulinzi keyslot v1|{self.store_id}|{slot_id}".encode()

    # -- changing slots ----------------------------------------------------------------------
    def _put(self, slot_id: str, secret: str, raw_key: bytes, kdf: KdfParams) -> None:
        salt = secrets.token_bytes(16)
        kek = kdf.derive(secret, salt)
        private = X25519PrivateKey.generate()
        nonce = secrets.token_bytes(12)
        aad = self._aad(slot_id)
        self._data["slots"][slot_id] = {
            "kdf": {
                "name": "argon2id",
                "memory_kib": kdf.memory_kib,
                "time_cost": kdf.time_cost,
                "parallelism": kdf.parallelism,
                "salt": _b64(salt),
            },
            "private_key": {
                "nonce": _b64(nonce),
                "ciphertext": _b64(AESGCM(kek).encrypt(nonce, private.private_bytes_raw(), aad)),
            },
            "public_key": _b64(private.public_key().public_bytes_raw()),
            "db_key": _seal_key(raw_key, private.public_key(), aad),
        }

    def set_user(self, username: str, password: str, raw_key: bytes, kdf: KdfParams) -> None:
        """Create or replace the slot of `username` (new password, new key pair)."""
        self._put(self.slot_id(username), password, raw_key, kdf)

    def set_recovery(self, code: str, raw_key: bytes, kdf: KdfParams) -> None:
        self._put(RECOVERY_SLOT, code, raw_key, kdf)

    def remove_user(self, username: str) -> bool:
        return self._data["slots"].pop(self.slot_id(username), None) is not None

    def reseal_all(self, new_raw_key: bytes) -> None:
        """Give every slot a new database key; passwords and private keys stay as they are."""
        for slot_id, slot in self._data["slots"].items():
            public = X25519PublicKey.from_public_bytes(_unb64(slot["public_key"]))
            slot["db_key"] = _seal_key(new_raw_key, public, self._aad(slot_id))

    # -- secrets only the recovery key opens ---------------------------------------------------
    def seal_for_recovery(self, secret: bytes, purpose: str) -> dict[str, str]:
        """`secret` (32 bytes) sealed to the recovery slot's public key: sealing needs no
        password, opening needs the recovery key (no person's password opens it)."""
        public = _unb64(self._data["slots"][RECOVERY_SLOT]["public_key"])
        return _seal_key(secret, X25519PublicKey.from_public_bytes(public), self._aad(purpose))

    def open_with_recovery(self, code: str, sealed: dict[str, str], purpose: str) -> bytes:
        """What `seal_for_recovery` sealed. WrongRecoveryKey for another code; KeySlotsDamaged
        when the code is right but `sealed` was sealed to another recovery slot."""
        if not self.has_recovery():
            raise WrongRecoveryKey()
        secret = self._unlock(RECOVERY_SLOT, code, sealed, self._aad(purpose))
        if not secret:
            raise WrongRecoveryKey()
        return secret

    # -- unlocking ---------------------------------------------------------------------------
    def _unlock(
        self,
        slot_id: str,
        secret: str,
        sealed: dict[str, str] | None = None,
        sealed_aad: bytes = b"",
    ) -> bytes:
        slot = self._data["slots"][slot_id]
        aad = self._aad(slot_id)
        try:
            kdf_data = slot["kdf"]
            if kdf_data.get("name") != "argon2id":
                raise KeySlotsDamaged(detail="unknown key derivation")
            kdf = _kdf_params(kdf_data)
            kek = kdf.derive(secret, _unb64(kdf_data["salt"]))
            wrapped = slot["private_key"]
            private_raw = AESGCM(kek).decrypt(
                _unb64(wrapped["nonce"]), _unb64(wrapped["ciphertext"]), aad
            )
        except InvalidTag:
            return b""
        except (KeyError, TypeError, ValueError, AttributeError, HashingError) as e:
            raise KeySlotsDamaged(detail="slot unreadable") from e
        try:
            raw_key = _open_sealed_key(
                slot["db_key"] if sealed is None else sealed,
                X25519PrivateKey.from_private_bytes(private_raw),
                aad if sealed is None else sealed_aad,
            )
        except (InvalidTag, KeyError, TypeError, ValueError, AttributeError) as e:
            # The password was right, so this is damage, not a wrong password.
            raise KeySlotsDamaged(detail="sealed key does not open") from e
        if len(raw_key) != RAW_KEY_BYTES:
            raise KeySlotsDamaged(detail="key has the wrong size")
        return raw_key

    def unlock_user(self, username: str, password: str) -> bytes:
        slot_id = self.slot_id(username)
        if slot_id not in self._data["slots"]:
            # Spend the same time as a real attempt: timing must not tell who has an account.
            # mutation: equivalent — another salt: Argon2's time is its memory and passes, not
            # the salt's length or bytes.
            DEFAULT_KDF.derive(password, b"\0" * 16)  # pragma: no mutate
            raise WrongCredentials()
        raw_key = self._unlock(slot_id, password)
        if not raw_key:
            raise WrongCredentials()
        return raw_key

    def unlock_recovery(self, code: str) -> bytes:
        if not self.has_recovery():
            raise WrongRecoveryKey()
        raw_key = self._unlock(RECOVERY_SLOT, code)
        if not raw_key:
            raise WrongRecoveryKey()
        return raw_key
