"""A tab whose page is built the first time it is shown or asked for (start-up, issue 16)."""

from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtWidgets import QTabWidget, QWidget

W = TypeVar("W", bound=QWidget)


class LazyTab(Generic[W]):
    """Adds a tab to ``tabs`` holding an empty page until the page is needed.

    ``page()`` builds it (once) and puts it in the placeholder's place, so
    ``tabs.widget(index) is page()`` from then on. Showing the tab builds it before any
    other handler of ``currentChanged`` connected later runs.
    """

    def __init__(self, tabs: QTabWidget, title: str, build: Callable[[], W]) -> None:
        self.tabs = tabs
        self._build = build
        self._page: W | None = None
        self._placeholder = QWidget()
        tabs.addTab(self._placeholder, title)
        tabs.currentChanged.connect(self._current_changed)

    @property
    def built(self) -> bool:
        return self._page is not None

    def page_if_built(self) -> W | None:
        return self._page

    def page(self) -> W:
        """The page, built now if it was not yet."""
        if self._page is None:
            self._page = page = self._build()
            self._swap(page)
        return self._page

    def _current_changed(self, index: int) -> None:
        if self._page is None and self.tabs.widget(index) is self._placeholder:
            self.page()

    def _swap(self, page: QWidget) -> None:
        """Put ``page`` in the placeholder's place, silently, the same tab staying current.

        The page goes in first and becomes current before the placeholder leaves, so Qt
        moves the focus into it as it does for any shown tab (removing a placeholder that had
        the focus would pass it on to the window's next Tab stop instead).
        """
        tabs, placeholder = self.tabs, self._placeholder
        index = tabs.indexOf(placeholder)
        blocked = tabs.blockSignals(True)
        try:
            tabs.insertTab(index + 1, page, tabs.tabText(index))
            tabs.setTabToolTip(index + 1, tabs.tabToolTip(index))
            if tabs.currentIndex() == index:
                tabs.setCurrentIndex(index + 1)
            tabs.removeTab(index)
        finally:
            tabs.blockSignals(blocked)
        placeholder.deleteLater()
