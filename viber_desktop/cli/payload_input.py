"""Reading a payload file (or standard input) for check and send."""

import json
import sys
from pathlib import Path
from typing import Any

from viber_desktop.cli import CliError


def read_payload(name: str) -> Any:
    """Read and parse a JSON payload from a path or ``-``; CliError(2) when impossible."""
    try:
        raw = sys.stdin.buffer.read() if name == "-" else Path(name).read_bytes()
    except OSError as exc:
        raise CliError(f"cannot read {name}: {exc.strerror or exc}") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CliError(f"{name} is not UTF-8 text (byte {exc.start})") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise CliError(
            f"{name} is not JSON: {exc.msg} at line {exc.lineno} column {exc.colno}"
        ) from None
    except RecursionError:
        raise CliError(f"{name} is nested too deeply to read") from None
