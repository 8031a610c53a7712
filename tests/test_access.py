"""The permission gate: every service says what it needs, and every refusal leaves one audit event.

The refusal test is generated from the gate's registry, so a new service is tested the moment it
is registered, and a public service that is not registered fails the first test."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from datetime import date

import pytest
from sqlalchemy import func, select

import desktop
from db.errors import PermissionDenied
from db.models import AuditEvent, FormSubmission, Role
from desktop import access, case_flow, documents, placements
from desktop.workflow import MoveRefused
from tests.conftest import PASSWORD, make_agency, run_signed_in
from tests.stories import approval, transfer_requested

# Every module of desktop/, its sub-packages too. The command line, the entry point and the demo
# builder call services; they are not services.
NOT_SERVICES = {"desktop.cli", "desktop.main", "desktop.demo", "desktop.access"}
SERVICE_MODULES = [
    importlib.import_module(m.name)
    for m in pkgutil.walk_packages(desktop.__path__, "desktop.")
    if not m.ispkg and m.name not in NOT_SERVICES
]


def entry_points() -> list[tuple[str, object]]:
    """Every public function of desktop/ that starts from the signed-in person (`us` first).
    Helpers that take a unit of work first (`s, us`) run inside a service, not on their own."""
    found = []
    for module in SERVICE_MODULES:
        for name, fn in vars(module).items():
            if name.startswith("_") or not inspect.isfunction(fn):
                continue
            if getattr(fn, "__module__", None) != module.__name__:
                continue  # imported from elsewhere: checked where it is defined
            params = list(inspect.signature(fn).parameters)
            if params[:1] == ["us"]:
                found.append((f"{module.__name__}.{name}", fn))
    return found


def test_every_public_service_is_registered_with_what_it_needs():
    services = entry_points()
    assert len(services) > 60  # the walk finds the services (a broken walk tests nothing)
    unregistered = [name for name, fn in services if getattr(fn, "entry", None) is None]
    assert unregistered == [], (
        "Register these with the gate (desktop/access.py): a role, a case right, "
        f"or access.signed_in if every signed-in person may use them: {unregistered}"
    )
    assert {name for name, _ in services} == set(access.REGISTRY)


GUARDED = sorted(name for name, e in access.REGISTRY.items() if e.need != access.Need.SIGNED_IN)
OPEN = sorted(name for name, e in access.REGISTRY.items() if e.need == access.Need.SIGNED_IN)


def test_what_is_open_to_everyone_is_a_short_list_of_decisions():
    """Open services either show only what the person may see (filtered) or concern only them."""
    assert "desktop.cases.list_cases" in OPEN and "desktop.drafts.save_draft" in OPEN
    for name in OPEN:  # nothing open names a case: a case is always checked
        fn = _function(name)
        assert "case_uuid" not in inspect.signature(fn).parameters, name


@pytest.fixture(scope="module")
def story(tmp_path_factory):
    """Cara's case (Sam's team) with a transfer request waiting for Sam, a printed summary."""
    agency = make_agency(tmp_path_factory.mktemp("gate") / "store")
    uuid = transfer_requested(agency)
    with agency.sign_in("cara") as us:
        made = documents.make_document(us, uuid, "summary", language="en")
        pending = approval(us, uuid, "transfer").id
        with us.store.read() as s:
            submission = s.execute(
                select(FormSubmission.id).where(FormSubmission.form_id == "registration")
            ).scalar_one()
    known = {"made": made, "approval_id": pending, "submission_id": submission, "approve": True}
    with agency.sign_in("cara") as us:
        known["placement_id"] = placements.propose(
            us,
            uuid,
            placements.PlacementDetails(
                "foster_family", date.today(), "informal", "Safe with them.", carer="Uwase"
            ),
        ).id
    known["how"] = "printed"
    known["comment"] = "Ask the child first."
    return agency, uuid, known


# Who is refused what each need asks. A manager may read every case but change none; Cleo
# works in Tess's team, not Sam's, so she may not even open Cara's case.
REFUSED_FOR_CASE = {
    access.Need.READ_CASE: "cleo",
    access.Need.CHANGE_CASE: "mina",
    access.Need.RULES: "cara",
    access.Need.FACILITY_CHILD: "cara",  # only facility staff, of the child's facility
}
PEOPLE = {
    "cara": {Role.CASEWORKER},
    "mina": {Role.MANAGER},
    "admin": {Role.ADMINISTRATOR},
    "sam": {Role.SUPERVISOR},
}


def _refused_person(entry: access.Entry) -> str:
    if entry.need == access.Need.ROLE:
        return next(name for name, roles in PEOPLE.items() if not roles & entry.roles)
    return REFUSED_FOR_CASE[entry.need]


def _function(name: str):  # type: ignore[no-untyped-def]
    module, _, function = name.rpartition(".")
    return getattr(importlib.import_module(module), function)


def _arguments(fn, uuid: str, known: dict[str, object]) -> dict[str, object]:  # type: ignore[no-untyped-def]
    """The story's case and objects for the parameters that name them; None for the rest (the
    gate refuses before a service reads them)."""
    args: dict[str, object] = {}
    for name, p in list(inspect.signature(fn).parameters.items())[1:]:
        if name == "case_uuid":
            args[name] = uuid
        elif name in known:
            args[name] = known[name]
        elif p.default is inspect.Parameter.empty and p.kind != p.VAR_KEYWORD:
            args[name] = None
    return args


def _events_after(us, seq: int) -> list[str]:  # type: ignore[no-untyped-def]
    with us.store.read() as s:
        return list(
            s.execute(
                select(AuditEvent.action).where(AuditEvent.seq > seq).order_by(AuditEvent.seq)
            ).scalars()
        )


def _last_seq(us) -> int:  # type: ignore[no-untyped-def]
    with us.store.read() as s:
        return s.execute(select(func.max(AuditEvent.seq))).scalar_one()


@pytest.mark.parametrize("name", GUARDED)
def test_each_service_refuses_who_may_not_use_it_and_audits_the_refusal_once(story, name):
    agency, uuid, known = story
    entry = access.REGISTRY[name]
    fn = _function(name)
    with agency.sign_in(_refused_person(entry)) as us:
        before = _last_seq(us)
        with pytest.raises((PermissionDenied, MoveRefused)):
            fn(us, **_arguments(fn, uuid, known))
        assert _events_after(us, before) == [entry.event]
        assert entry.event in access.REFUSAL_EVENTS


def test_a_supervisor_registering_a_case_for_another_team_is_refused_and_audited(agency):
    with agency.sign_in("sam") as us:  # Cleo is Tess's caseworker
        before = _last_seq(us)
        with pytest.raises(PermissionDenied, match="assign cases to that caseworker"):
            desktop.cases.register_case(us, given_name="Amani", caseworker="cleo")
        assert _events_after(us, before) == [access.REFUSED]
        with us.store.read() as s:
            summary = s.execute(
                select(AuditEvent.summary).where(AuditEvent.seq > before)
            ).scalar_one()
        assert summary == "assign cases to that caseworker"  # what, never whom


def test_a_case_refused_in_a_nested_service_is_audited_once(story):
    """Export prints the transfer form through another service: still one refusal."""
    agency, uuid, _ = story
    with agency.sign_in("cleo") as us:
        before = _last_seq(us)
        with pytest.raises(PermissionDenied):
            desktop.exchange.export_case(us, uuid, agency.folder / "x.ulz", passphrase="p" * 30)
        assert _events_after(us, before) == [access.CHANGE_REFUSED]


def test_a_plan_version_is_read_only_by_whoever_may_open_its_case(story):
    agency, uuid, known = story
    with agency.sign_in("cleo") as us, pytest.raises(PermissionDenied):
        case_flow.plan_submission(us, known["submission_id"])
    with agency.sign_in("mina") as us:
        assert case_flow.plan_submission(us, known["submission_id"]).form_id == "registration"


def test_a_registered_need_is_checked_by_the_gate_itself(agency):
    """A role service refuses before it runs: nothing it would do happens."""
    ran = []

    @access.requires(Role.ADMINISTRATOR, action="do a test thing")
    def thing(us) -> None:  # type: ignore[no-untyped-def]
        ran.append(us)

    try:
        with agency.sign_in("cara") as us:
            with pytest.raises(PermissionDenied):
                thing(us)
            assert ran == []
    finally:
        del access.REGISTRY[f"{__name__}.thing"]


# -- the command line ------------------------------------------------------------------------------


def _refusals(agency) -> list[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    with agency.sign_in("admin") as us, us.store.read() as s:
        return [
            tuple(r)
            for r in s.execute(
                select(AuditEvent.username, AuditEvent.action, AuditEvent.summary)
                .where(AuditEvent.action.in_(access.REFUSAL_EVENTS))
                .order_by(AuditEvent.seq)
            )
        ]


def test_refusals_on_the_command_line_are_audited_once_each(agency, partner, tmp_path):
    identity = tmp_path / "partner.json"
    with partner.sign_in("sam") as us:
        identity.write_text(desktop.exchange.our_identity(us).to_json())
    attempts = [
        (("backup", "--to", str(tmp_path / "b.age")), "cara"),
        (("user", "list"), "cara"),
        (("providers", "add", "Haguruka", "--service", "legal"), "mina"),
        (("agency", "add", str(identity)), "cara"),
    ]
    for args, user in attempts:
        r = run_signed_in(
            agency.folder, *args, user=user, stdin=f"{PASSWORD}\n{agency.recovery_key}\n"
        )
        assert r.returncode == 1, (args, r.stdout, r.stderr)
        assert r.stderr.startswith("ulinzi: You do not have permission to"), r.stderr
        assert r.stderr.count("\n") == 1  # one plain line
    assert not (tmp_path / "b.age").exists()
    assert _refusals(agency) == [
        ("cara", access.REFUSED, "back up the store"),
        ("cara", access.REFUSED, "list the users"),
        ("mina", access.REFUSED, "change the service providers"),
        ("cara", access.REFUSED, "change the partner agencies"),
    ]
