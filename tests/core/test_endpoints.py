"""The base-URL rule: only plain, unambiguous addresses; plain http only to this computer."""

import math

import pytest

from viber_desktop.core.endpoints import (
    UNSAFE_URL,
    ApiUrl,
    base_url_problem,
    parse_base_url,
    timeout_problem,
)

BYPASS = "http://192.0.2.2:18200\\@127.0.0.1/pa"


@pytest.mark.parametrize(
    ("url", "parts"),
    [
        ("https://chatapi.viber.com/pa", ("https", "chatapi.viber.com", None, "/pa")),
        ("HTTPS://ChatAPI.Viber.com", ("https", "chatapi.viber.com", None, "")),
        ("http://127.0.0.1:8080/pa/", ("http", "127.0.0.1", 8080, "/pa/")),
        ("http://localhost:1/pa", ("http", "localhost", 1, "/pa")),
        ("http://[::1]:65535/pa", ("http", "::1", 65535, "/pa")),
        ("https://[2001:db8::1]/pa%20x", ("https", "2001:db8::1", None, "/pa%20x")),
    ],
)
def test_plain_addresses_are_accepted(url: str, parts: tuple[object, ...]) -> None:
    assert parse_base_url(url) == ApiUrl(*parts)  # type: ignore[arg-type]
    assert base_url_problem(url) is None


@pytest.mark.parametrize(
    ("url", "needle"),
    [
        (BYPASS, "backslash"),
        ("http://127.0.0.1:80@evil.example/pa", "'@'"),
        ("https://user:pw@chatapi.viber.com/pa", "'@'"),
        ("http://evil.example/@127.0.0.1", "'@'"),
        ("http://127.0.0.1#@evil.example/pa", "'@'"),
        ("http://127.0.0.1/pa#x", "'?' or '#'"),
        ("http://127.0.0.1?x=1", "'?' or '#'"),
        ("http://127.0.0.1\t/pa", "spaces"),
        ("http://127.0.0.1 /pa", "spaces"),
        ("http://127.0.0.1/p\x00a", "spaces"),
        ("https://bücher.example/pa", "ASCII"),
        ("http://\ud800/pa", "ASCII"),
        ("http://127.0.0.1%2f/pa", "'%'"),
        ("http://ex%61mple.com/pa", "'%'"),
        ("http://[::1%25eth0]:1/pa", "'%'"),
        ("http:///pa", "no server name"),
        ("http://:80/pa", "no server name"),
        ("http://127.0.0.1:/pa", "port"),
        ("http://127.0.0.1:080/pa", "port"),
        ("http://127.0.0.1:0/pa", "port"),
        ("http://127.0.0.1:65536/pa", "port"),
        ("http://127.0.0.1:8o/pa", "port"),
        ("http://[::1]x/pa", "after the ']'"),
        ("http://[::1/pa", "without its ']'"),
        ("http://[::g]/pa", "IPv6"),
        ("http://127.1/pa", "looks like a number"),
        ("http://0x7f000001/pa", "looks like a number"),
        ("http://localhost./pa", "dots"),
        ("http://-x.example/pa", "server name"),
        ("http://127.0.0.1/pa/%zz", "path"),
        ("ftp://127.0.0.1/pa", "https://"),
        ("not a url", "spaces"),
        ("127.0.0.1/pa", "https://"),
        ("http://chatapi.viber.com/pa", "plain http"),
        ("http://10.0.0.1/pa", "plain http"),
        ("", "empty"),
        ("https://x.example/" + "a" * 3000, "longer than"),
    ],
)
def test_ambiguous_or_unsafe_addresses_are_refused(url: str, needle: str) -> None:
    problem = base_url_problem(url)
    assert problem is not None
    assert problem.startswith(UNSAFE_URL)
    assert needle in problem
    assert len(problem) < 600  # the URL is shown cut, not whole


def test_the_message_shows_control_characters_escaped() -> None:
    problem = base_url_problem("http://127.0.0.1\x1b[2J/pa") or ""
    assert "\x1b" not in problem and "\\x1b" in problem


@pytest.mark.parametrize("value", [math.nan, math.inf, -math.inf, 0, -1, 0.0, 10**400, "5", True])
def test_timeouts_must_be_positive_finite_numbers(value: object) -> None:
    problem = timeout_problem(value, "read timeout")
    assert problem is not None and problem.startswith("The read timeout must be")


@pytest.mark.parametrize("value", [0.001, 3, 20.0, 3600])
def test_reasonable_timeouts_pass(value: float) -> None:
    assert timeout_problem(value) is None
