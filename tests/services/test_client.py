"""The client against the sandbox over real loopback HTTP."""

import json
import socket
from typing import Any

import pytest

from viber_desktop.core.endpoints import AUTH_HEADER
from viber_desktop.core.text import body_bytes
from viber_desktop.sandbox import rules
from viber_desktop.sandbox.server import Sandbox
from viber_desktop.services.viber_client import BadTokenError, UnsafeUrlError, ViberClient


def msg(receiver: str = "sandbox-user-1", **extra: Any) -> dict[str, Any]:
    return {
        "receiver": receiver,
        "type": "text",
        "text": "Привет 😀",
        "sender": {"name": "Shop"},
        **extra,
    }


@pytest.fixture
def client(sandbox: Sandbox) -> ViberClient:
    return ViberClient(sandbox.base_url, sandbox.token, read_timeout=2)


def test_ok_with_exact_64bit_token_header_and_body(sandbox: Sandbox, client: ViberClient) -> None:
    body = body_bytes(msg())
    result = client.send_message(body)
    assert result.outcome == "ok"
    assert result.message_token == rules.FIRST_MESSAGE_TOKEN
    assert result.message_token > 2**53
    assert result.billing_status == 5
    [req] = sandbox.requests
    assert req.path == "/pa/send_message"
    assert req.body == body
    assert req.headers[AUTH_HEADER] == sandbox.token
    assert req.headers["Content-Type"] == "application/json; charset=utf-8"
    assert sandbox.token.encode() not in req.body


def test_tokens_increase_and_stay_exact(client: ViberClient) -> None:
    tokens = [client.send_message(body_bytes(msg())).message_token for _ in range(3)]
    assert tokens == [rules.FIRST_MESSAGE_TOKEN + i for i in range(3)]


def test_wrong_token_is_status_2(sandbox: Sandbox) -> None:
    result = ViberClient(sandbox.base_url, "wrong").send_message(body_bytes(msg()))
    assert (result.outcome, result.status, result.status_name) == (
        "api_error",
        2,
        "invalidAuthToken",
    )


def test_unknown_receiver_is_status_6(client: ViberClient) -> None:
    result = client.send_message(body_bytes(msg("someone-else")))
    assert (result.outcome, result.status) == ("api_error", 6)


@pytest.mark.parametrize("code", [*range(1, 25), 999])
def test_every_status_test_receiver(client: ViberClient, code: int) -> None:
    result = client.send_message(body_bytes(msg(f"status-{code}")))
    assert (result.outcome, result.status) == ("api_error", code)
    assert result.explanation


def test_body_errors_are_status_3_or_4(client: ViberClient) -> None:
    missing = msg()
    del missing["text"]
    r4 = client.send_message(body_bytes(missing))
    assert r4.status == 4 and r4.status_message and "/text" in r4.status_message
    r3 = client.send_message(body_bytes(msg(text="x" * 7001)))
    assert r3.status == 3 and "7001" in (r3.status_message or "")
    big = client.send_message(body_bytes(msg(tracking_data="a" * 31000)))
    assert big.status == 3


def test_get_account_info(client: ViberClient) -> None:
    result = client.get_account_info()
    assert result.outcome == "ok" and result.data is not None
    assert result.data["name"] == rules.BOT_NAME
    assert result.data["subscribers_count"] > 0


@pytest.mark.parametrize(
    ("fault", "needle"),
    [
        (rules.FAULT_HTTP500, "HTTP 500"),
        (rules.FAULT_NOT_JSON, "not Viber JSON"),
        (rules.FAULT_DROP, "connection lost: the server closed the connection without answering"),
        (f"{rules.FAULT_DELAY_PREFIX}5", "no answer within"),
    ],
)
def test_faults_are_unknown_and_sent_once(sandbox: Sandbox, fault: str, needle: str) -> None:
    client = ViberClient(sandbox.base_url, sandbox.token, read_timeout=0.5)
    result = client.send_message(body_bytes(msg(fault)))
    assert result.outcome == "unknown"
    assert needle in (result.error or "")
    assert "Pool" not in (result.error or "") and "Error" not in (result.error or "")
    assert "MAY HAVE BEEN DELIVERED" in result.explanation
    assert len([r for r in sandbox.requests if r.path == "/pa/send_message"]) == 1


def test_fault_setting_applies_to_every_receiver(sandbox: Sandbox, client: ViberClient) -> None:
    sandbox.state.fault = rules.FAULT_DROP
    assert client.send_message(body_bytes(msg())).outcome == "unknown"
    assert len(sandbox.requests) == 1


def test_delay_within_timeout_is_ok(client: ViberClient) -> None:
    assert client.send_message(body_bytes(msg(f"{rules.FAULT_DELAY_PREFIX}0.2"))).outcome == "ok"


def test_refused_connection_is_not_sent() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    result = ViberClient(f"http://127.0.0.1:{port}/pa", "t").send_message(b"{}")
    assert result.outcome == "not_sent"
    assert "nothing was delivered" in result.explanation
    assert (
        result.error
        == "could not connect: connection refused (nothing is listening at that address)"
    )


@pytest.mark.parametrize(
    "url", ["http://chatapi.viber.com/pa", "http://10.0.0.1/pa", "ftp://127.0.0.1/pa", "not a url"]
)
def test_plain_http_to_public_hosts_is_refused(url: str) -> None:
    with pytest.raises(UnsafeUrlError):
        ViberClient(url, "t")


@pytest.mark.parametrize(
    "url",
    [
        "http://localhost:1/pa",
        "http://127.0.0.5/pa",
        "http://[::1]:1/pa",
        "https://chatapi.viber.com/pa",
    ],
)
def test_loopback_and_https_are_allowed(url: str) -> None:
    ViberClient(url, "t").close()


@pytest.mark.parametrize("token", ["", " t", "a\nb", "тoken"])
def test_bad_tokens_are_refused(token: str) -> None:
    with pytest.raises(BadTokenError):
        ViberClient("http://127.0.0.1:1/pa", token)


def test_rate_limit_101st_message_and_reply_resets(sandbox: Sandbox, client: ViberClient) -> None:
    body = body_bytes(msg("sandbox-user-rate"))
    results = [client.send_message(body) for _ in range(101)]
    assert all(r.outcome == "ok" for r in results[:100])
    assert results[100].status == 12
    reply = client.call("../sandbox/reply", json.dumps({"receiver": "sandbox-user-rate"}).encode())
    assert reply.outcome == "ok"
    after = client.send_message(body)
    assert after.outcome == "ok" and after.billing_status == 2


def test_rate_window_slides_with_the_clock(sandbox: Sandbox, client: ViberClient) -> None:
    now = [1_000_000.0]
    sandbox.state.clock = lambda: now[0]
    body = body_bytes(msg("sandbox-user-clock"))
    for _ in range(100):
        assert client.send_message(body).outcome == "ok"
    assert client.send_message(body).status == 12
    now[0] += 3601
    assert client.send_message(body).outcome == "ok"


def test_tls_failure_is_not_sent(sandbox: Sandbox) -> None:
    """https to the plain-http sandbox: the handshake fails before any request is written."""
    url = sandbox.base_url.replace("http://", "https://")
    result = ViberClient(url, sandbox.token).send_message(body_bytes(msg()))
    assert result.outcome == "not_sent"
    assert result.error == (
        "could not open a secure (TLS) connection to 127.0.0.1: "
        "the server does not speak https at that address"
    )
    assert [r for r in sandbox.requests if r.path == "/pa/send_message"] == []


def test_dns_failure_is_not_sent(monkeypatch: pytest.MonkeyPatch) -> None:
    """No resolver answers here, so the lookup failure is simulated at the socket layer."""

    def fail(*args: object, **kwargs: object) -> None:
        raise socket.gaierror(-2, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", fail)
    result = ViberClient("https://chatapi.viber.com/pa", "t").send_message(b"{}")
    assert result.outcome == "not_sent"
    assert result.error == (
        "could not connect: the server name could not be found "
        "(check the address and the connection)"
    )


def test_a_proxy_in_the_environment_never_catches_the_sandbox(
    sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HTTP_PROXY", "http://127.0.0.1:9")  # nothing listens there
    monkeypatch.setenv("http_proxy", "http://127.0.0.1:9")
    result = ViberClient(sandbox.base_url, sandbox.token).send_message(body_bytes(msg()))
    assert result.outcome == "ok"
