"""The Viber REST client: exact bytes out, exact answers in, never a retry."""

import contextlib
import errno
import http.client
import ipaddress
import socket
import ssl
import threading
import time
from collections.abc import Callable, Sequence
from typing import Any

import requests
import urllib3.exceptions
from urllib3.exceptions import ConnectTimeoutError, NameResolutionError, NewConnectionError
from urllib3.util import parse_url
from urllib3.util.retry import Retry

from viber_desktop.core.endpoints import (
    AUTH_HEADER,
    CONTENT_TYPE,
    ApiUrl,
    UnsafeUrl,
    endpoint_url,
    parse_base_url,
    timeout_problem,
)
from viber_desktop.core.i18n import N_, _, number
from viber_desktop.core.outcomes import MAX_ANSWER_BYTES, ApiResult, Outcome, decode_answer
from viber_desktop.core.receivers import ONLINE_IDS_MAX
from viber_desktop.core.redact import redact
from viber_desktop.core.text import body_bytes
from viber_desktop.services.bounded_http import (
    Deadline,
    TooLarge,
    UnreadableEncoding,
    WatchedAdapter,
    read_capped,
)

DEFAULT_CONNECT_TIMEOUT = 5.0
DEFAULT_READ_TIMEOUT = 20.0
READ_CHUNK = 16384


class UnsafeUrlError(UnsafeUrl):
    """The base URL may not be used (plain http to a public host, or not a plain URL)."""


class BadTokenError(ValueError):
    """The token is empty or holds characters an HTTP header cannot carry."""


class BadTimeoutError(ValueError):
    """A timeout is not a number of seconds above zero."""


def _connected_host(url: str) -> tuple[str, str | None, int | None]:
    """Scheme, host and port exactly as urllib3 (and so requests) will connect."""
    parts = parse_url(url)
    host = (parts.host or "").strip("[]").lower()
    with contextlib.suppress(ValueError):
        host = str(ipaddress.ip_address(host))
    return (parts.scheme or "", host, parts.port)


def _checked_host(api: ApiUrl) -> tuple[str, str | None, int | None]:
    return (api.scheme, api.host, api.port)


class ViberClient:
    """Calls the Viber REST Bot API.

    Args:
        base_url: e.g. ``https://chatapi.viber.com/pa``; plain http only for loopback hosts.
        token: the bot token; it goes only into the ``X-Viber-Auth-Token`` header.
        connect_timeout / read_timeout: seconds; the whole request (connect, send, answer)
            must also end within ``deadline`` seconds, by default their sum.
    """

    def __init__(
        self,
        base_url: str,
        token: str,
        *,
        connect_timeout: float = DEFAULT_CONNECT_TIMEOUT,
        read_timeout: float = DEFAULT_READ_TIMEOUT,
        deadline: float | None = None,
    ) -> None:
        try:
            self._api = parse_base_url(base_url)
        except UnsafeUrl as exc:
            raise UnsafeUrlError(str(exc)) from None
        if _connected_host(base_url) != _checked_host(self._api):
            raise UnsafeUrlError(f"{_(UNSAFE_HOST_MISMATCH)} ({base_url[:200]!r})")
        if not token or not token.isprintable() or not token.isascii() or token != token.strip():
            raise BadTokenError(
                _("the token is empty or contains spaces or characters a header cannot carry")
            )
        for what, value in (
            (_("connect timeout"), connect_timeout),
            (_("read timeout"), read_timeout),
        ):
            problem = timeout_problem(value, what)
            if problem:
                raise BadTimeoutError(problem)
        if deadline is None:
            deadline = connect_timeout + read_timeout
        problem = timeout_problem(deadline, _("overall time limit"))
        if problem:
            raise BadTimeoutError(problem)
        self.base_url = base_url
        self._token = token
        self.timeout = (float(connect_timeout), float(read_timeout))
        self.deadline = float(deadline)
        self._lock = threading.Lock()
        self._stopped = False
        self._inflight: Deadline | None = None
        self._session = requests.Session()
        # Proxy settings from the environment apply to Viber (corporate networks need them);
        # never to the local sandbox, which a proxy could not reach.
        self._session.trust_env = not self._api.is_loopback
        # Never retry: a duplicate marketing message is worse than an error.
        no_retry = Retry(total=0, connect=0, read=0, redirect=0, status=0, other=0)
        self._adapter = WatchedAdapter(max_retries=no_retry)
        self._session.mount("http://", self._adapter)
        self._session.mount("https://", self._adapter)

    def close(self) -> None:
        self._session.close()

    def stop(self) -> None:
        """Stop waiting, from any thread: a call in flight ends now as ``unknown`` (it may have
        been delivered); a call not yet started ends as ``not_sent``. Never a resend."""
        with self._lock:
            self._stopped = True
            inflight = self._inflight
        if inflight is not None:
            inflight.expire()

    def send_message(self, body: bytes) -> ApiResult:
        """POST the exact ``body`` bytes (from ``core.text.body_bytes``) to send_message."""
        return self.call("send_message", body)

    def get_account_info(self) -> ApiResult:
        return self.call("get_account_info", b"{}")

    def get_user_details(self, user_id: str) -> ApiResult:
        """POST ``{"id": user_id}`` to get_user_details. Viber allows 2 calls per user every
        12 hours: the caller counts them (``services.receivers.look_up``)."""
        return self._call_json("get_user_details", {"id": user_id})

    def get_online(self, ids: Sequence[str]) -> ApiResult:
        """POST ``{"ids": [...]}`` to get_online; more than 100 IDs are not sent."""
        if len(ids) > ONLINE_IDS_MAX:
            return self._failed(
                "not_sent",
                _("get_online takes at most {limit} IDs, not {count}").format(
                    limit=ONLINE_IDS_MAX, count=number(len(ids))
                ),
                0.0,
            )
        return self._call_json("get_online", {"ids": list(ids)})

    def _call_json(self, endpoint: str, body: dict[str, Any]) -> ApiResult:
        try:
            data = body_bytes(body)
        except UnicodeEncodeError:
            return self._failed(
                "not_sent", _("an ID contains a broken character (half of an emoji)"), 0.0
            )
        return self.call(endpoint, data)

    def call(self, endpoint: str, body: bytes) -> ApiResult:
        """POST ``body`` to ``endpoint`` once and classify what happened."""
        start = time.perf_counter()

        def elapsed() -> float:
            return (time.perf_counter() - start) * 1000

        headers = {
            AUTH_HEADER: self._token,
            "Content-Type": CONTENT_TYPE,
            "Accept-Encoding": "gzip, deflate",  # the two encodings read_capped unpacks
        }
        request = requests.Request("POST", endpoint_url(self.base_url, endpoint), headers=headers)
        request.data = body
        prepared = self._session.prepare_request(request)
        if _connected_host(prepared.url or "") != _checked_host(self._api):
            return self._failed("not_sent", _(UNSAFE_HOST_MISMATCH), elapsed())
        try:
            with Deadline(self.deadline) as deadline:
                with self._lock:
                    if self._stopped:
                        return self._failed("not_sent", _(STOPPED_BEFORE), elapsed())
                    self._inflight = deadline
                return self._exchange(prepared, deadline, elapsed)
        finally:
            self._inflight = None
            self._adapter.close()  # no connection outlives its deadline

    def _exchange(
        self, prepared: requests.PreparedRequest, deadline: Deadline, elapsed: Callable[[], float]
    ) -> ApiResult:

        def late() -> str:
            if self._stopped:
                return _(STOPPED)
            return _("no complete answer within {seconds} s").format(seconds=f"{self.deadline:g}")

        try:
            resp = self._session.send(
                prepared, timeout=self.timeout, allow_redirects=False, stream=True
            )
        except requests.exceptions.SSLError as exc:
            return self._failed("not_sent", _tls_reason(exc, self._api.host), elapsed())
        except requests.exceptions.ConnectTimeout:
            return self._failed(
                "not_sent",
                _("could not connect within {seconds} s").format(seconds=f"{self.timeout[0]:g}"),
                elapsed(),
            )
        except requests.exceptions.ReadTimeout:
            return self._failed("unknown", self._no_answer(), elapsed())
        except requests.exceptions.ConnectionError as exc:
            if deadline.expired:
                return self._failed("unknown", late(), elapsed())
            if _before_write(exc):
                return self._failed(
                    "not_sent",
                    _("could not connect: {reason}").format(reason=_reason(exc)),
                    elapsed(),
                )
            return self._failed("unknown", _lost(exc), elapsed())
        except requests.exceptions.RequestException as exc:
            return self._failed(
                "unknown", _("transport error: {reason}").format(reason=_reason(exc)), elapsed()
            )
        with resp:
            try:
                body = read_capped(
                    resp.raw.stream(READ_CHUNK, decode_content=False),
                    resp.headers.get("Content-Encoding", ""),
                    MAX_ANSWER_BYTES,
                )
            except TooLarge as exc:
                return self._failed(
                    "unknown",
                    _("{problem}; Viber's answers are tiny, so it was not read").format(
                        problem=exc
                    ),
                    elapsed(),
                )
            except UnreadableEncoding as exc:
                return self._failed(
                    "unknown",
                    _("the answer could not be read: {problem}").format(problem=exc),
                    elapsed(),
                )
            except (
                requests.exceptions.RequestException,
                urllib3.exceptions.HTTPError,
                http.client.HTTPException,
                OSError,
            ) as exc:
                if deadline.expired:
                    return self._failed("unknown", late(), elapsed())
                if isinstance(exc, urllib3.exceptions.ReadTimeoutError | TimeoutError):
                    return self._failed("unknown", self._no_answer(), elapsed())
                return self._failed("unknown", _lost(exc), elapsed())
        if deadline.expired:
            return self._failed("unknown", late(), elapsed())
        return decode_answer(resp.status_code, body, elapsed(), hide=(self._token,))

    def _no_answer(self) -> str:
        return _("no answer within {seconds} s").format(seconds=f"{self.timeout[1]:g}")

    def _failed(self, outcome: Outcome, error: str, duration_ms: float) -> ApiResult:
        return ApiResult(outcome=outcome, error=redact(error, self._token), duration_ms=duration_ms)


STOPPED = N_("you stopped waiting for the answer")
STOPPED_BEFORE = N_("you stopped the send before it left")
UNSAFE_HOST_MISMATCH = N_(
    "This address is not safe to send a token to: it could reach a different server than the "
    "one that was checked. Type the address again plainly, such as https://chatapi.viber.com/pa."
)


def _chain(exc: BaseException) -> list[BaseException]:
    """``exc`` and every exception linked to it (reason, cause, context, args)."""
    found: list[BaseException] = []
    pending: list[BaseException] = [exc]
    seen: set[int] = set()
    while pending:
        current = pending.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        found.append(current)
        linked = [
            getattr(current, "reason", None),
            current.__cause__,
            current.__context__,
            *current.args,
        ]
        pending.extend(x for x in linked if isinstance(x, BaseException))
    return found


def _before_write(exc: requests.exceptions.ConnectionError) -> bool:
    """True when the connection failed before any byte of the request was written.

    requests wraps urllib3's MaxRetryError, whose ``reason`` is the NewConnectionError
    (refused, DNS) or ConnectTimeoutError; a dropped connection is a ProtocolError instead.
    """
    return any(
        isinstance(e, NewConnectionError | NameResolutionError | ConnectTimeoutError)
        for e in _chain(exc)
    )


_ERRNO_WORDS = {
    errno.ECONNREFUSED: N_("connection refused (nothing is listening at that address)"),
    errno.ECONNRESET: N_("the server reset the connection"),
    errno.EPIPE: N_("the server closed the connection while the request was being sent"),
    errno.ENETUNREACH: N_("the network is unreachable (check the internet connection)"),
    errno.EHOSTUNREACH: N_("the server cannot be reached (check the internet connection)"),
}


def _lost(exc: BaseException) -> str:
    return _("connection lost: {reason}").format(reason=_reason(exc))


def _reason(exc: BaseException) -> str:
    """Plain words for a transport failure; never a library's error dump."""
    chain = _chain(exc)
    for e in chain:
        if isinstance(e, socket.gaierror | NameResolutionError):
            return _("the server name could not be found (check the address and the connection)")
        if isinstance(e, OSError) and e.errno in _ERRNO_WORDS:
            return _(_ERRNO_WORDS[e.errno])
        if isinstance(e, http.client.RemoteDisconnected):
            return _("the server closed the connection without answering")
        if isinstance(e, http.client.IncompleteRead | urllib3.exceptions.IncompleteRead):
            return _("the answer stopped halfway")
    return _("the connection failed")


def _tls_reason(exc: BaseException, host: str) -> str:
    chain = _chain(exc)
    if any(isinstance(e, ssl.SSLCertVerificationError) for e in chain):
        why = _("its certificate is not trusted by this computer (check the address and the clock)")
    elif any("WRONG_VERSION_NUMBER" in str(e) for e in chain):
        why = _("the server does not speak https at that address")
    else:
        why = _("the secure handshake failed")
    return _("could not open a secure (TLS) connection to {host}: {why}").format(host=host, why=why)
