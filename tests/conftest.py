"""Fixtures: real encrypted stores in tmp_path, with cheap Argon2 parameters (tests only)."""

from __future__ import annotations

import atexit
import gc
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

# Offscreen, with the screen of the offices' PCs (1366×768; offscreen's own is 800×800).
if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
    _screen = Path(__file__).resolve().parent / "offscreen-screen.json"
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={_screen}"
# Each test process (each pytest-xdist worker) keeps settings (QSettings: the last backup
# folder, column widths), logs and the default demo store in a folder of its own: never the
# user's, never another worker's. The programs the tests start inherit it.
_OWN_HOME = Path(tempfile.mkdtemp(prefix="ulinzi-tests-"))
atexit.register(shutil.rmtree, _OWN_HOME, ignore_errors=True)
for _name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME"):
    os.environ[_name] = str(_OWN_HOME / _name.lower())

from db.keyslots import KdfParams  # noqa: E402
from desktop import accounts  # noqa: E402
from desktop.session import UserSession  # noqa: E402
from tests import forked_cli  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
FAST_KDF = KdfParams(memory_kib=8 * 1024, time_cost=1, parallelism=1)
PASSWORD = "correct horse battery"
NAMES = ("Zawadi", "Wanjiru")  # a child's names no store should show in its raw bytes


@dataclass
class Agency:
    folder: Path
    recovery_key: str

    def sign_in(self, username: str, password: str = PASSWORD) -> UserSession:
        return accounts.sign_in(self.folder, username, password)


@pytest.fixture(autouse=True)
def _background_work_finishes(request):
    """A window's work still running off the UI thread when a test ends would touch a store or
    widgets being torn down: every test with widgets waits for it."""
    yield
    if "ui.background" in sys.modules and {"qtbot", "qapp"} & set(request.fixturenames):
        sys.modules["ui.background"].wait_for_background()
        sys.modules["ui.background"].collect_garbage()  # on this thread, while Qt is alive


@pytest.fixture(scope="module", autouse=True)
def _older_objects_frozen():
    """Each test with widgets ends with a full garbage collection on the UI thread (above),
    whose time grows with every object the process holds: late in a run, most of a second a
    test. What is alive when a module starts (imports, caches, session fixtures) is collected
    once and then frozen, out of those collections (`gc.freeze`); the module's own objects are
    collected as before."""
    gc.collect()
    gc.freeze()
    yield


def make_agency(folder: Path, name: str = "Kigali District Office", code: str = "KGL") -> Agency:
    """A closed store with an administrator, two supervisors, three caseworkers and a manager,
    all with PASSWORD. Sign in with `agency.sign_in(name)` (one session at a time)."""
    admin, recovery = accounts.init_agency(
        folder,
        agency_name=name,
        agency_code=code,
        admin_username="admin",
        admin_full_name="Alice Admin",
        admin_password=PASSWORD,
        kdf=FAST_KDF,
    )
    staff = [
        ("sam", "Sam Supervisor", ["supervisor"], None),
        ("tess", "Tess Supervisor", ["supervisor"], None),
        ("cara", "Cara Caseworker", ["caseworker"], "sam"),
        ("carl", "Carl Caseworker", ["caseworker"], "sam"),
        ("cleo", "Cleo Caseworker", ["caseworker"], "tess"),
        ("mina", "Mina Manager", ["manager"], None),
    ]
    for username, full_name, roles, supervisor in staff:
        accounts.add_user(
            admin,
            username,
            full_name,
            roles,
            PASSWORD,
            supervisor=supervisor,
            must_change_password=False,
            kdf=FAST_KDF,
        )
    admin.close()
    return Agency(folder, recovery)


_MADE: dict[tuple[str, str], Agency] = {}


def copy_of_agency(folder: Path, name: str = "Kigali District Office", code: str = "KGL") -> Agency:
    """`make_agency`'s store, made once per test process and copied into `folder` (a closed
    store's folder is all of it, as a backup restored is): a new store costs a quarter of a
    second, and hundreds of tests start from one. Copies share their keys, so a test that needs
    two stores that are strangers makes the second with `make_agency`."""
    made = _MADE.get((name, code))
    if made is None:
        made = _MADE[name, code] = make_agency(_OWN_HOME / "agencies" / code, name, code)
    shutil.copytree(made.folder, folder)
    return Agency(folder, made.recovery_key)


@pytest.fixture
def agency(tmp_path: Path) -> Agency:
    """Kigali District Office (KGL): see `make_agency` (a copy: see `copy_of_agency`)."""
    return copy_of_agency(tmp_path / "store")


@pytest.fixture(scope="module")
def built(tmp_path_factory):  # type: ignore[no-untyped-def]
    """Kigali's store and Musanze's right after Kigali sent Musanze Cara's approved transfer,
    built once per module (`tests.stories.build_exchange`); under a mutation run
    (`ULINZI_STORY_CACHE`) once for the whole run, by the unchanged code."""
    from tests.stories import build_exchange

    cached = os.environ.get("ULINZI_STORY_CACHE")
    return build_exchange(
        Path(cached) / "import" if cached else tmp_path_factory.mktemp("exchange") / "built"
    )


@pytest.fixture
def mus(built, tmp_path: Path) -> Agency:  # type: ignore[no-untyped-def]
    """A fresh copy of Musanze's store from `built`, the package not yet imported."""
    return built.store("MUS", tmp_path)


def case_count(agency: Agency) -> int:
    from sqlalchemy import func, select

    from db.models import Case

    with agency.sign_in("admin") as us, us.store.read() as s:
        return s.execute(select(func.count()).select_from(Case)).scalar_one()


@pytest.fixture
def partner(tmp_path: Path) -> Agency:
    """Another agency's store, the same people: Musanze District Office (MUS)."""
    return copy_of_agency(tmp_path / "partner", "Musanze District Office", "MUS")


def run_python(code: str, *, stdin: str = "", timeout: float = 120) -> subprocess.CompletedProcess:
    """Run `code` in a fresh interpreter of the project (a separate process, like a restart)."""
    return subprocess.run(
        [sys.executable, "-c", code],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=timeout,
    )


def run_cli(*args: str, stdin: str = "", timeout: float = 120) -> subprocess.CompletedProcess:
    """`python -m desktop.main ARGS` with `stdin`, as a process of its own: forked from one that
    has imported the command line already (see `tests/forked_cli.py`), a second faster."""
    return forked_cli.run(list(args), stdin=stdin, cwd=ROOT, timeout=timeout)


SMALL_DISK = pytest.mark.skipif(
    os.geteuid() != 0 or shutil.which("unshare") is None,
    reason="mounting a small tmpfs needs root (CI runs as root)",
)


def on_a_small_disk(
    disk: Path,
    size: str | int,
    script: str,
    *args: str,
    env: dict[str, str] | None = None,
    timeout: float = 180,
):  # type: ignore[no-untyped-def]
    """`python -c SCRIPT DISK ARGS…` in a mount namespace of its own where `disk` (made here)
    is a fresh tmpfs of `size`: a disk that really fills. `env` is the process's whole
    environment (the test's own, and the project on PYTHONPATH, by default). What the script
    printed last, read as JSON. Mark the test `SMALL_DISK`."""
    disk.mkdir(exist_ok=True)
    result = subprocess.run(
        ["unshare", "-rm", "sh", "-c",
         f'mount -t tmpfs -o size={size} tmpfs "{disk}" && exec "{sys.executable}" -c "$0" "$@"',
         script, str(disk), *args],
        cwd=ROOT, capture_output=True, text=True, timeout=timeout,
        env={**os.environ, "PYTHONPATH": str(ROOT)} if env is None else env,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


def run_signed_in(folder: Path, *args: str, user: str = "admin", stdin: str = PASSWORD + "\n"):
    """`ulinzi ARGS --store FOLDER --user USER --password-stdin`, the password on stdin."""
    return run_cli(*args, "--store", str(folder), "--user", user, "--password-stdin", stdin=stdin)


@pytest.fixture
def open_admin(qtbot, agency: Agency, monkeypatch) -> Iterator:
    """Opens the administration dialog as admin. Error boxes are recorded instead of shown
    (they would wait for a click); each test checks that none came up unless it expects one."""
    import ui.admin as admin_module
    from tests.wizard_helpers import Opened
    from ui.session_holder import SessionHolder

    opened: list[Opened] = []

    def open_() -> Opened:
        session = agency.sign_in("admin")
        # Not qtbot.addWidget: pytest-qt would close it before this fixture's teardown, and a
        # test that failed with unsaved settings would then wait on the "Save them?" question.
        dialog = admin_module.AdminDialog(SessionHolder(session))
        result = Opened(dialog, session)
        monkeypatch.setattr(admin_module, "show_error", lambda _parent, e: result.errors.append(e))
        with qtbot.waitActive(dialog):  # mnemonics (Alt+letter) need an active window
            dialog.show()
            dialog.activateWindow()
        opened.append(result)
        return result

    yield open_
    for item in opened:
        item.close()
