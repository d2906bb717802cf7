"""A tab whose page is built the first time it is shown or asked for (start-up, issue 16)."""

from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtCore import Qt
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
        # Trap: removing the current tab would make another tab current for a moment and
        # tell every handler so; the swap is silent and keeps the current tab where it was.
        tabs, placeholder = self.tabs, self._placeholder
        index, current = tabs.indexOf(placeholder), tabs.currentIndex()
        had_focus = placeholder.hasFocus()  # Ctrl+Tab from inside the tabs moves focus in
        blocked = tabs.blockSignals(True)
        try:
            title, tip = tabs.tabText(index), tabs.tabToolTip(index)
            tabs.removeTab(index)
            tabs.insertTab(index, page, title)
            tabs.setTabToolTip(index, tip)
            tabs.setCurrentIndex(current)
        finally:
            tabs.blockSignals(blocked)
        placeholder.deleteLater()
        if had_focus:
            _focus_first(page)


def _focus_first(page: QWidget) -> None:
    """Focus the page's first widget that Tab stops at, as Qt does when a tab is shown."""
    widget = page.nextInFocusChain()
    for _ in range(len(page.findChildren(QWidget))):
        if widget is None or widget is page or not page.isAncestorOf(widget):
            break
        tab = Qt.FocusPolicy.TabFocus
        usable = widget.isEnabled() and widget.isVisibleTo(page) and not widget.focusProxy()
        if usable and widget.focusPolicy() & tab == tab:
            widget.setFocus()
            return
        widget = widget.nextInFocusChain()
    page.setFocus()
