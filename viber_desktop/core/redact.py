"""The one redaction helper: a token never reaches a log, a message or an export."""

import json
from typing import Any

from viber_desktop.core.patterns import lazy_pattern

TOKEN_PLACEHOLDER = "$VIBER_AUTH_TOKEN"
HIDDEN = "[token hidden]"


def mask_token(token: str | None) -> str:
    """Show a token masked: bullets and at most its last 4 characters."""
    if not token:
        return "(none)"
    tail = token[-4:] if len(token) >= 12 else ""
    return "•" * 8 + tail


MIN_REDACTED = 8
"""Shorter strings are not real tokens (Viber's are about 50 characters); masking them would
garble every message they happen to occur in."""

MIN_PIECE = 20
"""A run of this many characters of a longer secret is masked too (a token cut in two by a
line break, or echoed only in part); a shorter piece could occur by chance."""

_RUNS = lazy_pattern(rb"\x01+")


def redact(text: str, *secrets: str | None) -> str:
    """Replace every occurrence of each secret, and of any run of MIN_PIECE or more of its
    characters, in ``text`` with a mask."""
    kept = [s for s in secrets if s and len(s) >= MIN_REDACTED]
    for secret in kept:
        text = text.replace(secret, HIDDEN)
    for secret in kept:  # after every whole form: a piece must not split an escaped one
        if len(secret) > MIN_PIECE:
            text = _mask_pieces(text, secret)
    return text


def _mask_pieces(text: str, secret: str) -> str:
    # Every run of MIN_PIECE holds one of these aligned half-length blocks: a cheap test first.
    half = MIN_PIECE // 2
    if not any(secret[i : i + half] in text for i in range(0, len(secret) - half + 1, half)):
        return text
    covered = bytearray(len(text))
    found = False
    for piece in {secret[i : i + MIN_PIECE] for i in range(len(secret) - MIN_PIECE + 1)}:
        at = text.find(piece)
        while at != -1:
            covered[at : at + MIN_PIECE] = b"\x01" * MIN_PIECE
            found = True
            at = text.find(piece, at + 1)
    if not found:
        return text
    parts: list[str] = []
    end = 0
    for run in _RUNS().finditer(covered):
        parts += [text[end : run.start()], HIDDEN]
        end = run.end()
    return "".join(parts) + text[end:]


def secret_forms(*secrets: str) -> list[str]:
    """Each secret as written plainly and as JSON may escape it (quotes, backslashes, ``\\/``)."""
    forms: list[str] = []
    for secret in secrets:
        forms += [secret, json.dumps(secret)[1:-1], secret.replace("/", "\\/")]
    return list(dict.fromkeys(forms))


def redact_json(value: Any, *secrets: str | None) -> Any:
    """A copy of parsed JSON with each secret masked in every key and string."""
    if isinstance(value, str):
        return redact(value, *secrets)
    if isinstance(value, dict):
        return {redact_json(k, *secrets): redact_json(v, *secrets) for k, v in value.items()}
    if isinstance(value, list):
        return [redact_json(v, *secrets) for v in value]
    return value
