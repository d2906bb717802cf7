"""Templates: named payload files."""

from pathlib import Path

import pytest

from tests.core.helpers import base
from viber_desktop.core.body_token import BODY_TOKEN_NOTICE
from viber_desktop.core.jsonio import OversizedNumber
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
    with pytest.raises(TemplateError, match="“broken” is not valid JSON"):
        store.load("broken")
    with pytest.raises(TemplateError):
        store.delete("missing")


@pytest.mark.parametrize(
    ("content", "why"),
    [
        (b"[" * 100_000 + b"]" * 100_000, "nested more than 100 levels"),
        (b"{" * 100_000, "not valid JSON"),
        (b"\xff\xfe\x00{", "not UTF-8"),
        (b"null", "not a JSON object"),
    ],
)
def test_a_damaged_template_is_named_in_a_plain_message(
    tmp_path: Path, content: bytes, why: str
) -> None:
    folder = tmp_path / "t"
    folder.mkdir()
    (folder / "Sale.json").write_bytes(content)
    store = TemplateStore(folder)
    assert store.names() == ["Sale"]
    with pytest.raises(TemplateError) as caught:
        store.open("Sale")
    assert "“Sale”" in str(caught.value) and why in str(caught.value)
    assert "Traceback" not in str(caught.value) and len(str(caught.value)) < 300


def test_lone_surrogates_and_huge_numbers_open_and_save(tmp_path: Path) -> None:
    folder = tmp_path / "t"
    folder.mkdir()
    (folder / "Odd.json").write_text(
        '{"text": "\\ud800", "\\udfff": 1, "sticker_id": ' + "9" * 5000 + "}", encoding="utf-8"
    )
    store = TemplateStore(folder)
    payload, notice = store.open("Odd")
    assert notice is None
    assert payload["text"] == "\ud800" and payload["\udfff"] == 1
    assert isinstance(payload["sticker_id"], OversizedNumber)
    store.save("Again", {"text": "\ud800", "receiver": "é"})
    assert store.load("Again") == {"text": "\ud800", "receiver": "é"}


def test_an_odd_file_name_lists_opens_and_deletes(tmp_path: Path) -> None:
    folder = tmp_path / "t"
    folder.mkdir()
    odd = "tab\there"
    (folder / f"{odd}.json").write_text('{"text": "x"}', encoding="utf-8")
    store = TemplateStore(folder)
    assert store.names() == [odd]
    assert store.load(odd) == {"text": "x"}
    store.delete(odd)
    assert store.names() == []


def test_an_unreadable_folder_lists_nothing(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("")
    assert TemplateStore(tmp_path / "file" / "templates").names() == []
    with pytest.raises(TemplateError, match="cannot save the template"):
        TemplateStore(tmp_path / "file" / "templates").save("A", {})


def test_a_bot_token_is_never_saved_and_an_old_one_removed_once(tmp_path: Path) -> None:
    folder = tmp_path / "t"
    store = TemplateStore(folder)
    store.save("A", {"text": "hi", "auth_token": "secret-token"})
    assert "secret-token" not in (folder / "A.json").read_text()
    (folder / "B.json").write_text('{"text": "hi", "auth_token": "secret-token"}')
    assert store.open("B") == ({"text": "hi"}, BODY_TOKEN_NOTICE)
    assert "secret-token" not in (folder / "B.json").read_text()
    assert store.open("B") == ({"text": "hi"}, None)
