"""Update the translation sources from the code, then compile them (run after changing UI text).

Usage: python packaging/translations.py [--check]

resources/i18n/viber_desktop_en.ts holds English plural forms only ("1 error", "2 errors"): the
source text is English, so every other string needs no English translation.
resources/i18n/viber_desktop_uk.ts holds the whole window in Ukrainian; new texts arrive in it
unfinished (type="unfinished") until someone translates them. The core's and services' texts
are a gettext catalogue, updated by packaging/core_catalogue.py, which this runs too.
--check changes nothing and fails when a .ts or .qm is out of date with the code.
"""

import ast
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
I18N = ROOT / "resources" / "i18n"
BIN = Path(sys.executable).parent
LANGUAGES = {"en": True, "uk": False}
"""Each shipped language and whether its .ts holds plural forms only."""


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "viber_desktop" / "ui").rglob("*.py"))


def ts_path(lang: str) -> Path:
    return I18N / f"viber_desktop_{lang}.ts"


def _helper_context(node: ast.FunctionDef) -> str | None:
    """ "Gallery" for ``def _t(text): return QCoreApplication.translate("Gallery", text)``."""
    if len(node.body) != 1 or not isinstance(node.body[0], ast.Return):
        return None
    call = node.body[0].value
    if not (isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute)):
        return None
    if call.func.attr != "translate" or len(call.args) != 2:
        return None
    context, text = call.args
    params = [a.arg for a in node.args.args]
    if not (isinstance(context, ast.Constant) and isinstance(context.value, str)):
        return None
    return context.value if isinstance(text, ast.Name) and params == [text.id] else None


def _table_texts(node: ast.expr) -> list[str]:
    """The strings of a constant table: a dict's values, a tuple's or list's items (nested)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    items = node.values if isinstance(node, ast.Dict) else getattr(node, "elts", [])
    if not isinstance(node, ast.Dict | ast.Tuple | ast.List):
        return []
    return [text for item in items if item is not None for text in _table_texts(item)]


def _loop_tables(tree: ast.AST, tables: dict[str, list[str]]) -> dict[str, str]:
    """Loop variables that walk a table: ``for label, delta in PERIODS`` -> {"label": "PERIODS"}."""
    bound = {}
    for node in ast.walk(tree):
        if not isinstance(node, ast.For | ast.comprehension):
            continue
        if isinstance(node.iter, ast.Name) and node.iter.id in tables:
            for name in ast.walk(node.target):
                if isinstance(name, ast.Name):
                    bound[name.id] = node.iter.id
    return bound


def helper_texts(path: Path) -> list[tuple[str, str]]:
    """(context, text) pairs lupdate cannot see, so they are fed to it:

    - ``_t("...")`` where ``_t`` wraps translate() with a fixed context;
    - the texts of a module-level table that reach a translation at run time:
      ``self.tr(COLUMNS[i])``, ``[self.tr(c) for c in COLUMNS]``, ``_t(_LABELS[key])``.
    """
    tree = ast.parse(path.read_text(encoding="utf-8"))
    helpers = {
        node.name: ctx
        for node in tree.body
        if isinstance(node, ast.FunctionDef) and (ctx := _helper_context(node)) is not None
    }
    tables = {
        node.targets[0].id: texts
        for node in tree.body
        if isinstance(node, ast.Assign)
        and len(node.targets) == 1
        and isinstance(node.targets[0], ast.Name)
        and (texts := _table_texts(node.value))
        and not isinstance(node.value, ast.Constant)
    }
    loops = _loop_tables(tree, tables)
    found: list[tuple[str, str]] = []

    def visit(node: ast.AST, cls: str) -> None:
        if isinstance(node, ast.ClassDef):
            cls = node.name
        if isinstance(node, ast.Call) and node.args:
            func, arg = node.func, node.args[0]
            ctx = None
            if isinstance(func, ast.Name):
                ctx = helpers.get(func.id)
            elif isinstance(func, ast.Attribute) and func.attr == "tr" and cls:
                ctx = cls
            table = None
            if isinstance(arg, ast.Subscript) and isinstance(arg.value, ast.Name):
                table = arg.value.id
            elif isinstance(arg, ast.Name):
                table = loops.get(arg.id)
            if ctx is None:
                pass
            elif isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                if isinstance(func, ast.Name):  # lupdate reads self.tr("...") itself
                    found.append((ctx, arg.value))
            elif table in tables:
                found.extend((ctx, text) for text in tables[table])
        for child in ast.iter_child_nodes(node):
            visit(child, cls)

    visit(tree, "")
    return found


def _helper_stub(folder: Path) -> Path:
    lines = ["from PySide6.QtCore import QT_TRANSLATE_NOOP", ""]
    for source in sources():
        for ctx, text in helper_texts(ROOT / source):
            lines.append(
                f"QT_TRANSLATE_NOOP({json.dumps(ctx)}, {json.dumps(text, ensure_ascii=False)})"
            )
    stub = folder / "helper_texts.py"
    stub.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return stub


def update(ts: Path, *, plural_only: bool) -> None:
    """Bring ``ts`` up to date with the code's tr() strings (kept translations stay)."""
    args = [str(BIN / "pyside6-lupdate"), "-locations", "none", "-no-obsolete"]
    if plural_only:
        args.append("-pluralonly")
    with tempfile.TemporaryDirectory(prefix="vd-lupdate-") as folder:
        stub = _helper_stub(Path(folder))
        subprocess.run(
            [*args, *sources(), str(stub), "-ts", str(ts)],
            cwd=ROOT,
            check=True,
            capture_output=True,
        )


def compile_qm(ts: Path, qm: Path) -> None:
    subprocess.run(
        [str(BIN / "pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )


def stale() -> list[str]:
    """The .ts and .qm files that running this script would change."""
    out = []
    with tempfile.TemporaryDirectory(prefix="vd-check-") as folder:
        for lang, plural_only in LANGUAGES.items():
            ts = ts_path(lang)
            fresh = Path(folder) / ts.name
            shutil.copy(ts, fresh)
            update(fresh, plural_only=plural_only)
            if fresh.read_bytes() != ts.read_bytes():
                out.append(str(ts.relative_to(ROOT)))
            compile_qm(ts, fresh.with_suffix(".qm"))
            if fresh.with_suffix(".qm").read_bytes() != ts.with_suffix(".qm").read_bytes():
                out.append(str(ts.with_suffix(".qm").relative_to(ROOT)))
    return out


def main(argv: list[str] | None = None) -> int:
    check = "--check" in (sys.argv[1:] if argv is None else argv)
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import core_catalogue  # needs Babel (the test extra)

    if check:
        out_of_date = stale()
        if out_of_date:
            print("Out of date (run python packaging/translations.py):", ", ".join(out_of_date))
        return max(int(bool(out_of_date)), core_catalogue.main(["--check"]))
    for lang, plural_only in LANGUAGES.items():
        ts = ts_path(lang)
        update(ts, plural_only=plural_only)
        compile_qm(ts, ts.with_suffix(".qm"))
    return core_catalogue.main([])


if __name__ == "__main__":
    sys.exit(main())
