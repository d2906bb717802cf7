"""The one redaction helper: a token never reaches a log, a message or an export."""

TOKEN_PLACEHOLDER = "$VIBER_AUTH_TOKEN"


def mask_token(token: str | None) -> str:
    """Show a token masked: bullets and at most its last 4 characters."""
    if not token:
        return "(none)"
    tail = token[-4:] if len(token) >= 12 else ""
    return "•" * 8 + tail


MIN_REDACTED = 8
"""Shorter strings are not real tokens (Viber's are about 50 characters); masking them would
garble every message they happen to occur in."""


def redact(text: str, *secrets: str | None) -> str:
    """Replace every occurrence of each secret in ``text`` with a mask."""
    for secret in secrets:
        if secret and len(secret) >= MIN_REDACTED:
            text = text.replace(secret, "[token hidden]")
    return text
