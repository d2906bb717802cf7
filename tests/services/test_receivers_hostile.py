"""The receiver book survives damage, crashes, other writers and hostile CSV files, and says
what happened in plain words (as the history does)."""

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from viber_desktop.core.receivers import CSV_BYTES_MAX, USER_DETAILS_LIMIT
from viber_desktop.services import receivers as book_mod
from viber_desktop.services.receivers import LookupRefused, ReceiverError, ReceiverStore

NO_DUMPS = ("Traceback", "sqlite3.", "DatabaseError", "OperationalError", "Errno")


def plain(exc: pytest.ExceptionInfo[ReceiverError]) -> str:
    text = str(exc.value)
    assert not any(dump in text for dump in NO_DUMPS), text
    assert len(text) < 500, text
    return text


def make_book(path: Path) -> None:
    with ReceiverStore(path) as store:
        for i in range(30):
            store.put("Shop", f"id-{i:02}", label=f"Phone {i}", tags=["QA"], lists=["QA"])


# --- a damaged or foreign file -------------------------------------------------------------


@pytest.mark.parametrize(
    "content",
    [
        b"not a database" * 100,
        b"SQLite format 3\x00" + b"\xff" * 4000,
        b"\x00" * 8192,
    ],
)
def test_a_file_that_is_not_a_book_is_named_and_left_alone(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "r.db"
    path.write_bytes(content)
    with pytest.raises(ReceiverError) as caught:
        ReceiverStore(path).receivers("Shop")
    text = plain(caught)
    assert "damaged" in text and "Move or rename" in text and str(path) in text
    assert path.read_bytes() == content


def test_a_truncated_book_is_a_plain_error(tmp_path: Path) -> None:
    path = tmp_path / "r.db"
    make_book(path)
    data = path.read_bytes()
    assert len(data) > 8192
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(ReceiverError) as caught:
        use_book(path)
    assert "damaged" in plain(caught)


def use_book(path: Path) -> None:
    """Open, read and change the book (damage may show at any of these)."""
    store = ReceiverStore(path)
    store.receivers("Shop")
    store.put("Shop", "new")


def test_a_database_of_another_program_is_not_taken_over(tmp_path: Path) -> None:
    path = tmp_path / "r.db"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE receivers (something_else INTEGER)")
    with pytest.raises(ReceiverError) as caught:
        ReceiverStore(path)
    assert "is not a receiver book" in plain(caught)
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT count(*) FROM receivers").fetchone() == (0,)


def test_a_newer_book_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "r.db"
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA user_version = 99")
    before = path.read_bytes()
    with pytest.raises(ReceiverError) as caught:
        ReceiverStore(path)
    assert "newer viber-desktop" in plain(caught) and "version 99" in str(caught.value)
    assert path.read_bytes() == before


def test_a_file_where_the_folder_should_be(tmp_path: Path) -> None:
    (tmp_path / "data").write_text("in the way")
    with pytest.raises(ReceiverError) as caught:
        ReceiverStore(tmp_path / "data" / "r.db")
    assert "cannot be used" in plain(caught) and "VIBER_DESKTOP_DATA_DIR" in str(caught.value)


def test_a_folder_where_the_file_should_be(tmp_path: Path) -> None:
    (tmp_path / "r.db").mkdir()
    with pytest.raises(ReceiverError) as caught:
        ReceiverStore(tmp_path / "r.db")
    plain(caught)


def test_a_book_that_cannot_be_written_refuses_the_change(tmp_path: Path) -> None:
    store = ReceiverStore(tmp_path / "r.db")
    store.put("Shop", "kept", label="Kept")
    store._db.execute("PRAGMA query_only = 1")  # as when the disk is full or read-only
    with pytest.raises(ReceiverError) as caught:
        store.put("Shop", "new")
    assert "could not be changed" in plain(caught)
    with pytest.raises(ReceiverError):
        store.reserve_lookup("Shop", "kept")
    assert [r.id for r in store.receivers("Shop")] == ["kept"]  # reading still works
    store._db.execute("PRAGMA query_only = 0")
    store.put("Shop", "new")  # and a later write, once possible, works
    assert len(store.receivers("Shop")) == 2


def test_a_locked_book_says_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "r.db"
    store = ReceiverStore(path)
    store._db.execute("PRAGMA busy_timeout = 50")
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(ReceiverError) as caught:
            store.put("Shop", "x")
        assert "another program is using it" in plain(caught)
    finally:
        other.execute("ROLLBACK")
        other.close()


# --- damaged rows ---------------------------------------------------------------------------


def test_rows_written_by_another_program_read_back(tmp_path: Path) -> None:
    path = tmp_path / "r.db"
    store = ReceiverStore(path)
    store.put("Shop", "good", label="Good", lists=["QA"])
    with sqlite3.connect(path) as db:
        db.execute(
            "INSERT INTO receivers VALUES ('Shop', CAST(x'ff41' AS TEXT), 5.5, x'00ff', "
            "'a;;b;' || char(10), 'yesterday', x'00')"
        )
        db.execute("INSERT INTO list_members VALUES ('Shop', 'QA', 'gone', 'first')")
        db.execute("INSERT INTO list_members VALUES ('Shop', 'QA', CAST(x'ff41' AS TEXT), 2)")
        db.execute("INSERT INTO details VALUES ('Shop', 'good', 'noon', '{}')")
        db.execute("INSERT INTO details VALUES ('Shop', CAST(x'ff41' AS TEXT), 1.0, '[[[')")
        db.execute(
            "INSERT INTO lookups (profile, receiver_id, called_ts) VALUES ('Shop', 'good', 'x')"
        )
    book = {r.id: r for r in store.receivers("Shop")}
    odd = book["\\xffA"]
    assert (odd.label, odd.notes, odd.tags) == ("5.5", "\x00\\xff", ("a", "b"))
    qa = store.test_list("Shop", "QA")
    assert qa is not None and [m.id for m in qa.members] == ["good", "\\xffA"]
    assert store.cached("Shop", "good") is None  # a damaged copy is no copy
    assert store.cached("Shop", "\\xffA") is None
    assert store.lookup_times("Shop", "good") == []
    store.reserve_lookup("Shop", "good")  # the odd row is not a call
    store.reserve_lookup("Shop", "good")
    with pytest.raises(LookupRefused):
        store.reserve_lookup("Shop", "good")
    out = tmp_path / "out.csv"
    assert store.export_csv("Shop", out) == 2
    assert "\\xffA" in out.read_text(encoding="utf-8-sig")


def test_kept_details_with_absurd_values_read_as_nothing(tmp_path: Path) -> None:
    path = tmp_path / "r.db"
    store = ReceiverStore(path)
    with sqlite3.connect(path) as db:
        db.execute(
            "INSERT INTO details VALUES ('Shop', 'u', 1.0, ?)",
            (
                '{"api_version": 1e400, "name": ["x"], "mcc": true, "device_type": "'
                + "d" * 5000
                + '"}',
            ),
        )
    kept = store.cached("Shop", "u")
    assert kept is not None
    assert (kept.details.api_version, kept.details.name, kept.details.mcc) == (None, None, None)
    assert kept.details.device_type is not None and len(kept.details.device_type) == 301


# --- crashes and other processes ------------------------------------------------------------


def test_a_crash_mid_import_leaves_all_or_nothing(tmp_path: Path) -> None:
    path = tmp_path / "r.db"
    ReceiverStore(path).close()
    csv_path = tmp_path / "big.csv"
    csv_path.write_text(
        "receiver_id,label,lists\n"
        + "".join(f"id-{i},Phone {i},{'QA' if i < 50 else ''}\n" for i in range(4000)),
        encoding="utf-8",
    )
    started = tmp_path / "started"
    script = textwrap.dedent(f"""
        from pathlib import Path
        from viber_desktop.services.receivers import ReceiverStore
        store = ReceiverStore({str(path)!r})
        Path({str(started)!r}).touch()
        n = 0
        while True:
            store.import_csv(f"P{{n}}", Path({str(csv_path)!r}))
            n += 1
    """)
    proc = subprocess.Popen([sys.executable, "-c", script])
    try:
        deadline = time.monotonic() + 60
        while not started.exists():
            assert time.monotonic() < deadline, "the importer never started"
            time.sleep(0.05)
        time.sleep(1.5)
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        counts = db.execute("SELECT profile, count(*) FROM receivers GROUP BY profile").fetchall()
        members = dict(
            db.execute("SELECT profile, count(*) FROM list_members GROUP BY profile").fetchall()
        )
    assert counts, "at least one import finished"
    assert all(n == 4000 and members[p] == 50 for p, n in counts)


def test_lookups_reserved_by_many_processes_never_pass_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "r.db"
    ReceiverStore(path).close()
    script = textwrap.dedent(f"""
        from viber_desktop.services.receivers import LookupRefused, ReceiverStore
        store = ReceiverStore({str(path)!r})
        for i in range(20):
            try:
                store.reserve_lookup("Shop", f"user-{{i % 5}}")
            except LookupRefused:
                pass
            store.put("Shop", f"user-{{i % 5}}", label=str(i))
    """)
    procs = [subprocess.Popen([sys.executable, "-c", script]) for _ in range(4)]
    assert [p.wait(timeout=120) for p in procs] == [0, 0, 0, 0]
    store = ReceiverStore(path)
    for i in range(5):
        assert len(store.lookup_times("Shop", f"user-{i}")) == USER_DETAILS_LIMIT.calls
    assert len(store.receivers("Shop")) == 5


# --- hostile CSV ----------------------------------------------------------------------------


@pytest.fixture
def store(tmp_path: Path) -> ReceiverStore:
    return ReceiverStore(tmp_path / "r.db")


def write(tmp_path: Path, data: bytes) -> Path:
    path = tmp_path / "in.csv"
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"receiver_id\n" + b"x" * (CSV_BYTES_MAX + 1), "larger than 4 MB"),
        (b"receiver_id,label\nok,fine\nsur,\xed\xa0\x80\n", "not UTF-8 text (line 3)"),
        (b"receiver_id,label\nok,\xff\n", "not UTF-8 text (line 2)"),
        (b"receiver_id\n" + b"a\n" * 5001, "more than 5,000 rows"),
        (b'receiver_id,label\nok,"' + b"y" * 200_000 + b'"\n', "line 2 is not valid CSV"),
        (b"label,notes\nAnna,x\n", "at least receiver_id"),
        (b"", "at least receiver_id"),
    ],
)
def test_a_hostile_csv_imports_nothing_and_says_why(
    store: ReceiverStore, tmp_path: Path, data: bytes, words: str
) -> None:
    with pytest.raises(ReceiverError) as caught:
        store.import_csv("Shop", write(tmp_path, data))
    assert words in plain(caught)
    assert store.receivers("Shop") == []


def test_a_fifo_or_missing_file_is_refused(store: ReceiverStore, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    with pytest.raises(ReceiverError, match="not a regular file"):
        store.import_csv("Shop", fifo)
    with pytest.raises(ReceiverError, match="Could not import"):
        store.import_csv("Shop", tmp_path / "missing.csv")


def test_odd_but_readable_cells(store: ReceiverStore, tmp_path: Path) -> None:
    data = (
        "\ufeffreceiver_id,label,notes,tags\r\n"
        "'=cmd|calc!A0,=cmd,+1,@x\r\n"  # an apostrophe-guarded cell loses its guard
        "nul\x00id,Nul,,\r\n"
        "bidi,\u202egnp.exe,,\r\n"
        '"multi\nline",x,,\r\n'
        'emoji,Анна 😀,"line 1\r\nline 2",\r\n'
    ).encode()
    report = store.import_csv("Shop", write(tmp_path, data))
    assert report.added == 2
    assert [p.split(":")[0] for p in report.problems] == ["line 3", "line 4", "line 5"]
    emoji = store.get("Shop", "emoji")
    assert emoji is not None and emoji.label == "Анна 😀" and emoji.notes == "line 1\nline 2"
    formula = store.get("Shop", "=cmd|calc!A0")
    assert formula is not None and (formula.label, formula.notes) == ("=cmd", "+1")
    assert formula.tags == ("@x",)


def test_formula_cells_in_every_column_are_guarded_on_export(
    store: ReceiverStore, tmp_path: Path
) -> None:
    store.put("Shop", "-id", label="+label", notes="@notes", tags=["=tag"], lists=["-list"])
    out = tmp_path / "out.csv"
    store.export_csv("Shop", out)
    lines = out.read_text(encoding="utf-8-sig").splitlines()
    assert lines[1] == "'-id,'+label,'@notes,'=tag,'-list"
    again = ReceiverStore(tmp_path / "again.db")
    again.import_csv("Shop", out)
    assert again.receivers("Shop") == store.receivers("Shop")


def test_export_to_a_place_that_cannot_be_written(store: ReceiverStore, tmp_path: Path) -> None:
    store.put("Shop", "a")
    (tmp_path / "file").write_text("")
    with pytest.raises(ReceiverError) as caught:
        store.export_csv("Shop", tmp_path / "file" / "out.csv")
    assert "Could not write" in plain(caught)


def test_migrations_are_only_the_known_ones() -> None:
    assert sorted(book_mod.MIGRATIONS) == list(range(1, book_mod.SCHEMA_VERSION + 1))
