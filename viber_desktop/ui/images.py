"""Loads images off the GUI thread and keeps the recent ones for the session."""

from collections import OrderedDict
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QImage

from viber_desktop.services.images import ImageError, fetch_image
from viber_desktop.ui.tasks import TaskRunner

CACHE_BYTES = 128 * 1024 * 1024
"""Decoded images kept (the least recently asked for go first): a fetched image may be 5 MB,
and decoded up to Qt's 256 MB allocation limit. One let go is fetched again when asked for."""


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
        *,
        cache_bytes: int = CACHE_BYTES,
    ) -> None:
        super().__init__(parent)
        self.runner = runner
        self.fetch = fetch
        self.cache: OrderedDict[str, tuple[QImage | None, int, str]] = OrderedDict()
        self.cache_bytes = cache_bytes
        self._pending: set[str] = set()

    def request(self, url: str) -> None:
        if url in self.cache:
            self.cache.move_to_end(url)
            self.loaded.emit(url, *self.cache[url])
            return
        if url in self._pending:
            return
        self._pending.add(url)

        def done(result: tuple[QImage, int]) -> None:
            self._pending.discard(url)
            image, size = result
            entry = (None, size, self.tr("not an image")) if image.isNull() else (image, size, "")
            self._keep(url, entry)
            self.loaded.emit(url, *entry)

        def failed(exc: Exception) -> None:
            self._pending.discard(url)
            text = str(exc) if isinstance(exc, ImageError) else type(exc).__name__
            self._keep(url, (None, 0, text))
            self.loaded.emit(url, None, 0, text)

        self.runner.run(lambda: decode(self.fetch(url)), done, failed)

    def kept_bytes(self) -> int:
        """The memory the kept images take, decoded."""
        return sum(image.sizeInBytes() for image, _, _ in self.cache.values() if image is not None)

    def _keep(self, url: str, entry: tuple[QImage | None, int, str]) -> None:
        """Keep ``entry``; the least recently asked for go while over the budget (the newest
        stays, however big)."""
        self.cache[url] = entry
        self.cache.move_to_end(url)
        while len(self.cache) > 1 and self.kept_bytes() > self.cache_bytes:
            self.cache.popitem(last=False)


MAX_SIDE = 2048
"""The longest side an image is decoded at: the preview and the editor draw none wider than
about 600 px at twice the pixels. A bigger one (a 5 MB file may hold 8,000 x 8,000 pixels,
256 MB decoded) is scaled while it is read, and keeps its real size (:func:`original_size`)."""

_ORIGINAL_SIZE = "viber-desktop-original-size"


def decode(data: bytes) -> tuple[QImage, int]:
    """The image in ``data`` (null if it is none), at most :data:`MAX_SIDE` pixels on a side,
    and its size in bytes. Decoded on the worker that fetched it: a 12 MP photo took the GUI
    thread 120-150 ms."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize
    from PySide6.QtGui import QImageReader

    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    size = reader.size()
    if size.isValid() and max(size.width(), size.height()) > MAX_SIDE:
        bound = QSize(MAX_SIDE, MAX_SIDE)
        reader.setScaledSize(size.scaled(bound, Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    if not image.isNull() and size.isValid() and image.size() != size:
        image.setText(_ORIGINAL_SIZE, f"{size.width()}x{size.height()}")
    return image, len(data)


def original_size(image: QImage) -> tuple[int, int]:
    """The width and height of the picture ``image`` was decoded from (see :data:`MAX_SIDE`)."""
    width, _, height = image.text(_ORIGINAL_SIZE).partition("x")
    if width.isdigit() and height.isdigit():
        return int(width), int(height)
    return image.width(), image.height()
