"""The sandbox HTTP server: Viber's send_message, get_account_info, get_user_details and
get_online on 127.0.0.1."""

import contextlib
import math
import socket
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Final

from viber_desktop.core import limits
from viber_desktop.core.checker import check_payload
from viber_desktop.core.endpoints import AUTH_HEADER
from viber_desktop.core.jsonio import JsonInputError, parse_json
from viber_desktop.core.receivers import ONLINE_IDS_MAX, USER_DETAILS_LIMIT
from viber_desktop.core.text import compact_json
from viber_desktop.sandbox import rules, users
from viber_desktop.sandbox.icon import bot_icon_png

HOUR = 3600.0
BODY_MAX: Final = 1024 * 1024
"""The largest body the sandbox reads (Viber's limit is 30 KB; larger gets status 3 up to here,
HTTP 413 beyond)."""
REQUEST_LOG_MAX: Final = 500
"""How many requests the sandbox remembers (the oldest are forgotten)."""
SOCKET_TIMEOUT: Final = 30.0
"""A client that stops sending mid-request is dropped after this many seconds."""


@dataclass
class RecordedRequest:
    """A request the sandbox received, for tests and the sandbox log."""

    path: str
    headers: dict[str, str]
    body: bytes


@dataclass
class _Receiver:
    sends: deque[float] = field(default_factory=deque)
    session_until: float = 0.0
    lookups: deque[float] = field(default_factory=deque)


class SandboxState:
    """Per-receiver counters, sessions and the message-token sequence (thread-safe)."""

    def __init__(self, clock: Any = time.time) -> None:
        self.clock = clock
        self.lock = threading.Lock()
        self.receivers: dict[str, _Receiver] = {}
        self.next_token = rules.FIRST_MESSAGE_TOKEN
        self.requests: deque[RecordedRequest] = deque(maxlen=REQUEST_LOG_MAX)
        self.fault: str | None = None
        """A fault applied to every send (same names as the fault receivers)."""

    def reply(self, receiver: str) -> None:
        """Simulate the receiver replying: reset the hourly count and open a session."""
        with self.lock:
            rec = self.receivers.setdefault(receiver, _Receiver())
            rec.sends.clear()
            rec.session_until = self.clock() + rules.SESSION_HOURS * HOUR

    def look_up(self, receiver: str) -> bool:
        """Count a get_user_details call; False when Viber's limit for this user is used up."""
        limit = USER_DETAILS_LIMIT
        with self.lock:
            now = self.clock()
            rec = self.receivers.setdefault(receiver, _Receiver())
            while rec.lookups and rec.lookups[0] <= now - limit.window_s:
                rec.lookups.popleft()
            if len(rec.lookups) >= limit.calls:
                return False
            rec.lookups.append(now)
            return True

    def deliver(self, receiver: str) -> dict[str, Any]:
        """Apply the per-receiver limit and billing rule; return the answer body."""
        with self.lock:
            now = self.clock()
            rec = self.receivers.setdefault(receiver, _Receiver())
            while rec.sends and rec.sends[0] <= now - HOUR:
                rec.sends.popleft()
            if len(rec.sends) >= limits.RECEIVER_MESSAGES_PER_HOUR:
                return _status(12, "Too many requests")
            rec.sends.append(now)
            token = self._next_token()
            billing = 2 if rec.session_until > now else 5
        return {
            "status": 0,
            "status_message": "ok",
            "message_token": token,
            "chat_hostname": "SANDBOX-CHAT-01",
            "billing_status": billing,
        }

    def take_token(self) -> int:
        """The next message token (each answer that carries one takes its own)."""
        with self.lock:
            return self._next_token()

    def _next_token(self) -> int:
        token = self.next_token
        self.next_token += 1
        return token


_ENDPOINTS: Final = (
    "/pa/send_message",
    "/pa/get_account_info",
    "/pa/get_user_details",
    "/pa/get_online",
)


def fault_delay(text: str) -> float:
    """The seconds a ``fault-delay-S`` receiver waits: S, within 0 and rules.FAULT_DELAY_MAX.

    Raises ValueError when S is not a number.
    """
    seconds = float(text)
    if math.isnan(seconds):
        return 0.0
    return min(max(seconds, 0.0), rules.FAULT_DELAY_MAX)


def _status(code: int, message: str | None = None) -> dict[str, Any]:
    return {
        "status": code,
        "status_message": message or rules.status_message(code),
        "chat_hostname": "SANDBOX-CHAT-01",
    }


class _Handler(BaseHTTPRequestHandler):
    server: "_Server"
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body go out in two writes: avoid 40 ms stalls
    timeout = SOCKET_TIMEOUT

    def log_message(self, format: str, *args: Any) -> None:
        if self.server.verbose:
            super().log_message(format, *args)

    def do_GET(self) -> None:
        if self.path == "/sandbox/icon.png":
            self._send(200, bot_icon_png(), "image/png")
        else:
            self._send(404, b"not found", "text/plain")

    def _body_length(self) -> int | None:
        """The Content-Length, or None after answering 400/413 for a bad or huge one."""
        text = (self.headers.get("Content-Length") or "0").strip()
        if not text.isascii() or not text.isdigit() or len(text) > 20:
            self._refuse(400, b"Content-Length must be a whole number of bytes")
            return None
        length = int(text)
        if length > BODY_MAX:
            self._refuse(413, f"The body is larger than {BODY_MAX:,} bytes".encode())
            return None
        return length

    def _refuse(self, code: int, text: bytes) -> None:
        # The body was not read: the connection cannot carry another request.
        self.close_connection = True
        self.send_response(code)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(text)))
        self.send_header("Connection", "close")
        self.end_headers()
        with contextlib.suppress(OSError):
            self.wfile.write(text)

    def do_POST(self) -> None:
        length = self._body_length()
        if length is None:
            return
        body = self.rfile.read(length) if length else b""
        state = self.server.state
        with state.lock:
            state.requests.append(RecordedRequest(self.path, dict(self.headers.items()), body))
        if self.path == "/sandbox/reply":
            self._reply(body)
            return
        if self.path not in _ENDPOINTS:
            self._send(404, b"<html><body>404 Not Found</body></html>", "text/html")
            return
        if self.headers.get(AUTH_HEADER) != self.server.token:
            self._json(
                _status(
                    2, "invalidAuthToken" if self.headers.get(AUTH_HEADER) else "missing_auth_token"
                )
            )
            return
        if self.path == "/pa/get_account_info":
            self._json(self._account_info())
        elif self.path == "/pa/get_user_details":
            answer = self._user_details(body)
            if answer is not None:
                self._json(answer)
        elif self.path == "/pa/get_online":
            self._json(self._online(body))
        else:
            self._send_message(body)

    def _user_details(self, body: bytes) -> dict[str, Any] | None:
        """The answer, or None when a fault receiver's answer was given already."""
        try:
            data = parse_json(body, what="Request body")
        except JsonInputError:
            return _status(3, "Request body is not valid JSON")
        uid = data.get("id") if isinstance(data, dict) else None
        if not isinstance(uid, str) or not uid:
            return _status(4, "id is required")
        fault = self.server.state.fault or uid
        if self._fault(fault):
            return None
        code = rules.status_for_test_receiver(uid)
        if code is not None:
            return _status(code)
        if not rules.is_subscriber(uid):
            return _status(6)
        if not self.server.state.look_up(uid):
            return _status(12, "Too many requests")
        return {
            "status": 0,
            "status_message": "ok",
            "message_token": self.server.state.take_token(),
            "user": users.user_details(uid),
            "chat_hostname": "SANDBOX-CHAT-01",
        }

    def _online(self, body: bytes) -> dict[str, Any]:
        try:
            data = parse_json(body, what="Request body")
        except JsonInputError:
            return _status(3, "Request body is not valid JSON")
        ids = data.get("ids") if isinstance(data, dict) else None
        if not isinstance(ids, list) or not ids:
            return _status(4, "ids is required")
        if len(ids) > ONLINE_IDS_MAX:
            return _status(3, f"ids: at most {ONLINE_IDS_MAX} items, not {len(ids)}")
        if not all(isinstance(i, str) and i for i in ids):
            return _status(3, "ids: every item must be a non-empty string")
        now = self.server.state.clock()
        return {
            "status": 0,
            "status_message": "ok",
            "users": [users.online_entry(i, now) for i in ids],
            "chat_hostname": "SANDBOX-CHAT-01",
        }

    def _account_info(self) -> dict[str, Any]:
        host, port = str(self.server.server_address[0]), self.server.server_address[1]
        return {
            "status": 0,
            "status_message": "ok",
            "id": "pa:5000000000000000001",
            "name": rules.BOT_NAME,
            "uri": "sandboxbot",
            "icon": f"http://{host}:{port}/sandbox/icon.png",
            "category": "Utilities",
            "subcategory": "Testing",
            "country": "ZZ",
            "webhook": "",
            "event_types": [
                "delivered",
                "seen",
                "failed",
                "subscribed",
                "unsubscribed",
                "conversation_started",
            ],
            "subscribers_count": len(rules.SUBSCRIBERS),
            "chat_hostname": "SANDBOX-CHAT-01",
        }

    def _send_message(self, body: bytes) -> None:
        if len(body) > limits.REQUEST_BYTES_MAX:
            self._json(
                _status(3, f"Request is {len(body)} bytes; the limit is {limits.REQUEST_BYTES_MAX}")
            )
            return
        try:
            payload = parse_json(body, what="Request body")
        except JsonInputError:
            self._json(_status(3, "Request body is not valid JSON"))
            return
        receiver = payload.get("receiver") if isinstance(payload, dict) else None
        fault = self.server.state.fault or (receiver if isinstance(receiver, str) else None)
        if fault and self._fault(fault):
            return
        report = check_payload(payload)
        if not report.ok:
            missing = any(f.code == "missing_field" for f in report.errors)
            text = "; ".join(f"{f.path or '/'}: {f.message}" for f in report.errors)
            self._json(_status(4 if missing else 3, text))
            return
        assert isinstance(receiver, str)  # guaranteed by the check above
        code = rules.status_for_test_receiver(receiver)
        level = users.api_level(receiver)
        declared = payload.get("min_api_version", 1)
        if code is not None:
            self._json(_status(code))
        elif not rules.is_subscriber(receiver):
            self._json(_status(6))
        elif level is not None and isinstance(declared, int) and declared > level:
            self._json(_status(13))
        else:
            self._json(self.server.state.deliver(receiver))

    def _fault(self, fault: str) -> bool:
        if fault.startswith(rules.FAULT_DELAY_PREFIX):
            with contextlib.suppress(ValueError):
                self.server.stopping.wait(fault_delay(fault[len(rules.FAULT_DELAY_PREFIX) :]))
            return False
        if fault == rules.FAULT_HTTP500:
            page = (
                b"<html><head><title>500 Internal Server Error</title></head><body>"
                b"<h1>Internal Server Error</h1></body></html>"
            )
            self._send(500, page, "text/html")
            return True
        if fault == rules.FAULT_NOT_JSON:
            self._send(200, b"OK, message queued (not JSON)", "text/plain")
            return True
        if fault == rules.FAULT_DROP:
            self.close_connection = True
            with contextlib.suppress(OSError):
                self.connection.shutdown(socket.SHUT_RDWR)
            return True
        return False

    def _reply(self, body: bytes) -> None:
        try:
            data = parse_json(body, what="The request body")
        except JsonInputError as exc:
            self._send(400, str(exc).encode(), "text/plain; charset=utf-8")
            return
        receiver = data.get("receiver") if isinstance(data, dict) else None
        if not isinstance(receiver, str) or not receiver:
            self._json(_status(4, "receiver is required"))
            return
        self.server.state.reply(receiver)
        self._json({"status": 0, "status_message": "ok"})

    def _json(self, data: dict[str, Any]) -> None:
        self._send(200, compact_json(data).encode("utf-8"), "application/json")

    def _send(self, code: int, data: bytes, ctype: str) -> None:
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # client gave up
            self.wfile.write(data)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, port: int, token: str, state: SandboxState, verbose: bool) -> None:
        super().__init__(("127.0.0.1", port), _Handler)
        self.token = token
        self.state = state
        self.verbose = verbose
        self.stopping = threading.Event()

    def handle_error(self, request: Any, client_address: Any) -> None:
        if self.verbose:
            super().handle_error(request, client_address)


class Sandbox:
    """A running sandbox server. Use as a context manager or call start()/stop().

    Args:
        port: 0 picks a free port.
        token: the token it accepts (default: the documented sandbox token).
    """

    def __init__(
        self, port: int = 0, token: str = rules.SANDBOX_TOKEN, *, verbose: bool = False
    ) -> None:
        self.state = SandboxState()
        self._server = _Server(port, token, self.state, verbose)
        self._thread: threading.Thread | None = None
        self.token = token

    @property
    def port(self) -> int:
        return int(self._server.server_address[1])

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/pa"

    @property
    def requests(self) -> list[RecordedRequest]:
        with self.state.lock:
            return list(self.state.requests)

    def start(self) -> "Sandbox":
        self._thread = threading.Thread(
            target=self._server.serve_forever, args=(0.05,), name="viber-sandbox", daemon=True
        )
        self._thread.start()
        return self

    def serve_forever(self) -> None:
        self._server.serve_forever()

    def stop(self) -> None:
        self._server.stopping.set()
        self._server.shutdown()
        self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def __enter__(self) -> "Sandbox":
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
