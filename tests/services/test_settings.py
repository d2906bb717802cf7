"""Profiles and settings: atomic, versioned, corrupt files set aside."""

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from viber_desktop.services.profiles import add_profile, remove_profile, use_profile
from viber_desktop.services.settings import (
    SANDBOX_PROFILE,
    SANDBOX_URL,
    TIMEOUT_BOUNDS,
    Profile,
    Settings,
    SettingsError,
    SettingsStore,
    well_formed,
)
from viber_desktop.services.settings_check import ProfileInput, SettingsInput, salvage


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


# --- the fast path of every start ---------------------------------------------------------

_LAYOUT = "AdnQywADAAA="
_TEXT = st.one_of(
    st.sampled_from(["", "Shop", " Shop", "Shop\n", "\ud800", "x" * 64, "x" * 65, "Sandbox"]),
    st.text(max_size=8),
)
_URL = st.sampled_from(
    [SANDBOX_URL, "https://chatapi.viber.com/pa", "http://127.0.0.1:8080/pa", "nope", ""]
)
_ANY = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), _TEXT, st.just([]))
_NUMBER = st.one_of(
    st.integers(-5, 700), st.floats(allow_nan=True), st.booleans(), st.just(10**400), _TEXT
)
_PROFILE = st.one_of(
    st.fixed_dictionaries(
        {"name": _TEXT},
        optional={"api_url": _URL, "sender_name": _TEXT, "sender_avatar": _TEXT, "x": _ANY},
    ),
    _ANY,
)
_SETTINGS = st.fixed_dictionaries(
    {},
    optional={
        "schema_version": st.one_of(st.integers(-1, 1), st.booleans(), _TEXT),
        "profiles": st.one_of(st.lists(_PROFILE, max_size=3), _ANY),
        "active_profile": st.one_of(st.sampled_from(["Sandbox", "Shop", "x" * 64]), _ANY),
        "connect_timeout": _NUMBER,
        "read_timeout": _NUMBER,
        "window": st.one_of(
            st.dictionaries(st.text(max_size=3), st.sampled_from([_LAYOUT, "!", "", 5])), _ANY
        ),
        "unknown": _ANY,
    },
)


@settings(max_examples=400, deadline=None)
@given(_SETTINGS)
def test_the_fast_path_accepts_only_what_pydantic_accepts_and_builds_the_same(
    data: dict[str, Any],
) -> None:
    fast = well_formed(data)
    slow, notes = salvage(data)
    assert (fast is None) == bool(notes)  # too strict would be safe, but slow: it is exact
    if fast is not None:
        assert fast == slow


@settings(max_examples=300, deadline=None)
@given(_TEXT, _URL, _TEXT, _TEXT, st.sampled_from(["", "en", "uk", "fr", "EN", " uk"]) | _TEXT)
def test_a_profile_is_refused_exactly_when_pydantic_refuses_it(
    name: str, url: str, sender: str, avatar: str, language: str
) -> None:
    data = {
        "name": name,
        "api_url": url,
        "sender_name": sender,
        "sender_avatar": avatar,
        "spell_language": language,
    }
    try:
        ProfileInput.model_validate(data)
    except ValidationError:
        with pytest.raises(ValidationError):
            Profile(**data)
    else:
        assert Profile(**data).as_dict() == data


def test_a_well_formed_file_is_read_without_pydantic(tmp_path: Path) -> None:
    path = tmp_path / "s.json"
    data = {
        "schema_version": 1,
        "profiles": [{"name": "Shop", "sender_name": "Shop bot", "extra": 1}],
        "active_profile": "Shop",
        "connect_timeout": 7,
        "read_timeout": 30.5,
        "window": {"geometry": _LAYOUT},
    }
    path.write_text(json.dumps(data), encoding="utf-8")
    settings = SettingsStore(path).load()
    assert settings == well_formed(data) == salvage(data)[0]
    assert settings.connect_timeout == 7.0 and type(settings.connect_timeout) is float
    assert settings.profile("Shop").sender_name == "Shop bot"


def test_timeout_bounds_are_the_rules_of_the_settings() -> None:
    for name, (low, high) in TIMEOUT_BOUNDS.items():
        for value, ok in ((low, False), (high, True), (high + 0.001, False), (low + 0.01, True)):
            try:
                SettingsInput.model_validate({name: value})
            except ValidationError:
                assert not ok
            else:
                assert ok


def test_a_profiles_spelling_language_round_trips_and_old_files_load(tmp_path: Path) -> None:
    path = tmp_path / "s.json"
    old = {"profiles": [{"name": "Old", "sender_name": "Shop"}], "active_profile": "Old"}
    path.write_text(json.dumps(old), encoding="utf-8")
    store = SettingsStore(path)
    settings = store.load()
    assert settings.profile("Old").spell_language == "" and store.problem is None
    add_profile(settings, "Kyiv shop", spell_language="uk")
    store.save(settings)
    assert store.load().profile("Kyiv shop").spell_language == "uk"


def test_an_unknown_spelling_language_is_set_aside_naming_the_setting(tmp_path: Path) -> None:
    path = tmp_path / "s.json"
    data = {"profiles": [{"name": "Shop", "spell_language": "klingon"}]}
    path.write_text(json.dumps(data), encoding="utf-8")
    store = SettingsStore(path)
    settings = store.load()
    assert [p.name for p in settings.profiles] == []
    assert store.problem is not None and "'spell_language'" in store.problem
    assert "'en', 'uk'" in store.problem
