"""The current schema: what the migrations make of an empty database is what the code declares."""

from __future__ import annotations

import sqlalchemy as sa

from hall.store import SCHEMA_VERSION, Store
from hall.store.schema import METADATA
from tests.hall.store.conftest import Target


def test_empty_database_gets_the_current_schema(target: Target, store: Store) -> None:
    assert store.schema_version() == SCHEMA_VERSION
    engine = target.raw_engine()
    try:
        inspector = sa.inspect(engine)
        assert set(inspector.get_table_names()) == set(METADATA.tables)
        for table in METADATA.tables.values():
            columns = {c["name"] for c in inspector.get_columns(table.name)}
            assert columns == set(table.c.keys()), table.name
            # PostgreSQL lists the index behind a UNIQUE constraint too; only declared ones count.
            found = inspector.get_indexes(table.name)
            indexes = {i["name"] for i in found if not i.get("duplicates_constraint")}
            assert indexes == {i.name for i in table.indexes}, table.name
    finally:
        engine.dispose()
