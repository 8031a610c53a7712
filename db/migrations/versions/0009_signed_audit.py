"""Forward-secure audit signatures: each event may carry an Ed25519 signature and the public
key of the next event's seed (see `db.audit`). Events already written keep their hashes and stay
unsigned; signing starts at the root event the store appends on its next open.

Revision ID: 0009
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("audit_events") as batch:
        batch.add_column(sa.Column("next_key", sa.String(64), nullable=True))
        batch.add_column(sa.Column("sig", sa.String(128), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("audit_events") as batch:
        batch.drop_column("sig")
        batch.drop_column("next_key")
