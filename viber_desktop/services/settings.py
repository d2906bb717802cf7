"""Bot profiles and app settings: a versioned JSON file written atomically.

A damaged file never stops the app: what can be used is kept, what cannot is set aside with a
message naming each setting, and the original file is kept beside the new one.

Trap: the file is read at every start, so a well-formed one is checked here in plain Python;
pydantic (``settings_check``) is imported only when something is off, to name each setting.
Every rule below must accept nothing the pydantic models refuse.
"""

import base64
import binascii
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, Literal

from viber_desktop.core.endpoints import DEFAULT_API_URL, base_url_problem
from viber_desktop.core.i18n import N_, _, number
from viber_desktop.core.jsonio import JsonInputError, parse_json
from viber_desktop.core.spell_words import LANGUAGES as SPELL_LANGUAGES
from viber_desktop.services.atomic import json_file_bytes, move_aside, write_atomic
from viber_desktop.services.local_files import read_local_file
from viber_desktop.services.paths import config_dir

if TYPE_CHECKING:
    from pydantic import ValidationError

SCHEMA_VERSION = 1
SANDBOX_PROFILE = "Sandbox"
SANDBOX_URL = "sandbox:"
"""The Sandbox profile's API URL: the in-process sandbox, started on demand."""

NAME_MAX: Final = 64
"""A profile name is 1 to this many characters."""
CONNECT_TIMEOUT_MAX: Final = 120.0
READ_TIMEOUT_MAX: Final = 600.0
TIMEOUT_BOUNDS: Final = {
    "connect_timeout": (0.0, CONNECT_TIMEOUT_MAX),
    "read_timeout": (0.0, READ_TIMEOUT_MAX),
}
"""(more than, at most) seconds for each timeout setting."""
WINDOW_STATE_MAX: Final = 65_536
"""A saved window layout is a few hundred bytes of base64; anything longer is damage."""
MAX_NOTES: Final = 5
"""How many set-aside settings a message names before it summarises the rest."""

SETTING_RULES: Final = {
    "schema_version": N_("a whole number"),
    "profiles": N_("a list of bot profiles"),
    "active_profile": N_("the name of a profile"),
    "connect_timeout": N_("a number of seconds above 0 and at most {most}"),
    "read_timeout": N_("a number of seconds above 0 and at most {most}"),
    "window": N_("a window layout saved by this app"),
    "name": N_("1 to {most} printable characters"),
    "api_url": N_("an address such as {example}"),
    "sender_name": N_("text"),
    "sender_avatar": N_("text (an image address)"),
    "spell_language": N_("{languages} or empty (the window's language)"),
}
"""What each setting must be, in the words a message uses (English: read it with
:func:`setting_rule`, which fills the numbers in)."""
_RULE_VALUES: Final[dict[str, dict[str, str]]] = {
    "connect_timeout": {"most": f"{CONNECT_TIMEOUT_MAX:g}"},
    "read_timeout": {"most": f"{READ_TIMEOUT_MAX:g}"},
    "name": {"most": str(NAME_MAX)},
    "api_url": {"example": DEFAULT_API_URL},
    "spell_language": {"languages": ", ".join(map(repr, SPELL_LANGUAGES))},
}


def setting_rule(name: str) -> str | None:
    """What the setting ``name`` must be, in the current language (None when unknown)."""
    rule = SETTING_RULES.get(name)
    return None if rule is None else _(rule).format(**_RULE_VALUES.get(name, {}))


def has_lone_surrogate(value: str) -> bool:
    """True when ``value`` holds half of a surrogate pair (a broken emoji)."""
    return any("\ud800" <= c <= "\udfff" for c in value)


def name_ok(value: Any) -> bool:
    """A profile name: 1 to 64 printable characters, no leading or trailing spaces."""
    return (
        type(value) is str
        and 1 <= len(value) <= NAME_MAX
        and value == value.strip()
        and value.isprintable()
    )


def api_url_ok(value: Any) -> bool:
    return type(value) is str and (value == SANDBOX_URL or base_url_problem(value) is None)


def text_ok(value: Any) -> bool:
    return type(value) is str and not has_lone_surrogate(value)


def spell_language_ok(value: Any) -> bool:
    """A profile's spelling language: a code of core's LANGUAGES, or "" for the system's."""
    return value == "" or value in SPELL_LANGUAGES


def seconds_ok(value: Any, setting: str) -> bool:
    """A timeout: a number (not a bool) above the lower bound and at most the upper one."""
    low, high = TIMEOUT_BOUNDS[setting]
    return type(value) in (int, float) and low < value <= high  # NaN fails the comparison


def window_ok(value: Any) -> bool:
    """Window layouts: names to base64 text saved by Qt, none longer than WINDOW_STATE_MAX."""
    if type(value) is not dict:
        return False
    for key, text in value.items():
        if type(key) is not str or type(text) is not str or len(text) > WINDOW_STATE_MAX:
            return False
        try:
            base64.b64decode(text, validate=True)
        except (binascii.Error, ValueError):
            return False
    return True


def _rejected(model: Literal["profile", "settings"], data: dict[str, Any]) -> None:
    """Let the pydantic model named ``model`` say why ``data`` is refused (a ValidationError).

    Called only when a plain check above failed; if pydantic accepts, so do we.
    """
    from viber_desktop.services import settings_check

    settings_check.validate(model, data)


@dataclass(frozen=True, slots=True)
class Profile:
    """A bot: a name, an API base URL and optional sender defaults. Never a token.

    Building one with a value that breaks a rule raises pydantic's ``ValidationError``.
    """

    name: str
    api_url: str = DEFAULT_API_URL
    sender_name: str = ""
    sender_avatar: str = ""
    spell_language: str = ""
    """The spelling language of its messages ('en', 'uk'); "" follows the system locale."""

    def __post_init__(self) -> None:
        if not (
            name_ok(self.name)
            and api_url_ok(self.api_url)
            and text_ok(self.sender_name)
            and text_ok(self.sender_avatar)
            and spell_language_ok(self.spell_language)
        ):
            _rejected("profile", self.as_dict())

    @property
    def is_sandbox(self) -> bool:
        return self.api_url == SANDBOX_URL

    @property
    def public_api_url(self) -> str:
        """The base URL to write in a curl command (the sandbox's port lasts one session)."""
        return DEFAULT_API_URL if self.is_sandbox else self.api_url

    def as_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "api_url": self.api_url,
            "sender_name": self.sender_name,
            "sender_avatar": self.sender_avatar,
            "spell_language": self.spell_language,
        }


SANDBOX = Profile(name=SANDBOX_PROFILE, api_url=SANDBOX_URL, sender_name="Sandbox Bot")


@dataclass
class Settings:
    """Everything kept in ``settings.json``.

    Building one with a value that breaks a rule raises pydantic's ``ValidationError``;
    changing a field later is not checked.
    """

    schema_version: int = SCHEMA_VERSION
    profiles: list[Profile] = field(default_factory=list)
    active_profile: str = SANDBOX_PROFILE
    connect_timeout: float = 5.0
    read_timeout: float = 20.0
    window: dict[str, str] = field(default_factory=dict)
    """Window geometry and splitter state (base64 from Qt), keyed by name."""

    def __post_init__(self) -> None:
        if not (
            type(self.schema_version) is int
            and self.schema_version >= 1
            and type(self.profiles) is list
            and type(self.active_profile) is str
            and seconds_ok(self.connect_timeout, "connect_timeout")
            and seconds_ok(self.read_timeout, "read_timeout")
            and window_ok(self.window)
        ):
            _rejected("settings", self.as_dict())
        if not all(isinstance(p, Profile) for p in self.profiles):
            raise TypeError("Settings.profiles holds Profile objects")
        self.connect_timeout = float(self.connect_timeout)
        self.read_timeout = float(self.read_timeout)

    def all_profiles(self) -> list[Profile]:
        """The built-in Sandbox profile first, then the user's."""
        return [SANDBOX, *self.profiles]

    def profile(self, name: str) -> Profile:
        for p in self.all_profiles():
            if p.name == name:
                return p
        raise KeyError(name)

    def as_dict(self) -> dict[str, Any]:
        """The settings as the file holds them."""
        return asdict(self)


class SettingsError(Exception):
    """The settings file cannot be used; the message says why and what was done."""


def validation_problem(exc: "ValidationError | ValueError") -> str:
    """Plain words for a settings or profile validation error, naming each setting.

    Never a pydantic dump: "the setting 'read_timeout' must be a number of seconds …".
    """
    errors = getattr(exc, "errors", None)
    if errors is None:
        return _("a setting is not valid")
    from viber_desktop.services.settings_check import problem_words

    return problem_words(errors(include_url=False))


def well_formed(data: dict[str, Any]) -> Settings | None:
    """The settings in ``data`` when every one can be used as it is, else None.

    The fast path of every start: plain checks, no pydantic. Anything odd (a wrong kind, an
    unsafe URL, a duplicate or unknown profile name) returns None, and the salvage names it.
    """
    profiles: list[Profile] = []
    names = {SANDBOX_PROFILE}
    items = data.get("profiles", [])
    if type(items) is not list:
        return None
    for item in items:
        if type(item) is not dict:
            return None
        name = item.get("name")
        api_url = item.get("api_url", DEFAULT_API_URL)
        sender_name = item.get("sender_name", "")
        sender_avatar = item.get("sender_avatar", "")
        spell_language = item.get("spell_language", "")
        if not isinstance(name, str) or not (
            name_ok(name)
            and api_url_ok(api_url)
            and text_ok(sender_name)
            and text_ok(sender_avatar)
            and spell_language_ok(spell_language)
            and name not in names
        ):
            return None
        names.add(name)
        profiles.append(Profile(name, api_url, sender_name, sender_avatar, spell_language))
    version = data.get("schema_version", SCHEMA_VERSION)
    active = data.get("active_profile", SANDBOX_PROFILE)
    connect = data.get("connect_timeout", 5.0)
    read = data.get("read_timeout", 20.0)
    window = data.get("window", {})
    if not (
        type(version) is int
        and version >= 1
        and type(active) is str
        and active in names
        and seconds_ok(connect, "connect_timeout")
        and seconds_ok(read, "read_timeout")
        and window_ok(window)
    ):
        return None
    return Settings(SCHEMA_VERSION, profiles, active, float(connect), float(read), window)


def _summary(notes: list[str]) -> str:
    shown = "; ".join(notes[:MAX_NOTES])
    more = len(notes) - MAX_NOTES
    return shown + ("; " + _("and {count} more").format(count=number(more)) if more > 0 else "")


class SettingsStore:
    """Loads and saves :class:`Settings`. A damaged file is set aside, never silently reset."""

    def __init__(self, path: Path | None = None, *, read_only: bool = False) -> None:
        self.path = path or config_dir() / "settings.json"
        self.read_only = read_only
        """Set when the file must not be written over (newer version, or not set aside)."""
        self.problem: str | None = None
        """Set by load() when settings were set aside (show it to the user)."""

    def load(self) -> Settings:
        try:
            raw = read_local_file(self.path)
        except FileNotFoundError:
            return Settings()
        except OSError as exc:
            raise SettingsError(
                _(
                    "The settings file {path} cannot be read ({problem}). Check that the file "
                    "and its folder can be read."
                ).format(path=self.path, problem=exc.strerror)
            ) from None
        try:
            data = parse_json(raw, what=_("The settings file"))
        except JsonInputError as exc:
            return self._set_aside(Settings(), str(exc), whole=True)
        if not isinstance(data, dict):
            return self._set_aside(
                Settings(),
                _("The settings file does not hold settings (a JSON object)"),
                whole=True,
            )
        version = data.get("schema_version", SCHEMA_VERSION)
        if type(version) is int and version > SCHEMA_VERSION:
            raise SettingsError(
                _(
                    "{path} was written by a newer version of viber-desktop; update the app. "
                    "The file was left untouched."
                ).format(path=self.path)
            )
        settings = well_formed(data)
        if settings is not None:
            return settings
        from viber_desktop.services.settings_check import salvage

        settings, notes = salvage(data)
        if notes:
            return self._set_aside(settings, _summary(notes), whole=False)
        return settings

    def _set_aside(self, settings: Settings, why: str, *, whole: bool) -> Settings:
        """Move the damaged file aside (kept, never deleted) and say what happened."""
        why = why.rstrip(".")
        try:
            aside = move_aside(self.path)
        except OSError as exc:
            self.read_only = True
            kept = _(
                "The file could not be set aside ({problem}), so it was left as it is and "
                "settings will not be saved this session."
            ).format(problem=exc.strerror)
        else:
            kept = _("The original file was moved to {path} and is kept there.").format(path=aside)
            if not whole:  # the file now holds what is in use (a later load() sees the same)
                try:
                    self.save(settings)
                except OSError as exc:
                    kept += " " + _("The settings in use could not be written ({problem}).").format(
                        problem=exc.strerror
                    )
        if whole:
            self.problem = _(
                "The settings file could not be used: {why}. {kept} Default settings are in "
                "use. Your tokens in the keyring are unaffected."
            ).format(why=why, kept=kept)
        else:
            self.problem = _(
                "Some settings could not be used and were set aside: {why}. {kept} All other "
                "settings are in use. Your tokens in the keyring are unaffected."
            ).format(why=why, kept=kept)
        return settings

    def save(self, settings: Settings) -> None:
        if self.read_only:
            return
        write_atomic(self.path, json_file_bytes(settings.as_dict()))
