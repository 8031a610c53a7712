"""The installers: the Linux bundle builds, opens its sign-in window offscreen, makes and checks a
store with its own copy of the migrations, stays small and works without a network; and the
program shows its version in the About box and on printouts."""

from __future__ import annotations

import datetime
import io
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import PASSWORD, ROOT

INSTALLER = ROOT / "installer"
# The bundle measured 144 MB (Qt 6.12, Python 3.11, stripped). The limit catches what would
# silently make every USB stick copy heavier: Qt's network, QML or Wayland modules coming back,
# GTK pulled in by a platform theme, or debug symbols left in.
BUNDLE_LIMIT_MB = 160

linux_only = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="the Linux bundle is built on Linux"
)


# -- the version ------------------------------------------------------------------------------


def test_the_version_is_the_installed_packages():
    from importlib.metadata import version as installed

    from desktop.version import version

    assert version() == installed("ulinzi")
    assert re.fullmatch(r"\d+\.\d+(\.\d+)?\S*", version())


def test_the_recovery_key_sheet_prints_the_program_version():
    from pypdf import PdfReader

    from desktop.version import version
    from reports.recovery_key import build_recovery_key_pdf

    def sheet_text(**extra) -> str:
        data = build_recovery_key_pdf(
            agency_name="Kigali District Office",
            agency_code="KGL",
            recovery_key="SCP3A-PGJV3-K093H-ESZ66-8C58Q-4702K-G5KVW-D4YPE",
            created=datetime.date(2026, 3, 1),
            **extra,
        )
        return PdfReader(io.BytesIO(data)).pages[0].extract_text()

    assert f"Ulinzi {version()}" in sheet_text()
    assert "Ulinzi 9.8.7" in sheet_text(version="9.8.7")


def test_the_about_box_names_the_program_its_version_and_purpose(qtbot, agency, monkeypatch):
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QMessageBox

    from desktop.version import version
    from ui.main_window import MainWindow

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)  # column widths: not the user's
    QSettings.setPath(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(agency.folder.parent)
    )
    shown = []
    monkeypatch.setattr(
        QMessageBox, "about", lambda parent, title, text: shown.append((title, text))
    )
    window = MainWindow(agency.sign_in("cara"), agency.folder)
    qtbot.addWidget(window)
    window.show()
    assert window.about_action in window.toolbar.actions()
    assert window.about_action.shortcut().toString() == "F1"
    window.about_action.trigger()
    [(title, text)] = shown
    assert title == "About Ulinzi"
    assert "Ulinzi" in text and f"Version {version()}" in text
    assert "child protection" in text
    window.sign_out()


# -- the Debian package's scripts -------------------------------------------------------------


def test_the_package_scripts_parse_and_leave_the_store_alone():
    debian = INSTALLER / "debian"
    for script in ("postinst", "postrm"):
        subprocess.run(["sh", "-n", str(debian / script)], check=True)
    subprocess.run(["bash", "-n", str(debian / "ulinzi-wrapper.sh")], check=True)
    for script in ("postinst", "postrm"):
        text = (debian / script).read_text()
        assert not re.search(r"\brm\b|rmdir|deluser|delgroup", text), script


# -- the bundle (slow: PyInstaller takes about 40 s) ------------------------------------------


@pytest.fixture(scope="module")
def bundle(tmp_path_factory) -> Path:
    """installer/build.sh --bundle-only, with this Python, into a temporary folder."""
    out = tmp_path_factory.mktemp("installer")
    result = subprocess.run(
        [
            str(INSTALLER / "build.sh"),
            "--bundle-only",
            "--dist",
            str(out / "dist"),
            "--work",
            str(out / "build"),
        ],
        env=dict(os.environ, PYTHON=sys.executable),
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert result.returncode == 0, result.stderr[-4000:]
    program = out / "dist" / "ulinzi" / "ulinzi"
    assert program.is_file()
    return program


@pytest.fixture
def bundled_env(tmp_path) -> dict[str, str]:
    """The bundle run as a person with an empty home: logs and settings stay in tmp_path."""
    home = tmp_path / "home"
    home.mkdir()
    return dict(
        os.environ,
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / ".config"),
        XDG_DATA_HOME=str(home / ".local/share"),
        XDG_STATE_HOME=str(home / ".local/state"),
        LANG="C.UTF-8",
        QT_QPA_PLATFORM="offscreen",
    )


def run_bundled(program: Path, env, *args: str, stdin: str = "", prefix=()):
    return subprocess.run(
        [*prefix, str(program), *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        cwd=program.parent.parent,  # not the source tree: nothing may come from there
    )


@pytest.fixture
def bundled_store(bundle, bundled_env, tmp_path) -> Path:
    """A store made by the bundle's `ulinzi init`: Alembic runs the bundle's own migrations."""
    folder = tmp_path / "store"
    result = run_bundled(
        bundle,
        bundled_env,
        "init",
        "--store",
        str(folder),
        "--agency-name",
        "Musanze Social Welfare",
        "--agency-code",
        "MSZ",
        "--admin",
        "admin",
        "--password-stdin",
        stdin=PASSWORD + "\n",
    )
    assert result.returncode == 0, result.stderr
    assert re.search(r"^recovery key: (?:[0-9A-Z]{5}-){7}[0-9A-Z]{5}$", result.stdout, re.M)
    return folder


@pytest.mark.slow
@linux_only
def test_the_bundle_makes_a_store_and_checks_it(bundle, bundled_env, bundled_store):
    from db.migrations import HEAD

    result = run_bundled(
        bundle,
        bundled_env,
        "check",
        "--store",
        str(bundled_store),
        "--user",
        "admin",
        "--password-stdin",
        stdin=PASSWORD + "\n",
    )
    assert result.returncode == 0, result.stderr
    assert "The store is sound." in result.stdout
    # The schema is the newest: every migration in db/migrations/versions went into the bundle.
    assert revision_of(bundled_store) == HEAD


@pytest.mark.slow
@linux_only
def test_the_bundle_makes_keys_and_a_backup_that_it_restores(
    bundle, bundled_env, bundled_store, tmp_path
):
    """age (pyrage) and Ed25519 (cryptography) are in the bundle: the agency's identity is
    made, a backup is locked with a passphrase and restored into a new folder."""
    signed_in = ("--store", str(bundled_store), "--user", "admin", "--password-stdin")
    identity = tmp_path / "identity.json"
    made = run_bundled(
        bundle, bundled_env, "agency", "identity", "--out", str(identity), *signed_in,
        stdin=PASSWORD + "\n",
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    assert json.loads(identity.read_text())["age_recipient"].startswith("age1")
    secret = tmp_path / "passphrase.txt"
    secret.write_text("maize river blue lantern seven goats\n")
    backup = tmp_path / "backup.age"
    done = run_bundled(
        bundle, bundled_env, "backup", "--to", str(backup), "--passphrase-file", str(secret),
        *signed_in, stdin=PASSWORD + "\n",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert backup.read_bytes().startswith(b"age-encryption.org/v1")
    restored = run_bundled(
        bundle, bundled_env, "restore", str(backup), "--into", str(tmp_path / "restored"),
        "--passphrase-file", str(secret),
    )  # fmt: skip
    assert restored.returncode == 0, restored.stderr
    assert revision_of(tmp_path / "restored") == revision_of(bundled_store)


def revision_of(folder: Path) -> str | None:
    """The store's Alembic revision, read with the project's own store code."""
    from db import migrations
    from desktop import accounts

    session = accounts.sign_in(folder, "admin", PASSWORD)
    try:
        with session.store.engine.connect() as conn:
            return migrations.current_revision(conn)
    finally:
        session.close()


@pytest.mark.slow
@linux_only
def test_the_bundle_opens_its_sign_in_window_offscreen(bundle, bundled_env, bundled_store):
    """The window is painted (Qt's paint log says so), from the bundle's own Qt plugins."""
    result = subprocess.run(
        [
            sys.executable,
            str(INSTALLER / "start_time.py"),
            "--runs",
            "1",
            "--timeout",
            "60",
            "--",
            str(bundle),
            "--store",
            str(bundled_store),
        ],
        capture_output=True,
        text=True,
        env=bundled_env,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stdout


@pytest.mark.slow
@linux_only
def test_the_bundle_stays_small_and_self_contained(bundle):
    folder = bundle.parent
    size = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())
    assert size / 1e6 < BUNDLE_LIMIT_MB, f"{size / 1e6:.0f} MB"
    internal = folder / "_internal"
    # What the spec must put on disk for the program to find by path.
    assert (internal / "db/migrations/env.py").is_file()
    assert sorted(p.name for p in (internal / "db/migrations/versions").glob("*.py")) == sorted(
        p.name for p in (ROOT / "db/migrations/versions").glob("*.py")
    )
    assert list((internal / "ui/translations").glob("*.qm"))
    assert (internal / "reportlab/fonts/Vera.ttf").is_file()
    assert (internal / "reports/fonts/DejaVuSans.ttf").is_file()
    assert (internal / "reports/fonts/LICENSE").is_file()
    shipped_forms = sorted(p.name for p in (ROOT / "desktop/forms").glob("*.yaml"))
    assert sorted(p.name for p in (internal / "desktop/forms").glob("*.yaml")) == shipped_forms
    assert list(internal.glob("ulinzi-*.dist-info"))
    platforms = {p.name for p in (internal / "PySide6/Qt/plugins/platforms").iterdir()}
    assert platforms == {"libqoffscreen.so", "libqxcb.so"}
    # The X11 helpers a fresh desktop lacks (Qt's "could not load the xcb plugin"), carried so
    # that an office PC without internet needs nothing it cannot download.
    assert (internal / "libxcb-cursor.so.0").is_file()
    # No network code: neither Qt's network module for Python nor Python's TLS. (Qt's network
    # library is there because Qt PDF links it; the program never opens a socket, see below.)
    assert not list(internal.rglob("QtNetwork.*"))
    assert not list(internal.rglob("_ssl.*"))
    assert list(internal.rglob("libQt6Pdf.so*"))


@pytest.mark.slow
@linux_only
def test_the_bundle_works_without_any_network(bundle, bundled_env, bundled_store):
    """In a network namespace of its own (no interface but a down loopback), the bundle checks
    the store and opens its window; with strace, it also never opens any but local sockets."""
    unshare = ["unshare", "--map-root-user", "--net"]
    probe = subprocess.run([*unshare, "true"], capture_output=True)
    if probe.returncode != 0:
        pytest.skip(f"no network namespaces here: {probe.stderr.decode().strip()}")
    check = ("check", "--store", str(bundled_store), "--user", "admin", "--password-stdin")
    result = run_bundled(bundle, bundled_env, *check, stdin=PASSWORD + "\n", prefix=unshare)
    assert result.returncode == 0, result.stderr
    assert "The store is sound." in result.stdout
    window = subprocess.run(
        [
            *unshare,
            sys.executable,
            str(INSTALLER / "start_time.py"),
            "--runs",
            "1",
            "--",
            str(bundle),
            "--store",
            str(bundled_store),
        ],
        capture_output=True,
        text=True,
        env=bundled_env,
        timeout=120,
    )
    assert window.returncode == 0, window.stdout + window.stderr

    if not shutil.which("strace"):
        return
    trace = bundled_store.parent / "strace.txt"
    strace = ["strace", "-f", "-qq", "-e", "trace=socket,connect", "-o", str(trace)]
    result = run_bundled(bundle, bundled_env, *check, stdin=PASSWORD + "\n", prefix=strace)
    assert result.returncode == 0, result.stderr
    sockets = re.findall(r"socket\((\w+)", trace.read_text())
    assert set(sockets) <= {"AF_UNIX"}, sockets
