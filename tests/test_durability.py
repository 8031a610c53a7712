"""Power cuts, killed processes and full disks: nothing acknowledged is lost, nothing half-done stays."""

from __future__ import annotations

import json
import random
import signal
import subprocess
import sys
import textwrap

import pytest

from desktop import cases
from tests.conftest import PASSWORD, ROOT

pytestmark = pytest.mark.slow

WRITER = textwrap.dedent(
    """
    import sys
    from desktop import accounts, cases
    us = accounts.sign_in(sys.argv[1], sys.argv[2], sys.argv[3])
    i = 0
    while True:
        row = cases.register_case(us, given_name=f"Child{i}", family_name="Kill", location="x" * 200)
        print(row.case_number, flush=True)  # printed only after the commit returned
        i += 1
    """
)


def _assert_sound(agency, username="cara"):
    with agency.sign_in(username) as us:
        report = us.store.check()
        assert report.ok, report.lines()
        return {r.case_number for r in cases.list_cases(us)}


def test_kill_9_during_a_stream_of_commits_loses_nothing_acknowledged(agency):
    rng = random.Random(20261124)
    acknowledged: set[str] = set()
    for _round in range(30):
        proc = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(agency.folder), "cara", PASSWORD],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(rng.randint(1, 25)):
            line = proc.stdout.readline()
            assert line, proc.stderr.read()
            acknowledged.add(line.strip())
        proc.send_signal(signal.SIGKILL)  # the child is inside its next commit by now
        proc.wait()
        present = _assert_sound(agency)
        assert acknowledged <= present
    assert len(acknowledged) > 30


REKEY_WITH_CRASH = textwrap.dedent(
    """
    import os, sys
    import db.store
    from desktop import accounts
    target, n = sys.argv[4], int(sys.argv[5])
    calls = {"write_durably": 0, "replace": 0}
    real = {"write_durably": db.store.write_durably, "replace": os.replace}

    def crashing(name):
        def wrapper(*args, **kwargs):
            calls[name] += 1
            if name == target and calls[name] == n:
                os._exit(9)  # the power goes: no cleanup, no flush
            return real[name](*args, **kwargs)
        return wrapper

    us = accounts.sign_in(sys.argv[1], sys.argv[2], sys.argv[3])
    db.store.write_durably = crashing("write_durably")
    db.store.os.replace = crashing("replace")
    accounts.rekey(us)
    print("finished")
    """
)


@pytest.mark.parametrize(
    ("target", "n"),
    [
        ("write_durably", 1),  # new database exported, nothing else written
        ("write_durably", 2),  # new head written, new key slots not
        ("replace", 1),  # everything pending, not switched
        ("replace", 2),  # new database live, old key slots still in place
        ("replace", 3),  # new database and head live, key slots pending
        ("replace", 99),  # not cut off at all
    ],
)
def test_a_rekey_cut_off_at_any_step_leaves_a_store_that_opens(agency, target, n):
    with agency.sign_in("cara") as us:
        for i in range(20):
            cases.register_case(us, given_name=f"Child{i}")
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            REKEY_WITH_CRASH,
            str(agency.folder),
            "admin",
            PASSWORD,
            target,
            str(n),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == (0 if n == 99 else 9), result.stderr
    for username in ("admin", "cara", "sam"):
        _assert_sound(agency, username)
    with agency.sign_in("cara") as us:
        assert len(cases.list_cases(us)) == 20
    assert not list(agency.folder.glob("*.rekey"))
    with agency.sign_in("admin") as us:  # and it can be re-keyed again
        from desktop import accounts

        accounts.rekey(us)


def test_a_rekey_killed_at_random_moments_leaves_a_store_that_opens(agency):
    with agency.sign_in("cara") as us:
        for i in range(300):
            cases.register_case(us, given_name=f"Child{i}", location="y" * 500)
    rng = random.Random(7)
    code = (
        "import sys, time\n"
        "from desktop import accounts\n"
        "us = accounts.sign_in(sys.argv[1], 'admin', sys.argv[2])\n"
        "print('ready', flush=True)\n"
        "while True:\n"
        "    accounts.rekey(us)\n"
    )
    for _round in range(8):
        proc = subprocess.Popen(
            [sys.executable, "-c", code, str(agency.folder), PASSWORD],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert proc.stdout.readline().strip() == "ready"
        subprocess.run(["sleep", f"{rng.uniform(0.0, 0.6):.3f}"], check=True)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        with agency.sign_in("cara") as us:
            assert us.store.check().ok
            assert len(cases.list_cases(us)) == 300


FULL_DISK = textwrap.dedent(
    """
    import json, os, sys
    from pathlib import Path
    from db.errors import StoreFull
    from desktop import accounts, cases
    from tests.conftest import FAST_KDF
    disk = Path(sys.argv[1])
    us, _ = accounts.init_agency(
        disk / "store", agency_name="Office", agency_code="OFF", admin_username="admin",
        admin_full_name="Admin", admin_password="a long password", kdf=FAST_KDF)
    accounts.add_user(us, "cara", "Cara", ["caseworker"], "a long password",
                      must_change_password=False, kdf=FAST_KDF)
    us.close()
    us = accounts.sign_in(disk / "store", "cara", "a long password")
    filler = disk / "filler"
    with open(filler, "wb") as f:  # leave room for only a few hundred cases
        f.write(b"\\0" * int(sys.argv[2]))
    saved, message = 0, None
    for i in range(100000):
        try:
            cases.register_case(us, given_name=f"Child{i}", location="z" * 1500)
        except StoreFull as e:
            message = e.message
            break
        saved += 1
    in_session = len(cases.list_cases(us))
    filler.unlink()  # the user frees some space, then carries on
    cases.register_case(us, given_name="After")
    us.close()
    us = accounts.sign_in(disk / "store", "cara", "a long password")
    report = us.store.check()
    print(json.dumps({"saved": saved, "message": message, "in_session": in_session,
                      "after_reopen": len(cases.list_cases(us)), "ok": report.ok,
                      "lines": report.lines()}))
    us.close()
    """
)


def test_a_full_disk_refuses_the_save_plainly_and_keeps_earlier_data(tmp_path):
    # A private mount namespace with a 4 MiB tmpfs: a real full disk, without touching the host.
    script = tmp_path / "full_disk.py"
    script.write_text(FULL_DISK)
    disk = tmp_path / "disk"
    disk.mkdir()
    result = subprocess.run(
        [
            "unshare",
            "-rm",
            "sh",
            "-c",
            f'mount -t tmpfs -o size=4m tmpfs "{disk}" && exec "{sys.executable}" "{script}" "{disk}" 2500000',
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stderr[-3000:]
    outcome = json.loads(result.stdout.strip().splitlines()[-1])
    assert outcome["message"] and "disk is full" in outcome["message"]
    assert "nothing else was changed" in outcome["message"]
    assert outcome["saved"] > 10
    assert outcome["in_session"] == outcome["saved"]  # no partial case from the failed save
    assert outcome["after_reopen"] == outcome["saved"] + 1
    assert outcome["ok"], outcome["lines"]
    print(outcome)
