"""Regular expressions compiled on first use.

Compiled at import, the core's patterns took a few milliseconds of every start, and most are
not needed to reach the window (issue 16).
"""

import functools
import re
from collections.abc import Callable
from typing import AnyStr


def lazy_pattern(source: AnyStr, flags: int = 0) -> Callable[[], re.Pattern[AnyStr]]:
    """A function that returns ``re.compile(source, flags)``, compiled on its first call."""
    return functools.cache(functools.partial(re.compile, source, flags))
