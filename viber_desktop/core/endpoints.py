"""API base URLs and the rule for which ones may be used."""

import ipaddress
from typing import Final
from urllib.parse import urlsplit

DEFAULT_API_URL: Final = "https://chatapi.viber.com/pa"
AUTH_HEADER: Final = "X-Viber-Auth-Token"
CONTENT_TYPE: Final = "application/json; charset=utf-8"


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


def base_url_problem(url: str) -> str | None:
    """Return why ``url`` may not be used as an API base URL, or None when it may."""
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError:
        return f"{url!r} is not a valid URL"
    if parts.scheme not in ("http", "https") or not host:
        return f"{url!r} is not an http(s) URL with a host"
    if parts.scheme == "http" and not is_loopback_host(host):
        return (
            f"{url!r} is plain http to a host that is not this computer; the token would travel "
            "unencrypted. Use https (plain http is allowed only for 127.0.0.1, ::1, localhost)."
        )
    return None


def endpoint_url(base_url: str, endpoint: str) -> str:
    """Join the base URL and an endpoint name such as ``send_message``."""
    return base_url.rstrip("/") + "/" + endpoint
