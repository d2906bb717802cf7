"""Update the translation sources from the code, then compile them (run after changing UI text).

Usage: python packaging/translations.py

resources/i18n/viber_desktop_en.ts holds English plural forms only ("1 error", "2 errors"): the
source text is English, so every other string needs no English translation.
"""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
I18N = ROOT / "resources" / "i18n"
BIN = Path(sys.executable).parent


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "viber_desktop" / "ui").rglob("*.py"))


def update(ts: Path, *, plural_only: bool) -> None:
    """Bring ``ts`` up to date with the code's tr() strings (kept translations stay)."""
    args = [str(BIN / "pyside6-lupdate"), "-locations", "none", "-no-obsolete"]
    if plural_only:
        args.append("-pluralonly")
    subprocess.run([*args, *sources(), "-ts", str(ts)], cwd=ROOT, check=True, capture_output=True)


def compile_qm(ts: Path, qm: Path) -> None:
    subprocess.run(
        [str(BIN / "pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )


def main() -> int:
    english = I18N / "viber_desktop_en.ts"
    update(english, plural_only=True)
    compile_qm(english, english.with_suffix(".qm"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
