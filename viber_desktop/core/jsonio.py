"""Reading JSON from outside (files, pastes, drafts, templates): never an exception but one.

Every reader of a payload goes through :func:`parse_json`, so a hostile file gets the same
plain-language refusal everywhere: not UTF-8, not JSON, nested too deeply.
"""

import json
import math
from typing import Any, Final

from viber_desktop.core.i18n import _, number

MAX_DEPTH: Final = 100
"""A Viber message nests fewer than 10 levels; deeper input is refused, not parsed."""

MAX_INT_DIGITS: Final = 4300
"""Python refuses to convert longer integers (``sys.get_int_max_str_digits``)."""


class JsonInputError(ValueError):
    """The input cannot be used as JSON; the message says why in plain words."""


class OversizedNumber(float):
    """An integer too long to convert: kept as infinity, flagged by the checker.

    Trap: a float subclass so that every serialiser and widget sees a number and the strict
    body serialiser refuses it like any other non-finite value.
    """

    digits: int

    def __new__(cls, text: str) -> "OversizedNumber":
        value = super().__new__(cls, -math.inf if text.startswith("-") else math.inf)
        value.digits = len(text.lstrip("-"))
        return value

    def __deepcopy__(self, memo: dict[int, Any]) -> "OversizedNumber":
        return self  # immutable; copy's default would call __new__ with a float, not the text

    def __copy__(self) -> "OversizedNumber":
        return self


def _parse_int(text: str) -> int | float:
    if len(text) - text.startswith("-") > MAX_INT_DIGITS:
        return OversizedNumber(text)
    return int(text)


def parse_json(data: str | bytes, *, what: str = "") -> Any:
    """Parse ``data``; raise JsonInputError naming the problem (``what`` names the input)."""
    if isinstance(data, bytes):
        try:
            data = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise JsonInputError(
                _("{what} is not UTF-8 text (byte {byte}).").format(
                    what=what or _("The JSON"), byte=number(exc.start)
                )
            ) from None
    elif data.startswith("\ufeff"):
        data = data[1:]
    try:
        value = json.loads(data, parse_int=_parse_int)
    except json.JSONDecodeError as exc:
        raise JsonInputError(
            _("{what} is not valid JSON: {problem} at line {line}, column {column}.").format(
                what=what or _("The JSON"), problem=exc.msg, line=exc.lineno, column=exc.colno
            )
        ) from None
    except RecursionError:
        raise JsonInputError(too_deep_message(what)) from None
    if depth(value) > MAX_DEPTH:
        raise JsonInputError(too_deep_message(what))
    return value


def too_deep_message(what: str) -> str:
    return _(
        "{what} is nested more than {depth} levels deep; a Viber message needs fewer "
        "than 10. Check the file."
    ).format(what=what or _("The JSON"), depth=MAX_DEPTH)


def depth(value: Any) -> int:
    """How deeply ``value`` nests, computed without recursion."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, level = stack.pop()
        deepest = max(deepest, level)
        children = (
            item.values() if isinstance(item, dict) else item if isinstance(item, list) else ()
        )
        stack.extend((child, level + 1) for child in children)
    return deepest
