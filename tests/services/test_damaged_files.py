"""Damaged local files (settings, drafts, templates) never stop the app and are never lost."""

import json
from pathlib import Path

import pytest

from viber_desktop.core.body_token import BODY_TOKEN_NOTICE
from viber_desktop.core.jsonio import OversizedNumber
from viber_desktop.services.drafts import load_draft, save_draft
from viber_desktop.services.settings import SANDBOX_PROFILE, Profile, Settings, SettingsStore

NO_DUMPS = ("type=", "input_value", "pydantic", "validation error", "Traceback")


def _aside(folder: Path, name: str) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.name.startswith(f"{name}.corrupt-"))


def _plain(problem: str | None) -> str:
    assert problem, "the user is told what was set aside"
    assert not any(dump in problem for dump in NO_DUMPS), problem
    return problem


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("null", "does not hold settings"),
        ("[1, 2]", "does not hold settings"),
        ('"settings"', "does not hold settings"),
        ("[" * 100_000 + "]" * 100_000, "nested more than 100 levels"),
        ("{not json", "not valid JSON"),
        (b"\xff\xfe{}", "not UTF-8"),
    ],
)
def test_a_file_that_is_not_settings_is_set_aside_whole(
    tmp_path: Path, text: str | bytes, why: str
) -> None:
    path = tmp_path / "settings.json"
    original = text.encode() if isinstance(text, str) else text
    path.write_bytes(original)
    store = SettingsStore(path)
    assert store.load() == Settings()
    problem = _plain(store.problem)
    assert why in problem and "moved to" in problem
    (aside,) = _aside(tmp_path, "settings.json")
    assert aside.read_bytes() == original
    assert not path.exists() and not store.read_only


def test_wrong_kinds_set_aside_only_what_is_wrong_naming_each_setting(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    original = {
        "schema_version": "2",
        "read_timeout": "abc",
        "connect_timeout": True,
        "active_profile": "Shop",
        "profiles": [
            {"name": "Shop", "sender_name": "Shop bot"},
            {"name": 5},
            "Prod",
            {"name": "Bad url", "api_url": "http://example.com/pa"},
            {"name": "Shop"},
            {"name": "Broken", "sender_name": "\ud800"},
        ],
    }
    path.write_text(json.dumps(original), encoding="utf-8")
    store = SettingsStore(path)
    settings = store.load()
    assert [p.name for p in settings.profiles] == ["Shop"]
    assert settings.active_profile == "Shop"
    assert settings.read_timeout == 20.0 and settings.connect_timeout == 5.0
    problem = _plain(store.problem)
    assert "the setting 'schema_version' must be a whole number" in problem
    assert "the setting 'read_timeout' must be a number of seconds" in problem
    assert "the setting 'connect_timeout' must be a number of seconds" in problem
    assert "profile 2: the setting 'name' must be 1 to 64 printable characters" in problem
    assert "profile 3 is not a bot profile" in problem
    assert "and 3 more" in problem  # the unsafe URL, the duplicate name, the broken sender
    (aside,) = _aside(tmp_path, "settings.json")
    assert json.loads(aside.read_text()) == original
    # The file now holds what is in use, so the next start is quiet and the same.
    again = SettingsStore(path)
    assert again.load() == settings and again.problem is None


def test_an_unsafe_profile_url_is_named_with_the_reason(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    bad = {"name": "Bad url", "api_url": "http://example.com/pa"}
    path.write_text(json.dumps({"profiles": [bad]}), encoding="utf-8")
    store = SettingsStore(path)
    assert store.load().profiles == []
    problem = _plain(store.problem)
    assert "profile 1 ('Bad url'): the setting 'api_url' cannot be used" in problem
    assert "plain http" in problem


@pytest.mark.parametrize(
    "window",
    [
        {"geometry": "not base64 at all!"},
        {"geometry": "A" * 200_000},
        {"geometry": 5},
        ["geometry"],
    ],
)
def test_a_bad_window_layout_is_set_aside(tmp_path: Path, window: object) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"window": window, "read_timeout": 30}), encoding="utf-8")
    store = SettingsStore(path)
    settings = store.load()
    assert settings.window == {} and settings.read_timeout == 30
    assert "the setting 'window'" in _plain(store.problem)


def test_huge_and_non_finite_numbers_are_set_aside(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(
        '{"schema_version": 0, "read_timeout": NaN, "connect_timeout": ' + "9" * 5000 + "}",
        encoding="utf-8",
    )
    store = SettingsStore(path)
    assert store.load() == Settings()
    problem = _plain(store.problem)
    assert "'read_timeout'" in problem and "'connect_timeout'" in problem
    assert "'schema_version'" in problem


def test_a_huge_newer_schema_number_is_refused_untouched_with_a_short_message(
    tmp_path: Path,
) -> None:
    from viber_desktop.services.settings import SettingsError

    path = tmp_path / "settings.json"
    text = '{"schema_version": ' + "9" * 4000 + "}"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SettingsError, match="newer version") as caught:
        SettingsStore(path).load()
    assert len(str(caught.value)) < 400
    assert path.read_text() == text


def test_two_damaged_files_in_the_same_second_are_both_kept(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    for text in ("null", "[]"):
        path.write_text(text)
        SettingsStore(path).load()
    assert sorted(p.read_text() for p in _aside(tmp_path, "settings.json")) == ["[]", "null"]


def test_saving_never_fails_on_a_lone_surrogate(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    settings = Settings(active_profile="\ud800")
    SettingsStore(path).save(settings)
    assert "\\ud800" in path.read_text(encoding="utf-8")
    store = SettingsStore(path)  # names no profile: the Sandbox is active, and the user is told
    assert store.load().active_profile == SANDBOX_PROFILE and "'\\ud800'" in _plain(store.problem)


def test_a_profile_refuses_a_broken_sender_name() -> None:
    from pydantic import ValidationError

    from viber_desktop.services.settings import validation_problem

    with pytest.raises(ValidationError) as caught:
        Profile(name="Shop", sender_name="\udc00")
    assert "broken character" in _plain(validation_problem(caught.value))


def test_a_settings_folder_that_cannot_be_read_is_a_plain_settings_error(tmp_path: Path) -> None:
    from viber_desktop.services.settings import SettingsError

    (tmp_path / "settings.json").mkdir()
    with pytest.raises(SettingsError, match="cannot be read"):
        SettingsStore(tmp_path / "settings.json").load()
    assert SANDBOX_PROFILE


# --- drafts ---------------------------------------------------------------------------------


def test_no_draft_is_no_problem(tmp_path: Path) -> None:
    assert load_draft(tmp_path / "draft.json") == (None, None)
    (tmp_path / "a-file").write_text("")
    assert load_draft(tmp_path / "a-file" / "draft.json") == (None, None)


@pytest.mark.parametrize(
    ("text", "why"),
    [
        (b"[1]", "is not a message"),
        (b"null", "is not a message"),
        (b"[" * 100_000 + b"]" * 100_000, "nested more than 100 levels"),
        (b"\xff{}", "not UTF-8"),
        (b'{"a": ', "not valid JSON"),
    ],
)
def test_a_damaged_draft_is_set_aside_and_kept(tmp_path: Path, text: bytes, why: str) -> None:
    path = tmp_path / "draft.json"
    path.write_bytes(text)
    draft, problem = load_draft(path)
    assert draft is None
    assert why in _plain(problem) and "moved to" in _plain(problem)
    (aside,) = _aside(tmp_path, "draft.json")
    assert aside.read_bytes() == text and not path.exists()


def test_a_draft_with_absurd_values_loads_as_it_is(tmp_path: Path) -> None:
    path = tmp_path / "draft.json"
    path.write_text(
        '{"type": "text", "text": "\\ud800", "min_api_version": ' + "9" * 5000 + ', "x": 1e400,'
        ' "keyboard": {"Buttons": [{"TextSize": 9223372036854775808}]}}',
        encoding="utf-8",
    )
    draft, problem = load_draft(path)
    assert problem is None and draft is not None
    assert isinstance(draft["min_api_version"], OversizedNumber)
    assert draft["text"] == "\ud800" and draft["keyboard"]["Buttons"][0]["TextSize"] == 2**63


def test_saving_a_draft_never_fails_on_a_lone_surrogate_and_reads_back(tmp_path: Path) -> None:
    path = tmp_path / "draft.json"
    payload = {"text": "a\ud800b", "\udc00": ["\ude00\ud83d", "é😀"]}
    save_draft(payload, path)
    assert load_draft(path) == (payload, None)
    assert "é" in path.read_text(encoding="utf-8")  # readable, not all escaped


def test_a_bot_token_is_never_written_and_an_old_one_is_removed_once(tmp_path: Path) -> None:
    path = tmp_path / "draft.json"
    save_draft(
        {"text": "hi", "auth_token": "445da6az1s345z78-dazcczb2542zv51a-e0vc5fva17480im9"}, path
    )
    assert "auth_token" not in path.read_text(encoding="utf-8")
    path.write_text('{"text": "hi", "auth_token": "secret-token"}', encoding="utf-8")
    draft, problem = load_draft(path)
    assert draft == {"text": "hi"} and problem == BODY_TOKEN_NOTICE
    assert "secret-token" not in path.read_text(encoding="utf-8")
    assert load_draft(path) == ({"text": "hi"}, None)  # told once


@pytest.mark.parametrize(
    "bad",
    [
        {"name": "Prod", "api_url": "http://198.51.100.7/pa"},
        {"name": "Prod", "api_url": "https://example.com/pa", "sender_name": "\ud800"},
    ],
)
def test_a_damaged_active_profile_leaves_the_sandbox_active(tmp_path: Path, bad: object) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"profiles": [bad], "active_profile": "Prod"}), encoding="utf-8")
    store = SettingsStore(path)
    settings = store.load()
    assert settings.active_profile == SANDBOX_PROFILE and settings.profiles == []
    assert "the active profile 'Prod' is not among the usable profiles" in _plain(store.problem)
    assert f"the {SANDBOX_PROFILE} profile is active now" in (store.problem or "")
    again = SettingsStore(path)
    assert again.load().active_profile == SANDBOX_PROFILE and again.problem is None


def test_an_active_profile_that_exists_is_kept(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    good = {"name": "Prod", "api_url": "https://example.com/pa"}
    path.write_text(json.dumps({"profiles": [good], "active_profile": "Prod"}), encoding="utf-8")
    store = SettingsStore(path)
    assert store.load().active_profile == "Prod" and store.problem is None
