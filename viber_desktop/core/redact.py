"""The one redaction helper: a token never reaches a log, a message or an export."""

TOKEN_PLACEHOLDER = "$VIBER_AUTH_TOKEN"


def mask_token(token: str | None) -> str:
    """Show a token masked: bullets and at most its last 4 characters."""
    if not token:
        return "(none)"
    tail = token[-4:] if len(token) >= 12 else ""
    return "•" * 8 + tail


def redact(text: str, *secrets: str | None) -> str:
    """Replace every occurrence of each secret in ``text`` with a mask."""
    for secret in secrets:
        if secret:
            text = text.replace(secret, "[token hidden]")
    return text
