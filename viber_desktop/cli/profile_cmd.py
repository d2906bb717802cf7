"""``viber-desktop profile ...`` and ``viber-desktop token ...``."""

import argparse
import getpass
import sys

from viber_desktop.cli import (
    EXIT_FINDINGS,
    EXIT_OK,
    EXIT_TRANSPORT,
    EXIT_USAGE,
    CliError,
    Subparsers,
)
from viber_desktop.cli.output import say
from viber_desktop.core.redact import mask_token
from viber_desktop.sandbox.local import LocalSandbox
from viber_desktop.services.profiles import (
    ProfileError,
    add_profile,
    delete_token,
    remove_profile,
    use_profile,
)
from viber_desktop.services.sending import SendRefused, resolve_target
from viber_desktop.services.settings import Profile, Settings, SettingsError, SettingsStore
from viber_desktop.services.vault import TokenVault, VaultError
from viber_desktop.services.viber_client import BadTokenError, UnsafeUrlError, ViberClient


def register_profile(sub: Subparsers) -> None:
    p = sub.add_parser("profile", help="list, add or remove bot profiles")
    ps = p.add_subparsers(dest="action", required=True, metavar="ACTION")
    ps.add_parser("list", help="list profiles").set_defaults(func=profile_list)
    add = ps.add_parser("add", help="add a profile")
    add.add_argument("name")
    add.add_argument("--api-url", default=None, help="API base URL (default: Viber's)")
    add.add_argument("--sender-name", default="", help="default sender name")
    add.add_argument("--sender-avatar", default="", help="default sender avatar URL")
    add.set_defaults(func=profile_add)
    rm = ps.add_parser("remove", help="remove a profile and its stored token")
    rm.add_argument("name")
    rm.set_defaults(func=profile_remove)
    use = ps.add_parser("use", help="make a profile the active one")
    use.add_argument("name")
    use.set_defaults(func=profile_use)


def register_token(sub: Subparsers) -> None:
    p = sub.add_parser("token", help="store, inspect or delete a bot token in the OS keyring")
    ps = p.add_subparsers(dest="action", required=True, metavar="ACTION")
    for name, func, text in (
        ("set", token_set, "store a token read from standard input (never the command line)"),
        ("status", token_status, "say whether a token is stored, masked"),
        ("delete", token_delete, "delete the stored token"),
    ):
        sp = ps.add_parser(name, help=text)
        sp.add_argument("--profile", help="profile (default: the active one)")
        if name == "status":
            sp.add_argument(
                "--check", action="store_true", help="ask get_account_info and show the bot's name"
            )
        sp.set_defaults(func=func)


def _load() -> tuple[SettingsStore, Settings]:
    store = SettingsStore()
    try:
        settings = store.load()
    except SettingsError as exc:
        raise CliError(str(exc)) from None
    if store.problem:
        say(f"warning: {store.problem}", err=True)
    return store, settings


def _profile(args: argparse.Namespace) -> Profile:
    _, settings = _load()
    name = args.profile or settings.active_profile
    try:
        return settings.profile(name)
    except KeyError:
        raise CliError(f"no profile named {name!r}; see 'viber-desktop profile list'") from None


def profile_list(args: argparse.Namespace) -> int:
    _, settings = _load()
    for p in settings.all_profiles():
        mark = "*" if p.name == settings.active_profile else " "
        url = "(built-in sandbox)" if p.is_sandbox else p.api_url
        say(f"{mark} {p.name}\t{url}")
    return EXIT_OK


def profile_add(args: argparse.Namespace) -> int:
    store, settings = _load()
    try:
        profile = add_profile(
            settings,
            args.name,
            sender_name=args.sender_name,
            sender_avatar=args.sender_avatar,
            **({"api_url": args.api_url} if args.api_url else {}),
        )
    except ProfileError as exc:
        raise CliError(str(exc)) from None
    store.save(settings)
    say(
        f"added profile {profile.name!r} ({profile.api_url}); store its token with "
        f"'viber-desktop token set --profile {profile.name}'"
    )
    return EXIT_OK


def profile_remove(args: argparse.Namespace) -> int:
    store, settings = _load()
    try:
        remove_profile(settings, args.name)
    except ProfileError as exc:
        raise CliError(str(exc)) from None
    store.save(settings)
    problem = delete_token(TokenVault(), args.name)
    if problem:
        say(f"warning: {problem}", err=True)
    say(f"removed profile {args.name!r}")
    return EXIT_OK


def profile_use(args: argparse.Namespace) -> int:
    store, settings = _load()
    try:
        use_profile(settings, args.name)
    except ProfileError as exc:
        raise CliError(str(exc)) from None
    store.save(settings)
    say(f"active profile: {args.name}")
    return EXIT_OK


def token_set(args: argparse.Namespace) -> int:
    profile = _profile(args)
    if profile.is_sandbox:
        raise CliError("the Sandbox profile needs no token")
    if sys.stdin.isatty():
        token = getpass.getpass(f"Token for {profile.name} (input hidden): ")
    else:
        token = sys.stdin.readline()
    token = token.strip()
    if not token:
        raise CliError("no token on standard input")
    try:
        TokenVault().set(profile.name, token)
    except VaultError as exc:
        raise CliError(str(exc)) from None
    say(f"token stored in the OS keyring for {profile.name!r}: {mask_token(token)}")
    return EXIT_OK


def token_status(args: argparse.Namespace) -> int:
    profile = _profile(args)
    if profile.is_sandbox:
        say("Sandbox: built-in token, nothing stored")
        token: str | None = None
    else:
        try:
            token = TokenVault().get(profile.name)
        except VaultError as exc:
            raise CliError(str(exc)) from None
        if not token:
            say(f"{profile.name}: no token stored")
            return EXIT_FINDINGS
        say(f"{profile.name}: token stored {mask_token(token)}")
    if args.check:
        with LocalSandbox() as sandbox:
            try:
                target = resolve_target(profile, sandbox=sandbox, session_token=token)
                client = ViberClient(target.base_url, target.token)
            except (SendRefused, UnsafeUrlError, BadTokenError) as exc:
                raise CliError(str(exc), EXIT_USAGE) from None
            result = client.get_account_info()
            client.close()
        if result.outcome == "ok" and result.data:
            say(
                f"valid: bot {result.data.get('name')!r}, "
                f"{result.data.get('subscribers_count', '?')} subscribers"
            )
            return EXIT_OK
        say(
            f"check failed: {result.outcome} {result.status_name or ''} "
            f"{result.status_message or result.error or ''}".rstrip()
        )
        return EXIT_FINDINGS if result.outcome == "api_error" else EXIT_TRANSPORT
    return EXIT_OK


def token_delete(args: argparse.Namespace) -> int:
    profile = _profile(args)
    try:
        deleted = TokenVault().delete(profile.name)
    except VaultError as exc:
        raise CliError(str(exc)) from None
    say(f"{profile.name}: token deleted" if deleted else f"{profile.name}: no token stored")
    return EXIT_OK
