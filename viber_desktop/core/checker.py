"""The send_message payload checker: any JSON value in, findings out, never an exception."""

import math
from collections.abc import Callable
from typing import Any, Final

from viber_desktop.core import fixes, limits, markup, schema
from viber_desktop.core.body_token import BODY_TOKEN_KEY
from viber_desktop.core.findings import CheckReport, Fix, child
from viber_desktop.core.i18n import N_, _, ngettext, number
from viber_desktop.core.jsonio import OversizedNumber
from viber_desktop.core.keyboards import check_keyboard, check_rich_media
from viber_desktop.core.patterns import lazy_pattern
from viber_desktop.core.rules import (
    Context,
    file_extension,
    int_from_text,
    kind_of,
    label,
    last_segment_extension,
    present,
)
from viber_desktop.core.text import body_bytes, compact_json, utf16_len

COMMON_FIELDS: Final = schema.children("message")
TYPE_FIELDS: Final[dict[str, tuple[str, ...]]] = {
    kind: schema.children(kind) for kind in schema.MESSAGE_TYPES
}
_PHONE_LIKE = lazy_pattern(r"\d{7,15}")
_PHONE_NUMBER = lazy_pattern(r"\+[\d ().-]{6,24}")
_PHONE = lazy_pattern(r"\+?\d+")
_PHONE_MARKS = lazy_pattern(r"[\s().-]")
_RECEIVER: Final = schema.field_of("message", "receiver")
_TRACKING_DATA: Final = schema.field_of("message", "tracking_data")
_MIN_API_VERSION: Final = schema.field_of("message", "min_api_version")
_FORMATTED: Final[dict[str, tuple[schema.Field, ...]]] = {
    kind: tuple(f for f in schema.fields_under(kind) if f.markup) for kind in schema.MESSAGE_TYPES
}


def check_payload(payload: Any) -> CheckReport:
    """Check a send_message body of any shape against every rule the project knows."""
    ctx = Context()
    size = _measure(ctx, payload)
    if isinstance(payload, dict):
        _check_message(ctx, payload)
    else:
        ctx.error(
            "",
            "not_an_object",
            _("The request body must be a JSON object, not {kind}.").format(kind=kind_of(payload)),
        )
    required = max((f.level for f in ctx.features), default=1)
    if isinstance(payload, dict):
        _check_api_version(ctx, payload, required)
    _check_size(ctx, size)
    ctx.summarise()
    return CheckReport(
        findings=tuple(ctx.findings),
        bytes=size,
        min_api_version_required=required,
        features=tuple(ctx.features),
    )


def _measure(ctx: Context, payload: Any) -> int:
    """Return the body's byte size; walk the tree for bad values only when encoding fails."""
    try:
        return len(body_bytes(payload))
    except (ValueError, UnicodeEncodeError):
        _scan_values(ctx, payload)
    except RecursionError:
        ctx.error(
            "",
            "too_deeply_nested",
            _("The request body is nested too deeply to be serialised; flatten it."),
        )
        _scan_values(ctx, payload)
        return _size_without_recursion(payload)
    # Lone surrogates count as the 3 bytes a lenient encoder would write.
    return len(compact_json(payload).encode("utf-8", "surrogatepass"))


def _size_without_recursion(payload: Any) -> int:
    """The compact body's UTF-8 size, computed without recursion (for very deep bodies)."""
    size, stack = 0, [payload]
    while stack:
        value = stack.pop()
        if isinstance(value, dict):
            size += 2 + max(0, 2 * len(value) - 1)  # braces, colons, commas
            for key, item in value.items():
                size += len(compact_json(str(key)).encode("utf-8", "surrogatepass"))
                stack.append(item)
        elif isinstance(value, list):
            size += 2 + max(0, len(value) - 1)
            stack.extend(value)
        else:
            size += len(compact_json(value).encode("utf-8", "surrogatepass"))
    return size


def _scan_values(ctx: Context, payload: Any) -> None:
    """Report values that cannot be sent as valid JSON/UTF-8 anywhere in the tree."""
    stack: list[tuple[str, Any]] = [("", payload)]
    while stack:
        path, value = stack.pop()
        if isinstance(value, dict):
            for key, item in value.items():
                if _has_lone_surrogate(key):
                    shown = key if len(key) <= 40 else key[:40] + "…"
                    ctx.error(
                        path,
                        "invalid_unicode",
                        _(
                            'The key "{key}" in {field} contains an unpaired surrogate (a broken '
                            "emoji); it cannot be sent as UTF-8. Retype or remove it."
                        ).format(key=shown, field=label(path)),
                    )
                stack.append((child(path, key), item))
        elif isinstance(value, list):
            stack.extend((child(path, i), item) for i, item in enumerate(value))
        elif isinstance(value, str) and _has_lone_surrogate(value):
            ctx.error(
                path,
                "invalid_unicode",
                _(
                    "{field} contains an unpaired surrogate (a broken emoji); retype the character."
                ).format(field=label(path)),
                fixes=(
                    fixes.set_to(
                        path,
                        fixes.without_lone_surrogates(value),
                        _("Replace the broken character with �"),
                    ),
                ),
            )
        elif isinstance(value, OversizedNumber):
            ctx.error(
                path,
                "invalid_number",
                ngettext(
                    "{field} is a number with {digits} digits; Viber cannot read it. "
                    "Use a shorter number.",
                    "{field} is a number with {digits} digits; Viber cannot read it. "
                    "Use a shorter number.",
                    value.digits,
                ).format(field=label(path), digits=number(value.digits)),
            )
        elif isinstance(value, float) and not math.isfinite(value):
            ctx.error(
                path,
                "invalid_number",
                _("{field} is {value}, which is not valid JSON; use a finite number.").format(
                    field=label(path), value=value
                ),
            )


def _has_lone_surrogate(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _check_message(ctx: Context, msg: dict[str, Any]) -> None:
    _check_receiver(ctx, msg)
    _check_sender(ctx, msg)
    if BODY_TOKEN_KEY in msg:
        where = child("", BODY_TOKEN_KEY)
        ctx.warn(
            where,
            "bot_token_in_body",
            _(
                "The bot token is in the body ({key}), as Viber's SDKs write it. This app sends "
                "the token only in the request header and removes it from the body before "
                "sending; remove it here so it is not saved or shared with the message."
            ).format(key=BODY_TOKEN_KEY),
            fixes=(fixes.remove(where, _("Remove the token")),),
        )
    if "tracking_data" in msg and msg["tracking_data"] is None:
        ctx.error(
            "/tracking_data",
            "null_value",
            _('tracking_data is null, which Viber rejects; use "" or remove the field.'),
            fixes=(
                fixes.remove("/tracking_data"),
                fixes.set_to("/tracking_data", "", _("Make tracking_data empty")),
            ),
        )
    else:
        ctx.check_field(_TRACKING_DATA, msg, "")
    kind = _check_type(ctx, msg)
    known = (*COMMON_FIELDS, BODY_TOKEN_KEY, *TYPE_FIELDS.get(kind or "", ()))
    if (kind is None and "type" in msg) or kind == limits.PAYMENT_TYPE:
        known = tuple(msg)  # a wrong or unchecked type: no unknown-field noise on top
    ctx.unknown_fields(msg, "", known)
    if present(msg, "keyboard"):
        check_keyboard(ctx, msg["keyboard"], "/keyboard")
    elif "keyboard" in msg:
        ctx.null_value("/keyboard")
    if kind is not None and kind in _TYPE_CHECKS:
        _TYPE_CHECKS[kind](ctx, msg)


def _check_receiver(ctx: Context, msg: dict[str, Any]) -> None:
    receiver = ctx.check_field(_RECEIVER, msg, "")
    if not receiver:
        return
    if _PHONE_NUMBER().fullmatch(receiver) and sum(c.isdigit() for c in receiver) >= 6:
        ctx.error(
            "/receiver",
            "receiver_is_phone_number",
            _(
                'receiver is a phone number; Viber refuses it (status 999, "Bad receiver ID"). '
                "Use the subscriber's Viber user ID: Viber sends it in webhook events (as "
                "sender.id in a message event, user.id in subscribed and conversation_started)."
            ),
        )
    elif _PHONE_LIKE().fullmatch(receiver):
        ctx.warn(
            "/receiver",
            "receiver_looks_like_phone",
            _(
                "receiver looks like a phone number; Viber needs the subscriber's user ID "
                "(as received in a webhook), not a phone number."
            ),
        )


def _check_sender(ctx: Context, msg: dict[str, Any]) -> None:
    if not present(msg, "sender"):
        said = _("sender is null") if "sender" in msg else _("There is no sender")
        ctx.warn(
            "/sender",
            "no_sender",
            _(
                "{said}, so receivers see your bot account's own name and avatar, as set up in "
                "Viber. Viber accepts this; add sender.name to choose the name shown."
            ).format(said=said),
        )
        return
    sender = ctx.obj(msg, "sender", "", required=True)
    if sender is None:
        return
    ctx.unknown_fields(sender, "/sender", schema.children("message", "sender"))
    ctx.check_fields(sender, "message", ("sender",), "/sender")


def _check_type(ctx: Context, msg: dict[str, Any]) -> str | None:
    if "type" not in msg:
        if "keyboard" not in msg:
            ctx.error(
                "/type",
                "missing_field",
                _(
                    "type is required: choose one of {types} (only a keyboard-only message may "
                    "leave it out)."
                ).format(types=", ".join(limits.MESSAGE_TYPES)),
            )
        return None
    kind = msg["type"]
    if not isinstance(kind, str):
        ctx.wrong_kind("/type", kind, N_("a string"))
        return None
    if kind == limits.PAYMENT_TYPE:
        ctx.need(limits.PAYMENT_MIN_API_VERSION, N_("a payment message"), "/type")
        ctx.warn(
            "/type",
            "unchecked_type",
            _(
                'type "{type}" goes through send_message from API level {level}. Its common '
                "fields (receiver, sender, min_api_version, keyboard) are checked here; its own "
                "payment fields are not checked yet, so compare them with Viber's payment docs."
            ).format(type=kind, level=limits.PAYMENT_MIN_API_VERSION),
        )
        return kind
    if kind not in TYPE_FIELDS:
        meant = fixes.choice(kind, limits.MESSAGE_TYPES)
        ctx.error(
            "/type",
            "unknown_type",
            _('type "{type}" is not a message type; use one of {types}.').format(
                type=kind, types=", ".join(limits.MESSAGE_TYPES)
            ),
            fixes=()
            if meant is None
            else (fixes.set_to("/type", meant, _('Write "{value}"').format(value=meant)),),
        )
        return None
    return kind


def _check_api_version(ctx: Context, msg: dict[str, Any], required: int) -> None:
    value = ctx.check_field(_MIN_API_VERSION, msg, "")
    if value is not None and value < 1:
        return  # out of range: already reported
    if value is None and present(msg, "min_api_version"):
        return  # not an integer: already reported
    declared = value or 1
    if declared < required:
        top = max((f for f in ctx.features), key=lambda f: f.level)
        rule = f" ({_(top.rule)})" if top.rule else ""
        ctx.error(
            "/min_api_version",
            "min_api_version_too_low",
            _(
                "min_api_version is {declared} but {feature} (at {path}) needs {level}{rule}; "
                "set min_api_version to {required}."
            ).format(
                declared=declared,
                feature=_(top.name),
                path=top.path,
                level=top.level,
                rule=rule,
                required=required,
            ),
            used=declared,
            limit=required,
            fixes=(fixes.raise_api(required),),
        )


def _check_size(ctx: Context, size: int) -> None:
    if size > limits.REQUEST_BYTES_MAX:
        ctx.error(
            "",
            "request_too_large",
            ngettext(
                "The request body is {size} bytes; Viber accepts at most {limit}. "
                "Remove {over} bytes (text, buttons or tracking_data).",
                "The request body is {size} bytes; Viber accepts at most {limit}. "
                "Remove {over} bytes (text, buttons or tracking_data).",
                size - limits.REQUEST_BYTES_MAX,
            ).format(
                size=number(size),
                limit=number(limits.REQUEST_BYTES_MAX),
                over=number(size - limits.REQUEST_BYTES_MAX),
            ),
            used=size,
            limit=limits.REQUEST_BYTES_MAX,
        )
    elif size > limits.REQUEST_BYTES_WARN:
        ctx.warn(
            "",
            "request_size_grey_zone",
            ngettext(
                "The request body is {size} bytes; above {limit} it may be rejected if "
                "Viber's 30 KB means 30,000 bytes.",
                "The request body is {size} bytes; above {limit} it may be rejected if "
                "Viber's 30 KB means 30,000 bytes.",
                size,
            ).format(size=number(size), limit=number(limits.REQUEST_BYTES_WARN)),
            used=size,
            limit=limits.REQUEST_BYTES_MAX,
        )


# --- per-type checks -------------------------------------------------------------------------


def _simple(kind: str) -> Callable[[Context, dict[str, Any]], None]:
    """A type whose fields have no rule across them: the schema's checks alone."""

    def check(ctx: Context, msg: dict[str, Any]) -> None:
        values = ctx.check_fields(msg, kind, (), "")
        for f in _FORMATTED[kind]:
            text = values.get(f.name)
            if isinstance(text, str):
                where = child("", f.name)
                markup.check(ctx, f.markup, text, where, label(where))

    return check


def _file(ctx: Context, msg: dict[str, Any]) -> None:
    values = ctx.check_fields(msg, "file", (), "")
    media, name = values.get("media"), values.get("file_name")
    if not name:
        return
    ext = file_extension(name)
    if not ext:
        ctx.error(
            "/file_name",
            "missing_extension",
            _("file_name has no extension; add one (e.g. report.pdf) so the file can be opened."),
            fixes=_renamed(name.rstrip(".") + last_segment_extension(media) if media else ""),
        )
    elif ext in limits.FORBIDDEN_FILE_EXTENSIONS:
        ctx.error(
            "/file_name",
            "forbidden_extension",
            _(
                "file_name ends in {ext}, which Viber refuses to deliver; send another format "
                "(e.g. a .zip or .pdf)."
            ).format(ext=ext),
            fixes=_renamed(name[: -len(ext)]),  # "photo.jpg.exe": the name it had before
        )
    if media and ext and last_segment_extension(media) != ext:
        ctx.warn(
            "/media",
            "extension_mismatch",
            _(
                "media does not end in {ext} like file_name; Viber expects the URL to end with "
                "the file's extension."
            ).format(ext=ext),
        )


def _renamed(name: str) -> tuple[Fix, ...]:
    """'Rename to "photo.jpg"' when ``name`` has an extension Viber delivers and fits."""
    ext = file_extension(name)
    if not ext or ext in limits.FORBIDDEN_FILE_EXTENSIONS or utf16_len(name) > limits.FILE_NAME_MAX:
        return ()
    return (
        fixes.set_to(
            "/file_name", name, _('Rename to "{name}"').format(name=fixes.snippet(name, 40))
        ),
    )


def _contact(ctx: Context, msg: dict[str, Any]) -> None:
    def phone_shape(phone: Any, _values: dict[str, Any]) -> None:
        if phone and not _PHONE().fullmatch(phone):
            plain = _PHONE_MARKS().sub("", phone)
            ways = (
                (
                    fixes.set_to(
                        "/contact/phone_number", plain, _('Write "{value}"').format(value=plain)
                    ),
                )
                if plain and _PHONE().fullmatch(plain) and len(plain) <= limits.CONTACT_PHONE_MAX
                else ()
            )
            ctx.error(
                "/contact/phone_number",
                "invalid_phone_number",
                _(
                    "contact.phone_number may hold an optional leading + and then digits only "
                    "(no spaces, dashes or brackets), e.g. +15555555555."
                ),
                fixes=ways,
            )

    ctx.check_fields(msg, "contact", (), "", hooks={"contact.phone_number": phone_shape})


def _sticker(ctx: Context, msg: dict[str, Any]) -> None:
    spelled = int_from_text(msg.get("sticker_id"))
    if spelled is not None:  # unlike other integers, kept an error: the sources disagree
        ctx.error(
            "/sticker_id",
            "wrong_type",
            _("sticker_id must be an integer: write {number} without quotes ({rule}).").format(
                number=spelled, rule=_(limits.STICKER_ID_RULE)
            ),
            fixes=(
                fixes.set_to(
                    "/sticker_id",
                    spelled,
                    _("Write {value} without quotes").format(value=spelled),
                ),
            ),
        )
        return
    ctx.check_fields(msg, "sticker", (), "")


def _rich_media(ctx: Context, msg: dict[str, Any]) -> None:
    if "rich_media" not in msg:  # null is reported as the wrong kind: the field is required
        ctx.error(
            "/rich_media",
            "missing_field",
            _("rich_media is required for a rich_media message: add the carousel object."),
        )
    else:
        check_rich_media(ctx, msg["rich_media"], "/rich_media")
    ctx.check_fields(msg, "rich_media", (), "", skip=("rich_media",))


_TYPE_CHECKS: Final[dict[str, Callable[[Context, dict[str, Any]], None]]] = {
    **{kind: _simple(kind) for kind in ("text", "picture", "video", "location", "url")},
    "file": _file,
    "contact": _contact,
    "sticker": _sticker,
    "rich_media": _rich_media,
}
