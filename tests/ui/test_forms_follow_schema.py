"""The composer's forms take every rule from core's schema: limits, choices, levels, tooltips."""

import re
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from viber_desktop.core import schema
from viber_desktop.ui.composer import buttons, containers, type_forms
from viber_desktop.ui.composer.spec_form import Spec, SpecForm
from viber_desktop.ui.document import MessageDocument
from viber_desktop.ui.main_window import MainWindow

JSON_ONLY: set[str] = set()
"""Fields with a limit that no form shows (edited in the JSON view, checked by the checker)."""


def _forms() -> dict[str, tuple[Spec, ...]]:
    forms = {f"type {kind}": specs for kind, specs in type_forms.type_specs().items()}
    forms["keyboard"] = containers.keyboard_editor(MessageDocument()).props.specs
    forms["rich_media"] = containers.rich_media_editor(MessageDocument()).props.specs
    forms["keyboard button"] = buttons.button_specs(rich=False)
    forms["rich-media button"] = buttons.button_specs(rich=True)
    return forms


def _field(spec: Spec) -> schema.Field:
    found = schema.lookup(spec.scope, spec.path)
    assert found is not None, (spec.scope, spec.path)
    return found


def test_every_form_field_is_a_schema_field_with_its_rules(qtbot: QtBot) -> None:
    for form, specs in _forms().items():
        for spec in specs:
            f = _field(spec)
            assert (spec.limit, spec.warn_at, spec.soft) == (f.max_len, f.warn_len, f.soft), form
            assert spec.required == f.required, (form, f.key)
            assert spec.tooltip == f.description, (form, f.key)
            if f.api_level > 1:
                assert f"Needs min_api_version {f.api_level}." in spec.note, (form, f.key)
            excluded = schema.RICH_MEDIA_EXCLUDED_ACTIONS if form == "rich-media button" else ()
            assert spec.choices == tuple(c for c in f.choices if c not in excluded), f.key
            assert (spec.kind == "enum") == bool(f.choices), f.key
            if f.default is not None and f.range is not None:
                assert f"(default {f.default})" in spec.placeholder, (form, f.key)


def test_every_limited_field_has_a_counter_with_the_schema_limit(
    qtbot: QtBot, window: MainWindow
) -> None:
    counted: dict[str, tuple[int, bool]] = {}
    for specs in _forms().values():
        form = SpecForm(specs, MessageDocument())
        qtbot.addWidget(form)
        for spec, counter in form.counters.values():
            counted[_field(spec).key] = (counter.limit, counter.soft)
    composer = window.composer
    counted["message:sender.name"] = (composer.sender_counter.limit, composer.sender_counter.soft)
    counted["message:tracking_data"] = (
        composer.tracking_counter.limit,
        composer.tracking_counter.soft,
    )
    limited = {f.key: (f.max_len, f.soft) for f in schema.FIELDS if f.max_len is not None}
    assert {k: v for k, v in limited.items() if k not in JSON_ONLY} == counted


def test_the_rich_media_form_offers_no_keyboard_only_action(qtbot: QtBot) -> None:
    rich = {s.path: s for s in buttons.button_specs(rich=True)}
    keyboard = {s.path: s for s in buttons.button_specs(rich=False)}
    assert "share-phone" in keyboard[("ActionType",)].choices
    assert "share-phone" not in rich[("ActionType",)].choices
    assert "buy" in rich[("ActionType",)].choices
    assert rich[("Rows",)].placeholder == "1 – 7 (default 1)"
    assert keyboard[("Rows",)].placeholder == "1 – 2 (default 1)"


def test_a_label_shows_the_schema_description_as_its_tooltip(qtbot: QtBot) -> None:
    form = SpecForm(type_forms.type_specs()["file"], MessageDocument())
    qtbot.addWidget(form)
    widget = form.widgets["/file_name"]
    assert widget.toolTip() == schema.field_of("file", "file_name").description
    assert "executables" in widget.toolTip()


@pytest.mark.parametrize(
    "name",
    [
        "type_forms.py",
        "containers.py",
        "buttons.py",
        "grid_view.py",
        "grid_editor.py",
        "button_panel.py",
        "button_specs.py",
        "rich_fields.py",
        "color_field.py",
        "card_edits.py",
        "gallery.py",
    ],
)
def test_no_rule_text_is_written_in_the_ui(name: str) -> None:
    source = (Path(type_forms.__file__).parent / name).read_text(encoding="utf-8")
    for pattern in (r"default \d", r"min_api_version \d", r"\(API \d\)", r"\d+ characters"):
        assert not re.search(pattern, source), (name, pattern)
