"""Any JSON value gives findings, never an exception."""

import json
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.core.helpers import base
from viber_desktop.core.checker import check_payload

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=5)
    ),
    max_leaves=25,
)

KEYS = [
    "receiver",
    "type",
    "sender",
    "name",
    "avatar",
    "text",
    "media",
    "keyboard",
    "Buttons",
    "Type",
    "Columns",
    "Rows",
    "ActionBody",
    "ActionType",
    "rich_media",
    "contact",
    "location",
    "lat",
    "lon",
    "size",
    "file_name",
    "sticker_id",
    "min_api_version",
    "tracking_data",
    "TextPaddings",
    "Frame",
    "InternalBrowser",
    "Map",
    "Latitude",
    "Longitude",
    "auth_token",
    "thumbnail",
    "Silent",
    "Text",
    "TextSize",
    "ActionPredefinedURL",
    "ButtonsGroupColumns",
    "ButtonsGroupRows",
]
shaped = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.text(max_size=30)
    | st.sampled_from(
        [
            *("text", "keyboard", "rich_media", "share-phone", "open-url", "#FFFFFF"),
            *(
                "payment",
                "buy",
                "viber://chats",
                "6",
                "-1",
                "true",
                "12.5",
                "medium",
                "+380501234567",
            ),
            *('<font size="40">a</font>', "<font size=²>", "https://x.com/a.jpg"),
        ]
    ),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(st.sampled_from(KEYS), children, max_size=6)
    ),
    max_leaves=40,
)


@given(json_values)
@settings(max_examples=300, deadline=None)
def test_arbitrary_json_never_raises(value: Any) -> None:
    report = check_payload(value)
    json.dumps(report.as_json())
    assert report.bytes > 0


@given(shaped)
@settings(max_examples=300, deadline=None)
def test_payload_shaped_values_never_raise(value: Any) -> None:
    check_payload(value)


@given(st.dictionaries(st.sampled_from(KEYS), shaped, max_size=8))
@settings(max_examples=300, deadline=None)
def test_mutated_messages_never_raise(extra: dict[str, Any]) -> None:
    for kind in ("text", "rich_media", "contact", "location", "file", None):
        check_payload({**base(kind), **extra})


def test_deep_nesting_is_a_finding_with_an_exact_size() -> None:
    import sys

    from viber_desktop.core.text import compact_json

    depth = sys.getrecursionlimit() + 100  # deeper than json.dumps can go
    inner: Any = "x😀"
    for i in range(depth):
        inner = [inner, i] if i % 2 else {"k": inner}
    payload = {"receiver": "r", "type": "text", "text": "t", "sender": {"name": "s"}, "deep": inner}
    report = check_payload(payload)
    assert "too_deeply_nested" in {f.code for f in report.errors}
    old = sys.getrecursionlimit()
    sys.setrecursionlimit(old + 2000)
    try:
        expected = len(compact_json(payload).encode("utf-8"))
    finally:
        sys.setrecursionlimit(old)
    assert report.bytes == expected
