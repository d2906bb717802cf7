"""The receiver book: named receivers, test lists, looked-up details and the lookup log.

One SQLite file per user (``receivers.sqlite3`` beside the history), never holding a token.
Trap: as with the history, the window and a CLI each open their own connection; WAL lets
them work at once and ``busy_timeout`` makes a second writer wait. A lookup is reserved in the
same transaction that counts the earlier ones, so two processes cannot both take the last one.
A damaged file, a full disk or a newer schema is a :class:`ReceiverError` in plain words.
"""

import csv
import io
import json
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from viber_desktop.core import receivers as rules
from viber_desktop.core.i18n import N_, _, number
from viber_desktop.core.jsonio import JsonInputError, parse_json
from viber_desktop.core.outcomes import ApiResult
from viber_desktop.core.receiver_records import (
    OnlineEntry,
    Receiver,
    TestList,
    UserDetails,
    decode_online,
)
from viber_desktop.services.atomic import write_atomic
from viber_desktop.services.local_files import read_local_file
from viber_desktop.services.paths import (
    DATA_DIR_ENV,
    RECEIVER_BOOK_FILE,
    data_dir,
    receiver_book_path,
)
from viber_desktop.services.sqlite_tx import immediate, statements

if TYPE_CHECKING:
    from viber_desktop.services.viber_client import ViberClient

SCHEMA_VERSION = 1
FILE_NAME = RECEIVER_BOOK_FILE
BUSY_MS = 10_000

_V1 = """
CREATE TABLE receivers (
    profile TEXT NOT NULL,
    receiver_id TEXT NOT NULL,
    label TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT '',
    tags TEXT NOT NULL DEFAULT '',
    created_ts REAL NOT NULL,
    updated_ts REAL NOT NULL,
    PRIMARY KEY (profile, receiver_id)
);
CREATE TABLE lists (
    profile TEXT NOT NULL,
    name TEXT NOT NULL,
    created_ts REAL NOT NULL,
    PRIMARY KEY (profile, name)
);
CREATE TABLE list_members (
    profile TEXT NOT NULL,
    list_name TEXT NOT NULL,
    receiver_id TEXT NOT NULL,
    position INTEGER NOT NULL,
    PRIMARY KEY (profile, list_name, receiver_id)
);
CREATE TABLE details (
    profile TEXT NOT NULL,
    receiver_id TEXT NOT NULL,
    fetched_ts REAL NOT NULL,
    user TEXT NOT NULL,
    PRIMARY KEY (profile, receiver_id)
);
CREATE TABLE lookups (
    id INTEGER PRIMARY KEY,
    profile TEXT NOT NULL,
    receiver_id TEXT NOT NULL,
    called_ts REAL NOT NULL
);
CREATE INDEX lookups_by_user ON lookups(profile, receiver_id, called_ts);
"""
MIGRATIONS = {1: _V1}


class ReceiverError(Exception):
    """The book cannot be used or the change is refused; the message says why and what to do."""


class LookupRefused(ReceiverError):
    """Viber's lookup limit for this receiver is used up; ``allowed_at`` is when it frees."""

    def __init__(self, message: str, allowed_at: float) -> None:
        super().__init__(message)
        self.allowed_at = allowed_at


@dataclass(frozen=True)
class CachedDetails:
    """A get_user_details answer the book keeps, and when it came."""

    details: UserDetails
    fetched_ts: float


@dataclass(frozen=True)
class ImportReport:
    """What an import did: counts, and one sentence per row that was skipped."""

    added: int = 0
    updated: int = 0
    problems: tuple[str, ...] = ()


@dataclass
class _Row:
    receiver: Receiver
    lists: list[str] = field(default_factory=list)


class ReceiverStore:
    """The receiver book. Thread-safe: one connection guarded by a lock.

    Args:
        path: the database file (default: ``receivers.sqlite3`` in the data folder).
        clock: seconds since 1970 (tests pass their own).
    """

    def __init__(
        self, path: Path | str | None = None, *, clock: Callable[[], float] = time.time
    ) -> None:
        self.path = Path(path) if path else data_dir() / FILE_NAME
        self.clock = clock
        self._lock = threading.RLock()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            why = _("a file is in the way") if isinstance(exc, FileExistsError) else exc.strerror
            raise ReceiverError(
                _(
                    "The receiver book cannot be kept: the folder {folder} cannot be used "
                    "({why}). Set {variable} to a folder you can write to, or fix the folder's "
                    "permissions."
                ).format(folder=repr(str(self.path.parent)), why=why, variable=DATA_DIR_ENV)
            ) from None
        try:
            self._db = sqlite3.connect(
                self.path, timeout=BUSY_MS / 1000, check_same_thread=False, isolation_level=None
            )
        except sqlite3.Error as exc:
            raise ReceiverError(self._problem(exc, "opened")) from None
        try:
            self._db.execute(f"PRAGMA busy_timeout = {BUSY_MS}")
            self._refuse_newer()  # before WAL, which changes the file
            self._db.execute("PRAGMA journal_mode = WAL")
            self._db.execute("PRAGMA synchronous = NORMAL")
            self._migrate()
        except sqlite3.Error as exc:
            self._db.close()
            raise ReceiverError(self._problem(exc, "opened")) from None
        except ReceiverError:
            self._db.close()
            raise

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def __enter__(self) -> "ReceiverStore":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- plumbing ------------------------------------------------------------------------

    def _problem(self, exc: BaseException, doing: str) -> str:
        """A plain sentence for a failed read or write of the book (never sqlite's dump)."""
        name = getattr(exc, "sqlite_errorname", "")
        where = str(self.path)
        why = None
        if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
            why = _("another program is using it; try again in a moment")
        elif name.startswith("SQLITE_FULL") or getattr(exc, "errno", None) == 28:
            why = _("the disk is full; free some space")
        elif name.startswith(("SQLITE_READONLY", "SQLITE_PERM", "SQLITE_CANTOPEN")):
            why = _("it cannot be written; check the file's and the folder's permissions")
        elif name.startswith("SQLITE_IOERR"):
            why = _("the disk could not be read or written; check it")
        done = _(_DOING.get(doing, doing))
        if why is None and (
            doing == "opened" or name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB"))
        ):
            # Damage, or a database of another program at this path.
            return _(
                "The receiver book {path} is damaged (or is not a receiver book) and cannot be "
                "{doing}. Move or rename that file to start an empty book, and keep it if you "
                "want to rescue it; the send history is a separate file and is not affected."
            ).format(path=repr(where), doing=done)
        return _("The receiver book {path} could not be {doing} ({why}).").format(
            path=repr(where), doing=done, why=why or _("check the disk")
        )

    @contextmanager
    def _read(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            try:
                yield self._db
            except sqlite3.OperationalError as exc:
                if "decode" not in str(exc):
                    raise ReceiverError(self._problem(exc, "read")) from None
                raise
            except sqlite3.Error as exc:
                raise ReceiverError(self._problem(exc, "read")) from None

    @contextmanager
    def _tx(self, doing: str = "changed") -> Iterator[sqlite3.Connection]:
        with self._lock:
            try:
                with immediate(self._db) as db:
                    yield db
            except sqlite3.Error as exc:
                raise ReceiverError(self._problem(exc, doing)) from None

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        """Run a read; text that is not UTF-8 (written by another program) is escaped."""
        with self._read() as db:
            try:
                return db.execute(sql, params).fetchall()
            except sqlite3.OperationalError as exc:
                if "decode" not in str(exc):
                    raise
                db.text_factory = _decode_text
                try:
                    return db.execute(sql, params).fetchall()
                finally:
                    db.text_factory = str

    def _refuse_newer(self) -> None:
        version = self._db.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise ReceiverError(
                _(
                    "The receiver book {path} was written by a newer viber-desktop (version "
                    "{version}; this one knows {known}). Update the app; the file was left as "
                    "it is."
                ).format(path=repr(str(self.path)), version=version, known=SCHEMA_VERSION)
            )

    def _migrate(self) -> None:
        with self._tx("opened") as db:
            self._refuse_newer()  # again: another process may have changed it meanwhile
            version = db.execute("PRAGMA user_version").fetchone()[0]
            for step in range(version + 1, SCHEMA_VERSION + 1):
                for statement in statements(MIGRATIONS[step]):
                    db.execute(statement)
                db.execute(f"PRAGMA user_version = {step}")

    @property
    def schema_version(self) -> int:
        return int(self._rows("PRAGMA user_version")[0][0])

    # --- the book ------------------------------------------------------------------------

    def put(
        self,
        profile: str,
        receiver_id: str,
        *,
        label: str | None = None,
        notes: str | None = None,
        tags: Sequence[str] | None = None,
        lists: Sequence[str] = (),
    ) -> Receiver:
        """Add a receiver, or change the given fields of one already in the book; add it to
        ``lists`` (made when missing). ReceiverError names the first field that cannot be."""
        tags = None if tags is None else rules.split_names(rules.SEPARATOR.join(tags))
        problem = _field_problems(receiver_id, label, notes, tags, lists)
        if problem:
            raise ReceiverError(problem)
        with self._tx() as db:
            self._put(db, profile, receiver_id, label, notes, tags, lists)
        found = self.get(profile, receiver_id)
        assert found is not None
        return found

    def _put(
        self,
        db: sqlite3.Connection,
        profile: str,
        receiver_id: str,
        label: str | None,
        notes: str | None,
        tags: Sequence[str] | None,
        lists: Sequence[str],
    ) -> bool:
        """Insert or update inside a transaction; True when the receiver is new."""
        now = self.clock()
        exists = db.execute(
            "SELECT 1 FROM receivers WHERE profile=? AND receiver_id=?", (profile, receiver_id)
        ).fetchone()
        if not exists:
            count = db.execute(
                "SELECT count(*) FROM receivers WHERE profile=?", (profile,)
            ).fetchone()[0]
            if count >= rules.BOOK_MAX:
                raise ReceiverError(
                    _(
                        "The book of {profile} holds {count} receivers, the most it keeps: "
                        "remove some before adding more."
                    ).format(profile=repr(profile), count=number(rules.BOOK_MAX))
                )
            db.execute(
                "INSERT INTO receivers (profile, receiver_id, created_ts, updated_ts) "
                "VALUES (?,?,?,?)",
                (profile, receiver_id, now, now),
            )
        for column, value in (
            ("label", label),
            ("notes", notes),
            ("tags", None if tags is None else rules.SEPARATOR.join(tags)),
        ):
            if value is not None:
                db.execute(
                    f"UPDATE receivers SET {column}=?, updated_ts=? "
                    "WHERE profile=? AND receiver_id=?",
                    (value, now, profile, receiver_id),
                )
        for name in lists:
            self._add_member(db, profile, name, receiver_id)
        return not exists

    def remove(self, profile: str, receiver_id: str) -> bool:
        """Remove a receiver from the book and from every list; False when it was not there.
        Its lookup log stays: Viber counts the calls whatever the book holds."""
        with self._tx() as db:
            gone = db.execute(
                "DELETE FROM receivers WHERE profile=? AND receiver_id=?", (profile, receiver_id)
            ).rowcount
            db.execute(
                "DELETE FROM list_members WHERE profile=? AND receiver_id=?",
                (profile, receiver_id),
            )
        return bool(gone)

    def get(self, profile: str, receiver_id: str) -> Receiver | None:
        found = self._receivers(profile, receiver_id)
        return found[0] if found else None

    def receivers(self, profile: str, *, tag: str | None = None) -> list[Receiver]:
        """The profile's book, by label (receivers without one last, by ID)."""
        book = self._receivers(profile)
        if tag:
            book = [r for r in book if tag.casefold() in {t.casefold() for t in r.tags}]
        return sorted(book, key=lambda r: (not r.label, r.label.casefold(), r.id))

    def complete(self, profile: str, text: str, limit: int = 20) -> list[Receiver]:
        """Receivers whose label or ID contains ``text`` (ignoring case), labels first."""
        needle = text.casefold()
        found = [
            r
            for r in self.receivers(profile)
            if needle in r.label.casefold() or needle in r.id.casefold()
        ]
        return found[: max(0, limit)]

    def _receivers(self, profile: str, receiver_id: str | None = None) -> list[Receiver]:
        where, params = "WHERE profile=?", [profile]
        if receiver_id is not None:
            where, params = f"{where} AND receiver_id=?", [profile, receiver_id]
        rows = self._rows(f"SELECT receiver_id, label, notes, tags FROM receivers {where}", params)
        if not rows:
            return []
        memberships: dict[str, list[str]] = {}
        for rid, name in self._rows(
            f"SELECT receiver_id, list_name FROM list_members {where} ORDER BY list_name", params
        ):
            memberships.setdefault(_str(rid), []).append(_str(name))
        return [
            Receiver(
                id=_str(rid),
                label=_str(label),
                notes=_str(notes),
                tags=tuple(rules.split_names(_str(tags))),
                lists=tuple(memberships.get(_str(rid), ())),
            )
            for rid, label, notes, tags in rows
        ]

    # --- test lists ----------------------------------------------------------------------

    def lists(self, profile: str) -> list[TestList]:
        """The profile's test lists, by name, each with its members in send order."""
        names = [
            _str(r[0])
            for r in self._rows("SELECT name FROM lists WHERE profile=? ORDER BY name", (profile,))
        ]
        return [found for name in names if (found := self.test_list(profile, name))]

    def test_list(self, profile: str, name: str) -> TestList | None:
        """One list with its members in send order (members the book lost are left out)."""
        if not self._rows("SELECT 1 FROM lists WHERE profile=? AND name=?", (profile, name)):
            return None
        ids = [
            _str(r[0])
            for r in self._rows(
                "SELECT receiver_id FROM list_members WHERE profile=? AND list_name=? "
                "ORDER BY position, receiver_id",
                (profile, name),
            )
        ]
        book = {r.id: r for r in self._receivers(profile)}
        return TestList(name=name, members=tuple(book[i] for i in ids if i in book))

    def add_to_list(self, profile: str, name: str, receiver_id: str) -> None:
        """Add a receiver of the book to a list (made when missing), at its end."""
        problem = rules.name_problem(name, N_("list name"), rules.LIST_NAME_MAX)
        if problem:
            raise ReceiverError(problem)
        with self._tx() as db:
            if not db.execute(
                "SELECT 1 FROM receivers WHERE profile=? AND receiver_id=?", (profile, receiver_id)
            ).fetchone():
                raise ReceiverError(
                    _(
                        "{receiver} is not in the book of {profile}: add it first "
                        "(viber-desktop receivers add ID --label NAME)."
                    ).format(receiver=repr(receiver_id), profile=repr(profile))
                )
            self._add_member(db, profile, name, receiver_id)

    def _add_member(self, db: sqlite3.Connection, profile: str, name: str, rid: str) -> None:
        if not db.execute(
            "SELECT 1 FROM lists WHERE profile=? AND name=?", (profile, name)
        ).fetchone():
            count = db.execute("SELECT count(*) FROM lists WHERE profile=?", (profile,)).fetchone()
            if count[0] >= rules.LISTS_MAX:
                raise ReceiverError(
                    _(
                        "{profile} has {count} test lists, the most it keeps: remove one before "
                        "making another."
                    ).format(profile=repr(profile), count=rules.LISTS_MAX)
                )
            db.execute(
                "INSERT INTO lists (profile, name, created_ts) VALUES (?,?,?)",
                (profile, name, self.clock()),
            )
        if db.execute(
            "SELECT 1 FROM list_members WHERE profile=? AND list_name=? AND receiver_id=?",
            (profile, name, rid),
        ).fetchone():
            return
        size, last = db.execute(
            "SELECT count(*), max(position) FROM list_members WHERE profile=? AND list_name=?",
            (profile, name),
        ).fetchone()
        if size >= rules.LIST_MEMBERS_MAX:
            raise ReceiverError(
                _(
                    "The list {name} has {count} receivers, the most a list holds: make another "
                    "list."
                ).format(name=repr(name), count=rules.LIST_MEMBERS_MAX)
            )
        position = (last if isinstance(last, int) else size) + 1
        db.execute(
            "INSERT INTO list_members (profile, list_name, receiver_id, position) VALUES (?,?,?,?)",
            (profile, name, rid, position),
        )

    def remove_from_list(self, profile: str, name: str, receiver_id: str) -> bool:
        with self._tx() as db:
            return bool(
                db.execute(
                    "DELETE FROM list_members WHERE profile=? AND list_name=? AND receiver_id=?",
                    (profile, name, receiver_id),
                ).rowcount
            )

    def delete_list(self, profile: str, name: str) -> bool:
        """Delete a list (its receivers stay in the book); False when there was none."""
        with self._tx() as db:
            gone = db.execute(
                "DELETE FROM lists WHERE profile=? AND name=?", (profile, name)
            ).rowcount
            db.execute("DELETE FROM list_members WHERE profile=? AND list_name=?", (profile, name))
        return bool(gone)

    # --- lookups -------------------------------------------------------------------------

    def lookup_times(self, profile: str, receiver_id: str) -> list[float]:
        """When get_user_details was called for this receiver within Viber's window."""
        since = self.clock() - rules.USER_DETAILS_LIMIT.window_s
        rows = self._rows(
            "SELECT called_ts FROM lookups WHERE profile=? AND receiver_id=? AND called_ts>? "
            "ORDER BY called_ts",
            (profile, receiver_id, since),
        )
        return [float(r[0]) for r in rows if isinstance(r[0], int | float)]

    def reserve_lookup(self, profile: str, receiver_id: str, who: str | None = None) -> int:
        """Count a lookup before it is asked; LookupRefused when Viber's limit is used up.

        Returns the log entry, to :meth:`release_lookup` when the call never left.
        """
        limit = rules.USER_DETAILS_LIMIT
        with self._tx() as db:
            now = self.clock()
            times = [
                float(r[0])
                for r in db.execute(
                    "SELECT called_ts FROM lookups WHERE profile=? AND receiver_id=? "
                    "AND called_ts>?",
                    (profile, receiver_id, now - limit.window_s),
                )
                if isinstance(r[0], int | float)
            ]
            allowed_at = rules.next_call_at(times, now)
            if allowed_at > now:
                raise LookupRefused(
                    rules.lookup_refused(who or receiver_id, allowed_at, now), allowed_at
                )
            cur = db.execute(
                "INSERT INTO lookups (profile, receiver_id, called_ts) VALUES (?,?,?)",
                (profile, receiver_id, now),
            )
            # The log keeps only what the rule looks at.
            db.execute("DELETE FROM lookups WHERE called_ts<?", (now - 2 * limit.window_s,))
            return int(cur.lastrowid or 0)

    def release_lookup(self, entry: int) -> None:
        """Forget a reserved lookup whose request never left this computer."""
        with self._tx() as db:
            db.execute("DELETE FROM lookups WHERE id=?", (entry,))

    def save_details(self, profile: str, receiver_id: str, details: UserDetails) -> None:
        with self._tx() as db:
            db.execute(
                "INSERT OR REPLACE INTO details (profile, receiver_id, fetched_ts, user) "
                "VALUES (?,?,?,?)",
                (profile, receiver_id, self.clock(), _escaped(json.dumps(details.as_json()))),
            )

    def cached(self, profile: str, receiver_id: str) -> CachedDetails | None:
        """The last details Viber gave for this receiver, or None (also for a damaged copy)."""
        rows = self._rows(
            "SELECT fetched_ts, user FROM details WHERE profile=? AND receiver_id=?",
            (profile, receiver_id),
        )
        if not rows or not isinstance(rows[0][0], int | float):
            return None
        try:
            data = parse_json(_str(rows[0][1]))
        except JsonInputError:
            return None
        if not isinstance(data, dict):
            return None
        return CachedDetails(UserDetails.from_stored(data), float(rows[0][0]))

    def api_levels(self, profile: str, ids: Sequence[str]) -> dict[str, int]:
        """The known API level of each receiver in ``ids`` that was looked up."""
        levels: dict[str, int] = {}
        for rid in ids:
            found = self.cached(profile, rid)
            if found is not None and found.details.api_version is not None:
                levels[rid] = found.details.api_version
        return levels

    # --- CSV -----------------------------------------------------------------------------

    def export_csv(self, profile: str, path: Path) -> int:
        """Write the profile's book to ``path`` as CSV; return how many receivers.

        Every cell that a spreadsheet would run as a formula is written as text.
        """
        book = self.receivers(profile)
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(rules.CSV_COLUMNS)
        for r in book:
            cells = (r.id, r.label, r.notes, "; ".join(r.tags), "; ".join(r.lists))
            writer.writerow([rules.csv_cell(c) for c in cells])
        try:
            # utf-8-sig: spreadsheets read the accents right; a lone surrogate is escaped.
            write_atomic(path, out.getvalue().encode("utf-8-sig", "backslashreplace"))
        except OSError as exc:
            raise ReceiverError(
                _("Could not write {path} ({problem}).").format(
                    path=repr(str(path)), problem=exc.strerror or _("check the folder")
                )
            ) from None
        return len(book)

    def import_csv(self, profile: str, path: Path) -> ImportReport:
        """Read a CSV with a ``receiver_id`` column (``label``, ``notes``, ``tags``, ``lists``
        are optional) into the profile's book: new receivers are added, known ones updated
        with the cells that are not empty; a row that cannot be used is skipped and named."""
        try:
            data = read_local_file(path, rules.CSV_BYTES_MAX)
        except OSError as exc:
            why = exc.strerror or _("it cannot be read")
            if exc.errno == 27:  # EFBIG
                why = _("it is larger than {size} MB").format(size=rules.CSV_BYTES_MAX // 2**20)
            raise ReceiverError(
                _("Could not import {path}: {why}.").format(path=repr(str(path)), why=why)
            ) from None
        rows = _csv_rows(data, str(path))
        return self._import(profile, rows)

    def _import(self, profile: str, rows: list[tuple[int, dict[str, str]]]) -> ImportReport:
        problems: list[str] = []
        usable: list[tuple[int, _Row]] = []
        for line, cells in rows:
            row, problem = _import_row(cells)
            if problem:
                problems.append(_("line {line}: {problem}").format(line=line, problem=problem))
            elif row is not None:
                usable.append((line, row))
        added = updated = 0
        with self._tx() as db:
            for line, row in usable:
                r = row.receiver
                try:
                    with _savepoint(db):
                        new = self._put(
                            db,
                            profile,
                            r.id,
                            r.label or None,
                            r.notes or None,
                            r.tags or None,
                            row.lists,
                        )
                except ReceiverError as exc:
                    problems.append(_("line {line}: {problem}").format(line=line, problem=exc))
                    continue
                added += new
                updated += not new
        return ImportReport(added, updated, tuple(problems))


# --- lookups and online states over the API -------------------------------------------------


@dataclass(frozen=True)
class Lookup:
    """What a lookup shows: the details (fresh or kept), and what happened."""

    receiver_id: str
    cached: CachedDetails | None
    """The details to show: the fresh answer's when the call succeeded, else the kept ones."""
    result: ApiResult | None = None
    """The call's result; None when nothing was asked."""
    refused: str | None = None
    """Why nothing was asked (Viber's lookup limit), in a sentence."""
    calls_left: int = 0

    @property
    def fresh(self) -> bool:
        return self.result is not None and self.result.outcome == "ok" and self.cached is not None


def look_up(
    store: ReceiverStore,
    client: "ViberClient | None",
    profile: str,
    receiver_id: str,
    *,
    refresh: bool = False,
    who: str | None = None,
) -> Lookup:
    """The receiver's details: kept ones unless ``refresh`` (or none are kept), else one
    get_user_details call, counted first against Viber's 2-per-12-hours limit (``client``
    may be None when a kept answer will do)."""
    problem = rules.receiver_id_problem(receiver_id)
    if problem:
        raise ReceiverError(problem)
    kept = store.cached(profile, receiver_id)

    def left() -> int:
        return rules.calls_left(store.lookup_times(profile, receiver_id), store.clock())

    if kept is not None and not refresh:
        return Lookup(receiver_id, kept, calls_left=left())
    if client is None:
        raise ValueError("no kept answer: a client is needed to ask Viber")
    try:
        entry = store.reserve_lookup(profile, receiver_id, who)
    except LookupRefused as exc:
        return Lookup(receiver_id, kept, refused=str(exc), calls_left=0)
    try:
        result = client.get_user_details(receiver_id)
    except Exception:  # noqa: BLE001 - the request may have left: it counts, never a traceback
        result = ApiResult(outcome="unknown", error=_("the app failed while reading the answer"))
    if result.outcome == "not_sent":
        with suppress(ReceiverError):  # kept counted: safer than a lookup Viber refuses
            store.release_lookup(entry)
    details = UserDetails.from_answer(result.data) if result.outcome == "ok" else None
    if details is not None:
        store.save_details(profile, receiver_id, details)
        kept = store.cached(profile, receiver_id)
    return Lookup(receiver_id, kept, result, calls_left=left())


def online_states(client: "ViberClient", ids: Sequence[str]) -> tuple[ApiResult, list[OnlineEntry]]:
    """One get_online call for at most 100 IDs: the result and the decoded states."""
    if not ids:
        raise ReceiverError(_("Name at least one receiver to ask about."))
    if len(ids) > rules.ONLINE_IDS_MAX:
        raise ReceiverError(
            _(
                "Viber tells the online state of at most {limit} receivers at once; {count} were "
                "named. Ask about fewer (a list holds at most {list_max})."
            ).format(
                limit=rules.ONLINE_IDS_MAX, count=number(len(ids)), list_max=rules.LIST_MEMBERS_MAX
            )
        )
    for rid in ids:
        problem = rules.receiver_id_problem(rid)
        if problem:
            raise ReceiverError(f"{rid[:40]!r}: {problem}")
    result = client.get_online(list(ids))
    return result, decode_online(result.data) if result.outcome == "ok" else []


# --- helpers --------------------------------------------------------------------------------


_DOING: dict[str, str] = {"opened": N_("opened"), "read": N_("read"), "changed": N_("changed")}
"""What was being done to the book, as a sentence says it ("could not be read")."""


def book_path() -> Path:
    return receiver_book_path()


def _field_problems(
    receiver_id: str,
    label: str | None,
    notes: str | None,
    tags: Sequence[str] | None,
    lists: Sequence[str],
) -> str | None:
    return (
        rules.receiver_id_problem(receiver_id)
        or (rules.label_problem(label) if label is not None else None)
        or (rules.notes_problem(notes) if notes is not None else None)
        or (rules.tags_problem(tags) if tags is not None else None)
        or next(
            (
                p
                for n in lists
                if (p := rules.name_problem(n, N_("list name"), rules.LIST_NAME_MAX))
            ),
            None,
        )
    )


def _csv_rows(data: bytes, shown: str) -> list[tuple[int, dict[str, str]]]:
    """(line number, cells by column name) for each row after the header."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ReceiverError(
            _(
                "Could not import {path}: it is not UTF-8 text (line {line}). Save it from the "
                "spreadsheet as “CSV UTF-8”."
            ).format(path=repr(shown), line=number(line))
        ) from None
    reader = csv.reader(io.StringIO(text, newline=""))
    rows: list[tuple[int, dict[str, str]]] = []
    try:
        header = [h.strip().lower() for h in next(reader, [])]
        if "receiver_id" not in header:
            raise ReceiverError(
                _(
                    "Could not import {path}: its first line must name the columns, with at "
                    "least receiver_id (the columns this app reads: {columns})."
                ).format(path=repr(shown), columns=", ".join(rules.CSV_COLUMNS))
            )
        while True:
            start = reader.line_num + 1  # a quoted cell may span lines: name the first
            cells = next(reader, None)
            if cells is None:
                break
            if len(rows) >= rules.CSV_ROWS_MAX:
                raise ReceiverError(
                    _(
                        "Could not import {path}: it has more than {count} rows, more than a "
                        "book keeps. Nothing was imported."
                    ).format(path=repr(shown), count=number(rules.CSV_ROWS_MAX))
                )
            named = {
                column: rules.csv_value(cell)
                for column, cell in zip(header, cells, strict=False)
                if column in rules.CSV_COLUMNS
            }
            rows.append((start, named))
    except csv.Error as exc:
        raise ReceiverError(
            _(
                "Could not import {path}: line {line} is not valid CSV ({problem}). Nothing was "
                "imported."
            ).format(path=repr(shown), line=number(start), problem=str(exc)[:80])
        ) from None
    return rows


def _import_row(cells: dict[str, str]) -> tuple[_Row | None, str | None]:
    """A usable row, or the reason it is skipped; (None, None) for an empty row."""
    if not any(v.strip() for v in cells.values()):
        return None, None
    rid = cells.get("receiver_id", "").strip()
    label = " ".join(cells.get("label", "").split())
    notes = cells.get("notes", "").replace("\r\n", "\n").strip()
    tags = rules.split_names(cells.get("tags", ""))
    lists = rules.split_names(cells.get("lists", ""))
    problem = _field_problems(rid, label, notes, tags, lists)
    if problem:
        return None, problem
    return _Row(Receiver(id=rid, label=label, notes=notes, tags=tuple(tags)), lists), None


@contextmanager
def _savepoint(db: sqlite3.Connection) -> Iterator[None]:
    """Undo one row's changes (and only them) when it is refused midway."""
    db.execute("SAVEPOINT row")
    try:
        yield
    except BaseException:
        db.execute("ROLLBACK TO row")
        db.execute("RELEASE row")
        raise
    db.execute("RELEASE row")


def _decode_text(data: bytes) -> str:
    return data.decode("utf-8", "backslashreplace")


def _escaped(text: str) -> str:
    """``text`` as SQLite can store it: a lone surrogate written as its escape."""
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def _str(value: Any) -> str:
    """A text column read back, whatever another program wrote there."""
    if type(value) is str:
        return value
    if isinstance(value, bytes):
        return _decode_text(value)
    return "" if value is None else str(value)
