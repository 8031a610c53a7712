"""The failed-login wait on its own: `throttle.json` in a real folder, the clock moved by hand.

What a person at the sign-in screen sees (how long to wait, and when the right password gets in
again) and what someone guessing meets (the wait that grows, a record that cannot be reset by
deleting or emptying it). The sign-in tests in `test_accounts.py` show the same through a real
store; these are fast enough to run under every mutant of the throttle.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import text

from db.errors import AuditHeadMissing, LoginThrottled, WrongCredentials, WrongRecoveryKey
from db.keyslots import KeySlots
from db.recovery_code import new_recovery_code
from db.store import HEAD_FILE, KEYSLOTS_FILE, Store
from desktop import accounts
from desktop.accounts import (
    FIRST_WAIT_SECONDS,
    FREE_ATTEMPTS,
    GLOBAL_FREE_ATTEMPTS,
    GLOBAL_WAIT_SECONDS,
    GLOBAL_WINDOW_SECONDS,
    MAX_WAIT_SECONDS,
    THROTTLE_FILE,
    Throttle,
    start_throttle_record,
)
from tests.conftest import FAST_KDF, PASSWORD, SMALL_DISK, on_a_small_disk

START = 1_800_000_000.0  # January 2027: a year back is still after 1970


@pytest.fixture
def now(monkeypatch):
    """The throttle's clock, as a one-item list a test moves forward (or back)."""
    moment = [START]
    monkeypatch.setattr(accounts, "clock", lambda: moment[0])
    return moment


@pytest.fixture
def kept() -> KeySlots:
    """The key slots of a store that has kept a failed-login record (every store signed into
    since the record was introduced)."""
    slots = KeySlots.new("store-1")
    slots.throttle_kept = True
    return slots


def _fail(folder, key: str, times: int = 1, slots: KeySlots | None = None) -> None:
    """`times` wrong passwords for `key`, each read from and written to the folder's record,
    as each sign-in attempt does."""
    for _ in range(times):
        Throttle(folder, slots).failed(key)


def _wait(folder, key: str, slots: KeySlots | None = None) -> int:
    return Throttle(folder, slots).wait_seconds(key)


def _record(folder) -> dict:
    return json.loads((folder / THROTTLE_FILE).read_text("utf-8"))


# -- one person's wrong passwords ----------------------------------------------------------------


def test_the_first_four_wrong_passwords_cost_nothing_and_the_fifth_starts_a_half_minute_wait(
    tmp_path, now
):
    _fail(tmp_path, "amina", FREE_ATTEMPTS - 1)
    assert _wait(tmp_path, "amina") == 0
    _fail(tmp_path, "amina")
    assert _wait(tmp_path, "amina") == FIRST_WAIT_SECONDS == 30


def test_each_wrong_password_after_the_fifth_doubles_the_wait_up_to_fifteen_minutes(tmp_path, now):
    _fail(tmp_path, "amina", FREE_ATTEMPTS - 1)
    waits = []
    for _ in range(8):
        _fail(tmp_path, "amina")
        waits.append(_wait(tmp_path, "amina"))
        now[0] += waits[-1]  # the wait served in full
        assert _wait(tmp_path, "amina") == 0
    assert waits == [30, 60, 120, 240, 480, 900, 900, 900]
    assert MAX_WAIT_SECONDS == 900


def test_the_wait_counts_down_and_a_part_second_left_still_shows_as_one(tmp_path, now):
    _fail(tmp_path, "amina", FREE_ATTEMPTS)
    now[0] += 12
    assert _wait(tmp_path, "amina") == 18
    now[0] += 17.5
    assert _wait(tmp_path, "amina") == 1  # never "wait 0 seconds" while it still refuses
    now[0] += 0.5
    assert _wait(tmp_path, "amina") == 0


def test_one_persons_wait_holds_up_nobody_else(tmp_path, now):
    _fail(tmp_path, "amina", FREE_ATTEMPTS + 2)
    assert _wait(tmp_path, "amina") == 120
    assert _wait(tmp_path, "baraka") == 0
    _fail(tmp_path, "baraka", FREE_ATTEMPTS - 1)
    assert _wait(tmp_path, "baraka") == 0
    assert _record(tmp_path)["accounts"]["baraka"]["failures"] == FREE_ATTEMPTS - 1


def test_a_right_password_clears_the_count_and_says_how_many_failures_came_before(tmp_path, now):
    _fail(tmp_path, "amina", FREE_ATTEMPTS + 1)
    _fail(tmp_path, "baraka", 2)
    now[0] += 60
    assert Throttle(tmp_path).succeeded("amina") == FREE_ATTEMPTS + 1
    assert "amina" not in _record(tmp_path)["accounts"]  # written, not only forgotten in memory
    assert Throttle(tmp_path).succeeded("amina") == 0
    # The count starts again: four more wrong passwords are free.
    _fail(tmp_path, "amina", FREE_ATTEMPTS - 1)
    assert _wait(tmp_path, "amina") == 0
    # Someone else's count is theirs.
    assert _record(tmp_path)["accounts"]["baraka"]["failures"] == 2


def test_a_right_password_on_a_store_without_a_record_starts_one(tmp_path, now):
    assert Throttle(tmp_path).succeeded("amina") == 0
    assert _record(tmp_path) == {
        "format": accounts.THROTTLE_FORMAT,
        "accounts": {},
        "recent": [],
        "everyone_not_before": 0.0,
    }
    (tmp_path / "new store").mkdir()
    start_throttle_record(tmp_path / "new store")  # what a new store, or a restored one, gets
    assert _record(tmp_path / "new store") == _record(tmp_path)


def test_the_wait_is_kept_in_the_record_and_survives_a_restart(tmp_path, now):
    _fail(tmp_path, "amina", FREE_ATTEMPTS + 1)
    record = _record(tmp_path)
    assert record["format"] == accounts.THROTTLE_FORMAT
    assert record["accounts"]["amina"] == {"failures": 6, "not_before": START + 60}
    now[0] += 20
    assert Throttle(tmp_path).wait_seconds("amina") == 40  # a new process reads the same wait


# -- many names ----------------------------------------------------------------------------------


def _spread(folder, now, names: int, every: float = 3.0) -> None:
    """One wrong password for each of `names` different names, `every` seconds apart."""
    for i in range(names):
        if i:
            now[0] += every
        _fail(folder, f"guess-{i}")


def test_twenty_names_guessed_slow_everyone_for_ten_seconds_from_the_last_guess(tmp_path, now):
    _spread(tmp_path, now, GLOBAL_FREE_ATTEMPTS - 1)
    assert _wait(tmp_path, "amina") == 0  # nineteen: no one waits
    now[0] += 3
    _fail(tmp_path, "guess-last")
    # Ten seconds from the last wrong password, not from an earlier one (three seconds before).
    assert _wait(tmp_path, "amina") == GLOBAL_WAIT_SECONDS == 10
    now[0] += 4
    assert _wait(tmp_path, "amina") == 6
    now[0] += 6
    assert _wait(tmp_path, "amina") == 0


def test_guesses_older_than_fifteen_minutes_no_longer_slow_anyone(tmp_path, now):
    _fail(tmp_path, "guess-old")
    now[0] += GLOBAL_WINDOW_SECONDS  # the first guess is now exactly fifteen minutes old
    _spread(tmp_path, now, GLOBAL_FREE_ATTEMPTS - 1, every=0)
    assert _wait(tmp_path, "amina") == 0
    _fail(tmp_path, "guess-new")
    assert _wait(tmp_path, "amina") == GLOBAL_WAIT_SECONDS


def test_a_guess_written_under_a_clock_that_ran_ahead_does_not_count(tmp_path, now):
    now[0] += 3600
    _spread(tmp_path, now, GLOBAL_FREE_ATTEMPTS, every=0)  # twenty guesses an hour "ahead"
    now[0] -= 3600  # the clock is put right
    assert _wait(tmp_path, "amina") == 0


def test_the_record_keeps_only_the_last_twenty_guesses(tmp_path, now):
    _spread(tmp_path, now, 3 * GLOBAL_FREE_ATTEMPTS, every=1)
    recent = _record(tmp_path)["recent"]
    assert recent == [now[0] - i for i in reversed(range(GLOBAL_FREE_ATTEMPTS))]


# -- a clock set backwards -------------------------------------------------------------------------


def test_a_clock_set_back_a_year_makes_the_wait_fifteen_minutes_and_the_record_says_so(
    tmp_path, now
):
    _fail(tmp_path, "amina", FREE_ATTEMPTS + 1)
    _fail(tmp_path, "baraka", FREE_ATTEMPTS)
    now[0] -= 365 * 24 * 3600
    assert _wait(tmp_path, "amina") == MAX_WAIT_SECONDS
    # The bound is written, for every name: a restart fifteen minutes later lets them in.
    for name in ("amina", "baraka"):
        assert _record(tmp_path)["accounts"][name]["not_before"] == now[0] + MAX_WAIT_SECONDS
    now[0] += MAX_WAIT_SECONDS
    assert _wait(tmp_path, "amina") == 0
    assert _wait(tmp_path, "baraka") == 0


def test_check_looking_at_a_running_wait_leaves_the_record_as_it_was(tmp_path, now, kept):
    """`check` opens a store it may refuse: a wait within fifteen minutes needs no bound, and
    the record is not written again (the same file, the same bytes)."""
    start_throttle_record(tmp_path)
    _fail(tmp_path, "amina", FREE_ATTEMPTS, kept)
    Throttle(tmp_path).failed("amina")
    (tmp_path / THROTTLE_FILE).write_text(
        json.dumps({**_record(tmp_path), "everyone_not_before": START + 5})
    )
    before = (tmp_path / THROTTLE_FILE).stat()
    content = (tmp_path / THROTTLE_FILE).read_bytes()
    now[0] += 1
    assert Throttle(tmp_path, kept, keep=False).wait_seconds("amina") == 2 * FIRST_WAIT_SECONDS - 1
    assert Throttle(tmp_path, kept, keep=False).wait_seconds("baraka") == 4
    after = (tmp_path / THROTTLE_FILE).stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)
    assert (tmp_path / THROTTLE_FILE).read_bytes() == content


def test_a_lost_record_seen_under_a_clock_set_back_waits_fifteen_minutes_not_forever(
    tmp_path, now, kept
):
    assert _wait(tmp_path, "baraka", kept) == MAX_WAIT_SECONDS  # no record: lost
    now[0] -= 30 * 24 * 3600
    assert _wait(tmp_path, "baraka", kept) == MAX_WAIT_SECONDS
    assert _record(tmp_path)["everyone_not_before"] == now[0] + MAX_WAIT_SECONDS
    now[0] += MAX_WAIT_SECONDS
    assert _wait(tmp_path, "baraka", kept) == 0


# -- a record deleted, emptied or damaged ----------------------------------------------------------


def test_a_deleted_record_makes_every_name_wait_fifteen_minutes_and_is_written_again(
    tmp_path, now, kept
):
    start_throttle_record(tmp_path)
    _fail(tmp_path, "amina", FREE_ATTEMPTS, kept)
    (tmp_path / THROTTLE_FILE).unlink()
    assert _wait(tmp_path, "baraka", kept) == MAX_WAIT_SECONDS
    assert _record(tmp_path)["everyone_not_before"] == START + MAX_WAIT_SECONDS
    now[0] += 60  # the wait is not restarted by each look at the rewritten record
    assert _wait(tmp_path, "baraka", kept) == MAX_WAIT_SECONDS - 60
    assert _record(tmp_path)["accounts"] == {} and _record(tmp_path)["recent"] == []


def test_a_lost_record_is_written_to_the_log_without_a_name(tmp_path, now, kept, caplog):
    """What support reads in the store's log when every sign-in waits fifteen minutes."""
    with caplog.at_level("WARNING", logger="ulinzi.accounts"):
        assert _wait(tmp_path, "amina", kept) == MAX_WAIT_SECONDS
    assert [r.getMessage() for r in caplog.records] == [
        "the failed-login record was missing or damaged: every sign-in waits"
    ]


ON_A_FULL_DISK = """
import json, sys
from pathlib import Path
from db.keyslots import KeySlots
from desktop import accounts
folder, now = Path(sys.argv[1]), 5_000_000.0
accounts.clock = lambda: now
(folder / accounts.THROTTLE_FILE).write_text(json.dumps({
    "format": 2, "recent": [], "everyone_not_before": 0,
    "accounts": {"amina": {"failures": 6, "not_before": now + 10**9}},
}))
kept = KeySlots.new("store-1")
kept.throttle_kept = True
with open(folder / "filler", "wb", buffering=0) as f:  # nothing more fits
    try:
        while True:
            f.write(b"x" * 512)
    except OSError:
        pass
seen = {"bounded": accounts.Throttle(folder, kept).wait_seconds("amina")}
(folder / accounts.THROTTLE_FILE).unlink()  # a few hundred bytes free: too few for a record
with open(folder / "filler", "ab", buffering=0) as f:
    try:
        while True:
            f.write(b"x" * 64)
    except OSError:
        pass
seen["lost"] = accounts.Throttle(folder, kept).wait_seconds("baraka")
print(json.dumps(seen))
"""


@SMALL_DISK
def test_on_a_full_disk_a_bounded_or_lost_record_still_makes_the_attempt_wait(tmp_path, now, kept):
    """The bound of a clock set back, and a lost record, cannot be written on a full disk:
    the wait holds for this attempt all the same (and is worked out again at the next)."""
    room = tmp_path / "room"  # first the same two records on a disk with room: both are written
    room.mkdir()
    (room / THROTTLE_FILE).write_text(
        json.dumps(
            {
                "format": 2, "recent": [], "everyone_not_before": 0,
                "accounts": {"amina": {"failures": 6, "not_before": now[0] + 10**9}},
            }
        )
    )  # fmt: skip
    assert Throttle(room, kept).wait_seconds("amina") == MAX_WAIT_SECONDS
    assert _record(room)["accounts"]["amina"]["not_before"] == now[0] + MAX_WAIT_SECONDS
    (room / THROTTLE_FILE).unlink()
    assert Throttle(room, kept).wait_seconds("baraka") == MAX_WAIT_SECONDS
    assert _record(room)["everyone_not_before"] == now[0] + MAX_WAIT_SECONDS
    # The test's environment as it is (a mutation run's choice too).
    seen = on_a_small_disk(tmp_path / "disk", "64k", ON_A_FULL_DISK, timeout=120)
    assert seen == {"bounded": MAX_WAIT_SECONDS, "lost": MAX_WAIT_SECONDS}


def test_check_notices_a_deleted_record_without_writing_one(tmp_path, now, kept):
    """`check` opens a store it may refuse: it leaves the folder as it found it."""
    assert Throttle(tmp_path, kept, keep=False).wait_seconds("amina") == MAX_WAIT_SECONDS
    assert not (tmp_path / THROTTLE_FILE).exists()


def test_a_store_that_never_kept_a_record_starts_without_a_wait(tmp_path, now):
    assert _wait(tmp_path, "amina", KeySlots.new("store-1")) == 0
    assert _wait(tmp_path, "amina", None) == 0
    assert not (tmp_path / THROTTLE_FILE).exists()


@pytest.mark.parametrize(
    "content",
    [
        "{ not json",
        "[]",
        '"text"',
        '{"format": 2, "accounts": {}, "recent": []}',
        '{"format": 2, "accounts": [], "recent": [], "everyone_not_before": 0}',
        '{"format": 2, "accounts": {"a": {"failures": "x", "not_before": 0}}, '
        '"recent": [], "everyone_not_before": 0}',
        '{"format": 2, "accounts": {"a": {"failures": 1}}, "recent": [], "everyone_not_before": 0}',
        '{"format": 2, "accounts": {}, "recent": ["soon"], "everyone_not_before": 0}',
        '{"format": 2, "accounts": {}, "recent": [], "everyone_not_before": null}',
        '{"amina": {"failures": 9}}',
        "\udcff".encode("utf-8", "surrogateescape").decode("latin-1"),
    ],
)
def test_a_damaged_record_makes_every_name_wait_fifteen_minutes(tmp_path, now, content):
    """Even on a store that has not yet marked its record as kept: damage is never a reset."""
    (tmp_path / THROTTLE_FILE).write_text(content, "latin-1")
    assert _wait(tmp_path, "amina") == MAX_WAIT_SECONDS
    assert _wait(tmp_path, "baraka") == MAX_WAIT_SECONDS  # written again: the same wait
    assert _record(tmp_path)["everyone_not_before"] == START + MAX_WAIT_SECONDS


def test_an_emptied_record_is_a_lost_one_once_the_store_keeps_a_record(tmp_path, now, kept):
    start_throttle_record(tmp_path)
    _fail(tmp_path, "amina", FREE_ATTEMPTS, kept)
    (tmp_path / THROTTLE_FILE).write_text("{}")
    assert _wait(tmp_path, "amina", kept) == MAX_WAIT_SECONDS


def test_a_record_of_the_first_format_is_still_read(tmp_path, now):
    """Stores from before the record's second format kept `slot id -> entry` only."""
    (tmp_path / THROTTLE_FILE).write_text(
        json.dumps({"amina": {"failures": 6, "not_before": START + 45}})
    )
    assert _wait(tmp_path, "amina") == 45
    assert _wait(tmp_path, "baraka") == 0
    assert _wait(tmp_path, "amina", KeySlots.new("store-1")) == 45
    Throttle(tmp_path).failed("amina")  # the seventh: written in the current format
    assert _record(tmp_path)["format"] == accounts.THROTTLE_FORMAT
    assert _record(tmp_path)["accounts"]["amina"]["failures"] == 7
    assert _wait(tmp_path, "amina") == 2 * 2 * FIRST_WAIT_SECONDS


def test_an_everyone_wait_in_the_record_holds_every_name(tmp_path, now):
    (tmp_path / THROTTLE_FILE).write_text(
        json.dumps({"format": 2, "accounts": {}, "recent": [], "everyone_not_before": START + 100})
    )
    assert _wait(tmp_path, "amina") == 100
    assert _wait(tmp_path, "baraka") == 100


# -- through a store: what `_guarded_open` does around unlocking ---------------------------------
# A store of its own for each test (signing in changes its record), with the test profile's
# Argon2 cost: about a second each.


@pytest.fixture
def store(tmp_path, now) -> Path:
    folder = tmp_path / "store"
    admin, recovery = accounts.init_agency(
        folder,
        agency_name="Kigali District Office",
        agency_code="KGL",
        admin_username="admin",
        admin_full_name="Alice Admin",
        admin_password=PASSWORD,
        kdf=FAST_KDF,
    )
    admin.close()
    (folder / "recovery.txt").write_text(recovery)  # beside the store, for the recovery test
    return folder


def _sign_in_fails(folder: Path, times: int, password: str = "not the password") -> None:
    for _ in range(times):
        with pytest.raises(WrongCredentials):
            accounts.sign_in(folder, "admin", password)


def _last_sign_in(us) -> str:  # type: ignore[no-untyped-def]
    with us.store.read() as s:
        return s.execute(
            text(
                "SELECT summary FROM audit_events WHERE action='session.signed_in' "
                "ORDER BY seq DESC LIMIT 1"
            )
        ).scalar_one()


def test_through_a_store_the_fifth_wrong_password_makes_even_the_right_one_wait(store, now):
    _sign_in_fails(store, FREE_ATTEMPTS)
    with pytest.raises(LoginThrottled) as caught:
        accounts.sign_in(store, "admin", PASSWORD)
    assert caught.value.params["seconds"] == FIRST_WAIT_SECONDS
    assert "admin" not in (store / THROTTLE_FILE).read_text()  # counted under the slot's hash
    now[0] += FIRST_WAIT_SECONDS
    with accounts.sign_in(store, "admin", PASSWORD) as us:
        assert _last_sign_in(us) == f"{FREE_ATTEMPTS} failed attempts before"
    assert _record(store)["accounts"] == {}  # cleared by the right password


def test_through_a_store_a_wrong_recovery_key_is_counted_like_a_wrong_password(store, now):
    for _ in range(FREE_ATTEMPTS):
        with pytest.raises(WrongRecoveryKey):
            accounts.recover(store, new_recovery_code(), "admin", "a new password", FAST_KDF)
    with pytest.raises(LoginThrottled):
        accounts.recover(
            store, (store / "recovery.txt").read_text(), "admin", "a new password", FAST_KDF
        )
    with accounts.sign_in(store, "admin", PASSWORD):  # the person's own slot is not held up
        pass


def test_through_a_store_check_counts_a_wrong_password_but_clears_and_writes_nothing_else(
    store, now
):
    """`check` signs in with `verify_head=False`: a wrong password still counts (guessing
    through `check` is guessing), a right one clears nothing, and a lost record is noticed
    without being written again."""
    _sign_in_fails(store, 2)
    with pytest.raises(WrongCredentials):
        accounts.sign_in(store, "admin", "not the password", verify_head=False)
    counted = _record(store)
    assert [e["failures"] for e in counted["accounts"].values()] == [3]
    with accounts.sign_in(store, "admin", PASSWORD, verify_head=False):
        pass
    assert _record(store) == counted
    (store / THROTTLE_FILE).unlink()
    with pytest.raises(LoginThrottled) as caught:
        accounts.sign_in(store, "admin", PASSWORD, verify_head=False)
    assert caught.value.params["seconds"] == MAX_WAIT_SECONDS
    assert not (store / THROTTLE_FILE).exists()


def test_through_a_store_an_older_store_keeps_its_record_from_its_next_sign_in(store, now):
    """A store made before the record was kept is marked at its first sign-in: from then on,
    deleting the record is noticed."""
    slots = KeySlots.load(store / KEYSLOTS_FILE)
    slots.throttle_kept = False
    slots.save(store / KEYSLOTS_FILE)
    (store / THROTTLE_FILE).unlink()
    with accounts.sign_in(store, "admin", PASSWORD):
        pass
    assert KeySlots.load(store / KEYSLOTS_FILE).throttle_kept
    (store / THROTTLE_FILE).unlink()
    with pytest.raises(LoginThrottled) as caught:
        accounts.sign_in(store, "admin", PASSWORD)
    assert caught.value.params["seconds"] == MAX_WAIT_SECONDS
    assert _record(store)["everyone_not_before"] == now[0] + MAX_WAIT_SECONDS  # written again


def test_through_a_store_the_last_second_of_a_wait_still_holds_the_right_password(store, now):
    _sign_in_fails(store, FREE_ATTEMPTS)
    now[0] += FIRST_WAIT_SECONDS - 1
    with pytest.raises(LoginThrottled) as caught:
        accounts.sign_in(store, "admin", PASSWORD)
    assert caught.value.params["seconds"] == 1
    now[0] += 1
    with accounts.sign_in(store, "admin", PASSWORD):
        pass


def test_through_a_store_check_signing_in_says_no_failed_attempts_came_before(store, now):
    with accounts.sign_in(store, "admin", PASSWORD, verify_head=False) as us:
        assert _last_sign_in(us) == "0 failed attempts before"


def test_through_a_store_without_its_audit_head_only_check_opens_it_and_recovery_changes_nothing(
    store, now
):
    """A missing head (the database may be an older copy) refuses signing in and the recovery
    key alike; `check`, which says what is wrong, still opens it."""
    (store / HEAD_FILE).unlink()
    with pytest.raises(AuditHeadMissing):
        accounts.sign_in(store, "admin", PASSWORD)
    with pytest.raises(AuditHeadMissing):
        accounts.recover(
            store, (store / "recovery.txt").read_text(), "admin", "a new password", FAST_KDF
        )
    with accounts.sign_in(store, "admin", PASSWORD, verify_head=False) as us:
        assert isinstance(us.store.refusal, AuditHeadMissing)
    with pytest.raises(WrongCredentials):  # the recovery key set no new password
        accounts.sign_in(store, "admin", "a new password", verify_head=False)


def test_through_a_store_signing_in_opens_the_kind_of_store_asked_for(store, now):
    """The benchmarks' probe signs in with a store that times its work (`store_class`)."""

    class Timed(Store):
        pass

    with accounts.sign_in(store, "admin", PASSWORD, store_class=Timed) as us:
        assert type(us.store) is Timed


WRONG_PASSWORD_ON_A_FULL_DISK = """
import json, shutil, sys
from pathlib import Path
from db.errors import UlinziError
from desktop import accounts

disk = Path(sys.argv[1])
store = shutil.copytree(sys.argv[2], disk / "store")
try:  # the rest of the disk filled
    with open(disk / "filler", "wb") as f:
        while True:
            f.write(b"x" * 4096)
except OSError:
    pass
try:
    accounts.sign_in(store, "admin", "not the password")
    print(json.dumps("signed in"))
except UlinziError as e:
    print(json.dumps(type(e).__name__))
"""


@SMALL_DISK
def test_through_a_store_on_a_full_disk_a_wrong_password_is_still_said_to_be_wrong(
    store, tmp_path, now
):
    """The count of a wrong password cannot be written on a full disk: the person is told the
    password is wrong all the same, not that the disk is full (which would tell a guesser that
    this one was not counted)."""
    _sign_in_fails(store, 1)  # with room: counted
    assert len(_record(store)["accounts"]) == 1
    size = sum(p.stat().st_size for p in store.rglob("*") if p.is_file())
    said = on_a_small_disk(
        tmp_path / "disk", size + 256 * 1024, WRONG_PASSWORD_ON_A_FULL_DISK, str(store), timeout=120
    )
    assert said == "WrongCredentials"
