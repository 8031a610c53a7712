"""Children in alternative care: residential care facilities and their staff, placements and
their reviews, and the facilities' daily log.

Revision ID: 0015
"""

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "facilities",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(200), nullable=False, unique=True),
        sa.Column("capacity", sa.Integer(), nullable=False),
        sa.Column("address", sa.Text(), nullable=False, server_default=""),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    )
    op.create_table(
        "facility_staff",
        sa.Column("user_id", sa.Integer(), sa.ForeignKey("users.id"), primary_key=True),
        sa.Column("facility_id", sa.Integer(), sa.ForeignKey("facilities.id"), nullable=False),
    )
    op.create_table(
        "placements",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("uuid", sa.String(36), nullable=False, unique=True),
        sa.Column("case_id", sa.Integer(), sa.ForeignKey("cases.id"), nullable=False),
        sa.Column("kind", sa.String(30), nullable=False),
        sa.Column("state", sa.String(20), nullable=False),
        sa.Column("carer", sa.String(200), nullable=False, server_default=""),
        sa.Column("facility_id", sa.Integer(), sa.ForeignKey("facilities.id"), nullable=True),
        sa.Column("address", sa.Text(), nullable=False, server_default=""),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("legal_basis", sa.String(30), nullable=False),
        sa.Column("legal_reference", sa.String(200), nullable=False, server_default=""),
        sa.Column("legal_date", sa.Date(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False, server_default=""),
        sa.Column("decided_by", sa.String(200), nullable=False, server_default=""),
        sa.Column("review_date", sa.Date(), nullable=True),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("end_reason", sa.Text(), nullable=False, server_default=""),
        sa.Column("replaced_by", sa.Integer(), sa.ForeignKey("placements.id"), nullable=True),
        sa.Column("approval_id", sa.Integer(), sa.ForeignKey("approvals.id"), nullable=True),
        sa.Column("proposed_by", sa.Integer(), sa.ForeignKey("users.id"), nullable=True),
        sa.Column("proposed_at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_placements_case", "placements", ["case_id", "state"])
    op.create_index("ix_placements_facility", "placements", ["facility_id", "state", "end_date"])
    op.create_table(
        "placement_reviews",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("placement_id", sa.Integer(), sa.ForeignKey("placements.id"), nullable=False),
        sa.Column("reviewed_on", sa.Date(), nullable=False),
        sa.Column("best_interests", sa.String(10), nullable=False),
        sa.Column("child_views", sa.Text(), nullable=False, server_default=""),
        sa.Column("notes", sa.Text(), nullable=False, server_default=""),
        sa.Column("next_review", sa.Date(), nullable=True),
        sa.Column("user_id", sa.Integer(), sa.ForeignKey("users.id"), nullable=True),
        sa.Column("at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_placement_reviews_placement", "placement_reviews", ["placement_id"])
    op.create_table(
        "log_entries",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("uuid", sa.String(36), nullable=False, unique=True),
        sa.Column("facility_id", sa.Integer(), sa.ForeignKey("facilities.id"), nullable=True),
        sa.Column("case_id", sa.Integer(), sa.ForeignKey("cases.id"), nullable=True),
        sa.Column("on_date", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("serious", sa.Boolean(), nullable=False),
        sa.Column("family_member", sa.String(200), nullable=False, server_default=""),
        sa.Column("contact_how", sa.String(20), nullable=False, server_default=""),
        sa.Column("written_by", sa.Integer(), sa.ForeignKey("users.id"), nullable=True),
        sa.Column("writer_name", sa.String(200), nullable=False, server_default=""),
        sa.Column("written_at", sa.DateTime(), nullable=False),
        sa.Column("followed_up_by", sa.Integer(), sa.ForeignKey("users.id"), nullable=True),
        sa.Column("followed_up_at", sa.DateTime(), nullable=True),
        sa.Column("follow_up_note", sa.Text(), nullable=False, server_default=""),
    )
    op.create_index("ix_log_entries_facility", "log_entries", ["facility_id", "on_date"])
    op.create_index("ix_log_entries_case", "log_entries", ["case_id"])


def downgrade() -> None:
    for index, table in (
        ("ix_log_entries_case", "log_entries"),
        ("ix_log_entries_facility", "log_entries"),
        ("ix_placement_reviews_placement", "placement_reviews"),
        ("ix_placements_facility", "placements"),
        ("ix_placements_case", "placements"),
    ):
        op.drop_index(index, table)
    for table in ("log_entries", "placement_reviews", "placements", "facility_staff", "facilities"):
        op.drop_table(table)
