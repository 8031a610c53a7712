"""Guided forms: form definitions as answered, form answers per case, registration place.

Revision ID: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("cases") as batch:
        batch.add_column(
            sa.Column("registration_place", sa.String(200), nullable=False, server_default="")
        )
    op.create_table(
        "form_definitions",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("form_id", sa.String(60), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("digest", sa.String(64), nullable=False, unique=True),
        sa.Column("definition", sa.Text(), nullable=False),
        sa.Column("added_at", sa.DateTime(), nullable=False),
    )
    op.create_table(
        "form_submissions",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("case_id", sa.Integer(), sa.ForeignKey("cases.id"), nullable=False),
        sa.Column("form_id", sa.String(60), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column(
            "definition_id", sa.Integer(), sa.ForeignKey("form_definitions.id"), nullable=False
        ),
        sa.Column("answers", sa.Text(), nullable=False),
        sa.Column("changed", sa.Text(), nullable=False),
        sa.Column("submitted_by", sa.Integer(), sa.ForeignKey("users.id"), nullable=True),
        sa.Column("submitted_at", sa.DateTime(), nullable=False),
        sa.UniqueConstraint("case_id", "form_id", "revision", name="uq_form_submissions_revision"),
    )


def downgrade() -> None:
    op.drop_table("form_submissions")
    op.drop_table("form_definitions")
    with op.batch_alter_table("cases") as batch:
        batch.drop_column("registration_place")
