"""Entry script for the PyInstaller bundle: the same ``viber-desktop`` entry point."""

from viber_desktop.main import entry

if __name__ == "__main__":
    entry()
