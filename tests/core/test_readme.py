"""The README's generated tables match the tables in core (one source of truth)."""

import re
from pathlib import Path

from viber_desktop.core.docs import limits_table, status_table
from viber_desktop.sandbox.rules import receivers_help

README = Path(__file__).resolve().parents[2] / "README.md"


def block(name: str) -> str:
    text = README.read_text(encoding="utf-8")
    match = re.search(f"<!-- BEGIN {name} -->\n(.*?)\n<!-- END {name} -->", text, re.DOTALL)
    assert match, name
    return match.group(1)


def test_status_table_is_generated_from_core() -> None:
    assert block("status-table") == status_table()


def test_limits_table_is_generated_from_core() -> None:
    assert block("limits-table") == limits_table()


def test_sandbox_receivers_match_the_sandbox() -> None:
    assert block("sandbox-receivers") == f"```\n{receivers_help()}\n```"
