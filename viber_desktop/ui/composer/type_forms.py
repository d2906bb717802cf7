"""The field specs of each message type, built from the limits in core."""

from PySide6.QtCore import QCoreApplication

from viber_desktop.core import limits
from viber_desktop.ui.composer.spec_form import Spec


def _t(text: str) -> str:
    return QCoreApplication.translate("TypeForms", text)


def type_specs() -> dict[str, tuple[Spec, ...]]:
    """Field specs per message type (rich media has its own editor)."""
    return {
        "text": (
            Spec(
                ("text",),
                _t("&Text"),
                "text",
                limits.TEXT_MAX,
                required=True,
                placeholder=_t("Message text; *bold*, _italic_, ~strike~ on Viber 14.6+"),
            ),
        ),
        "picture": (
            Spec(
                ("media",),
                _t("Image &URL"),
                required=True,
                placeholder="https://example.com/photo.jpg",
                note=_t("JPEG, PNG or static GIF; up to 1 MB on iOS, 3 MB on Android."),
            ),
            Spec(
                ("text",),
                _t("&Caption"),
                "text",
                limits.PICTURE_TEXT_MAX,
                warn_at=limits.PICTURE_TEXT_WARN,
                required=True,
                note=_t("Older clients cut captions at 512 characters."),
            ),
            Spec(("thumbnail",), _t("T&humbnail URL"), placeholder="https://…/thumb.jpg"),
        ),
        "video": (
            Spec(
                ("media",),
                _t("Video &URL"),
                required=True,
                placeholder="https://example.com/clip.mp4",
                note=_t("MP4 (H.264), at most 26 MB."),
            ),
            Spec(
                ("size",),
                _t("&Size (bytes)"),
                "int",
                required=True,
                placeholder=f"1 – {limits.VIDEO_SIZE_MAX:,}",
            ),
            Spec(
                ("duration",),
                _t("&Duration (s)"),
                "int",
                placeholder=f"0 – {limits.VIDEO_DURATION_MAX}",
            ),
            Spec(("thumbnail",), _t("T&humbnail URL"), placeholder="https://…/thumb.jpg"),
        ),
        "file": (
            Spec(
                ("media",),
                _t("File &URL"),
                required=True,
                placeholder="https://example.com/report.pdf",
            ),
            Spec(
                ("size",),
                _t("&Size (bytes)"),
                "int",
                required=True,
                placeholder=f"1 – {limits.FILE_SIZE_MAX:,}",
            ),
            Spec(
                ("file_name",),
                _t("File &name"),
                limit=limits.FILE_NAME_MAX,
                required=True,
                placeholder="report.pdf",
                note=_t("Executables and scripts (.exe, .apk, .bat…) are refused."),
            ),
        ),
        "contact": (
            Spec(
                ("contact", "name"),
                _t("Contact &name"),
                limit=limits.CONTACT_NAME_MAX,
                required=True,
            ),
            Spec(
                ("contact", "phone_number"),
                _t("&Phone number"),
                limit=limits.CONTACT_PHONE_MAX,
                required=True,
                placeholder="+15555555555",
                note=_t("Optional leading +, then digits only."),
            ),
        ),
        "location": (
            Spec(
                ("location", "lat"),
                _t("&Latitude"),
                "number",
                required=True,
                placeholder="-90 … 90",
            ),
            Spec(
                ("location", "lon"),
                _t("L&ongitude"),
                "number",
                required=True,
                placeholder="-180 … 180",
            ),
        ),
        "url": (
            Spec(
                ("media",),
                _t("&URL"),
                limit=limits.URL_MEDIA_MAX,
                required=True,
                placeholder="https://example.com",
            ),
        ),
        "sticker": (
            Spec(("sticker_id",), _t("Sticker &ID"), "int", required=True, placeholder="46105"),
        ),
    }
