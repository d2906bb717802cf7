"""A bot token inside the body (``auth_token``, as Viber's own SDKs send it) is never kept.

The token travels only in the ``X-Viber-Auth-Token`` header; a body copied from an SDK
would otherwise carry it into the draft, templates, history and exports.
"""

from typing import Any, Final

from viber_desktop.core.i18n import N_

BODY_TOKEN_KEY: Final = "auth_token"

BODY_TOKEN_NOTICE: Final = N_(
    "The message contained a bot token (auth_token), as Viber's SDKs put it in the body. It "
    "was removed: the token is sent only in the request header, from your profile, and is "
    "never stored with the message."
)


def strip_body_token(payload: Any) -> tuple[Any, bool]:
    """Return ``payload`` without a top-level ``auth_token`` and whether one was removed.

    The input is not changed; a new dict is returned only when something was removed.
    """
    if isinstance(payload, dict) and BODY_TOKEN_KEY in payload:
        return {k: v for k, v in payload.items() if k != BODY_TOKEN_KEY}, True
    return payload, False
