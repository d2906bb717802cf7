"""Viber Desktop Composer: compose, check and send Viber bot messages."""

__version__ = "0.1.0"
APP_NAME = "viber-desktop"
