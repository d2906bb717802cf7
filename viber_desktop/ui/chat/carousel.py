"""A rich-media message as Viber draws it in the chat: fixed-width rounded cards, side by side.

Sizes (Viber documents none in pixels; these are our reading of its cards):
every card is ``CARD_WIDTH`` wide whatever its ButtonsGroupColumns (the columns share the
width), and a row is a fixed ``ROW_HEIGHT``, a sixth of the width: a 6 x 3 picture is 2:1, the
shape Viber's vertical cards give a picture, and a full 7-row card is 7/6 as tall as wide.
"""

from typing import Any

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPixmap, QResizeEvent
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget

from viber_desktop.ui.composer.grid_view import ButtonGridView

CARD_WIDTH = 240
ROW_HEIGHT = CARD_WIDTH // 6
CARD_GAP = 8
CARD_RADIUS = 14.0
TEXT_PX = 13.0
"""Regular button text, in pixels (small and large scale from it)."""


class CarouselCards(ButtonGridView):
    """The cards of one rich-media message (read-only)."""

    def __init__(self, pixmaps: dict[str, QPixmap], parent: QWidget | None = None) -> None:
        super().__init__(parent, cell=CARD_WIDTH // 6)
        self.row_height = ROW_HEIGHT
        self.top = 2.0
        self.GAP = CARD_GAP
        self.seamless = True
        self.card_radius = CARD_RADIUS
        self.font_px = TEXT_PX
        self.mark_selection = False
        self.stand_ins = False
        self.pixmaps = pixmaps  # shared with the preview: a picture loaded once shows at once
        # Each button is drawn once into a tile: an edit redraws its button only, scrolling
        # (following the editor's choice) only copies tiles.
        self.tiles = True
        self.setAccessibleName(self.tr("Rich media cards"))

    def card_size(self) -> QSize:
        return QSize(CARD_WIDTH, round(self.card_rows() * self.row_height))

    def pictures_changed(self) -> None:
        """A picture arrived: draw the buttons that show it again (their tiles know)."""
        self.update()


class Carousel(QScrollArea):
    """Scrolls the cards sideways; ``focus_card`` brings a card into view (card 1 first, on
    the right in a right-to-left layout)."""

    def __init__(
        self, obj: dict[str, Any], pixmaps: dict[str, QPixmap], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.cards = CarouselCards(pixmaps)
        self.cards.mirrored = self.layoutDirection() == Qt.LayoutDirection.RightToLeft
        self.setWidget(self.cards)
        self.setWidgetResizable(False)
        # The chat shows around the rounded corners (setWidget turned the fill on).
        self.cards.setAutoFillBackground(False)
        self.viewport().setAutoFillBackground(False)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.horizontalScrollBar().setAccessibleName(self.tr("Scroll the cards"))
        self._focus = 0
        self.show_cards(obj)

    def show_cards(self, obj: dict[str, Any]) -> None:
        """Show the ``rich_media`` object ``obj`` (an edit redraws in place, keeping the scroll)."""
        buttons = obj.get("Buttons") if isinstance(obj.get("Buttons"), list) else []
        assert isinstance(buttons, list)
        self.cards.set_buttons(
            buttons,
            obj.get("ButtonsGroupColumns"),
            obj.get("ButtonsGroupRows"),
            rich=True,
            bg=obj.get("BgColor"),
            changed=_changed(self.cards.buttons, buttons),
        )
        self.cards.resize(self.cards.sizeHint())
        bar = self.horizontalScrollBar().sizeHint().height()
        self.setFixedHeight(self.cards.sizeHint().height() + bar + 2)

    def sizeHint(self) -> QSize:
        return QSize(self.cards.sizeHint().width(), self.height())

    def urls(self) -> set[str]:
        """The Image and BgMedia pictures the cards show."""
        return self.cards.picture_urls()

    def focus_button(self, index: int) -> None:
        """Bring the card holding button ``index`` into view."""
        places = self.cards.places
        if 0 <= index < len(places):
            self.focus_card(places[index].card)

    def focus_card(self, card: int) -> None:
        self._focus = card
        rect = self.cards.card_rect(min(max(card, 0), self.cards.cards() - 1))
        center = rect.center()
        self.ensureVisible(round(center.x()), round(center.y()), round(rect.width() / 2) + 4, 0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.focus_card(self._focus)


def _changed(old: list[Any], new: list[Any]) -> set[int] | None:
    """The buttons of ``new`` that differ from ``old`` in place (None: any may have moved,
    as when one was added or resized)."""
    if len(old) != len(new):
        return None
    changed = {i for i, (a, b) in enumerate(zip(old, new, strict=True)) if a != b}
    for i in changed:
        a, b = old[i], new[i]
        if not (isinstance(a, dict) and isinstance(b, dict)):
            return None
        if any(a.get(k) != b.get(k) for k in ("Columns", "Rows")):
            return None
    return changed
