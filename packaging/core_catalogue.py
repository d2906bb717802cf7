"""Update the core/services text catalogue from the code, then compile it (after text changes).

Usage: python packaging/core_catalogue.py [--check]

Extracts every _("..."), N_("...") and ngettext("...", "...", n) in viber_desktop/core and
viber_desktop/services (Babel), merges the result into resources/i18n/core/<lang>.po (kept
translations stay, new texts arrive empty, texts gone from the code are dropped) and compiles each
.po to the .mo that viber_desktop.core.i18n reads. --check changes nothing and fails when the .po
lacks a text of the code or keeps one the code dropped, or a .mo says other than its .po: it
compares texts, not bytes, so another Babel version (line wrapping, flags) passes.
"""

import gettext
import io
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
CATALOGUES = ROOT / "resources" / "i18n" / "core"
SOURCES = ("viber_desktop/core", "viber_desktop/services")
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2)}
LANGUAGES = ("uk",)
PROJECT = "Viber Desktop Composer"
HEADER = (
    "# Texts that viber_desktop/core and viber_desktop/services show a user.\n"
    "# Made by packaging/core_catalogue.py: edit only the msgstr lines, then run it again."
)


def extract() -> Catalog:
    """Every marked text in core and services, with where it is used."""
    template = Catalog(project=PROJECT, fuzzy=False)
    for folder in SOURCES:
        found = extract_from_dir(ROOT / folder, method_map=[("**.py", "python")], keywords=KEYWORDS)
        for filename, lineno, message, comments, context in found:
            location = (f"{folder}/{filename}", lineno)
            template.add(message, None, [location], auto_comments=comments, context=context)
    return template


def po_path(lang: str) -> Path:
    return CATALOGUES / f"{lang}.po"


def read(lang: str) -> Catalog:
    path = po_path(lang)
    if not path.exists():
        return Catalog(locale=lang, project=PROJECT, fuzzy=False, header_comment=HEADER)
    with path.open("rb") as stream:
        return read_po(stream, locale=lang)


def merged(lang: str, template: Catalog) -> Catalog:
    """The language's catalogue brought up to date with ``template`` (no fuzzy guesses).

    Plural-Forms comes from Babel's CLDR data for the locale (Ukrainian: one, few, many).
    """
    catalog = read(lang)
    catalog.update(template, no_fuzzy_matching=True, update_header_comment=False)
    catalog.obsolete.clear()
    catalog.project = PROJECT
    catalog.fuzzy = False
    return catalog


def po_bytes(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_po(out, catalog, width=100, omit_header=False, sort_output=False, include_lineno=False)
    return _stable_header(out.getvalue())


_VARYING = (b"POT-Creation-Date:", b"PO-Revision-Date:", b"Generated-By:")
"""Header lines Babel stamps with the time or its version: left out, so output is stable."""


def _stable_header(data: bytes) -> bytes:
    """Drop the header lines that change by themselves (see _VARYING)."""
    keep = [line for line in data.split(b"\n") if not line.lstrip(b'"').startswith(_VARYING)]
    return b"\n".join(keep)


def mo_bytes(po: bytes, lang: str) -> bytes:
    out = io.BytesIO()
    write_mo(out, read_po(io.BytesIO(po), locale=lang), use_fuzzy=False)
    mo = out.getvalue()
    header = _mo_texts(mo)[""].encode()
    return mo.replace(header, _stable_header(header).ljust(len(header), b"\n"), 1)


def _mo_texts(mo: bytes) -> dict[object, str]:
    """What a compiled catalogue says: msgid (or (msgid, form)) -> text."""
    return dict(gettext.GNUTranslations(io.BytesIO(mo))._catalog)  # type: ignore[attr-defined]


def _texts(po: bytes, lang: str) -> dict[object, str]:
    return {k: v for k, v in _mo_texts(mo_bytes(po, lang)).items() if k != ""}


def _ids(po: bytes, lang: str) -> set[object]:
    return {m.id for m in read_po(io.BytesIO(po), locale=lang) if m.id}


def _stale(path: Path, wanted: bytes, lang: str) -> bool:
    """True when the file at ``path`` does not say what ``wanted`` (the up-to-date .po) says."""
    if not path.exists():
        return True
    if path.suffix == ".po":
        return _ids(path.read_bytes(), lang) != _ids(wanted, lang)
    have = {k: v for k, v in _mo_texts(path.read_bytes()).items() if k != ""}
    return have != _texts(wanted, lang)


def main(argv: list[str] | None = None) -> int:
    check = "--check" in (sys.argv[1:] if argv is None else argv)
    template = extract()
    stale: list[str] = []
    for lang in LANGUAGES:
        po = po_bytes(merged(lang, template))
        mo = mo_bytes(po, lang)
        for path, data in ((po_path(lang), po), (po_path(lang).with_suffix(".mo"), mo)):
            if check:
                if _stale(path, po, lang):
                    shown = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
                    stale.append(str(shown))
            elif not path.exists() or path.read_bytes() != data:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(data)
    if stale:
        print("Out of date (run python packaging/core_catalogue.py):", ", ".join(stale))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
