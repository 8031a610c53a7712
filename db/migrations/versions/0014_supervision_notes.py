"""Supervision notes: a supervisor's record of a session with a caseworker (Standard 15,
indicator 15.8), kept apart from the case files.

Revision ID: 0014
"""

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "supervision_notes",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("worker_id", sa.Integer(), sa.ForeignKey("users.id"), nullable=False),
        sa.Column("supervisor_id", sa.Integer(), sa.ForeignKey("users.id"), nullable=True),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("case_ids", sa.Text(), nullable=False),
        sa.Column("decisions", sa.Text(), nullable=False),
        sa.Column("follow_up", sa.Text(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_supervision_notes_worker", "supervision_notes", ["worker_id", "held_on"])


def downgrade() -> None:
    op.drop_index("ix_supervision_notes_worker", "supervision_notes")
    op.drop_table("supervision_notes")
