"""Placements, facilities and the daily log: decided with the supervisor, one current placement,
reviews at the agency's interval, facility staff who see only their facility's children, and
serious incidents that the caseworker and the supervisor must follow up."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from db.errors import InvalidInput, PermissionDenied
from db.models import AuditEvent
from desktop import accounts, case_flow, cases, facilities, placements
from desktop.placements import PlacementDetails, ReviewDetails
from desktop.workflow import Deadlines, MoveRefused, add_months
from tests.conftest import FAST_KDF, PASSWORD, make_agency

TODAY = date.today()


def at_facility(facility_id: int, start: date = TODAY, **more: object) -> PlacementDetails:
    return PlacementDetails(
        kind="residential_care",
        start_date=start,
        legal_basis="court_order",
        legal_reference=more.pop("reference", "RC 12/2026"),  # type: ignore[arg-type]
        legal_date=start,
        decided_by="Gasabo Primary Court",
        reason="No safe family carer was found yet; tracing continues.",
        facility_id=facility_id,
        **more,  # type: ignore[arg-type]
    )


def with_grandmother(start: date = TODAY) -> PlacementDetails:
    return PlacementDetails(
        kind="kinship_formal",
        start_date=start,
        legal_basis="administrative_decision",
        legal_reference="DSW/44",
        legal_date=start,
        carer="Mukamana Odette (grandmother)",
        address="Kimironko, Gasabo",
        reason="The grandmother was assessed able and willing to care for her.",
    )


@pytest.fixture(scope="module")
def home(tmp_path_factory):
    """Two facilities, Fred working at the first and Flora at the second; Cara's children
    Zawadi (at the first) and Amani (at the second), and Cleo's Baraka (at the first)."""
    agency = make_agency(tmp_path_factory.mktemp("placements") / "store")
    with agency.sign_in("admin") as us:
        for username, name in (("fred", "Fred Facility"), ("flora", "Flora Facility")):
            accounts.add_user(
                us,
                username,
                name,
                ["facility_staff"],
                PASSWORD,
                must_change_password=False,
                kdf=FAST_KDF,
            )
        first = facilities.save_facility(
            us, facilities.FacilityInfo(None, "Gisimba Children's Home", 40, "Nyamirambo")
        ).id
        second = facilities.save_facility(
            us, facilities.FacilityInfo(None, "Mwana Care Centre", 12, "Remera")
        ).id
        facilities.assign_staff(us, "fred", first)
        facilities.assign_staff(us, "flora", second)
    uuids = {}
    for worker, child, facility in (
        ("cara", "Zawadi", first),
        ("cara", "Amani", second),
        ("cleo", "Baraka", first),
    ):
        with agency.sign_in(worker) as us:
            uuid = cases.register_case(us, given_name=child, family_name="Test").uuid
            proposed = placements.propose(us, uuid, at_facility(facility, TODAY - timedelta(40)))
        with agency.sign_in("sam" if worker == "cara" else "tess") as us:
            placements.approve(us, proposed.id)
        uuids[child] = uuid
    return agency, uuids, first, second


def _events(us, action: str) -> int:  # type: ignore[no-untyped-def]
    with us.store.read() as s:
        return s.execute(
            select(func.count()).select_from(AuditEvent).where(AuditEvent.action == action)
        ).scalar_one()


def _tasks(agency, user: str, uuid: str) -> set[str]:  # type: ignore[no-untyped-def]
    with agency.sign_in(user) as us:
        return {t.kind for t in case_flow.my_tasks(us, days=400) if t.case_uuid == uuid}


# -- a placement decision and the supervisor ------------------------------------------------------


def test_a_placement_decision_waits_for_the_supervisor_then_becomes_the_current_one(agency):
    with agency.sign_in("cara") as us:
        uuid = cases.register_case(us, given_name="Neema").uuid
        proposed = placements.propose(us, uuid, with_grandmother())
        assert proposed.state == "proposed"
        assert placements.current(us, uuid) is None  # not before the supervisor's approval
    with agency.sign_in("sam") as us:
        waiting = case_flow.supervisor_queue(us).approvals
        assert [(a.case_uuid, a.kind) for a in waiting] == [(uuid, "placement")]
        assert "placement_approval" in {t.kind for t in case_flow.my_tasks(us, days=30)}
        approved = placements.approve(us, proposed.id)
        assert approved.is_current and approved.approved_by == "Sam Supervisor"
    with agency.sign_in("cara") as us:
        now = placements.current(us, uuid)
        assert now is not None and now.carer == "Mukamana Odette (grandmother)"
        assert now.next_review == add_months(TODAY, 3)


def test_a_returned_placement_decision_goes_back_to_the_caseworker_with_the_comment(agency):
    with agency.sign_in("cara") as us:
        uuid = cases.register_case(us, given_name="Neema").uuid
        proposed = placements.propose(us, uuid, with_grandmother())
    with agency.sign_in("sam") as us:
        with pytest.raises(MoveRefused, match="Write what needs to change"):
            placements.return_decision(us, proposed.id, "  ")
        returned = placements.return_decision(
            us, proposed.id, "Ask the child where she wants to live."
        )
        assert returned.state == "returned"
    assert "revise_placement" in _tasks(agency, "cara", uuid)
    with agency.sign_in("cara") as us:
        assert placements.current(us, uuid) is None
        (shown,) = placements.history(us, uuid)
        assert shown.comment == "Ask the child where she wants to live."
        again = placements.propose(us, uuid, with_grandmother())
    assert "revise_placement" not in _tasks(agency, "cara", uuid)  # the new one waits for Sam
    assert "placement_approval" in _tasks(agency, "sam", uuid)
    with agency.sign_in("sam") as us:
        assert placements.approve(us, again.id).is_current


def test_a_caseworker_cannot_approve_a_placement_and_the_refusal_is_audited(agency):
    with agency.sign_in("cara") as us:
        uuid = cases.register_case(us, given_name="Neema").uuid
        proposed = placements.propose(us, uuid, with_grandmother())
        before = _events(us, "approval.refused")
        with pytest.raises(MoveRefused, match="Only a supervisor"):
            placements.approve(us, proposed.id)
        assert _events(us, "approval.refused") == before + 1
        assert placements.current(us, uuid) is None


def test_a_child_has_one_current_placement_and_a_change_closes_the_old_one(home):
    agency, uuids, first, _ = home
    with agency.sign_in("cara") as us:
        uuid = cases.register_case(us, given_name="Imani").uuid
        one = placements.propose(us, uuid, at_facility(first, TODAY - timedelta(30)))
    with agency.sign_in("sam") as us:
        placements.approve(us, one.id)
    with agency.sign_in("cara") as us:
        two = placements.propose(us, uuid, with_grandmother(TODAY - timedelta(2)))
        assert placements.current(us, uuid).id == one.id  # until Sam approves the change
    with agency.sign_in("sam") as us:
        placements.approve(us, two.id)
    with agency.sign_in("cara") as us:
        newest, oldest = placements.history(us, uuid)
        assert [newest.id, oldest.id] == [two.id, one.id]
        assert newest.is_current and not oldest.is_current
        assert oldest.end_date == TODAY - timedelta(2) and oldest.replaced
        assert placements.current(us, uuid).id == two.id
        ended = placements.end(us, uuid, TODAY, "She turned 18 and lives on her own.")
        assert ended.end_date == TODAY and placements.current(us, uuid) is None
        with pytest.raises(InvalidInput, match="no current placement"):
            placements.end(us, uuid, TODAY, "again")


def test_a_placement_decision_says_what_is_missing(home):
    agency, _, first, _ = home
    with agency.sign_in("cara") as us:
        uuid = cases.register_case(us, given_name="Imani").uuid
        for wrong, message in (
            (at_facility(first, reference=""), "reference and its date"),
            (PlacementDetails("foster_family", TODAY, "informal", "Safe."), "name of the carer"),
            (PlacementDetails("residential_care", TODAY, "informal", "Safe."), "facility"),
            (
                PlacementDetails("castle", TODAY, "informal", "Safe.", carer="X"),
                "type of placement",
            ),
        ):
            with pytest.raises(InvalidInput, match=message):
                placements.propose(us, uuid, wrong)
        assert placements.history(us, uuid) == []


# -- reviews at the agency's interval ------------------------------------------------------------


def test_placement_reviews_are_tasks_at_the_agencys_interval(agency):
    start = TODAY - timedelta(days=100)
    with agency.sign_in("cara") as us:
        uuid = cases.register_case(us, given_name="Neema").uuid
        proposed = placements.propose(us, uuid, with_grandmother(start))
    with agency.sign_in("sam") as us:
        placements.approve(us, proposed.id)

    def review_task():  # type: ignore[no-untyped-def]
        with agency.sign_in("cara") as us:
            (task,) = [
                t
                for t in case_flow.my_tasks(us, days=800)
                if t.case_uuid == uuid and t.kind == "placement_review"
            ]
            return task.due.astimezone().date()

    assert review_task() == add_months(start, 3)  # overdue: three months have passed
    with agency.sign_in("admin") as us:  # Uganda's six months for institutional care
        from desktop import agency as agency_settings

        settings = agency_settings.load_settings(us)
        agency_settings.save_settings(
            us,
            type(settings)(**{**vars(settings), "deadlines": Deadlines(placement_review_months=6)}),
        )
    assert review_task() == add_months(start, 6)
    with agency.sign_in("cara") as us:
        reviewed = placements.record_review(
            us,
            uuid,
            ReviewDetails(
                TODAY,
                "yes",
                child_views="I want to stay with granny.",
                next_review=TODAY + timedelta(30),
            ),
        )
        assert reviewed.reviews[0].best_interests == "yes"
    assert review_task() == TODAY + timedelta(30)  # sooner than six months, as chosen


# -- facility staff ------------------------------------------------------------------------------


def test_facility_staff_see_only_the_children_placed_at_their_facility(home):
    agency, uuids, first, second = home
    with agency.sign_in("fred") as us:
        house = facilities.who_is_here(us)
        assert house.facility.name == "Gisimba Children's Home"
        assert [r.child_name for r in house.residents] == ["Baraka Test", "Zawadi Test"]
        assert {r.key_worker for r in house.residents} == {"Cara Caseworker", "Cleo Caseworker"}
        assert all(r.since == TODAY - timedelta(40) for r in house.residents)
        # Another facility's, asked for by its number: still his own.
        assert facilities.who_is_here(us, second).facility.id == first
        assert cases.list_cases(us) == []  # no case file is theirs
    with agency.sign_in("flora") as us:
        assert [r.child_name for r in facilities.who_is_here(us).residents] == ["Amani Test"]
    with agency.sign_in("sam") as us:  # a supervisor sees his team's children there, not Cleo's
        assert [r.child_name for r in facilities.who_is_here(us, first).residents] == [
            "Zawadi Test"
        ]


def test_facility_staff_are_refused_the_case_file_and_other_childrens_log_audited(home):
    agency, uuids, _, _ = home
    with agency.sign_in("fred") as us:
        before = _events(us, "case.open_refused")
        with pytest.raises(PermissionDenied):
            cases.open_case(us, uuids["Zawadi"])  # his facility's child, but not his case
        with pytest.raises(PermissionDenied):
            placements.history(us, uuids["Zawadi"])
        entry = facilities.NewLogEntry(TODAY, "health", "Seen at the health centre.")
        with pytest.raises(PermissionDenied):
            facilities.add_log_entry(us, uuids["Amani"], entry)  # placed at Flora's
        with pytest.raises(PermissionDenied):
            facilities.child_log(us, uuids["Amani"])
        assert _events(us, "case.open_refused") == before + 4
    with agency.sign_in("cara") as us, pytest.raises(PermissionDenied):
        facilities.add_log_entry(us, uuids["Zawadi"], entry)  # the facility's book, not hers
    with agency.sign_in("admin") as us, pytest.raises(PermissionDenied):
        facilities.who_is_here(us)


def test_the_daily_log_is_the_facilitys_and_each_childs_caseworker_reads_the_childs(home):
    agency, uuids, _, _ = home
    with agency.sign_in("fred") as us:
        facilities.add_log_entry(
            us, uuids["Zawadi"], facilities.NewLogEntry(TODAY, "school", "Top of the class.")
        )
        facilities.add_log_entry(
            us,
            uuids["Zawadi"],
            facilities.NewLogEntry(
                TODAY,
                "family_contact",
                "Her aunt visited.",
                family_member="Aunt Grace",
                contact_how="visit",
            ),
        )
        facilities.add_log_entry(us, None, facilities.NewLogEntry(TODAY, "health", "Water cut."))
        facilities.add_log_entry(
            us, uuids["Baraka"], facilities.NewLogEntry(TODAY, "behaviour", "Helped cook.")
        )
        texts = {e.text for e in facilities.facility_log(us)}
        assert {"Top of the class.", "Her aunt visited.", "Water cut.", "Helped cook."} <= texts
    with agency.sign_in("flora") as us:
        assert {e.text for e in facilities.facility_log(us)} & texts == set()
    with agency.sign_in("cara") as us:
        log = facilities.child_log(us, uuids["Zawadi"])
        assert {e.text for e in log} >= {"Top of the class.", "Her aunt visited."}
        assert "Water cut." not in {e.text for e in log} and all(
            e.writer == "Fred Facility" for e in log
        )
        contact = next(e for e in log if e.kind == "family_contact")
        assert (contact.family_member, contact.contact_how) == ("Aunt Grace", "visit")
    with agency.sign_in("cleo") as us, pytest.raises(PermissionDenied):
        facilities.child_log(us, uuids["Zawadi"])


def test_a_child_who_leaves_the_facility_leaves_its_staffs_sight(agency):
    with agency.sign_in("admin") as us:
        accounts.add_user(
            us,
            "fred",
            "Fred",
            ["facility_staff"],
            PASSWORD,
            must_change_password=False,
            kdf=FAST_KDF,
        )
        home_id = facilities.save_facility(us, facilities.FacilityInfo(None, "Home", 10)).id
        facilities.assign_staff(us, "fred", home_id)
    with agency.sign_in("cara") as us:
        uuid = cases.register_case(us, given_name="Neema").uuid
        one = placements.propose(us, uuid, at_facility(home_id, TODAY - timedelta(10)))
    with agency.sign_in("sam") as us:
        placements.approve(us, one.id)
    with agency.sign_in("fred") as us:
        facilities.add_log_entry(us, uuid, facilities.NewLogEntry(TODAY, "school", "Exams."))
    with agency.sign_in("cara") as us:
        placements.end(us, uuid, TODAY, "Reunified with her mother.")
    with agency.sign_in("fred") as us:
        house = facilities.who_is_here(us)
        assert house.residents == []
        assert [(m.child_name, m.arrived) for m in house.movements] == [
            ("Neema", False),
            ("Neema", True),
        ]
        assert facilities.facility_log(us) == []
        with pytest.raises(PermissionDenied):
            facilities.add_log_entry(us, uuid, facilities.NewLogEntry(TODAY, "school", "x"))


# -- serious incidents ----------------------------------------------------------------------------


def test_a_serious_incident_raises_a_task_for_the_caseworker_and_the_supervisor(home):
    agency, uuids, _, _ = home
    uuid = uuids["Zawadi"]
    with agency.sign_in("fred") as us:
        with pytest.raises(InvalidInput, match="Only an incident"):
            facilities.add_log_entry(
                us, uuid, facilities.NewLogEntry(TODAY, "health", "Fever.", serious=True)
            )
        facilities.add_log_entry(
            us,
            uuid,
            facilities.NewLogEntry(
                TODAY, "incident", "Ran away overnight, found at the market.", serious=True
            ),
        )
    assert "serious_incident" in _tasks(agency, "cara", uuid)
    assert "serious_incident" in _tasks(agency, "sam", uuid)
    with agency.sign_in("cara") as us:
        (incident,) = [e for e in facilities.child_log(us, uuid) if e.serious]
        with pytest.raises(InvalidInput, match="Write what was done"):
            facilities.follow_up_incident(us, uuid, incident.id, "")
        facilities.follow_up_incident(us, uuid, incident.id, "Talked with her and the staff.")
    assert "serious_incident" not in _tasks(agency, "cara", uuid)
    assert "serious_incident" not in _tasks(agency, "sam", uuid)


# -- the printed placement decision ---------------------------------------------------------------


def test_the_placement_decision_prints_for_signatures_with_its_verification_code(home, tmp_path):
    from desktop import documents
    from tests.stories import in_order, text_of

    agency, uuids, _, _ = home
    with agency.sign_in("cara") as us:
        (placed,) = placements.history(us, uuids["Zawadi"])
        made = documents.make_document(
            us, uuids["Zawadi"], "placement", language="en", placement=placed.id
        )
        text = text_of(made.pdf)
        in_order(
            text,
            "Placement decision",
            "Zawadi Test",
            "Type of care",
            "Residential care facility",
            "Gisimba Children's Home",
            "Legal basis",
            "Court order",
            "RC 12/2026",
            "Gasabo Primary Court",
            "No safe family carer was found yet",
            "Approved by",
            "Sam Supervisor",
            "Signatures",
        )
        assert made.code in text and made.file_name.startswith("Placement decision")
        (tmp_path / "placement.pdf").write_bytes(made.pdf)
        french = documents.make_document(
            us, uuids["Zawadi"], "placement", language="fr", placement=placed.id
        )
        assert "Ordonnance du tribunal" in text_of(french.pdf)
    with agency.sign_in("cleo") as us, pytest.raises(PermissionDenied):
        documents.make_document(us, uuids["Zawadi"], "placement", placement=placed.id)


# -- hand-over ------------------------------------------------------------------------------------


def test_placements_and_the_childs_log_travel_in_a_transfer_package(agency, partner, tmp_path):

    from desktop import exchange
    from tests.stories import approved_transfer, introduce

    uuid = approved_transfer(agency)
    with agency.sign_in("admin") as us:
        accounts.add_user(
            us,
            "fred",
            "Fred Facility",
            ["facility_staff"],
            PASSWORD,
            must_change_password=False,
            kdf=FAST_KDF,
        )
        home_id = facilities.save_facility(
            us, facilities.FacilityInfo(None, "Gisimba Children's Home", 40)
        ).id
        facilities.assign_staff(us, "fred", home_id)
    with agency.sign_in("cara") as us:
        first = placements.propose(us, uuid, at_facility(home_id, TODAY - timedelta(60)))
    with agency.sign_in("sam") as us:
        placements.approve(us, first.id)
    with agency.sign_in("fred") as us:
        facilities.add_log_entry(
            us,
            uuid,
            facilities.NewLogEntry(
                TODAY,
                "family_contact",
                "Her mother called.",
                family_member="Mother",
                contact_how="call",
            ),
        )
    with agency.sign_in("cara") as us:
        placements.record_review(us, uuid, ReviewDetails(TODAY - timedelta(1), "yes"))
    introduce(agency, partner)
    out = tmp_path / "case.ulz"
    with agency.sign_in("cara") as us:
        exchange.export_case(us, uuid, out, recipient="MUS", reason="The family moved.")
    with partner.sign_in("cara") as us:
        done = exchange.import_package(us, out.read_bytes())
        (placed,) = placements.history(us, done.case_uuid)
        assert (placed.kind, placed.where, placed.start_date) == (
            "residential_care",
            "Gisimba Children's Home",  # by name: the sender's facility is not one of ours
            TODAY - timedelta(60),
        )
        assert placed.facility_id is None and placed.is_current
        assert placed.legal_reference == "RC 12/2026" and placed.reviews[0].best_interests == "yes"
        (entry,) = facilities.child_log(us, done.case_uuid)
        assert (entry.text, entry.writer, entry.family_member) == (
            "Her mother called.",
            "Fred Facility",
            "Mother",
        )


def test_a_referral_package_carries_placements_only_when_chosen(home, partner, tmp_path):
    import json

    from desktop import exchange
    from tests.stories import introduce

    agency, uuids, _, _ = home
    introduce(agency, partner)
    for chosen, carried in ((["registration"], False), (["registration", "placements"], True)):
        out = tmp_path / f"referral-{carried}.ulz"
        with agency.sign_in("sam") as us:
            exchange.export_case(
                us,
                uuids["Zawadi"],
                out,
                recipient="MUS",
                referral_forms=chosen,
                consent_override="The family asked for it by phone; form to follow.",
            )
        with partner.sign_in("cara") as us:
            _, opened = exchange.open_package(us, out.read_bytes())
            record = json.loads(opened.entries["case.json"])
            assert ("placements" in record) is carried
            done = exchange.import_package(us, out.read_bytes(), accept_duplicates=True)
            assert len(placements.history(us, done.case_uuid)) == (1 if carried else 0)


# -- the case list's filters ----------------------------------------------------------------------


def test_the_case_list_filters_by_type_of_care_and_by_facility(home):
    from desktop.cases import CaseQuery, Scope

    agency, uuids, first, second = home
    with agency.sign_in("admin") as us:
        empty = facilities.save_facility(us, facilities.FacilityInfo(None, "Empty House", 5)).id

    def names(user: str, **filters: object) -> set[str]:
        with agency.sign_in(user) as us:
            q = CaseQuery(scope=Scope.ALL, status="open", **filters)  # type: ignore[arg-type]
            return {r.given_name for r in cases.list_cases(us, q)}

    assert {"Zawadi", "Baraka", "Amani"} <= names("mina", placement="residential_care")
    assert names("mina", placement="foster_family") == set()
    assert names("mina", facility=second) == {"Amani"}
    assert {"Zawadi", "Baraka"} <= names("mina", facility=first)
    assert "Amani" not in names("mina", facility=first)
    assert names("mina", facility=empty) == set()
    assert "Baraka" not in names("sam", facility=first)  # a supervisor: his team's only


# -- the screens, with the keyboard ---------------------------------------------------------------


def test_who_is_here_shows_facility_staff_their_children_and_the_houses_log(home, qtbot):
    from ui.background import wait_for_background
    from ui.facility import FacilityWidget
    from ui.session_holder import SessionHolder

    agency, _, _, _ = home
    with agency.sign_in("fred") as us:
        widget = FacilityWidget(SessionHolder(us))
        qtbot.addWidget(widget)
        widget.show()
        widget.refresh()  # as the window does when it shows the tab
        qtbot.waitUntil(lambda: widget.residents.rowCount() > 0, timeout=10000)
        wait_for_background()
        names = {widget.residents.item(r, 0).text() for r in range(widget.residents.rowCount())}
        assert names == {"Zawadi Test", "Baraka Test"}  # not Amani, at the other facility
        assert "Gisimba Children's Home" in widget.heading.text()


def test_a_serious_incident_about_the_house_is_refused_in_the_dialog_which_stays_open(home, qtbot):
    from PySide6.QtCore import Qt

    from ui.facility import LogEntryDialog

    agency, uuids, _, _ = home
    with agency.sign_in("fred") as us:
        residents = facilities.who_is_here(us).residents
    zawadi = uuids["Zawadi"]
    dialog = LogEntryDialog(residents, chosen=zawadi)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.child.currentData() == zawadi  # the child chosen in Who is here
    dialog.child.setFocus()
    qtbot.keyClick(dialog.child, Qt.Key.Key_Home)  # "The house (no one child)"
    dialog.serious.setFocus()
    qtbot.keyClick(dialog.serious, Qt.Key.Key_Space)  # "Serious: … must follow it up"
    dialog.text.setFocus()
    qtbot.keyClicks(dialog.text, "Fight in the dormitory; one child hurt.")
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.result() == 0
    assert "choose the child" in dialog.problem.text()
    assert dialog.focusWidget() is dialog.child  # where the person chooses next
    qtbot.keyClick(dialog.child, Qt.Key.Key_Down)
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert dialog.result() == 1
    child, entry = dialog.entry()
    assert child is not None and entry.serious and entry.kind == "incident"


def test_administration_shows_where_each_facility_staff_account_works(home, qtbot):
    from ui.background import wait_for_background
    from ui.facility_admin import FacilitiesPage
    from ui.session_holder import SessionHolder

    agency, _, _, _ = home
    with agency.sign_in("admin") as us:
        page = FacilitiesPage(SessionHolder(us))
        qtbot.addWidget(page)
        qtbot.waitUntil(lambda: page.account.count() == 2, timeout=10000)  # fred and flora
        wait_for_background()
        for username, facility in (
            ("flora", "Mwana Care Centre"),
            ("fred", "Gisimba Children's Home"),
        ):
            page.account.setCurrentText(username)
            assert page.works_at.currentText() == facility


@pytest.mark.parametrize("language", ["en", "fr"])
def test_each_approval_a_supervisor_sees_has_a_name_of_its_own(qapp, language):
    """The supervisor queue names what waits: a placement (where the child lives) and the
    reintegration pathway's placement decision are two requests, never two of one name."""
    from PySide6.QtCore import QCoreApplication

    from ui.common import APPROVAL_KINDS, NEXT_ACTIONS
    from ui.i18n import set_language

    set_language(language)
    try:
        for table in (APPROVAL_KINDS, {k: v for k, v in NEXT_ACTIONS.items() if v}):
            names = [QCoreApplication.translate("labels", text) for text in table.values()]
            assert len(set(names)) == len(names), sorted(names)
    finally:
        set_language("en")


@pytest.mark.parametrize("other", ["caseworker", "supervisor", "manager"])
def test_a_facility_staff_account_cannot_also_hold_or_oversee_case_files(agency, other):
    """A facility's staff read the children placed there now, nothing else: an account that
    is also a caseworker's would hold case files (and a supervisor's or manager's oversee
    them) under the same name. Administration refuses it and adds nobody."""
    with agency.sign_in("admin") as us:
        before = len(accounts.list_users(us))
        with pytest.raises(InvalidInput, match="second account"):
            accounts.add_user(
                us,
                "frank",
                "Frank Both",
                ["facility_staff", other],
                PASSWORD,
                must_change_password=False,
                kdf=FAST_KDF,
            )
        assert len(accounts.list_users(us)) == before
        accounts.add_user(  # an administrator of the office may work at a facility
            us, "fay", "Fay Admin", ["facility_staff", "administrator"], PASSWORD, kdf=FAST_KDF
        )
