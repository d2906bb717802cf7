"""The client against hostile servers on real loopback sockets: echoes, trickles, floods, bombs."""

import contextlib
import gzip
import json
import shutil
import socket
import ssl
import subprocess
import threading
import time
import zlib
from collections.abc import Callable, Iterator
from dataclasses import asdict
from pathlib import Path

import pytest

from viber_desktop.core.outcomes import MAX_ANSWER_BYTES, ApiResult
from viber_desktop.services.viber_client import BadTimeoutError, ViberClient

TOKEN = "4453b6ac12345678-e02c9ba3dd123456"
ESCAPED = "".join(f"\\u{ord(c):04x}" for c in TOKEN)
"""The token as JSON escape codes: hidden from a plain search, read back by any JSON parser."""
MARGIN = 1.0
"""Seconds allowed past the deadline (thread wake-up on a loaded 2-core machine)."""

Handler = Callable[[socket.socket, bytes], None]


class RawServer:
    """Answers every connection with ``handler(conn, request_bytes)`` on a loopback port."""

    def __init__(self, handler: Handler, tls: ssl.SSLContext | None = None) -> None:
        self.handler = handler
        self.tls = tls
        self.stop = threading.Event()
        self.requests: list[bytes] = []
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.settimeout(0.1)
        self.base_url = f"http://127.0.0.1:{self._listener.getsockname()[1]}/pa"
        self._thread = threading.Thread(target=self._serve, daemon=True)

    def __enter__(self) -> "RawServer":
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        self._thread.join(10)
        self._listener.close()

    def _serve(self) -> None:
        while not self.stop.is_set():
            try:
                conn, _ = self._listener.accept()
            except TimeoutError:
                continue
            with conn:
                try:
                    if self.tls:
                        conn = self.tls.wrap_socket(conn, server_side=True)
                    request = read_request(conn)
                    self.requests.append(request)
                    self.handler(conn, request)
                except OSError:
                    pass  # the client hung up: that is what most tests here expect


def read_request(conn: socket.socket) -> bytes:
    conn.settimeout(5)
    data = b""
    while b"\r\n\r\n" not in data:
        data += conn.recv(65536)
    head, _, body = data.partition(b"\r\n\r\n")
    length = next(
        (
            int(line.split(b":")[1])
            for line in head.split(b"\r\n")
            if line.lower().startswith(b"content-length")
        ),
        0,
    )
    while len(body) < length:
        body += conn.recv(65536)
    return head + b"\r\n\r\n" + body


def trickle(conn: socket.socket, stop: threading.Event, data: bytes) -> None:
    for byte in data:
        if stop.wait(0.2):
            return
        conn.sendall(bytes([byte]))


@pytest.fixture
def serve() -> Iterator[Callable[[Handler], RawServer]]:
    servers: list[RawServer] = []

    def start(handler: Handler) -> RawServer:
        server = RawServer(handler).__enter__()
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.__exit__()


def client(url: str, *, connect: float = 1.0, read: float = 1.0) -> ViberClient:
    return ViberClient(url, TOKEN, connect_timeout=connect, read_timeout=read)


def timed(c: ViberClient) -> tuple[ApiResult, float]:
    start = time.monotonic()
    result = c.send_message(b'{"receiver":"x"}')
    return result, time.monotonic() - start


def answer(body: bytes, *headers: str, status: str = "200 OK") -> bytes:
    head = [f"HTTP/1.1 {status}", f"Content-Length: {len(body)}", "Connection: close", *headers]
    return ("\r\n".join(head) + "\r\n\r\n").encode() + body


# --- the token echoed back -------------------------------------------------------------------


def test_an_echoed_token_is_hidden_in_a_json_answer(serve: Callable[[Handler], RawServer]) -> None:
    def echo(conn: socket.socket, request: bytes) -> None:
        headers = request.split(b"\r\n\r\n")[0].decode()
        body = {
            "status": 3,
            "status_message": f"bad data; you sent {headers}",
            "chat_hostname": TOKEN,
            "debug": {"headers": headers.split("\r\n"), TOKEN: [TOKEN]},
        }
        conn.sendall(answer(json.dumps(body).replace("/", "\\/").encode()))

    server = serve(echo)
    result = client(server.base_url).send_message(b"{}")
    assert TOKEN.encode() in server.requests[0]  # the server really saw and echoed it
    assert result.outcome == "api_error" and result.status == 3
    dumped = json.dumps([asdict(result), result.as_json(), result.explanation])
    assert TOKEN not in dumped
    assert "[token hidden]" in (result.raw_response or "")
    assert "[token hidden]" in (result.status_message or "")


def test_an_echoed_token_is_hidden_in_an_error_page(serve: Callable[[Handler], RawServer]) -> None:
    def echo(conn: socket.socket, request: bytes) -> None:
        page = b"<html><pre>" + request + b"</pre></html>"
        conn.sendall(answer(page, status="403 Forbidden"))

    result = client(serve(echo).base_url).send_message(b"{}")
    assert result.outcome == "unknown" and result.http_status == 403
    assert TOKEN not in json.dumps(asdict(result))
    assert "[token hidden]" in (result.raw_response or "")


@pytest.mark.parametrize(
    "echo",
    [
        b'{"status":0,"status_message":"%s","message_token":1}' % ESCAPED.encode(),
        b'{"status":3,"status_message":"bad: %s"}' % ESCAPED.encode(),
        f"<pre>{TOKEN}</pre>".encode("utf-16"),
        f"<pre>{TOKEN}</pre>".encode("utf-16-be"),
        f"<pre>{TOKEN[:20]}\n{TOKEN[20:]}</pre>".encode(),
        f"<pre>X-Viber-Auth-Token: {TOKEN[:25]}...</pre>".encode(),
    ],
    ids=["json-escapes-ok", "json-escapes-refused", "utf-16", "utf-16-be", "cut", "part"],
)
def test_a_disguised_echo_never_reaches_the_history(
    serve: Callable[[Handler], RawServer], tmp_path: Path, echo: bytes
) -> None:
    from viber_desktop.services.history import HistoryStore

    server = serve(lambda conn, _: conn.sendall(answer(echo)))
    store = HistoryStore(tmp_path / "h.db")
    body = b'{"receiver":"x","type":"text","text":"hi"}'
    entry = store.record_pending(
        profile="P", api_url=server.base_url, endpoint="send_message", body=body, payload={}
    )
    result = client(server.base_url).send_message(body)
    store.record_result(entry, result)
    store.export(tmp_path / "export.jsonl")
    store.export(tmp_path / "export.csv")
    assert "[token hidden]" in (result.raw_response or "")
    for path in tmp_path.iterdir():
        data = path.read_bytes()
        for form in ("utf-8", "utf-16-le", "utf-16-be"):
            assert TOKEN[:20].encode(form) not in data, path
    stored = store.get(entry)
    assert stored is not None and stored.response
    readable = stored.response.replace("\x00", "")
    with contextlib.suppress(ValueError):  # what any JSON parser reads back
        readable += json.dumps(json.loads(readable.split("\n", 1)[-1]), ensure_ascii=False)
    assert TOKEN[:20] not in readable


# --- bounded in time ---------------------------------------------------------------------------


def test_trickled_headers_end_at_the_deadline(serve: Callable[[Handler], RawServer]) -> None:
    server = serve(lambda conn, _: trickle(conn, server.stop, answer(b"{}" * 200)))
    result, elapsed = timed(client(server.base_url))
    assert result.outcome == "unknown"
    assert "no complete answer within 2 s" in (result.error or "")
    assert elapsed < 2 + MARGIN


@pytest.mark.parametrize("length", [True, False], ids=["content-length", "close-delimited"])
def test_a_trickled_body_ends_at_the_deadline(
    serve: Callable[[Handler], RawServer], length: bool
) -> None:
    """Without a Content-Length the cut body looks complete: it must still be unknown."""
    body = json.dumps({"status": 0, "pad": "x" * 500}).encode()
    head = b"HTTP/1.1 200 OK\r\n" + (b"Content-Length: %d\r\n" % len(body) if length else b"")

    def slow(conn: socket.socket, _: bytes) -> None:
        conn.sendall(head + b"Connection: close\r\n\r\n" + body[:10])
        trickle(conn, server.stop, body[10:])

    server = serve(slow)
    result, elapsed = timed(client(server.base_url, connect=0.5, read=1.0))
    assert result.outcome == "unknown"
    assert result.error == "no complete answer within 1.5 s"
    assert elapsed < 1.5 + MARGIN


def test_an_explicit_deadline_wins(serve: Callable[[Handler], RawServer]) -> None:
    server = serve(lambda conn, _: trickle(conn, server.stop, answer(b"{}" * 200)))
    c = ViberClient(server.base_url, TOKEN, connect_timeout=5, read_timeout=20, deadline=0.8)
    result, elapsed = timed(c)
    assert result.outcome == "unknown"
    assert elapsed < 0.8 + MARGIN


def test_a_quick_answer_is_untouched_by_the_deadline(
    serve: Callable[[Handler], RawServer],
) -> None:
    body = b'{"status":0,"message_token":5741311803571721087,"billing_status":"2"}'
    server = serve(lambda conn, _: conn.sendall(answer(body)))
    c = client(server.base_url, connect=0.3, read=0.3)
    for _ in range(2):  # a second call on the same client gets a fresh deadline
        result, _elapsed = timed(c)
        assert result.outcome == "ok"
        assert result.message_token == 5741311803571721087
        assert result.billing_status == 2
    time.sleep(0.8)  # past the deadline: the timer must not hit anything now
    assert len(server.requests) == 2


# --- bounded in size ---------------------------------------------------------------------------


@pytest.mark.parametrize("chunked", [False, True])
def test_a_2_mb_answer_is_not_read(serve: Callable[[Handler], RawServer], chunked: bool) -> None:
    body = b'{"status":0,"pad":"' + b"x" * 2_000_000 + b'"}'

    def flood(conn: socket.socket, _: bytes) -> None:
        if chunked:
            conn.sendall(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n")
            for i in range(0, len(body), 65536):
                part = body[i : i + 65536]
                conn.sendall(b"%x\r\n%s\r\n" % (len(part), part))
            conn.sendall(b"0\r\n\r\n")
        else:
            conn.sendall(answer(body))

    result, elapsed = timed(client(serve(flood).base_url, read=5))
    assert result.outcome == "unknown"
    assert f"larger than {MAX_ANSWER_BYTES:,} bytes" in (result.error or "")
    assert "MAY HAVE BEEN DELIVERED" in result.explanation
    assert elapsed < 5


@pytest.mark.parametrize(
    ("encoding", "pack"),
    [
        ("gzip", gzip.compress),
        ("deflate", zlib.compress),
        ("deflate", lambda data: zlib.compress(data)[2:-4]),  # raw deflate, no header
    ],
)
def test_a_decompression_bomb_is_refused(
    serve: Callable[[Handler], RawServer], encoding: str, pack: Callable[[bytes], bytes]
) -> None:
    bomb = pack(b'{"status":0,"pad":"' + b"0" * 10_000_000 + b'"}')
    assert len(bomb) < MAX_ANSWER_BYTES // 10  # small on the wire
    server = serve(lambda conn, _: conn.sendall(answer(bomb, f"Content-Encoding: {encoding}")))
    result, elapsed = timed(client(server.base_url, read=5))
    assert result.outcome == "unknown"
    assert f"unpacks to more than {MAX_ANSWER_BYTES:,} bytes" in (result.error or "")
    assert elapsed < 5


@pytest.mark.parametrize(
    ("encoding", "pack"), [("gzip", gzip.compress), ("deflate", zlib.compress)]
)
def test_a_small_packed_answer_is_read(
    serve: Callable[[Handler], RawServer], encoding: str, pack: Callable[[bytes], bytes]
) -> None:
    body = pack(b'{"status":0,"message_token":1}')
    server = serve(lambda conn, _: conn.sendall(answer(body, f"Content-Encoding: {encoding}")))
    result = client(server.base_url).send_message(b"{}")
    assert (result.outcome, result.message_token) == ("ok", 1)


@pytest.mark.parametrize(
    ("encoding", "body", "needle"),
    [
        ("br", b"\x1b\x00", "'br', which this app does not unpack"),
        ("gzip, gzip", b"x", "which this app does not unpack"),
        ("gzip", b"not gzip at all", "damaged"),
    ],
)
def test_unreadable_packing_is_unknown_in_plain_words(
    serve: Callable[[Handler], RawServer], encoding: str, body: bytes, needle: str
) -> None:
    server = serve(lambda conn, _: conn.sendall(answer(body, f"Content-Encoding: {encoding}")))
    result = client(server.base_url).send_message(b"{}")
    assert result.outcome == "unknown"
    assert needle in (result.error or "")


def test_a_cut_answer_is_unknown_in_plain_words(serve: Callable[[Handler], RawServer]) -> None:
    def cut(conn: socket.socket, _: bytes) -> None:
        conn.sendall(b'HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n{"status":')

    result = client(serve(cut).base_url).send_message(b"{}")
    assert result.outcome == "unknown"
    assert result.error == "connection lost: the answer stopped halfway"


# --- timeouts ------------------------------------------------------------------------------------


@pytest.mark.parametrize("value", [float("nan"), float("inf"), 0, -1.0])
@pytest.mark.parametrize("which", ["connect_timeout", "read_timeout", "deadline"])
def test_absurd_timeouts_are_refused(value: float, which: str) -> None:
    with pytest.raises(BadTimeoutError, match="must be a number of seconds above 0"):
        ViberClient("http://127.0.0.1:1/pa", TOKEN, **{which: value})
    assert issubclass(BadTimeoutError, ValueError)


def test_a_stall_in_the_body_is_the_read_timeout(serve: Callable[[Handler], RawServer]) -> None:
    def stall(conn: socket.socket, _: bytes) -> None:
        conn.sendall(b'HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n{"status":')
        server.stop.wait(5)

    server = serve(stall)
    result, elapsed = timed(client(server.base_url, connect=3, read=0.5))
    assert result.outcome == "unknown"
    assert result.error == "no answer within 0.5 s"
    assert elapsed < 0.5 + MARGIN


def test_the_deadline_holds_through_a_proxy(
    serve: Callable[[Handler], RawServer], monkeypatch: pytest.MonkeyPatch
) -> None:
    """An https base URL goes through the environment's proxy; a proxy that trickles its
    CONNECT answer is cut at the deadline like a server."""
    proxy = serve(lambda conn, _: trickle(conn, proxy.stop, b"HTTP/1.1 200 Connection established"))
    proxy_url = proxy.base_url.removesuffix("/pa")
    for name in ("HTTPS_PROXY", "https_proxy"):
        monkeypatch.setenv(name, proxy_url)
    for name in ("NO_PROXY", "no_proxy"):
        monkeypatch.delenv(name, raising=False)
    result, elapsed = timed(client("https://chatapi.viber.com/pa", connect=0.5, read=0.5))
    assert proxy.requests and proxy.requests[0].startswith(b"CONNECT chatapi.viber.com:443")
    assert TOKEN.encode() not in proxy.requests[0]
    assert result.outcome == "unknown"
    assert elapsed < 1 + MARGIN


def test_a_changed_base_url_is_checked_again(serve: Callable[[Handler], RawServer]) -> None:
    server = serve(lambda conn, _: conn.sendall(answer(b'{"status":0}')))
    c = client(server.base_url)
    c.base_url = "http://192.0.2.2:18200\\@" + server.base_url.removeprefix("http://")
    result = c.send_message(b"{}")
    assert result.outcome == "not_sent"
    assert (result.error or "").startswith("This address is not safe to send a token to")
    assert server.requests == []


def test_an_untrusted_certificate_is_not_sent_in_plain_words(tmp_path: Path) -> None:
    if not shutil.which("openssl"):
        pytest.skip("openssl is needed to make a self-signed certificate")
    key, cert = tmp_path / "key.pem", tmp_path / "cert.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
         "-subj", "/CN=127.0.0.1", "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True,
    )  # fmt: skip
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    with RawServer(lambda conn, _: conn.sendall(answer(b'{"status":0}')), context) as server:
        url = server.base_url.replace("http://", "https://")
        result = client(url).send_message(b"{}")
    assert result.outcome == "not_sent"
    assert result.error == (
        "could not open a secure (TLS) connection to 127.0.0.1: its certificate is not trusted "
        "by this computer (check the address and the clock)"
    )
    assert server.requests == []


def test_stop_ends_a_call_in_flight_as_unknown(serve: Callable[[Handler], RawServer]) -> None:
    def silent(conn: socket.socket, _: bytes) -> None:
        server.stop.wait(10)  # read the request, never answer

    server = serve(silent)
    c = client(server.base_url, connect=5, read=20)
    results: list[ApiResult] = []
    worker = threading.Thread(target=lambda: results.append(c.send_message(b"{}")))
    start = time.monotonic()
    worker.start()
    time.sleep(0.3)
    c.stop()
    worker.join(5)
    assert time.monotonic() - start < 0.3 + MARGIN
    [result] = results
    assert result.outcome == "unknown"
    assert result.error == "you stopped waiting for the answer"
    assert "MAY HAVE BEEN DELIVERED" in result.explanation
    assert len(server.requests) == 1


def test_stop_before_the_call_sends_nothing(serve: Callable[[Handler], RawServer]) -> None:
    server = serve(lambda conn, _: conn.sendall(answer(b'{"status":0}')))
    c = client(server.base_url)
    c.stop()
    result = c.send_message(b"{}")
    assert (result.outcome, result.error) == ("not_sent", "you stopped the send before it left")
    time.sleep(0.2)
    assert server.requests == []
