"""Bot profiles and app settings: a versioned JSON file written atomically."""

import json
import time
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from viber_desktop.core.endpoints import DEFAULT_API_URL, base_url_problem
from viber_desktop.services.atomic import write_atomic
from viber_desktop.services.paths import config_dir

SCHEMA_VERSION = 1
SANDBOX_PROFILE = "Sandbox"
SANDBOX_URL = "sandbox:"
"""The Sandbox profile's API URL: the in-process sandbox, started on demand."""


class Profile(BaseModel):
    """A bot: a name, an API base URL and optional sender defaults. Never a token."""

    model_config = ConfigDict(extra="ignore")

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

    model_config = ConfigDict(extra="ignore")

    schema_version: int = SCHEMA_VERSION
    profiles: list[Profile] = Field(default_factory=list)
    active_profile: str = SANDBOX_PROFILE
    connect_timeout: float = Field(default=5.0, gt=0, le=120)
    read_timeout: float = Field(default=20.0, gt=0, le=600)
    window: dict[str, str] = Field(default_factory=dict)
    """Window geometry and splitter state (base64 from Qt), keyed by name."""

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


class SettingsStore:
    """Loads and saves :class:`Settings`. A corrupt file is set aside, never silently reset."""

    def __init__(self, path: Path | None = None, *, read_only: bool = False) -> None:
        self.path = path or config_dir() / "settings.json"
        self.read_only = read_only
        """Set when the file is from a newer version: nothing is written over it."""
        self.problem: str | None = None
        """Set by load() when a corrupt file was set aside (show it to the user)."""

    def load(self) -> Settings:
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return Settings()
        except OSError as exc:
            raise SettingsError(f"cannot read {self.path}: {exc.strerror}") from None
        try:
            data = json.loads(raw.decode("utf-8"))
            if isinstance(data, dict) and data.get("schema_version", 1) > SCHEMA_VERSION:
                raise SettingsError(
                    f"{self.path} was written by a newer version of viber-desktop "
                    f"(schema {data['schema_version']}); update the app. The file was left "
                    "untouched."
                )
            return Settings.model_validate(data)
        except (UnicodeDecodeError, ValueError, ValidationError) as exc:
            if isinstance(exc, SettingsError):
                raise
            aside = self.path.with_name(f"{self.path.name}.corrupt-{int(time.time())}")
            self.path.replace(aside)
            self.problem = (
                f"The settings file was damaged ({type(exc).__name__}); it was moved to {aside} "
                "and default settings are in use. Your tokens in the keyring are unaffected."
            )
            return Settings()

    def save(self, settings: Settings) -> None:
        if self.read_only:
            return
        data = settings.model_dump_json(indent=2).encode("utf-8")
        write_atomic(self.path, data)

    # --- profile operations --------------------------------------------------------------

    def add_profile(self, profile: Profile) -> Settings:
        settings = self.load()
        if any(p.name == profile.name for p in settings.all_profiles()):
            raise SettingsError(f"a profile named {profile.name!r} already exists")
        settings.profiles.append(profile)
        self.save(settings)
        return settings

    def remove_profile(self, name: str) -> Settings:
        if name == SANDBOX_PROFILE:
            raise SettingsError("the built-in Sandbox profile cannot be removed")
        settings = self.load()
        kept = [p for p in settings.profiles if p.name != name]
        if len(kept) == len(settings.profiles):
            raise SettingsError(f"no profile named {name!r}")
        settings.profiles = kept
        if settings.active_profile == name:
            settings.active_profile = SANDBOX_PROFILE
        self.save(settings)
        return settings
