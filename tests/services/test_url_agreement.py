"""The host core checks is the host requests/urllib3 connect to, for every URL core accepts."""

import contextlib
import ipaddress
from urllib.parse import urlsplit

import pytest
import requests
from hypothesis import given, settings
from hypothesis import strategies as st
from urllib3.util import parse_url

from viber_desktop.core import endpoints
from viber_desktop.core.endpoints import ApiUrl, UnsafeUrl, endpoint_url, parse_base_url
from viber_desktop.services import viber_client
from viber_desktop.services.viber_client import UnsafeUrlError, ViberClient

TRICKY = [
    "http://192.0.2.2:18200\\@127.0.0.1/pa",
    "http://127.0.0.1:80@192.0.2.2/pa",
    "http://127.0.0.1%2f@192.0.2.2/",
    "http://127.0.0.1#@192.0.2.2/pa",
    "http://127.0.0.1?@192.0.2.2/",
    "http://127.0.0.1\t.192.0.2.2/pa",
    "http://[::1%25eth0]:1/pa",
    "http://[::ffff:127.0.0.1]/pa",
    "http://[0:0:0:0:0:0:0:1]:8/pa",
    "HTTP://LOCALHOST:1/pa",
    "http://127.0.0.1:/pa",
    "http://127.0.0.1:080/pa",
    "http://ex%61mple.com/pa",
    "http://127.1/pa",
    "https://bücher.example/pa",
    "https://chatapi.viber.com/pa/../x",
    "https://chatapi.viber.com:443/pa",
    "http://127.0.0.1/pa/%2e%2e/%40x",
    "http://127.0.0.1/pa;@x:y",
]


def connected(url: str) -> tuple[str | None, str, int | None]:
    """Scheme, host, port of the request requests would actually send."""
    prepared = requests.Request("POST", endpoint_url(url, "send_message")).prepare()
    parts = parse_url(prepared.url or "")
    host = (parts.host or "").strip("[]").lower()
    with contextlib.suppress(ValueError):
        host = str(ipaddress.ip_address(host))
    return parts.scheme, host, parts.port


def assert_agrees(url: str) -> None:
    try:
        api = parse_base_url(url)
    except UnsafeUrl:
        return
    assert connected(url) == (api.scheme, api.host, api.port), url


@pytest.mark.parametrize("url", TRICKY)
def test_tricky_urls_are_refused_or_agree(url: str) -> None:
    assert_agrees(url)


PIECES = st.sampled_from(
    ["127.0.0.1", "localhost", "[::1]", "192.0.2.2", "x.example", ":", ":80", "@", "\\", "/",
     "%2f", "%40", "?", "#", ";", "[", "]", ".", "..", "\t", " ", "\x00", "ü", "0x7f", "pa"]
)  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.sampled_from(["http://", "https://", "HTTP://"]), st.lists(PIECES, max_size=8))
def test_any_accepted_url_connects_to_the_checked_host(scheme: str, pieces: list[str]) -> None:
    assert_agrees(scheme + "".join(pieces))


def test_the_bypass_is_refused_before_any_connection() -> None:
    with pytest.raises(UnsafeUrlError, match=r"not safe to send a token to.*backslash"):
        ViberClient("http://192.0.2.2:18200\\@127.0.0.1/pa", "token-value-123")


def test_the_client_checks_the_host_again_with_urllib3(monkeypatch: pytest.MonkeyPatch) -> None:
    """Second line of defence: were core's rule ever to let an ambiguous URL through
    (simulated here by the old urlsplit-based parser), the client still refuses it."""

    def lenient(url: str) -> ApiUrl:
        parts = urlsplit(url)
        return ApiUrl(parts.scheme, parts.hostname or "", parts.port, parts.path)

    monkeypatch.setattr(viber_client, "parse_base_url", lenient)
    with pytest.raises(UnsafeUrlError, match="different server"):
        ViberClient("http://192.0.2.2:18200\\@127.0.0.1/pa", "token-value-123")
    assert endpoints.parse_base_url is not lenient
