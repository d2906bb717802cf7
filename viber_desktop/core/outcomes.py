"""What a call to the Viber API ended in: one of four outcomes, decoded.

:class:`ApiResult` lives in core/api_result.py, loaded on first use (the window's start makes
none); ``from viber_desktop.core.outcomes import ApiResult`` still finds it.
"""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING, Any, Final, Literal

from viber_desktop.core.i18n import N_, Translated, _
from viber_desktop.core.jsonio import MAX_DEPTH, JsonInputError, parse_json, too_deep_message
from viber_desktop.core.patterns import lazy_pattern
from viber_desktop.core.redact import redact, secret_forms

Outcome = Literal["ok", "api_error", "not_sent", "unknown"]
OUTCOMES: tuple[Outcome, ...] = ("ok", "api_error", "not_sent", "unknown")
OUTCOME_LABELS: Translated[Outcome] = Translated(
    {
        "ok": N_("accepted"),
        "api_error": N_("refused"),
        "not_sent": N_("not sent"),
        "unknown": N_("outcome unknown"),
    }
)
"""Each outcome in the words a user reads (lists, filters, summaries); codes stay internal."""

UNKNOWN_WARNING = N_(
    "No valid answer came back from the server, so the message MAY HAVE BEEN DELIVERED. "
    "Check the receiver's chat before sending it again."
)
NOT_SENT_NOTE = N_("The request never left this computer: nothing was delivered.")
"""English; show these through ``_()``."""

if TYPE_CHECKING:
    from viber_desktop.core.api_result import ApiResult as ApiResult


def __getattr__(name: str) -> object:
    """``ApiResult``, loaded on first use (its module imports this one)."""
    if name == "ApiResult":
        from viber_desktop.core.api_result import ApiResult

        return ApiResult
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


MAX_ANSWER_BYTES: Final = 1_000_000
"""Viber's answers are a few hundred bytes; a longer one (as sent or unpacked) is not read."""

MESSAGE_TOKENS: Final = range(2**64)
"""Viber's message tokens are unsigned 64-bit numbers; anything else is not kept as one."""

_SURROGATE = lazy_pattern("[\ud800-\udfff]")


def decode_answer(
    http_status: int, body: bytes, duration_ms: float, *, hide: tuple[str, ...] = ()
) -> ApiResult:
    """Classify an HTTP answer: a Viber JSON answer is ok/api_error, anything else unknown.

    Never raises, whatever the body holds. Integers stay exact (a 64-bit message_token);
    each secret in ``hide`` (the token, echoed back by some servers) is masked everywhere,
    and lone surrogates become U+FFFD.
    """
    from viber_desktop.core.api_result import ApiResult

    secrets = secret_forms(*hide)
    text = redact(body.decode("utf-8", "replace"), *secrets)
    what = _("an HTTP error page") if http_status >= 400 else _("a body that is not Viber JSON")
    try:
        data = parse_json(text, what="The answer")
    except JsonInputError as exc:
        if str(exc) == too_deep_message("The answer"):
            what = _(
                "a body nested more than {depth} levels deep (Viber's answers are flat)"
            ).format(depth=MAX_DEPTH)
        data = None
    status = data.get("status") if isinstance(data, dict) else None
    raw = _stored_text(text, data, secrets)
    if not isinstance(data, dict) or not isinstance(status, int) or isinstance(status, bool):
        return ApiResult(
            outcome="unknown",
            http_status=http_status,
            raw_response=raw,
            duration_ms=duration_ms,
            error=_("HTTP {status} with {what}").format(status=http_status, what=what),
        )
    data = _clean(data, secrets)
    token = data.get("message_token")
    message = data.get("status_message")
    host = data.get("chat_hostname")
    return ApiResult(
        outcome="ok" if status == 0 else "api_error",
        status=status,
        status_message=message if isinstance(message, str) else None,
        message_token=token if _is_int(token) and token in MESSAGE_TOKENS else None,
        billing_status=_as_int(data.get("billing_status")),
        chat_hostname=host if isinstance(host, str) else None,
        http_status=http_status,
        raw_response=raw,
        duration_ms=duration_ms,
        data=data,
    )


REWRITTEN_NOTE = N_(
    "[Viber Desktop: this answer held the bot token written in a hidden way ({how}), so it "
    "is kept re-written, with the token hidden.]\n"
)
_JSON_ESCAPE = lazy_pattern(r"\\u([0-9a-fA-F]{4})|\\/")


def _stored_text(text: str, data: Any, secrets: list[str]) -> str:
    """The answer as history keeps it: ``text``, unless the token still hides in it behind
    JSON escapes (``\\u0034…``) or NUL bytes (a UTF-16 page), which anyone could undo."""
    if data is not None:
        dumped = json.dumps(data, ensure_ascii=False)
        if redact(dumped, *secrets) != dumped:
            how = _("as JSON escape codes")
            return _(REWRITTEN_NOTE).format(how=how) + json.dumps(
                _clean(data, secrets), ensure_ascii=False
            )
    view = _JSON_ESCAPE().sub(_unescape, text.replace("\x00", ""))
    hidden = redact(view, *secrets)
    if hidden == view:
        return text
    how = _("as escape codes, or between NUL bytes as in UTF-16")
    return _(REWRITTEN_NOTE).format(how=how) + _SURROGATE().sub("\ufffd", hidden)


def _unescape(match: re.Match[str]) -> str:
    code = match.group(1)
    return chr(int(code, 16)) if code else "/"


def _clean(value: Any, secrets: list[str]) -> Any:
    """A copy of parsed JSON with secrets masked and lone surrogates replaced (depth <= 100)."""
    if isinstance(value, str):
        return _SURROGATE().sub("\ufffd", redact(value, *secrets))
    if isinstance(value, dict):
        return {_clean(k, secrets): _clean(v, secrets) for k, v in value.items()}
    if isinstance(value, list):
        return [_clean(v, secrets) for v in value]
    return value


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _as_int(value: Any) -> int | None:
    if _is_int(value):
        return int(value)
    # CH-SEND types billing_status as a string; "²".isdigit() is True, hence isascii.
    if isinstance(value, str) and value.isascii() and value.isdigit() and len(value) <= 20:
        return int(value)
    return None
