"""The Fix button's row: a new fix text each key does not relayout the window (issue 18)."""

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from viber_desktop.ui.findings_panel import FindingsPanel


class LayoutRequests(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.seen = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:
            self.seen += 1
        return False


def shown_panel(qtbot: QtBot) -> FindingsPanel:
    panel = FindingsPanel()
    qtbot.addWidget(panel)
    panel.resize(600, 300)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def test_a_new_fix_text_stays_in_its_row(qtbot: QtBot) -> None:
    panel = shown_panel(qtbot)
    panel.fix_btn.setText('Fix: Shorten to 7,000 characters (cuts " season ")')  # the widest
    panel.fix_hint.setText("Or: remove it")
    qtbot.wait(20)  # the layout requests that showing and the first texts make
    requests = LayoutRequests()
    panel.installEventFilter(requests)
    for cut in ("in", "the", "season", "a", "to"):
        panel.fix_btn.setText(f'Fix: Shorten to 7,000 characters (cuts " {cut} ")')
        qtbot.wait(5)
    assert requests.seen == 0  # the pane above, the splitters and the window are left alone
    panel.fix_btn.setText("Fix: " + "a much longer fix than ever before " * 2)
    qtbot.wait(20)
    assert requests.seen == 1  # a wider button than before may widen the pane, as a layout did
    button, hint = panel.fix_btn.geometry(), panel.fix_hint.geometry()
    assert button.width() == panel.fix_btn.sizeHint().width()  # the button fits its new text
    assert button.right() < hint.left() and hint.right() == panel.fix_row.width() - 1
    assert hint.height() >= button.height()


def test_the_row_follows_the_layout_direction(qtbot: QtBot) -> None:
    panel = shown_panel(qtbot)
    panel.fix_btn.setText("Fix")
    panel.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    panel.resize(601, 300)
    QApplication.processEvents()
    assert panel.fix_btn.geometry().right() == panel.fix_row.width() - 1
    assert panel.fix_hint.geometry().left() == 0


def test_a_longer_hint_makes_the_row_taller(qtbot: QtBot) -> None:
    panel = shown_panel(qtbot)
    before = panel.fix_row.height()
    panel.fix_hint.setText("Or: " + "remove the whole field and type it again " * 8)
    QApplication.processEvents()
    QApplication.processEvents()
    assert panel.fix_row.height() > before
    assert panel.fix_hint.geometry().height() == panel.fix_row.height()


def test_mirrored_is_qstyles_visual_rect() -> None:
    """fix_row mirrors by itself: QStyle.visualRect makes QStyle's 11 enum classes (issue 16)."""
    from PySide6.QtCore import QRect
    from PySide6.QtWidgets import QStyle

    from viber_desktop.ui.fix_row import mirrored

    for width in (0, 1, 7, 600, 601):
        for x, w in ((0, 0), (0, 5), (3, 4), (100, 250), (width, 0)):
            rect = QRect(x, 2, w, 9)
            bounds = QRect(0, 0, width, 30)
            expected = QStyle.visualRect(Qt.LayoutDirection.RightToLeft, bounds, rect)
            assert mirrored(rect, width) == expected, (width, x, w)
