"""Absurd but well-formed answers and payloads are stored, read back and exported, never raising."""

import csv
import json
import sqlite3
from pathlib import Path

from tests.services.loopback import TOKEN, RawServer
from viber_desktop.core.history import HistoryFilter
from viber_desktop.core.outcomes import ApiResult
from viber_desktop.services.history import HistoryStore
from viber_desktop.services.sending import Target, send_checked

BIG = 2**64
SMALL = -(2**63) - 1
ABSURD_ANSWER = (
    b'{"status":18446744073709551616,"status_message":"bad \\ud800 news",'
    b'"message_token":-9223372036854775809,"billing_status":99999999999999999999999,'
    b'"chat_hostname":"\\udfff"}'
)


def test_absurd_answer_over_the_wire_is_stored(tmp_path: Path) -> None:
    store = HistoryStore(tmp_path / "h.db")
    msg = {"receiver": "u", "type": "text", "text": "Hi", "sender": {"name": "Shop"}}
    with RawServer(ABSURD_ANSWER) as server:
        entry_id, result = send_checked(msg, Target("Live", server.base_url, TOKEN), store)
    assert result.outcome == "api_error" and result.status == BIG
    assert result.history_error is None
    entry = store.get(entry_id or 0)
    assert entry is not None and entry.outcome == "api_error"
    assert entry.status == BIG and entry.status_name == "generalError"
    # What the decoder made of the absurd token and billing status is stored as it is.
    assert (entry.message_token, entry.billing_status) == (
        result.message_token,
        result.billing_status,
    )
    # Escaped here, or replaced by the decoder: either way readable, never a lone surrogate.
    assert entry.status_message in ("bad \\ud800 news", "bad \ufffd news")
    assert entry.chat_hostname in ("\\udfff", "\ufffd")
    assert entry.response == ABSURD_ANSWER.decode()


def test_every_field_absurd_round_trips_through_export(tmp_path: Path) -> None:
    store = HistoryStore(tmp_path / "h.db")
    msg = {
        "receiver": "user-\ud800",
        "type": "text\udc00",
        "text": "x",
        "sender": {"name": 10**5000},  # str() of this raises ValueError
    }
    entry_id = store.record_pending(
        profile="P\ud800",
        api_url="http://127.0.0.1/pa",
        endpoint="send_message",
        body=b'{"text":"\xff\xfe"}',  # not UTF-8
        payload=msg,
    )
    store.record_result(
        entry_id,
        ApiResult(
            outcome="api_error",
            status=SMALL,
            status_message="\ud800",
            message_token=2**63,
            billing_status=-(2**70),
            chat_hostname="\udbff",
            raw_response="raw \ud800",
            error="error \udfff",
        ),
    )
    [entry] = store.query()
    assert (entry.status, entry.message_token, entry.billing_status) == (SMALL, 2**63, -(2**70))
    assert entry.receiver == "user-\\ud800" and entry.profile == "P\\ud800"
    assert entry.type == "text\\udc00" and entry.sender_name
    assert entry.request == '{"text":"\\xff\\xfe"}'
    assert entry.status_message == "\\ud800" and entry.chat_hostname == "\\udbff"
    assert entry.response == "raw \\ud800" and entry.error == "error \\udfff"
    assert store.count(HistoryFilter(receiver="user-\\ud800")) == 1
    assert store.receivers("user") == ["user-\\ud800"]

    assert store.export(tmp_path / "out.jsonl") == 1
    data = json.loads((tmp_path / "out.jsonl").read_text(encoding="utf-8"))
    assert data["status"] == SMALL and data["message_token"] == 2**63
    assert data["billing_status"] == -(2**70)
    assert store.export(tmp_path / "out.csv") == 1
    with (tmp_path / "out.csv").open(encoding="utf-8", newline="") as f:
        [row] = list(csv.DictReader(f))
    assert int(row["status"]) == SMALL and int(row["message_token"]) == 2**63


def test_oversized_numbers_are_kept_out_of_the_columns(tmp_path: Path) -> None:
    """Over 4,300 digits str() itself refuses: the column is left empty, nothing raises."""
    store = HistoryStore(tmp_path / "h.db")
    entry_id = store.record_pending(
        profile="P", api_url="u", endpoint="send_message", body=b"{}", payload={}
    )
    huge = 10**5000
    store.record_result(
        entry_id,
        ApiResult(outcome="api_error", status=huge, message_token=huge, billing_status=huge),
    )
    entry = store.get(entry_id)
    assert entry is not None and entry.outcome == "api_error"
    assert (entry.status, entry.message_token, entry.billing_status) == (None, None, None)


def test_damaged_rows_read_back(tmp_path: Path) -> None:
    """Rows written by another program: REAL where an integer belongs, text that is not UTF-8."""
    db = tmp_path / "h.db"
    store = HistoryStore(db)
    entry_id = store.record_pending(
        profile="P", api_url="u", endpoint="send_message", body=b"{}", payload={}
    )
    other = sqlite3.connect(db)
    other.execute(
        "UPDATE history SET outcome='api_error', status=1.5, billing_status='five', "
        "message_token=1e300, status_message=CAST(x'ff41' AS TEXT) WHERE id=?",
        (entry_id,),
    )
    other.execute(
        "INSERT INTO history (created_ts, profile, api_url, endpoint, receiver, msg_type, "
        "sender_name, request_body, body_bytes, outcome, duration_ms) VALUES "
        "('yesterday', 7, 'u', 'send_message', x'ff', 't', 's', '{}', 'two', 'lost', 'slow')"
    )
    other.commit()
    other.close()
    odd, entry = store.query()
    assert (odd.outcome, odd.time.year, odd.bytes, odd.duration_ms) == ("unknown", 1970, 0, None)
    assert (odd.profile, odd.receiver) == ("7", "\\xff")
    assert store.summary().by_outcome["unknown"] == 1  # read and counted as unknown
    assert (entry.status, entry.billing_status) == (None, None)
    assert entry.message_token is None
    assert entry.status_message == "\\xffA"
    assert store.summary().by_billing == {None: 2}
