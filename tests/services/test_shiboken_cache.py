"""shiboken's support modules are compiled once and then come from the cache folder (issue 16)."""

import ast
import builtins
import marshal
import os
import re
import sys
from collections.abc import Iterator
from importlib.util import source_hash
from pathlib import Path
from typing import Any

import pytest

import viber_desktop.services.atomic  # noqa: F401 - loaded before a test counts compiles
from tests.fresh_process import seen_in_fresh_process
from viber_desktop.services.shiboken_cache import CACHE_FILE, MAX_BYTES, compiled_once, read

SOURCE = "VALUE = 41 + 1\n"
NAME = "shibokensupport/signature/example.py"


@pytest.fixture
def compiles() -> Iterator[list[str]]:
    """The file names the real compile was asked to compile while the test ran."""
    seen: list[str] = []
    real = builtins.compile

    def counting(source: Any, filename: Any, mode: str, *args: Any, **kwargs: Any) -> Any:
        seen.append(str(filename))
        return real(source, filename, mode, *args, **kwargs)

    builtins.compile = counting
    try:
        yield seen
    finally:
        builtins.compile = real


def run(code: Any) -> object:
    space: dict[str, object] = {}
    exec(code, space)
    return space["VALUE"]


def test_a_support_module_is_compiled_once_then_read(tmp_path: Path, compiles: list[str]) -> None:
    with compiled_once(tmp_path):
        assert run(compile(SOURCE.encode(), NAME, "exec")) == 42
    assert compiles == [NAME] and (tmp_path / CACHE_FILE).exists()
    with compiled_once(tmp_path):
        assert run(compile(SOURCE.encode(), NAME, "exec")) == 42
    assert compiles == [NAME]  # the second came from the file
    assert builtins.compile.__name__ == "counting"  # the real one is back


def test_changed_source_is_compiled_again(tmp_path: Path, compiles: list[str]) -> None:
    with compiled_once(tmp_path):
        compile(SOURCE, NAME, "exec")
    with compiled_once(tmp_path):
        assert run(compile("VALUE = 7\n", NAME, "exec")) == 7
    assert compiles == [NAME, NAME]
    assert read(tmp_path / CACHE_FILE)[NAME][1].co_consts != ()


def test_other_compiles_go_to_the_real_one_untouched(tmp_path: Path, compiles: list[str]) -> None:
    with compiled_once(tmp_path):
        tree = compile(SOURCE, NAME, "exec", ast.PyCF_ONLY_AST)
        assert isinstance(tree, ast.Module)
        assert eval(compile("1 + 1", "<ours>", "eval")) == 2
        assert run(compile(SOURCE, "ours/module.py", "exec")) == 42
    assert compiles == [NAME, "<ours>", "ours/module.py"]
    assert not (tmp_path / CACHE_FILE).exists()  # nothing of shiboken's was compiled


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"\x00garbage\xff" * 100,
        marshal.dumps(("Python 2.7", {})),
        marshal.dumps((f"{sys.version}|{sys.implementation.cache_tag}", {NAME: (b"x", 3)})),
        marshal.dumps([1, 2, 3]),
        marshal.dumps(  # right in all but its size: a hostile file is not read whole
            (
                f"{sys.version}|{sys.implementation.cache_tag}",
                {
                    NAME: (source_hash(SOURCE.encode()), compile(SOURCE, NAME, "exec")),
                    "padding": (b"x" * MAX_BYTES, compile("", "x", "exec")),
                },
            )
        ),
    ],
    ids=["empty", "garbage", "other-build", "wrong-entry", "wrong-shape", "too-big"],
)
def test_a_damaged_or_foreign_file_is_ignored_and_replaced(
    tmp_path: Path, compiles: list[str], content: bytes
) -> None:
    (tmp_path / CACHE_FILE).write_bytes(content)
    with compiled_once(tmp_path):
        assert run(compile(SOURCE, NAME, "exec")) == 42
    assert compiles == [NAME]
    assert NAME in read(tmp_path / CACHE_FILE)


def test_a_folder_that_cannot_be_written_only_costs_the_compile(
    tmp_path: Path, compiles: list[str]
) -> None:
    missing = tmp_path / "file-not-folder"
    missing.write_text("x", encoding="utf-8")
    with compiled_once(missing):  # a file where the folder should be
        assert run(compile(SOURCE, NAME, "exec")) == 42
    assert compiles == [NAME]


SCRIPT = """
import builtins, json, re, sys
real = builtins.compile
support = []
parsed = []
real_parse = re._parser.parse
re._parser.parse = lambda *args: parsed.append(1) or real_parse(*args)

def counting(source, filename, mode, *args, **kwargs):
    if str(filename).startswith("shibokensupport/"):
        support.append(filename)
    return real(source, filename, mode, *args, **kwargs)

builtins.compile = counting
from pathlib import Path
from viber_desktop.services.shiboken_cache import compiled_once

with compiled_once(Path(sys.argv[1])):
    import PySide6
parsed_in_import = len(parsed)
from PySide6.QtCore import QObject
from shibokensupport.signature import get_signature

seen = {"compiled": support, "signature": str(get_signature(QObject.setObjectName))}
seen["parsed"] = parsed_in_import
try:
    QObject().setObjectName(5)
except TypeError as exc:
    seen["error"] = str(exc)
print("SEEN=" + json.dumps(seen))
"""


def test_pyside_starts_from_the_cache_with_its_signatures_intact(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    first = seen_in_fresh_process(SCRIPT, env, str(tmp_path))
    assert len(first["compiled"]) >= 10  # shiboken compiled its support modules
    assert set(read(tmp_path / CACHE_FILE)) == set(first["compiled"])
    second = seen_in_fresh_process(SCRIPT, env, str(tmp_path))
    assert second["compiled"] == []  # all of them came from the cache
    assert first["parsed"] >= 3 and second["parsed"] == 0  # and their regular expressions
    assert second["signature"] == first["signature"] == "(self, name: str, /) -> None"
    assert second["error"] == first["error"]
    assert (
        "Supported signatures:\n  PySide6.QtCore.QObject.setObjectName(name: str"
        in (second["error"])
    )


PATTERN = r"(?P<word>[A-Za-z]+)\s*=\s*(?P<value>\d+|'[^']*')"


@pytest.fixture
def parses() -> Iterator[list[str]]:
    """The patterns ``re`` parsed while the test ran (its own cache emptied first)."""
    seen: list[str] = []
    real = re._parser.parse

    def counting(pattern: Any, *args: Any) -> Any:
        seen.append(pattern)
        return real(pattern, *args)

    re.purge()
    re._parser.parse = counting
    try:
        yield seen
    finally:
        re._parser.parse = real
        re.purge()


def test_a_pattern_compiled_while_pyside_loads_is_kept(tmp_path: Path, parses: list[str]) -> None:
    with compiled_once(tmp_path):
        first = re.compile(PATTERN, re.VERBOSE)
    re.purge()
    with compiled_once(tmp_path):
        second = re.compile(PATTERN, re.VERBOSE)
    assert parses == [PATTERN]  # the second came from the file
    assert second == first  # the same program, groups and flags
    assert second.match("size = 42")["value"] == "42"
    assert second.groupindex == {"word": 1, "value": 2}
    assert re._compiler.compile.__module__ == "re._compiler"  # re is back as it was


@pytest.mark.parametrize(
    "args",
    [
        (PATTERN, 32, [0], 2, {}, ()),  # a program the engine refuses
        (PATTERN, 32, "not a program", 2, {}, ()),  # not the shape re gives
        ("another pattern", 32, [], 2, {}, ()),  # kept under the wrong pattern
    ],
    ids=["refused", "wrong-shape", "wrong-pattern"],
)
def test_a_damaged_pattern_is_compiled_again(
    tmp_path: Path, parses: list[str], args: tuple[Any, ...]
) -> None:
    build = f"{sys.version}|{sys.implementation.cache_tag}"
    (tmp_path / CACHE_FILE).write_bytes(marshal.dumps((build, {}, {(PATTERN, 64): args})))
    with compiled_once(tmp_path):
        pattern = re.compile(PATTERN, re.VERBOSE)
    assert parses == [PATTERN]
    assert pattern.match("size = 'x'")["value"] == "'x'"
