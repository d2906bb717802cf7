"""The receiver book's records, and the users get_user_details and get_online tell about.

Their rules, limits and words are in :mod:`viber_desktop.core.receivers`. A module of their
own: the window's start needs the rules only, and each record is a class built at import
(about 1 ms each; start-up, issue 16); the book, a lookup or a list send loads them.
"""

from collections.abc import Mapping
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from typing import Any

from viber_desktop.core.receivers import (
    API_LEVEL_MAX,
    LAST_ONLINE_MS_MAX,
    ONLINE_IDS_MAX,
    RECEIVER_ID_MAX,
    SHOWN_TEXT_MAX,
    URL_MAX,
    USER_FIELDS,
    OnlineState,
    online_state,
)

__all__ = ["OnlineEntry", "Receiver", "TestList", "UserDetails", "decode_online"]


@dataclass(frozen=True)
class Receiver:
    """One receiver in a profile's book."""

    id: str
    label: str = ""
    notes: str = ""
    tags: tuple[str, ...] = ()
    lists: tuple[str, ...] = ()
    """The test lists it belongs to (read from the store; not set by hand)."""

    @property
    def shown(self) -> str:
        """``Anna, iPhone test (01234567890A=)``, or the ID alone without a label."""
        return f"{self.label} ({self.id})" if self.label else self.id

    @property
    def who(self) -> str:
        """The label, or the ID: how a sentence names the receiver."""
        return self.label or self.id

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "label": self.label,
            "notes": self.notes,
            "tags": list(self.tags),
            "lists": list(self.lists),
        }


@dataclass(frozen=True)
class TestList:
    """A named list of receivers of one profile, in the order they are sent to."""

    __test__ = False  # not a pytest test class
    name: str
    members: tuple[Receiver, ...] = ()


# --- get_user_details ---------------------------------------------------------------------


def _text(value: Any, cap: int = SHOWN_TEXT_MAX) -> str | None:
    if not isinstance(value, str):
        return None
    value = "".join("\ufffd" if "\ud800" <= c <= "\udfff" else c for c in value[: cap + 1])
    return value if len(value) <= cap else value[:cap] + "…"


def _int(value: Any, top: int) -> int | None:
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= top:
        return int(value)
    return None


@dataclass(frozen=True)
class UserDetails:
    """What get_user_details told about one user; a field Viber left out (or sent in a form
    that cannot be right) is None."""

    id: str | None = None
    name: str | None = None
    avatar: str | None = None
    country: str | None = None
    language: str | None = None
    primary_device_os: str | None = None
    api_version: int | None = None
    viber_version: str | None = None
    mcc: int | None = None
    mnc: int | None = None
    device_type: str | None = None

    @classmethod
    def from_answer(cls, data: Any) -> "UserDetails | None":
        """Read the ``user`` object of an answer (any shape); None when there is none."""
        user = data.get("user") if isinstance(data, Mapping) else None
        if not isinstance(user, Mapping):
            return None
        return cls.from_stored(user)

    @classmethod
    def from_stored(cls, user: Mapping[str, Any]) -> "UserDetails":
        """Read a ``user`` object (an answer's, or the copy the book keeps)."""
        return cls(
            id=_text(user.get("id"), RECEIVER_ID_MAX),
            name=_text(user.get("name")),
            avatar=_text(user.get("avatar"), URL_MAX),
            country=_text(user.get("country")),
            language=_text(user.get("language")),
            primary_device_os=_text(user.get("primary_device_os")),
            api_version=_int(user.get("api_version"), API_LEVEL_MAX),
            viber_version=_text(user.get("viber_version")),
            mcc=_int(user.get("mcc"), 999),
            mnc=_int(user.get("mnc"), 999),
            device_type=_text(user.get("device_type")),
        )

    def as_json(self) -> dict[str, Any]:
        return asdict(self)

    def lines(self) -> list[tuple[str, str]]:
        """(words, value) for each field Viber gave, in :data:`USER_FIELDS` order."""
        shown = asdict(self)
        return [(words, str(shown[key])) for key, words in USER_FIELDS.items() if shown[key]]


# --- get_online ---------------------------------------------------------------------------


@dataclass(frozen=True)
class OnlineEntry:
    """One user's online state as get_online gave it."""

    id: str
    code: int | None
    last_online: datetime | None = None

    @property
    def state(self) -> OnlineState:
        return online_state(self.code)

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "online_status": self.code,
            "online_status_name": self.state.name,
            "words": self.state.words,
            "last_online": self.last_online.isoformat() if self.last_online else None,
        }


def decode_online(data: Any) -> list[OnlineEntry]:
    """The ``users`` of a get_online answer (any shape): entries without a text ID are
    dropped, at most :data:`ONLINE_IDS_MAX` are read."""
    users = data.get("users") if isinstance(data, Mapping) else None
    if not isinstance(users, list):
        return []
    entries: list[OnlineEntry] = []
    for user in users[:ONLINE_IDS_MAX]:
        if not isinstance(user, Mapping):
            continue
        uid = _text(user.get("id"), RECEIVER_ID_MAX)
        if not uid:
            continue
        code = _int(user.get("online_status"), 999)
        ms = _int(user.get("last_online"), LAST_ONLINE_MS_MAX)
        last = datetime.fromtimestamp(ms / 1000, UTC) if ms else None
        entries.append(OnlineEntry(id=uid, code=code, last_online=last))
    return entries
