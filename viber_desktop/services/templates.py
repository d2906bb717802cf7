"""Message templates: named payload files, in the same JSON that ``viber-desktop check`` reads.

A damaged template (not JSON, nested too deep, not UTF-8) never raises anything but
:class:`TemplateError` with a message naming it; a bot token (``auth_token``) is never kept.
"""

from pathlib import Path
from typing import Any

from viber_desktop.core.body_token import BODY_TOKEN_NOTICE, strip_body_token
from viber_desktop.core.i18n import _
from viber_desktop.core.jsonio import JsonInputError, parse_json
from viber_desktop.services.atomic import write_json_atomic
from viber_desktop.services.local_files import read_local_file
from viber_desktop.services.paths import data_dir

_BAD = set('/\\:*?"<>|\0')


class TemplateError(Exception):
    """A template name is invalid or a file cannot be read or written."""


def shown_name(name: str) -> str:
    """A template name as a message shows it: quoted, control characters and lone surrogates
    escaped, bounded."""
    text = name[:100]
    if text.isprintable():
        return f"“{text}”"
    return repr(text)


class TemplateStore:
    """Templates as ``<name>.json`` files in a folder (default: data dir / templates)."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder or data_dir() / "templates"

    def _path(self, name: str, *, new: bool = True) -> Path:
        """The file of ``name``; a new name must be plain, an existing file's name just safe."""
        name = name.strip() if new else name
        safe = bool(name) and not name.startswith(".") and not (_BAD & set(name))
        if not safe or (new and (len(name) > 100 or not name.isprintable())):
            raise TemplateError(
                _(
                    "a template name needs 1-100 printable characters, no "
                    'leading dot and none of / \\ : * ? " < > |'
                )
            )
        return self.folder / f"{name}.json"

    def names(self) -> list[str]:
        """The templates' names (an unreadable folder lists none)."""
        try:
            return sorted((p.stem for p in self.folder.glob("*.json")), key=str.casefold)
        except OSError:
            return []

    def exists(self, name: str) -> bool:
        return self._path(name).exists()

    def save(self, name: str, payload: dict[str, Any]) -> None:
        """Write the template (never a bot token; lone surrogates escaped)."""
        try:
            write_json_atomic(self._path(name), strip_body_token(payload)[0])
        except OSError as exc:
            raise TemplateError(
                _("cannot save the template {name}: {problem}").format(
                    name=shown_name(name), problem=exc.strerror or exc
                )
            ) from None

    def load(self, name: str) -> dict[str, Any]:
        """The template's payload, without a bot token."""
        return self.open(name)[0]

    def open(self, name: str) -> tuple[dict[str, Any], str | None]:
        """The template's payload and a notice for the user (a bot token was removed), or
        TemplateError naming the template and what is wrong with it."""
        path = self._path(name, new=False)
        what = _("The template {name}").format(name=shown_name(name))
        try:
            data = parse_json(read_local_file(path), what=what)
        except OSError as exc:
            raise TemplateError(
                _("cannot read the template {name}: {problem}").format(
                    name=shown_name(name), problem=exc.strerror or exc
                )
            ) from None
        except JsonInputError as exc:
            raise TemplateError(str(exc)) from None
        if not isinstance(data, dict):
            raise TemplateError(
                _("{what} is not a JSON object, so it is not a message.").format(what=what)
            )
        data, removed = strip_body_token(data)
        if not removed:
            return data, None
        try:  # told once: the file no longer holds the token
            write_json_atomic(path, data)
        except OSError as exc:
            return (
                data,
                _(BODY_TOKEN_NOTICE)
                + " "
                + _("(The template could not be rewritten: {problem}.)").format(
                    problem=exc.strerror
                ),
            )
        return data, _(BODY_TOKEN_NOTICE)

    def rename(self, old: str, new: str) -> None:
        source, target = self._path(old, new=False), self._path(new)
        if target.exists():
            raise TemplateError(
                _("a template named {name} already exists").format(name=shown_name(new))
            )
        try:
            source.rename(target)
        except OSError as exc:
            raise TemplateError(
                _("cannot rename the template: {problem}").format(problem=exc.strerror or exc)
            ) from None

    def delete(self, name: str) -> None:
        try:
            self._path(name, new=False).unlink()
        except OSError as exc:
            raise TemplateError(
                _("cannot delete the template: {problem}").format(problem=exc.strerror or exc)
            ) from None
