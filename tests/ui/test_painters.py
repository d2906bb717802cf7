"""Every QPainter is opened in a ``with`` block: a paint that raises must still end its
painter, or Qt warns of an active painter at every later paint and then crashes (seen in the
preview's carousel)."""

import re
from pathlib import Path

import viber_desktop.ui

UI = Path(viber_desktop.ui.__file__).parent


def test_no_painter_is_left_to_the_garbage_collector() -> None:
    loose = [
        f"{path.relative_to(UI)}:{number}"
        for path in sorted(UI.rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if re.search(r"=\s*QPainter\(", line)
    ]
    assert loose == []
