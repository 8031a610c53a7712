"""Who held a case when (each reassignment: from, to, by whom, when, why), and contact notes:
the short dated notes of the everyday work between formal forms (a call, a visit, a meeting).

A contact note is never changed in place: an edit by its author adds a revision, so what was
first written stays readable.

Revision ID: 0012
"""

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "case_assignments",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("case_id", sa.Integer(), sa.ForeignKey("cases.id"), nullable=False),
        sa.Column("from_user_id", sa.Integer(), sa.ForeignKey("users.id"), nullable=True),
        sa.Column("to_user_id", sa.Integer(), sa.ForeignKey("users.id"), nullable=False),
        sa.Column("by_user_id", sa.Integer(), sa.ForeignKey("users.id"), nullable=True),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False, server_default=""),
    )
    op.create_index("ix_case_assignments_case", "case_assignments", ["case_id"])
    op.create_table(
        "contact_notes",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("case_id", sa.Integer(), sa.ForeignKey("cases.id"), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("happened_on", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("contact", sa.String(200), nullable=False, server_default=""),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("author_id", sa.Integer(), sa.ForeignKey("users.id"), nullable=True),
        sa.Column("author_name", sa.String(200), nullable=False, server_default=""),
        sa.Column("agency_code", sa.String(20), nullable=False, server_default=""),
        sa.Column("written_at", sa.DateTime(), nullable=False),
        sa.UniqueConstraint("case_id", "number", "revision", name="uq_contact_notes_revision"),
    )
    op.create_index("ix_contact_notes_case", "contact_notes", ["case_id"])


def downgrade() -> None:
    op.drop_index("ix_contact_notes_case", "contact_notes")
    op.drop_table("contact_notes")
    op.drop_index("ix_case_assignments_case", "case_assignments")
    op.drop_table("case_assignments")
