"""Profiles and settings: atomic, versioned, corrupt files set aside."""

from pathlib import Path

import pytest
from pydantic import ValidationError

from viber_desktop.services.profiles import add_profile, remove_profile, use_profile
from viber_desktop.services.settings import (
    SANDBOX_PROFILE,
    Profile,
    Settings,
    SettingsError,
    SettingsStore,
)


def test_defaults_have_the_sandbox_active(tmp_path: Path) -> None:
    settings = SettingsStore(tmp_path / "s.json").load()
    assert settings.active_profile == SANDBOX_PROFILE
    assert settings.all_profiles()[0].is_sandbox


def test_profiles_round_trip_through_the_file(tmp_path: Path) -> None:
    store = SettingsStore(tmp_path / "s.json")
    settings = store.load()
    add_profile(settings, "Prod", sender_name="Shop")
    use_profile(settings, "Prod")
    store.save(settings)
    again = store.load()
    assert again.profile("Prod").api_url == "https://chatapi.viber.com/pa"
    assert again.profile("Prod").sender_name == "Shop" and again.active_profile == "Prod"
    remove_profile(again, "Prod")
    store.save(again)
    assert store.load() == Settings()


def test_file_has_schema_version_and_no_temp_left(tmp_path: Path) -> None:
    path = tmp_path / "s.json"
    SettingsStore(path).save(Settings())
    assert '"schema_version": 1' in path.read_text()
    assert [p.name for p in tmp_path.iterdir()] == ["s.json"]


def test_corrupt_file_is_set_aside_and_reported(tmp_path: Path) -> None:
    path = tmp_path / "s.json"
    path.write_text("{not json")
    store = SettingsStore(path)
    assert store.load() == Settings()
    assert store.problem and "moved to" in store.problem
    aside = [p for p in tmp_path.iterdir() if p.name.startswith("s.json.corrupt-")]
    assert len(aside) == 1 and aside[0].read_text() == "{not json"


def test_newer_schema_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "s.json"
    path.write_text('{"schema_version": 99}')
    with pytest.raises(SettingsError, match="newer version"):
        SettingsStore(path).load()
    assert path.read_text() == '{"schema_version": 99}'


@pytest.mark.parametrize("url", ["http://example.com/pa", "nope"])
def test_profile_rejects_unsafe_urls(url: str) -> None:
    with pytest.raises(ValidationError):
        Profile(name="X", api_url=url)
