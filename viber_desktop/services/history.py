"""The send history: SQLite, written before each request leaves, never losing a row.

Trap: every process (the window, a CLI) opens its own connection; WAL lets readers and one
writer work at once, and ``busy_timeout`` makes a second writer wait instead of failing.
Values come from hostile answers: out-of-range integers and lone surrogates are turned into
something SQLite can hold (see ``_int_cell`` and ``_text``) instead of raising.
"""

from __future__ import annotations

import io
import json
import os
import sqlite3
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from viber_desktop.core.history import CRASHED_NOTE, RESPONSE_CAP, STATES
from viber_desktop.core.i18n import _
from viber_desktop.core.statuses import status_info
from viber_desktop.services.atomic import write_atomic
from viber_desktop.services.paths import DATA_DIR_ENV, data_dir
from viber_desktop.services.sqlite_tx import immediate, statements

if TYPE_CHECKING:  # the records load on first use: opening the history at start reads none
    from viber_desktop.core.api_result import ApiResult
    from viber_desktop.core.history_records import HistoryEntry, HistoryFilter, HistorySummary

SCHEMA_VERSION = 3
HOUR = 3600.0
BUSY_MS = 10_000
"""How long a write waits for another writer before a request is sent (nothing is lost yet)."""
RESULT_BUSY_MS = 3_000
"""How long storing an answer waits: the user is waiting for the result, shown either way."""
SETTLE_BUSY_MS = 1_000

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
_V3 = """
CREATE TABLE recent_receivers (
    receiver TEXT PRIMARY KEY,
    last_id INTEGER NOT NULL,
    last_ts REAL NOT NULL
) WITHOUT ROWID;
CREATE INDEX recent_receivers_last ON recent_receivers(last_id);
INSERT INTO recent_receivers (receiver, last_id, last_ts)
    SELECT receiver, max(id), created_ts FROM history GROUP BY receiver;
CREATE TRIGGER recent_receivers_ai AFTER INSERT ON history BEGIN
    INSERT INTO recent_receivers (receiver, last_id, last_ts)
    VALUES (new.receiver, new.id, new.created_ts)
    ON CONFLICT (receiver) DO UPDATE SET last_id = excluded.last_id, last_ts = excluded.last_ts
    WHERE excluded.last_id > last_id;
END;
CREATE TRIGGER recent_receivers_ad AFTER DELETE ON history
WHEN old.id = (SELECT last_id FROM recent_receivers WHERE receiver = old.receiver) BEGIN
    DELETE FROM recent_receivers WHERE receiver = old.receiver;
    INSERT INTO recent_receivers (receiver, last_id, last_ts)
        SELECT receiver, max(id), created_ts FROM history WHERE receiver = old.receiver
        GROUP BY receiver;
END;
"""
"""One row per receiver with its newest send, so ``receivers()`` reads 50 rows, not the history
(17-19 ms at 100,000 rows). Triggers keep it in the same transaction as every insert and delete.

Trap: in ``SELECT x, max(id) ... GROUP BY``, SQLite takes the bare column ``x`` from the row
holding the max; the newest row's time comes with its id. The triggers live in the file, so a
CLI or any other connection writing rows keeps the table right too.
"""
MIGRATIONS = {1: _V1, 2: _V2, 3: _V3}
SPEED_INDEX = "history_outcome_billing"
"""A covering index for ``summary()``.

Trap: it does not replace history_outcome, which keeps an outcome filter in id order (without
it, "outcome + profile, newest 100" sorts every match: 1 ms became 125 ms at 100,000 rows).

Indexes only speed up reads, so this one is added when missing, outside the schema version:
an older app still opens the file.
"""
_COLUMNS = (
    "id, created_ts, profile, api_url, endpoint, receiver, msg_type, sender_name, "
    "request_body, body_bytes, outcome, status, status_message, message_token, "
    "billing_status, chat_hostname, response_body, duration_ms, error"
)


class HistoryError(Exception):
    """The history database cannot be used (disk full, read-only, newer schema...).

    ``reason`` is a short plain phrase (e.g. "the disk is full") to put into a sentence.
    """

    def __init__(self, message: str, reason: str = ""):
        super().__init__(message)
        self.reason = reason or _("the history file could not be written")


def _folder_error(folder: Path, exc: OSError) -> HistoryError:
    """Plain words for a history folder that cannot be created or used (e.g. it is a file)."""
    why = _("a file, not a folder, is in the way") if isinstance(exc, FileExistsError) else None
    why = why or exc.strerror or type(exc).__name__
    return HistoryError(
        _(
            "the history cannot be saved: the folder {folder} cannot be used ({why}). Set "
            "{variable} to a folder you can write to, or fix the folder's permissions"
        ).format(folder=repr(str(folder)), why=why, variable=DATA_DIR_ENV),
        _("the history folder cannot be used"),
    )


class HistoryStore:
    """The history database. Thread-safe: one connection guarded by a lock.

    Args:
        path: the database file (default: ``history.sqlite3`` in the data directory).
    """

    def __init__(self, path: Path | str | None = None) -> None:
        self.path = Path(path) if path else data_dir() / "history.sqlite3"
        self._lock = threading.RLock()
        self._unsettled: dict[int, str] = {}
        """Rows whose answer could not be stored, to mark ``unknown`` at the next chance."""
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise _folder_error(self.path.parent, exc) from None
        try:
            self._db = sqlite3.connect(
                self.path, timeout=10, check_same_thread=False, isolation_level=None
            )
            self._db.execute(f"PRAGMA busy_timeout = {BUSY_MS}")
            self._db.execute("PRAGMA journal_mode = WAL")
            self._db.execute("PRAGMA synchronous = NORMAL")
            self._migrate()
            self.recover_crashed()
        except sqlite3.Error as exc:
            raise HistoryError(
                _("cannot open the history at {path}: {problem}").format(
                    path=self.path, problem=exc
                )
            ) from None

    def close(self) -> None:
        with self._lock:
            self._settle_pending_marks()
            self._db.close()

    @contextmanager
    def _tx(self, busy_ms: int = BUSY_MS) -> Iterator[sqlite3.Connection]:
        with self._lock:
            if busy_ms != BUSY_MS:
                self._db.execute(f"PRAGMA busy_timeout = {busy_ms}")
            try:
                with immediate(self._db) as db:
                    yield db
            finally:
                if busy_ms != BUSY_MS:
                    with suppress(sqlite3.Error):
                        self._db.execute(f"PRAGMA busy_timeout = {BUSY_MS}")

    def _migrate(self) -> None:
        with self._tx() as db:
            version = db.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                raise HistoryError(
                    _(
                        "the history at {path} was written by a newer viber-desktop (schema "
                        "{version}, this one knows {known}); update the app"
                    ).format(path=self.path, version=version, known=SCHEMA_VERSION)
                )
            for step in range(version + 1, SCHEMA_VERSION + 1):
                for statement in statements(MIGRATIONS[step]):
                    db.execute(statement)
                db.execute(f"PRAGMA user_version = {step}")
            has_index = db.execute(
                "SELECT 1 FROM sqlite_master WHERE type='index' AND name=?", (SPEED_INDEX,)
            ).fetchone()
            if not has_index:
                with suppress(sqlite3.Error):  # a read-only file: slower summaries, no harm
                    db.execute(f"CREATE INDEX {SPEED_INDEX} ON history(outcome, billing_status)")

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        """Run a read; text that is not UTF-8 (a file written by another program) is escaped.

        Trap: a ``text_factory`` on every read would slow the first page; it is set only for
        the retry after sqlite3 failed to decode.
        """
        with self._lock:
            try:
                return self._db.execute(sql, params).fetchall()
            except sqlite3.OperationalError as exc:
                if "decode" not in str(exc):
                    raise
                self._db.text_factory = _decode_text
                try:
                    return self._db.execute(sql, params).fetchall()
                finally:
                    self._db.text_factory = str

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
            _label(profile),
            _label(api_url),
            _label(endpoint),
            _label(msg.get("receiver", "")),
            _label(kind),
            _label(sender.get("name", "")),
            body.decode("utf-8", "backslashreplace"),
            len(body),
            "pending",
            os.getpid(),
            host_name(),
        )
        self._settle_pending_marks()
        try:
            with self._tx() as db:
                cur = db.execute(
                    "INSERT INTO history (created_ts, profile, api_url, endpoint, receiver, "
                    "msg_type, sender_name, request_body, body_bytes, outcome, pid, host) "
                    "VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                    row,
                )
                return int(cur.lastrowid or 0)
        except (sqlite3.Error, OSError, ValueError) as exc:
            reason = write_problem(exc)
            raise HistoryError(
                _(
                    "The send could not be recorded in the history ({reason}), so nothing was "
                    "sent. Free some disk space or close other programs using the history, then "
                    "try again."
                ).format(reason=reason),
                reason,
            ) from None

    def record_result(self, entry_id: int, result: ApiResult) -> None:
        """Store the outcome of the request recorded as ``entry_id``.

        Waits at most ``RESULT_BUSY_MS`` for another writer; raises HistoryError (with a
        plain ``reason``) when the row cannot be updated.
        """
        response = result.raw_response
        if response is not None and len(response) > RESPONSE_CAP:
            response = (
                response[:RESPONSE_CAP]
                + "\n"
                + _("[cut at {count} characters]").format(count=RESPONSE_CAP)
            )
        row = (
            result.outcome,
            _int_cell(result.status),
            _text(result.status_message),
            _token_cell(result.message_token),
            _int_cell(result.billing_status),
            _text(result.chat_hostname),
            _text(response),
            result.duration_ms,
            _text(result.error),
            entry_id,
        )
        self._settle_pending_marks()
        try:
            with self._tx(RESULT_BUSY_MS) as db:
                db.execute(
                    "UPDATE history SET outcome=?, status=?, status_message=?, message_token=?, "
                    "billing_status=?, chat_hostname=?, response_body=?, duration_ms=?, error=? "
                    "WHERE id=?",
                    row,
                )
        except (sqlite3.Error, OSError, ValueError) as exc:
            reason = write_problem(exc)
            raise HistoryError(
                _("The answer could not be stored in the history ({reason}).").format(
                    reason=reason
                ),
                reason,
            ) from None

    def settle_unknown(self, entry_id: int, note: str) -> bool:
        """Mark a pending row ``unknown`` with ``note`` (its answer could not be stored).

        Never raises. When even this minimal update fails, the row is marked at the next
        write or at close; if the process dies first, ``recover_crashed`` marks it.
        Returns whether the row was marked now.
        """
        with self._lock:
            self._unsettled[entry_id] = _text(note) or ""
            self._settle_pending_marks(SETTLE_BUSY_MS)
            return entry_id not in self._unsettled

    def _settle_pending_marks(self, busy_ms: int = SETTLE_BUSY_MS) -> None:
        if not self._unsettled:
            return
        with self._lock:
            marks = list(self._unsettled.items())
            try:
                with self._tx(busy_ms) as db:
                    db.executemany(
                        "UPDATE history SET outcome='unknown', error=? WHERE id=? "
                        "AND outcome='pending'",
                        [(note, i) for i, note in marks],
                    )
            except (sqlite3.Error, OSError, ValueError):
                return
            for i, _ in marks:
                self._unsettled.pop(i, None)

    def recover_crashed(self) -> int:
        """Mark pending rows of processes that are gone as ``unknown``; return how many."""
        host = host_name()
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
                    [(_(CRASHED_NOTE), i) for i in dead],
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
        from viber_desktop.core.history_records import HistoryFilter

        where, params = _where(flt or HistoryFilter())
        if before_id is not None:
            where = f"{where} AND id < ?" if where else "WHERE id < ?"
            params.append(before_id)
        sql = f"SELECT {_COLUMNS} FROM history {where} ORDER BY id DESC LIMIT ? OFFSET ?"
        return [_entry(r) for r in self._rows(sql, (*params, limit, offset))]

    def summary(self, flt: HistoryFilter | None = None) -> HistorySummary:
        """Counts of the entries matching ``flt``: by outcome and by billing status."""
        from viber_desktop.core.history_records import HistoryFilter, HistorySummary

        where, params = _where(flt or HistoryFilter())
        sql = (
            f"SELECT outcome, billing_status, count(*) FROM history {where} "
            "GROUP BY outcome, billing_status"
        )
        rows = self._rows(sql, params)
        return HistorySummary.from_counts((_read_str(o), _read_int(b), n) for o, b, n in rows)

    def count(self, flt: HistoryFilter | None = None) -> int:
        from viber_desktop.core.history_records import HistoryFilter

        where, params = _where(flt or HistoryFilter())
        with self._lock:
            return int(
                self._db.execute(f"SELECT count(*) FROM history {where}", params).fetchone()[0]
            )

    def get(self, entry_id: int) -> HistoryEntry | None:
        rows = self._rows(f"SELECT {_COLUMNS} FROM history WHERE id=?", (entry_id,))
        return _entry(rows[0]) if rows else None

    def receivers(self, prefix: str = "", limit: int = 50) -> list[str]:
        """Receivers used before, most recent first (for completion)."""
        rows = self._rows(
            "SELECT receiver FROM recent_receivers WHERE receiver LIKE ? ESCAPE '\\' "
            "ORDER BY last_id DESC LIMIT ?",
            (_like_prefix(prefix), limit),
        )
        return [_read_str(r[0]) for r in rows]

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
            raise HistoryError(
                _("cannot export to {name}: use a .jsonl or .csv file name").format(name=path.name)
            )
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
            raise HistoryError(
                _("cannot write {path}: {problem}").format(path=path, problem=exc.strerror)
            ) from None
        return len(entries)


def _csv(entries: Sequence[HistoryEntry]) -> str:
    import csv  # only an export needs it (start-up, issue 16)

    from viber_desktop.core.history_records import ENTRY_FIELDS

    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=ENTRY_FIELDS)
    writer.writeheader()
    for e in entries:
        row = e.as_dict()
        row["time"] = _csv_time(e.time)
        row["message_token"] = "" if e.message_token is None else str(e.message_token)
        writer.writerow(row)
    return out.getvalue()


def _csv_time(when: datetime) -> str:
    """ISO 8601 with ``Z`` for UTC, as the CSV export has always written it."""
    text = when.isoformat()
    return text[: -len("+00:00")] + "Z" if text.endswith("+00:00") else text


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


def write_problem(exc: BaseException) -> str:
    """Why a write failed, in a few plain words (for a sentence, not a dump)."""
    name = getattr(exc, "sqlite_errorname", "")
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
        return _("the database is locked by another program")
    if name.startswith("SQLITE_FULL") or getattr(exc, "errno", None) == 28:
        return _("the disk is full")
    if name.startswith("SQLITE_READONLY"):
        return _("the history file is read-only")
    if name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")):
        return _("the history file is damaged")
    return _("the history file could not be written")


def _decode_text(data: bytes) -> str:
    return data.decode("utf-8", "backslashreplace")


def _text(value: str | None) -> str | None:
    """``value`` as SQLite can store it: lone surrogates escaped as ``\\udXXX``."""
    if value is None:
        return None
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return value.encode("utf-8", "backslashreplace").decode("utf-8")
    return value


def _label(value: Any) -> str:
    """A short field of the payload (receiver, sender name...) as text, whatever its type."""
    if isinstance(value, str):
        return _text(value) or ""
    try:
        return _text(str(value)) or ""
    except ValueError:  # an integer over 4,300 digits
        return _("(a number too long to show)")


def _int_cell(value: int | None) -> int | bytes | None:
    """An integer as SQLite holds it: outside 64 bits, its decimal digits in a BLOB.

    Trap: bound as TEXT, digits are turned into a lossy REAL by the column's INTEGER affinity;
    a BLOB is kept as it is. Over 4,300 digits: NULL (the raw answer keeps the number).
    """
    if value is None or -(2**63) <= value < 2**63:
        return value
    try:
        return str(value).encode("ascii")
    except ValueError:
        return None


def _token_cell(value: int | None) -> str | None:
    """The message token as text (exact beyond 64 bits); NULL over 4,300 digits."""
    if value is None:
        return None
    try:
        return str(value)
    except ValueError:
        return None


def _read_int(value: Any) -> int | None:
    """An integer column read back: int, digits (text or BLOB), or None for anything odd."""
    if value is None or type(value) is int:
        return value
    if isinstance(value, float):
        return int(value) if value.is_integer() else None
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _entry(r: Sequence[Any]) -> HistoryEntry:
    from viber_desktop.core.history_records import HistoryEntry

    status = _read_int(r[11])
    return HistoryEntry(
        id=r[0],
        time=_read_time(r[1]),
        profile=_read_str(r[2]),
        api_url=_read_str(r[3]),
        endpoint=_read_str(r[4]),
        receiver=_read_str(r[5]),
        type=_read_str(r[6]),
        sender_name=_read_str(r[7]),
        request=_read_str(r[8]),
        bytes=_read_int(r[9]) or 0,
        outcome=r[10] if r[10] in STATES else "unknown",
        status=status,
        status_name=None if status is None else status_info(status).name,
        status_message=_read_opt_str(r[12]),
        message_token=_read_int(r[13]),
        billing_status=_read_int(r[14]),
        chat_hostname=_read_opt_str(r[15]),
        response=_read_opt_str(r[16]),
        duration_ms=r[17] if type(r[17]) is float else None,
        error=_read_opt_str(r[18]),
    )


def _read_time(value: Any) -> datetime:
    try:
        return datetime.fromtimestamp(value, UTC)
    except (TypeError, ValueError, OverflowError, OSError):
        return datetime.fromtimestamp(0, UTC)


def _read_str(value: Any) -> str:
    if type(value) is str:
        return value
    if isinstance(value, bytes):
        return _decode_text(value)
    return "" if value is None else str(value)


def _read_opt_str(value: Any) -> str | None:
    return None if value is None else _read_str(value)


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


def host_name() -> str:
    """This computer's name, as ``socket.gethostname()`` gives it.

    POSIX's ``uname`` gives the same name without importing socket (2-3 ms of every start).
    """
    if hasattr(os, "uname"):
        return os.uname().nodename
    import socket

    return socket.gethostname()
