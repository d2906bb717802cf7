"""Bot profiles and app settings: a versioned JSON file written atomically.

A damaged file never stops the app: what can be used is kept, what cannot is set aside with a
message naming each setting, and the original file is kept beside the new one.
"""

import base64
import binascii
from pathlib import Path
from typing import Any, Final

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from viber_desktop.core.endpoints import DEFAULT_API_URL, base_url_problem
from viber_desktop.core.jsonio import JsonInputError, parse_json
from viber_desktop.services.atomic import json_file_bytes, move_aside, write_atomic
from viber_desktop.services.local_files import read_local_file
from viber_desktop.services.paths import config_dir

SCHEMA_VERSION = 1
SANDBOX_PROFILE = "Sandbox"
SANDBOX_URL = "sandbox:"
"""The Sandbox profile's API URL: the in-process sandbox, started on demand."""

CONNECT_TIMEOUT_MAX: Final = 120.0
READ_TIMEOUT_MAX: Final = 600.0
WINDOW_STATE_MAX: Final = 65_536
"""A saved window layout is a few hundred bytes of base64; anything longer is damage."""
MAX_NOTES: Final = 5
"""How many set-aside settings a message names before it summarises the rest."""

_SETTING_RULES: Final = {
    "schema_version": "a whole number",
    "profiles": "a list of bot profiles",
    "active_profile": "the name of a profile",
    "connect_timeout": f"a number of seconds above 0 and at most {CONNECT_TIMEOUT_MAX:g}",
    "read_timeout": f"a number of seconds above 0 and at most {READ_TIMEOUT_MAX:g}",
    "window": "a window layout saved by this app",
    "name": "1 to 64 printable characters",
    "api_url": f"an address such as {DEFAULT_API_URL}",
    "sender_name": "text",
    "sender_avatar": "text (an image address)",
}


def _no_lone_surrogate(value: str) -> str:
    if any("\ud800" <= c <= "\udfff" for c in value):
        raise ValueError("it contains a broken character (half of an emoji); type it again")
    return value


class Profile(BaseModel):
    """A bot: a name, an API base URL and optional sender defaults. Never a token."""

    model_config = ConfigDict(extra="ignore", strict=True)

    name: str = Field(min_length=1, max_length=64)
    api_url: str = DEFAULT_API_URL
    sender_name: str = ""
    sender_avatar: str = ""

    @field_validator("name")
    @classmethod
    def _name(cls, value: str) -> str:
        if value != value.strip() or not value.isprintable():
            raise ValueError("a profile name must be printable with no leading/trailing spaces")
        return value

    @field_validator("sender_name", "sender_avatar")
    @classmethod
    def _text(cls, value: str) -> str:
        return _no_lone_surrogate(value)

    @field_validator("api_url")
    @classmethod
    def _url(cls, value: str) -> str:
        if value != SANDBOX_URL:
            problem = base_url_problem(value)
            if problem:
                raise ValueError(problem)
        return value

    @property
    def is_sandbox(self) -> bool:
        return self.api_url == SANDBOX_URL

    @property
    def public_api_url(self) -> str:
        """The base URL to write in a curl command (the sandbox's port lasts one session)."""
        return DEFAULT_API_URL if self.is_sandbox else self.api_url


SANDBOX = Profile(name=SANDBOX_PROFILE, api_url=SANDBOX_URL, sender_name="Sandbox Bot")


class Settings(BaseModel):
    """Everything kept in ``settings.json``."""

    model_config = ConfigDict(extra="ignore", strict=True)

    schema_version: int = Field(default=SCHEMA_VERSION, ge=1)
    profiles: list[Profile] = Field(default_factory=list)
    active_profile: str = SANDBOX_PROFILE
    connect_timeout: float = Field(default=5.0, gt=0, le=CONNECT_TIMEOUT_MAX)
    read_timeout: float = Field(default=20.0, gt=0, le=READ_TIMEOUT_MAX)
    window: dict[str, str] = Field(default_factory=dict)
    """Window geometry and splitter state (base64 from Qt), keyed by name."""

    @field_validator("window")
    @classmethod
    def _window(cls, value: dict[str, str]) -> dict[str, str]:
        for text in value.values():
            if len(text) > WINDOW_STATE_MAX:
                raise ValueError("it is too long to be a window layout")
            try:
                base64.b64decode(text, validate=True)
            except (binascii.Error, ValueError):
                raise ValueError("it is not a window layout saved by this app") from None
        return value

    def all_profiles(self) -> list[Profile]:
        """The built-in Sandbox profile first, then the user's."""
        return [SANDBOX, *self.profiles]

    def profile(self, name: str) -> Profile:
        for p in self.all_profiles():
            if p.name == name:
                return p
        raise KeyError(name)


class SettingsError(Exception):
    """The settings file cannot be used; the message says why and what was done."""


def validation_problem(exc: ValidationError) -> str:
    """Plain words for a settings or profile validation error, naming each setting.

    Never a pydantic dump: "the setting 'read_timeout' must be a number of seconds …".
    """
    parts: list[str] = []
    for error in exc.errors(include_url=False):
        parts.append(_plain_error(error["loc"], error["type"], error.get("ctx") or {}))
    return "; ".join(dict.fromkeys(parts)) or "a setting is not valid"


def _plain_error(loc: tuple[int | str, ...], kind: str, ctx: dict[str, Any]) -> str:
    field, prefix = str(loc[0]) if loc else "settings", ""
    if len(loc) >= 3 and loc[0] == "profiles" and isinstance(loc[1], int):
        field, prefix = str(loc[2]), f"profile {loc[1] + 1}: "
    reason = ctx.get("error") if kind == "value_error" else None
    if reason is not None:
        return f"{prefix}the setting '{field}' cannot be used: {reason}"
    rule = _SETTING_RULES.get(field)
    if rule is None:
        return f"{prefix}the setting '{field}' is not valid"
    return f"{prefix}the setting '{field}' must be {rule}"


def _shown(text: Any) -> str:
    """A name as a message shows it: escaped (control characters, lone surrogates), bounded."""
    return repr(text[:60] if isinstance(text, str) else text)[:80]


def _salvage(data: dict[str, Any]) -> tuple[Settings, list[str]]:
    """The settings in ``data`` that can be used, and a note for each one that cannot."""
    clean: dict[str, Any] = {}
    notes: list[str] = []
    profile_notes: list[str] = []  # named after the plain settings: there may be many
    for name in Settings.model_fields:
        if name not in data:
            continue
        value = data[name]
        if name == "profiles" and isinstance(value, list):
            clean[name], profile_notes = _salvage_profiles(value)
            continue
        try:
            Settings.model_validate({name: value})
        except ValidationError as exc:
            notes.append(validation_problem(exc))
        else:
            clean[name] = value
    clean["schema_version"] = SCHEMA_VERSION
    active = clean.get("active_profile", SANDBOX_PROFILE)
    if active != SANDBOX_PROFILE and all(p.name != active for p in clean.get("profiles", ())):
        clean["active_profile"] = SANDBOX_PROFILE
        profile_notes.append(
            f"the active profile {_shown(active)} is not among the usable profiles, "
            f"so the {SANDBOX_PROFILE} profile is active now"
        )
    return Settings.model_validate(clean), notes + profile_notes


def _salvage_profiles(items: list[Any]) -> tuple[list[Profile], list[str]]:
    kept: list[Profile] = []
    notes: list[str] = []
    names = {SANDBOX_PROFILE}
    for index, item in enumerate(items):
        label = f"profile {index + 1}"
        if isinstance(item, dict) and isinstance(item.get("name"), str):
            label += f" ({_shown(item['name'])})"
        try:
            profile = Profile.model_validate(item)
        except ValidationError as exc:
            if not isinstance(item, dict):
                notes.append(f"{label} is not a bot profile")
                continue
            notes.append(f"{label}: {validation_problem(exc)}")
            continue
        if profile.name in names:
            notes.append(f"{label}: another profile has the same name")
            continue
        names.add(profile.name)
        kept.append(profile)
    return kept, notes


def _summary(notes: list[str]) -> str:
    shown = "; ".join(notes[:MAX_NOTES])
    more = len(notes) - MAX_NOTES
    return shown + (f"; and {more:,} more" if more > 0 else "")


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
                f"The settings file {self.path} cannot be read ({exc.strerror}). Check that "
                "the file and its folder can be read."
            ) from None
        try:
            data = parse_json(raw, what="The settings file")
        except JsonInputError as exc:
            return self._set_aside(Settings(), str(exc), whole=True)
        if not isinstance(data, dict):
            return self._set_aside(
                Settings(), "The settings file does not hold settings (a JSON object)", whole=True
            )
        version = data.get("schema_version", SCHEMA_VERSION)
        if type(version) is int and version > SCHEMA_VERSION:
            raise SettingsError(
                f"{self.path} was written by a newer version of viber-desktop; update the app. "
                "The file was left untouched."
            )
        settings, notes = _salvage(data)
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
            kept = (
                f"The file could not be set aside ({exc.strerror}), so it was left as it is "
                "and settings will not be saved this session."
            )
        else:
            kept = f"The original file was moved to {aside} and is kept there."
            if not whole:  # the file now holds what is in use (a later load() sees the same)
                try:
                    self.save(settings)
                except OSError as exc:
                    kept += f" The settings in use could not be written ({exc.strerror})."
        if whole:
            self.problem = (
                f"The settings file could not be used: {why}. {kept} Default settings are in "
                "use. Your tokens in the keyring are unaffected."
            )
        else:
            self.problem = (
                f"Some settings could not be used and were set aside: {why}. {kept} All other "
                "settings are in use. Your tokens in the keyring are unaffected."
            )
        return settings

    def save(self, settings: Settings) -> None:
        if self.read_only:
            return
        write_atomic(self.path, json_file_bytes(settings.model_dump()))
