"""A feature a payload uses that needs a minimum API level (``CheckReport.features``).

A module of its own, loaded when a payload first uses such a feature: the window's start
checks a text message, which uses none (issue 16).
"""

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Feature:
    """A feature the payload uses that needs a minimum API level."""

    level: int
    name: str
    path: str
    rule: str = ""
    """Which source the level comes from, when the sources disagree."""
