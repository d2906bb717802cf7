"""Reading a payload file (or standard input) for check and send."""

import sys
from pathlib import Path
from typing import Any, Final

from viber_desktop.cli import CliError
from viber_desktop.cli.output import one_line
from viber_desktop.core.jsonio import JsonInputError, parse_json

READ_MAX: Final = 64 * 1024 * 1024
"""A Viber message is at most 30 KB; a file this large is not one (and would fill memory)."""


def read_payload(name: str) -> Any:
    """Read and parse a JSON payload from a path or ``-``; CliError(2) when impossible."""
    shown = "Standard input" if name == "-" else one_line(name)
    try:
        if name == "-":
            raw = sys.stdin.buffer.read(READ_MAX + 1)
        else:
            with Path(name).open("rb") as file:
                raw = file.read(READ_MAX + 1)
    except OSError as exc:
        raise CliError(f"cannot read {shown}: {exc.strerror or exc}") from None
    except MemoryError:
        raise CliError(f"{shown} is too large to read into memory") from None
    if len(raw) > READ_MAX:
        raise CliError(
            f"{shown} is larger than {READ_MAX // 2**20:,} MB; a Viber message is at most 30 KB. "
            "Check that this is the right file."
        )
    try:
        return parse_json(raw, what=shown)
    except JsonInputError as exc:
        raise CliError(str(exc).rstrip(".")) from None
    except MemoryError:
        raise CliError(f"{shown} is too large to read into memory") from None
