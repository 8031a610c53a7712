"""A signed-in person: the unlocked store plus who they are. Every service takes one."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.audit import append_event
from db.models import Agency, Role, User
from db.store import Store


@dataclass(frozen=True)
class UserInfo:
    id: int
    username: str
    full_name: str
    roles: frozenset[Role]
    team: str
    supervisor_id: int | None
    must_change_password: bool = False

    @classmethod
    def of(cls, user: User) -> UserInfo:
        return cls(
            id=user.id,
            username=user.username,
            full_name=user.full_name,
            roles=user.role_set,
            team=user.team,
            supervisor_id=user.supervisor_id,
            must_change_password=user.must_change_password,
        )

    @property
    def is_administrator(self) -> bool:
        return Role.ADMINISTRATOR in self.roles


@dataclass(frozen=True)
class AgencyInfo:
    name: str
    code: str
    country: str
    district: str
    language: str
    is_demo: bool

    @classmethod
    def of(cls, agency: Agency) -> AgencyInfo:
        return cls(
            agency.name,
            agency.code,
            agency.country,
            agency.district,
            agency.language,
            agency.is_demo,
        )


class UserSession:
    """Who is signed in to which store. Holds no database session between calls."""

    def __init__(self, store: Store, user: UserInfo, agency: AgencyInfo) -> None:
        self.store = store
        self.user = user
        self.agency = agency

    def audit(
        self, session: Session, action: str, case_id: int | None = None, summary: str = ""
    ) -> None:
        record(session, self.store, self.user, action, case_id, summary)

    def require_administrator(self, action: str) -> None:
        """Refuse (audited, through the gate) anyone but an administrator."""
        from desktop import access  # the gate builds on this module

        access.require(self, Role.ADMINISTRATOR, action=action)

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> UserSession:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def record(
    session: Session,
    store: Store,
    user: UserInfo | User,
    action: str,
    case_id: int | None = None,
    summary: str = "",
) -> None:
    """Append an audit event to the unit of work `session` (committed with the change)."""
    append_event(
        session,
        store_id=store.store_id,
        user_id=user.id,
        username=user.username,
        action=action,
        case_id=case_id,
        summary=summary,
    )


def load_session(store: Store, user: User) -> UserSession:
    with store.read() as s:
        agency = s.execute(select(Agency)).scalar_one()
        return UserSession(store, UserInfo.of(user), AgencyInfo.of(agency))
