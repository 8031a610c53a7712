"""The permission gate's own decisions, on one small agency: who sees, opens and changes which
case, what a refusal says and where it is recorded, and what the gate refuses to register.

`test_access.py` makes every registered service refuse someone; these tests say who gets in and
who is kept out, case by case, and are fast enough to run under every mutant of the gate
(`python -m tests.mutation access`)."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from db.errors import InvalidInput, NotFound, PermissionDenied
from db.models import AuditEvent, Case, Role
from desktop import access, cases
from tests.conftest import make_agency

# Whose case each child is. Sam supervises Cara and Carl, Tess supervises Cleo; a supervisor
# may hold cases of their own too. Mina is a manager (reads every case, changes none) and an
# administrator holds no cases and sees none.
CHILDREN = {"Aline": "cara", "Bosco": "carl", "Chantal": "cleo", "Didier": "sam"}
MAY_CHANGE = {
    "cara": {"Aline"},
    "carl": {"Bosco"},
    "cleo": {"Chantal"},
    "sam": {"Aline", "Bosco", "Didier"},
    "tess": {"Chantal"},
    "mina": set(),
    "admin": set(),
}
MAY_READ = {**MAY_CHANGE, "mina": set(CHILDREN)}


@pytest.fixture(scope="module")
def gate(tmp_path_factory):
    agency = make_agency(tmp_path_factory.mktemp("gate") / "store")
    uuids = {}
    for child, worker in CHILDREN.items():
        registrant = "sam" if worker in ("sam", "carl") else worker  # sam assigns Carl's
        with agency.sign_in(registrant) as us:
            uuids[child] = cases.register_case(us, given_name=child, caseworker=worker).uuid
    return agency, uuids


def _events(us, after: int) -> list[tuple[str, int | None, str, str]]:  # type: ignore[no-untyped-def]
    with us.store.read() as s:
        return [
            tuple(r)
            for r in s.execute(
                select(
                    AuditEvent.action, AuditEvent.case_id, AuditEvent.username, AuditEvent.summary
                )
                .where(AuditEvent.seq > after)
                .order_by(AuditEvent.seq)
            )
        ]


def _last(us) -> int:  # type: ignore[no-untyped-def]
    with us.store.read() as s:
        return s.execute(select(AuditEvent.seq).order_by(AuditEvent.seq.desc())).scalars().first()


def _case_id(us, uuid: str) -> int:  # type: ignore[no-untyped-def]
    with us.store.read() as s:
        return s.execute(select(Case.id).where(Case.uuid == uuid)).scalar_one()


@pytest.mark.parametrize("person", sorted(MAY_READ))
def test_each_person_lists_exactly_the_cases_their_role_and_team_allow(gate, person):
    agency, _ = gate
    with agency.sign_in(person) as us:
        assert {row.given_name for row in cases.list_cases(us)} == MAY_READ[person]
        assert cases.count_cases(us) == len(MAY_READ[person])


@pytest.mark.parametrize("person", sorted(MAY_READ))
def test_each_person_opens_and_changes_only_the_cases_the_gate_allows(gate, person):
    agency, uuids = gate
    opened, changed, told = set(), set(), set()
    with agency.sign_in(person) as us:
        for child, uuid in uuids.items():
            try:
                with access.reading_case(us, uuid) as (_, case):
                    assert case.given_name == child
                opened.add(child)
            except PermissionDenied as e:
                told.add(e.message)
            try:
                with access.changing_case(us, uuid) as (s, case):
                    assert case.given_name == child
                    assert access.may_change(s, us, case)
                changed.add(child)
            except PermissionDenied as e:
                told.add(e.message)
            with us.store.read() as s:  # what the case file asks to grey its buttons
                case = s.execute(select(Case).where(Case.uuid == uuid)).scalar_one()
                assert access.may_change(s, us, case) == (child in MAY_CHANGE[person])
    assert opened == MAY_READ[person]
    assert changed == MAY_CHANGE[person]
    assert told <= {
        "You do not have permission to open this case.",
        "You do not have permission to change this case.",
    }


def test_a_refused_case_is_recorded_against_that_case_with_what_was_refused(gate):
    agency, uuids = gate
    with agency.sign_in("cleo") as us:
        before = _last(us)
        with pytest.raises(PermissionDenied) as opening:
            cases.open_case(us, uuids["Aline"])
        with pytest.raises(PermissionDenied) as changing:
            cases.update_case(us, uuids["Bosco"], location="Musanze")
        aline, bosco = _case_id(us, uuids["Aline"]), _case_id(us, uuids["Bosco"])
        assert _events(us, before) == [
            (access.OPEN_REFUSED, aline, "cleo", "open this case"),
            (access.CHANGE_REFUSED, bosco, "cleo", "change this case"),
        ]
    assert opening.value.message == "You do not have permission to open this case."
    assert changing.value.message == "You do not have permission to change this case."


def test_a_refused_role_is_recorded_without_a_case(gate):
    agency, _ = gate
    with agency.sign_in("mina") as us:
        before = _last(us)
        with pytest.raises(PermissionDenied) as caught:
            cases.register_case(us, given_name="Eric")
        assert _events(us, before) == [(access.REFUSED, None, "mina", "register cases")]
    assert caught.value.message == "You do not have permission to register cases."


def test_opening_a_case_is_itself_recorded_and_reading_it_again_is_not(gate):
    agency, uuids = gate
    with agency.sign_in("mina") as us:
        before = _last(us)
        assert cases.open_case(us, uuids["Chantal"]).row.given_name == "Chantal"
        assert cases.case_again(us, uuids["Chantal"]).row.given_name == "Chantal"
        assert _events(us, before) == [("case.opened", _case_id(us, uuids["Chantal"]), "mina", "")]


def test_a_person_refused_a_case_learns_nothing_from_what_they_asked_of_it(gate):
    """The gate checks who asks before the service checks what they ask: an impossible change
    to someone else's case is refused as a permission, not explained."""
    agency, uuids = gate
    with agency.sign_in("cleo") as us, pytest.raises(PermissionDenied):
        cases.update_case(us, uuids["Aline"], no_such_detail="x")
    with agency.sign_in("cara") as us, pytest.raises(InvalidInput, match="no_such_detail"):
        cases.update_case(us, uuids["Aline"], no_such_detail="x")


def test_a_case_that_does_not_exist_is_not_found_for_anyone(gate):
    agency, _ = gate
    for person in ("cara", "mina"):
        with agency.sign_in(person) as us:
            before = _last(us)
            with pytest.raises(NotFound, match="The case was not found"):
                cases.open_case(us, "no-such-case")
            with pytest.raises(NotFound), access.changing_case(us, "no-such-case"):
                pass
            with pytest.raises(NotFound), access.reading_case(us, "no-such-case"):
                pass
            assert _events(us, before) == []  # nothing refused: nothing to record


@pytest.fixture
def registered():
    """Services a test registers, taken out of the registry afterwards."""
    before = set(access.REGISTRY)
    yield
    for name in set(access.REGISTRY) - before:
        del access.REGISTRY[name]


def test_a_role_service_lets_in_anyone_with_one_of_its_roles_and_refuses_before_it_runs(
    gate, registered
):
    agency, _ = gate
    ran = []

    @access.requires(Role.CASEWORKER, Role.SUPERVISOR, action="do a team thing")
    def team_thing(us) -> str:  # type: ignore[no-untyped-def]
        ran.append(us.user.username)
        return "done"

    @access.signed_in
    def anyone(us) -> str:  # type: ignore[no-untyped-def]
        access.require(us, Role.MANAGER, Role.ADMINISTRATOR, action="do an office thing")
        return "done"

    entry = access.REGISTRY[f"{__name__}.team_thing"]
    assert (entry.need, entry.roles, entry.event) == (
        access.Need.ROLE,
        {Role.CASEWORKER, Role.SUPERVISOR},
        access.REFUSED,
    )
    assert access.REGISTRY[f"{__name__}.anyone"].need == access.Need.SIGNED_IN
    for person, team, office in (
        ("cara", True, False),
        ("sam", True, False),
        ("mina", False, True),
        ("admin", False, True),
    ):
        with agency.sign_in(person) as us:
            before = _last(us)
            if team:
                assert team_thing(us) == "done"
            else:
                with pytest.raises(PermissionDenied, match="do a team thing"):
                    team_thing(us)
            if office:
                assert anyone(us) == "done"
            else:
                with pytest.raises(PermissionDenied, match="do an office thing"):
                    anyone(us)
            refused = [] if team else ["do a team thing"]
            refused += [] if office else ["do an office thing"]
            assert [e[3] for e in _events(us, before)] == refused
    assert ran == ["cara", "sam"]


def test_a_refusal_deep_inside_services_is_recorded_once_where_it_was_refused(gate, registered):
    agency, uuids = gate

    @access.changes_case(event="test.inner_refused")
    def inner(us, case_uuid: str) -> None:  # type: ignore[no-untyped-def]
        raise AssertionError("the gate refuses before the service runs")

    @access.reads_case(event="test.outer_refused")
    def outer(us, case_uuid: str) -> None:  # type: ignore[no-untyped-def]
        inner(us, case_uuid)

    with agency.sign_in("mina") as us:  # may read Aline's case, not change it
        before = _last(us)
        with pytest.raises(PermissionDenied, match="change this case"):
            outer(us, uuids["Aline"])
        events = _events(us, before)
        aline = _case_id(us, uuids["Aline"])
    assert [e[:3] for e in events] == [("test.inner_refused", aline, "mina")]


@pytest.mark.parametrize(
    ("need", "roles", "action"),
    [
        (access.Need.ROLE, (), "do a thing"),  # a role check without roles
        (access.Need.ROLE, (Role.MANAGER,), ""),  # ...or without the words of its refusal
        (access.Need.READ_CASE, (Role.MANAGER,), "do a thing"),  # roles on a case right
        (access.Need.SIGNED_IN, (Role.MANAGER,), "do a thing"),
    ],
)
def test_a_service_registered_without_what_it_needs_is_refused_at_registration(
    registered, need, roles, action
):
    with pytest.raises(ValueError, match="^a role check names its roles and its refused action"):
        access.service(need, roles=roles, action=action)


def test_case_services_refuse_with_their_own_words_and_events(registered):
    @access.reads_case()
    def reads(us, case_uuid: str) -> None:  # type: ignore[no-untyped-def]
        pass

    @access.changes_case(action="plan this case")
    def changes(us, case_uuid: str) -> None:  # type: ignore[no-untyped-def]
        pass

    @access.service(access.Need.RULES)
    def rules(us) -> None:  # type: ignore[no-untyped-def]
        pass

    @access.reads_case(event=access.DOCUMENT_REFUSED)
    def reads_document(us, case_uuid: str) -> None:  # type: ignore[no-untyped-def]
        pass

    @access.changes_case(event=access.SIGNED_COPY_REFUSED)
    def adds_copy(us, case_uuid: str) -> None:  # type: ignore[no-untyped-def]
        pass

    @access.service(access.Need.READ_CASE)  # the needs alone, without the shorthands
    def bare_reads(us, case_uuid: str) -> None:  # type: ignore[no-untyped-def]
        pass

    @access.service(access.Need.CHANGE_CASE)
    def bare_changes(us, case_uuid: str) -> None:  # type: ignore[no-untyped-def]
        pass

    found = {name.rpartition(".")[2]: e for name, e in access.REGISTRY.items()}
    assert (found["reads"].action, found["reads"].event) == ("open this case", access.OPEN_REFUSED)
    assert (found["changes"].action, found["changes"].event) == (
        "plan this case",
        access.CHANGE_REFUSED,
    )
    assert (found["rules"].action, found["rules"].event) == ("", access.REFUSED)
    assert (found["reads_document"].need, found["reads_document"].event) == (
        access.Need.READ_CASE,
        access.DOCUMENT_REFUSED,
    )
    assert (found["adds_copy"].need, found["adds_copy"].action, found["adds_copy"].event) == (
        access.Need.CHANGE_CASE,
        "change this case",
        access.SIGNED_COPY_REFUSED,
    )
    assert (found["bare_reads"].action, found["bare_reads"].event) == (
        "open this case",
        access.OPEN_REFUSED,
    )
    assert (found["bare_changes"].action, found["bare_changes"].event) == (
        "change this case",
        access.CHANGE_REFUSED,
    )
    assert found["reads"].roles == frozenset()
