"""The emoji picker: search by name, categories, skin tones and the recently used ones.

A popup under the field's emoji button (or Ctrl+; in the field), kept on the screen and opening
leftwards in a right-to-left layout. Enter, a click or a double click picks; Esc closes. While
searching, a "Search results" tab is the one selected. Each emoji shows what it costs of a
counted limit (UTF-16 units: a flag 4, a family up to 11). Names are English only: the emoji
data has no Ukrainian.
"""

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QFont, QGuiApplication, QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QTabBar,
    QVBoxLayout,
    QWidget,
)

from viber_desktop.core.text import utf16_len
from viber_desktop.services import emoji_data
from viber_desktop.services.emoji_data import Emoji
from viber_desktop.services.recent_emoji import RecentEmoji

_RESULTS_MAX = 240  # a search shows this many at most (every emoji matches "a")
_TONE_SAMPLE = "👋"
_TAB_ICONS = ("🕘", "😀", "👋", "🐶", "🍎", "✈\ufe0f", "⚽", "💡", "❤\ufe0f", "🏁", "🔍")
"""Recently used, the categories, then the search results (shown only while searching)."""
_CELL = QSize(36, 36)


class EmojiPicker(QFrame):
    """Signals:
    chosen(str): the emoji picked (in the chosen skin tone).
    """

    chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None, recent: RecentEmoji | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(self.tr("Emoji picker"))
        self.recent = recent if recent is not None else RecentEmoji()
        self.entries = emoji_data.all_emoji()
        self.known = emoji_data.by_char()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(4)
        top = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search by name (in English)"))
        self.search.setAccessibleName(self.tr("Search emoji"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._searched)
        self.search.installEventFilter(self)
        top.addWidget(self.search, 1)
        self.tone = QComboBox()
        self.tone.setAccessibleName(self.tr("Skin tone"))
        self.tone.setToolTip(self.tr("Skin tone for the emoji that have one"))
        self.tone.addItem(_TONE_SAMPLE, 0)
        for i, code in enumerate(emoji_data.SKIN_TONES, start=1):
            self.tone.addItem(_TONE_SAMPLE + chr(int(code, 16)), i)
        self.tone.setCurrentIndex(self.recent.tone)
        self.tone.currentIndexChanged.connect(self._tone_chosen)
        top.addWidget(self.tone)
        layout.addLayout(top)
        self.tabs = QTabBar()
        self.tabs.setExpanding(False)
        self.tabs.setUsesScrollButtons(True)
        self.tabs.setDrawBase(False)
        names = [
            self.tr("Recently used"),
            *(self._category_name(c) for c in emoji_data.CATEGORIES),
            self.tr("Search results"),
        ]
        for icon, name in zip(_TAB_ICONS, names, strict=True):
            index = self.tabs.addTab(icon)
            self.tabs.setTabToolTip(index, name)
        self.tabs.setAccessibleName(self.tr("Emoji categories"))
        self.results_tab = len(names) - 1
        self.tabs.setTabVisible(self.results_tab, False)
        self._category = 0  # the tab to go back to when the search is cleared
        self.tabs.currentChanged.connect(self._tab_chosen)
        layout.addWidget(self.tabs)
        self.grid = QListWidget()
        self.grid.setViewMode(QListView.ViewMode.IconMode)
        self.grid.setMovement(QListView.Movement.Static)
        self.grid.setResizeMode(QListView.ResizeMode.Adjust)
        self.grid.setUniformItemSizes(True)
        self.grid.setGridSize(_CELL)
        self.grid.setSpacing(0)
        self.grid.setWordWrap(False)
        self.grid.setAccessibleName(self.tr("Emoji"))
        self.big = QFont(self.grid.font())
        self.big.setPixelSize(22)  # set on each item: a style sheet may set the list's font
        self.grid.itemActivated.connect(self._picked)
        self.grid.itemClicked.connect(self._picked)
        self.grid.currentItemChanged.connect(self._describe)
        layout.addWidget(self.grid, 1)
        self.about = QLabel()
        self.about.setTextFormat(Qt.TextFormat.PlainText)
        self.about.setWordWrap(True)
        layout.addWidget(self.about)
        self.resize(380, 340)
        self.tabs.setCurrentIndex(0 if self.recent.items else 1)
        self._refill()

    def _category_name(self, category: str) -> str:
        names = {
            "Smileys & Emotion": self.tr("Smileys & emotion"),
            "People & Body": self.tr("People & body"),
            "Animals & Nature": self.tr("Animals & nature"),
            "Food & Drink": self.tr("Food & drink"),
            "Travel & Places": self.tr("Travel & places"),
            "Activities": self.tr("Activities"),
            "Objects": self.tr("Objects"),
            "Symbols": self.tr("Symbols"),
            "Flags": self.tr("Flags"),
        }
        return names.get(category, category)

    def show_at(self, where: QPoint) -> None:
        self.move(where)
        self.show()
        self.search.setFocus(Qt.FocusReason.PopupFocusReason)

    def show_by(self, anchor: QRect) -> None:
        """Open under ``anchor`` (a button, in global coordinates), from its left edge or, right
        to left, its right edge; above it when there is no room below; always on its screen."""
        screen = QGuiApplication.screenAt(anchor.center()) or self.screen()
        area = screen.availableGeometry()
        size = self.size()
        rtl = self.layoutDirection() == Qt.LayoutDirection.RightToLeft
        x = anchor.right() + 1 - size.width() if rtl else anchor.left()
        y = anchor.bottom() + 1
        if y + size.height() > area.bottom() + 1 and anchor.top() - size.height() >= area.top():
            y = anchor.top() - size.height()
        x = max(area.left(), min(x, area.right() + 1 - size.width()))
        y = max(area.top(), min(y, area.bottom() + 1 - size.height()))
        self.show_at(QPoint(x, y))
        frame = self.frameGeometry()  # known once shown: a window frame may add a margin
        dx = max(0, area.left() - frame.left()) or min(0, area.right() - frame.right())
        dy = max(0, area.top() - frame.top()) or min(0, area.bottom() - frame.bottom())
        if dx or dy:
            self.move(self.pos() + QPoint(dx, dy))

    # --- the grid --------------------------------------------------------------------------

    def shown(self) -> list[str]:
        """The emoji in the grid, in order."""
        return [self.grid.item(i).text() for i in range(self.grid.count())]

    def _listed(self) -> list[tuple[str, Emoji | None]]:
        query = self.search.text().strip()
        if query:
            return [(e.char, e) for e in emoji_data.search(query, self.entries)[:_RESULTS_MAX]]
        index = self.tabs.currentIndex()
        if index == self.results_tab:
            index = self._category
        if index <= 0:
            return [(c, self.known.get(c)) for c in self.recent.items]
        category = emoji_data.CATEGORIES[index - 1]
        return [(e.char, e) for e in self.entries if e.category == category]

    def _refill(self) -> None:
        tone = self.recent.tone
        self.grid.clear()
        for char, entry in self._listed():
            # a recent emoji keeps the tone it was picked in
            shown = entry.in_tone(tone) if entry is not None and char == entry.char else char
            item = QListWidgetItem(shown)
            item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            item.setSizeHint(_CELL)  # the whole cell: a tall glyph is not cut at the top
            item.setFont(self.big)
            item.setToolTip(self._describe_text(shown, entry))
            item.setData(Qt.ItemDataRole.AccessibleTextRole, entry.name if entry else shown)
            self.grid.addItem(item)
        if self.grid.count():
            self.grid.setCurrentRow(0)
        else:
            query = self.search.text().strip()
            self.about.setText(
                self.tr(
                    "No emoji named “{query}”. Emoji names are in English: try heart, smile "
                    "or flag."
                ).format(query=query)
                if query
                else self.tr("Emoji you insert show here.")
            )

    def _searched(self, text: str) -> None:
        """While searching, the "Search results" tab is selected; cleared, the category again."""
        searching = bool(text.strip())
        current = self.tabs.currentIndex()
        self.tabs.blockSignals(True)
        if searching and current != self.results_tab:
            self._category = current
            self.tabs.setTabVisible(self.results_tab, True)
            self.tabs.setCurrentIndex(self.results_tab)
        elif not searching and current == self.results_tab:
            self.tabs.setCurrentIndex(self._category)
            self.tabs.setTabVisible(self.results_tab, False)
        self.tabs.blockSignals(False)
        self._refill()

    def _tab_chosen(self, index: int) -> None:
        if index != self.results_tab and self.search.text():
            self._category = index
            self.search.clear()  # a category chosen while searching: that category
        else:
            self._refill()

    def _describe_text(self, char: str, entry: Emoji | None) -> str:
        name = entry.name if entry is not None else char
        cost = utf16_len(char)
        text = self.tr("{emoji} {name}: counts as %n character(s) in Viber's limits", "", cost)
        return text.format(emoji=char, name=name)

    def _describe(self, item: QListWidgetItem | None) -> None:
        if item is not None:
            self.about.setText(self._describe_text(item.text(), self.known.get(item.text())))

    def _tone_chosen(self, index: int) -> None:
        self.recent.set_tone(index)
        self._refill()

    def _picked(self, item: QListWidgetItem) -> None:
        if not self.isVisible():
            return  # a click that also activates: picked once
        char = item.text()
        self.recent.used(char)
        self.close()
        self.chosen.emit(char)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            item = self.grid.currentItem()
            if item is not None:
                self._picked(item)
                return
        super().keyPressEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Arrow keys in the search box move in the grid (Enter there picks, as anywhere)."""
        moves = (Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_PageDown, Qt.Key.Key_PageUp)
        sideways = (Qt.Key.Key_Left, Qt.Key.Key_Right)
        if (
            watched is self.search
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and (event.key() in moves or (event.key() in sideways and not self.search.text()))
        ):
            self.grid.setFocus()
            self.grid.keyPressEvent(event)
            return True
        return False
