"""The request-size rule: UTF-8 bytes of the compact body."""

import json
from typing import Any

from tests.core.helpers import base, check, codes, only
from viber_desktop.core import limits
from viber_desktop.core.text import body_bytes


def sized(total: int, unit: str = "a") -> dict[str, Any]:
    """A valid message of exactly ``total`` bytes (the filler is a button's Text, cropped)."""
    button = {"ActionBody": "x", "Text": ""}
    msg = base("text", keyboard={"Type": "keyboard", "Buttons": [button]})
    overhead = len(body_bytes(msg))
    button["Text"] = unit * ((total - overhead) // len(unit.encode()))
    assert len(body_bytes(msg)) == total
    return msg


def test_bytes_are_compact_utf8() -> None:
    msg = base("text", text="Привет 😀")
    assert check(msg).bytes == len(
        json.dumps(msg, ensure_ascii=False, separators=(",", ":")).encode()
    )


def test_at_30000_no_finding_then_warning_then_error() -> None:
    assert codes(check(sized(limits.REQUEST_BYTES_WARN)), "") == []
    warn = only(check(sized(limits.REQUEST_BYTES_WARN + 1)), "")
    assert (warn.severity, warn.code) == ("warning", "request_size_grey_zone")
    assert check(sized(limits.REQUEST_BYTES_MAX)).ok
    err = only(
        check(
            base(
                "text",
                text="a" * 6999,
                tracking_data="b" * 4000,
                keyboard={
                    "Type": "keyboard",
                    "Buttons": [{"ActionBody": "x", "Text": "t" * 500}] * 40,
                },
            )
        ),
        "",
    )
    assert (err.severity, err.code, err.limit) == ("error", "request_too_large", 30720)


def test_exactly_one_over_the_limit() -> None:
    finding = only(check(sized(limits.REQUEST_BYTES_MAX + 1, "a")), "")
    assert (finding.code, finding.used, finding.limit) == ("request_too_large", 30721, 30720)


def test_multibyte_counts_bytes_not_characters() -> None:
    msg = base("text", text="😀" * 1000)
    assert check(msg).bytes == len(body_bytes(msg)) > 4000


def test_utf8_fits_where_ascii_escaping_would_not() -> None:
    msg = base("text", text="Ж" * 6000, tracking_data="Ж" * 3000)
    report = check(msg)
    escaped = len(json.dumps(msg, separators=(",", ":")).encode())
    assert escaped > limits.REQUEST_BYTES_MAX
    assert report.bytes < limits.REQUEST_BYTES_MAX
    assert report.ok
