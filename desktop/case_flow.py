"""Case management on top of the forms: approvals, moves back, reopening, plan action status,
"My tasks", the supervisor's queue, a case's timeline, and the directory of service providers.

Each service checks who asks (as `desktop.cases` does), changes the store in one unit of work
with its audit event, and refreshes the case's next action and tasks (`case_state.refresh`).
Audit summaries hold codes (stages, kinds), never a reason or a comment: those may name people.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session, aliased

from db.errors import QT_TRANSLATE_NOOP, InvalidInput, NotFound
from db.models import (
    Approval,
    Case,
    CaseStatus,
    FormSubmission,
    PlanActionUpdate,
    Provider,
    Role,
    Stage,
    StageMove,
    Task,
    User,
)
from desktop import access, placement_state
from desktop import pathway as reintegration
from desktop.access import may_change, visible_cases
from desktop.assignments import assignments_of
from desktop.case_state import (
    facts_for,
    is_made_here,
    made_here,
    move,
    plan_actions,
    refresh,
    refresh_all,
    rules_in,
    tasks_current,
)
from desktop.forms.saved import submission_of
from desktop.risk import risk_history
from desktop.session import UserSession
from desktop.workflow import (
    FORM_OF_APPROVAL,
    ApprovalKind,
    ApprovalState,
    MoveRefused,
    PlanAction,
    check_back,
    check_decider,
    check_return_comment,
)

ACTION_STATUSES = ("not_started", "in_progress", "done", "dropped")
CASELOAD_GUIDELINE = (15, 30)  # cases per caseworker (Standard 15, indicator 15.7)


# -- approvals -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ApprovalRow:
    id: int
    case_uuid: str
    case_number: str
    child_name: str
    caseworker: str
    kind: str
    form_id: str
    state: str
    requested_by: str
    requested_at: datetime
    decided_by: str
    decided_at: datetime | None
    comment: str
    can_decide: bool
    received: bool = False  # the sending agency's, as it came: history, not a decision here
    why_not: str = ""  # pending but not this person's to decide: the rule's message (untranslated)


_Requester = aliased(User)
_Decider = aliased(User)
_Worker = aliased(User)


def _approval_rows(s: Session, us: UserSession, *where: Any) -> list[ApprovalRow]:
    rules = rules_in(s)
    query = (
        select(
            Approval,
            Case.uuid,
            Case.case_number,
            Case.given_name,
            Case.family_name,
            Case.caseworker_id,
            func.coalesce(_Worker.full_name, ""),
            _Worker.supervisor_id,
            func.coalesce(_Requester.full_name, ""),
            func.coalesce(_Decider.full_name, ""),
        )
        .join(Case, Case.id == Approval.case_id)
        .outerjoin(_Worker, _Worker.id == Case.caseworker_id)
        .outerjoin(_Requester, _Requester.id == Approval.requested_by)
        .outerjoin(_Decider, _Decider.id == Approval.decided_by)
        .where(visible_cases(us.user), *where)
        .order_by(Approval.requested_at, Approval.id)
    )
    rows = []
    for a, uuid, number, given, family, worker_id, worker, boss, requester, decider in s.execute(
        query
    ):
        pending_here = a.state == ApprovalState.PENDING and is_made_here(a)
        why_not = _why_not(us, a.requested_by, worker_id, boss, rules) if pending_here else ""
        rows.append(
            ApprovalRow(
                id=a.id,
                case_uuid=uuid,
                case_number=number,
                child_name=f"{given} {family}".strip(),
                caseworker=worker,
                kind=a.kind,
                form_id=FORM_OF_APPROVAL.get(ApprovalKind(a.kind), ""),
                state=a.state,
                requested_by=requester,
                requested_at=a.requested_at,
                decided_by=decider,
                decided_at=a.decided_at,
                comment=a.comment,
                can_decide=pending_here and not why_not,
                received=not is_made_here(a),
                why_not=why_not,
            )
        )
    return rows


def _why_not(us: UserSession, requester, worker_id, boss, rules) -> str:  # type: ignore[no-untyped-def]
    """Why this person may not decide on a request (the rule's own message), or "" if they may."""
    try:
        check_decider(us.user.id, us.user.roles, requester, worker_id, boss, rules)
    except MoveRefused as e:
        return e.text
    return ""


@access.service(access.Need.RULES, event="approval.refused")
def decide(us: UserSession, approval_id: int, approve: bool, comment: str = "") -> ApprovalRow:
    """Approve a request, or return it with a comment for the caseworker."""
    if not approve:
        check_return_comment(comment)
    with us.store.write() as s:
        a = s.get(Approval, approval_id)
        if a is None or not is_made_here(a):  # another agency's request is their history
            raise NotFound(what=QT_TRANSLATE_NOOP("errors", "The request"))
        case = s.get(Case, a.case_id)
        assert case is not None
        if a.state != ApprovalState.PENDING:
            raise InvalidInput(
                QT_TRANSLATE_NOOP(
                    "errors", "This request was already decided on, or replaced by a newer one."
                )
            )
        worker = s.get(User, case.caseworker_id) if case.caseworker_id else None
        try:
            check_decider(
                us.user.id,
                us.user.roles,
                a.requested_by,
                case.caseworker_id,
                worker.supervisor_id if worker else None,
                rules_in(s),
            )
        except MoveRefused as e:
            refused = (case.id, a.kind, e)
        else:
            refused = None
        if refused is None:
            return _decided(s, us, a, case, approve, comment)
    case_id, kind, error = refused
    with us.store.write() as s:  # the refusal is kept; the request is untouched
        us.audit(s, "approval.refused", case_id=case_id, summary=kind)
    raise error


def _decided(
    s: Session, us: UserSession, a: Approval, case: Case, approve: bool, comment: str
) -> ApprovalRow:
    now = datetime.now(UTC)
    a.state = (ApprovalState.APPROVED if approve else ApprovalState.RETURNED).value
    a.decided_by, a.decided_at, a.comment = us.user.id, now, comment.strip()
    us.audit(
        s,
        "approval.approved" if approve else "approval.returned",
        case_id=case.id,
        summary=a.kind,
    )
    kind, stage = ApprovalKind(a.kind), Stage(case.stage)
    if kind == ApprovalKind.PLACEMENT:
        placement_state.decided(s, a, approve)
    if approve and kind == ApprovalKind.CASE_PLAN and stage == Stage.CASE_PLAN:
        move(s, us, case, Stage.IMPLEMENTATION, "approval")
    elif approve and kind == ApprovalKind.CLOSURE and stage == Stage.CLOSURE_REQUESTED:
        move(s, us, case, Stage.CLOSED, "approval")
    elif not approve and kind == ApprovalKind.CLOSURE and stage == Stage.CLOSURE_REQUESTED:
        before = s.execute(
            select(StageMove.from_stage)
            .where(StageMove.case_id == case.id, StageMove.to_stage == Stage.CLOSURE_REQUESTED)
            .order_by(StageMove.id.desc())
            .limit(1)
        ).scalar()
        move(s, us, case, Stage(before or Stage.FOLLOW_UP), "returned")
    case.updated_at = now
    refresh(s, case)
    return next(r for r in _approval_rows(s, us, Approval.id == a.id))


# -- stage moves ---------------------------------------------------------------------------------


@access.changes_case()
def move_back(us: UserSession, case_uuid: str, stage: str, reason: str) -> None:
    """Send a case back to an earlier working stage (the process is not linear)."""
    with access.changing_case(us, case_uuid) as (s, case):
        target = Stage(stage)
        check_back(Stage(case.stage), target, reason)
        move(s, us, case, target, "back", reason)
        refresh(s, case)


@access.changes_case()
def reopen(us: UserSession, case_uuid: str, reason: str) -> None:
    """Open a closed case again; all its history stays."""
    with access.changing_case(us, case_uuid) as (s, case):
        if case.stage != Stage.CLOSED:
            raise InvalidInput(QT_TRANSLATE_NOOP("errors", "Only a closed case can be reopened."))
        if not reason.strip():
            raise InvalidInput(
                QT_TRANSLATE_NOOP(
                    "errors", "Say why the case is reopened: the reason is kept in its history."
                )
            )
        move(s, us, case, Stage.REOPENED, "reopened", reason)
        refresh(s, case)


@access.changes_case()
def set_action_status(
    us: UserSession, case_uuid: str, submission_id: int, index: int, status: str, note: str = ""
) -> None:
    """Mark an action of the case plan started, done or dropped (no new plan version needed)."""
    if status not in ACTION_STATUSES:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("errors", "{what} must be one of: {allowed}."),
            what="status",
            allowed=", ".join(ACTION_STATUSES),
        )
    with access.changing_case(us, case_uuid) as (s, case):
        plan = s.get(FormSubmission, submission_id)
        if plan is None or plan.case_id != case.id or plan.form_id != "case_plan":
            raise NotFound(what=QT_TRANSLATE_NOOP("errors", "The case plan"))
        if not 0 <= index < len(json.loads(plan.answers).get("actions") or []):
            raise NotFound(what=QT_TRANSLATE_NOOP("errors", "The action"))
        s.add(
            PlanActionUpdate(
                case_id=case.id,
                submission_id=plan.id,
                action_index=index,
                status=status,
                note=note.strip(),
                user_id=us.user.id,
                at=datetime.now(UTC),
            )
        )
        case.updated_at = datetime.now(UTC)
        us.audit(s, "plan.action_status", case_id=case.id, summary=f"{index + 1}: {status}")
        refresh(s, case)


@access.signed_in
def ensure_tasks(us: UserSession) -> int:
    """Build every case's tasks once after an upgrade (or a change of the rules that make them).

    Not on a store opened read-only (a completely full disk): the window runs this right after
    sign-in, and nobody asked for a change yet; a later sign-in with space free builds them."""
    if us.store.read_only:
        return 0
    with us.store.read() as s:
        if tasks_current(s):
            return 0
    with us.store.write() as s:
        return refresh_all(s)


# -- what a case file shows ---------------------------------------------------------------------


@dataclass(frozen=True)
class TimelineEntry:
    at: datetime
    who: str
    kind: str  # form, approval.requested, approval.approved, approval.returned, stage, action
    code: str  # the form id, approval kind, stage or action status
    instance: int = 0
    revision: int = 0
    text: str = ""  # a reason, a comment, an action; the risk before, for a risk change
    previous: str = ""  # a change of hands: who held the case before (`code` took it)
    form_id: str = ""  # the form that changed the risk


@dataclass(frozen=True)
class CasePlan:
    submission_id: int
    revision: int
    answers: dict[str, Any]
    actions: tuple[PlanAction, ...]
    approval_state: str | None


@dataclass(frozen=True)
class CaseWorkflow:
    approvals: list[ApprovalRow]
    timeline: list[TimelineEntry]  # newest first
    plan: CasePlan | None
    tasks: list[TaskRow]
    can_change: bool
    reintegration: reintegration.Pathway | None = None  # a child's return to a family, if any


@access.reads_case()
def case_workflow(us: UserSession, case_uuid: str) -> CaseWorkflow:
    with access.reading_case(us, case_uuid) as (s, case):
        can_change = may_change(s, us, case)
        approvals = _approval_rows(s, us, Approval.case_id == case.id)
        names = dict(s.execute(select(User.id, User.full_name)).all())
        entries: list[TimelineEntry] = []
        subs = s.execute(
            select(
                FormSubmission.form_id,
                FormSubmission.instance,
                FormSubmission.revision,
                FormSubmission.submitted_by,
                FormSubmission.submitted_at,
            ).where(FormSubmission.case_id == case.id)
        )
        for form_id, instance, revision, by, at in subs:
            entries.append(
                TimelineEntry(at, names.get(by, ""), "form", form_id, instance, revision)
            )
        for a in approvals:
            entries.append(
                TimelineEntry(a.requested_at, a.requested_by, "approval.requested", a.kind)
            )
            if a.decided_at is not None:
                entries.append(
                    TimelineEntry(
                        a.decided_at, a.decided_by, f"approval.{a.state}", a.kind, text=a.comment
                    )
                )
        for r in risk_history(s, case.id):
            entries.append(
                TimelineEntry(
                    r.at,
                    names.get(r.user_id, ""),
                    "risk",
                    r.after,
                    r.instance,
                    text=r.before or "",
                    form_id=r.form_id,
                )
            )
        for m in s.execute(select(StageMove).where(StageMove.case_id == case.id)).scalars():
            entries.append(
                TimelineEntry(
                    m.at, names.get(m.user_id, ""), f"stage.{m.how}", m.to_stage, text=m.reason
                )
            )
        for a in assignments_of(s, case.id):  # who held the case when
            entries.append(
                TimelineEntry(
                    a.at, a.by_name, "assigned", a.to_name, text=a.reason, previous=a.from_name
                )
            )
        plan_row = s.execute(
            select(FormSubmission)
            .where(FormSubmission.case_id == case.id, FormSubmission.form_id == "case_plan")
            .order_by(FormSubmission.revision.desc())
            .limit(1)
        ).scalar_one_or_none()
        plan = None
        if plan_row is not None:
            answers = json.loads(plan_row.answers)
            plans = {plan_row.id: answers}
            updates: dict[int, str] = {}
            for u in s.execute(
                select(PlanActionUpdate)
                .where(PlanActionUpdate.case_id == case.id)
                .order_by(PlanActionUpdate.id)
            ).scalars():
                if u.submission_id == plan_row.id:
                    updates[u.action_index] = u.status
                entries.append(
                    TimelineEntry(
                        u.at,
                        names.get(u.user_id, ""),
                        "action",
                        u.status,
                        text=_action_text(s, u, plans),
                    )
                )
            state = next(
                (
                    a.state
                    for a in reversed(approvals)
                    if a.kind == ApprovalKind.CASE_PLAN and not a.received
                ),
                None,
            )
            plan = CasePlan(
                plan_row.id, plan_row.revision, answers, plan_actions(answers, updates), state
            )
        entries.sort(key=lambda e: e.at, reverse=True)
        return CaseWorkflow(
            approvals=approvals,
            timeline=entries,
            plan=plan,
            tasks=_task_rows(s, Task.case_id == case.id),
            can_change=can_change,
            reintegration=facts_for(s, [case])[case.id].reintegration,
        )


def _action_text(s: Session, u: PlanActionUpdate, plans: dict[int, dict[str, Any]]) -> str:
    """The action an update is about, from its plan's answers (each plan read once)."""
    if u.submission_id not in plans:
        plans[u.submission_id] = json.loads(s.get(FormSubmission, u.submission_id).answers)  # type: ignore[union-attr]
    actions = plans[u.submission_id].get("actions") or []
    if 0 <= u.action_index < len(actions):
        return str(actions[u.action_index].get("action") or "")
    return ""


@access.reads_case()
def plan_submission(us: UserSession, submission_id: int):  # type: ignore[no-untyped-def]
    """A saved version of a form, for whoever may open its case."""
    with us.store.read() as s:
        case_uuid = s.execute(
            select(Case.uuid)
            .join(FormSubmission, FormSubmission.case_id == Case.id)
            .where(FormSubmission.id == submission_id)
        ).scalar()
    if case_uuid is None:
        raise NotFound(what=QT_TRANSLATE_NOOP("errors", "The case plan"))
    with access.reading_case(us, case_uuid) as (s, _):
        return submission_of(s, s.get(FormSubmission, submission_id))


# -- tasks and the supervisor's queue --------------------------------------------------------------


@dataclass(frozen=True)
class TaskRow:
    case_uuid: str
    case_number: str
    child_name: str
    caseworker: str
    kind: str
    due: datetime | None
    for_supervisor: bool
    form_id: str
    instance: int | None
    detail: str
    ref: str


def _task_rows(s: Session, *where: Any, limit: int | None = None) -> list[TaskRow]:
    query = (
        select(
            Case.uuid,
            Case.case_number,
            Case.given_name,
            Case.family_name,
            func.coalesce(_Worker.full_name, ""),
            Task.kind,
            Task.due,
            Task.for_supervisor,
            Task.form_id,
            Task.instance,
            Task.detail,
            Task.ref,
        )
        .join(Case, Case.id == Task.case_id)
        .outerjoin(_Worker, _Worker.id == Case.caseworker_id)
        .where(*where)
        .order_by(func.coalesce(Task.due, "9999-12-31"), Task.id)
    )
    if limit is not None:
        query = query.limit(limit)
    return [
        TaskRow(uuid, number, f"{given} {family}".strip(), worker, *rest)
        for uuid, number, given, family, worker, *rest in s.execute(query)
    ]


@access.signed_in
def my_tasks(us: UserSession, days: int = 7, limit: int = 2000) -> list[TaskRow]:
    """The signed-in person's tasks due within `days` (overdue ones first), soonest first."""
    until = datetime.now(UTC) + timedelta(days=days)
    with us.store.read() as s:
        return _task_rows(
            s,
            Task.assignee_id == us.user.id,
            Task.due < until,
            visible_cases(us.user),
            limit=limit,
        )


@dataclass(frozen=True)
class Workload:
    user_id: int
    name: str
    open_cases: int
    overdue: int
    due_this_week: int

    @property
    def caseload(self) -> str:
        """ "under", "within" or "over" the 15–30 guideline."""
        low, high = CASELOAD_GUIDELINE
        return "under" if self.open_cases < low else "over" if self.open_cases > high else "within"


@dataclass(frozen=True)
class SupervisorQueue:
    approvals: list[ApprovalRow]
    workload: list[Workload]
    overdue: list[TaskRow]


@access.requires(
    Role.SUPERVISOR, Role.MANAGER, action=QT_TRANSLATE_NOOP("errors", "see the supervisor's queue")
)
def supervisor_queue(us: UserSession, overdue_limit: int = 500) -> SupervisorQueue:
    """Approvals waiting, and for each caseworker of the team their caseload and what is late."""
    now = datetime.now(UTC)
    with us.store.read() as s:
        if Role.MANAGER in us.user.roles and Role.SUPERVISOR not in us.user.roles:
            team = list(
                s.execute(
                    select(User.id, User.full_name)
                    .where(User.active, User.roles.contains(Role.CASEWORKER.value))
                    .order_by(User.full_name)
                )
            )
        else:
            team = list(
                s.execute(
                    select(User.id, User.full_name)
                    .where(
                        or_(User.supervisor_id == us.user.id, User.id == us.user.id), User.active
                    )
                    .order_by(User.full_name)
                )
            )
        ids = [i for i, _ in team]
        open_cases = dict(
            s.execute(
                select(Case.caseworker_id, func.count())
                .where(Case.caseworker_id.in_(ids), Case.status == CaseStatus.OPEN.value)
                .group_by(Case.caseworker_id)
            ).all()
        )
        late = dict(
            s.execute(
                select(Task.assignee_id, func.count())
                .where(Task.assignee_id.in_(ids), Task.due < now)
                .group_by(Task.assignee_id)
            ).all()
        )
        soon = dict(
            s.execute(
                select(Task.assignee_id, func.count())
                .where(
                    Task.assignee_id.in_(ids),
                    and_(Task.due >= now, Task.due < now + timedelta(days=7)),
                )
                .group_by(Task.assignee_id)
            ).all()
        )
        workload = [
            Workload(i, name, open_cases.get(i, 0), late.get(i, 0), soon.get(i, 0))
            for i, name in team
            if open_cases.get(i) or late.get(i) or i != us.user.id
        ]
        approvals = _approval_rows(
            s, us, Approval.state == ApprovalState.PENDING.value, made_here()
        )
        overdue = _task_rows(
            s,
            Task.assignee_id.in_(ids),
            Task.due < now,
            Task.for_supervisor.is_(False),
            limit=overdue_limit,
        )
        return SupervisorQueue(approvals, workload, overdue)


# -- the directory of service providers ---------------------------------------------------------


@dataclass(frozen=True)
class ProviderInfo:
    id: int | None
    name: str
    services: tuple[str, ...] = ()
    contact: str = ""
    phone: str = ""
    address: str = ""
    eligibility: str = ""
    active: bool = True


@access.signed_in
def providers(us: UserSession, active_only: bool = True) -> list[ProviderInfo]:
    with us.store.read() as s:
        query = select(Provider).order_by(Provider.name)
        if active_only:
            query = query.where(Provider.active)
        return [
            ProviderInfo(
                p.id,
                p.name,
                tuple(json.loads(p.services)),
                p.contact,
                p.phone,
                p.address,
                p.eligibility,
                p.active,
            )
            for p in s.execute(query).scalars()
        ]


@access.requires(
    Role.SUPERVISOR,
    Role.ADMINISTRATOR,
    action=QT_TRANSLATE_NOOP("errors", "change the service providers"),
)
def save_provider(us: UserSession, info: ProviderInfo) -> ProviderInfo:
    """Add or change a provider: supervisors and administrators keep the directory."""
    name = " ".join(info.name.split())
    if not name:
        raise InvalidInput(QT_TRANSLATE_NOOP("errors", "A provider needs a name."))
    if len(name) > 200:
        raise InvalidInput(QT_TRANSLATE_NOOP("errors", "The provider's name is too long."))
    with us.store.write() as s:
        same = s.execute(
            select(Provider).where(func.lower(Provider.name) == name.lower())
        ).scalar_one_or_none()
        if same is not None and same.id != info.id:
            raise InvalidInput(
                QT_TRANSLATE_NOOP("errors", "There is already a provider named {name}."), name=name
            )
        row = s.get(Provider, info.id) if info.id else None
        if row is None:
            row = Provider()
            s.add(row)
        row.name, row.services = name, json.dumps(list(info.services))
        row.contact, row.phone = info.contact.strip()[:200], info.phone.strip()[:100]
        row.address, row.eligibility = info.address.strip(), info.eligibility.strip()
        row.active, row.updated_at = info.active, datetime.now(UTC)
        s.flush()
        us.audit(s, "provider.saved", summary=str(row.id))
        return ProviderInfo(
            row.id,
            name,
            tuple(info.services),
            row.contact,
            row.phone,
            row.address,
            row.eligibility,
            row.active,
        )
