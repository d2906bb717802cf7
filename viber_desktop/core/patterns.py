"""Regular expressions compiled on first use.

Compiled at import, the core's patterns took a few milliseconds of every start, and most are
not needed to reach the window (issue 16).
"""

import re
from collections.abc import Callable
from typing import AnyStr


def lazy_pattern(source: AnyStr, flags: int = 0) -> Callable[[], re.Pattern[AnyStr]]:
    """A function that returns ``re.compile(source, flags)``, compiled on its first call."""
    made: list[re.Pattern[AnyStr]] = []

    def pattern() -> re.Pattern[AnyStr]:
        if not made:
            made.append(re.compile(source, flags))
        return made[0]

    return pattern
