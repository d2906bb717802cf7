"""PySide6's own support code, compiled once and kept in the cache folder (start-up, issue 16).

Trap: shiboken keeps its Python support modules (``shibokensupport``: signatures, features)
as source zipped inside its library and compiles all of them, about 140 KB, in every process
that imports PySide6: some 25-30 ms of each start. Python's bytecode cache never sees them,
since shiboken's own importer calls ``compile()`` on the source. While PySide6 is imported,
:func:`compiled_once` answers those calls from a file of code objects keyed by each source's
hash and the exact Python build; any other call, or any doubt, goes to the real ``compile``.
"""

import builtins
import marshal
import sys
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from importlib.util import source_hash
from pathlib import Path
from types import CodeType
from typing import Any

CACHE_FILE = "shibokensupport.bin"
MAX_BYTES = 8 * 1024 * 1024
"""Far above the ~150 KB PySide 6.11's modules take; a bigger file is not read."""
PREFIX = "shibokensupport/"
"""The file names shiboken's importer compiles its support modules under."""

_Entries = dict[str, tuple[bytes, CodeType]]


def _build() -> str:
    return f"{sys.version}|{sys.implementation.cache_tag}"


def read(path: Path) -> _Entries:
    """The code objects kept in ``path``; none if it is missing, damaged, too big or of another
    build. The folder is the user's own, trusted as Python's ``__pycache__`` is."""
    try:
        with path.open("rb") as file:
            raw = file.read(MAX_BYTES + 1)
        if len(raw) > MAX_BYTES:
            return {}
        data = marshal.loads(raw)
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    if not (isinstance(data, tuple) and len(data) == 2 and data[0] == _build()):
        return {}
    entries = data[1]
    if not isinstance(entries, dict):
        return {}
    return {
        name: (entry[0], entry[1])
        for name, entry in entries.items()
        if isinstance(name, str)
        and isinstance(entry, tuple)
        and len(entry) == 2
        and isinstance(entry[0], bytes)
        and isinstance(entry[1], CodeType)
    }


def _digest(source: object) -> bytes | None:
    """The hash Python checks hash-based .pyc files with (hashlib's OpenSSL costs 3 ms to load)."""
    if isinstance(source, bytes):
        return source_hash(source)
    if isinstance(source, str):
        return source_hash(source.encode("utf-8", "surrogatepass"))
    return None


@contextmanager
def compiled_once(folder: Path) -> Iterator[None]:
    """Within: shiboken's support modules come compiled from ``folder`` when they are there
    and unchanged; those compiled now are saved there on the way out (never an error)."""
    path = folder / CACHE_FILE
    kept = read(path)
    fresh: _Entries = {}
    real = builtins.compile

    def compile(source: Any, filename: Any, mode: str, *args: Any, **kwargs: Any) -> Any:
        if args or kwargs or mode != "exec" or type(filename) is not str:
            return real(source, filename, mode, *args, **kwargs)
        if not filename.startswith(PREFIX):
            return real(source, filename, mode, *args, **kwargs)
        digest = _digest(source)
        entry = kept.get(filename)
        if digest is not None and entry is not None and entry[0] == digest:
            return entry[1]
        code = real(source, filename, mode)
        if digest is not None:
            fresh[filename] = (digest, code)
        return code

    builtins.compile = compile
    try:
        yield
    finally:
        builtins.compile = real
        if fresh:
            _save(path, {**kept, **fresh})


def _save(path: Path, entries: _Entries) -> None:
    from viber_desktop.services.atomic import write_atomic

    with suppress(OSError, ValueError):
        write_atomic(path, marshal.dumps((_build(), entries)))
