"""Mutation score of viber_desktop/core: would the core tests notice a wrong rule?

Run on demand (not part of the test run; pytest collects only ``test_*.py``)::

    .venv/bin/python tests/mutation/run.py                      # every core module
    .venv/bin/python tests/mutation/run.py --module limits      # one module
    .venv/bin/python tests/mutation/run.py --sample 60 --seed 1 # a seeded random sample

Each mutant is one small change to one copy of the source tree in a temporary directory (the
working tree is never touched): a flipped comparison (< <=, > >=, == !=), an integer constant
+1 or -1 (module-level constants too), ``and``/``or`` swapped, a ``not`` removed, or a call
statement deleted. The core tests run against the copy (a forked pytest with the copy first on
``sys.path`` and ``PYTHONPATH``); the mutant is killed when they fail or time out. The
deterministic tests run first with ``-x``, those naming the mutated module first; the slow
hypothesis "never raises" tests run only for a mutant that survived them.

Mutants that cannot change behaviour are listed apart and left out of the score: those whose
code is identical after the change, and those named in ``EQUIVALENT`` below (matched by file,
mutation and the stripped source line, so they survive edits elsewhere), each with its reason.
"""

from __future__ import annotations

import argparse
import ast
import contextlib
import os
import random
import shutil
import signal
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import hypothesis  # noqa: F401  (imported once here, not in every forked run)
import pydantic  # noqa: F401
import pytest

ROOT = Path(__file__).resolve().parents[2]
CORE = Path("viber_desktop") / "core"
COPIED = ("viber_desktop", "tests", "pyproject.toml", "README.md", "resources")
PROPERTY_TESTS = "never_raise or without_raising"
"""Hypothesis tests that only assert "no exception": slow, so they run last and only if needed."""
# Modules outside the send_message rules (no rule to get wrong, or covered elsewhere).
SKIPPED_MODULES = ("__init__",)

EQUIVALENT: dict[tuple[str, str, str], str] = {
    # (module file name, mutation, stripped source line): why no test can tell the difference
    ("layout.py", "< -> <=", "while len(used) < row + rows:"): (
        "one more all-empty row at the end of the occupancy list; only rows row..row+rows-1 "
        "are ever read, so placements are the same"
    ),
    ("rules.py", "> -> >=", "if f.api_level > 1 and ("): (
        "Context.need ignores levels of 1 and below itself"
    ),
    ("rules.py", "> -> >=", "if level > 1:"): (
        "no caller asks for level 1: the schema loop and the hand-written checks pass 2 or more"
    ),
    ("rules.py", "1 -> 2", 'segment = urlsplit(url).path.rsplit("/", 1)[-1]'): (
        "splitting once more from the right leaves the same last segment"
    ),
    ("rules.py", "1 -> 0", 'for raw in path[1:].split("/"):'): (
        "the extra leading empty part adds nothing to the label: an empty part after an empty "
        "label stays empty"
    ),
    (
        "outcomes.py",
        "1 -> 2",
        "info = status_info(self.status if self.status is not None else -1)",
    ): ("every status outside Viber's table reads the same (generalError)"),
    (
        "redact.py",
        "0 -> -1",
        "if not any(secret[i : i + half] in text for i in range(0, len(secret) - half + 1, half)):",
    ): (
        "a cheap pre-check only: starting at -1 adds an empty block that is always found, so "
        "the full search runs and masks the same"
    ),
    ("docs.py", "0 -> -1", "elif lo is not None and lo < 0:"): (
        "no field's lower bound lies in [-1, 0); the only negative ones are -90 and -180"
    ),
    **{
        ("jsonio.py", change, "deepest, stack = 0, [(value, 1)]"): (
            "the first item popped is at level 1, so the maximum is at least 1 from any start "
            "of 1 or less"
        )
        for change in ("0 -> 1", "0 -> -1")
    },
}

_FLIP = {
    ast.Lt: ast.LtE,
    ast.LtE: ast.Lt,
    ast.Gt: ast.GtE,
    ast.GtE: ast.Gt,
    ast.Eq: ast.NotEq,
    ast.NotEq: ast.Eq,
}
_SYMBOL = {ast.Lt: "<", ast.LtE: "<=", ast.Gt: ">", ast.GtE: ">=", ast.Eq: "==", ast.NotEq: "!="}


@dataclass(frozen=True)
class Mutant:
    module: str
    """File name inside viber_desktop/core, e.g. ``limits.py``."""
    index: int
    """Position of the mutated node in ``ast.walk`` order."""
    op: str
    """``compare:<i>``, ``int:+1``, ``int:-1``, ``boolop``, ``not``, ``call``."""
    line: int
    description: str
    source_line: str
    unreachable: bool = False
    """Inside ``if TYPE_CHECKING:`` or after a return/raise/continue/break in its block."""


def _docstring_nodes(tree: ast.AST) -> set[int]:
    ids: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                ids.add(id(body[0]))
        # A string right after an assignment documents it (attribute docstrings).
        for field in ("body", "orelse"):
            stmts = getattr(node, field, None)
            if isinstance(stmts, list):
                for stmt in stmts:
                    if isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant):
                        ids.add(id(stmt))
    return ids


def _unreachable_nodes(tree: ast.AST) -> set[int]:
    """Ids of every node that never runs: TYPE_CHECKING blocks, code after a jump."""
    dead: list[ast.AST] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and ast.unparse(node.test) in (
            "TYPE_CHECKING",
            "typing.TYPE_CHECKING",
        ):
            dead.extend(node.body)
        for field in ("body", "orelse", "finalbody"):
            stmts = getattr(node, field, None)
            if not isinstance(stmts, list):
                continue
            for i, stmt in enumerate(stmts):
                if isinstance(stmt, ast.Return | ast.Raise | ast.Continue | ast.Break):
                    dead.extend(stmts[i + 1 :])
                    break
    return {id(n) for root in dead for n in ast.walk(root)}


def _is_annotation(node: ast.AST, parents: dict[int, ast.AST]) -> bool:
    """True inside a type annotation (``Final[...]``, ``tuple[int, int]``): not run-time code."""
    while id(node) in parents:
        parent = parents[id(node)]
        if isinstance(parent, ast.AnnAssign) and node is parent.annotation:
            return True
        if isinstance(parent, ast.arg) and node is parent.annotation:
            return True
        if isinstance(parent, ast.FunctionDef) and node is parent.returns:
            return True
        node = parent
    return False


def mutants_of(module: str, root: Path = ROOT) -> list[Mutant]:
    """Every mutant of ``viber_desktop/core/<module>`` under ``root``."""
    source = (root / CORE / module).read_text(encoding="utf-8")
    lines = source.splitlines()
    tree = ast.parse(source)
    parents = {id(c): p for p in ast.walk(tree) for c in ast.iter_child_nodes(p)}
    docstrings = _docstring_nodes(tree)
    dead = _unreachable_nodes(tree)
    found: list[Mutant] = []
    for index, node in enumerate(ast.walk(tree)):
        line = getattr(node, "lineno", 0)
        text = lines[line - 1].strip() if line else ""

        unreachable = id(node) in dead

        def add(
            op: str,
            description: str,
            index: int = index,
            line: int = line,
            text: str = text,
            unreachable: bool = unreachable,
        ) -> None:
            found.append(Mutant(module, index, op, line, description, text, unreachable))

        if _is_annotation(node, parents):
            continue
        if isinstance(node, ast.Compare):
            for i, cmp in enumerate(node.ops):
                if type(cmp) in _FLIP:
                    new = _FLIP[type(cmp)]
                    add(f"compare:{i}", f"{_SYMBOL[type(cmp)]} -> {_SYMBOL[new]}")
        elif (
            isinstance(node, ast.Constant)
            and isinstance(node.value, int)
            and not isinstance(node.value, bool)
        ):
            add("int:+1", f"{node.value} -> {node.value + 1}")
            add("int:-1", f"{node.value} -> {node.value - 1}")
        elif isinstance(node, ast.BoolOp):
            swapped = "or" if isinstance(node.op, ast.And) else "and"
            add("boolop", f"{'and' if swapped == 'or' else 'or'} -> {swapped}")
        elif isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
            add("not", "not removed")
        elif (
            isinstance(node, ast.Expr)
            and isinstance(node.value, ast.Call)
            and id(node) not in docstrings
        ):
            add("call", "call deleted")
    return found


class _Apply(ast.NodeTransformer):
    def __init__(self, target: ast.AST, op: str) -> None:
        self.target = target
        self.op = op

    def visit(self, node: ast.AST) -> ast.AST:
        if node is not self.target:
            visited: ast.AST = super().visit(node)
            return visited
        op = self.op
        if op.startswith("compare:"):
            assert isinstance(node, ast.Compare)
            i = int(op.split(":")[1])
            node.ops[i] = _FLIP[type(node.ops[i])]()
        elif op.startswith("int:"):
            assert isinstance(node, ast.Constant) and isinstance(node.value, int)
            node.value = node.value + (1 if op == "int:+1" else -1)
        elif op == "boolop":
            assert isinstance(node, ast.BoolOp)
            node.op = ast.Or() if isinstance(node.op, ast.And) else ast.And()
        elif op == "not":
            assert isinstance(node, ast.UnaryOp)
            return node.operand
        elif op == "call":
            return ast.Pass()
        return node


def mutated_source(mutant: Mutant, original: str) -> str:
    tree = ast.parse(original)
    target = next(n for i, n in enumerate(ast.walk(tree)) if i == mutant.index)
    mutated = ast.fix_missing_locations(_Apply(target, mutant.op).visit(tree))
    return ast.unparse(mutated)


def _run(pytest_args: list[str], copy_root: Path, timeout: float) -> str:
    """Run pytest in a forked child; return "passed", "failed" or "timeout".

    The parent has already imported pytest, hypothesis and pydantic (about 2.5 s a run) but
    never viber_desktop, so each child imports the mutated copy afresh.
    """
    pid = os.fork()
    if pid == 0:  # the child: never returns
        code = 99
        try:
            os.setpgid(0, 0)
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, 1)
            os.dup2(devnull, 2)
            os.chdir(copy_root)
            os.environ["PYTHONPATH"] = str(copy_root)  # for the tests' own subprocesses
            sys.path.insert(0, str(copy_root))
            code = int(pytest.main(pytest_args))
        finally:
            os._exit(code)
    deadline = time.monotonic() + timeout
    try:
        while time.monotonic() < deadline:
            done, status = os.waitpid(pid, os.WNOHANG)
            if done:
                pid = 0
                return "passed" if os.waitstatus_to_exitcode(status) == 0 else "failed"
            time.sleep(0.05)
        return "timeout"
    finally:  # a timeout, Ctrl+C or SIGTERM: no orphaned child left running
        if pid:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(pid, signal.SIGKILL)
            os.waitpid(pid, 0)


def _ordered_tests(copy_root: Path, module: str | None) -> list[str]:
    """The core test files, those that name ``module`` first (with -x, a kill comes sooner)."""
    files = sorted((copy_root / "tests" / "core").glob("test_*.py"))
    if module is None:
        return ["tests/core"]
    stem = module.removesuffix(".py")
    names = (f"core.{stem} import", f"core import {stem}", f"{stem}.")

    def mentions(path: Path) -> bool:
        text = path.read_text(encoding="utf-8")
        return any(name in text for name in names)

    first = [p for p in files if mentions(p)]
    rest = [p for p in files if p not in first]
    return [str(p.relative_to(copy_root)) for p in first + rest]


def run_tests(
    copy_root: Path, timeout: float, *, properties: bool, first: str | None = None
) -> str:
    tests = _ordered_tests(copy_root, first)
    # hypothesis is imported before pytest could rewrite its plugin: harmless, not an error.
    quiet = ["-W", "ignore::pytest.PytestAssertRewriteWarning"]
    base = ["-x", "-q", "-p", "no:cacheprovider", *quiet, *tests]
    deadline = time.monotonic() + timeout
    outcome = _run([*base, "-k", f"not ({PROPERTY_TESTS})"], copy_root, timeout)
    if outcome != "passed" or not properties:
        return outcome
    return _run([*base, "-k", PROPERTY_TESTS], copy_root, deadline - time.monotonic())


def make_copy(without: list[str]) -> Path:
    where = Path(tempfile.mkdtemp(prefix="vd-mutation-"))
    for name in COPIED:
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(
                src, where / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc")
            )
        elif src.exists():
            shutil.copy2(src, where / name)
    for name in without:  # e.g. new test files, to measure the score before them
        (where / name).unlink()
    return where


def select(args: argparse.Namespace, root: Path = ROOT) -> list[Mutant]:
    modules = sorted(
        p.name
        for p in (root / CORE).glob("*.py")
        if p.stem not in SKIPPED_MODULES and (not args.module or p.stem in args.module)
    )
    everything = [m for module in modules for m in mutants_of(module, root)]
    if args.rerun:
        wanted = _survivors_in(Path(args.rerun))
        everything = [m for m in everything if (m.module, m.description, m.source_line) in wanted]
    if args.sample and args.sample < len(everything):
        everything = sorted(
            random.Random(args.seed).sample(everything, args.sample),
            key=lambda m: (m.module, m.index, m.op),
        )
    return everything


def _survivors_in(output: Path) -> set[tuple[str, str, str]]:
    """(module, mutation, source line) of each survivor an earlier run listed.

    Matched by source line, not line number, so edits elsewhere in the module do not lose them.
    """
    found = set()
    rows = output.read_text(encoding="utf-8").split("\nSurvivors:\n", 1)[-1].splitlines()
    for row in rows:
        if not row.startswith("  ") or not row.endswith("]"):
            break
        where, _, rest = row.strip().partition(": ")
        description, _, source = rest.partition("  [")
        found.add((Path(where.rpartition(":")[0]).name, description, source[:-1]))
    return found


def _equivalent_reason(mutant: Mutant, source: str, baseline: str) -> str | None:
    if source == baseline:
        return "the code is the same after the change"
    if mutant.unreachable:
        return "unreachable code"
    return EQUIVALENT.get((mutant.module, mutant.description, mutant.source_line))


def iterate(args: argparse.Namespace) -> Iterator[tuple[Mutant, str, str]]:
    """Yield (mutant, result, reason): result is killed, survived or equivalent."""
    copy_root = make_copy(args.without or [])
    try:
        if run_tests(copy_root, args.timeout * 5, properties=not args.no_property) != "passed":
            sys.exit("The core tests fail on the unmutated copy; fix them first.")
        # The copy is the one source of truth from here on: the working tree may change.
        originals: dict[str, str] = {}
        for mutant in select(args, copy_root):
            target = copy_root / CORE / mutant.module
            original = originals.setdefault(mutant.module, target.read_text(encoding="utf-8"))
            baseline = ast.unparse(ast.parse(original))
            source = mutated_source(mutant, original)
            reason = _equivalent_reason(mutant, source, baseline)
            if reason is not None:
                yield mutant, "equivalent", reason
                continue
            target.write_text(source, encoding="utf-8")
            for cached in (target.parent / "__pycache__").glob(f"{target.stem}.*.pyc"):
                cached.unlink()
            try:
                outcome = run_tests(
                    copy_root, args.timeout, properties=not args.no_property, first=mutant.module
                )
            finally:
                target.write_text(original, encoding="utf-8")
            yield mutant, ("survived" if outcome == "passed" else "killed"), outcome
    finally:
        shutil.rmtree(copy_root, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--module", action="append", help="core module stem (repeatable)")
    parser.add_argument("--sample", type=int, default=0, help="random sample of N mutants")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--jobs", type=int, default=1, help="only 1 is supported (shared CPUs)")
    parser.add_argument("--timeout", type=float, default=90.0, help="seconds per mutant")
    parser.add_argument(
        "--without", action="append", help="a test file left out of the copy (repeatable)"
    )
    parser.add_argument(
        "--no-property", action="store_true", help="skip the hypothesis never-raises tests"
    )
    parser.add_argument("--list", action="store_true", help="list the mutants, run nothing")
    parser.add_argument(
        "--rerun", metavar="OUTPUT", help="only the survivors printed in an earlier run's output"
    )
    args = parser.parse_args(argv)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit("stopped"))  # runs the cleanups
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    os.environ.pop("PYTEST_ADDOPTS", None)
    if args.jobs != 1:
        parser.error("--jobs: only 1 is supported; the machine's cores are shared")
    if args.list:
        for m in select(args):
            print(f"{CORE}/{m.module}:{m.line}: {m.description}  [{m.source_line}]")
        return 0
    per_module: dict[str, dict[str, int]] = {}
    survivors: list[Mutant] = []
    equivalents: list[tuple[Mutant, str]] = []
    started = time.monotonic()
    for mutant, result, reason in iterate(args):
        counts = per_module.setdefault(mutant.module, {"killed": 0, "survived": 0, "equivalent": 0})
        counts[result] += 1
        if result == "survived":
            survivors.append(mutant)
        elif result == "equivalent":
            equivalents.append((mutant, reason))
        print(
            f"{result:10} {CORE}/{mutant.module}:{mutant.line}: {mutant.description}"
            + (f" ({reason})" if result == "killed" and reason == "timeout" else ""),
            flush=True,
        )
    print(f"\nMutation score ({time.monotonic() - started:.0f} s)")
    total_killed = total_scored = 0
    for module, counts in sorted(per_module.items()):
        scored = counts["killed"] + counts["survived"]
        total_killed += counts["killed"]
        total_scored += scored
        print(
            f"  {module:16} {counts['killed']:4} / {scored:4} killed"
            f" ({100 * counts['killed'] / max(scored, 1):5.1f} %),"
            f" {counts['equivalent']} equivalent"
        )
    print(
        f"  {'all':16} {total_killed:4} / {total_scored:4} killed"
        f" ({100 * total_killed / max(total_scored, 1):5.1f} %)"
    )
    if survivors:
        print("\nSurvivors:")
        for m in survivors:
            print(f"  {CORE}/{m.module}:{m.line}: {m.description}  [{m.source_line}]")
    if equivalents:
        print("\nEquivalent (not scored):")
        for m, reason in equivalents:
            print(f"  {CORE}/{m.module}:{m.line}: {m.description}  [{m.source_line}]: {reason}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
