"""The receiver book with real SQLite files, and lookups against the sandbox over loopback."""

import csv
import sqlite3
from pathlib import Path

import pytest

from viber_desktop.core.receivers import (
    BOOK_MAX,
    LIST_MEMBERS_MAX,
    USER_DETAILS_LIMIT,
)
from viber_desktop.sandbox import users
from viber_desktop.sandbox.server import Sandbox
from viber_desktop.services import receivers as book_mod
from viber_desktop.services.receivers import (
    ReceiverError,
    ReceiverStore,
    look_up,
    online_states,
)
from viber_desktop.services.viber_client import ViberClient


class Clock:
    def __init__(self) -> None:
        self.now = 1_700_000_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def store(tmp_path: Path, clock: Clock) -> ReceiverStore:
    return ReceiverStore(tmp_path / "r.db", clock=clock)


@pytest.fixture
def client(sandbox: Sandbox) -> ViberClient:
    return ViberClient(sandbox.base_url, sandbox.token, read_timeout=5)


def test_default_file_is_in_the_data_folder(app_dirs: dict[str, Path]) -> None:
    with ReceiverStore() as store:
        store.put("Sandbox", "sandbox-user-1", label="Anna")
    assert (app_dirs["data"] / "receivers.sqlite3").is_file()
    assert book_mod.book_path() == app_dirs["data"] / "receivers.sqlite3"


def test_add_update_and_remove_per_profile(store: ReceiverStore) -> None:
    anna = store.put("Shop", "01234567890A=", label="Anna, iPhone test", tags=["QA", "iOS"])
    assert anna.shown == "Anna, iPhone test (01234567890A=)" and anna.tags == ("QA", "iOS")
    store.put("Shop", "01234567890A=", notes="Viber 24 on iOS 17")  # other fields kept
    again = store.get("Shop", "01234567890A=")
    assert again is not None and again.label == "Anna, iPhone test"
    assert again.notes == "Viber 24 on iOS 17" and again.tags == ("QA", "iOS")
    store.put("Shop", "B=", tags=["qa", "QA"])  # repeats dropped, ignoring case
    assert store.get("Shop", "B=") is not None
    assert [r.id for r in store.receivers("Shop")] == ["01234567890A=", "B="]
    assert [r.id for r in store.receivers("Shop", tag="ios")] == ["01234567890A="]
    assert store.get("Other", "01234567890A=") is None  # each profile has its own book
    assert [r.id for r in store.complete("Shop", "iphone")] == ["01234567890A="]
    assert store.remove("Shop", "B=") and not store.remove("Shop", "B=")


@pytest.mark.parametrize(
    ("kwargs", "words"),
    [
        ({"receiver_id": ""}, "empty"),
        ({"receiver_id": "a b"}, "spaces"),
        ({"receiver_id": "x" * 129}, "129 characters"),
        ({"receiver_id": "a\ud800"}, "broken character"),
        ({"label": "two\nlines"}, "one line"),
        ({"label": "\udfff"}, "broken character"),
        ({"label": "x" * 81}, "keep it to 80"),
        ({"notes": "x" * 1001}, "keep them to 1,000"),
        ({"notes": "bell\x07"}, "control characters"),
        ({"tags": ["x" * 33]}, "keep it to 32"),
        ({"tags": [f"t{i}" for i in range(11)]}, "too many"),
        ({"lists": ["QA;phones"]}, "semicolon"),
    ],
)
def test_bad_fields_are_refused_in_one_sentence(
    store: ReceiverStore, kwargs: dict, words: str
) -> None:
    fields = {"receiver_id": "sandbox-user-1", **kwargs}
    rid = fields.pop("receiver_id")
    with pytest.raises(ReceiverError, match=words):
        store.put("Shop", rid, **fields)
    assert store.receivers("Shop") == []


def test_lists_keep_order_and_follow_the_book(store: ReceiverStore) -> None:
    for rid in ("c", "a", "b"):
        store.put("Shop", rid, label=rid.upper(), lists=["QA phones"])
    qa = store.test_list("Shop", "QA phones")
    assert qa is not None and [m.id for m in qa.members] == ["c", "a", "b"]
    assert store.get("Shop", "a") is not None and store.get("Shop", "a").lists == ("QA phones",)  # type: ignore[union-attr]
    store.put("Shop", "a", lists=["QA phones"])  # already there: not twice
    assert store.remove_from_list("Shop", "QA phones", "a")
    store.add_to_list("Shop", "QA phones", "a")  # back, at the end
    assert [m.id for m in store.test_list("Shop", "QA phones").members] == ["c", "b", "a"]  # type: ignore[union-attr]
    store.remove("Shop", "b")
    assert [m.id for m in store.test_list("Shop", "QA phones").members] == ["c", "a"]  # type: ignore[union-attr]
    with pytest.raises(ReceiverError, match="not in the book"):
        store.add_to_list("Shop", "QA phones", "stranger")
    assert [t.name for t in store.lists("Shop")] == ["QA phones"]
    assert store.delete_list("Shop", "QA phones") and store.test_list("Shop", "QA phones") is None
    assert store.get("Shop", "c") is not None  # the book keeps its receivers


def test_a_list_holds_at_most_its_maximum(store: ReceiverStore) -> None:
    for i in range(LIST_MEMBERS_MAX):
        store.put("Shop", f"id-{i}", lists=["Big"])
    with pytest.raises(ReceiverError, match=f"has {LIST_MEMBERS_MAX} receivers"):
        store.put("Shop", "one-more", lists=["Big"])
    assert store.get("Shop", "one-more") is None  # the whole change was refused


def test_the_book_holds_at_most_its_maximum(
    store: ReceiverStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(book_mod.rules, "BOOK_MAX", 3)
    for i in range(3):
        store.put("Shop", f"id-{i}")
    with pytest.raises(ReceiverError, match="holds 3 receivers"):
        store.put("Shop", "id-3")
    store.put("Shop", "id-0", label="still editable")
    store.put("Other", "id-3")  # the limit is per profile
    assert BOOK_MAX >= 1000


# --- lookups --------------------------------------------------------------------------------


def test_lookup_is_cached_with_its_time_and_limited(
    store: ReceiverStore, client: ViberClient, sandbox: Sandbox, clock: Clock
) -> None:
    sandbox.state.clock = clock
    first = look_up(store, client, "Sandbox", users.OLD_USER)
    assert first.fresh and first.cached is not None
    assert first.cached.details.api_version == 2 and first.cached.fetched_ts == clock.now
    assert first.calls_left == 1
    clock.now += 60
    kept = look_up(store, client, "Sandbox", users.OLD_USER)  # no call: the kept answer
    assert kept.result is None and kept.cached == first.cached and kept.calls_left == 1
    second = look_up(store, client, "Sandbox", users.OLD_USER, refresh=True)
    assert second.fresh and second.cached is not None and second.cached.fetched_ts == clock.now
    calls = len([r for r in sandbox.requests if r.path == "/pa/get_user_details"])
    third = look_up(store, client, "Sandbox", users.OLD_USER, refresh=True, who="Olga")
    assert third.result is None and third.refused is not None
    assert "Viber allows 2 lookups" in third.refused and "Olga" in third.refused
    assert "in 11 h 59 min" in third.refused and "Nothing was asked" in third.refused
    assert third.cached == second.cached  # still shown, with its age
    assert len([r for r in sandbox.requests if r.path == "/pa/get_user_details"]) == calls
    clock.now += USER_DETAILS_LIMIT.window_s - 60
    assert look_up(store, client, "Sandbox", users.OLD_USER, refresh=True).fresh


def test_lookups_are_counted_per_profile(store: ReceiverStore, client: ViberClient) -> None:
    for _ in range(2):
        look_up(store, client, "Sandbox", "sandbox-user-1", refresh=True)
    assert look_up(store, client, "Sandbox", "sandbox-user-1", refresh=True).refused
    assert store.lookup_times("Other bot", "sandbox-user-1") == []


def test_a_lookup_that_never_left_does_not_count(store: ReceiverStore, tmp_path: Path) -> None:
    with socket_closed_port() as port:
        dead = ViberClient(f"http://127.0.0.1:{port}/pa", "tok-0123456789", connect_timeout=1)
        result = look_up(store, dead, "Shop", "sandbox-user-1")
    assert result.result is not None and result.result.outcome == "not_sent"
    assert store.lookup_times("Shop", "sandbox-user-1") == [] and result.calls_left == 2


def test_a_lookup_without_an_answer_counts(store: ReceiverStore, client: ViberClient) -> None:
    """fault-drop reads the request and hangs up: Viber may have counted it."""
    result = look_up(store, client, "Sandbox", "fault-drop")
    assert result.result is not None and result.result.outcome == "unknown"
    assert len(store.lookup_times("Sandbox", "fault-drop")) == 1 and result.cached is None


def test_a_refused_lookup_keeps_no_details(store: ReceiverStore, client: ViberClient) -> None:
    result = look_up(store, client, "Sandbox", "stranger")
    assert result.result is not None and result.result.status == 6
    assert result.cached is None and store.cached("Sandbox", "stranger") is None


def test_two_processes_cannot_both_take_the_last_lookup(tmp_path: Path, clock: Clock) -> None:
    one = ReceiverStore(tmp_path / "r.db", clock=clock)
    two = ReceiverStore(tmp_path / "r.db", clock=clock)
    one.reserve_lookup("Shop", "u")
    two.reserve_lookup("Shop", "u")
    for store in (one, two):
        with pytest.raises(book_mod.LookupRefused):
            store.reserve_lookup("Shop", "u")


def test_online_states_through_the_store_rules(client: ViberClient) -> None:
    result, entries = online_states(client, ["sandbox-user-1", users.OLD_USER])
    assert result.outcome == "ok"
    assert [(e.id, e.state.name) for e in entries] == [
        ("sandbox-user-1", "online"),
        (users.OLD_USER, "offline"),
    ]
    with pytest.raises(ReceiverError, match="at most 100"):
        online_states(client, [f"u{i}" for i in range(101)])
    with pytest.raises(ReceiverError, match="at least one"):
        online_states(client, [])


def test_never_a_token_in_the_file(tmp_path: Path, sandbox: Sandbox) -> None:
    store = ReceiverStore(tmp_path / "r.db")
    client = ViberClient(sandbox.base_url, sandbox.token)
    look_up(store, client, "Sandbox", "sandbox-user-1")
    store.put("Sandbox", "sandbox-user-1", label="Alice")
    store.close()
    for path in tmp_path.iterdir():
        assert sandbox.token.encode() not in path.read_bytes(), path


# --- CSV ------------------------------------------------------------------------------------


def test_csv_round_trip_with_formulas_made_harmless(store: ReceiverStore, tmp_path: Path) -> None:
    store.put("Shop", "+abc/def==", label='=HYPERLINK("http://x")', notes="-1\nsecond line")
    store.put("Shop", "plain", label="@SUM(A1)", tags=["QA"], lists=["Phones"])
    store.put("Shop", "quote", label="'=already quoted", notes="Привет 😀")
    out = tmp_path / "book.csv"
    assert store.export_csv("Shop", out) == 3
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # spreadsheets read it as UTF-8
    with out.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    cells = [c for row in rows for c in row.values()]
    assert not [c for c in cells if c.startswith(("=", "+", "-", "@"))]
    assert {r["label"] for r in rows} == {
        '\'=HYPERLINK("http://x")',
        "'@SUM(A1)",
        "''=already quoted",
    }
    again = ReceiverStore(tmp_path / "other.db")
    report = again.import_csv("Shop", out)
    assert (report.added, report.updated, report.problems) == (3, 0, ())
    assert again.receivers("Shop") == store.receivers("Shop")


def test_import_updates_adds_and_names_the_rows_it_skips(
    store: ReceiverStore, tmp_path: Path
) -> None:
    store.put("Shop", "known", label="Old label", notes="kept")
    path = tmp_path / "in.csv"
    path.write_text(
        "Receiver_ID,Label,Tags,Lists,Extra\n"
        "known,New label,,QA,ignored\n"
        "fresh,Fresh,a; b,QA; Android,\n"
        ",,,,\n"
        "bad id,X,,,\n"
        f"{'x' * 200},Long,,,\n"
        "fresh2\n",
        encoding="utf-8",
    )
    report = store.import_csv("Shop", path)
    assert (report.added, report.updated) == (2, 1)
    assert [p.split(":")[0] for p in report.problems] == ["line 5", "line 6"]
    known = store.get("Shop", "known")
    assert known is not None and (known.label, known.notes) == ("New label", "kept")
    fresh = store.get("Shop", "fresh")
    assert fresh is not None and fresh.tags == ("a", "b") and fresh.lists == ("Android", "QA")
    assert [m.id for m in store.test_list("Shop", "QA").members] == ["known", "fresh"]  # type: ignore[union-attr]


def test_import_a_row_over_a_limit_is_skipped_alone(store: ReceiverStore, tmp_path: Path) -> None:
    for i in range(LIST_MEMBERS_MAX):
        store.put("Shop", f"id-{i}", lists=["Full"])
    path = tmp_path / "in.csv"
    path.write_text("receiver_id,lists\nnew-one,Full\nnew-two,\n", encoding="utf-8")
    report = store.import_csv("Shop", path)
    assert report.added == 1 and len(report.problems) == 1
    assert "line 2" in report.problems[0] and store.get("Shop", "new-one") is None


def test_schema_is_versioned(tmp_path: Path) -> None:
    store = ReceiverStore(tmp_path / "r.db")
    assert store.schema_version == book_mod.SCHEMA_VERSION
    store.close()
    with sqlite3.connect(tmp_path / "r.db") as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


# --- helpers --------------------------------------------------------------------------------


class socket_closed_port:
    """A loopback port with nothing listening (bound, then closed)."""

    def __enter__(self) -> int:
        import socket

        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            return int(s.getsockname()[1])

    def __exit__(self, *exc: object) -> None:
        pass
