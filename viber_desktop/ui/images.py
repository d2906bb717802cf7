"""Loads images off the GUI thread and caches them for the session."""

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QImage

from viber_desktop.services.images import ImageError, fetch_image
from viber_desktop.ui.tasks import TaskRunner


class ImageLoader(QObject):
    """Fetches images by URL; ``loaded(url, image, size, error)`` arrives on the GUI thread.

    Signals:
        loaded(str, object, int, str): url, QImage or None, byte size, error text.
    """

    loaded = Signal(str, object, int, str)

    def __init__(
        self,
        runner: TaskRunner,
        fetch: Callable[[str], bytes] = fetch_image,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.runner = runner
        self.fetch = fetch
        self.cache: dict[str, tuple[QImage | None, int, str]] = {}
        self._pending: set[str] = set()

    def request(self, url: str) -> None:
        if url in self.cache:
            self.loaded.emit(url, *self.cache[url])
            return
        if url in self._pending:
            return
        self._pending.add(url)

        def done(result: tuple[QImage, int]) -> None:
            self._pending.discard(url)
            image, size = result
            entry = (None, size, self.tr("not an image")) if image.isNull() else (image, size, "")
            self.cache[url] = entry
            self.loaded.emit(url, *entry)

        def failed(exc: Exception) -> None:
            self._pending.discard(url)
            text = str(exc) if isinstance(exc, ImageError) else type(exc).__name__
            self.cache[url] = (None, 0, text)
            self.loaded.emit(url, None, 0, text)

        self.runner.run(lambda: decode(self.fetch(url)), done, failed)


def decode(data: bytes) -> tuple[QImage, int]:
    """The image in ``data`` (null if it is none) and its size in bytes, decoded on the worker
    that fetched it: a photo of a few MB took the GUI thread 50 ms and more to decode."""
    return QImage.fromData(data), len(data)
