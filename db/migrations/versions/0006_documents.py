"""Printed case documents and the signed copies filed back against them.

Revision ID: 0006
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "printed_documents",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("case_id", sa.Integer(), sa.ForeignKey("cases.id"), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(20), nullable=False),
        sa.Column("language", sa.String(10), nullable=False),
        sa.Column("printed_by", sa.Integer(), sa.ForeignKey("users.id"), nullable=True),
        sa.Column("printed_at", sa.DateTime(), nullable=False),
        sa.Column("times", sa.Integer(), nullable=False, server_default="1"),
        sa.UniqueConstraint("case_id", "kind", "code", name="uq_printed_documents_code"),
    )
    op.create_table(
        "signed_copies",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("case_id", sa.Integer(), sa.ForeignKey("cases.id"), nullable=False),
        sa.Column(
            "document_id", sa.Integer(), sa.ForeignKey("printed_documents.id"), nullable=False
        ),
        sa.Column("file_name", sa.String(200), nullable=False),
        sa.Column("media_type", sa.String(40), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.Column("added_by", sa.Integer(), sa.ForeignKey("users.id"), nullable=True),
        sa.Column("added_at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_signed_copies_case", "signed_copies", ["case_id"])


def downgrade() -> None:
    op.drop_index("ix_signed_copies_case", "signed_copies")
    op.drop_table("signed_copies")
    op.drop_table("printed_documents")
