"""One send, start to finish: check, record, send once, record the outcome."""

from __future__ import annotations

import os
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from viber_desktop.core.body_token import BODY_TOKEN_KEY, strip_body_token
from viber_desktop.core.checker import check_payload
from viber_desktop.core.findings import CheckReport
from viber_desktop.core.history import HISTORY_NOT_UPDATED, unrecorded_note
from viber_desktop.core.i18n import N_, _, ngettext
from viber_desktop.core.redact import redact, redact_json, secret_forms
from viber_desktop.core.text import body_bytes
from viber_desktop.sandbox.local import LocalSandbox, SandboxStopped
from viber_desktop.services.settings import Profile
from viber_desktop.services.vault import TokenVault, VaultError

if TYPE_CHECKING:  # made on the first send; sqlite3 after the first paint (start-up, issue 16)
    from viber_desktop.core.api_result import ApiResult
    from viber_desktop.services.history import HistoryStore
    from viber_desktop.services.send_target import Target as Target

TOKEN_ENV = "VIBER_AUTH_TOKEN"


def __getattr__(name: str) -> object:
    """``Target``, loaded on first use."""
    if name == "Target":
        from viber_desktop.services.send_target import Target

        return Target
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


class SendRefused(Exception):
    """Nothing was sent: the payload has errors, no token, or the history cannot record."""


class NoTokenError(SendRefused):
    """The profile has no token; each front end says where to store one."""

    def __init__(self, profile: str) -> None:
        super().__init__(
            _(
                "no token for profile {name}: store one with 'viber-desktop token set "
                "--profile {profile}' or set {variable}"
            ).format(name=repr(profile), profile=profile, variable=TOKEN_ENV)
        )
        self.profile = profile


def resolve_target(
    profile: Profile,
    *,
    sandbox: LocalSandbox,
    api_url: str | None = None,
    vault: TokenVault | None = None,
    session_token: str | None = None,
) -> Target:
    """Find the base URL and token for ``profile``.

    The Sandbox profile sends to ``sandbox`` (the caller's own, started here if needed) and
    needs no token. Otherwise the token comes from ``session_token``, else ``VIBER_AUTH_TOKEN``,
    else the keyring.
    """
    from viber_desktop.services.send_target import Target

    if profile.is_sandbox and api_url is None:
        try:
            base_url = sandbox.base_url
        except SandboxStopped as exc:
            raise SendRefused(str(exc)) from None
        except OSError as exc:
            raise SendRefused(
                _(
                    "the built-in sandbox could not start on this computer ({reason}); restart "
                    "the app and try again"
                ).format(reason=exc.strerror or exc)
            ) from None
        return Target(profile.name, base_url, session_token or sandbox.token)
    base_url = api_url or profile.api_url
    token = session_token or os.environ.get(TOKEN_ENV)
    if not token:
        try:
            token = (vault or TokenVault()).get(profile.name)
        except VaultError as exc:
            raise SendRefused(str(exc)) from None
    if not token:
        raise NoTokenError(profile.name)
    return Target(profile.name, base_url, token)


def send_checked(
    payload: Any,
    target: Target,
    history: HistoryStore | None,
    *,
    connect_timeout: float = 5.0,
    read_timeout: float = 20.0,
    report: CheckReport | None = None,
) -> tuple[int | None, ApiResult]:
    """Check, record as pending, send exactly once, record the outcome.

    A bot token in the body (``auth_token``) is removed: it is neither sent nor stored.
    The profile's token, or any ``auth_token`` value, elsewhere in the content is sent as
    written but masked in the history.
    Returns (history id, result). Raises SendRefused before anything goes out; once the
    request may have left, nothing raises: a history that cannot be updated is reported in
    ``result.history_error`` and its row ends ``unknown``.
    """
    payload, _removed = strip_body_token(payload)
    report = report or check_payload(payload)
    if not report.ok:
        first = report.errors[0]
        raise SendRefused(
            ngettext(
                "the payload has {count} error(s), e.g. {path}: {message}",
                "the payload has {count} error(s), e.g. {path}: {message}",
                len(report.errors),
            ).format(
                count=len(report.errors), path=first.path or _("(body)"), message=first.message
            )
        )
    from viber_desktop.core.api_result import ApiResult  # before the request leaves
    from viber_desktop.services.history import HistoryError
    from viber_desktop.services.viber_client import ViberClient  # requests: load on first send

    body = body_bytes(payload)
    client = ViberClient(
        target.base_url, target.token, connect_timeout=connect_timeout, read_timeout=read_timeout
    )
    entry_id = None
    if history is not None:
        stored_body, stored_payload = _without_tokens(body, payload, target.token)
        try:
            entry_id = history.record_pending(
                profile=target.profile,
                api_url=target.base_url,
                endpoint="send_message",
                body=stored_body,
                payload=stored_payload,
            )
        except HistoryError as exc:
            client.close()
            raise SendRefused(str(exc)) from None
    try:
        result = client.send_message(body)
    except Exception:  # noqa: BLE001 - the request may have left: unknown, never a traceback
        result = ApiResult(outcome="unknown", error=_(ANSWER_UNREADABLE))
    finally:
        client.close()
    if history is not None and entry_id is not None:
        result = _record(history, entry_id, result)
    return entry_id, result


def _without_tokens(body: bytes, payload: Any, token: str) -> tuple[bytes, Any]:
    """The body and payload as the history keeps them: tokens in the content masked."""
    secrets = secret_forms(token, *_body_tokens(payload))
    text = body.decode("utf-8", "surrogateescape")
    hidden = redact(text, *secrets)
    if hidden == text:
        return body, payload
    return hidden.encode("utf-8", "surrogateescape"), redact_json(payload, *secrets)


def _body_tokens(value: Any) -> list[str]:
    """Every string under an ``auth_token`` key (any case, any depth) of a checked payload."""
    found: list[str] = []
    if isinstance(value, dict):
        for key, item in value.items():
            if isinstance(key, str) and key.lower() == BODY_TOKEN_KEY and isinstance(item, str):
                found.append(item)
            found += _body_tokens(item)
    elif isinstance(value, list):
        for item in value:
            found += _body_tokens(item)
    return found


ANSWER_UNREADABLE = N_("the app failed while waiting for or reading the answer")


def _record(history: HistoryStore, entry_id: int, result: ApiResult) -> ApiResult:
    """Store ``result``; if that fails, return it with ``history_error`` and leave the row
    ``unknown`` (now, at the next write, or by crash recovery)."""
    from viber_desktop.services.history import HistoryError, write_problem

    try:
        history.record_result(entry_id, result)
        return result
    except HistoryError as exc:
        reason = exc.reason
    except Exception as exc:  # noqa: BLE001 - a bug of ours must not hide the answer either
        reason = write_problem(exc)
    history.settle_unknown(entry_id, unrecorded_note(result, reason))
    return replace(result, history_error=_(HISTORY_NOT_UPDATED).format(reason=reason))
