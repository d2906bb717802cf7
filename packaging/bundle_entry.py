"""Entry script for the PyInstaller bundle: the same ``viber-desktop`` entry point."""

import sys

from viber_desktop.main import main

if __name__ == "__main__":
    sys.exit(main())
