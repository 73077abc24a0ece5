"""The series key index ends with the fact id, so a figure's lowest or highest report is one seek.

Revision ID: 0017
Revises: 0016

A series draws one point per period from its figure's extremes (store/figures.py). Reports of a
figure often tie (ten posts repeat one price), and PostgreSQL's (series_key, value) index left the
tie to a sort of every tied report; (series_key, value, id) orders them already. SQLite's index
ended with the rowid anyway; it is rebuilt alike so both schemas say the same.
"""

from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None


def _series_key_index(*columns: str) -> None:
    op.drop_index("ix_facts_series_key", "fact_rows")
    key = 'series_key COLLATE "C"' if op.get_bind().dialect.name == "postgresql" else "series_key"
    op.execute(f"CREATE INDEX ix_facts_series_key ON fact_rows ({', '.join((key, *columns))})")


def upgrade() -> None:
    _series_key_index("value", "id")


def downgrade() -> None:
    _series_key_index("value")
