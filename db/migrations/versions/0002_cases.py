"""Cases, case numbers and the accent-folded FTS5 search index.

Revision ID: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "case_number_counters",
        sa.Column("year", sa.Integer(), primary_key=True, autoincrement=False),
        sa.Column("last", sa.Integer(), nullable=False),
    )
    op.create_table(
        "cases",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("uuid", sa.String(36), nullable=False, unique=True),
        sa.Column("case_number", sa.String(40), nullable=False, unique=True),
        sa.Column("given_name", sa.String(200), nullable=False),
        sa.Column("family_name", sa.String(200), nullable=False),
        sa.Column("sex", sa.String(10), nullable=False),
        sa.Column("birth_date", sa.Date(), nullable=True),
        sa.Column("birth_date_estimated", sa.Boolean(), nullable=False),
        sa.Column("location", sa.String(200), nullable=False),
        sa.Column("risk", sa.String(10), nullable=True),
        sa.Column("stage", sa.String(30), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("caseworker_id", sa.Integer(), sa.ForeignKey("users.id"), nullable=True),
        sa.Column("registered_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_cases_caseworker", "cases", ["caseworker_id", "registered_at"])
    op.create_index("ix_cases_registered", "cases", ["registered_at"])
    op.create_index("ix_cases_status_stage", "cases", ["status", "stage"])
    op.create_index("ix_cases_risk", "cases", ["risk"])
    op.create_index("ix_cases_updated", "cases", ["updated_at"])
    # rowid = cases.id; the text is folded in Python (db.search) so that œ/æ/ß match too.
    op.execute(
        "CREATE VIRTUAL TABLE case_search USING fts5("
        "text, tokenize = 'unicode61 remove_diacritics 2')"
    )


def downgrade() -> None:
    op.execute("DROP TABLE case_search")
    op.drop_table("cases")
    op.drop_table("case_number_counters")
