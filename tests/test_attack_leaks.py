"""The review's confidentiality attacks, repeated end to end: a deleted lock file under a live
writer followed by `ulinzi rekey`, and child names reaching the plaintext log through a database
error (search, registration, form save, import). Each must be refused, or leave no name behind."""

from __future__ import annotations

import logging
import os
import re
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import text

from db.errors import PagesDamaged, StoreOpenElsewhere
from desktop import accounts, case_forms, cases, logs
from tests.conftest import PASSWORD, ROOT
from tests.stories import amani_consent as consent
from tests.stories import amani_registration as registration

CHILD = ("Zawadi", "Wanjiru")


def ulinzi(state: Path, *args: str, stdin: str = PASSWORD + "\n") -> subprocess.CompletedProcess:
    """The real command, with its log in `state` (never the tester's own log folder)."""
    return subprocess.run(
        [sys.executable, "-m", "desktop.main", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        env=dict(os.environ, XDG_STATE_HOME=str(state)),
    )


def files_naming(folders: list[Path], names: tuple[str, ...] = CHILD) -> list[str]:
    """Every file under `folders` whose bytes hold one of `names`, in any capitals."""
    wanted = [n.casefold().encode() for n in names]
    found = []
    for folder in folders:
        for path in folder.rglob("*"):
            if path.is_file():
                data = path.read_bytes().lower()
                found += [f"{path.name}: {n.decode()}" for n in wanted if n in data]
    return found


def damage_search_index(agency) -> None:
    """Flip a byte in the root pages of the case search index (as a failing disk would)."""
    with agency.sign_in("admin") as us, us.store.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        pages = conn.exec_driver_sql(
            "SELECT rootpage FROM sqlite_master WHERE name LIKE 'case_search_%'"
        ).scalars()
        pages = [p for p in pages if p]
    db = agency.folder / "ulinzi.db"
    data = bytearray(db.read_bytes())
    for page in pages:
        data[(page - 1) * 4096 + 300] ^= 0xFF
    db.write_bytes(data)


# -- the log leak --------------------------------------------------------------------------------


def test_a_database_error_during_a_search_for_a_child_leaves_her_name_in_no_file(agency, tmp_path):
    with agency.sign_in("cara") as us:
        cases.register_case(us, given_name=CHILD[0], family_name=CHILD[1], location="Huye")
    damage_search_index(agency)
    state = tmp_path / "state"
    r = ulinzi(
        state, "cases", "--search", CHILD[0], "--store", str(agency.folder), "--user", "cara",
        "--password-stdin",
    )  # fmt: skip
    assert r.returncode == 1 and CHILD[0].casefold() not in r.stderr.casefold()
    assert files_naming([agency.folder, state]) == []
    log = next(state.rglob("ulinzi.log")).read_text()
    assert "SQLITE_CORRUPT" in log and "list_cases" in log  # still useful to whoever helps


def test_a_database_error_during_an_import_leaves_no_name_in_any_file(agency, partner, tmp_path):
    from tests.stories import exported

    uuid, package = exported(agency, partner, tmp_path)
    with agency.sign_in("sam") as us:
        row = cases.open_case(us, uuid).row
    names = (row.given_name, row.family_name)
    damage_search_index(partner)
    state = tmp_path / "state"
    r = ulinzi(
        state, "import", str(package), "--store", str(partner.folder), "--user", "cara",
        "--password-stdin",
    )  # fmt: skip
    assert r.returncode == 1, r.stdout
    assert files_naming([partner.folder, state], names) == []
    assert next(state.rglob("ulinzi.log")).read_text().count("Traceback (values removed)") >= 1


@pytest.fixture
def window_log(tmp_path, monkeypatch):
    """The log as the window writes it: `ui.common.show_error` logs an unexpected error so."""
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    root = logging.getLogger("ulinzi")
    before = list(root.handlers)
    hooks = sys.excepthook, threading.excepthook
    logs.configure()
    yield tmp_path / "state"
    sys.excepthook, threading.excepthook = hooks
    for handler in root.handlers[len(before) :]:
        handler.close()
        root.removeHandler(handler)


def _as_the_window_logs(error: BaseException) -> None:
    logging.getLogger("ulinzi.ui").error("unexpected error", exc_info=error)


def test_database_errors_while_registering_or_saving_a_form_leave_no_name_in_any_file(
    agency, window_log
):
    with agency.sign_in("cara") as us:
        row = case_forms.register_with_forms(us, {"registration": registration()})
    damage_search_index(agency)
    with agency.sign_in("cara") as us:
        for attempt in (
            lambda: case_forms.register_with_forms(
                us,
                {
                    "registration": registration(given_name=CHILD[0], family_name=CHILD[1]),
                    "consent": consent(),
                },
            ),
            lambda: case_forms.submit_form(
                us,
                row.uuid,
                "registration",
                registration(given_name=CHILD[0], family_name=CHILD[1]),
                1,
            ),
        ):
            with pytest.raises(PagesDamaged) as caught:  # plain, logged first
                attempt()
            _as_the_window_logs(caught.value)
    assert files_naming([agency.folder, window_log]) == []
    assert next(window_log.rglob("ulinzi.log")).read_text().count("SQLITE_CORRUPT") >= 2


def test_exception_messages_of_any_kind_stay_out_of_the_log(window_log):
    answers = {"given_name": CHILD[0]}
    for error in (
        KeyError(CHILD[0]),
        ValueError(f"{CHILD[1]} is not a date"),
        OSError(28, CHILD[0]),
    ):
        try:
            try:
                answers[CHILD[1]]
            except KeyError:
                raise error from None
        except Exception as e:  # noqa: BLE001
            _as_the_window_logs(e)
    assert files_naming([window_log]) == []
    log = next(window_log.rglob("ulinzi.log")).read_text()
    assert "builtins.KeyError" in log and "ENOSPC" in log


def test_an_error_nobody_caught_reaches_the_log_and_stderr_without_its_values(tmp_path):
    code = textwrap.dedent(
        f"""
        import threading
        from desktop import logs
        logs.configure()
        answers = {{"given_name": "{CHILD[0]}"}}
        thread = threading.Thread(target=lambda: answers["{CHILD[1]}"])
        thread.start()
        thread.join()
        answers["{CHILD[1]}"]
        """
    )
    state = tmp_path / "state"
    r = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60,
        env=dict(os.environ, XDG_STATE_HOME=str(state)),
    )  # fmt: skip
    assert r.returncode == 1
    assert r.stderr.count("builtins.KeyError") == 2
    assert CHILD[1].casefold() not in r.stderr.casefold()
    assert next(state.rglob("ulinzi.log")).read_text().count("uncaught error") == 2
    assert files_naming([state]) == []


def test_a_started_ulinzi_cannot_write_a_core_dump(tmp_path):
    proc = subprocess.Popen(
        [sys.executable, "-m", "desktop.main", "cases", "--store", str(tmp_path), "--user", "x",
         "--password-stdin"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT,
        env=dict(os.environ, XDG_STATE_HOME=str(tmp_path / "state")),
    )  # fmt: skip
    no_core = re.compile(r"^Max core file size\s+0\s+0\s", re.M)
    try:
        limits = ""
        for _ in range(100):  # until main() has run (it then waits for the password)
            limits = Path(f"/proc/{proc.pid}/limits").read_text()
            if no_core.search(limits):
                break
            time.sleep(0.1)
        assert no_core.search(limits), limits
    finally:
        proc.kill()
        proc.wait()
    code = textwrap.dedent(
        """
        import ctypes, resource
        from desktop import main
        try:
            main.main(["cases", "--help"])
        except SystemExit:
            pass
        print(ctypes.CDLL(None).prctl(3, 0, 0, 0, 0), resource.getrlimit(resource.RLIMIT_CORE))
        """
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert r.stdout.splitlines()[-1] == "0 (0, 0)", r.stderr  # PR_GET_DUMPABLE: 0


# -- the deleted lock file -----------------------------------------------------------------------

WRITER = textwrap.dedent(
    """
    import sys
    from desktop import accounts, cases
    us = accounts.sign_in(sys.argv[1], sys.argv[2], sys.argv[3])
    i = 0
    while True:
        row = cases.register_case(us, given_name=f"Child{i}", family_name="Lock", location="x")
        print(row.case_number, flush=True)  # printed only after the commit returned
        i += 1
    """
)


def test_deleting_the_lock_file_does_not_let_rekey_replace_a_live_database(agency, tmp_path):
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(agency.folder), "cara", PASSWORD],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    acknowledged = set()
    try:
        for _ in range(20):
            line = writer.stdout.readline()
            assert line, writer.stderr.read()
            acknowledged.add(line.strip())
        (agency.folder / "ulinzi.lock").unlink()
        r = ulinzi(
            tmp_path / "state", "rekey", "--store", str(agency.folder), "--user", "admin",
            "--password-stdin",
        )  # fmt: skip
        for _ in range(20):
            acknowledged.add(writer.stdout.readline().strip())
    finally:
        writer.kill()
        writer.wait()
    assert r.returncode == 1
    assert r.stderr.startswith("ulinzi: This store is already open on this computer")
    assert r.stderr.count("\n") == 1
    with agency.sign_in("cara") as us:
        assert us.store.check().ok
        present = {c.case_number for c in cases.list_cases(us)}
    assert acknowledged <= present


OTHER_PROGRAM = textwrap.dedent(
    """
    import sys, time, sqlcipher3
    from pathlib import Path
    from db.keyslots import KeySlots
    folder = Path(sys.argv[1])
    key = KeySlots.load(folder / "keyslots.json").unlock_user("admin", sys.argv[2])
    conn = sqlcipher3.connect(str(folder / "ulinzi.db"))
    conn.execute(f"PRAGMA key = \\"x'{key.hex()}'\\"")
    print(conn.execute("SELECT count(*) FROM cases").fetchone()[0], flush=True)
    time.sleep(60)
    """
)


def test_rekey_refuses_while_another_program_has_the_database_open(agency):
    other = subprocess.Popen(
        [sys.executable, "-c", OTHER_PROGRAM, str(agency.folder), PASSWORD],
        cwd=ROOT, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert other.stdout.readline().strip() == "0"
        with agency.sign_in("admin") as us:
            with pytest.raises(StoreOpenElsewhere):
                accounts.rekey(us)
            with us.store.read() as s:
                rekeys = s.execute(
                    text("SELECT count(*) FROM audit_events WHERE action = 'store.rekeyed'")
                ).scalar()
        assert rekeys == 0  # a refused re-key is not recorded as done
    finally:
        other.kill()
        other.wait()
    with agency.sign_in("admin") as us:
        accounts.rekey(us)  # once the other program is gone
