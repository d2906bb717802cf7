"""The chat preview, true to Viber: card sizes and row proportions, pictures loaded off the GUI
thread, bubbles per type, the keyboard at the bottom at its height rules, the phone mode, and a
window that never reflows when the message changes."""

import copy
import itertools
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.pictures import png
from viber_desktop.ui import images
from viber_desktop.ui.chat.bubbles import STICKER_URL, Bubble, PictureView, human_size
from viber_desktop.ui.chat.carousel import CARD_WIDTH, ROW_HEIGHT
from viber_desktop.ui.chat.keyboard_dock import NATIVE_SHARE, keyboard_height, row_height
from viber_desktop.ui.composer.button_html import viber_html
from viber_desktop.ui.images import ImageLoader
from viber_desktop.ui.main_window import MainWindow
from viber_desktop.ui.preview import PHONE_WIDTH, ChatPreview
from viber_desktop.ui.tasks import TaskRunner

LEFT = Qt.MouseButton.LeftButton


def button(text: str, columns: int = 6, rows: int = 1, **more: Any) -> dict[str, Any]:
    return {"Columns": columns, "Rows": rows, "ActionType": "reply", "ActionBody": text, **more}


def six_cards(columns: int = 6) -> dict[str, Any]:
    buttons = []
    for c in range(6):
        buttons += [
            button(f"pic {c}", columns, 3, Image=f"https://example.invalid/{c}.png"),
            button(f"<b>Product {c}</b>", columns, 1, Text=f"<b>Product {c}</b>"),
            button("Buy", columns, 1, Text="<font color='#FFFFFF'>Buy</font>", BgColor="#7360F2"),
            button("More", columns, 2, Text="More"),
        ]
    return {
        "receiver": "r",
        "sender": {"name": "Shop"},
        "type": "rich_media",
        "min_api_version": 2,
        "rich_media": {
            "Type": "rich_media",
            "ButtonsGroupColumns": columns,
            "ButtonsGroupRows": 7,
            "BgColor": "#FFFFFF",
            "Buttons": buttons,
        },
    }


def full_keyboard(**more: Any) -> dict[str, Any]:
    return {
        "Type": "keyboard",
        "Buttons": [button(f"k{i}", 2, 1, Text=f"Choice {i}") for i in range(24)],
        **more,
    }


def text_message(**more: Any) -> dict[str, Any]:
    return {"receiver": "r", "sender": {"name": "Shop"}, "type": "text", "text": "Hi", **more}


@pytest.fixture
def preview(qtbot: QtBot) -> ChatPreview:
    view = ChatPreview()
    qtbot.addWidget(view)
    view.resize(600, 560)
    view.show()
    qtbot.waitExposed(view)
    return view


# --- rich media ---------------------------------------------------------------------------


@pytest.mark.parametrize("columns", [6, 3])
def test_cards_have_a_fixed_width_and_rows_a_fixed_height(
    preview: ChatPreview, columns: int
) -> None:
    preview.show_message(six_cards(columns))
    assert preview.carousel is not None
    cards = preview.carousel.cards
    assert cards.cards() == 6
    assert cards.card_size().width() == CARD_WIDTH
    assert cards.card_size().height() == 7 * ROW_HEIGHT  # 7 rows, whatever the columns
    assert ROW_HEIGHT * 6 == CARD_WIDTH  # a 6 x 3 picture is 2:1
    picture, title, buy, more = (cards.button_rect(i) for i in range(4))
    assert picture.height() == pytest.approx(3 * title.height())
    assert more.height() == pytest.approx(2 * buy.height())
    assert picture.width() == pytest.approx(CARD_WIDTH)  # seamless: no gaps inside a card
    lefts = [cards.card_rect(c).left() for c in range(6)]
    assert {b - a for a, b in itertools.pairwise(lefts)} == {CARD_WIDTH + cards.GAP}


def test_carousel_scrolls_to_the_card_in_focus(preview: ChatPreview, qtbot: QtBot) -> None:
    preview.show_message(six_cards())
    assert preview.carousel is not None
    bar = preview.carousel.horizontalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    assert bar.value() == 0
    preview.focus_button(4 * 5 + 1)  # a button of card 6
    qtbot.waitUntil(lambda: bar.value() == bar.maximum())  # a moment later
    viewport = preview.carousel.viewport()
    card = preview.carousel.cards.card_rect(5).toRect()
    shown = QRect(preview.carousel.cards.mapFrom(viewport, QPoint(0, 0)), viewport.size())
    assert shown.contains(card.adjusted(2, 2, -2, -2))
    preview.show_message(six_cards(3))  # a redraw keeps the card in focus
    assert preview.carousel is not None
    qtbot.waitUntil(lambda: preview.carousel.horizontalScrollBar().value() > 0)  # type: ignore[union-attr]


def test_an_edit_of_the_cards_redraws_them_in_place(preview: ChatPreview, qtbot: QtBot) -> None:
    msg = six_cards()
    preview.show_if_changed(msg)
    carousel = preview.carousel
    assert carousel is not None
    preview.focus_button(22)
    qtbot.waitUntil(lambda: carousel.horizontalScrollBar().value() > 0)
    scrolled = carousel.horizontalScrollBar().value()
    msg["rich_media"]["Buttons"][22]["Text"] = "Sold out"  # the document changes in place
    preview.show_if_changed(msg)
    assert preview.carousel is carousel  # not rebuilt: the scroll stays
    assert carousel.horizontalScrollBar().value() == scrolled
    assert carousel.cards.buttons[22]["Text"] == "Sold out"
    msg["sender"]["name"] = "Other shop"
    preview.show_if_changed(msg)
    assert preview.sender_name.text() == "Other shop"


def test_cards_switching_layouts_always_draw_their_own_buttons(preview: ChatPreview) -> None:
    """A layout's rectangles were cached under id() of its list, which a later layout could
    reuse: a paint then zipped another carousel's 42 rectangles with 7 places and raised
    (a painter left open, then a crash). Switching back and forth gave the id a chance."""
    big, small = six_cards(), six_cards()
    small["rich_media"]["Buttons"] = small["rich_media"]["Buttons"][:4]
    for round_ in range(200):
        preview.show_message(copy.deepcopy(big if round_ % 2 else small))
        assert preview.carousel is not None
        cards = preview.carousel.cards
        assert len(cards._rects()) == len(cards.places)
        cards.repaint()


def test_the_preview_does_not_draw_from_the_live_document(preview: ChatPreview) -> None:
    """The document changes in place before the preview's redraw comes (60 ms later): a
    paint in between (a scroll, an expose) draws what was shown, never a deleted button."""
    msg = six_cards()
    preview.show_if_changed(msg)
    assert preview.carousel is not None
    del msg["rich_media"]["Buttons"][4:]  # the editor deleted five cards
    msg["rich_media"]["Buttons"][0]["Text"] = "Changed"
    preview.carousel.cards.repaint()
    assert preview.carousel.cards.cards() == 6
    assert "Text" not in preview.carousel.cards.buttons[0]
    preview.show_if_changed(msg)
    assert preview.carousel.cards.cards() == 1
    assert preview.carousel.cards.buttons[0]["Text"] == "Changed"


def test_a_keystroke_copies_only_the_button_it_changed(preview: ChatPreview) -> None:
    msg = six_cards()
    preview.show_if_changed(msg)
    assert preview.carousel is not None
    before = list(preview.carousel.cards.buttons)
    msg["rich_media"]["Buttons"][9]["Text"] = "Sold out"
    msg["rich_media"]["Buttons"][9]["Silent"] = True
    preview.show_if_changed(msg)
    after = preview.carousel.cards.buttons
    assert after[9] == msg["rich_media"]["Buttons"][9] and after[9] is not before[9]
    assert after[9] is not msg["rich_media"]["Buttons"][9]
    assert all(after[i] is before[i] for i in range(len(after)) if i != 9)
    msg["rich_media"]["Buttons"][9]["Text"] = "Back"  # the preview's copy stays as shown
    assert after[9]["Text"] == "Sold out"


def test_right_to_left_starts_at_card_1(qtbot: QtBot) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    app.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    try:
        view = ChatPreview()
        qtbot.addWidget(view)
        view.resize(600, 560)
        view.show_message(six_cards())
        view.show()
        qtbot.waitExposed(view)
        assert view.carousel is not None
        cards = view.carousel.cards
        assert cards.mirrored
        assert cards.card_rect(0).left() > cards.card_rect(5).left()  # card 1 on the right
        viewport = view.carousel.viewport()
        shown = QRect(cards.mapFrom(viewport, QPoint(0, 0)), viewport.size())
        assert shown.contains(cards.card_rect(0).toRect().adjusted(2, 2, -2, -2))
    finally:
        app.setLayoutDirection(Qt.LayoutDirection.LeftToRight)


def test_button_text_keeps_only_vibers_html() -> None:
    assert viber_html("<b>Buy</b> <i>now</i><br><u>x</u> <s>y</s>") == (
        "<b>Buy</b> <i>now</i><br><u>x</u> <s>y</s>"
    )
    assert viber_html('<font color="#FF0000" size="20">big</font>') == (
        '<span style="color: #FF0000; font-size: 20px">big</span>'
    )
    assert viber_html('<font size="20">a</font>', 0.5) == '<span style="font-size: 10px">a</span>'
    assert viber_html('<img src="file:///etc/passwd">') == '&lt;img src="file:///etc/passwd"&gt;'
    assert viber_html("<b>open <i>both") == "<b>open <i>both</i></b>"
    assert viber_html("a < b & c") == "a &lt; b &amp; c"


# --- pictures off the GUI thread ------------------------------------------------------------


@pytest.fixture
def slow_server() -> Iterator[tuple[str, threading.Event, list[str]]]:
    """Answers every GET with a PNG once ``release`` is set; ``paths`` lists what was asked."""
    data = png()
    release = threading.Event()
    paths: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            paths.append(self.path)
            release.wait(20)
            self.send_response(200)
            self.send_header("Content-Type", "image/png")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}", release, paths
    release.set()
    server.shutdown()
    server.server_close()


def test_card_pictures_load_later_without_blocking(
    qtbot: QtBot, slow_server: tuple[str, threading.Event, list[str]]
) -> None:
    base, release, paths = slow_server
    runner = TaskRunner()
    view = ChatPreview(ImageLoader(runner))
    qtbot.addWidget(view)
    view.resize(600, 560)
    view.show()
    msg = six_cards()
    for i, b in enumerate(msg["rich_media"]["Buttons"]):
        if "Image" in b:
            b["Image"] = f"{base}/card{i}.png"
    started = time.perf_counter()
    view.show_message(msg)
    qtbot.waitUntil(lambda: len(paths) >= 1)  # asked for, not answered yet
    assert time.perf_counter() - started < 5  # the GUI thread did not wait for them
    assert view.pixmaps == {}
    assert view.carousel is not None and view.carousel.isVisible()
    release.set()
    qtbot.waitUntil(lambda: len(view.pixmaps) == 6, timeout=10_000)
    assert view.carousel is not None
    shot = view.carousel.cards.grab().toImage()
    center = view.carousel.cards.button_rect(0).center().toPoint()
    assert shot.pixelColor(center) == QColor("#00AA00")  # drawn in its button
    view.show_if_changed(copy.deepcopy(msg) | {"alt_text": "changed"})
    assert len(paths) == 6  # a redraw takes them from the cache
    assert runner.wait(10_000)


# --- bubbles per type -----------------------------------------------------------------------


def texts(widget: QWidget) -> str:
    return " ".join(label.text() for label in widget.findChildren(QLabel))


def test_each_type_has_its_bubble(qtbot: QtBot) -> None:
    asked: list[str] = []

    def want(url: str, show: Any) -> None:
        asked.append(url)

    def bubble(msg: dict[str, Any]) -> Bubble:
        b = Bubble(msg, want, 300, "12:00")
        qtbot.addWidget(b)
        return b

    video = bubble(
        {"type": "video", "media": "https://x.invalid/v.mp4", "size": 3_500_000, "duration": 95,
         "thumbnail": "https://x.invalid/t.jpg"}
    )  # fmt: skip
    assert video.video.duration == "1:35" and video.video.play
    assert asked == ["https://x.invalid/t.jpg"]
    assert "3.3 MB" in texts(video)
    file = bubble({"type": "file", "media": "https://x.invalid/r.pdf", "size": 2048,
                   "file_name": "report.pdf"})  # fmt: skip
    assert "2 KB" in texts(file) and "report.pdf" in texts(file)
    where = bubble({"type": "location", "location": {"lat": 50.45, "lon": 30.52}})
    assert where.coordinates.text() == "50.45000, 30.52000" and where.pin.width() > 0
    bubble({"type": "sticker", "sticker_id": 40129})
    assert asked[-1] == STICKER_URL.format(id=40129)
    contact = bubble({"type": "contact", "contact": {"name": "Anna", "phone_number": "+38050"}})
    assert "Anna" in texts(contact) and "+38050" in texts(contact)
    link = bubble({"type": "url", "media": "https://www.viber.com/en/"})
    assert "www.viber.com" in texts(link)
    picture = bubble({"type": "picture", "media": "https://x.invalid/p.jpg", "text": "Look"})
    assert asked[-1] == "https://x.invalid/p.jpg" and "Look" in texts(picture)
    assert human_size(999) == "999 B" and human_size(52_428_800) == "50.0 MB"


def test_a_wrapped_text_is_not_cut(preview: ChatPreview, qtbot: QtBot) -> None:
    preview.show_message(text_message(text="A longer line of text " * 8))
    assert preview.bubble is not None
    label = preview.bubble.text_label
    assert label is not None
    qtbot.waitUntil(lambda: label.height() >= label.heightForWidth(label.width()))
    assert label.height() > 2 * label.fontMetrics().height()


# --- keyboards ------------------------------------------------------------------------------


def test_keyboard_height_rules() -> None:
    area = 500
    native = round(area * NATIVE_SHARE)
    assert keyboard_height({}, 80, area) == 80  # short: its buttons' height
    assert keyboard_height({}, 900, area) == native  # at most the phone's keyboard
    assert keyboard_height({"DefaultHeight": True}, 80, area) == native
    assert keyboard_height({"CustomDefaultHeight": 60}, 80, area) == 300
    assert keyboard_height({"CustomDefaultHeight": 40, "DefaultHeight": False}, 80, area) == 200
    assert keyboard_height({"CustomDefaultHeight": 90}, 80, area) == 80  # out of range: ignored
    assert row_height({}, 600) == 48 and row_height({"HeightScale": 50}, 600) == 24
    assert row_height({}, 240) == 40  # a square block on a narrow screen


def test_keyboard_sits_at_the_bottom_and_is_not_clipped(qtbot: QtBot, window: MainWindow) -> None:
    window.resize(1024, 700)
    window.tabs.setCurrentWidget(window.preview)
    window.composer.load_payload(text_message(keyboard=full_keyboard(DefaultHeight=True)))
    preview = window.preview
    qtbot.waitUntil(lambda: preview.keyboard is not None and preview.keyboard.isVisible())
    dock, device = preview.keyboard, preview.device
    assert dock is not None
    qtbot.waitUntil(lambda: dock.geometry().bottom() == device.height() - 1)
    assert preview.input.geometry().bottom() + 1 == dock.geometry().top()  # input field above
    shown = QRect(dock.mapTo(preview, QPoint(0, 0)), dock.size())
    assert preview.rect().contains(shown)  # all of it in view
    area = device.height() - preview.input.height()
    assert dock.height() == round(area * NATIVE_SHARE)
    assert dock.verticalScrollBar().maximum() > 0  # 8 rows do not fit: they scroll
    window.composer.load_payload(
        text_message(keyboard={"Type": "keyboard", "Buttons": [button("Yes", 3), button("No", 3)]})
    )
    qtbot.waitUntil(
        lambda: preview.keyboard is not None and len(preview.keyboard.grid.buttons) == 2
    )
    short = preview.keyboard
    assert short is not None
    assert short.height() == short.grid.card_size().height() + 4  # a short keyboard: its rows


def test_input_field_state(preview: ChatPreview) -> None:
    preview.show_message(text_message(keyboard=full_keyboard(InputFieldState="hidden")))
    assert preview.input.isHidden()
    preview.show_message(text_message(keyboard=full_keyboard(InputFieldState="minimized")))
    assert not preview.input.isHidden() and preview.input.height() < 30
    preview.show_message(text_message())
    assert not preview.input.isHidden() and preview.keyboard is None


# --- phone mode and the window --------------------------------------------------------------


def test_phone_mode_is_360_pixels_wide(preview: ChatPreview, qtbot: QtBot) -> None:
    preview.show_message(six_cards())
    qtbot.mouseClick(preview.phone_btn, LEFT)
    assert preview.phone
    qtbot.waitUntil(lambda: preview.device.width() == PHONE_WIDTH)
    # centred in the pane
    qtbot.waitUntil(lambda: abs(preview.device.geometry().center().x() - preview.width() / 2) <= 2)
    qtbot.mouseClick(preview.desktop_btn, LEFT)
    qtbot.waitUntil(lambda: preview.device.width() == preview.width())


def test_preview_content_never_reflows_the_window(qtbot: QtBot, window: MainWindow) -> None:
    window.resize(1024, 700)
    window.tabs.setCurrentWidget(window.preview)
    one_card = six_cards()
    del one_card["rich_media"]["Buttons"][4:]
    window.composer.load_payload(one_card)
    qtbot.wait(200)
    sizes = (window.size(), window.splitter.sizes(), window.right.sizes())
    hints = (window.preview.minimumSizeHint(), window.preview.sizeHint())
    long_text = six_cards()
    long_text["rich_media"]["Buttons"][1]["Text"] = "word " * 45
    for msg in (six_cards(), six_cards(3), long_text, one_card):
        window.composer.load_payload(msg)
        qtbot.wait(150)  # the preview redraws after a pause
        assert (window.size(), window.splitter.sizes(), window.right.sizes()) == sizes
        assert (window.preview.minimumSizeHint(), window.preview.sizeHint()) == hints
    qtbot.mouseClick(window.preview.phone_btn, LEFT)
    qtbot.wait(50)
    assert (window.size(), window.splitter.sizes(), window.right.sizes()) == sizes
    window.preview.show_message(text_message(keyboard=full_keyboard(CustomDefaultHeight=70)))
    window.preview.show_message(text_message(text="word " * 2000))
    qtbot.wait(50)
    assert (window.size(), window.splitter.sizes(), window.right.sizes()) == sizes
    assert (window.preview.minimumSizeHint(), window.preview.sizeHint()) == hints


def test_the_card_chosen_in_the_editor_scrolls_into_the_preview(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.resize(1280, 800)
    window.tabs.setCurrentWidget(window.preview)
    window.composer.load_payload(six_cards())
    preview = window.preview
    qtbot.waitUntil(lambda: preview.carousel is not None and preview.carousel.isVisible())
    editor = window.composer.forms["rich_media"].editor  # type: ignore[union-attr]
    grid = editor.grid
    editor.scroller.ensureVisible(int(grid.button_rect(21).center().x()), 10)
    qtbot.mouseClick(grid, LEFT, pos=grid.button_rect(21).center().toPoint())  # card 6
    assert editor.row == 21
    carousel = preview.carousel
    assert carousel is not None
    viewport = carousel.viewport()

    def card_6_shown() -> bool:
        shown = QRect(carousel.cards.mapFrom(viewport, QPoint(0, 0)), viewport.size())
        return shown.intersects(carousel.cards.card_rect(5).toRect()) and not shown.intersects(
            carousel.cards.card_rect(0).toRect()
        )

    qtbot.waitUntil(card_6_shown)


def test_images_are_decoded_on_the_worker_that_fetched_them(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A photo of a few MB took the GUI thread 50 ms and more to decode (issue 16 review)."""
    threads: list[str] = []
    real = images.decode

    def decode(data: bytes) -> tuple[QImage, int]:
        threads.append(threading.current_thread().name)
        return real(data)

    monkeypatch.setattr(images, "decode", decode)
    runner = TaskRunner()
    loader = ImageLoader(runner, fetch=lambda url: png())
    with qtbot.waitSignal(loader.loaded, timeout=10_000) as signal:
        loader.request("https://x.invalid/p.png")
    url, image, size, error = signal.args
    assert url == "https://x.invalid/p.png"
    assert image.size() == QSize(16, 8) and size == len(png()) and error == ""
    assert threads and threading.main_thread().name not in threads
    assert runner.wait(10_000)


def test_a_picture_is_scaled_to_its_box_once_not_at_each_paint(qtbot: QtBot) -> None:
    view = PictureView(QSize(120, 60), "Picture")
    qtbot.addWidget(view)
    image = QImage(1600, 800, QImage.Format.Format_RGB32)
    image.fill(QColor("#00AA00"))
    view.set_image(image)
    first = view.grab().toImage()
    scaled = view._scaled
    assert scaled is not None and scaled.size() == QSize(120, 60)
    second = view.grab().toImage()
    assert view._scaled is scaled and first == second
    assert first.pixelColor(60, 30) == QColor("#00AA00")
    view.set_image(QImage(10, 10, QImage.Format.Format_RGB32))  # a new image: scaled again
    view.grab()
    assert view._scaled is not scaled


def test_the_loader_keeps_the_recent_images_within_its_budget(qtbot: QtBot) -> None:
    fetched: list[str] = []
    picture = png(100, 100)  # 40,000 bytes decoded

    def fetch(url: str) -> bytes:
        fetched.append(url)
        return picture

    runner = TaskRunner()
    loader = ImageLoader(runner, fetch=fetch, cache_bytes=90_000)  # two of them

    def ask(url: str) -> None:
        with qtbot.waitSignal(loader.loaded, timeout=10_000):
            loader.request(url)

    for url in ("a", "b", "c"):
        ask(url)
    assert list(loader.cache) == ["b", "c"] and loader.kept_bytes() == 80_000
    ask("b")  # asked for again: the most recent now
    ask("d")
    assert list(loader.cache) == ["b", "d"]
    ask("a")  # let go: fetched again
    assert fetched == ["a", "b", "c", "d", "a"]
    assert runner.wait(10_000)


def test_the_preview_lets_go_of_pictures_it_no_longer_shows(qtbot: QtBot) -> None:
    fetched: list[str] = []

    def fetch(url: str) -> bytes:
        fetched.append(url)
        return png()

    runner = TaskRunner()
    view = ChatPreview(ImageLoader(runner, fetch=fetch))
    qtbot.addWidget(view)
    view.resize(600, 560)
    view.show()
    view.show_message(six_cards())
    qtbot.waitUntil(lambda: len(view.pixmaps) == 6, timeout=10_000)
    view.show_message({"receiver": "r", "type": "text", "text": "Hello"})
    assert view.pixmaps == {}  # six full-size pixmaps were kept for the session
    view.show_message(six_cards())  # back: from the loader's images, not fetched again
    qtbot.waitUntil(lambda: len(view.pixmaps) == 6, timeout=10_000)
    assert len(fetched) == 6
    assert runner.wait(10_000)


def test_a_huge_picture_is_decoded_small_and_keeps_its_real_size() -> None:
    """A file of a few KB can hold 8,000 x 8,000 pixels (256 MB decoded)."""
    huge = png(8000, 4000)
    assert len(huge) < 5 * 1024 * 1024  # within what a fetch accepts
    image, size = images.decode(huge)
    assert image.size() == QSize(images.MAX_SIDE, images.MAX_SIDE // 2) and size == len(huge)
    assert images.original_size(image) == (8000, 4000)
    assert image.pixelColor(10, 10) == QColor("#00AA00")
    small, _ = images.decode(png())
    assert small.size() == QSize(16, 8) and images.original_size(small) == (16, 8)
    broken, size = images.decode(b"not an image")
    assert broken.isNull() and size == 12


@pytest.mark.parametrize("dark", [False, True])
def test_the_chat_is_drawn_without_a_style_sheet(qtbot: QtBot, dark: bool) -> None:
    """A style sheet on the preview gave every widget in it Qt's style-sheet style: 4 % of a
    window's start (issue 16). The chat's look is painted: a bubble white (dark grey) with a
    small top-left corner by the avatar and round ones elsewhere, on the chat's background."""
    from viber_desktop.ui.chat import look

    preview = ChatPreview()
    qtbot.addWidget(preview)
    if dark:
        palette = preview.palette()
        for role in (palette.ColorRole.Window, palette.ColorRole.Base):  # as the theme sets both
            palette.setColor(role, QColor("#202124"))
        preview.setPalette(palette)
    preview.resize(520, 400)
    preview.show_message({"type": "url", "sender": {"name": "Shop"}, "media": "https://a.example"})
    preview.show()
    qtbot.waitExposed(preview)
    widgets = [preview, *preview.findChildren(QWidget)]
    assert [w.objectName() for w in widgets if w.styleSheet()] == []
    colors = look.DARK if dark else look.LIGHT
    bubble = preview.bubble
    assert bubble is not None
    page = bubble.parentWidget()
    assert page is not None
    image = page.grab().toImage()
    corner = bubble.mapTo(page, QPoint(0, 0))
    width = bubble.width()
    at = lambda x, y: image.pixelColor(corner.x() + x, corner.y() + y).name()  # noqa: E731
    assert at(2, 2) == colors.bubble  # the small corner by the avatar
    assert at(width - 3, 2) == colors.screen  # a round corner: the chat shows there
    assert at(width // 2, bubble.height() - 1) == colors.bubble
    card = bubble.findChild(QWidget, "media")
    assert card is not None
    inside = card.mapTo(page, QPoint(card.width() // 2, 2))
    assert image.pixelColor(inside).name() == colors.media
