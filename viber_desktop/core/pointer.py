"""RFC 6901 JSON Pointers: build, read, and change a JSON document in place, reversibly.

Every change returns the :class:`Edit` that undoes it, so an undo stack (or a test) can
restore the document exactly, key order included.
"""

from typing import Any, Literal, NamedTuple

from viber_desktop.core.i18n import _

MISSING: Any = object()
"""What :func:`get` returns for a path that leads nowhere (``None`` is a JSON value)."""


class PointerError(ValueError):
    """A change that cannot be made at this path (a missing parent, an index out of range)."""


class Edit(NamedTuple):
    """One change: ``set`` a value, ``delete`` it, or ``insert`` it at ``index`` of its parent.

    ``index`` places a restored object key back where it was (or an array item, for which the
    last path part is the index already). A NamedTuple, not a dataclass: about 1 ms less at
    start (issue 16).
    """

    op: Literal["set", "delete", "insert"]
    path: str
    value: Any = None
    index: int | None = None  # type: ignore[assignment]  # hides tuple.index, unused on an Edit


def pointer(*parts: str | int) -> str:
    """Build a pointer from path parts: ``pointer("keyboard", "Buttons", 0)``."""
    path = ""
    for part in parts:
        path = child(path, part)
    return path


def child(path: str, part: str | int) -> str:
    """Extend ``path`` by one part (on the keystroke path: kept cheap)."""
    text = str(part)
    if "~" in text or "/" in text:
        text = text.replace("~", "~0").replace("/", "~1")
    return f"{path}/{text}"


def parts(path: str) -> list[str]:
    """The unescaped parts of ``path`` ("" is the whole document)."""
    if not path:
        return []
    if not path.startswith("/"):
        raise PointerError(f"A JSON pointer starts with '/': {path!r}")
    return [p.replace("~1", "/").replace("~0", "~") for p in path[1:].split("/")]


def parent(path: str) -> str:
    """The pointer to the container holding ``path``."""
    return path.rsplit("/", 1)[0]


def label(path: str) -> str:
    """Turn ``/keyboard/Buttons/0/Text`` into ``keyboard.Buttons[0].Text`` for messages."""
    if not path:
        return _("the request body")
    out = ""
    for part in parts(path):
        out += f"[{part}]" if part.isdigit() else ("." if out else "") + part
    return out


def get(doc: Any, path: str, default: Any = MISSING) -> Any:
    """The value at ``path``, or ``default`` when there is none."""
    node = doc
    for part in parts(path):
        if isinstance(node, dict):
            if part not in node:
                return default
            node = node[part]
        elif isinstance(node, list):
            index = _index(part)
            if index is None or index >= len(node):
                return default
            node = node[index]
        else:
            return default
    return node


def exists(doc: Any, path: str) -> bool:
    return get(doc, path) is not MISSING


def set_value(doc: dict[str, Any], path: str, value: Any) -> Edit:
    """Set ``path`` to ``value``, creating (or replacing non-object) parents as objects.

    Returns the edit that undoes it. An array index equal to the length appends.
    """
    if not path:
        old = dict(doc)
        doc.clear()
        doc.update(value)
        return Edit("set", "", old)
    keys = parts(path)
    node: Any = doc
    for depth, part in enumerate(keys[:-1]):
        nxt = _step(node, part)
        if not isinstance(nxt, dict | list):
            # A missing or scalar parent becomes an object; undone by restoring what was there.
            built: dict[str, Any] = {}
            _build(built, keys[depth + 1 :], value)
            return set_value(doc, pointer(*keys[: depth + 1]), built)
        node = nxt
    last = keys[-1]
    if isinstance(node, dict):
        if last in node:
            old = node[last]
            node[last] = value
            return Edit("set", path, old)
        node[last] = value
        return Edit("delete", path)
    if isinstance(node, list):
        index = _index(last)
        if index is not None and index < len(node):
            old = node[index]
            node[index] = value
            return Edit("set", path, old)
        if index == len(node) or last == "-":
            node.append(value)
            return Edit("delete", child(parent(path), len(node) - 1))
    raise PointerError(f"{label(path)} cannot be set here.")


def delete(doc: dict[str, Any], path: str) -> Edit:
    """Remove the value at ``path``; returns the edit that puts it back where it was."""
    keys = parts(path)
    if not keys:
        raise PointerError("The whole document cannot be removed.")
    node = get(doc, parent(path))
    last = keys[-1]
    if isinstance(node, dict) and last in node:
        index = list(node).index(last)
        value = node.pop(last)
        return Edit("insert", path, value, index)
    if isinstance(node, list):
        at = _index(last)
        if at is not None and at < len(node):
            return Edit("insert", path, node.pop(at))
    raise PointerError(f"{label(path)} is not there to remove.")


def insert(doc: dict[str, Any], path: str, value: Any, index: int | None = None) -> Edit:
    """Insert ``value`` at ``path``: an array item before that index, or an object key at
    position ``index`` (the end when None). Returns the edit that removes it."""
    keys = parts(path)
    if not keys:
        return set_value(doc, path, value)
    node = get(doc, parent(path))
    last = keys[-1]
    if isinstance(node, list):
        at = len(node) if last == "-" else _index(last)
        if at is None or at > len(node):
            raise PointerError(f"{label(path)} is past the end of its list.")
        node.insert(at, value)
        return Edit("delete", child(parent(path), at))
    if isinstance(node, dict):
        if last in node:
            return set_value(doc, path, value)
        if index is None or index >= len(node):
            node[last] = value
        else:
            items = list(node.items())
            items.insert(index, (last, value))
            node.clear()
            node.update(items)
        return Edit("delete", path)
    raise PointerError(f"{label(parent(path))} is not an object or a list.")


def apply(doc: dict[str, Any], edit: Edit) -> Edit:
    """Make ``edit`` on ``doc``; returns the edit that undoes it."""
    if edit.op == "set":
        return set_value(doc, edit.path, edit.value)
    if edit.op == "delete":
        return delete(doc, edit.path)
    return insert(doc, edit.path, edit.value, edit.index)


def _step(node: Any, part: str) -> Any:
    if isinstance(node, dict):
        return node.get(part, MISSING)
    if isinstance(node, list):
        index = _index(part)
        return node[index] if index is not None and index < len(node) else MISSING
    return MISSING


def _build(obj: dict[str, Any], keys: list[str], value: Any) -> None:
    for part in keys[:-1]:
        obj[part] = {}
        obj = obj[part]
    obj[keys[-1]] = value


def _index(part: str) -> int | None:
    if part.isdigit() and part.isascii() and (part == "0" or not part.startswith("0")):
        return int(part)
    return None
