"""SQLite helpers the stores share: one write transaction rolled back whole on any failure, and
migration scripts split into statements."""

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager, suppress


@contextmanager
def immediate(db: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """``BEGIN IMMEDIATE`` … ``COMMIT``; on any exception, ``ROLLBACK`` and re-raise."""
    db.execute("BEGIN IMMEDIATE")
    try:
        yield db
        db.execute("COMMIT")
    except BaseException:
        # Trap: a failed COMMIT (disk full) leaves the transaction open; without this
        # ROLLBACK every later BEGIN would fail too.
        if db.in_transaction:
            with suppress(sqlite3.Error):
                db.execute("ROLLBACK")
        raise


def statements(script: str) -> list[str]:
    """Split a migration script into statements (triggers contain ``;`` inside BEGIN/END)."""
    found, current = [], ""
    for line in script.strip().splitlines():
        current += line + "\n"
        if sqlite3.complete_statement(current):
            found.append(current.strip())
            current = ""
    return found
