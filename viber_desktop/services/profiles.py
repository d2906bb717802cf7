"""Adding, choosing and removing bot profiles: the rules the CLI and the window share.

Each operation changes a :class:`Settings` in memory; the caller saves it (the CLI at once,
the window through its own save). Every refusal is one plain sentence, the same in both.
"""

from collections.abc import Iterable

from viber_desktop.core.endpoints import DEFAULT_API_URL
from viber_desktop.core.i18n import _, ngettext
from viber_desktop.services.settings import (
    NAME_MAX,
    SANDBOX_PROFILE,
    Profile,
    Settings,
    validation_problem,
)
from viber_desktop.services.vault import TokenVault, VaultError, cannot


class ProfileError(Exception):
    """The operation was refused; the message says why and what to do."""


def _quoted(name: str) -> str:
    """A name as a message shows it: “Shop”, or escaped when it holds control characters."""
    return f"“{name}”" if name.isprintable() else repr(name[:60])


def name_problem(name: str, taken: Iterable[str]) -> str | None:
    """Why ``name`` cannot name a new profile, in one sentence, or None."""
    if not name.strip():
        return _("Give the profile a name, such as “Shop bot”.")
    if name in set(taken):
        return _("A profile named {name} already exists: choose another name.").format(
            name=_quoted(name)
        )
    if len(name) > NAME_MAX:
        return ngettext(
            "The profile name is too long: at most {limit} characters.",
            "The profile name is too long: at most {limit} characters.",
            NAME_MAX,
        ).format(limit=NAME_MAX)
    try:
        Profile(name=name)
    except ValueError:  # pydantic's ValidationError, imported only when a rule fails
        return _(
            "The profile name must be printable characters without spaces at the start or end."
        )
    return None


def _names(settings: Settings) -> list[str]:
    return [p.name for p in settings.all_profiles()]


def add_profile(
    settings: Settings,
    name: str,
    *,
    api_url: str = DEFAULT_API_URL,
    sender_name: str = "",
    sender_avatar: str = "",
    spell_language: str = "",
) -> Profile:
    """Add a profile (the active one stays); ProfileError names the first problem."""
    problem = name_problem(name, _names(settings))
    if problem:
        raise ProfileError(problem)
    try:
        profile = Profile(
            name=name,
            api_url=api_url,
            sender_name=sender_name,
            sender_avatar=sender_avatar,
            spell_language=spell_language,
        )
    except ValueError as exc:  # pydantic's ValidationError, imported only when a rule fails
        raise ProfileError(validation_problem(exc)) from None
    settings.profiles.append(profile)
    return profile


def use_profile(settings: Settings, name: str) -> Profile:
    """Make ``name`` the active profile."""
    try:
        profile = settings.profile(name)
    except KeyError:
        raise ProfileError(
            _("There is no profile named {name}.").format(name=_quoted(name))
        ) from None
    settings.active_profile = profile.name
    return profile


def removal_problem(settings: Settings, name: str) -> str | None:
    """Why ``name`` cannot be removed, in one sentence, or None."""
    if name == SANDBOX_PROFILE:
        return _("The built-in {name} profile cannot be removed.").format(name=SANDBOX_PROFILE)
    if name not in _names(settings):
        return _("There is no profile named {name}.").format(name=_quoted(name))
    return None


def remove_profile(settings: Settings, name: str) -> Profile:
    """Remove ``name``; if it was active, the Sandbox profile is active now.

    Its token stays in the keyring: delete it with :func:`delete_token` after saving.
    """
    problem = removal_problem(settings, name)
    if problem:
        raise ProfileError(problem)
    removed = settings.profile(name)
    settings.profiles = [p for p in settings.profiles if p.name != name]
    if settings.active_profile == name:
        settings.active_profile = SANDBOX_PROFILE
    return removed


def delete_token(vault: TokenVault, name: str) -> str | None:
    """Delete a removed profile's token from the keyring (none stored is fine).

    Returns None, or what to tell the user when the keyring refused. Blocks: keep it off the
    GUI thread.
    """
    try:
        vault.delete(name)
    except VaultError as exc:
        reason = str(exc).removeprefix(cannot("delete", "")).rstrip(".")
        return _(
            "The profile {name} is removed, but its token could not be deleted from the "
            "keyring: {reason}. It stays there under “viber-desktop” until you delete it with "
            "your system's keyring manager."
        ).format(name=_quoted(name), reason=reason)
    return None
