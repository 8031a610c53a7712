"""Signing in, the failed-login wait, and account administration rules."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest
from sqlalchemy import text

from db.errors import (
    InvalidInput,
    LoginThrottled,
    PermissionDenied,
    StoreClosed,
    WeakPassword,
    WrongCredentials,
)
from desktop import accounts
from tests.conftest import FAST_KDF, PASSWORD, ROOT, run_python, run_signed_in


def _fail(agency, username, times):
    for _ in range(times):
        with pytest.raises(WrongCredentials):
            agency.sign_in(username, "not the password")


def test_five_failures_then_each_attempt_waits_longer(agency, monkeypatch):
    now = [1_000_000.0]
    monkeypatch.setattr(accounts, "clock", lambda: now[0])
    _fail(agency, "cara", 5)
    with pytest.raises(LoginThrottled) as caught:
        agency.sign_in("cara")  # even the right password waits
    assert caught.value.params["seconds"] == 30
    now[0] += 31
    _fail(agency, "cara", 1)
    with pytest.raises(LoginThrottled) as caught:
        agency.sign_in("cara")
    assert caught.value.params["seconds"] == 60
    now[0] += 61
    with agency.sign_in("cara") as us:
        with us.store.read() as s:
            failed = s.execute(
                text("SELECT failed_logins FROM users WHERE username='cara'")
            ).scalar()
        assert failed == 6  # told to the user after signing in
    _fail(agency, "cara", 4)  # the count starts again after a success
    with agency.sign_in("cara"):
        pass


def test_the_sign_in_wait_never_exceeds_fifteen_minutes(agency, monkeypatch):
    now = [2_000_000.0]
    monkeypatch.setattr(accounts, "clock", lambda: now[0])
    _fail(agency, "cara", 5)
    waits = []
    for _ in range(8):  # each wait served in full, then one more wrong password
        with pytest.raises(LoginThrottled) as caught:
            agency.sign_in("cara")
        waits.append(caught.value.params["seconds"])
        now[0] += waits[-1]
        _fail(agency, "cara", 1)
    assert waits == [30, 60, 120, 240, 480, 900, 900, 900]
    now[0] += accounts.MAX_WAIT_SECONDS - 1
    with pytest.raises(LoginThrottled) as caught:
        agency.sign_in("cara")
    assert caught.value.params["seconds"] == 1
    now[0] += 1
    with agency.sign_in("cara"):  # after 15 minutes, the right password gets in
        pass


def test_a_clock_set_backwards_does_not_make_the_wait_endless_or_zero(agency, monkeypatch):
    now = [2_000_000.0]
    monkeypatch.setattr(accounts, "clock", lambda: now[0])
    _fail(agency, "cara", 5)
    now[0] += 30
    _fail(agency, "cara", 1)  # a wait of a minute
    now[0] -= 365 * 24 * 3600  # the PC's clock goes back a year (a flat battery)
    with pytest.raises(LoginThrottled) as caught:
        agency.sign_in("cara")
    assert caught.value.params["seconds"] == accounts.MAX_WAIT_SECONDS  # not a year, not zero
    now[0] += accounts.MAX_WAIT_SECONDS - 60
    with pytest.raises(LoginThrottled) as caught:  # read again from the file: still bounded
        agency.sign_in("cara")
    assert caught.value.params["seconds"] == 60
    now[0] += 60
    with agency.sign_in("cara"):
        pass


def test_the_wait_survives_a_restart(agency):
    _fail(agency, "carl", 5)
    code = (
        "from desktop import accounts\n"
        "from db.errors import LoginThrottled\n"
        "try:\n"
        f"    accounts.sign_in({str(agency.folder)!r}, 'carl', {PASSWORD!r})\n"
        "except LoginThrottled as e:\n"
        "    print('waiting', e.params['seconds'])\n"
    )
    result = run_python(code)
    assert result.stdout.startswith("waiting"), result.stderr
    assert 0 < int(result.stdout.split()[1]) <= 30


def test_unknown_usernames_wait_too_and_the_file_names_nobody(agency):
    _fail(agency, "nobody-here", 5)
    with pytest.raises(LoginThrottled):
        agency.sign_in("nobody-here", "anything at all")
    raw = (agency.folder / accounts.THROTTLE_FILE).read_text()
    assert "nobody" not in raw and "cara" not in raw
    assert len(json.loads(raw)["accounts"]) == 1
    with agency.sign_in("cara"):  # other people are not held up
        pass


def test_new_users_must_change_their_temporary_password(agency):
    with agency.sign_in("admin") as us:
        accounts.add_user(us, "neema", "Neema N.", ["caseworker"], "temporary pass 1", kdf=FAST_KDF)
    with agency.sign_in("neema", "temporary pass 1") as us:
        assert us.user.must_change_password
        accounts.change_own_password(us, "temporary pass 1", "my own password", kdf=FAST_KDF)
    with agency.sign_in("neema", "my own password") as us:
        assert not us.user.must_change_password


def test_an_administrator_resets_a_forgotten_password(agency):
    with agency.sign_in("admin") as us:
        accounts.reset_password(us, "cara", "temporary again", kdf=FAST_KDF)
    with agency.sign_in("cara", "temporary again") as us:
        assert us.user.must_change_password


def test_only_administrators_manage_accounts_and_refusals_are_audited(agency):
    with agency.sign_in("sam") as us:
        with pytest.raises(PermissionDenied):
            accounts.add_user(us, "eve", "Eve", ["administrator"], "a long password", kdf=FAST_KDF)
        with pytest.raises(PermissionDenied):
            accounts.rekey(us)
        with us.store.read() as s:
            denied = (
                s.execute(text("SELECT summary FROM audit_events WHERE action='permission.denied'"))
                .scalars()
                .all()
            )
    assert denied == ["add users", "re-key the store"]


def test_account_rules(agency):
    with agency.sign_in("admin") as us:
        with pytest.raises(WeakPassword):
            accounts.add_user(us, "short", "S", ["caseworker"], "short", kdf=FAST_KDF)
        with pytest.raises(InvalidInput, match="already taken"):
            accounts.add_user(us, "CARA", "C", ["caseworker"], "a long password", kdf=FAST_KDF)
        with pytest.raises(InvalidInput, match="Roles are"):
            accounts.add_user(us, "x1", "X", ["boss"], "a long password", kdf=FAST_KDF)
        with pytest.raises(InvalidInput, match="your own account"):
            accounts.remove_user(us, "admin")
        with pytest.raises(InvalidInput, match="current password"):
            accounts.change_own_password(us, "wrong current", "another long one", kdf=FAST_KDF)
        users = {u.username: u for u in accounts.list_users(us)}
    assert users["cara"].supervisor == "sam" and users["cara"].has_key_slot
    # usernames are not case-sensitive at sign-in
    with agency.sign_in("Cara") as us:
        assert us.user.username == "cara"


def test_lock_forgets_the_key_and_unlock_or_switch_brings_it_back(agency, monkeypatch):
    now = [2_000_000.0]
    monkeypatch.setattr(accounts, "clock", lambda: now[0])
    us = agency.sign_in("cara")
    try:
        accounts.lock(us)
        assert not us.store.is_open
        with pytest.raises(StoreClosed):
            from desktop import cases

            cases.list_cases(us)
        with pytest.raises(WrongCredentials):
            accounts.unlock(us, "cara", "not the password")
        assert not us.store.is_open
        same = accounts.unlock(us, "cara", PASSWORD)
        assert same.user.username == "cara" and us.store.is_open
        accounts.lock(same)
        other = accounts.unlock(same, "carl", PASSWORD)
        assert other.user.username == "carl"
        accounts.lock(other)
        for _ in range(5):
            with pytest.raises(WrongCredentials):
                accounts.unlock(other, "cleo", "wrong password")
        with pytest.raises(LoginThrottled):
            accounts.unlock(other, "cleo", PASSWORD)
        other = accounts.unlock(other, "carl", PASSWORD)
        with other.store.read() as s:
            actions = (
                s.execute(
                    text(
                        "SELECT action FROM audit_events WHERE action LIKE 'session.%' ORDER BY seq"
                    )
                )
                .scalars()
                .all()
            )
    finally:
        us.close()
    assert actions[-6:] == [
        "session.locked",
        "session.unlocked",
        "session.locked",
        "session.switched",
        "session.locked",
        "session.unlocked",
    ]


def test_reactivation_and_supervisor_assignment(agency):
    with agency.sign_in("admin") as us:
        accounts.remove_user(us, "carl")
        accounts.reactivate_user(us, "carl", "welcome back 1", kdf=FAST_KDF)
        accounts.assign_supervisor(us, "carl", "tess")
        with pytest.raises(InvalidInput, match="not a supervisor"):
            accounts.assign_supervisor(us, "carl", "cara")
        users = {u.username: u for u in accounts.list_users(us)}
    assert users["carl"].active and users["carl"].supervisor == "tess"
    with agency.sign_in("carl", "welcome back 1") as us:
        assert us.user.must_change_password


# -- sign-in under attack (issue 19.8) -----------------------------------------------------------


def _cli_bytes(agency, user: str, stdin: bytes) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "desktop.main", "cases", "--store", str(agency.folder)]
        + ["--user", user, "--password-stdin"],
        input=stdin,
        capture_output=True,
        cwd=ROOT,
        timeout=120,
    )


def test_a_password_that_is_not_utf8_is_a_wrong_password_for_known_and_unknown_names(agency):
    for user in ("cara", "nobody-here"):
        r = _cli_bytes(agency, user, b"caf\xe9 \xff\xfe password\n")
        assert r.returncode == 1
        assert r.stderr.decode() == "ulinzi: The username or password is not correct.\n"
    for _ in range(4):  # the same wait as any wrong password
        _cli_bytes(agency, "cara", b"\xff\n")
    r = _cli_bytes(agency, "cara", (PASSWORD + "\n").encode())
    assert re.match(r"ulinzi: Too many failed attempts. Wait \d+ seconds", r.stderr.decode())


def test_failures_spread_over_many_names_slow_everyone_only_for_seconds(agency, monkeypatch):
    now = [3_000_000.0]
    monkeypatch.setattr(accounts, "clock", lambda: now[0])
    for i in range(accounts.GLOBAL_FREE_ATTEMPTS):
        _fail(agency, f"guess-{i}", 1)  # each name within its own free attempts
        now[0] += 1
    with pytest.raises(LoginThrottled) as caught:
        agency.sign_in("cara")
    assert 0 < caught.value.params["seconds"] <= accounts.GLOBAL_WAIT_SECONDS
    now[0] += accounts.GLOBAL_WAIT_SECONDS
    with agency.sign_in("cara"):  # the right password gets in after a few seconds
        pass


def test_deleting_the_failed_login_record_does_not_reset_the_wait(agency):
    _fail(agency, "carl", 5)
    (agency.folder / accounts.THROTTLE_FILE).unlink()
    with pytest.raises(LoginThrottled) as caught:
        agency.sign_in("carl")
    assert caught.value.params["seconds"] == accounts.MAX_WAIT_SECONDS
    (agency.folder / accounts.THROTTLE_FILE).write_text("{ not json")
    with pytest.raises(LoginThrottled):
        agency.sign_in("cara")


def test_an_emptied_failed_login_record_does_not_reset_the_wait(agency):
    """Writing `{}` over the record (the first format's shape) is a lost record, not a clean one."""
    _fail(agency, "carl", 5)
    (agency.folder / accounts.THROTTLE_FILE).write_text("{}")
    with pytest.raises(LoginThrottled) as caught:
        agency.sign_in("carl")
    assert caught.value.params["seconds"] == accounts.MAX_WAIT_SECONDS


def test_a_temporary_password_must_be_changed_before_any_command_line_work(agency):
    r = run_signed_in(
        agency.folder, "user", "add", "neema", "--role", "caseworker",
        stdin=f"{PASSWORD}\ntemporary pass 1\ntemporary pass 1\n",
    )  # fmt: skip
    assert r.returncode == 0, r.stderr
    r = run_signed_in(agency.folder, "cases", user="neema", stdin="temporary pass 1\n")
    assert r.returncode == 1 and r.stdout == ""
    assert r.stderr == (
        "ulinzi: Your password is a temporary one: choose your own first, with "
        "`ulinzi user passwd --user neema`.\n"
    )
    r = run_signed_in(
        agency.folder, "user", "passwd", user="neema",
        stdin="temporary pass 1\nmy own password\nmy own password\n",
    )  # fmt: skip
    assert r.returncode == 0, r.stderr
    r = run_signed_in(agency.folder, "cases", user="neema", stdin="my own password\n")
    assert r.returncode == 0, r.stderr
