"""The send history: SQLite, written before each request leaves, never losing a row.

Trap: every process (the window, a CLI) opens its own connection; WAL lets readers and one
writer work at once, and ``busy_timeout`` makes a second writer wait instead of failing.
"""

import csv
import io
import json
import os
import socket
import sqlite3
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from viber_desktop.core.history import (
    CRASHED_NOTE,
    RESPONSE_CAP,
    HistoryEntry,
    HistoryFilter,
)
from viber_desktop.core.outcomes import ApiResult
from viber_desktop.core.statuses import status_info
from viber_desktop.services.atomic import write_atomic
from viber_desktop.services.paths import data_dir

SCHEMA_VERSION = 2
HOUR = 3600.0

_V1 = """
CREATE TABLE history (
    id INTEGER PRIMARY KEY,
    created_ts REAL NOT NULL,
    profile TEXT NOT NULL,
    api_url TEXT NOT NULL,
    endpoint TEXT NOT NULL,
    receiver TEXT NOT NULL,
    msg_type TEXT NOT NULL,
    sender_name TEXT NOT NULL,
    request_body TEXT NOT NULL,
    body_bytes INTEGER NOT NULL,
    outcome TEXT NOT NULL,
    status INTEGER,
    status_message TEXT,
    message_token TEXT,
    billing_status INTEGER,
    chat_hostname TEXT,
    response_body TEXT,
    duration_ms REAL,
    error TEXT
);
CREATE INDEX history_time ON history(created_ts);
"""
_V2 = """
ALTER TABLE history ADD COLUMN pid INTEGER;
ALTER TABLE history ADD COLUMN host TEXT;
CREATE INDEX history_receiver_time ON history(receiver, created_ts);
CREATE INDEX history_outcome ON history(outcome);
CREATE VIRTUAL TABLE history_fts USING fts5(
    request_body, response_body, content='history', content_rowid='id', tokenize='trigram');
INSERT INTO history_fts(rowid, request_body, response_body)
    SELECT id, request_body, coalesce(response_body, '') FROM history;
CREATE TRIGGER history_ai AFTER INSERT ON history BEGIN
    INSERT INTO history_fts(rowid, request_body, response_body)
    VALUES (new.id, new.request_body, coalesce(new.response_body, ''));
END;
CREATE TRIGGER history_ad AFTER DELETE ON history BEGIN
    INSERT INTO history_fts(history_fts, rowid, request_body, response_body)
    VALUES ('delete', old.id, old.request_body, coalesce(old.response_body, ''));
END;
CREATE TRIGGER history_au AFTER UPDATE OF response_body ON history BEGIN
    INSERT INTO history_fts(history_fts, rowid, request_body, response_body)
    VALUES ('delete', old.id, old.request_body, coalesce(old.response_body, ''));
    INSERT INTO history_fts(rowid, request_body, response_body)
    VALUES (new.id, new.request_body, coalesce(new.response_body, ''));
END;
"""
MIGRATIONS = {1: _V1, 2: _V2}
_COLUMNS = (
    "id, created_ts, profile, api_url, endpoint, receiver, msg_type, sender_name, "
    "request_body, body_bytes, outcome, status, status_message, message_token, "
    "billing_status, chat_hostname, response_body, duration_ms, error"
)


class HistoryError(Exception):
    """The history database cannot be used (disk full, read-only, newer schema...)."""


class HistoryStore:
    """The history database. Thread-safe: one connection guarded by a lock.

    Args:
        path: the database file (default: ``history.sqlite3`` in the data directory).
    """

    def __init__(self, path: Path | str | None = None) -> None:
        self.path = Path(path) if path else data_dir() / "history.sqlite3"
        self._lock = threading.RLock()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(
                self.path, timeout=10, check_same_thread=False, isolation_level=None
            )
            self._db.execute("PRAGMA busy_timeout = 10000")
            self._db.execute("PRAGMA journal_mode = WAL")
            self._db.execute("PRAGMA synchronous = NORMAL")
            self._migrate()
            self.recover_crashed()
        except sqlite3.Error as exc:
            raise HistoryError(f"cannot open the history at {self.path}: {exc}") from None

    def close(self) -> None:
        with self._lock:
            self._db.close()

    @contextmanager
    def _tx(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

    def _migrate(self) -> None:
        with self._tx() as db:
            version = db.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                raise HistoryError(
                    f"the history at {self.path} was written by a newer viber-desktop (schema "
                    f"{version}, this one knows {SCHEMA_VERSION}); update the app"
                )
            for step in range(version + 1, SCHEMA_VERSION + 1):
                for statement in _split(MIGRATIONS[step]):
                    db.execute(statement)
                db.execute(f"PRAGMA user_version = {step}")

    @property
    def schema_version(self) -> int:
        with self._lock:
            return int(self._db.execute("PRAGMA user_version").fetchone()[0])

    # --- writing -------------------------------------------------------------------------

    def record_pending(
        self, *, profile: str, api_url: str, endpoint: str, body: bytes, payload: Any
    ) -> int:
        """Record a request before it goes out; HistoryError means: do not send."""
        msg = payload if isinstance(payload, dict) else {}
        raw_sender = msg.get("sender")
        sender: dict[str, Any] = raw_sender if isinstance(raw_sender, dict) else {}
        kind = (
            msg.get("type")
            if isinstance(msg.get("type"), str)
            else ("keyboard" if "keyboard" in msg else "")
        )
        row = (
            time.time(),
            profile,
            api_url,
            endpoint,
            str(msg.get("receiver", "")),
            kind,
            str(sender.get("name", "")),
            body.decode("utf-8"),
            len(body),
            "pending",
            os.getpid(),
            socket.gethostname(),
        )
        try:
            with self._tx() as db:
                cur = db.execute(
                    "INSERT INTO history (created_ts, profile, api_url, endpoint, receiver, "
                    "msg_type, sender_name, request_body, body_bytes, outcome, pid, host) "
                    "VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                    row,
                )
                return int(cur.lastrowid or 0)
        except sqlite3.Error as exc:
            raise HistoryError(
                f"cannot record the send in the history ({exc}); nothing was sent"
            ) from None

    def record_result(self, entry_id: int, result: ApiResult) -> None:
        """Store the outcome of the request recorded as ``entry_id``."""
        response = result.raw_response
        if response is not None and len(response) > RESPONSE_CAP:
            response = response[:RESPONSE_CAP] + f"\n[cut at {RESPONSE_CAP} characters]"
        with self._tx() as db:
            db.execute(
                "UPDATE history SET outcome=?, status=?, status_message=?, message_token=?, "
                "billing_status=?, chat_hostname=?, response_body=?, duration_ms=?, error=? "
                "WHERE id=?",
                (
                    result.outcome,
                    result.status,
                    result.status_message,
                    None if result.message_token is None else str(result.message_token),
                    result.billing_status,
                    result.chat_hostname,
                    response,
                    result.duration_ms,
                    result.error,
                    entry_id,
                ),
            )

    def recover_crashed(self) -> int:
        """Mark pending rows of processes that are gone as ``unknown``; return how many."""
        host = socket.gethostname()
        with self._lock:
            rows = self._db.execute(
                "SELECT id, pid, host FROM history WHERE outcome='pending'"
            ).fetchall()
        dead = [r[0] for r in rows if r[2] != host or not _alive(r[1])]
        if dead:
            with self._tx() as db:
                db.executemany(
                    "UPDATE history SET outcome='unknown', error=? WHERE id=? "
                    "AND outcome='pending'",
                    [(CRASHED_NOTE, i) for i in dead],
                )
        return len(dead)

    def delete(self, ids: Sequence[int]) -> None:
        with self._tx() as db:
            db.executemany("DELETE FROM history WHERE id=?", [(i,) for i in ids])

    def clear(self) -> None:
        with self._tx() as db:
            db.execute("DELETE FROM history")

    # --- reading -------------------------------------------------------------------------

    def query(
        self,
        flt: HistoryFilter | None = None,
        *,
        limit: int = 100,
        offset: int = 0,
        before_id: int | None = None,
    ) -> list[HistoryEntry]:
        """Entries matching ``flt``, newest first; ``before_id`` pages without OFFSET scans."""
        where, params = _where(flt or HistoryFilter())
        if before_id is not None:
            where = f"{where} AND id < ?" if where else "WHERE id < ?"
            params.append(before_id)
        sql = f"SELECT {_COLUMNS} FROM history {where} ORDER BY id DESC LIMIT ? OFFSET ?"
        with self._lock:
            rows = self._db.execute(sql, (*params, limit, offset)).fetchall()
        return [_entry(r) for r in rows]

    def count(self, flt: HistoryFilter | None = None) -> int:
        where, params = _where(flt or HistoryFilter())
        with self._lock:
            return int(
                self._db.execute(f"SELECT count(*) FROM history {where}", params).fetchone()[0]
            )

    def get(self, entry_id: int) -> HistoryEntry | None:
        with self._lock:
            row = self._db.execute(
                f"SELECT {_COLUMNS} FROM history WHERE id=?", (entry_id,)
            ).fetchone()
        return _entry(row) if row else None

    def receivers(self, prefix: str = "", limit: int = 50) -> list[str]:
        """Receivers used before, most recent first (for completion)."""
        with self._lock:
            rows = self._db.execute(
                "SELECT receiver FROM history WHERE receiver LIKE ? ESCAPE '\\' "
                "GROUP BY receiver ORDER BY max(id) DESC LIMIT ?",
                (_like_prefix(prefix), limit),
            ).fetchall()
        return [r[0] for r in rows]

    def sent_last_hour(self, receiver: str, now: float | None = None) -> int:
        """Messages this app may have delivered to ``receiver`` in the last 60 minutes."""
        now = time.time() if now is None else now
        with self._lock:
            return int(
                self._db.execute(
                    "SELECT count(*) FROM history WHERE receiver=? AND created_ts>? AND "
                    "endpoint='send_message' AND outcome IN ('ok','pending','unknown')",
                    (receiver, now - HOUR),
                ).fetchone()[0]
            )

    def limited_until(self, receiver: str, now: float | None = None) -> float | None:
        """When a status 12 answer for ``receiver`` stops applying (None when not limited)."""
        now = time.time() if now is None else now
        with self._lock:
            row = self._db.execute(
                "SELECT max(created_ts) FROM history WHERE receiver=? AND status=12", (receiver,)
            ).fetchone()
        until = row[0] + HOUR if row and row[0] is not None else None
        return until if until is not None and until > now else None

    # --- export --------------------------------------------------------------------------

    def export(self, path: Path, flt: HistoryFilter | None = None) -> int:
        """Write matching entries to ``path`` (.jsonl or .csv, by extension); return count."""
        suffix = path.suffix.lower()
        if suffix not in (".jsonl", ".csv"):
            raise HistoryError(f"cannot export to {path.name}: use a .jsonl or .csv file name")
        entries: list[HistoryEntry] = []
        while batch := self.query(flt, limit=5000, before_id=entries[-1].id if entries else None):
            entries.extend(batch)
        if suffix == ".jsonl":
            text = "".join(json.dumps(e.as_json(), ensure_ascii=False) + "\n" for e in entries)
        else:
            text = _csv(entries)
        try:
            write_atomic(path, text.encode("utf-8"))
        except OSError as exc:
            raise HistoryError(f"cannot write {path}: {exc.strerror}") from None
        return len(entries)


def _csv(entries: Sequence[HistoryEntry]) -> str:
    out = io.StringIO()
    fields = list(HistoryEntry.model_fields)
    writer = csv.DictWriter(out, fieldnames=fields)
    writer.writeheader()
    for e in entries:
        row = e.model_dump(mode="json")
        row["message_token"] = "" if e.message_token is None else str(e.message_token)
        writer.writerow(row)
    return out.getvalue()


def _split(script: str) -> list[str]:
    """Split a migration script into statements (triggers contain ``;`` inside BEGIN/END)."""
    statements, current = [], ""
    for line in script.strip().splitlines():
        current += line + "\n"
        if sqlite3.complete_statement(current):
            statements.append(current.strip())
            current = ""
    return statements


def _where(flt: HistoryFilter) -> tuple[str, list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    for column, value in (
        ("profile", flt.profile),
        ("receiver", flt.receiver),
        ("outcome", flt.outcome),
        ("msg_type", flt.type),
    ):
        if value:
            clauses.append(f"{column}=?")
            params.append(value)
    if flt.since:
        clauses.append("created_ts>=?")
        params.append(flt.since.timestamp())
    if flt.until:
        clauses.append("created_ts<?")
        params.append(flt.until.timestamp())
    if flt.text:
        if len(flt.text) >= 3:
            clauses.append("id IN (SELECT rowid FROM history_fts WHERE history_fts MATCH ?)")
            params.append('"' + flt.text.replace('"', '""') + '"')
        else:
            clauses.append("(request_body LIKE ? ESCAPE '\\' OR response_body LIKE ? ESCAPE '\\')")
            params += [_like_contains(flt.text)] * 2
    return ("WHERE " + " AND ".join(clauses)) if clauses else "", params


def _like_prefix(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _like_contains(text: str) -> str:
    return "%" + _like_prefix(text)


def _entry(r: Sequence[Any]) -> HistoryEntry:
    status = r[11]
    return HistoryEntry(
        id=r[0],
        time=datetime.fromtimestamp(r[1], UTC),
        profile=r[2],
        api_url=r[3],
        endpoint=r[4],
        receiver=r[5],
        type=r[6],
        sender_name=r[7],
        request=r[8],
        bytes=r[9],
        outcome=r[10],
        status=status,
        status_name=None if status is None else status_info(status).name,
        status_message=r[12],
        message_token=None if r[13] is None else int(r[13]),
        billing_status=r[14],
        chat_hostname=r[15],
        response=r[16],
        duration_ms=r[17],
        error=r[18],
    )


def _alive(pid: int | None) -> bool:
    if not pid:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
