"""The fields of each message type: labels here, every rule from the schema in core."""

from PySide6.QtCore import QCoreApplication

from viber_desktop.core import schema
from viber_desktop.ui.composer.spec_form import Spec, field_spec


def _t(text: str) -> str:
    return QCoreApplication.translate("TypeForms", text)


def type_specs() -> dict[str, tuple[Spec, ...]]:
    """Field specs per message type (rich media has its own editor).

    Trap: mnemonics must not clash with the window's (menus f e t m p h, Compose c, History i,
    profile b, Send s, the composer's r n v y d a k); tests/ui/test_mnemonics.py checks it.
    """
    specs = {
        "text": (
            field_spec(
                "text",
                ("text",),
                _t("Te&xt"),
                kind="text",
                placeholder=_t("Message text; *bold*, _italic_, ~strike~ on Viber 14.6+"),
            ),
        ),
        "picture": (
            field_spec(
                "picture",
                ("media",),
                _t("Image &URL"),
                placeholder="https://example.com/photo.jpg",
                describe=True,
            ),
            field_spec("picture", ("text",), _t("Caption te&xt"), kind="text"),
            field_spec(
                "picture", ("thumbnail",), _t("Thumbnai&l URL"), placeholder="https://…/thumb.jpg"
            ),
        ),
        "video": (
            field_spec(
                "video",
                ("media",),
                _t("Video &URL"),
                placeholder="https://example.com/clip.mp4",
                describe=True,
            ),
            field_spec("video", ("size",), _t("Si&ze (bytes)")),
            field_spec("video", ("duration",), _t("Durati&on (s)")),
            field_spec(
                "video", ("thumbnail",), _t("Thumbnai&l URL"), placeholder="https://…/thumb.jpg"
            ),
        ),
        "file": (
            field_spec(
                "file", ("media",), _t("File &URL"), placeholder="https://example.com/report.pdf"
            ),
            field_spec("file", ("size",), _t("Si&ze (bytes)")),
            field_spec(
                "file", ("file_name",), _t("Fi&le name"), placeholder="report.pdf", describe=True
            ),
        ),
        "contact": (
            field_spec("contact", ("contact", "name"), _t("C&ontact name")),
            field_spec(
                "contact",
                ("contact", "phone_number"),
                _t("Phone n&umber"),
                placeholder="+15555555555",
                describe=True,
            ),
        ),
        "location": (
            field_spec("location", ("location", "lat"), _t("&Latitude")),
            field_spec("location", ("location", "lon"), _t("Lon&gitude")),
        ),
        "url": (field_spec("url", ("media",), _t("&URL"), placeholder="https://example.com"),),
        "sticker": (
            field_spec("sticker", ("sticker_id",), _t("Sticker n&umber (ID)"), placeholder="46105"),
        ),
    }
    assert set(specs) == set(schema.MESSAGE_TYPES) - {"rich_media"}
    return specs
