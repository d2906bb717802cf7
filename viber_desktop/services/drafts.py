"""The autosaved draft: the composition as it was, restored at the next start.

A damaged draft never stops the app: it is set aside (kept, renamed) with a plain message.
A bot token in the body (``auth_token``) is never written.
"""

from pathlib import Path
from typing import Any

from viber_desktop.core.body_token import BODY_TOKEN_NOTICE, strip_body_token
from viber_desktop.core.i18n import _
from viber_desktop.core.jsonio import JsonInputError, parse_json
from viber_desktop.services.atomic import move_aside, write_json_atomic
from viber_desktop.services.local_files import read_local_file
from viber_desktop.services.paths import data_dir

DRAFT_FILE = "draft.json"


def draft_path() -> Path:
    return data_dir() / DRAFT_FILE


def load_draft(path: Path | None = None) -> tuple[dict[str, Any] | None, str | None]:
    """Return (the draft or None, a message for the user or None).

    No draft: (None, None). A damaged draft is moved aside and reported; a draft carrying a
    bot token comes back without it, with :data:`BODY_TOKEN_NOTICE` (and is rewritten without).
    """
    path = path or draft_path()
    try:
        raw = read_local_file(path)
    except (FileNotFoundError, NotADirectoryError):
        return None, None  # no draft (a broken data folder is reported once, by the window)
    except OSError as exc:
        return None, (
            _(
                "The saved draft {path} could not be read ({problem}); a new message was started."
            ).format(path=path, problem=exc.strerror)
        )
    try:
        draft = parse_json(raw, what=_("The saved draft"))
    except JsonInputError as exc:
        return None, _set_aside(path, str(exc))
    if not isinstance(draft, dict):
        return None, _set_aside(path, _("The saved draft is not a message (a JSON object)."))
    draft, removed = strip_body_token(draft)
    if not removed:
        return draft, None
    try:
        save_draft(draft, path)
    except OSError as exc:
        return (
            draft,
            _(BODY_TOKEN_NOTICE)
            + " "
            + _("(The draft file could not be rewritten: {problem}.)").format(problem=exc.strerror),
        )
    return draft, _(BODY_TOKEN_NOTICE)


def save_draft(payload: dict[str, Any], path: Path | None = None) -> None:
    """Write ``payload`` atomically (never a bot token; lone surrogates escaped). Raises OSError."""
    write_json_atomic(path or draft_path(), strip_body_token(payload)[0])


def set_aside_draft(why: str, path: Path | None = None) -> str:
    """Move a draft the composer cannot use aside; return the message for the user."""
    return _set_aside(path or draft_path(), why)


def _set_aside(path: Path, why: str) -> str:
    try:
        aside = move_aside(path)
    except OSError as exc:
        return _("{why} It could not be set aside ({problem}); a new message was started.").format(
            why=why, problem=exc.strerror
        )
    return _("{why} It was moved to {path} and a new message was started.").format(
        why=why, path=aside
    )
