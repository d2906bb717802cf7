"""Payload builders for core tests."""

from typing import Any

from viber_desktop.core.checker import check_payload
from viber_desktop.core.findings import CheckReport, Finding


def base(kind: str | None = "text", **fields: Any) -> dict[str, Any]:
    msg: dict[str, Any] = {"receiver": "abc123==", "sender": {"name": "Shop"}}
    if kind is not None:
        msg["type"] = kind
    defaults: dict[str, dict[str, Any]] = {
        "text": {"text": "Hello"},
        "picture": {"text": "", "media": "https://example.com/a.jpg"},
        "video": {"media": "https://example.com/v.mp4", "size": 1000},
        "file": {"media": "https://example.com/r.pdf", "size": 1000, "file_name": "r.pdf"},
        "contact": {"contact": {"name": "Ann", "phone_number": "+15555555555"}},
        "location": {"location": {"lat": 37.7898, "lon": -122.3942}},
        "url": {"media": "https://example.com"},
        "sticker": {"sticker_id": 46105},
        "rich_media": {
            "min_api_version": 2,
            "rich_media": {
                "Type": "rich_media",
                "BgColor": "#FFFFFF",
                "Buttons": [
                    {
                        "ActionBody": "https://example.com",
                        "ActionType": "open-url",
                        "Text": "Buy",
                        "Columns": 6,
                        "Rows": 1,
                    }
                ],
            },
        },
    }
    if kind in defaults:
        msg.update(defaults[kind])
    msg.update(fields)
    return msg


def codes(report: CheckReport, path: str | None = None) -> list[str]:
    return [f.code for f in report.findings if path is None or f.path == path]


def only(report: CheckReport, path: str) -> Finding:
    found = report.at(path)
    assert len(found) == 1, report.findings
    return found[0]


def check(payload: Any) -> CheckReport:
    return check_payload(payload)
