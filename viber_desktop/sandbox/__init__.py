"""A local emulator of the Viber REST Bot API on loopback, for trying the app and for tests."""
