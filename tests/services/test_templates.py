"""Templates: named payload files."""

from pathlib import Path

import pytest

from tests.core.helpers import base
from viber_desktop.services.templates import TemplateError, TemplateStore


def test_templates_store(tmp_path: Path) -> None:
    store = TemplateStore(tmp_path / "t")
    store.save("Spring sale", base(text="Spring"))
    assert store.names() == ["Spring sale"]
    assert store.load("Spring sale")["text"] == "Spring"
    store.rename("Spring sale", "Autumn")
    assert store.names() == ["Autumn"]
    for bad in ("", ".hidden", "a/b", "x" * 101):
        with pytest.raises(TemplateError):
            store.save(bad, {})
    store.delete("Autumn")
    assert store.names() == []


def test_rename_onto_an_existing_name_is_refused(tmp_path: Path) -> None:
    store = TemplateStore(tmp_path / "t")
    store.save("A", base())
    store.save("B", base())
    with pytest.raises(TemplateError, match="already exists"):
        store.rename("A", "B")
    assert store.names() == ["A", "B"]


def test_a_file_that_is_not_an_object_is_reported(tmp_path: Path) -> None:
    store = TemplateStore(tmp_path / "t")
    (tmp_path / "t").mkdir()
    (tmp_path / "t" / "list.json").write_text("[1]")
    (tmp_path / "t" / "broken.json").write_text("{")
    with pytest.raises(TemplateError, match="not a JSON object"):
        store.load("list")
    with pytest.raises(TemplateError, match="cannot read"):
        store.load("broken")
    with pytest.raises(TemplateError):
        store.delete("missing")
