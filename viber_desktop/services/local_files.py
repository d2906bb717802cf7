"""Reading the app's own files (settings, draft, templates) without trusting them.

Trap: a FIFO in place of a file blocks ``open`` forever and ``/dev/zero`` never ends; a
draft of gigabytes would stall the start. Only regular files are read, and only so much.
"""

import errno
import os
import stat
from pathlib import Path

from viber_desktop.core.i18n import _

LOCAL_FILE_MAX = 8 * 1024 * 1024
"""Far above any real settings file, draft or template (a request is at most 30 KB)."""


def read_local_file(path: Path, limit: int = LOCAL_FILE_MAX) -> bytes:
    """Return the bytes of the regular file ``path``; OSError (with words in strerror) if not."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(fd, "rb") as file:
        if not stat.S_ISREG(os.fstat(file.fileno()).st_mode):
            raise OSError(errno.EINVAL, _("it is not a regular file"), str(path))
        data = file.read(limit + 1)
    if len(data) > limit:
        raise OSError(
            errno.EFBIG,
            _("it is larger than {size} MB").format(size=limit // (1024 * 1024)),
            str(path),
        )
    return data
