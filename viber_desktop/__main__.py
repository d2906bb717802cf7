"""Entry point for ``python -m viber_desktop``."""

import sys

from viber_desktop.main import main

sys.exit(main())
