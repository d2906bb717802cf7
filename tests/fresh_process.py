"""Run a script in a fresh interpreter and read what it saw (a start, a first use)."""

import json
import subprocess
import sys
from typing import Any


def seen_in_fresh_process(
    script: str, env: dict[str, str], *args: str, timeout: float = 120
) -> dict[str, Any]:
    """The JSON the script printed on its ``SEEN=`` line (it fails the test when it crashed)."""
    out = subprocess.run(
        [sys.executable, "-c", script, *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=timeout,
        check=True,
    ).stdout
    line = next(x for x in out.splitlines() if x.startswith("SEEN="))
    seen: dict[str, Any] = json.loads(line.removeprefix("SEEN="))
    return seen
