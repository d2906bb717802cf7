"""Entry point for ``python -m viber_desktop``."""

from viber_desktop.main import entry

entry()
