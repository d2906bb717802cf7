"""JSON Pointer reads and reversible changes: undoing any edit restores the exact document."""

import copy
import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from viber_desktop.core import pointer as jp
from viber_desktop.core.pointer import MISSING, Edit, PointerError

KEYS = st.sampled_from(["a", "b", "x/y", "t~n", "0", "Buttons", "", "ключ"])
SCALARS = st.none() | st.booleans() | st.integers() | st.text(max_size=5)
JSON = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(KEYS, inner, max_size=3),
    max_leaves=12,
)
DOCS = st.dictionaries(KEYS, JSON, max_size=4)


def exact(doc: Any) -> str:
    """Key order matters: the composer must give back what it was given."""
    return json.dumps(doc, ensure_ascii=False)


def paths(doc: Any, here: str = "") -> list[str]:
    out = [here] if here else []
    if isinstance(doc, dict):
        for key, value in doc.items():
            out += paths(value, jp.child(here, key))
    elif isinstance(doc, list):
        for i, value in enumerate(doc):
            out += paths(value, jp.child(here, i))
    return out


def test_build_and_label() -> None:
    path = jp.pointer("keyboard", "Buttons", 0, "a/b~c")
    assert path == "/keyboard/Buttons/0/a~1b~0c"
    assert jp.parts(path) == ["keyboard", "Buttons", "0", "a/b~c"]
    assert jp.label(path) == "keyboard.Buttons[0].a/b~c"
    assert jp.label("") == "the request body"
    with pytest.raises(PointerError):
        jp.parts("no-slash")


def test_get_follows_objects_and_lists() -> None:
    doc = {"k": {"Buttons": [{"Text": "hi"}]}, "n": None}
    assert jp.get(doc, "/k/Buttons/0/Text") == "hi"
    assert jp.get(doc, "/n") is None
    assert jp.get(doc, "/k/Buttons/1") is MISSING
    assert jp.get(doc, "/k/Buttons/01") is MISSING  # not an array index
    assert jp.get(doc, "/n/x", "absent") == "absent"
    assert not jp.exists(doc, "/missing")


def test_set_creates_parents_and_undo_removes_them() -> None:
    doc: dict[str, Any] = {"receiver": "r", "sender": None}
    undo = jp.set_value(doc, "/sender/name", "Shop")
    assert doc == {"receiver": "r", "sender": {"name": "Shop"}}
    jp.apply(doc, undo)
    assert exact(doc) == exact({"receiver": "r", "sender": None})
    undo = jp.set_value(doc, "/keyboard/Buttons", [])
    assert list(doc) == ["receiver", "sender", "keyboard"]
    jp.apply(doc, undo)
    assert list(doc) == ["receiver", "sender"]


def test_delete_then_undo_keeps_the_key_order() -> None:
    doc = {"a": 1, "chat_id": 2, "z": 3}
    undo = jp.delete(doc, "/chat_id")
    assert list(doc) == ["a", "z"]
    jp.apply(doc, undo)
    assert list(doc) == ["a", "chat_id", "z"]


def test_list_insert_append_and_delete() -> None:
    doc: dict[str, Any] = {"B": [1, 2]}
    undo = jp.insert(doc, "/B/1", 9)
    assert doc["B"] == [1, 9, 2]
    jp.apply(doc, undo)
    assert doc["B"] == [1, 2]
    undo = jp.set_value(doc, "/B/2", 3)
    assert doc["B"] == [1, 2, 3]
    jp.apply(doc, undo)
    assert doc["B"] == [1, 2]
    with pytest.raises(PointerError):
        jp.set_value(doc, "/B/5", 0)
    with pytest.raises(PointerError):
        jp.delete(doc, "/B/2")
    with pytest.raises(PointerError):
        jp.delete(doc, "")


def test_whole_document_set_is_undone() -> None:
    doc = {"a": 1, "b": [2]}
    undo = jp.set_value(doc, "", {"c": 3})
    assert doc == {"c": 3}
    jp.apply(doc, undo)
    assert exact(doc) == exact({"a": 1, "b": [2]})


@settings(max_examples=300, deadline=None)
@given(DOCS, st.data())
def test_any_edit_is_undone_exactly(doc: dict[str, Any], data: st.DataObject) -> None:
    before = exact(doc)
    work = copy.deepcopy(doc)
    targets = paths(work)
    op = data.draw(st.sampled_from(["set", "delete", "insert", "set-new"]))
    if op == "set-new" or not targets:
        path = data.draw(st.sampled_from(targets or [""]))
        path = jp.child(path, data.draw(KEYS))
        edit = Edit("set", path, data.draw(JSON))
    else:
        edit = Edit(op, data.draw(st.sampled_from(targets)), data.draw(JSON))  # type: ignore[arg-type]
    try:
        undo = jp.apply(work, edit)
    except PointerError:
        assert exact(work) == before  # a refused edit changes nothing
        return
    jp.apply(work, undo)
    assert exact(work) == before
