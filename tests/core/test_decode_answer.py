"""decode_answer on absurd but well-formed answers: a clear outcome, never an exception."""

import contextlib
import json
from dataclasses import asdict
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from viber_desktop.core.outcomes import ApiResult, decode_answer


def decode(answer: Any, http_status: int = 200, **kwargs: Any) -> ApiResult:
    body = answer if isinstance(answer, bytes) else json.dumps(answer).encode()
    return decode_answer(http_status, body, 1.0, **kwargs)


@pytest.mark.parametrize("status", [2**63, 2**64 + 5, -(2**63) - 1, 10**4000])
def test_an_absurd_status_is_an_api_error_with_words(status: int) -> None:
    result = decode({"status": status, "billing_status": 2**63})
    assert result.outcome == "api_error"
    assert result.status == status and isinstance(result.status, int)
    assert result.billing_status == 2**63
    assert result.status_name and isinstance(result.explanation, str) and result.explanation


@pytest.mark.parametrize(
    ("billing", "expected"),
    [("²", None), ("٣", None), ("2", 2), ("9" * 30, None), (True, None), (2.0, None)],
)
def test_billing_status_only_from_plain_digits(billing: object, expected: int | None) -> None:
    assert decode({"status": 0, "billing_status": billing}).billing_status == expected


def test_lone_surrogates_become_replacement_characters() -> None:
    body = (
        b'{"status":3,"status_message":"bad \\ud800 data","chat_hostname":"\\udfff",'
        b'"x":{"\\ud800":["\\udc00"]}}'
    )
    result = decode(body)
    assert result.status_message == "bad \ufffd data"
    assert result.chat_hostname == "\ufffd"
    assert result.data == {
        "status": 3,
        "status_message": "bad \ufffd data",
        "chat_hostname": "\ufffd",
        "x": {"\ufffd": ["\ufffd"]},
    }
    json.dumps(asdict(result), ensure_ascii=False).encode("utf-8")  # storable


@pytest.mark.parametrize(
    ("token", "kept"),
    [
        (5741311803571721087, True),
        (2**64 - 1, True),
        (2**64, False),
        (-1, False),
        (10**300, False),
        ("5", False),
    ],
)
def test_message_token_only_in_the_64_bit_range(token: object, kept: bool) -> None:
    result = decode({"status": 0, "message_token": token})
    assert result.outcome == "ok"
    assert result.message_token == (token if kept else None)


def test_a_100000_deep_answer_is_unknown_with_a_reason() -> None:
    result = decode(b'{"status":0,"x":' + b"[" * 100_000 + b"]" * 100_000 + b"}")
    assert result.outcome == "unknown"
    assert "nested more than 100 levels deep" in (result.error or "")
    assert "MAY HAVE BEEN DELIVERED" in result.explanation


def test_a_5000_digit_status_is_unknown_with_a_reason() -> None:
    result = decode(b'{"status":' + b"7" * 5000 + b"}")
    assert result.outcome == "unknown"
    assert result.error == "HTTP 200 with a body that is not Viber JSON"


def test_5000_digit_numbers_elsewhere_do_not_spoil_an_ok() -> None:
    huge = b"9" * 5000
    result = decode(b'{"status":0,"message_token":' + huge + b',"billing_status":' + huge + b"}")
    assert (result.outcome, result.message_token, result.billing_status) == ("ok", None, None)


def test_the_token_is_hidden_however_json_writes_it() -> None:
    token = "4453b6ac/2345678-e02c9ba3dd123456"
    body = json.dumps({"status": 2, "status_message": f"bad {token}", token: token})
    body = body.replace("/", "\\/")
    result = decode(body.encode(), hide=(token,))
    assert token not in json.dumps(asdict(result))
    assert token.replace("/", "\\/") not in (result.raw_response or "")
    assert result.status_message == "bad [token hidden]"


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner, max_size=4)
    ),
    max_leaves=20,
)
FIELDS = st.fixed_dictionaries(
    {"status": JSON | st.integers()},
    optional={
        "status_message": JSON,
        "message_token": JSON | st.integers(),
        "billing_status": JSON | st.text("0123456789²٣", max_size=25),
        "chat_hostname": JSON,
    },
)


@settings(max_examples=300, deadline=None)
@given(st.integers(100, 599), FIELDS | JSON, st.booleans())
def test_any_json_answer_decodes_without_raising(
    status: int, answer: Any, ascii_only: bool
) -> None:
    text = json.dumps(answer, ensure_ascii=ascii_only)
    result = decode_answer(
        status, text.encode("utf-8", "surrogatepass"), 1.0, hide=("secret-token-1",)
    )
    assert isinstance(result.explanation, str) and result.explanation
    assert result.outcome in ("ok", "api_error", "unknown")
    json.dumps(result.as_json(), ensure_ascii=False).encode("utf-8")


@settings(max_examples=200, deadline=None)
@given(st.integers(0, 999), st.binary(max_size=200))
def test_any_bytes_decode_without_raising(status: int, body: bytes) -> None:
    assert isinstance(decode_answer(status, body, 0.0).explanation, str)


ECHOED = "445da6az1s345z78-dazcczb2542zv51a-e0vc5fva17480im9"
ESCAPED = "".join(f"\\u{ord(c):04x}" for c in ECHOED)


def recoverable(raw: str | None) -> bool:
    """Whether the token can be read back from a stored answer, by eye or by decoding it."""
    text = (raw or "").split("\n", 1)[-1]  # past the note
    with contextlib.suppress(ValueError):
        text += json.dumps(json.loads(text), ensure_ascii=False)
    return ECHOED in text or ECHOED in text.replace("\x00", "")


@pytest.mark.parametrize(
    ("body", "outcome"),
    [
        ('{"status":0,"status_message":"' + ESCAPED + '","message_token":1}', "ok"),
        ('{"status":3,"status_message":"bad: ' + ESCAPED + '"}', "api_error"),
        ('{"status":0,"' + ESCAPED + '":[1]}', "ok"),
        ('{"status":"0","x":"' + ESCAPED + '"}', "unknown"),
        ('{"status":0,"status_message":"' + ESCAPED, "unknown"),  # cut: not JSON
    ],
)
def test_a_token_in_json_escape_codes_is_not_kept(body: str, outcome: str) -> None:
    result = decode(body.encode(), hide=(ECHOED,))
    assert result.outcome == outcome
    assert not recoverable(result.raw_response)
    assert ECHOED not in json.dumps(asdict(result), ensure_ascii=False)
    assert (result.raw_response or "").startswith("[Viber Desktop: this answer held the bot")
    assert "[token hidden]" in (result.raw_response or "")


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_a_token_echoed_in_utf_16_is_not_kept(encoding: str) -> None:
    for body in (f"<pre>{ECHOED}</pre>".encode(encoding), b"x" + ECHOED.encode(encoding)):
        result = decode(body, 500, hide=(ECHOED,))
        assert result.outcome == "unknown"
        assert not recoverable(result.raw_response)
        assert "[token hidden]" in (result.raw_response or "")


def test_a_token_cut_or_echoed_in_part_is_not_kept() -> None:
    for page in (f"<pre>{ECHOED[:25]}\n{ECHOED[25:]}</pre>", f"<pre>X: {ECHOED[:40]}...</pre>"):
        raw = decode(page.encode(), 403, hide=(ECHOED,)).raw_response or ""
        assert ECHOED[:20] not in raw and ECHOED[-20:] not in raw and "[token hidden]" in raw


def test_an_answer_without_the_token_is_kept_as_sent() -> None:
    body = b'{"status":0,"status_message":"\\u0041ok","message_token":1}'
    assert decode(body, hide=(ECHOED,)).raw_response == body.decode()
