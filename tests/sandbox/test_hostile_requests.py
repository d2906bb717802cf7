"""The sandbox under hostile requests: a quick HTTP error, never a hang, a traceback or a
growing memory, over a real socket."""

import http.client
import json
import socket
import time
from collections.abc import Iterator

import pytest

from viber_desktop.sandbox import rules
from viber_desktop.sandbox.server import BODY_MAX, REQUEST_LOG_MAX, Sandbox, _Handler, fault_delay


@pytest.fixture
def conn(sandbox: Sandbox) -> Iterator[http.client.HTTPConnection]:
    connection = http.client.HTTPConnection("127.0.0.1", sandbox.port, timeout=5)
    yield connection
    connection.close()


def _raw(sandbox: Sandbox, request: bytes, timeout: float = 5.0) -> bytes:
    """Send raw bytes; return everything the server answers before it closes or goes quiet."""
    with socket.create_connection(("127.0.0.1", sandbox.port), timeout=timeout) as sock:
        sock.sendall(request)
        chunks = []
        try:
            while chunk := sock.recv(65536):
                chunks.append(chunk)
                if b"\r\n\r\n" in b"".join(chunks) and _complete(b"".join(chunks)):
                    break
        except TimeoutError:
            pass
    return b"".join(chunks)


def _complete(answer: bytes) -> bool:
    head, _, body = answer.partition(b"\r\n\r\n")
    for line in head.split(b"\r\n"):
        if line.lower().startswith(b"content-length:"):
            return len(body) >= int(line.split(b":", 1)[1])
    return False


def _post(length: str, body: bytes = b"") -> bytes:
    return (
        b"POST /pa/send_message HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        b"Content-Length: " + length.encode() + b"\r\n\r\n" + body
    )


@pytest.mark.parametrize(
    ("length", "status"),
    [
        ("-5", b"400"),
        ("abc", b"400"),
        ("1e3", b"400"),
        ("+10", b"400"),
        ("9" * 30, b"400"),
        ("99999999999", b"413"),
        (str(BODY_MAX + 1), b"413"),
    ],
)
def test_a_bad_content_length_gets_a_quick_http_error(
    sandbox: Sandbox, length: str, status: bytes
) -> None:
    started = time.monotonic()
    answer = _raw(sandbox, _post(length, b"{}"))
    assert answer.startswith(b"HTTP/1.1 " + status), answer[:200]
    assert b"Content-Length" in answer.split(b"\r\n\r\n")[1] or b"bytes" in answer
    assert time.monotonic() - started < 3


def test_a_deep_reply_body_gets_an_http_error(sandbox: Sandbox) -> None:
    body = b"[" * 100_000 + b"]" * 100_000
    request = (
        b"POST /sandbox/reply HTTP/1.1\r\nHost: x\r\nContent-Length: "
        + str(len(body)).encode()
        + b"\r\n\r\n"
        + body
    )
    answer = _raw(sandbox, request)
    assert answer.startswith(b"HTTP/1.1 400"), answer[:200]
    assert b"nested more than 100 levels" in answer


def test_a_deep_send_body_is_a_viber_error_not_a_traceback(
    sandbox: Sandbox, conn: http.client.HTTPConnection
) -> None:
    body = b"[" * 10_000 + b"]" * 10_000  # under 30 KB: parsed, not refused by size
    conn.request("POST", "/pa/send_message", body, {"X-Viber-Auth-Token": sandbox.token})
    answer = json.loads(conn.getresponse().read())
    assert answer["status"] == 3 and "not valid JSON" in answer["status_message"]


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("1.5", 1.5),
        ("inf", rules.FAULT_DELAY_MAX),
        ("1e12", rules.FAULT_DELAY_MAX),
        ("nan", 0.0),
        ("-3", 0.0),
    ],
)
def test_fault_delays_are_capped(text: str, seconds: float) -> None:
    assert fault_delay(text) == seconds


def test_a_nan_delay_answers_at_once(sandbox: Sandbox, conn: http.client.HTTPConnection) -> None:
    body = json.dumps(
        {"receiver": "fault-delay-nan", "type": "text", "text": "hi", "sender": {"name": "S"}}
    )
    started = time.monotonic()
    conn.request("POST", "/pa/send_message", body, {"X-Viber-Auth-Token": sandbox.token})
    assert json.loads(conn.getresponse().read())["status"] == 0
    assert time.monotonic() - started < 3


def test_the_request_log_is_bounded(sandbox: Sandbox, conn: http.client.HTTPConnection) -> None:
    for i in range(REQUEST_LOG_MAX + 20):
        conn.request("POST", "/pa/get_account_info", str(i).encode(), {})
        conn.getresponse().read()
    log = sandbox.requests
    assert len(log) == REQUEST_LOG_MAX
    assert log[-1].body == str(REQUEST_LOG_MAX + 19).encode()


def test_a_client_that_stops_sending_is_dropped(
    sandbox: Sandbox, conn: http.client.HTTPConnection, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_Handler, "timeout", 0.5)
    started = time.monotonic()
    answer = _raw(sandbox, _post("100", b'{"rec'), timeout=10)
    assert answer == b"" and time.monotonic() - started < 5
    conn.request("GET", "/sandbox/icon.png")
    assert conn.getresponse().status == 200  # still serving


@pytest.mark.parametrize(
    ("receiver", "status"),
    [
        ("status-12", 12),
        ("status-007", 7),
        ("status-999999999", 999_999_999),
        ("status-²", 6),
        ("status-١٢", 6),  # Arabic-Indic digits
        ("status-" + "9" * 5000, 6),
        ("status-1234567890", 6),
        ("status-0", 6),
    ],
)
def test_status_receivers_take_plain_digits_only(
    sandbox: Sandbox, conn: http.client.HTTPConnection, receiver: str, status: int
) -> None:
    body = json.dumps({"receiver": receiver, "type": "text", "text": "hi", "sender": {"name": "S"}})
    conn.request("POST", "/pa/send_message", body, {"X-Viber-Auth-Token": sandbox.token})
    assert json.loads(conn.getresponse().read())["status"] == status
