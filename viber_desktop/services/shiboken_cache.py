"""PySide6's own support code, compiled once and kept in the cache folder (start-up, issue 16).

Trap: shiboken keeps its Python support modules (``shibokensupport``: signatures, features)
as source zipped inside its library and compiles all of them, about 140 KB, in every process
that imports PySide6: some 25-30 ms of each start. Python's bytecode cache never sees them,
since shiboken's own importer calls ``compile()`` on the source. While PySide6 is imported,
:func:`compiled_once` answers those calls from a file of code objects keyed by each source's
hash and the exact Python build; any other call, or any doubt, goes to the real ``compile``.

Trap: those modules also compile regular expressions, three of them 6 KB long (the signature
parser's and the .pyi generator's): 16-19 ms of each start, in ``re``'s Python parser. What
``re`` hands its C engine for each (``_sre.compile``'s arguments: numbers, names, the pattern)
is kept in the same file for the same Python build and given to the engine again; the engine
checks that program itself. Any doubt, or another Python, and ``re`` compiles as usual.
"""

import builtins
import marshal
import re
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
_Patterns = dict[tuple[str | bytes, int], tuple[Any, ...]]
"""(pattern, flags): the arguments ``re`` gave ``_sre.compile`` for it."""


def _build() -> str:
    return f"{sys.version}|{sys.implementation.cache_tag}"


def read(path: Path) -> _Entries:
    """The code objects kept in ``path``; none if it is missing, damaged, too big or of another
    build. The folder is the user's own, trusted as Python's ``__pycache__`` is."""
    return _read(path)[0]


def _read(path: Path) -> tuple[_Entries, _Patterns]:
    try:
        with path.open("rb") as file:
            raw = file.read(MAX_BYTES + 1)
        if len(raw) > MAX_BYTES:
            return {}, {}
        data = marshal.loads(raw)
    except (OSError, EOFError, ValueError, TypeError):
        return {}, {}
    if not (isinstance(data, tuple) and len(data) in (2, 3) and data[0] == _build()):
        return {}, {}
    entries, patterns = data[1], data[2] if len(data) == 3 else {}
    if not isinstance(entries, dict) or not isinstance(patterns, dict):
        return {}, {}
    code = {
        name: (entry[0], entry[1])
        for name, entry in entries.items()
        if isinstance(name, str)
        and isinstance(entry, tuple)
        and len(entry) == 2
        and isinstance(entry[0], bytes)
        and isinstance(entry[1], CodeType)
    }
    kept = {key: args for key, args in patterns.items() if _pattern_entry(key, args)}
    return code, kept


def _pattern_entry(key: object, args: object) -> bool:
    """The shape ``_sre.compile`` is given in CPython 3.11-3.13: pattern, flags, program,
    group count, group names, group index."""
    return (
        isinstance(key, tuple)
        and len(key) == 2
        and isinstance(key[0], str | bytes)
        and isinstance(key[1], int)
        and isinstance(args, tuple)
        and len(args) == 6
        and args[0] == key[0]
        and isinstance(args[1], int)
        and isinstance(args[2], list)
        and all(isinstance(n, int) for n in args[2])
        and isinstance(args[3], int)
        and isinstance(args[4], dict)
        and isinstance(args[5], tuple)
    )


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
    and unchanged, and so do the regular expressions compiled meanwhile; those compiled now
    are saved there on the way out (never an error)."""
    path = folder / CACHE_FILE
    kept, kept_patterns = _read(path)
    fresh: _Entries = {}
    fresh_patterns: _Patterns = {}
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
    restore = _patterns_once(kept_patterns, fresh_patterns)
    try:
        yield
    finally:
        builtins.compile = real
        restore()
        if fresh or fresh_patterns:
            _save(path, {**kept, **fresh}, {**kept_patterns, **fresh_patterns})


def _patterns_once(kept: _Patterns, fresh: _Patterns) -> Any:
    """Answer ``re``'s compiles from ``kept`` and note new ones in ``fresh``; returns what
    puts ``re`` back. Nothing is changed where ``re`` is not as CPython 3.11-3.13 has it."""
    compiler = getattr(re, "_compiler", None)
    engine = sys.modules.get("_sre")
    real = getattr(compiler, "compile", None)
    if compiler is None or engine is None or real is None or not hasattr(engine, "compile"):
        return lambda: None
    real_engine = engine.compile
    debug = getattr(re, "DEBUG", 128)

    def compile(pattern: Any, flags: Any = 0) -> Any:
        if type(pattern) not in (str, bytes) or type(flags) is not int or flags & debug:
            return real(pattern, flags)
        args = kept.get((pattern, flags))
        if args is not None:
            try:
                return real_engine(*args)
            except Exception:  # noqa: BLE001 - the engine refused the program: compile it
                pass
        given: list[tuple[Any, ...]] = []

        def noting(*args: Any) -> Any:
            given.append(args)
            return real_engine(*args)

        setattr(engine, "compile", noting)  # noqa: B010 - a module typeshed knows as read-only
        try:
            compiled = real(pattern, flags)
        finally:
            setattr(engine, "compile", real_engine)  # noqa: B010
        if len(given) == 1 and _pattern_entry((pattern, flags), given[0]):
            fresh[(pattern, flags)] = _plain(given[0])
        return compiled

    compiler.compile = compile

    def restore() -> None:
        compiler.compile = real

    return restore


def _plain(args: tuple[Any, ...]) -> tuple[Any, ...]:
    """``args`` as marshal writes them: ``re``'s opcodes are an int subclass."""
    pattern, flags, program, groups, names, index = args
    return (pattern, int(flags), [int(n) for n in program], int(groups), dict(names), index)


def _save(path: Path, entries: _Entries, patterns: _Patterns) -> None:
    from viber_desktop.services.atomic import write_atomic

    with suppress(OSError, ValueError):
        write_atomic(path, marshal.dumps((_build(), entries, patterns)))
