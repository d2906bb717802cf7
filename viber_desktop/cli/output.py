"""Printing what the CLI says: any text prints, whatever it holds and wherever it goes.

Trap: ``print`` raises UnicodeEncodeError for a lone surrogate (a hostile key or value) on any
stream, and for an emoji on a stream whose locale is ASCII. Everything the CLI prints goes
through :func:`say` or :func:`say_json`.
"""

import json
import re
import sys
from typing import Any, TextIO

_SURROGATE = re.compile("[\ud800-\udfff]")
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
"""C0 and C1 controls, line and paragraph separators, bidi embeddings/overrides/isolates."""


def escape_surrogates(text: str) -> str:
    """Write each lone surrogate as its escape (``\\ud800``), which is also valid JSON."""
    return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def one_line(text: str) -> str:
    """A table cell: lone surrogates, control and bidi characters (newlines too) escaped."""
    return _CONTROL.sub(_escape, escape_surrogates(text))


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def _encoding(stream: TextIO) -> str:
    return getattr(stream, "encoding", None) or "utf-8"


def _fits(text: str, stream: TextIO) -> bool:
    try:
        text.encode(_encoding(stream))
    except UnicodeEncodeError:
        return False
    except LookupError:
        return True
    return True


def printable(text: str, stream: TextIO) -> str:
    """``text`` with lone surrogates escaped and anything ``stream`` cannot encode escaped."""
    text = escape_surrogates(text)
    if _fits(text, stream):
        return text
    encoding = _encoding(stream)
    return text.encode(encoding, "backslashreplace").decode(encoding)


def say(text: str = "", *, err: bool = False, flush: bool = False) -> None:
    """Print one or more lines on stdout (or stderr); never raises UnicodeEncodeError."""
    stream = sys.stderr if err else sys.stdout
    print(printable(text, stream), file=stream, flush=flush)


def json_text(value: Any, stream: TextIO | None = None) -> str:
    """One JSON document: UTF-8 where the stream takes it, else ASCII escapes; always valid."""
    text = escape_surrogates(json.dumps(value, ensure_ascii=False))
    if stream is not None and not _fits(text, stream):
        text = json.dumps(value, ensure_ascii=True)
    return text


def say_json(value: Any) -> None:
    """Print ``value`` as one JSON object on stdout."""
    print(json_text(value, sys.stdout))
