"""The case workflow: repeated forms, approvals, stage moves, plan action updates, tasks,
the directory of service providers.

Revision ID: 0005
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("form_submissions") as batch:
        batch.add_column(sa.Column("instance", sa.Integer(), nullable=False, server_default="1"))
        batch.drop_constraint("uq_form_submissions_revision", type_="unique")
        batch.create_unique_constraint(
            "uq_form_submissions_revision", ["case_id", "form_id", "instance", "revision"]
        )
    op.create_table(
        "approvals",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("case_id", sa.Integer(), sa.ForeignKey("cases.id"), nullable=False),
        sa.Column("kind", sa.String(30), nullable=False),
        sa.Column(
            "submission_id", sa.Integer(), sa.ForeignKey("form_submissions.id"), nullable=True
        ),
        sa.Column("state", sa.String(20), nullable=False),
        sa.Column("requested_by", sa.Integer(), sa.ForeignKey("users.id"), nullable=True),
        sa.Column("requested_at", sa.DateTime(), nullable=False),
        sa.Column("decided_by", sa.Integer(), sa.ForeignKey("users.id"), nullable=True),
        sa.Column("decided_at", sa.DateTime(), nullable=True),
        sa.Column("comment", sa.Text(), nullable=False, server_default=""),
    )
    op.create_index("ix_approvals_case", "approvals", ["case_id", "kind"])
    op.create_index("ix_approvals_state", "approvals", ["state", "requested_at"])
    op.create_table(
        "stage_moves",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("case_id", sa.Integer(), sa.ForeignKey("cases.id"), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("user_id", sa.Integer(), sa.ForeignKey("users.id"), nullable=True),
        sa.Column("how", sa.String(20), nullable=False),
        sa.Column("from_stage", sa.String(30), nullable=False),
        sa.Column("to_stage", sa.String(30), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False, server_default=""),
    )
    op.create_index("ix_stage_moves_case", "stage_moves", ["case_id"])
    op.create_table(
        "plan_action_updates",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("case_id", sa.Integer(), sa.ForeignKey("cases.id"), nullable=False),
        sa.Column(
            "submission_id", sa.Integer(), sa.ForeignKey("form_submissions.id"), nullable=False
        ),
        sa.Column("action_index", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("note", sa.Text(), nullable=False, server_default=""),
        sa.Column("user_id", sa.Integer(), sa.ForeignKey("users.id"), nullable=True),
        sa.Column("at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_plan_action_updates_case", "plan_action_updates", ["case_id"])
    op.create_table(
        "tasks",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("case_id", sa.Integer(), sa.ForeignKey("cases.id"), nullable=False),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("assignee_id", sa.Integer(), sa.ForeignKey("users.id"), nullable=True),
        sa.Column("for_supervisor", sa.Boolean(), nullable=False),
        sa.Column("due", sa.DateTime(), nullable=True),
        sa.Column("form_id", sa.String(60), nullable=False, server_default=""),
        sa.Column("instance", sa.Integer(), nullable=True),
        sa.Column("detail", sa.Text(), nullable=False, server_default=""),
        sa.Column("ref", sa.String(40), nullable=False, server_default=""),
    )
    op.create_index("ix_tasks_assignee_due", "tasks", ["assignee_id", "due"])
    op.create_index("ix_tasks_case", "tasks", ["case_id"])
    op.create_table(
        "providers",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(200), nullable=False, unique=True),
        sa.Column("services", sa.Text(), nullable=False),
        sa.Column("contact", sa.String(200), nullable=False),
        sa.Column("phone", sa.String(100), nullable=False),
        sa.Column("address", sa.Text(), nullable=False),
        sa.Column("eligibility", sa.Text(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
    )
    # Open cases get their tasks when the program next refreshes them (see case_flow).


def downgrade() -> None:
    op.drop_table("providers")
    op.drop_table("tasks")
    op.drop_table("plan_action_updates")
    op.drop_table("stage_moves")
    op.drop_table("approvals")
    with op.batch_alter_table("form_submissions") as batch:
        batch.drop_constraint("uq_form_submissions_revision", type_="unique")
        batch.create_unique_constraint(
            "uq_form_submissions_revision", ["case_id", "form_id", "revision"]
        )
        batch.drop_column("instance")
