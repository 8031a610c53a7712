"""Next action and due date on cases, registration details, agency logo, drafts.

Revision ID: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("cases") as batch:
        batch.add_column(sa.Column("stage_changed_at", sa.DateTime(), nullable=True))
        batch.add_column(sa.Column("next_action", sa.String(40), nullable=False, server_default=""))
        batch.add_column(sa.Column("next_due", sa.DateTime(), nullable=True))
        batch.add_column(sa.Column("details", sa.Text(), nullable=False, server_default="{}"))
        batch.create_index("ix_cases_next_due", ["next_due"])
        # The case list's default: open cases, newest first, without a sort step.
        batch.create_index("ix_cases_status_registered", ["status", "registered_at"])
    op.execute("UPDATE cases SET stage_changed_at = updated_at")
    with op.batch_alter_table("cases") as batch:
        batch.alter_column("stage_changed_at", existing_type=sa.DateTime(), nullable=False)
    with op.batch_alter_table("agency") as batch:
        batch.add_column(sa.Column("logo", sa.LargeBinary(), nullable=True))
    op.create_table(
        "drafts",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("user_id", sa.Integer(), sa.ForeignKey("users.id"), nullable=False),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("key", sa.String(80), nullable=False),
        sa.Column("data", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.UniqueConstraint("user_id", "kind", "key", name="uq_drafts_owner_kind_key"),
    )


def downgrade() -> None:
    op.drop_table("drafts")
    with op.batch_alter_table("agency") as batch:
        batch.drop_column("logo")
    with op.batch_alter_table("cases") as batch:
        batch.drop_index("ix_cases_status_registered")
        batch.drop_index("ix_cases_next_due")
        batch.drop_column("details")
        batch.drop_column("next_due")
        batch.drop_column("next_action")
        batch.drop_column("stage_changed_at")
