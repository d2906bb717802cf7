"""Settings that are not well-formed: pydantic names each setting that cannot be used.

Imported only when the plain checks of :mod:`settings` refuse something (a hand-edited or
damaged file, a profile typed with a mistake), so a normal start never loads pydantic.
"""

import base64
import binascii
from typing import Any, Final, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator
from pydantic_core import ErrorDetails

from viber_desktop.core.endpoints import DEFAULT_API_URL, base_url_problem
from viber_desktop.core.i18n import _
from viber_desktop.services.settings import (
    CONNECT_TIMEOUT_MAX,
    NAME_MAX,
    READ_TIMEOUT_MAX,
    SANDBOX_PROFILE,
    SANDBOX_URL,
    SCHEMA_VERSION,
    WINDOW_STATE_MAX,
    Profile,
    Settings,
    has_lone_surrogate,
    setting_rule,
    spell_language_ok,
)


def _no_lone_surrogate(value: str) -> str:
    if has_lone_surrogate(value):
        raise ValueError(_("it contains a broken character (half of an emoji); type it again"))
    return value


class ProfileInput(BaseModel):
    """The rules of :class:`~viber_desktop.services.settings.Profile`, with their reasons."""

    model_config = ConfigDict(extra="ignore", strict=True)

    name: str = Field(min_length=1, max_length=NAME_MAX)
    api_url: str = DEFAULT_API_URL
    sender_name: str = ""
    sender_avatar: str = ""
    spell_language: str = ""

    @field_validator("name")
    @classmethod
    def _name(cls, value: str) -> str:
        if value != value.strip() or not value.isprintable():
            raise ValueError(_("a profile name must be printable with no leading/trailing spaces"))
        return value

    @field_validator("sender_name", "sender_avatar")
    @classmethod
    def _text(cls, value: str) -> str:
        return _no_lone_surrogate(value)

    @field_validator("spell_language")
    @classmethod
    def _spell_language(cls, value: str) -> str:
        if not spell_language_ok(value):
            raise ValueError(_("it must be {rule}").format(rule=setting_rule("spell_language")))
        return value

    @field_validator("api_url")
    @classmethod
    def _url(cls, value: str) -> str:
        if value != SANDBOX_URL:
            problem = base_url_problem(value)
            if problem:
                raise ValueError(problem)
        return value

    def profile(self) -> Profile:
        return Profile(
            self.name, self.api_url, self.sender_name, self.sender_avatar, self.spell_language
        )


class SettingsInput(BaseModel):
    """The rules of :class:`~viber_desktop.services.settings.Settings`, with their reasons."""

    model_config = ConfigDict(extra="ignore", strict=True)

    schema_version: int = Field(default=SCHEMA_VERSION, ge=1)
    profiles: list[ProfileInput] = Field(default_factory=list)
    active_profile: str = SANDBOX_PROFILE
    connect_timeout: float = Field(default=5.0, gt=0, le=CONNECT_TIMEOUT_MAX)
    read_timeout: float = Field(default=20.0, gt=0, le=READ_TIMEOUT_MAX)
    window: dict[str, str] = Field(default_factory=dict)

    @field_validator("window")
    @classmethod
    def _window(cls, value: dict[str, str]) -> dict[str, str]:
        for text in value.values():
            if len(text) > WINDOW_STATE_MAX:
                raise ValueError(_("it is too long to be a window layout"))
            try:
                base64.b64decode(text, validate=True)
            except (binascii.Error, ValueError):
                raise ValueError(_("it is not a window layout saved by this app")) from None
        return value

    def settings(self) -> Settings:
        return Settings(
            self.schema_version,
            [p.profile() for p in self.profiles],
            self.active_profile,
            self.connect_timeout,
            self.read_timeout,
            self.window,
        )


MODELS: Final[dict[str, type[BaseModel]]] = {"profile": ProfileInput, "settings": SettingsInput}


def validate(model: Literal["profile", "settings"], data: dict[str, Any]) -> None:
    """Raise pydantic's ValidationError when ``data`` breaks a rule of ``model``."""
    MODELS[model].model_validate(data)


def problem_words(errors: list[ErrorDetails]) -> str:
    """Plain words for validation errors, naming each setting (never a pydantic dump)."""
    parts = [_plain_error(e["loc"], e["type"], e.get("ctx") or {}) for e in errors]
    return "; ".join(dict.fromkeys(parts)) or _("a setting is not valid")


def _plain_error(loc: tuple[int | str, ...], kind: str, ctx: dict[str, Any]) -> str:
    field, prefix = str(loc[0]) if loc else "settings", ""
    if len(loc) >= 3 and loc[0] == "profiles" and isinstance(loc[1], int):
        field, prefix = str(loc[2]), _("profile {number}: ").format(number=loc[1] + 1)
    reason = ctx.get("error") if kind == "value_error" else None
    if reason is not None:
        return prefix + _("the setting '{field}' cannot be used: {reason}").format(
            field=field, reason=reason
        )
    rule = setting_rule(field)
    if rule is None:
        return prefix + _("the setting '{field}' is not valid").format(field=field)
    return prefix + _("the setting '{field}' must be {rule}").format(field=field, rule=rule)


def _problem(exc: ValidationError) -> str:
    return problem_words(exc.errors(include_url=False))


def _shown(text: Any) -> str:
    """A name as a message shows it: escaped (control characters, lone surrogates), bounded."""
    return repr(text[:60] if isinstance(text, str) else text)[:80]


def salvage(data: dict[str, Any]) -> tuple[Settings, list[str]]:
    """The settings in ``data`` that can be used, and a note for each one that cannot."""
    clean: dict[str, Any] = {}
    notes: list[str] = []
    profile_notes: list[str] = []  # named after the plain settings: there may be many
    for name in SettingsInput.model_fields:
        if name not in data:
            continue
        value = data[name]
        if name == "profiles" and isinstance(value, list):
            clean[name], profile_notes = _salvage_profiles(value)
            continue
        try:
            SettingsInput.model_validate({name: value})
        except ValidationError as exc:
            notes.append(_problem(exc))
        else:
            clean[name] = value
    clean["schema_version"] = SCHEMA_VERSION
    active = clean.get("active_profile", SANDBOX_PROFILE)
    if active != SANDBOX_PROFILE and all(p.name != active for p in clean.get("profiles", ())):
        clean["active_profile"] = SANDBOX_PROFILE
        profile_notes.append(
            _(
                "the active profile {name} is not among the usable profiles, so the {sandbox} "
                "profile is active now"
            ).format(name=_shown(active), sandbox=SANDBOX_PROFILE)
        )
    return SettingsInput.model_validate(clean).settings(), notes + profile_notes


def _salvage_profiles(items: list[Any]) -> tuple[list[ProfileInput], list[str]]:
    kept: list[ProfileInput] = []
    notes: list[str] = []
    names = {SANDBOX_PROFILE}
    for index, item in enumerate(items):
        label = _("profile {number}").format(number=index + 1)
        if isinstance(item, dict) and isinstance(item.get("name"), str):
            label += f" ({_shown(item['name'])})"
        try:
            profile = ProfileInput.model_validate(item)
        except ValidationError as exc:
            if not isinstance(item, dict):
                notes.append(_("{profile} is not a bot profile").format(profile=label))
                continue
            notes.append(f"{label}: {_problem(exc)}")
            continue
        if profile.name in names:
            notes.append(_("{profile}: another profile has the same name").format(profile=label))
            continue
        names.add(profile.name)
        kept.append(profile)
    return kept, notes
