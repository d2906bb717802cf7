"""``n / max`` counters: normal, amber from 90 %, red over the limit; never colour alone."""

from typing import ClassVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from viber_desktop.core.bidi import ltr
from viber_desktop.core.i18n import number
from viber_desktop.core.limits import WARN_FRACTION
from viber_desktop.core.text import utf16_len
from viber_desktop.ui.theme import fix_label_size, set_fixed_text, set_style, state_color


def counter_state(used: int, limit: int, warn_at: int | None = None, *, soft: bool = False) -> str:
    """``ok``, ``warning`` (from 90 % or ``warn_at``) or ``error`` (over the limit).

    ``soft``: Viber crops the text over the limit instead of refusing it: a warning.
    """
    if used > limit:
        return "warning" if soft else "error"
    threshold = warn_at if warn_at is not None else int(limit * WARN_FRACTION)
    return "warning" if used > threshold or used >= limit * WARN_FRACTION else "ok"


class Counter(QLabel):
    """Shows ``used / limit`` with an icon and colour for its state."""

    ICONS: ClassVar[dict[str, str]] = {"ok": "", "warning": "⚠ ", "error": "✖ "}

    def __init__(
        self,
        limit: int,
        parent: QWidget | None = None,
        *,
        unit: str = "",
        warn_at: int | None = None,
        soft: bool = False,
    ) -> None:
        super().__init__(parent)
        self.limit = limit
        self.unit = unit
        self.warn_at = warn_at
        self.soft = soft
        self.state = "ok"
        self.used = 0
        self._shown: tuple[int, int] | None = None
        """(used, palette) last shown: every edit refreshes every counter of the form."""
        # A fixed width: a changing text must not re-lay out the form on every keystroke.
        fix_label_size(self, f"✖ {number(limit)} / {number(limit)}" + (f" {unit}" if unit else ""))
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.set_used(0)

    def set_text_value(self, text: str) -> None:
        self.set_used(utf16_len(text))

    def set_used(self, used: int) -> None:
        key = (used, self.palette().cacheKey())
        if key == self._shown:
            return
        self._shown = key
        self.used = used
        self.state = counter_state(used, self.limit, self.warn_at, soft=self.soft)
        numbers = f"{number(used)} / {number(self.limit)}"
        # Numbers alone read left to right in any window (a label takes its direction from
        # its text); a unit in a right-to-left language would turn them round: "28 / 12".
        shown = f"{ltr(numbers)} {self.unit}" if self.unit else numbers
        set_fixed_text(self, f"{self.ICONS[self.state]}{shown}")
        color = state_color(self.state if self.state != "ok" else "muted", self)
        weight = "600" if self.state != "ok" else "normal"
        set_style(self, f"color: {color}; font-weight: {weight};")
        state_word = {
            "ok": self.tr("within the limit"),
            "warning": self.tr("close to the limit"),
            "error": self.tr("over the limit"),
        }[self.state]
        if self.soft and used > self.limit:
            state_word = self.tr("over the limit: Viber cuts the rest off")
        self.setAccessibleName(
            self.tr("{used} of {limit}, {state}").format(
                used=used, limit=self.limit, state=state_word
            )
        )
