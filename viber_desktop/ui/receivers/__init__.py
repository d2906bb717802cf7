"""The Receivers menu's windows: the receiver book, a lookup, and sending to a test list."""
