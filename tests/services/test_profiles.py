"""Profile rules (add, use, remove, the token after removal): one sentence for each refusal."""

import keyring
import pytest

from tests.conftest import MemoryKeyring
from tests.services.test_vault import FailingKeyring
from viber_desktop.services.profiles import (
    ProfileError,
    add_profile,
    delete_token,
    name_problem,
    removal_problem,
    remove_profile,
    use_profile,
)
from viber_desktop.services.settings import SANDBOX_PROFILE, Profile, Settings
from viber_desktop.services.vault import TokenVault


def with_shop(active: str = SANDBOX_PROFILE) -> Settings:
    return Settings(profiles=[Profile(name="Shop")], active_profile=active)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("", "Give the profile a name, such as “Shop bot”."),
        ("   ", "Give the profile a name, such as “Shop bot”."),
        ("Shop", "A profile named “Shop” already exists: choose another name."),
        ("Sandbox", "A profile named “Sandbox” already exists: choose another name."),
        ("x" * 65, "The profile name is too long: at most 64 characters."),
        (
            " Prod",
            "The profile name must be printable characters without spaces at the start or end.",
        ),
        (
            "Pro\x07d",
            "The profile name must be printable characters without spaces at the start or end.",
        ),
    ],
)
def test_a_refused_name_leaves_the_settings_as_they_were(name: str, expected: str) -> None:
    settings = with_shop()
    assert name_problem(name, ["Sandbox", "Shop"]) == expected
    with pytest.raises(ProfileError) as caught:
        add_profile(settings, name)
    assert str(caught.value) == expected
    assert settings == with_shop()


@pytest.mark.parametrize("name", ["x" * 64, "Shop 2", "shop", "Магазин 🛍"])
def test_a_good_name_is_added_and_the_active_profile_stays(name: str) -> None:
    settings = with_shop()
    profile = add_profile(settings, name, sender_name="Shop")
    assert settings.profiles[-1] == profile and profile.name == name
    assert settings.active_profile == SANDBOX_PROFILE


def test_a_bad_address_names_the_setting_in_plain_words() -> None:
    settings = with_shop()
    with pytest.raises(ProfileError) as caught:
        add_profile(settings, "Prod", api_url="http://example.com/pa")
    assert str(caught.value).startswith("the setting 'api_url' cannot be used: ")
    assert "pydantic" not in str(caught.value) and settings == with_shop()


def test_use_refuses_an_unknown_name_and_keeps_the_active_one() -> None:
    settings = with_shop("Shop")
    with pytest.raises(ProfileError, match=r"^There is no profile named “Nope”\.$"):
        use_profile(settings, "Nope")
    with pytest.raises(ProfileError, match=r"^There is no profile named 'a\\x1b\[2J'\.$"):
        use_profile(settings, "a\x1b[2J")
    assert settings.active_profile == "Shop"
    assert use_profile(settings, SANDBOX_PROFILE).is_sandbox
    assert settings.active_profile == SANDBOX_PROFILE


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        (SANDBOX_PROFILE, "The built-in Sandbox profile cannot be removed."),
        ("Nope", "There is no profile named “Nope”."),
    ],
)
def test_the_sandbox_and_unknown_names_cannot_be_removed(name: str, expected: str) -> None:
    settings = with_shop("Shop")
    assert removal_problem(settings, name) == expected
    with pytest.raises(ProfileError) as caught:
        remove_profile(settings, name)
    assert str(caught.value) == expected
    assert settings == with_shop("Shop")


@pytest.mark.parametrize(("active", "after"), [("Shop", SANDBOX_PROFILE), ("Other", "Other")])
def test_removing_the_active_profile_falls_back_to_the_sandbox(active: str, after: str) -> None:
    settings = Settings(
        profiles=[Profile(name="Shop"), Profile(name="Other")], active_profile=active
    )
    assert removal_problem(settings, "Shop") is None
    assert remove_profile(settings, "Shop").name == "Shop"
    assert [p.name for p in settings.profiles] == ["Other"]
    assert settings.active_profile == after


def test_delete_token_removes_it_and_none_stored_is_fine(memory_keyring: MemoryKeyring) -> None:
    memory_keyring.items[("viber-desktop", "Shop")] = "shop-token-1234567890"
    memory_keyring.items[("viber-desktop", "Other")] = "other-token-1234567890"
    assert delete_token(TokenVault(), "Shop") is None
    assert delete_token(TokenVault(), "Shop") is None
    assert memory_keyring.items == {("viber-desktop", "Other"): "other-token-1234567890"}


def test_a_locked_keyring_is_one_sentence_naming_the_profile() -> None:
    keyring.set_keyring(FailingKeyring(keyring.errors.KeyringLocked("locked")))
    problem = delete_token(TokenVault(), "Shop") or ""
    assert problem.startswith(
        "The profile “Shop” is removed, but its token could not be deleted from the keyring: "
        "the keyring is locked; unlock it"
    )
    assert "cannot delete the token" not in problem and ".." not in problem
    assert problem.endswith("until you delete it with your system's keyring manager.")
