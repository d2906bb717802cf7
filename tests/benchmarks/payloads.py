"""A 30 KB rich-media payload with a keyboard, shared by the benchmarks."""

from typing import Any

from viber_desktop.core import limits
from viber_desktop.core.text import body_bytes


def big_rich_media(target: int = 30_000) -> dict[str, Any]:
    """A valid rich-media message with a keyboard, padded close to ``target`` bytes."""
    buttons = []
    for card in range(6):
        buttons.append(
            {
                "Columns": 6,
                "Rows": 3,
                "ActionType": "open-url",
                "ActionBody": f"https://example.com/item/{card}",
                "Image": f"https://example.com/img/{card}.jpg",
                "BgColor": "#FFFFFF",
            }
        )
        buttons.append(
            {
                "Columns": 6,
                "Rows": 2,
                "ActionType": "reply",
                "ActionBody": f"details-{card}",
                "Text": "",
                "TextSize": "regular",
                "TextHAlign": "left",
                "TextVAlign": "top",
                "BgColor": "#F5F5F5",
            }
        )
        buttons.append(
            {
                "Columns": 3,
                "Rows": 1,
                "ActionType": "reply",
                "ActionBody": f"buy-{card}",
                "Text": "<b>Купить</b> 🛒",
                "BgColor": "#7360F2",
            }
        )
        buttons.append(
            {
                "Columns": 3,
                "Rows": 1,
                "ActionType": "open-url",
                "ActionBody": f"https://example.com/more/{card}",
                "Text": "More",
                "BgColor": "#E8E4FF",
            }
        )
    msg: dict[str, Any] = {
        "receiver": "sandbox-user-1",
        "min_api_version": 2,
        "type": "rich_media",
        "sender": {"name": "Benchmark Shop", "avatar": "https://example.com/a.jpg"},
        "tracking_data": "",
        "alt_text": "Catalogue",
        "rich_media": {
            "Type": "rich_media",
            "ButtonsGroupColumns": 6,
            "ButtonsGroupRows": 7,
            "BgColor": "#FFFFFF",
            "Buttons": buttons,
        },
        "keyboard": {
            "Type": "keyboard",
            "Buttons": [
                {
                    "Columns": 2,
                    "Rows": 1,
                    "ActionBody": f"menu-{i}",
                    "Text": f"Меню {i} 😀",
                    "BgColor": "#DDDDDD",
                }
                for i in range(12)
            ],
        },
    }
    for card in range(6):  # descriptions up to the 250-character button limit
        msg["rich_media"]["Buttons"][1 + 4 * card]["Text"] = ("Описание товара. " * 14)[:240]
    msg["tracking_data"] = "campaign=spring;" * 240  # 3,840 characters
    pad = msg["keyboard"]["Buttons"]
    i = 0
    while len(body_bytes(msg)) < target:
        button = pad[i % len(pad)]
        if len(button["ActionBody"]) + 13 > limits.ACTION_BODY_MAX:  # Viber refuses longer
            pad.append({**pad[0], "ActionBody": f"menu-{len(pad)}"})
        else:
            button["ActionBody"] += "-payload-data"
        i += 1
    return msg
