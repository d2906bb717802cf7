"""Where and as whom a send goes (``sending.resolve_target``).

A module of its own, loaded on the first send: the window's start makes none (issue 16).
"""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Target:
    """Where and as whom to send."""

    profile: str
    base_url: str
    token: str = field(repr=False)  # never in a repr, a log line or a traceback
