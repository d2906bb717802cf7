"""The Viber REST client: exact bytes out, exact answers in, never a retry."""

import time
from urllib.parse import urlsplit

import requests
from requests.adapters import HTTPAdapter
from urllib3.exceptions import ConnectTimeoutError, NameResolutionError, NewConnectionError
from urllib3.util.retry import Retry

from viber_desktop.core.endpoints import (
    AUTH_HEADER,
    CONTENT_TYPE,
    base_url_problem,
    endpoint_url,
    is_loopback_host,
)
from viber_desktop.core.outcomes import ApiResult, decode_answer
from viber_desktop.core.redact import redact

DEFAULT_CONNECT_TIMEOUT = 5.0
DEFAULT_READ_TIMEOUT = 20.0


class UnsafeUrlError(ValueError):
    """The base URL may not be used (plain http to a public host, or not a URL)."""


class BadTokenError(ValueError):
    """The token is empty or holds characters an HTTP header cannot carry."""


class ViberClient:
    """Calls the Viber REST Bot API.

    Args:
        base_url: e.g. ``https://chatapi.viber.com/pa``; plain http only for loopback hosts.
        token: the bot token; it goes only into the ``X-Viber-Auth-Token`` header.
        connect_timeout / read_timeout: seconds.
    """

    def __init__(
        self,
        base_url: str,
        token: str,
        *,
        connect_timeout: float = DEFAULT_CONNECT_TIMEOUT,
        read_timeout: float = DEFAULT_READ_TIMEOUT,
    ) -> None:
        problem = base_url_problem(base_url)
        if problem:
            raise UnsafeUrlError(problem)
        if not token or not token.isprintable() or not token.isascii() or token != token.strip():
            raise BadTokenError(
                "the token is empty or contains spaces or characters a header cannot carry"
            )
        self.base_url = base_url
        self._token = token
        self.timeout = (connect_timeout, read_timeout)
        self._session = requests.Session()
        # Proxy settings from the environment apply to Viber (corporate networks need them);
        # never to the local sandbox, which a proxy could not reach.
        self._session.trust_env = not is_loopback_host(urlsplit(base_url).hostname)
        # Never retry: a duplicate marketing message is worse than an error.
        no_retry = Retry(total=0, connect=0, read=0, redirect=0, status=0, other=0)
        adapter = HTTPAdapter(max_retries=no_retry)
        self._session.mount("http://", adapter)
        self._session.mount("https://", adapter)

    def close(self) -> None:
        self._session.close()

    def send_message(self, body: bytes) -> ApiResult:
        """POST the exact ``body`` bytes (from ``core.text.body_bytes``) to send_message."""
        return self.call("send_message", body)

    def get_account_info(self) -> ApiResult:
        return self.call("get_account_info", b"{}")

    def call(self, endpoint: str, body: bytes) -> ApiResult:
        """POST ``body`` to ``endpoint`` once and classify what happened."""
        url = endpoint_url(self.base_url, endpoint)
        headers = {AUTH_HEADER: self._token, "Content-Type": CONTENT_TYPE}
        start = time.perf_counter()

        def elapsed() -> float:
            return (time.perf_counter() - start) * 1000

        try:
            resp = self._session.post(
                url, data=body, headers=headers, timeout=self.timeout, allow_redirects=False
            )
            content = resp.content
        except requests.exceptions.SSLError as exc:
            return self._failed("not_sent", f"TLS failed: {exc}", elapsed())
        except requests.exceptions.ConnectTimeout:
            return self._failed("not_sent", "could not connect in time", elapsed())
        except requests.exceptions.ReadTimeout:
            return self._failed("unknown", f"no answer within {self.timeout[1]:g} s", elapsed())
        except requests.exceptions.ConnectionError as exc:
            if _before_write(exc):
                return self._failed("not_sent", f"could not connect: {_reason(exc)}", elapsed())
            return self._failed("unknown", f"connection lost: {_reason(exc)}", elapsed())
        except (requests.exceptions.InvalidURL, requests.exceptions.InvalidHeader) as exc:
            return self._failed("not_sent", f"request not made: {exc}", elapsed())
        except requests.exceptions.RequestException as exc:
            return self._failed("unknown", f"transport error: {_reason(exc)}", elapsed())
        return decode_answer(resp.status_code, content, elapsed())

    def _failed(self, outcome: str, error: str, duration_ms: float) -> ApiResult:
        return ApiResult.model_validate(
            {"outcome": outcome, "error": redact(error, self._token), "duration_ms": duration_ms}
        )


def _before_write(exc: requests.exceptions.ConnectionError) -> bool:
    """True when the connection failed before any byte of the request was written.

    requests wraps urllib3's MaxRetryError, whose ``reason`` is the NewConnectionError
    (refused, DNS) or ConnectTimeoutError; a dropped connection is a ProtocolError instead.
    """
    pending: list[BaseException] = [exc]
    seen: set[int] = set()
    while pending:
        current = pending.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        if isinstance(current, NewConnectionError | NameResolutionError | ConnectTimeoutError):
            return True
        linked = [
            getattr(current, "reason", None),
            current.__cause__,
            current.__context__,
            *current.args,
        ]
        pending.extend(x for x in linked if isinstance(x, BaseException))
    return False


def _reason(exc: BaseException) -> str:
    text = str(exc.args[0]) if exc.args else type(exc).__name__
    if "Connection refused" in text:
        return "connection refused"
    if "RemoteDisconnected" in text or "Connection aborted" in text:
        return "the server closed the connection without answering"
    if "Failed to resolve" in text or "NameResolutionError" in text:
        return "the host name could not be resolved"
    return text[:200]
