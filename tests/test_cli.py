"""The administrator's command line, run as a real process."""

from __future__ import annotations

import re

import pytest

from tests.conftest import PASSWORD, run_cli, run_signed_in


@pytest.fixture
def cli_store(tmp_path):
    """A store made with `ulinzi init` (real Argon2 parameters), and its recovery key."""
    folder = tmp_path / "store"
    result = run_cli(
        "init",
        "--store",
        str(folder),
        "--agency-name",
        "Musanze Social Welfare",
        "--agency-code",
        "msz",
        "--admin",
        "admin",
        "--password-stdin",
        stdin=PASSWORD + "\n",
    )
    assert result.returncode == 0, result.stderr
    match = re.search(r"^recovery key: ((?:[0-9A-Z]{5}-){7}[0-9A-Z]{5})$", result.stdout, re.M)
    assert match, result.stdout
    return folder, match.group(1)


ulinzi = run_signed_in


def test_init_user_management_and_cases_round_trip(cli_store):
    folder, _ = cli_store
    r = ulinzi(
        folder,
        "user",
        "add",
        "amina",
        "--full-name",
        "Amina Juma",
        "--role",
        "caseworker",
        stdin=f"{PASSWORD}\ntemporary pass 1\n",
    )
    assert r.returncode == 0, r.stderr
    r = ulinzi(folder, "user", "list")
    assert "amina\tAmina Juma\tcaseworker\t\tactive" in r.stdout
    # Amina changes her temporary password, then sees her (empty) case list.
    r = ulinzi(folder, "user", "passwd", user="amina", stdin="temporary pass 1\nher own password\n")
    assert r.returncode == 0, r.stderr
    r = ulinzi(folder, "cases", user="amina", stdin="her own password\n")
    assert (r.returncode, r.stdout) == (0, "")
    # The administrator removes her; she can no longer sign in.
    assert ulinzi(folder, "user", "remove", "amina").returncode == 0
    r = ulinzi(folder, "cases", user="amina", stdin="her own password\n")
    assert r.returncode == 1
    assert r.stderr.strip() == "ulinzi: The username or password is not correct."


def test_recover_and_rekey_commands(cli_store):
    folder, recovery_key = cli_store
    r = run_cli(
        "recover",
        "--store",
        str(folder),
        "--user",
        "admin",
        "--password-stdin",
        stdin=f"{recovery_key.lower()}\nnew admin password\n",
    )
    assert r.returncode == 0, r.stderr
    r = ulinzi(folder, "rekey", stdin="new admin password\n")
    assert r.returncode == 0, r.stderr
    r = ulinzi(folder, "check", stdin="new admin password\n")
    assert r.returncode == 0 and "The store is sound." in r.stdout


def test_a_mistyped_recovery_key_names_the_group(cli_store):
    folder, recovery_key = cli_store
    groups = recovery_key.split("-")
    groups[2] = groups[2][:4] + ("0" if groups[2][4] != "0" else "1")
    r = run_cli(
        "recover",
        "--store",
        str(folder),
        "--user",
        "admin",
        "--password-stdin",
        stdin="-".join(groups) + "\nnew admin password\n",
    )
    assert r.returncode == 1
    assert (
        r.stderr.strip()
        == "ulinzi: Group 3 of the recovery key looks mistyped: check it against the paper copy."
    )


def test_errors_are_one_plain_line_and_usage_errors_exit_2(tmp_path, cli_store):
    folder, _ = cli_store
    r = ulinzi(tmp_path / "nowhere", "cases")
    assert (
        r.returncode == 1 and r.stderr.count("\n") == 1 and "There is no Ulinzi store" in r.stderr
    )
    r = ulinzi(folder, "cases", stdin="wrong password\n")
    assert r.returncode == 1 and "Traceback" not in r.stderr
    r = run_cli("cases", "--status", "sleeping")
    assert r.returncode == 2
    r = run_cli("user")
    assert r.returncode == 2
    r = run_cli(
        "init",
        "--store",
        str(folder),
        "--agency-name",
        "X",
        "--agency-code",
        "XX",
        "--admin",
        "a2",
        "--password-stdin",
        stdin=PASSWORD + "\n",
    )
    assert r.returncode == 1 and "already holds files" in r.stderr


def test_passwords_are_never_taken_from_the_command_line():
    r = run_cli("cases", "--password", PASSWORD)
    assert r.returncode == 2


def test_demo_store_prints_its_password_and_lists_cases(tmp_path):
    folder = tmp_path / "demo"
    r = run_cli("demo", "--store", str(folder), "--cases", "300", "--seed", "3")
    assert r.returncode == 0, r.stderr
    password = re.search(r"^demo password: (\S+)$", r.stdout, re.M).group(1)
    r = ulinzi(folder, "cases", user="manager", stdin=password + "\n")
    rows = [line.split("\t") for line in r.stdout.splitlines()]
    assert len(rows) == 300
    assert all(len(row) == 6 and re.fullmatch(r"DEMO-\d{4}-\d{5}", row[0]) for row in rows)
    assert {row[3] for row in rows} == {"open", "closed", "transferred"}
    assert {row[4] for row in rows} >= {"high", "medium", "low"}
    r = ulinzi(
        folder, "cases", "--status", "open", "--search", "a", user="amina", stdin=password + "\n"
    )
    mine = [line.split("\t") for line in r.stdout.splitlines()]
    assert mine and all(row[5] == "Amina Juma" and row[3] == "open" for row in mine)
    # A demo never touches an existing store.
    r = run_cli("demo", "--store", str(folder), "--cases", "5")
    assert r.returncode == 1 and "already holds files" in r.stderr


def test_every_command_the_parser_knows_is_routed_to_the_command_line():
    from desktop import cli, main

    parser = cli.build_parser()
    subparsers = next(a for a in parser._actions if a.dest == "command")
    assert all(main.wants_command_line([name]) for name in subparsers.choices)
    assert not any(main.wants_command_line(argv) for argv in ([], ["--demo"], ["--store", "x"]))


def test_a_mistyped_command_is_answered_by_the_command_line_with_the_commands_it_knows():
    r = run_cli("exprot")
    assert r.returncode == 2
    assert "invalid choice: 'exprot'" in r.stderr and "export" in r.stderr


def test_an_administrator_adapts_a_form_from_the_command_line(cli_store, tmp_path):
    folder, _key = cli_store
    listed = ulinzi(folder, "forms", "list")
    assert "registration.yaml\tregistration\tv1\tshipped" in listed.stdout
    copy = tmp_path / "registration.yaml"
    assert ulinzi(folder, "forms", "export", "registration.yaml", str(copy)).returncode == 0
    text = copy.read_text(encoding="utf-8")
    # A new choice in a list of the form, without raising the version: refused, with the line.
    copy.write_text(
        text.replace(
            "        choices: yes_no_unknown\n",
            "        choices: yes_no_unknown\n        colour: red\n",
        ),
        encoding="utf-8",
    )
    refused = ulinzi(folder, "forms", "import", str(copy))
    assert refused.returncode == 1
    assert re.match(
        r"ulinzi: Form definition registration\.yaml, line \d+: “colour” is not", refused.stderr
    )
    copy.write_text(
        text.replace("version: 1", "version: 2", 1).replace(
            "      - id: languages\n",
            "      - id: school\n        type: text\n        label: {en: School, fr: École}\n"
            "      - id: languages\n",
        ),
        encoding="utf-8",
    )
    assert ulinzi(folder, "forms", "import", str(copy)).returncode == 0
    assert (
        "registration.yaml\tregistration\tv2\tedited by the agency"
        in ulinzi(folder, "forms", "list").stdout
    )
    assert ulinzi(folder, "forms", "reset", "registration.yaml").returncode == 0
    assert "\tv1\tshipped" in ulinzi(folder, "forms", "list").stdout


def test_the_store_named_in_the_environment_is_the_one_a_command_opens(agency, monkeypatch):
    """`ULINZI_STORE` stands for `--store`, read by the command's own process when it starts:
    what an office's shortcut sets once for every administrator's command."""
    monkeypatch.setenv("ULINZI_STORE", str(agency.folder))
    r = run_cli("user", "list", "--user", "admin", "--password-stdin", stdin=PASSWORD + "\n")
    assert r.returncode == 0, r.stderr
    assert "cara\tCara Caseworker\tcaseworker\tsam\tactive" in r.stdout.splitlines()
    monkeypatch.setenv("ULINZI_STORE", str(agency.folder.parent / "nowhere"))
    r = run_cli("user", "list", "--user", "admin", "--password-stdin", stdin=PASSWORD + "\n")
    assert r.returncode != 0
    assert "cara" not in r.stdout
