"""`ulinzi providers`: the directory of service providers from the command line, as a real process."""

from __future__ import annotations

from desktop import case_flow
from tests.conftest import run_signed_in as ulinzi


def test_a_supervisor_adds_two_providers_and_lists_them(agency):
    r = ulinzi(
        agency.folder,
        "providers",
        "add",
        "Isange One Stop Centre",
        "--service",
        "health",
        "--service",
        "psychosocial",
        "--contact",
        "Desk officer",
        "--phone",
        "3029",
        "--address",
        "Kacyiru Police Hospital",
        "--eligibility",
        "Survivors of violence",
        user="sam",
    )
    assert r.returncode == 0, r.stderr
    assert r.stdout == (
        "Added Isange One Stop Centre to the service providers (health, psychosocial support).\n"
    )
    r = ulinzi(agency.folder, "providers", "add", "Haguruka", "--service", "Legal", user="tess")
    assert r.returncode == 0, r.stderr

    # Everyone may read the list: name, services, phone, state; sorted by name.
    r = ulinzi(agency.folder, "providers", "list", user="cara")
    assert r.returncode == 0, r.stderr
    assert r.stdout.splitlines() == [
        "Haguruka\tlegal\t\tactive",
        "Isange One Stop Centre\thealth,psychosocial\t3029\tactive",
    ]
    with agency.sign_in("sam") as sam:
        isange = next(p for p in case_flow.providers(sam) if p.name.startswith("Isange"))
    assert (isange.contact, isange.address, isange.eligibility) == (
        "Desk officer",
        "Kacyiru Police Hospital",
        "Survivors of violence",
    )


def test_providers_not_in_use_are_listed_as_such(agency):
    with agency.sign_in("sam") as sam:
        case_flow.save_provider(
            sam, case_flow.ProviderInfo(None, "Old Youth Club", ("education",), active=False)
        )
    r = ulinzi(agency.folder, "providers", "list", user="sam")
    assert r.stdout == "Old Youth Club\teducation\t\tnot in use\n"


def test_an_unknown_service_code_is_named_with_the_codes_there_are(agency):
    r = ulinzi(
        agency.folder,
        "providers",
        "add",
        "Gasabo District Hospital",
        "--service",
        "health",
        "--service",
        "helth",
        user="sam",
    )
    assert r.returncode == 1
    assert r.stderr.count("\n") == 1 and "Traceback" not in r.stderr
    assert r.stderr.startswith("ulinzi: Unknown service type: helth. The service types are: ")
    assert "health, education, psychosocial, legal" in r.stderr
    assert ulinzi(agency.folder, "providers", "list", user="sam").stdout == ""


def test_a_caseworker_cannot_add_a_provider(agency):
    r = ulinzi(agency.folder, "providers", "add", "Haguruka", "--service", "legal", user="cara")
    assert r.returncode == 1
    assert r.stderr == "ulinzi: You do not have permission to change the service providers.\n"
    assert ulinzi(agency.folder, "providers", "list", user="cara").stdout == ""


def test_a_taken_name_is_refused_and_a_service_is_required(agency):
    assert (
        ulinzi(agency.folder, "providers", "add", "Haguruka", "--service", "legal").returncode == 0
    )
    r = ulinzi(agency.folder, "providers", "add", "HAGURUKA", "--service", "legal")
    assert r.returncode == 1
    assert r.stderr == "ulinzi: There is already a provider named HAGURUKA.\n"
    r = ulinzi(agency.folder, "providers", "add", "Youth Centre")
    assert r.returncode == 2 and "--service" in r.stderr
    assert ulinzi(agency.folder, "providers").returncode == 2
    assert len(ulinzi(agency.folder, "providers", "list").stdout.splitlines()) == 1
