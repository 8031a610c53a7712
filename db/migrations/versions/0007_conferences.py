"""Case conferences: the meetings scheduled for a case, and the action points their minutes
gave (our agency's, and partner organisations' commitments to follow up).

The minutes themselves are versions of the `case_conference` form (form_submissions), one
instance per conference.

Revision ID: 0007
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "conferences",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("case_id", sa.Integer(), sa.ForeignKey("cases.id"), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("scheduled_at", sa.DateTime(), nullable=False),
        sa.Column("place", sa.String(200), nullable=False, server_default=""),
        sa.Column("chair", sa.String(200), nullable=False, server_default=""),
        sa.Column("purpose", sa.String(30), nullable=False),
        sa.Column("purpose_other", sa.String(200), nullable=False, server_default=""),
        sa.Column("state", sa.String(20), nullable=False),
        sa.Column("cancel_reason", sa.Text(), nullable=False, server_default=""),
        sa.Column("created_by", sa.Integer(), sa.ForeignKey("users.id"), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.UniqueConstraint("case_id", "number", name="uq_conferences_number"),
    )
    op.create_index("ix_conferences_state", "conferences", ["state", "scheduled_at"])
    op.create_table(
        "conference_actions",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("case_id", sa.Integer(), sa.ForeignKey("cases.id"), nullable=False),
        sa.Column("conference_id", sa.Integer(), sa.ForeignKey("conferences.id"), nullable=False),
        sa.Column("action", sa.Text(), nullable=False),
        sa.Column("owner", sa.String(200), nullable=False, server_default=""),
        sa.Column("organisation", sa.String(200), nullable=False, server_default=""),
        sa.Column("ours", sa.Boolean(), nullable=False),
        sa.Column("due", sa.Date(), nullable=True),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column(
            "plan_submission_id",
            sa.Integer(),
            sa.ForeignKey("form_submissions.id"),
            nullable=True,
        ),
        sa.Column("plan_index", sa.Integer(), nullable=True),
        sa.Column("updated_by", sa.Integer(), sa.ForeignKey("users.id"), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_conference_actions_case", "conference_actions", ["case_id"])


def downgrade() -> None:
    op.drop_index("ix_conference_actions_case", "conference_actions")
    op.drop_table("conference_actions")
    op.drop_index("ix_conferences_state", "conferences")
    op.drop_table("conferences")
