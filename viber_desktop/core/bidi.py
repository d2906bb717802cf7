"""Unicode isolates, so mixed-direction text reads right in a right-to-left window.

Without them an English text in a right-to-left line is laid out from the right: "Add profile…"
shows as "…Add profile", "2026-11-27 22:43:13" as "22:43:13 2026-11-27", "6 receiverNotSubscribed"
as "receiverNotSubscribed 6". An isolate lays its text out on its own and counts as one
neutral character in the line around it. In a left-to-right window it changes nothing you see.
"""

LRI = "\u2066"
"""Left-to-right isolate: the text inside is always laid out left to right."""
FSI = "\u2068"
"""First-strong isolate: the text inside takes the direction of its first letter."""
PDI = "\u2069"
"""Ends the last isolate."""

_MARKS = str.maketrans("", "", LRI + FSI + PDI + "\u2067")


def ltr(text: str) -> str:
    """``text`` always left to right: JSON pointers, codes, IDs, numbers, times, URLs."""
    return f"{LRI}{text}{PDI}" if text else text


def isolate(text: str) -> str:
    """``text`` in its own direction (names, messages, translated labels)."""
    return f"{FSI}{text}{PDI}" if text else text


def named(label: str, key: str) -> str:
    """``label (key)``: a name of any direction with its left-to-right ID in brackets."""
    return isolate(f"{isolate(label)} ({ltr(key)})")


def plain(text: str) -> str:
    """``text`` without isolates (to compare, copy or write to a file)."""
    return text.translate(_MARKS)
