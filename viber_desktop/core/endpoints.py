"""API base URLs and the rule for which ones may be used.

Trap: the host checked here must be the host the client connects to. requests/urllib3 parse
URLs differently from :mod:`urllib.parse` (a backslash ends urllib3's host, not urlsplit's), and
core may not import urllib3. So the parser below is strict: it refuses every URL on which two
parsers could disagree (userinfo, backslashes, escapes, whitespace, query, fragment, odd ports,
odd hosts), and the client re-checks the host with urllib3 before anything is sent.
"""

import ipaddress
import math
from collections.abc import Callable
from typing import Final, NamedTuple

from viber_desktop.core.i18n import N_, _, number
from viber_desktop.core.patterns import lazy_pattern

DEFAULT_API_URL: Final = "https://chatapi.viber.com/pa"
AUTH_HEADER: Final = "X-Viber-Auth-Token"
CONTENT_TYPE: Final = "application/json; charset=utf-8"

MAX_URL_LENGTH: Final = 2000
MAX_TIMEOUT: Final = 3600
MIN_TIMEOUT: Final = 0.001
UNSAFE_URL: Final = N_("This address is not safe to send a token to")

_SCHEME = lazy_pattern(r"(?i)(https?)://")
_LABEL = lazy_pattern(r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?")
_PORT = lazy_pattern(r"[1-9][0-9]{0,4}")
_PATH = lazy_pattern(r"(?:/(?:[A-Za-z0-9._~!$&'()*+,;=:-]|%[0-9A-Fa-f]{2})*)*")
_NUMBERISH = lazy_pattern(r"(?i)[0-9.]+|0x[0-9a-f.x]*")


class ApiUrl(NamedTuple):
    """A base URL that passed :func:`parse_base_url`: the parts the client connects with."""

    scheme: str
    host: str
    """Lower case; an IPv6 address without its brackets."""
    port: int | None
    path: str

    @property
    def is_loopback(self) -> bool:
        return is_loopback_host(self.host)


class UnsafeUrl(ValueError):
    """The URL may not carry a token; the message says why and what to do, in plain words."""


def is_loopback_host(host: str | None) -> bool:
    """True for localhost, 127.0.0.0/8 and ::1."""
    if not host:
        return False
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _shown(url: str) -> str:
    """The URL as a message shows it: escaped (control characters, lone surrogates), bounded."""
    text = repr(url[:200])
    if len(url) <= 200:
        return text
    return text + " " + _("(cut at 200 of {count} characters)").format(count=number(len(url)))


def parse_base_url(url: str) -> ApiUrl:
    """Split an API base URL into its parts; raise UnsafeUrl unless it is plain and safe."""
    if not isinstance(url, str) or not url:
        raise UnsafeUrl(
            _("{unsafe}: it is empty. Enter an address such as {example}.").format(
                unsafe=_(UNSAFE_URL), example=DEFAULT_API_URL
            )
        )
    shown = _shown(url)

    def refuse(why: str) -> UnsafeUrl:
        return UnsafeUrl(f"{_(UNSAFE_URL)}: {shown} {why}")

    if len(url) > MAX_URL_LENGTH:
        raise refuse(_("is longer than {count} characters.").format(count=number(MAX_URL_LENGTH)))
    if any(not ("!" <= c <= "~") for c in url):
        raise refuse(
            _(
                "contains spaces, control characters or letters outside plain ASCII. "
                "Type the address again by hand."
            )
        )
    if "\\" in url:
        raise refuse(_("contains a backslash. Use forward slashes only."))
    if "@" in url:
        raise refuse(
            _(
                "contains '@' (a user name or password in the address can hide the real "
                "server). Remove everything up to and including the '@'."
            )
        )
    if "?" in url or "#" in url:
        raise refuse(
            _("contains '?' or '#'. Give the base address only, such as {example}").format(
                example=DEFAULT_API_URL
            )
        )
    scheme_match = _SCHEME().match(url)
    if not scheme_match:
        raise refuse(
            _("does not start with https:// (for example {example}).").format(
                example=DEFAULT_API_URL
            )
        )
    scheme = scheme_match.group(1).lower()
    rest = url[scheme_match.end() :]
    slash = rest.find("/")
    authority, path = (rest, "") if slash < 0 else (rest[:slash], rest[slash:])
    host, port = _split_authority(authority, refuse)
    if not _PATH().fullmatch(path):
        raise refuse(_("has a path with characters or escapes that are not allowed."))
    if scheme == "http" and not is_loopback_host(host):
        raise refuse(
            _(
                "is plain http to a server that is not this computer: the token would travel "
                "unencrypted. Use https (plain http is allowed only for 127.0.0.1, ::1 and "
                "localhost)."
            )
        )
    return ApiUrl(scheme, host, port, path)


def _split_authority(authority: str, refuse: Callable[[str], UnsafeUrl]) -> tuple[str, int | None]:
    if "%" in authority:
        raise refuse(_("has a '%' escape in the server name. Type the name plainly."))
    port_text: str | None = None
    if authority.startswith("["):
        end = authority.find("]")
        if end < 0:
            raise refuse(_("has a '[' without its ']'."))
        host, after = authority[1:end], authority[end + 1 :]
        if after:
            if not after.startswith(":"):
                raise refuse(_("has something after the ']' that is not a port."))
            port_text = after[1:]
        try:
            host = str(ipaddress.IPv6Address(host))
        except ValueError:
            raise refuse(_("has an IPv6 address in brackets that is not valid.")) from None
    else:
        host, colon, port_text_or_empty = authority.partition(":")
        if colon:
            port_text = port_text_or_empty
        host = host.lower()
        if not host:
            raise refuse(_("has no server name."))
        if len(host) > 253 or not all(_LABEL().fullmatch(label) for label in host.split(".")):
            raise refuse(_("has a server name with characters or dots that are not allowed."))
        if _NUMBERISH().fullmatch(host):
            try:
                ipaddress.IPv4Address(host)
            except ValueError:
                raise refuse(
                    _(
                        "has a server name that looks like a number but is not a plain IP "
                        "address (write it as four numbers, such as 127.0.0.1)."
                    )
                ) from None
    if port_text is None:
        return host, None
    if not _PORT().fullmatch(port_text) or int(port_text) > 65535:
        raise refuse(_("has a port that is not a number from 1 to 65535."))
    return host, int(port_text)


def timeout_problem(value: object, what: str = "") -> str | None:
    """Why ``value`` cannot be a timeout in seconds (nan, infinite, under 1 ms, huge), or None."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        text = _("The {what} must be a number of seconds, such as 20.")
    elif (isinstance(value, float) and not math.isfinite(value)) or value <= 0:
        text = _("The {what} must be a number of seconds above 0, such as 20.")
    elif value < MIN_TIMEOUT:
        text = _("The {what} must be at least {low} seconds (one millisecond), such as 20.")
    elif value > MAX_TIMEOUT:
        text = _("The {what} must be at most {high} seconds (one hour).")
    else:
        return None
    return text.format(what=what or _("timeout"), low=f"{MIN_TIMEOUT:g}", high=number(MAX_TIMEOUT))


def base_url_problem(url: str) -> str | None:
    """Return why ``url`` may not be used as an API base URL, or None when it may."""
    try:
        parse_base_url(url)
    except UnsafeUrl as exc:
        return str(exc)
    return None


def endpoint_url(base_url: str, endpoint: str) -> str:
    """Join the base URL and an endpoint name such as ``send_message``."""
    return base_url.rstrip("/") + "/" + endpoint
