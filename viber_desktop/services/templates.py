"""Message templates: named payload files, in the same JSON that ``viber-desktop check`` reads."""

import json
from pathlib import Path
from typing import Any

from viber_desktop.services.atomic import write_atomic
from viber_desktop.services.paths import data_dir

_BAD = set('/\\:*?"<>|\0')


class TemplateError(Exception):
    """A template name is invalid or a file cannot be read or written."""


class TemplateStore:
    """Templates as ``<name>.json`` files in a folder (default: data dir / templates)."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder or data_dir() / "templates"

    def _path(self, name: str) -> Path:
        name = name.strip()
        if (
            not name
            or name.startswith(".")
            or len(name) > 100
            or _BAD & set(name)
            or not name.isprintable()
        ):
            raise TemplateError(
                "a template name needs 1-100 printable characters, no "
                'leading dot and none of / \\ : * ? " < > |'
            )
        return self.folder / f"{name}.json"

    def names(self) -> list[str]:
        if not self.folder.is_dir():
            return []
        return sorted((p.stem for p in self.folder.glob("*.json")), key=str.casefold)

    def exists(self, name: str) -> bool:
        return self._path(name).exists()

    def save(self, name: str, payload: dict[str, Any]) -> None:
        data = json.dumps(payload, ensure_ascii=False, indent=2).encode("utf-8") + b"\n"
        try:
            write_atomic(self._path(name), data)
        except OSError as exc:
            raise TemplateError(f"cannot save the template: {exc.strerror}") from None

    def load(self, name: str) -> dict[str, Any]:
        try:
            data = json.loads(self._path(name).read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise TemplateError(f"cannot read the template {name!r}: {exc}") from None
        if not isinstance(data, dict):
            raise TemplateError(f"the template {name!r} is not a JSON object")
        return data

    def rename(self, old: str, new: str) -> None:
        source, target = self._path(old), self._path(new)
        if target.exists():
            raise TemplateError(f"a template named {new!r} already exists")
        try:
            source.rename(target)
        except OSError as exc:
            raise TemplateError(f"cannot rename the template: {exc.strerror}") from None

    def delete(self, name: str) -> None:
        try:
            self._path(name).unlink()
        except OSError as exc:
            raise TemplateError(f"cannot delete the template: {exc.strerror}") from None
