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

from db.errors import DemoPasswordLost
from db.keyslots import DEFAULT_KDF, KdfParams
from db.models import Case, CaseNumberCounter, CaseStatus, RiskLevel, Role, Sex, Stage, User
from db.recovery_code import ALPHABET
from db.search import index_many
from db.store import Store, is_store
from desktop.accounts import add_user, init_agency
from desktop.paths import DEMO_PASSWORD_FILE
from desktop.registration import CARE_ARRANGEMENTS, CONCERNS, REFERRERS
from desktop.session import UserSession
from desktop.workflow import next_action

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
        updated = registered + timedelta(minutes=rng.randrange(max(1, offset)))
        if stage in (Stage.REGISTERED, Stage.INITIAL_ASSESSMENT):
            stage_since = registered
        else:  # most open cases moved stage within the last few months
            recent = now - timedelta(days=rng.uniform(0, 100))
            stage_since = max(registered, min(recent, updated))
        action, due = next_action(stage, risk, registered, stage_since)
        care = rng.choice(CARE_ARRANGEMENTS)
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
                "risk": risk.value if risk else None,
                "stage": stage.value,
                "status": status.value,
                "caseworker_id": worker,
                "registered_at": registered,
                "updated_at": max(updated, stage_since),
                "stage_changed_at": stage_since,
                "next_action": action,
                "next_due": due,
                "details": json.dumps(
                    {
                        "care_arrangement": care,
                        "concerns": rng.sample(CONCERNS, rng.randint(1, 2)),
                        "referred_by": rng.choice(REFERRERS),
                        "registration_place": rng.choice(LOCATIONS).split(",")[0],
                    }
                ),
            }
        )
    with session.store.write() as s:
        if rows:
            s.execute(insert(Case), rows)
            index_many(s, rows)
        for year, last in per_year.items():
            s.add(CaseNumberCounter(year=year, last=last))
        session.audit(s, "demo.generated", summary=f"{count} synthetic cases")
