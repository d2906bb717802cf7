"""The status and billing tables and answer decoding."""

import json

import pytest

from viber_desktop.core.outcomes import decode_answer
from viber_desktop.core.statuses import BILLING, STATUSES, billing_info, status_info


def test_status_table_covers_0_to_24() -> None:
    assert sorted(STATUSES) == list(range(25))
    assert all(s.name and s.meaning and s.advice for s in STATUSES.values())
    assert STATUSES[12].name == "tooManyRequests"


def test_unknown_status_is_general_error_with_its_number() -> None:
    info = status_info(999)
    assert (info.code, info.name) == (999, "generalError")


def test_billing_table() -> None:
    assert sorted(BILLING) == list(range(6))
    assert billing_info(5) is not None and billing_info(5).name == "outOfSessionBilledMessage"
    assert billing_info(None) is None and billing_info(9) is None


def test_decode_keeps_64bit_token_exact() -> None:
    body = (
        b'{"status":0,"status_message":"ok","message_token":9223372036854775807,'
        b'"billing_status":"3"}'
    )
    result = decode_answer(200, body, 1.0)
    assert result.outcome == "ok" and result.message_token == 2**63 - 1
    assert result.billing_status == 3 and result.billing_name


@pytest.mark.parametrize(
    ("http", "body", "outcome"),
    [
        (200, b'{"status":6,"status_message":"x"}', "api_error"),
        (500, b"<html>oops</html>", "unknown"),
        (200, b"not json", "unknown"),
        (200, b'{"status":"0"}', "unknown"),
        (200, b"[1]", "unknown"),
        (200, b'{"status":true}', "unknown"),
    ],
)
def test_decode_outcomes(http: int, body: bytes, outcome: str) -> None:
    result = decode_answer(http, body, 0)
    assert result.outcome == outcome
    json.dumps(result.as_json())
    if outcome == "unknown":
        assert "MAY HAVE BEEN DELIVERED" in result.explanation
