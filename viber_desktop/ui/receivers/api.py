"""Reaching the bot's API for lookups and online states (called inside tasks only)."""

from typing import TYPE_CHECKING

from viber_desktop.services.sending import SendRefused, resolve_target
from viber_desktop.services.settings import Profile
from viber_desktop.ui.context import AppContext

if TYPE_CHECKING:
    from viber_desktop.services.viber_client import ViberClient


def client_for(ctx: AppContext, profile: Profile) -> "ViberClient":
    """A client for ``profile`` (blocking: the keyring, the sandbox's start); a profile
    that cannot be reached is a ReceiverError saying why, before anything is asked."""
    # Trap: imported here, not above: requests must stay off the window's start.
    from viber_desktop.services.receivers import ReceiverError
    from viber_desktop.services.viber_client import BadTokenError, UnsafeUrlError, ViberClient

    try:
        target = resolve_target(
            profile,
            sandbox=ctx.sandbox,
            vault=ctx.vault,
            session_token=ctx.session_tokens.get(profile.name),
        )
        return ViberClient(
            target.base_url,
            target.token,
            connect_timeout=ctx.settings.connect_timeout,
            read_timeout=ctx.settings.read_timeout,
        )
    except (SendRefused, UnsafeUrlError, BadTokenError, ValueError) as exc:
        why = str(exc)
        raise ReceiverError(f"{why[:1].upper()}{why[1:]}; nothing was asked.") from None


def problem_text(exc: Exception) -> str:
    """A failed task in words: the book's own sentences, else a plain fallback."""
    from viber_desktop.services.receivers import ReceiverError  # off the start (issue 16)

    if isinstance(exc, ReceiverError):
        return str(exc)
    return f"The app ran into a problem of its own ({type(exc).__name__}); nothing was changed."
