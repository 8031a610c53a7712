"""Exchange between agencies: the address book of partner agencies, the case packages sent and
received (so that importing one twice changes nothing), and the history a received case
brought with it. The agency's own keys are kept in `settings` (inside the encrypted store).

Revision ID: 0008
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "partner_agencies",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("code", sa.String(20), nullable=False, unique=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("age_recipient", sa.String(100), nullable=False),
        sa.Column("verify_key", sa.String(100), nullable=False),
        sa.Column("fingerprint", sa.String(40), nullable=False),
        sa.Column("verified", sa.Boolean(), nullable=False),
        sa.Column("verified_by", sa.Integer(), sa.ForeignKey("users.id"), nullable=True),
        sa.Column("verified_at", sa.DateTime(), nullable=True),
        sa.Column("added_by", sa.Integer(), sa.ForeignKey("users.id"), nullable=True),
        sa.Column("added_at", sa.DateTime(), nullable=False),
    )
    op.create_table(
        "exchanged_packages",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("package_id", sa.String(36), nullable=False),
        sa.Column("direction", sa.String(10), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("case_id", sa.Integer(), sa.ForeignKey("cases.id"), nullable=True),
        sa.Column("agency_code", sa.String(20), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("user_id", sa.Integer(), sa.ForeignKey("users.id"), nullable=True),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("receipt_at", sa.DateTime(), nullable=True),
        sa.Column("details", sa.Text(), nullable=False, server_default="{}"),
        sa.UniqueConstraint("package_id", "direction", name="uq_exchanged_packages_id"),
    )
    op.create_index("ix_exchanged_packages_case", "exchanged_packages", ["case_id"])
    op.create_table(
        "received_events",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("case_id", sa.Integer(), sa.ForeignKey("cases.id"), nullable=False),
        sa.Column("package_id", sa.String(36), nullable=False),
        sa.Column("agency_code", sa.String(20), nullable=False),
        sa.Column("at", sa.String(32), nullable=False),
        sa.Column("username", sa.String(100), nullable=False, server_default=""),
        sa.Column("action", sa.String(60), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False, server_default=""),
    )
    op.create_index("ix_received_events_case", "received_events", ["case_id"])
    op.create_table(
        "received_records",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("case_id", sa.Integer(), sa.ForeignKey("cases.id"), nullable=False),
        sa.Column("package_id", sa.String(36), nullable=False),
        sa.Column("agency_code", sa.String(20), nullable=False),
        sa.Column("agency_name", sa.String(200), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("record", sa.Text(), nullable=False),
        sa.Column("transfer_form", sa.LargeBinary(), nullable=True),
        sa.Column("at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_received_records_case", "received_records", ["case_id"])


def downgrade() -> None:
    op.drop_index("ix_received_records_case", "received_records")
    op.drop_table("received_records")
    op.drop_index("ix_received_events_case", "received_events")
    op.drop_table("received_events")
    op.drop_index("ix_exchanged_packages_case", "exchanged_packages")
    op.drop_table("exchanged_packages")
    op.drop_table("partner_agencies")
