"""Demo stores: a fictional agency with staff and synthetic cases, for training and trying Ulinzi.

Names are drawn from lists that fit East and Southern Africa (Swahili, Kinyarwanda/Kirundi with
the French names common there, Luganda, Shona, Zulu, Chichewa); Faker has no locale that covers
these, so the lists are ours. Every name is synthetic: any likeness to a real child is chance.
"""

from __future__ import annotations

import json
import random
import secrets
import uuid
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from sqlalchemy import insert
from sqlalchemy.orm import Session

from db.errors import QT_TRANSLATE_NOOP, DemoPasswordLost, InvalidInput
from db.keyslots import DEFAULT_KDF, KdfParams
from db.models import (
    Approval,
    Case,
    CaseAssignment,
    CaseNumberCounter,
    CaseStatus,
    ContactNote,
    Facility,
    FacilityStaff,
    FormSubmission,
    LogEntry,
    Placement,
    PlacementReview,
    Provider,
    RiskLevel,
    Role,
    Sex,
    Stage,
    SupervisionNote,
    User,
)
from db.recovery_code import ALPHABET
from db.search import index_many
from db.store import Store, is_store
from desktop import pathway, placement_state
from desktop.accounts import add_user, init_agency
from desktop.case_forms import approved_placement_decision, definition_row, form_set
from desktop.case_state import deadlines_in, refresh_all
from desktop.demo_attachments import add_demo_attachments
from desktop.forms.answers import clean, problems
from desktop.forms.definition import FormDefinition, FormField, FormSet, date_bound
from desktop.paths import DEMO_PASSWORD_FILE
from desktop.session import UserSession
from desktop.workflow import ApprovalKind, ApprovalState, add_months

DEMO_AGENCY_CODE = "DEMO"

GIVEN_FEMALE = [
    "Amina",
    "Aisha",
    "Neema",
    "Zawadi",
    "Imani",
    "Rehema",
    "Baraka",
    "Faraja",
    "Nia",
    "Wanjiru",
    "Akinyi",
    "Atieno",
    "Nyambura",
    "Chiamaka",
    "Uwase",
    "Ineza",
    "Keza",
    "Umutoni",
    "Mugisha",
    "Hélène",
    "Aimée",
    "Angélique",
    "Bénédicte",
    "Chantal",
    "Émilienne",
    "Gaëlle",
    "Noëlla",
    "Clémence",
    "Nakato",
    "Namukasa",
    "Babirye",
    "Nalwoga",
    "Tendai",
    "Rutendo",
    "Chipo",
    "Nyasha",
    "Tatenda",
    "Thandiwe",
    "Nomvula",
    "Zanele",
    "Lindiwe",
    "Ayanda",
    "Chikondi",
    "Tiwonge",
    "Thokozani",
    "Mphatso",
    "Lætitia",
    "Esther",
    "Grace",
    "Faith",
    "Mercy",
    "Joyce",
    "Ruth",
]
GIVEN_MALE = [
    "Baraka",
    "Juma",
    "Hamisi",
    "Omondi",
    "Otieno",
    "Kamau",
    "Mwangi",
    "Kipchoge",
    "Jabari",
    "Hakizimana",
    "Habimana",
    "Théoneste",
    "Célestin",
    "Désiré",
    "Fidèle",
    "Léonce",
    "Jérôme",
    "Eugène",
    "Cléophas",
    "Jean-Bosco",
    "Emmanuel",
    "Kato",
    "Mukasa",
    "Ssemakula",
    "Okello",
    "Tinashe",
    "Tafadzwa",
    "Farai",
    "Kudzai",
    "Tapiwa",
    "Sipho",
    "Themba",
    "Bongani",
    "Mandla",
    "Sibusiso",
    "Chifundo",
    "Kondwani",
    "Madalitso",
    "Limbani",
    "Daniel",
    "Joseph",
    "David",
    "Samuel",
    "Peter",
]
FAMILY = [
    "Mwangi",
    "Otieno",
    "Wanjiku",
    "Kamau",
    "Odhiambo",
    "Mutua",
    "Njoroge",
    "Achieng",
    "Kiprotich",
    "Chebet",
    "Mushi",
    "Massawe",
    "Mollel",
    "Swai",
    "Kimaro",
    "Lyimo",
    "Nkurunziza",
    "Niyonzima",
    "Uwimana",
    "Mukamana",
    "Habyarimana",
    "Ndayishimiye",
    "Bizimana",
    "Hakizimana",
    "Nsengiyumva",
    "Iradukunda",
    "Mugabo",
    "Ntwari",
    "Kagame",
    "Musoni",
    "Nsabimana",
    "Ndikumana",
    "Ssebunya",
    "Nsubuga",
    "Kato",
    "Namutebi",
    "Lubega",
    "Mugisha",
    "Okello",
    "Akello",
    "Moyo",
    "Ncube",
    "Dube",
    "Sibanda",
    "Mpofu",
    "Chikwanha",
    "Mutasa",
    "Banda",
    "Phiri",
    "Mwale",
    "Zulu",
    "Tembo",
    "Nkhoma",
    "Chirwa",
    "Dlamini",
    "Nkosi",
    "Khumalo",
    "Mthembu",
    "Ndlovu",
    "Mahlangu",
    "Mokoena",
    "Sithole",
    "Mbeki",
]
LOCATIONS = (
    "Nyamirambo, Kigali",
    "Kimironko, Kigali",
    "Rubavu, Gisenyi",
    "Huye, Butare",
    "Musanze, Ruhengeri",
    "Kibera, Nairobi",
    "Mathare, Nairobi",
    "Kisumu Ndogo, Kisumu",
    "Likoni, Mombasa",
    "Manzese, Dar es Salaam",
    "Temeke, Dar es Salaam",
    "Ngaramtoni, Arusha",
    "Katwe, Kampala",
    "Kawempe, Kampala",
    "Gulu Town, Gulu",
    "Mbare, Harare",
    "Chitungwiza, Harare",
    "Makokoba, Bulawayo",
    "Chilinde, Lilongwe",
    "Ndirande, Blantyre",
    "Matero, Lusaka",
    "Kanyama, Lusaka",
    "Soweto, Johannesburg",
    "Khayelitsha, Cape Town",
    "Bwiza, Bujumbura",
    "Kamenge, Bujumbura",
    "Ngozi, Ngozi",
    "Goma, Nord-Kivu",
)


@dataclass(frozen=True)
class DemoStaff:
    username: str
    full_name: str
    roles: tuple[Role, ...]
    supervisor: str | None = None


STAFF = (
    DemoStaff("manager", "Rose Achieng (manager)", (Role.MANAGER,)),
    DemoStaff("grace", "Grace Mwangi", (Role.SUPERVISOR,)),
    DemoStaff("joseph", "Joseph Habimana", (Role.SUPERVISOR,)),
    DemoStaff("amina", "Amina Juma", (Role.CASEWORKER,), "grace"),
    DemoStaff("baraka", "Baraka Otieno", (Role.CASEWORKER,), "grace"),
    DemoStaff("chipo", "Chipo Moyo", (Role.CASEWORKER,), "grace"),
    DemoStaff("daniel", "Daniel Banda", (Role.CASEWORKER,), "grace"),
    DemoStaff("esther", "Esther Uwase", (Role.CASEWORKER,), "joseph"),
    DemoStaff("faith", "Faith Nakato", (Role.CASEWORKER,), "joseph"),
    DemoStaff("gabriel", "Gabriel Ndlovu", (Role.CASEWORKER,), "joseph"),
    DemoStaff("halima", "Halima Mushi", (Role.CASEWORKER,), "joseph"),
    DemoStaff("hope", "Hope Mukiza", (Role.FACILITY_STAFF,)),
)

_OPEN_STAGES = (
    (Stage.REGISTERED, 6),
    (Stage.INITIAL_ASSESSMENT, 8),
    (Stage.FULL_ASSESSMENT, 12),
    (Stage.CASE_PLAN, 12),
    (Stage.IMPLEMENTATION, 27),
    (Stage.FOLLOW_UP, 27),
    (Stage.CLOSURE_REQUESTED, 5),
    (Stage.REOPENED, 3),
)


@dataclass(frozen=True)
class DemoStore:
    session: UserSession
    password: str
    recovery_key: str
    cases: int


def demo_password() -> str:
    """Easy to read aloud in a training room, and long enough for the password rule."""
    return "demo-" + "".join(secrets.choice(ALPHABET[10:]) for _ in range(6)).lower()


MAX_DEMO_CASES = 1_000_000


def create_demo_store(
    folder: Path,
    cases: int,
    *,
    seed: int | None = None,
    kdf: KdfParams = DEFAULT_KDF,
    today: date | None = None,
    store_class: type[Store] = Store,
) -> DemoStore:
    """A new store in an empty `folder`, never an existing one (create_store refuses those)."""
    if not 0 <= cases <= MAX_DEMO_CASES:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("errors", "A demo store has from 0 to {most} cases."),
            most=MAX_DEMO_CASES,
        )
    password = demo_password()
    session, recovery_key = init_agency(
        folder,
        agency_name="Demo Child Protection Office",
        agency_code=DEMO_AGENCY_CODE,
        country="Demo",
        district="Demo district",
        admin_username="admin",
        admin_full_name="Demo administrator",
        admin_password=password,
        is_demo=True,
        kdf=kdf,
        store_class=store_class,
    )
    try:
        for staff in STAFF:
            add_user(
                session,
                staff.username,
                staff.full_name,
                staff.roles,
                password,
                team=staff.supervisor or staff.username,
                supervisor=staff.supervisor,
                must_change_password=False,
                kdf=kdf,
            )
        _add_cases(session, cases, random.Random(seed), today or date.today())
        # Synthetic data only: the password is kept beside the store for the sign-in screen.
        (Path(folder) / DEMO_PASSWORD_FILE).write_text(password + "\n", "utf-8")
    except BaseException:
        session.close()
        raise
    return DemoStore(session, password, recovery_key, cases)


def open_or_create_demo(
    folder: Path, cases: int, kdf: KdfParams = DEFAULT_KDF
) -> tuple[UserSession | None, str]:
    """The demo store's password, and a session if the store was made just now."""
    if is_store(Path(folder)):
        try:
            return None, (Path(folder) / DEMO_PASSWORD_FILE).read_text("utf-8").strip()
        except OSError as e:
            raise DemoPasswordLost(folder=str(folder), file=DEMO_PASSWORD_FILE) from e
    demo = create_demo_store(folder, cases, kdf=kdf)
    return demo.session, demo.password


def _add_cases(session: UserSession, count: int, rng: random.Random, today: date) -> None:
    with session.store.read() as s:
        workers = {u.username: u.id for u in s.query(User).all()}
    caseworker_ids = [workers[st.username] for st in STAFF if Role.CASEWORKER in st.roles]
    supervisor_ids = [workers[st.username] for st in STAFF if Role.SUPERVISOR in st.roles]
    now = datetime.combine(today, datetime.min.time(), tzinfo=UTC) + timedelta(hours=17)
    span_minutes = 3 * 365 * 24 * 60
    offsets = sorted((rng.randrange(span_minutes) for _ in range(count)), reverse=True)
    open_stages, open_weights = zip(*_OPEN_STAGES, strict=True)
    per_year: Counter[int] = Counter()
    rows = []
    for case_id, offset in enumerate(offsets, start=1):
        registered = now - timedelta(minutes=offset)
        days_old = offset / (24 * 60)
        roll = rng.random()
        if days_old > 60 and roll < 0.27:
            status, stage = CaseStatus.CLOSED, Stage.CLOSED
        elif days_old > 60 and roll < 0.31:
            status, stage = CaseStatus.TRANSFERRED, Stage.TRANSFERRED
        else:
            status = CaseStatus.OPEN
            stage = rng.choices(open_stages, open_weights)[0]
            if days_old < 2:
                stage = rng.choice((Stage.REGISTERED, Stage.INITIAL_ASSESSMENT))
            elif days_old < 14 and stage not in (Stage.REGISTERED, Stage.INITIAL_ASSESSMENT):
                stage = Stage.FULL_ASSESSMENT
        risk = None
        if stage != Stage.REGISTERED:
            risk = rng.choices((RiskLevel.HIGH, RiskLevel.MEDIUM, RiskLevel.LOW), (20, 45, 35))[0]
        female = rng.random() < 0.52
        age_days = rng.randrange(30, 18 * 365)
        birth = registered.date() - timedelta(days=age_days)
        estimated = rng.random() < 0.15
        if estimated:
            birth = date(birth.year, 7, 1) if birth.month > 6 else date(birth.year, 1, 1)
            birth = min(birth, registered.date())
        per_year[registered.year] += 1
        worker = rng.choice(caseworker_ids) if rng.random() < 0.94 else rng.choice(supervisor_ids)
        if status == CaseStatus.OPEN:
            registered, stage_since = _on_the_clock(stage, risk, registered, now, rng)
            offset = max(1, int((now - registered).total_seconds() // 60))
        updated = registered + timedelta(minutes=rng.randrange(max(1, offset)))
        if status != CaseStatus.OPEN:  # closed or transferred within the last months
            recent = now - timedelta(days=rng.uniform(0, 100))
            stage_since = max(registered, min(recent, updated))
        rows.append(
            {
                "id": case_id,
                "uuid": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
                "case_number": f"{DEMO_AGENCY_CODE}-{registered.year}-{per_year[registered.year]:05d}",
                "given_name": rng.choice(GIVEN_FEMALE if female else GIVEN_MALE),
                "family_name": rng.choice(FAMILY),
                "sex": (Sex.FEMALE if female else Sex.MALE).value,
                "birth_date": birth,
                "birth_date_estimated": estimated,
                "location": rng.choice(LOCATIONS),
                "registration_place": rng.choice(PLACES),
                "risk": risk.value if risk else None,
                "stage": stage.value,
                "status": status.value,
                "caseworker_id": worker,
                "registered_at": registered,
                "updated_at": max(updated, stage_since),
                "stage_changed_at": stage_since,
            }
        )
    # Numbers follow the order of registration, as in an office (cases of the early stages
    # were registered days ago, whatever their place in the draw).
    rows.sort(key=lambda r: r["registered_at"])
    per_year.clear()
    for case_id, row in enumerate(rows, start=1):
        year = row["registered_at"].year  # type: ignore[union-attr]
        per_year[year] += 1
        row["id"] = case_id
        row["case_number"] = f"{DEMO_AGENCY_CODE}-{year}-{per_year[year]:05d}"
    forms = form_set(session)
    with session.store.write() as s:
        if rows:
            s.execute(insert(Case), rows)
            index_many(s, rows)
            supervisors = {u.id: u.supervisor_id for u in s.query(User).all()}
            submissions, approvals = _demo_forms(
                s, forms, rows[-FORMS_FOR_NEWEST:], rng, supervisors
            )
            if submissions:
                s.execute(insert(FormSubmission), submissions)
            if approvals:
                s.execute(insert(Approval), approvals)
            _add_facilities(s, rows, submissions, rng, today, supervisors, workers["hope"])
            _gone_home(s, submissions)  # ends the facility placements of those who went home
            notes = _supervision_notes(rows, supervisors, today)
            if notes:
                s.execute(insert(SupervisionNote), notes)
            add_demo_attachments(s, rows)
            s.execute(
                insert(Provider),
                [
                    {
                        "name": name,
                        "services": json.dumps([service]),
                        "contact": contact,
                        "phone": phone,
                        "address": address,
                        "eligibility": eligibility,
                    }
                    for name, service, contact, phone, address, eligibility in PROVIDERS
                ],
            )
            _staff_work(s, rows, rng, supervisors, today)
            refresh_all(s)
        for year, last in per_year.items():
            s.add(CaseNumberCounter(year=year, last=last))
        session.audit(s, "demo.generated", summary=f"{count} synthetic cases")


FACILITIES = (
    ("Gisimba Children's Home", 40, "KN 3 Ave, Nyamirambo"),
    ("Mwana Care Centre", 12, "KG 11 St, Remera"),
)
LOG_LINES = (
    ("school", "Went to school; homework done with the house mother."),
    ("health", "Seen at the health centre for a cough; medicine given."),
    ("behaviour", "Quiet at supper, talked about home afterwards."),
    ("achievement", "Came second in the school reading contest."),
    ("family_contact", "Phone call with the aunt for 20 minutes; both happy."),
    ("family_contact", "Visit from the grandmother in the afternoon; they cooked together."),
    ("incident", "Argument with another child over a football; settled by staff."),
)
HOUSE_LINES = (
    ("health", "Water cut for the whole morning; children washed at the neighbour's tap."),
    ("achievement", "Vegetable garden harvest: beans for the week."),
)


# The forms of a child's way home, in the order of its steps (seed 001, box 2).
_WAY_HOME = pathway.FORMS
_GONE_HOME = {pathway.PLACEMENT_FORM, pathway.FOLLOW_UP_FORM}


def _way_home(submissions: list[dict[str, object]]) -> dict[int, tuple[str, date]]:
    """Each demo case's furthest reintegration form, and when the child went home (the
    reunification form's day) or else that form's day."""
    reached: dict[int, tuple[str, date]] = {}
    home: dict[int, date] = {}
    for sub in submissions:
        form_id = str(sub["form_id"])
        if form_id not in _WAY_HOME:
            continue
        case_id = int(sub["case_id"])  # type: ignore[call-overload]
        on = sub["submitted_at"].astimezone().date()  # type: ignore[attr-defined]
        if form_id == pathway.PLACEMENT_FORM:
            home[case_id] = on
        before = reached.get(case_id)
        if before is None or _WAY_HOME.index(form_id) > _WAY_HOME.index(before[0]):
            reached[case_id] = (form_id, on)
    return {c: (f, home.get(c, on)) for c, (f, on) in reached.items()}


def _add_facilities(
    s: Session,
    rows: list[dict[str, object]],
    submissions: list[dict[str, object]],
    rng: random.Random,
    today: date,
    supervisors: dict[int, int | None],
    staff_id: int,
) -> None:
    """Two facilities. At the first: children at each step of their way home before the
    reunification (tracing, assessment, the case management report, the decision, the
    preparation), one who arrived lately, one who went home to the family (`_gone_home` then
    ends her facility placement on that day, as the family placement begins), one whose
    placement waits for the supervisor; others with kin or a foster family; and a month of the
    first facility's daily log (one serious incident still to follow up)."""
    facility_ids = []
    for name, capacity, address in FACILITIES:
        facility = Facility(name=name, capacity=capacity, address=address, active=True)
        s.add(facility)
        s.flush()
        facility_ids.append(facility.id)
    s.add(FacilityStaff(user_id=staff_id, facility_id=facility_ids[0]))
    way = _way_home(submissions)
    working = [
        r
        for r in rows
        if r["stage"] in (Stage.IMPLEMENTATION.value, Stage.FOLLOW_UP.value) and r["caseworker_id"]
    ]
    at_step: dict[str | None, list[dict[str, object]]] = {}
    for r in working:
        step = way.get(int(r["id"]))  # type: ignore[call-overload]
        at_step.setdefault(step[0] if step else None, []).append(r)

    def take(step: str | None, n: int) -> list[dict[str, object]]:
        pool = at_step.get(step, [])
        chosen = rng.sample(pool, min(n, len(pool)))
        for r in chosen:
            pool.remove(r)
        return chosen

    # (child, kind of placement, what became of it): "here", "new", "home", "waiting", "other".
    placed: list[tuple[dict[str, object], str, str]] = []
    for step in _WAY_HOME[:5]:
        placed += [(r, "residential_care", "here") for r in take(step, 2)]
    placed += [(r, "residential_care", "new") for r in take(None, 1)]
    placed += [(r, "residential_care", "here") for r in take(None, max(0, 8 - len(placed)))]
    gone = [r for step in _GONE_HOME for r in at_step.get(step, [])]
    placed += [(r, "residential_care", "home") for r in rng.sample(gone, min(2, len(gone)))]
    placed += [
        (r, kind, "here")
        for r, kind in zip(
            take(None, 3), ("kinship_formal", "foster_family", "kinship_informal"), strict=False
        )
    ]
    placed += [(r, "residential_care", "waiting") for r in take(None, 1)]
    placed += [(r, "residential_care", "other") for r in take(None, 1)]
    placed_here = []
    review_months = deadlines_in(s).placement_review_months
    for row, kind, fate in placed:
        worker = int(row["caseworker_id"])  # type: ignore[call-overload]
        registered = row["registered_at"].astimezone().date()  # type: ignore[attr-defined]
        went_home = way[int(row["id"])][1] if fate == "home" else None  # type: ignore[call-overload]
        if fate == "new":
            start = today - timedelta(days=6)
        else:
            start = min(
                registered + timedelta(days=rng.randrange(0, 10)), today - timedelta(days=20)
            )
            if went_home is not None:
                start = min(start, went_home - timedelta(days=30))
        waiting = fate == "waiting"
        at_home = kind == "residential_care"
        approval = _placement_approval(s, row["id"], worker, start, supervisors, waiting)
        placement = Placement(
            uuid=str(uuid.UUID(int=rng.getrandbits(128), version=4)),
            case_id=row["id"],
            kind=kind,
            state="proposed" if waiting else "approved",
            carer="" if at_home else f"{rng.choice(GIVEN_FEMALE)} {row['family_name']}",
            facility_id=facility_ids[1 if fate == "other" else 0] if at_home else None,
            address="" if at_home else rng.choice(LOCATIONS),
            start_date=start,
            legal_basis="court_order" if at_home else "administrative_decision",
            legal_reference=f"RC {rng.randrange(10, 99)}/{start.year}",
            legal_date=start,
            reason="No safe family carer could be found yet; family tracing continues."
            if at_home
            else "The family was assessed able and willing to care for the child.",
            decided_by="Primary court" if at_home else "District social welfare officer",
            approval_id=approval.id,
            proposed_by=worker,
            proposed_at=approval.requested_at,
        )
        s.add(placement)
        if not waiting and (today - start).days > 100:
            if rng.random() < 0.7:  # most reviewed lately, their next review still ahead
                reviewed = today - timedelta(days=rng.randrange(10, 80))
            else:  # the rest a few days or weeks late for it, as in an office: never years
                late = 3 + int(placement.uuid[:4], 16) % 38
                reviewed = add_months(today, -review_months) - timedelta(days=late)
            if reviewed > start:  # (placed too lately to have been reviewed yet otherwise)
                s.flush()
                s.add(
                    PlacementReview(
                        placement_id=placement.id,
                        reviewed_on=reviewed,
                        best_interests="yes",
                        child_views="Likes the school; asks when the family will visit.",
                        notes="Tracing continues; weekly calls with the family.",
                        user_id=worker,
                    )
                )
        if at_home and fate in ("here", "new"):
            placed_here.append(row)
    s.flush()
    writer = "Hope Mukiza"
    for day in range(30):
        on = today - timedelta(days=day)
        if day % 3 == 0 and placed_here:
            row = rng.choice(placed_here)
            kind, text = rng.choice(LOG_LINES)
            s.add(_log(rng, facility_ids[0], row["id"], on, kind, text, staff_id, writer))
        if day % 10 == 4:
            kind, text = rng.choice(HOUSE_LINES)
            s.add(_log(rng, facility_ids[0], None, on, kind, text, staff_id, writer))
    if placed_here:
        text = "Left the home at night without telling staff; found at the bus park next morning."
        s.add(
            _log(
                rng,
                facility_ids[0],
                placed_here[0]["id"],
                today,
                "incident",
                text,
                staff_id,
                writer,
                serious=True,
            )
        )


def _log(  # type: ignore[no-untyped-def]
    rng, facility_id, case_id, on, kind, text, staff_id, writer, serious=False
) -> LogEntry:
    family = kind == "family_contact"
    return LogEntry(
        uuid=str(uuid.UUID(int=rng.getrandbits(128), version=4)),
        facility_id=facility_id,
        case_id=case_id,
        on_date=on,
        kind=kind,
        text=text,
        serious=serious,
        family_member=("Aunt" if "aunt" in text else "Grandmother") if family else "",
        contact_how=("call" if "call" in text.lower() else "visit") if family else "",
        written_by=staff_id,
        writer_name=writer,
        written_at=datetime.combine(on, datetime.min.time(), tzinfo=UTC) + timedelta(hours=18),
    )


def _placement_approval(  # type: ignore[no-untyped-def]
    s: Session, case_id, worker: int, start: date, supervisors, waiting: bool = False
) -> Approval:
    asked = datetime.combine(start, datetime.min.time(), tzinfo=UTC)
    approval = Approval(
        case_id=case_id,
        kind="placement",
        state="pending" if waiting else "approved",
        requested_by=worker,
        requested_at=asked,
        decided_by=None if waiting else supervisors.get(worker),
        decided_at=None if waiting else asked + timedelta(hours=5),
    )
    s.add(approval)
    s.flush()
    return approval


def _gone_home(s: Session, submissions: list[dict[str, object]]) -> None:
    """Each child whose reunification form is saved lives with the family from the day on the
    form, as its first save records it in the application (`placement_state.reunified`): the
    kind the decision chose, the form's carer and address, and the placement before it (the
    facility's) ends that day."""
    for sub in submissions:
        if sub["form_id"] != pathway.PLACEMENT_FORM or sub["instance"] != 1:
            continue
        case = s.get(Case, sub["case_id"])
        decision = approved_placement_decision(s, case) if case is not None else None
        if decision is not None:
            answers = json.loads(str(sub["answers"]))
            placement_state.reunified(s, case, answers, int(sub["submitted_by"]), decision)  # type: ignore[call-overload]


# A plausible office: most work is on time, a few cases are late.
LATE_SHARE = 0.07


def _on_the_clock(
    stage: Stage, risk: RiskLevel | None, registered: datetime, now: datetime, rng: random.Random
) -> tuple[datetime, datetime]:
    """When an open case was registered and reached its stage, so that its next step is due
    in the days ahead (or, for a few, overdue by days or weeks, not years)."""
    late = rng.random() < LATE_SHARE
    day = timedelta(days=1)
    if stage == Stage.REGISTERED:  # the initial assessment within 24 hours
        ago = rng.uniform(2, 6) * day if late else rng.uniform(0.05, 0.8) * day
        return now - ago, now - ago
    if stage == Stage.INITIAL_ASSESSMENT:  # the full assessment within 7 days
        ago = rng.uniform(8, 20) * day if late else rng.uniform(1, 6.5) * day
        return now - ago, now - ago
    if stage in (Stage.IMPLEMENTATION, Stage.FOLLOW_UP):  # the plan's review
        interval = 30 if risk == RiskLevel.HIGH else 90
        ago = (interval + rng.uniform(3, 40)) * day if late else rng.uniform(1, interval - 6) * day
    elif stage == Stage.FULL_ASSESSMENT:  # the case plan within 14 days
        ago = rng.uniform(15, 40) * day if late else rng.uniform(0.5, 13) * day
    else:  # a plan or closure waiting for the supervisor (7 days), a reopened case's assessment
        ago = rng.uniform(8, 20) * day if late else rng.uniform(0.5, 6) * day
    since = now - ago
    return min(registered, since - rng.uniform(2, 20) * day), since


# Forms are filled in for the newest cases only: a 100,000-case store for benchmarks would
# otherwise carry hundreds of megabytes of invented answers.
FORMS_FOR_NEWEST = 2000
PLACES = ("District office", "Home visit", "School", "Health centre", "Police station", "Market")
NOTES = (
    "Met the grandmother at home; she answered every question and asked for help with fees.",
    "The neighbours say the child is often alone after school.",
    "Discussed with the teacher, who has noticed the child is tired and hungry.",
    "The mother works away most weeks; an older sibling looks after the younger ones.",
    "The aunt says the child feels safe with her and wants to stay there.",
    "Follow up with the health centre about the missed vaccinations.",
    "The family agreed to meet again next week at the office.",
    "No immediate danger observed; the house is small but clean.",
)
# Answers that must match a case's columns, or read better than a random pick.
_LATER = {
    Stage.INITIAL_ASSESSMENT: ("initial_assessment",),
    Stage.FULL_ASSESSMENT: ("initial_assessment", "full_assessment"),
}
_ASSESSED = ("initial_assessment", "full_assessment", "case_plan")
# The workflow forms a demo case at each stage has, beyond its assessments.
_WORK = {
    Stage.CASE_PLAN: ("case_plan",),
    Stage.IMPLEMENTATION: ("case_plan", "referral"),
    Stage.FOLLOW_UP: ("case_plan", "referral", "follow_up_visit", "review"),
    Stage.CLOSURE_REQUESTED: (
        "case_plan",
        "referral",
        "follow_up_visit",
        "review",
        "closure_request",
    ),
    Stage.CLOSED: ("case_plan", "referral", "follow_up_visit", "review", "closure_request"),
}
PROVIDERS = (
    (
        "District Hospital",
        "health",
        "Dr. Aline Mukamana",
        "+250 788 100 200",
        "Hospital Road",
        "All children; free for under-fives",
    ),
    (
        "Hope Counselling Centre",
        "psychosocial",
        "Peter Kamau",
        "+250 788 300 400",
        "Market Street 12",
        "Children 6 to 17 and their caregivers",
    ),
    (
        "Legal Aid Clinic",
        "legal",
        "Maître Claire Uwimana",
        "+250 788 500 600",
        "Court House annex",
        "Children in contact with the law",
    ),
    (
        "Bright Future School",
        "education",
        "Head teacher",
        "+250 788 700 800",
        "Hill Road",
        "Primary school age",
    ),
    (
        "Savings Group Network",
        "economic",
        "Joyce Akinyi",
        "+250 788 900 100",
        "Cooperative office",
        "Caregivers of children in the programme",
    ),
    (
        "Civil Registry Office",
        "birth_registration",
        "Registrar",
        "+250 788 110 220",
        "District office",
        "Any child without a birth certificate",
    ),
)


def _sample_value(f: FormField, rng: random.Random, today: date) -> object:
    """A plausible, valid answer to one question (demo data only)."""
    codes = f.choice_codes()
    match f.type:
        case "text":
            if "place" in f.id or "where" in f.id:
                return rng.choice(PLACES)
            if "language" in f.id:
                return rng.choice(("Kiswahili", "Kiswahili and English", "Kinyarwanda", "French"))
            if "name" in f.id or f.id.endswith(("_by", "_who")):
                return f"{rng.choice(GIVEN_FEMALE)} {rng.choice(FAMILY)}"
            if f.id == "time" or f.id.endswith("_time"):
                return rng.choice(("09:00", "10:30", "14:00"))
            said = ("See the notes below", "Discussed with the supervisor", "Not yet")
            return rng.choice([t for t in said if not isinstance(f.max, int) or len(t) <= f.max])
        case "long_text":
            return " ".join(rng.sample(NOTES, 2))
        case "integer":
            low = f.min if isinstance(f.min, int) else 0
            high = f.max if isinstance(f.max, int) else low + 10
            return rng.randint(low, high)
        case "date":
            latest = date_bound(f.max, today) or today
            earliest = max(
                date_bound(f.min, today) or latest - timedelta(days=60), latest - timedelta(days=60)
            )
            day = (
                earliest + timedelta(days=rng.randrange((latest - earliest).days + 1))
            ).isoformat()
            return {"date": day, "estimated": False} if f.estimated else day
        case "yes_no":
            return rng.random() < 0.3
        case "choice":
            return rng.choice(codes)
        case "multi_choice":
            low = f.min if isinstance(f.min, int) else 1
            return sorted(rng.sample(codes, min(len(codes), max(low, rng.randint(1, 2)))))
        case "people":
            return [
                {
                    "name": f"{rng.choice(GIVEN_FEMALE)} {rng.choice(FAMILY)}",
                    "relationship": "grandmother",
                }
            ]
        case "group":
            least = f.min if isinstance(f.min, int) else 1
            return [
                {sub.id: _sample_value(sub, rng, today) for sub in f.fields or []}
                for _ in range(rng.randint(max(least, 1), max(least, 2)))
            ]
        case "provider":
            return rng.choice(PROVIDERS)[0]
        case "consent":
            return {
                "by": rng.choice(GIVEN_FEMALE),
                "method": rng.choice(("verbal", "written", "thumbprint")),
                "date": today.isoformat(),
            }
    return None


def sample_answers(
    form: FormDefinition, rng: random.Random, today: date, **fixed: object
) -> dict[str, object]:
    """Valid answers to every question that applies (demo data, and tests of the forms)."""
    answers = {f.id: _sample_value(f, rng, today) for f in form.all_fields()}
    answers.update(fixed)
    for f in form.all_fields():  # an action serves one of the plan's goals, not any number
        for sub in f.fields or []:
            entries = answers.get(sub.entry_of or "")
            for entry in answers.get(f.id) or [] if sub.entry_of else []:
                if isinstance(entry, dict) and f.id not in fixed:
                    entry[sub.id] = rng.randint(1, max(len(entries or []), 1))
    kept = clean(form, answers)
    assert not problems(form, kept, today), problems(form, kept, today)
    return kept


NOT_SEEN = (
    "The child was at school; the visit was with the grandmother.",
    "The child had gone to the market with an aunt; a new visit is planned.",
    "The family had travelled to a funeral; a neighbour confirmed they are away for a week.",
)
CHILD_SAID = (
    "“I like it here. I want to go back to school.”",
    "“My aunt is kind. I am not afraid at home now.”",
    "“I want to see my brother more often.”",
)


def now_of(rows: list[dict[str, object]]) -> date:
    return max(r["updated_at"] for r in rows).astimezone().date()  # type: ignore[union-attr]


def _consistent(
    form_id: str, row: dict[str, object], on: date, today: date, rng: random.Random
) -> dict[str, object]:
    """Answers that must agree with each other and with the calendar: a closure with its goals
    met says so, a child not seen has no words of their own, the next dates lie ahead."""
    stage = Stage(row["stage"])
    # The next dates of an open case lie ahead; a closed case's stay where its story left them.
    ahead = max(today, on) if row["status"] == CaseStatus.OPEN.value else on
    if form_id == "case_plan":
        risk = RiskLevel(row["risk"]) if row["risk"] else None
        interval = 30 if risk == RiskLevel.HIGH else 90
        latest = on + timedelta(days=interval)
        soonest = min(max(on, today + timedelta(days=2)), latest)
        review = soonest + timedelta(days=rng.randrange((latest - soonest).days + 1))
        agreed = random.Random(int(row["id"]) * 31).choices(  # type: ignore[call-overload]
            ("agrees", "partly_agrees", "disagrees"), (78, 16, 6), k=2
        )
        return {
            "made_on": on.isoformat(),
            "review_date": review.isoformat(),
            "review_later_reason": None,
            # Made with the child and the family, who mostly agree (indicator 15.10).
            "child_participated": True,
            "child_agreement": agreed[0],
            "family_participated": True,
            "family_agreement": agreed[1],
        }
    if form_id == "closure_request":
        reason = rng.choices(
            ("goals_met_safe", "permanency_achieved", "moved_out_of_area", "turned_18"),
            (70, 12, 12, 6),
        )[0]
        met = "all" if reason == "goals_met_safe" else rng.choice(("most", "some"))
        return {"reason": reason, "goals_achieved": met, "risk_at_closure": "low"}
    if form_id == "follow_up_visit":
        seen = rng.random() < 0.85
        visit: dict[str, object] = {
            "child_seen": seen,
            "child_not_seen_reason": None if seen else rng.choice(NOT_SEEN),
            "child_views": rng.choice(CHILD_SAID) if seen else None,
            "next_visit": (ahead + timedelta(days=rng.randint(5, 30))).isoformat(),
        }
        waited = (today - on).days
        visit.update(after_closure=False, child_rating=None, caregiver_rating=None)
        visit.update(child_safer=None)
        if stage == Stage.CLOSED and waited > 25:  # the visit after closure, once it is due
            visited = on + timedelta(days=rng.randint(20, min(80, waited)))
            visit.update(visited_on=visited.isoformat(), next_visit=None)
            visit.update(_asked_after_closure(random.Random(int(row["id"]))))  # type: ignore[call-overload]
        return visit
    # A separate draw (the main one stays as it was): the first assessment of some cases found
    # a higher risk than the latest, as the work lowers it (indicator 15.1).
    if (
        form_id == "initial_assessment"
        and row["risk"] in ("medium", "low")
        and random.Random(int(row["id"]) * 7919).random() < 0.4  # type: ignore[call-overload]
    ):
        return {"risk_level": "high" if row["risk"] == "medium" else "medium"}
    if form_id == "referral":
        return {"follow_up_on": (ahead + timedelta(days=rng.randint(7, 45))).isoformat()}
    if form_id == "review":
        return {
            "reviewed_on": on.isoformat(),
            "next_review": (ahead + timedelta(days=rng.randint(10, 25))).isoformat(),
        }
    return {}


SUPERVISION_DECISIONS = (
    "Visit the school with the caregiver before the next review.",
    "Ask the health centre for the vaccination record.",
    "Bring the case to a case conference this month.",
    "Prepare the closure with the family; plan the visit after closure.",
    "Reduce home visits to monthly now that the risk is low.",
)


def _supervision_notes(
    rows: list[dict[str, object]], supervisors: dict[int, int | None], today: date
) -> list[dict[str, object]]:
    """A session a month with most caseworkers over the last year, a few months missed
    (indicator 15.8), each discussing some of the worker's open cases."""
    rng = random.Random(len(rows) + 15)
    held: dict[int, list[int]] = {}
    for row in rows:
        if row["status"] == CaseStatus.OPEN.value:
            held.setdefault(int(row["caseworker_id"]), []).append(int(row["id"]))  # type: ignore[call-overload]
    notes = []
    for worker, supervisor in sorted(supervisors.items()):
        if supervisor is None:
            continue
        for back in range(12):
            index = today.year * 12 + today.month - 1 - back
            last = today.day if back == 0 else 28
            if rng.random() > 0.82:
                continue
            day = date(index // 12, index % 12 + 1, rng.randint(1, last))
            cases = rng.sample(held.get(worker, []), min(3, len(held.get(worker, []))))
            notes.append(
                {
                    "worker_id": worker,
                    "supervisor_id": supervisor,
                    "held_on": day,
                    "case_ids": json.dumps(sorted(cases)),
                    "decisions": rng.choice(SUPERVISION_DECISIONS),
                    "follow_up": "",
                    "recorded_at": datetime.combine(day, datetime.min.time(), UTC),
                }
            )
    return notes


def _asked_after_closure(rng: random.Random) -> dict[str, object]:
    """What a child and a caregiver answer at the visit after closure (15.3, 15.4): mostly
    content, some not, and now and then a child who would rather not say."""
    return {
        "after_closure": True,
        "child_rating": rng.choices(("good", "okay", "not_good", None), (70, 18, 6, 6))[0],
        "child_safer": rng.choices(("safer", "same", "less_safe", None), (72, 18, 4, 6))[0],
        "caregiver_rating": rng.choices(
            ("very_satisfied", "satisfied", "neutral", "dissatisfied"), (40, 40, 12, 8)
        )[0],
    }


REVIEWED_STAGES = (Stage.IMPLEMENTATION, Stage.FOLLOW_UP, Stage.CLOSURE_REQUESTED, Stage.CLOSED)


def _file_review(row: dict[str, object], today: date) -> dict[str, object] | None:
    """A supervisor's review of about one file in six past its plan: most items met."""
    rng = random.Random(int(row["id"]) * 104729)  # type: ignore[call-overload]
    if Stage(row["stage"]) not in REVIEWED_STAGES or rng.random() > 0.17:
        return None
    registered = row["registered_at"].astimezone().date()  # type: ignore[union-attr]
    earliest = max(registered, today - timedelta(days=360))
    reviewed = earliest + timedelta(days=rng.randrange(max((today - earliest).days, 1)))
    closed = Stage(row["stage"]) == Stage.CLOSED
    answers = {
        item: ("no" if rng.random() < 0.07 else "yes")
        for item in (
            "consent_recorded",
            "assessments_on_time",
            "plan_agreed_signed",
            "reviews_on_time",
            "referrals_followed_up",
            "notes_current",
        )
    }
    answers["closure_authorised"] = "yes" if closed else "not_applicable"
    answers["reviewed_on"] = reviewed.isoformat()
    return answers


def _demo_forms(
    s, forms: FormSet, rows: list[dict[str, object]], rng: random.Random, supervisors: dict
) -> tuple[list[dict[str, object]], list[dict[str, object]]]:  # type: ignore[no-untyped-def]
    definition_ids = {f.id: definition_row(s, f).id for f in forms.forms.values()}
    submissions: list[dict[str, object]] = []
    approvals: list[dict[str, object]] = []
    reintegrating: dict[Stage, int] = {}  # cases seen at each stage, to spread the steps
    for row in rows:
        stage = Stage(row["stage"])
        since = row["stage_changed_at"]
        provider = rng.choice(PROVIDERS)
        registered = row["registered_at"]
        day = registered.astimezone().date()  # type: ignore[union-attr]
        born = row["birth_date"]
        filled = {
            "registration": {
                "given_name": row["given_name"],
                "family_name": row["family_name"],
                "sex": row["sex"],
                "birth_date": {"date": born.isoformat(), "estimated": row["birth_date_estimated"]},  # type: ignore[union-attr]
                "location": row["location"],
                "registration_place": row["registration_place"],
                "registered_on": day.isoformat(),
            },
            "consent": {
                "caregiver_asked": True,
                "child_asked": True,
                "share_with": [{"organisation": provider[0], "service": provider[1]}],
            },
        }
        for form_id in _LATER.get(stage, _ASSESSED[:2] if row["risk"] else ()):
            filled[form_id] = {"risk_level": row["risk"]}
        work = _WORK.get(stage, ())
        for form_id in work:
            filled[form_id] = {"risk_level": row["risk"], "risk_at_closure": row["risk"]}
        if "referral" in filled:
            filled["referral"].update(provider=provider[0], service_type=provider[1])
        review = _file_review(row, now_of(rows))
        if review is not None and "file_review" in forms.forms:
            filled["file_review"] = review
        _answers_that_act(filled, row, rng)
        for form_id, fixed in filled.items():
            if form_id not in forms.forms:
                continue
            form = forms.get(form_id)
            if form_id == "consent":
                fixed = {
                    **fixed,
                    **{
                        f.id: "given"
                        for f in form.all_fields()
                        if f.id.endswith(("_interview", "_sharing", "_services"))
                    },
                }
            late = form_id in work
            when = since if late else registered
            on = when.astimezone().date() if late else day  # type: ignore[union-attr]
            if form_id == "file_review":
                on = date.fromisoformat(str(fixed["reviewed_on"]))
                when = datetime.combine(on, datetime.min.time(), UTC) + timedelta(hours=15)
            fixed = {**fixed, **_consistent(form_id, row, on, now_of(rows), rng)}
            if form_id == "follow_up_visit" and stage == Stage.CLOSED:
                on = max(on, date.fromisoformat(str(fixed.get("visited_on", on))))
            fixed = {k: v for k, v in fixed.items() if form.field(k)}
            submission_id = len(submissions) + 1
            if form_id == "best_interests":  # one determination per decision, the same day
                for instance, decision in enumerate(_BID_DECISIONS, start=1):
                    options = [  # the determination compares two options at least
                        {
                            sub.id: _sample_value(sub, rng, on)
                            for sub in form.field("options").fields
                        }
                        for _ in range(2)
                    ]
                    bid = sample_answers(form, rng, on, decision_type=decision, options=options)
                    submissions.append(_submission(row, form_id, definition_ids, bid, when))
                    submissions[-1].update(id=submission_id + instance - 1, instance=instance)
                continue
            answers = sample_answers(form, rng, on, **fixed)
            kind = {
                "case_plan": ApprovalKind.CASE_PLAN,
                "closure_request": ApprovalKind.CLOSURE,
            }.get(form_id)
            if kind is not None:
                decided = (kind == ApprovalKind.CASE_PLAN and stage != Stage.CASE_PLAN) or (
                    kind == ApprovalKind.CLOSURE and stage == Stage.CLOSED
                )
                approvals.append(
                    {
                        "case_id": row["id"],
                        "kind": kind.value,
                        "submission_id": submission_id,
                        "state": (
                            ApprovalState.APPROVED if decided else ApprovalState.PENDING
                        ).value,
                        "requested_by": row["caseworker_id"],
                        "requested_at": when,
                        "decided_by": supervisors.get(row["caseworker_id"]) if decided else None,
                        "decided_at": when if decided else None,
                    }
                )
            submissions.append(
                {
                    "id": submission_id,
                    "case_id": row["id"],
                    "form_id": form_id,
                    "instance": 1,
                    "revision": 1,
                    "definition_id": definition_ids[form_id],
                    "answers": json.dumps(answers, ensure_ascii=False, sort_keys=True),
                    "changed": "[]",
                    "submitted_by": (
                        supervisors.get(row["caseworker_id"])
                        if form_id == "file_review"
                        else row["caseworker_id"]
                    ),
                    "submitted_at": when,
                }
            )
        reintegrating[stage] = reintegrating.get(stage, -1) + 1
        for form_id, instance, when, fixed in _reintegration(
            row, reintegrating[stage], now_of(rows), rng
        ):
            form = forms.get(form_id)
            on = when.astimezone().date()
            approved = bool(fixed.pop("_approved", True))
            submissions.append(
                {
                    "id": len(submissions) + 1,
                    "case_id": row["id"],
                    "form_id": form_id,
                    "instance": instance,
                    "revision": 1,
                    "definition_id": definition_ids[form_id],
                    "answers": json.dumps(
                        sample_answers(form, rng, on, **fixed), ensure_ascii=False, sort_keys=True
                    ),
                    "changed": "[]",
                    "submitted_by": row["caseworker_id"],
                    "submitted_at": when,
                }
            )
            if form_id == "placement_decision":
                decided = approved
                approvals.append(
                    {
                        "case_id": row["id"],
                        "kind": ApprovalKind.PLACEMENT_DECISION.value,
                        "submission_id": len(submissions),
                        "state": (
                            ApprovalState.APPROVED if decided else ApprovalState.PENDING
                        ).value,
                        "requested_by": row["caseworker_id"],
                        "requested_at": when,
                        "decided_by": supervisors.get(row["caseworker_id"]) if decided else None,
                        "decided_at": when if decided else None,
                    }
                )
    return submissions, approvals


# Children going home from care (seed 001, box 2): the first cases in implementation, then every
# third, are each at a step of their reintegration, in turn; one case in four in follow-up has
# been placed and followed up, and one closed case in four reached its permanency goal that way.
_REINTEGRATION_STEPS = (
    "family_tracing",
    "family_assessment",
    "case_management_report",
    "placement_decision",  # waiting for the supervisor
    "placement_decision+",  # approved: the preparation is next
    "reintegration_preparation",
    "reunification",
)


def _reintegration(
    row: dict[str, object], nth: int, today: date, rng: random.Random
) -> list[tuple[str, int, datetime, dict[str, object]]]:
    """The pathway forms of one demo case (none for most): form, instance, when, answers."""
    stage = Stage(row["stage"])
    if stage == Stage.IMPLEMENTATION and nth < len(_REINTEGRATION_STEPS):
        last = _REINTEGRATION_STEPS[nth]  # even a small store has a child at each step
    elif stage == Stage.IMPLEMENTATION and nth % 3 == 0:
        last = _REINTEGRATION_STEPS[(nth // 3) % len(_REINTEGRATION_STEPS)]
    elif stage in (Stage.FOLLOW_UP, Stage.CLOSED) and nth % 4 == 0:
        last = "post_placement_follow_up"
    else:
        return []
    since: datetime = row["stage_changed_at"]  # type: ignore[assignment]
    now = datetime.combine(today, datetime.min.time(), tzinfo=UTC) + timedelta(hours=16)
    if stage == Stage.CLOSED:
        now = since  # its reintegration came before the closure
    steps = list(_REINTEGRATION_STEPS)
    if last == "post_placement_follow_up":
        steps += ["post_placement_follow_up", "post_placement_follow_up#2"]
    steps = steps[: steps.index(last) + 1]
    if "placement_decision+" in steps and "placement_decision" in steps:
        steps.remove("placement_decision")
    found = []
    start = since - timedelta(days=40) if stage == Stage.CLOSED else since
    for k, step in enumerate(steps):
        when = start + (now - start) * (k + 1) / (len(steps) + 1)
        form_id, _, second = step.rstrip("+").partition("#")
        # The next dates of an open case lie ahead; a closed case's where its story left them.
        on = when.astimezone().date()
        ahead = on if stage == Stage.CLOSED else max(today, on)
        fixed: dict[str, object] = {}
        if form_id == "family_tracing":
            found_family = rng.random() < 0.85 or last != "family_tracing"
            fixed = {"outcome": "found" if found_family else "not_found"}
        elif form_id == "family_assessment":
            fixed = {"capacity": "able_with_support", "recommendation": "place_with_support"}
        elif form_id == "placement_decision":
            fixed = {
                "option": rng.choice(("birth_family", "extended_family")),
                "decided_on": on.isoformat(),
                "preparation_sessions": rng.randint(2, 4),
                "preparation_from": (ahead + timedelta(days=rng.randint(1, 6))).isoformat(),
                "placement_on": (ahead + timedelta(days=rng.randint(14, 40))).isoformat(),
                "_approved": step.endswith("+") or last != "placement_decision",
            }
        elif form_id == "reintegration_preparation":
            fixed = {
                "held_on": on.isoformat(),
                "child_agrees": "agrees",
                "family_agrees": "agrees",
                "next_session_on": (ahead + timedelta(days=rng.randint(2, 9))).isoformat(),
            }
        elif form_id == "reunification":
            fixed = {
                "placed_on": on.isoformat(),  # the day the child went home (`_way_home`)
                "first_follow_up_on": (ahead + timedelta(days=rng.randint(3, 20))).isoformat(),
            }
        elif form_id == "post_placement_follow_up":
            fixed = {
                "visited_on": when.astimezone().date().isoformat(),
                "placement_holds": rng.choice(("stable", "stable", "fragile")),
                "risk_level": row["risk"] or "low",
                "next_follow_up_on": (ahead + timedelta(days=rng.randint(7, 30))).isoformat()
                if stage != Stage.CLOSED
                else None,
            }
        found.append((form_id, 2 if second else 1, when, fixed))
    return found


# -- contact notes and a case that changed hands ---------------------------------------------------

_NOTES = (
    ("phone_call", "The grandmother", "Called to say the school fees are paid for this term."),
    ("home_visit", "The mother and the child", "The house is clean; the child showed her books."),
    ("observation", "", "The child was quiet and tired at the office; to ask about sleep."),
    ("meeting", "The class teacher", "Attendance is better since the last visit."),
    ("message", "The uncle", "Sent a message: he can host the child during the holidays."),
)


def _staff_work(
    s,
    rows: list[dict[str, object]],
    rng: random.Random,
    supervisors: dict[int, int | None],
    today: date,
) -> None:
    """A few contact notes on the newest open cases, and one case given to a colleague in the
    same team (with its reason), as an office's store shows after some weeks."""
    open_rows = [r for r in rows[-FORMS_FOR_NEWEST:] if r["status"] == CaseStatus.OPEN.value]
    earlier = [r for r in open_rows if r["registered_at"].date() < today]  # type: ignore[union-attr]
    notes = []
    for row in earlier[-8:]:
        registered = row["registered_at"].date()  # type: ignore[union-attr]
        for number, (kind, contact, text) in enumerate(rng.sample(_NOTES, 2), start=1):
            # Written by yesterday: a note of today would be written later than the notes
            # someone adds while looking at the demo (the list is newest first).
            when = min(registered + timedelta(days=rng.randrange(0, 3) + number), today)
            when = max(registered, when - timedelta(days=1))
            written = datetime.combine(when, datetime.min.time(), tzinfo=UTC)
            notes.append(
                {
                    "case_id": row["id"],
                    "number": number,
                    "revision": 1,
                    "happened_on": when,
                    "kind": kind,
                    "contact": contact,
                    "text": text,
                    "author_id": row["caseworker_id"],
                    "written_at": written + timedelta(hours=15),
                }
            )
    if notes:
        s.execute(insert(ContactNote), notes)
    team: dict[int | None, list[int]] = {}
    for worker, boss in supervisors.items():
        team.setdefault(boss, []).append(worker)
    for row in reversed(open_rows):
        boss = supervisors.get(row["caseworker_id"])  # type: ignore[arg-type]
        others = [w for w in team.get(boss, []) if w != row["caseworker_id"]] if boss else []
        if others:
            to = rng.choice(others)
            s.execute(
                insert(CaseAssignment),
                [
                    {
                        "case_id": row["id"],
                        "from_user_id": row["caseworker_id"],
                        "to_user_id": to,
                        "by_user_id": boss,
                        "at": row["updated_at"],
                        "reason": "Caseload balanced: the first caseworker is on leave.",
                    }
                ],
            )
            s.query(Case).filter(Case.id == row["id"]).update({"caseworker_id": to})
            break


def _submission(
    row: dict[str, object], form_id: str, definition_ids: dict, answers: dict, when: object
) -> dict[str, object]:
    return {
        "case_id": row["id"],
        "form_id": form_id,
        "revision": 1,
        "instance": 1,
        "definition_id": definition_ids[form_id],
        "answers": json.dumps(answers, ensure_ascii=False, sort_keys=True),
        "changed": "[]",
        "submitted_by": row["caseworker_id"],
        "submitted_at": when,
    }


# Two decisions, two determinations: a repeated BID (issue 22).
_BID_DECISIONS = ("alternative_care", "reunification")


def _answers_that_act(
    filled: dict[str, dict[str, object]], row: dict[str, object], rng: random.Random
) -> None:
    """Answers that move a case agree with the stage the demo gives it; a few cases show them:
    a risk that rose after the full assessment, a repeated BID, an urgent referral."""
    if "initial_assessment" in filled:
        filled["initial_assessment"]["next_step"] = "full_assessment"
    if "full_assessment" in filled:
        filled["full_assessment"].update(bid_needed=False)
    if "review" in filled:
        filled["review"]["next_step"] = rng.choice(("continue_plan", "revise_plan"))
    if "referral" in filled:
        filled["referral"]["urgent"] = rng.random() < 0.1
    later = Stage(row["stage"]) not in (Stage.INITIAL_ASSESSMENT, Stage.FULL_ASSESSMENT)
    if "full_assessment" in filled and row["risk"] in ("medium", "high") and rng.random() < 0.3:
        filled["initial_assessment"]["risk_level"] = "low" if row["risk"] == "medium" else "medium"
    if later and "full_assessment" in filled and rng.random() < 0.08:
        filled["full_assessment"].update(
            bid_needed=True, bid_needed_reason="Whether the child can go back to the family."
        )
        filled["best_interests"] = {}
