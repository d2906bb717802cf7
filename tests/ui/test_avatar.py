"""The sender avatar: thumbnail loaded off the GUI thread, cached, failures and size shown."""

import random

from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from tests.ui.pictures import png, png_bytes
from viber_desktop.sandbox.server import Sandbox
from viber_desktop.ui.composer.composer_widget import ComposerWidget
from viber_desktop.ui.images import ImageLoader
from viber_desktop.ui.tasks import TaskRunner


def noisy_png(size: int = 300) -> bytes:
    """A PNG that does not compress: well over 100 KB."""
    rng = random.Random(1)
    image = QImage(size, size, QImage.Format.Format_RGB32)
    for y in range(size):
        for x in range(size):
            image.setPixelColor(
                x, y, QColor(rng.randrange(256), rng.randrange(256), rng.randrange(256))
            )
    return png_bytes(image)


def make(qtbot: QtBot, loader: ImageLoader) -> ComposerWidget:
    composer = ComposerWidget(images=loader)
    qtbot.addWidget(composer)
    return composer


def test_thumbnail_from_the_sandbox_and_cache(qtbot: QtBot, sandbox: Sandbox) -> None:
    runner = TaskRunner()
    fetched: list[str] = []
    loader = ImageLoader(runner)
    real = loader.fetch
    loader.fetch = lambda url: (fetched.append(url), real(url))[1]
    composer = make(qtbot, loader)
    url = sandbox.base_url.replace("/pa", "/sandbox/icon.png")
    composer.avatar.setText(url)
    qtbot.waitUntil(lambda: "px" in composer.avatar_note.text(), timeout=10_000)
    assert not composer.avatar_thumb.pixmap().isNull()
    composer.avatar.setText("")
    composer.avatar.setText(url)
    qtbot.waitUntil(lambda: "px" in composer.avatar_note.text(), timeout=10_000)
    assert fetched == [url]  # the second time came from the cache
    runner.wait()


def test_failure_is_shown(qtbot: QtBot, sandbox: Sandbox) -> None:
    runner = TaskRunner()
    composer = make(qtbot, ImageLoader(runner))
    composer.avatar.setText(sandbox.base_url.replace("/pa", "/sandbox/missing.jpg"))
    qtbot.waitUntil(lambda: "not loaded" in composer.avatar_note.text(), timeout=10_000)
    assert "HTTP 404" in composer.avatar_note.text()
    runner.wait()


def test_large_avatar_is_warned_about(qtbot: QtBot) -> None:
    runner = TaskRunner()
    big = noisy_png()
    assert len(big) > 100 * 1024
    composer = make(qtbot, ImageLoader(runner, fetch=lambda url: big))
    composer.avatar.setText("https://example.com/big.png")
    qtbot.waitUntil(lambda: "100 KB" in composer.avatar_note.text(), timeout=10_000)
    assert composer.avatar_note.text().startswith("⚠")
    runner.wait()


def test_a_large_avatar_shows_its_real_size(qtbot: QtBot) -> None:
    runner = TaskRunner()
    wide = png(3000, 1500)
    assert len(wide) < 100 * 1024  # one colour: small, so the note gives the size
    composer = make(qtbot, ImageLoader(runner, fetch=lambda url: wide))
    composer.avatar.setText("https://example.com/wide.png")
    qtbot.waitUntil(lambda: "px" in composer.avatar_note.text(), timeout=10_000)
    assert composer.avatar_note.text().startswith("3000 × 1500 px")  # not the decoded 2048
    runner.wait()
