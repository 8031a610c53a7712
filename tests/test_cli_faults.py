"""The command line under faults and odd input: one plain line, or a quiet stop, never
"something went wrong"."""

from __future__ import annotations

import subprocess
import sys

from desktop import cases
from tests.conftest import PASSWORD, ROOT, run_cli, run_signed_in


def test_a_closed_pipe_stops_the_case_list_quietly(agency):
    with agency.sign_in("cara") as us:
        cases.register_case(us, given_name="Amani", family_name="Juma", location="Huye")
    proc = subprocess.Popen(
        [sys.executable, "-m", "desktop.main", "cases", "--store", str(agency.folder)]
        + ["--user", "cara", "--password-stdin"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT,
    )  # fmt: skip
    proc.stdout.close()  # like `| head` that has read what it wanted
    _, err = proc.communicate((PASSWORD + "\n").encode(), timeout=120)
    assert err == b""
    assert proc.returncode == 141


def test_out_naming_a_folder_is_one_plain_line(agency, tmp_path):
    r = run_signed_in(agency.folder, "agency", "identity", "--out", str(tmp_path))
    assert r.returncode == 1
    assert r.stderr == (
        f"ulinzi: {tmp_path} is a folder: give the name of a file to write, inside it.\n"
    )


def test_importing_a_device_is_refused_at_once(agency):
    r = run_cli(
        "import", "/dev/zero", "--store", str(agency.folder), "--user", "cara",
        "--password-stdin", stdin=PASSWORD + "\n", timeout=30,
    )  # fmt: skip
    assert r.returncode == 1
    assert r.stderr == "ulinzi: zero is not a file that can be read.\n"


def test_a_passphrase_file_is_read_only_up_to_a_bound(agency, tmp_path):
    big = tmp_path / "passphrase.txt"
    big.write_bytes(b"a" * (5 * 1024 * 1024))
    r = run_signed_in(
        agency.folder, "backup", "--to", str(tmp_path / "b.age"), "--passphrase-file", str(big)
    )
    assert r.returncode == 1
    assert r.stderr == "ulinzi: The file passphrase.txt is too large (at most 4 MB).\n"


def test_a_demo_store_with_a_negative_number_of_cases_is_refused(tmp_path):
    r = run_cli("demo", "--store", str(tmp_path / "demo"), "--cases", "-5")
    assert r.returncode == 1
    assert r.stderr == "ulinzi: A demo store has from 0 to 1000000 cases.\n"
    assert not (tmp_path / "demo").exists()


def test_endless_standard_input_is_not_a_password(agency):
    """`--password-stdin < /dev/zero` ends in one line, without reading the machine's memory."""
    with open("/dev/zero", "rb") as zeros:
        r = subprocess.run(
            [sys.executable, "-m", "desktop.main", "cases", "--store", str(agency.folder),
             "--user", "cara", "--password-stdin"],
            stdin=zeros, capture_output=True, text=True, cwd=ROOT, timeout=60,
        )  # fmt: skip
    assert r.returncode == 1
    assert r.stderr == "ulinzi: A line of standard input is too long to be a password.\n"


def test_an_agency_name_that_is_not_text_creates_nothing(tmp_path):
    folder = tmp_path / "store"
    r = subprocess.run(
        [sys.executable, "-m", "desktop.main", "init", "--store", str(folder),
         "--agency-name", b"X\xff".decode("utf-8", "surrogateescape"), "--agency-code", "KGL",
         "--admin", "admin", "--password-stdin"],
        input=f"{PASSWORD}\n{PASSWORD}\n", capture_output=True, text=True, cwd=ROOT, timeout=60,
    )  # fmt: skip
    assert r.returncode == 1
    assert r.stderr == "ulinzi: A name holds bytes that are not text (not UTF-8).\n"
    assert not folder.exists() or not any(folder.iterdir())
