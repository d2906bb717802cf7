"""The core's and services' texts in Ukrainian: switching language, plural forms, a complete
catalogue that matches the code, and findings, statuses and outcomes that really come out
translated (while English stays exactly as it was, and the CLI stays English)."""

import ast
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from babel.messages.pofile import read_po

from tests.benchmarks.payloads import big_rich_media
from tests.core.helpers import base
from tests.core.test_fixes import FIXABLE, NOT_OFFERED, emitted_codes
from tests.core.test_rule_corrections import rich, with_button
from viber_desktop.core import i18n
from viber_desktop.core import receivers as rules
from viber_desktop.core.checker import check_payload
from viber_desktop.core.findings import Finding
from viber_desktop.core.history import STATE_LABELS
from viber_desktop.core.outcomes import OUTCOME_LABELS, ApiResult
from viber_desktop.core.statuses import BILLING, STATUSES, billing_info, status_info

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "packaging"))
import core_catalogue  # noqa: E402

PLACEHOLDER = re.compile(r"\{[^{}]*\}")


@pytest.fixture(autouse=True)
def english_after() -> Iterator[None]:
    yield
    i18n.use(None)


# --- switching -------------------------------------------------------------------------------


def test_english_is_the_default_and_unknown_languages_fall_back_to_it() -> None:
    assert i18n.language() == "en"
    i18n.use("fr_FR.UTF-8")
    assert i18n.language() == "en"
    assert i18n._("The bot token is not valid.") == "The bot token is not valid."


@pytest.mark.parametrize("name", ["uk", "uk_UA.UTF-8", "uk-UA", "UK"])
def test_ukrainian_is_found_from_a_locale_name(name: str) -> None:
    i18n.use(name)
    assert i18n.language() == "uk"
    assert i18n._("The bot token is not valid.") == "Токен бота недійсний."


def test_use_none_restores_english() -> None:
    i18n.use("uk")
    i18n.use(None)
    assert i18n.language() == "en"
    assert i18n._("The bot token is not valid.") == "The bot token is not valid."
    assert i18n.ngettext("{n} error", "{n} errors", 1) == "{n} error"
    assert i18n.ngettext("{n} error", "{n} errors", 2) == "{n} errors"


ONE, FEW, MANY = "підписник", "підписники", "підписників"


@pytest.mark.parametrize(
    ("n", "word"),
    [
        *((n, ONE) for n in (1, 21, 101)),
        *((n, FEW) for n in (2, 24, 1002)),
        *((n, MANY) for n in (0, 5, 11, 12, 14, 111)),
    ],
)
def test_ukrainian_counts_take_the_one_few_or_many_form(n: int, word: str) -> None:
    i18n.use("uk")
    assert i18n.ngettext("{count} subscribers", "{count} subscribers", n) == "{count} " + word


def test_nothing_is_read_until_a_language_is_asked_for() -> None:
    code = (
        "from viber_desktop.core import checker, i18n; "
        "assert i18n._current is i18n._english; print(i18n.language())"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert out.stdout.strip() == "en"


# --- the catalogue --------------------------------------------------------------------------


def catalogue() -> Any:
    with (ROOT / "resources" / "i18n" / "core" / "uk.po").open("rb") as stream:
        return read_po(stream, locale="uk")


def test_every_marked_text_in_the_code_is_translated_with_its_placeholders() -> None:
    translated = {m.id: m.string for m in catalogue() if m.id}
    untranslated, wrong = [], []
    for message in core_catalogue.extract():
        if not message.id:
            continue
        strings = translated.get(message.id)
        forms = strings if isinstance(strings, tuple) else (strings,)
        if not strings or not all(forms):
            untranslated.append(message.id)
            continue
        source = message.id[0] if isinstance(message.id, tuple) else message.id
        expected = sorted(set(PLACEHOLDER.findall(source)))
        wrong += [(source, f) for f in forms if sorted(set(PLACEHOLDER.findall(f))) != expected]
    assert not untranslated, f"translate in resources/i18n/core/uk.po: {untranslated}"
    assert not wrong, f"placeholders differ from the English: {wrong}"


def test_ukrainian_has_three_plural_forms_and_every_counted_text_fills_them() -> None:
    cat = catalogue()
    assert cat.num_plurals == 3
    counted = [m for m in cat if isinstance(m.id, tuple)]
    assert len(counted) >= 20
    assert all(len(m.string) == 3 and all(m.string) for m in counted)


def test_the_catalogue_and_the_shipped_mo_are_up_to_date_with_the_code() -> None:
    assert core_catalogue.main(["--check"]) == 0, "run: python packaging/core_catalogue.py"


def test_the_check_fails_on_a_stale_mo_or_a_po_missing_a_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    shipped = ROOT / "resources" / "i18n" / "core"
    po, mo = tmp_path / "uk.po", tmp_path / "uk.mo"
    po.write_bytes((shipped / "uk.po").read_bytes())
    mo.write_bytes((shipped / "uk.mo").read_bytes())
    monkeypatch.setattr(core_catalogue, "CATALOGUES", tmp_path)
    assert core_catalogue.main(["--check"]) == 0
    edited = po.read_text(encoding="utf-8").replace("Токен бота недійсний.", "Токен поганий.")
    po.write_text(edited, encoding="utf-8")
    assert core_catalogue.main(["--check"]) == 1
    assert "uk.mo" in capsys.readouterr().out
    core_catalogue.main([])  # compiles the edited .po
    assert core_catalogue.main(["--check"]) == 0
    text = po.read_text(encoding="utf-8")
    start = text.index('msgid "The bot token is not valid."')
    po.write_text(text[:start] + text[text.index("\n\n", start) + 2 :], encoding="utf-8")
    assert core_catalogue.main(["--check"]) == 1
    assert "uk.po" in capsys.readouterr().out


# --- findings, statuses and outcomes in Ukrainian ------------------------------------------


def _nested(depth: int) -> list[Any]:
    value: list[Any] = []
    for _ in range(depth):
        value = [value]
    return value


EXTRA: list[Any] = [
    [1],
    base(extra=_nested(3000)),
    base(n=float("nan")),
    base(receiver="+380 50 123 45 67"),
    base(receiver="380501234567"),
    base(text=""),
    base(text="*Sale* today"),
    base("payment"),
    base("picture", media="https://example.com/a.txt"),
    base("picture", thumbnail="https://example.com/thumb"),
    with_button(ActionType="open-url", ActionBody="myshop://deal"),
    with_button(ActionType="share-phone", ActionBody="x"),
    with_button(ActionBody="x", Text=None),
    rich({"ActionType": "location-picker", "ActionBody": "x", "Text": "Here"}),
    rich(*({"ActionBody": "x", "Text": "Go", "Columns": 6, "Rows": 7} for _ in range(7))),
    big_rich_media(30_200),
    big_rich_media(32_000),
]
"""Bodies for the codes the fix cases do not raise."""


def corpus() -> list[Any]:
    return [case[1] for case in FIXABLE] + [case[1] for case in NOT_OFFERED] + EXTRA


def findings_in(language: str | None) -> list[Finding]:
    i18n.use(language)
    return [f for payload in corpus() for f in check_payload(payload).findings]


def test_the_corpus_raises_every_code_the_core_emits() -> None:
    raised = {f.code for f in findings_in(None)}
    assert emitted_codes() <= raised, emitted_codes() - raised


def test_every_finding_and_fix_comes_out_in_ukrainian() -> None:
    english = findings_in(None)
    ukrainian = findings_in("uk")
    assert [(f.code, f.path) for f in english] == [(f.code, f.path) for f in ukrainian]
    same = [e.message for e, u in zip(english, ukrainian, strict=True) if e.message == u.message]
    assert not same, same
    labels = [
        (e.label, u.label)
        for a, b in zip(english, ukrainian, strict=True)
        for e, u in zip(a.fixes, b.fixes, strict=True)
    ]
    assert labels and not [e for e, u in labels if e == u]
    cyrillic = re.compile("[а-яіїєґ]", re.IGNORECASE)
    assert all(cyrillic.search(f.message) for f in ukrainian)


def test_english_findings_are_the_same_after_a_round_trip_through_ukrainian() -> None:
    before = findings_in(None)
    findings_in("uk")
    assert findings_in(None) == before


def test_the_status_and_billing_tables_read_in_ukrainian() -> None:
    i18n.use("uk")
    for code, entry in STATUSES.items():
        shown = status_info(code)
        assert (shown.code, shown.name) == (entry.code, entry.name)
        assert shown.meaning != entry.meaning and shown.advice != entry.advice, code
    assert status_info(999).meaning == "Viber повідомив про помилку, невідому цьому застосунку."
    for code, bill in BILLING.items():
        shown_bill = billing_info(code)
        assert shown_bill is not None and shown_bill.meaning != bill.meaning
    i18n.use(None)
    assert status_info(6) == STATUSES[6]


def test_outcomes_and_labels_read_in_the_current_language() -> None:
    unknown = ApiResult(outcome="unknown", error="x")
    english = (OUTCOME_LABELS["ok"], STATE_LABELS["pending"], unknown.explanation)
    i18n.use("uk")
    assert OUTCOME_LABELS["ok"] == "прийнято"
    assert STATE_LABELS["pending"] == "надсилається"
    assert rules.LIST_OUTCOME_LABELS.get("not_tried") == "не надсилалося"
    assert dict(rules.USER_FIELDS)["api_version"] == "Рівень API"
    assert unknown.explanation.startswith("Сервер не повернув коректної відповіді")
    assert rules.online_state(4).words.startswith("недоступний")
    assert rules.ago(3 * 86_400) == "3 дні тому"
    i18n.use(None)
    assert (OUTCOME_LABELS["ok"], STATE_LABELS["pending"], unknown.explanation) == english
    assert english[0] == "accepted" and rules.ago(3 * 86_400) == "3 days ago"


def test_the_cli_stays_english_on_a_ukrainian_system(tmp_path: Path) -> None:
    body = tmp_path / "m.json"
    body.write_text('{"receiver": "", "type": "text", "text": "Hi"}', encoding="utf-8")
    env = {**os.environ, "LANG": "uk_UA.UTF-8", "LC_ALL": "uk_UA.UTF-8", "LANGUAGE": "uk"}
    out = subprocess.run(
        [sys.executable, "-m", "viber_desktop", "check", str(body)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert "receiver must not be empty." in out.stdout + out.stderr
    assert not re.search("[а-яіїєґ]", out.stdout + out.stderr, re.IGNORECASE)


def test_numbers_group_their_digits_as_the_language_does() -> None:
    assert i18n.number(30_720) == "30,720"
    i18n.use("uk")
    assert i18n.number(30_720) == "30\u00a0720"  # a comma is the decimal mark in Ukrainian
    assert i18n.number(999) == "999"
    report = check_payload(big_rich_media(32_000))
    [too_large] = [f for f in report.findings if f.code == "request_too_large"]
    assert "30\u00a0720" in too_large.message and "30,720" not in too_large.message


def test_no_marked_text_hides_inside_an_f_string() -> None:
    """Babel does not read inside f-strings: _("or") there never reaches the catalogue."""
    hidden = []
    for folder in core_catalogue.SOURCES:
        for source in (ROOT / folder).rglob("*.py"):
            for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
                if not isinstance(node, ast.JoinedStr):
                    continue
                for call in ast.walk(node):
                    if (
                        isinstance(call, ast.Call)
                        and isinstance(call.func, ast.Name)
                        and call.func.id in ("_", "N_", "ngettext")
                        and any(isinstance(a, ast.Constant) for a in call.args)
                    ):
                        hidden.append(f"{source.name}:{call.lineno}")
    assert not hidden, hidden
