"""One write transaction on an SQLite connection, rolled back whole on any failure."""

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
