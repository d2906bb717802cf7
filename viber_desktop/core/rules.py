"""Primitive field checks shared by the message, keyboard and rich-media checkers."""

import math
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any, Final
from urllib.parse import urlsplit

from viber_desktop.core import fixes, schema
from viber_desktop.core.findings import Finding, Fix, Severity, child
from viber_desktop.core.i18n import N_, _, ngettext, number
from viber_desktop.core.patterns import lazy_pattern
from viber_desktop.core.pointer import label
from viber_desktop.core.schema import Field
from viber_desktop.core.text import utf16_len

if TYPE_CHECKING:
    from viber_desktop.core.features import Feature

Hook = Callable[[Any, dict[str, Any]], None]
"""A rule across fields, run once its field is checked: ``hook(value, values_so_far)``."""

SAME_CODE_MAX: Final = 50
"""Findings of one code listed one by one; beyond this, one summary finding says how many more
(a hostile 50 MB file of unknown keys would otherwise make millions)."""

_COLOR = lazy_pattern(r"#[0-9A-Fa-f]{6}")
_INT_TEXT = lazy_pattern(r"-?[0-9]{1,18}")
_NUMBER_TEXT = lazy_pattern(r"-?[0-9]{1,18}(\.[0-9]{1,18})?")
_BOOL_TEXT = {"true": True, "false": False}
_TYPE_NAMES = {
    str: N_("a string"),
    int: N_("an integer"),
    float: N_("a number"),
    bool: N_("true or false"),
    dict: N_("an object"),
    list: N_("an array"),
}


def kind_of(value: Any) -> str:
    """Name the JSON kind of ``value`` for messages."""
    if value is None:
        return "null"
    name = _TYPE_NAMES.get(type(value))
    return type(value).__name__ if name is None else _(name)


def is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def is_number(value: Any) -> bool:
    # Trap: math.isfinite(10**400) raises OverflowError; an int is always finite.
    return is_int(value) or (isinstance(value, float) and math.isfinite(value))


def int_from_text(value: Any) -> int | None:
    """Return the integer a numeric string such as ``"6"`` spells (None for anything else)."""
    if isinstance(value, str) and _INT_TEXT().fullmatch(value):
        return int(value)
    return None


def number_from_text(value: Any) -> float | None:
    """Return the number a decimal string such as ``"12.12345"`` spells (None otherwise)."""
    if isinstance(value, str) and _NUMBER_TEXT().fullmatch(value):
        return float(value)
    return None


def present(obj: Mapping[str, Any], key: str) -> bool:
    """True when ``key`` holds a value; an optional field set to null counts as absent."""
    return obj.get(key) is not None


class Context:
    """Collects findings and the API levels that features need."""

    def __init__(self) -> None:
        self.findings: list[Finding] = []
        self.features: list[Feature] = []
        self._per_code: dict[str, int] = {}
        self._omitted: dict[tuple[Severity, str], int] = {}

    def add(
        self,
        severity: Severity,
        path: str,
        code: str,
        message: str,
        used: int | None = None,
        limit: int | None = None,
        fixes: tuple[Fix, ...] = (),
    ) -> None:
        if not self._room(severity, code):
            return
        self.findings.append(
            Finding(
                severity=severity,
                path=path,
                code=code,
                message=message,
                used=used,
                limit=limit,
                fixes=fixes,
            )
        )

    def error(
        self,
        path: str,
        code: str,
        message: str,
        *,
        used: int | None = None,
        limit: int | None = None,
        fixes: tuple[Fix, ...] = (),
    ) -> None:
        self.add("error", path, code, message, used, limit, fixes)

    def warn(
        self,
        path: str,
        code: str,
        message: str,
        *,
        used: int | None = None,
        limit: int | None = None,
        fixes: tuple[Fix, ...] = (),
    ) -> None:
        self.add("warning", path, code, message, used, limit, fixes)

    def over_cap(self, severity: Severity, code: str) -> bool:
        """True when a finding of ``code`` would not be listed (over the cap): it is counted
        here, so a rule that finds thousands need not build their messages and fixes."""
        if self._per_code.get(code, 0) < SAME_CODE_MAX:
            return False
        self._room(severity, code)
        return True

    def _room(self, severity: Severity, code: str) -> bool:
        """Count a finding of ``code``; False when it is over the cap (counted, not listed)."""
        count = self._per_code.get(code, 0) + 1
        self._per_code[code] = count
        if count <= SAME_CODE_MAX:
            return True
        self._omitted[severity, code] = self._omitted.get((severity, code), 0) + 1
        return False

    def _omit(self, severity: Severity, code: str, count: int) -> None:
        if count:
            self._per_code[code] = self._per_code.get(code, 0) + count
            self._omitted[severity, code] = self._omitted.get((severity, code), 0) + count

    def summarise(self) -> None:
        """Add one finding per code that had more than SAME_CODE_MAX, saying how many more."""
        for (severity, code), count in self._omitted.items():
            text = (
                ngettext(
                    "And {count} more unknown fields (not documented, not listed one by one); "
                    "remove them unless you know they are needed.",
                    "And {count} more unknown fields (not documented, not listed one by one); "
                    "remove them unless you know they are needed.",
                    count,
                )
                if code == "unknown_field"
                else ngettext(
                    "And {count} more problems of the same kind ({code}), not listed one by one.",
                    "And {count} more problems of the same kind ({code}), not listed one by one.",
                    count,
                )
            )
            message = text.format(count=number(count), code=code)
            self.findings.append(Finding(severity=severity, path="", code=code, message=message))
        self._omitted.clear()

    def need(self, level: int, name: str, path: str, rule: str = "") -> None:
        """Record that the feature ``name`` at ``path`` needs min_api_version ``level``."""
        if level > 1:
            from viber_desktop.core.features import Feature

            self.features.append(Feature(level=level, name=name, path=path, rule=rule))

    # --- presence and kinds -------------------------------------------------------------

    def get(
        self, obj: Mapping[str, Any], key: str, path: str, expected: str, *, required: bool
    ) -> tuple[bool, Any]:
        """Return (present, value); report a missing required field.

        An optional field set to null is treated as absent, with a warning (Viber's Node SDK
        sends such nulls on every message and Viber accepts them).
        """
        if key in obj:
            if obj[key] is None and not required:
                self.null_value(child(path, key))
                return False, None
            return True, obj[key]
        if required:
            self.missing(child(path, key), expected)
        return False, None

    def missing(self, where: str, expected: str, ways: tuple[Fix, ...] = ()) -> None:
        """Report that the required field at ``where`` is missing."""
        self.error(
            where,
            "missing_field",
            _("{field} is required: add {expected}.").format(
                field=label(where), expected=_(expected)
            ),
            fixes=ways,
        )

    def null_value(self, where: str) -> None:
        """Warn that the optional field at ``where`` is null (treated as absent)."""
        self.warn(
            where,
            "null_value",
            _("{field} is null; Viber treats it as left out. Remove it to say so.").format(
                field=label(where)
            ),
            fixes=(fixes.remove(where),),
        )

    def wrong_kind(
        self, path: str, value: Any, expected: str, *, ways: tuple[Fix, ...] = ()
    ) -> None:
        if isinstance(value, float) and not math.isfinite(value):
            return  # NaN, infinity, a 5,000-digit number: the checker's value scan names it
        self.error(
            path,
            "wrong_type",
            _("{field} must be {expected}, not {kind}.").format(
                field=label(path), expected=_(expected), kind=kind_of(value)
            ),
            fixes=ways,
        )

    def unknown_fields(self, obj: Mapping[str, Any], path: str, known: Iterable[str]) -> None:
        """Warn about keys the API does not document (they are kept, not removed)."""
        known_set = set(known)
        unknown = (key for key in obj if key not in known_set)
        for key in unknown:
            where = child(path, key)
            self.warn(
                where,
                "unknown_field",
                _(
                    "{field} is not a documented field here; Viber may reject or ignore it. "
                    "Remove it unless you know it is needed."
                ).format(field=label(where)),
                fixes=(fixes.remove(where),),
            )
            if self._per_code["unknown_field"] >= SAME_CODE_MAX:
                break
        self._omit("warning", "unknown_field", sum(1 for _ in unknown))  # counted, not listed

    # --- schema fields ---------------------------------------------------------------------

    def check_field(
        self, f: Field, obj: Mapping[str, Any], path: str, *, hi: int | None = None
    ) -> Any:
        """Check ``f`` in ``obj`` (at ``path``) by its schema entry: kind, presence, length,
        range, choices; record its API level. ``hi`` replaces the range's top (a button's Rows
        stop at its group's rows). Arrays are left to hand-written checks."""
        key = f.name
        value: Any = None
        if f.kind == "array":
            pass
        elif f.choices:
            value = self.enum(
                obj, key, path, f.choices, required=f.required, tolerated=f.tolerated or None
            )
        elif f.format == "url":
            value = self.url(
                obj,
                key,
                path,
                required=f.required,
                non_empty=f.min_len > 0,
                max_len=f.max_len,
                extensions=f.extensions or None,
                extensions_advised=f.extensions_advised,
                what=f.what,
            )
        elif f.format == "color":
            value = self.color(obj, key, path, required=f.required)
        elif f.kind == "string":
            value = self.string(
                obj,
                key,
                path,
                required=f.required,
                min_len=f.min_len,
                max_len=None if f.soft else f.max_len,  # cropped text: the caller warns
                warn_len=f.warn_len,
                warn_note=f.warn_note,
                rule=f.rule,
                field=f,
            )
        elif f.kind == "integer":
            lo, top = f.range or (None, None)
            value = self.integer(
                obj,
                key,
                path,
                required=f.required,
                lo=None if lo is None else int(lo),
                hi=hi if hi is not None else (None if top is None else int(top)),
                unit=f.unit,
                field=f,
            )
        elif f.kind == "number":
            lo, top = f.range or (None, None)
            value = self.number(
                obj,
                key,
                path,
                required=f.required,
                lo=lo,
                hi=top,
                text_ok=f.text_ok,
                rule=f.rule,
                field=f,
            )
        elif f.kind == "boolean":
            value = self.boolean(obj, key, path)
        else:
            value = self.obj(obj, key, path, required=f.required)
        if f.api_level > 1 and (
            value is not None if f.level_when == "valid" else obj.get(key) is not None
        ):
            self.need(f.api_level, f.feature_name, child(path, key), rule=f.rule)
        return value

    def check_fields(
        self,
        obj: Mapping[str, Any],
        scope: str,
        parent: tuple[str, ...],
        path: str,
        *,
        skip: tuple[str, ...] = (),
        hooks: Mapping[str, Hook] | None = None,
        tops: Mapping[str, int] | None = None,
    ) -> dict[str, Any]:
        """Check every schema field under ``parent`` in ``obj``, in the schema's order.

        A nested object's unknown keys and fields are checked right after it. ``hooks`` (by
        dotted path in the scope, e.g. ``"InternalBrowser.ActionButton"``) run the rules across
        fields once that field is checked; ``skip`` leaves fields to the caller; ``tops``
        replaces a range's top. Returns the checked values.
        """
        values: dict[str, Any] = {}
        hook_for = hooks.get if hooks else None
        for f in schema.fields_under(scope, *parent):
            name = f.name
            if name in obj or f.required:  # absent and optional: nothing to check (most fields)
                if name in skip:
                    continue
                value = self.check_field(f, obj, path, hi=tops.get(name) if tops else None)
                values[name] = value
                inner = schema.fields_under(scope, *f.path) if isinstance(value, dict) else ()
                if inner:  # an object without declared fields is opaque
                    where = child(path, name)
                    self.unknown_fields(value, where, [g.name for g in inner])
                    self.check_fields(value, scope, f.path, where, hooks=hooks)
            if hook_for is not None and (hook := hook_for(f.dotted)) is not None:
                hook(values.get(name), values)
        return values

    # --- typed checks ---------------------------------------------------------------------

    def string(
        self,
        obj: Mapping[str, Any],
        key: str,
        path: str,
        *,
        required: bool = False,
        min_len: int = 0,
        max_len: int | None = None,
        warn_len: int | None = None,
        warn_note: str = "",
        rule: str = "",
        field: Field | None = None,
    ) -> str | None:
        """Check a string; ``field`` (plain text) lets a fix quote a number or cut the text."""
        if not required and key not in obj:
            return None
        present, value = self.get(obj, key, path, N_("a string"), required=required)
        if not present:
            return None
        if not isinstance(value, str):
            where = child(path, key)
            self.wrong_kind(where, value, N_("a string"), ways=fixes.as_text(field, where, value))
            return None
        size = len(value)  # UTF-16 units: from size to 2 * size; most text is far from a limit
        if (
            size >= min_len
            and (max_len is None or 2 * size <= max_len)
            and (warn_len is None or 2 * size <= warn_len)
        ):
            return value
        where = child(path, key)
        self.length(
            where,
            value,
            min_len=min_len,
            max_len=max_len,
            warn_len=warn_len,
            warn_note=warn_note,
            rule=rule,
            field=field,
        )
        return value

    def length(
        self,
        where: str,
        value: str,
        *,
        min_len: int = 0,
        max_len: int | None = None,
        warn_len: int | None = None,
        warn_note: str = "",
        rule: str = "",
        field: Field | None = None,
    ) -> None:
        """Check a length in UTF-16 units; ``rule`` names the source of ``max_len``."""
        used = utf16_len(value)
        if used < min_len:  # every minimum in the API is 1: "must not be empty"
            self.error(
                where,
                "empty",
                _("{field} must not be empty.").format(field=label(where)),
                used=used,
                limit=max_len,
            )
        elif max_len is not None and used > max_len:
            self.error(
                where,
                "too_long",
                ngettext(
                    "{field} is {used} characters; the limit is {limit}{rule}. "
                    "Shorten it by {over} (emoji count as 2).",
                    "{field} is {used} characters; the limit is {limit}{rule}. "
                    "Shorten it by {over} (emoji count as 2).",
                    used,
                ).format(
                    field=label(where),
                    used=used,
                    limit=max_len,
                    rule=f" ({_(rule)})" if rule else "",
                    over=used - max_len,
                ),
                used=used,
                limit=max_len,
                fixes=fixes.shorten(field, where, value, max_len),
            )
        elif warn_len is not None and used > warn_len:
            self.warn(
                where,
                "over_recommended_length",
                ngettext(
                    "{field} is {used} characters, over {limit}.",
                    "{field} is {used} characters, over {limit}.",
                    used,
                ).format(field=label(where), used=used, limit=warn_len)
                + (f" {_(warn_note)}" if warn_note else ""),
                used=used,
                limit=max_len,
                fixes=fixes.shorten(field, where, value, warn_len),
            )

    def integer(
        self,
        obj: Mapping[str, Any],
        key: str,
        path: str,
        *,
        required: bool = False,
        lo: int | None = None,
        hi: int | None = None,
        unit: str = "",
        field: Field | None = None,
    ) -> int | None:
        """Check an integer; ``field`` (a layout number) lets a fix move it into range."""
        if not required and key not in obj:
            return None
        present, value = self.get(obj, key, path, N_("an integer"), required=required)
        if not present:
            return None
        where = child(path, key)
        if not is_int(value):
            number = int_from_text(value)
            if number is None:
                whole = isinstance(value, float) and value.is_integer() and abs(value) < 2**53
                write = _("Write {value}").format(value=int(value)) if whole else ""
                self.wrong_kind(
                    where,
                    value,
                    N_("an integer"),
                    ways=(fixes.set_to(where, int(value), write),) if whole else (),
                )
                return None
            self.warn(
                where,
                "number_as_text",
                _(
                    '{field} is the text "{value}"; Viber accepts it, but the documented form '
                    "is the number {number} without quotes."
                ).format(field=label(where), value=value, number=number),
                fixes=(fixes.set_to(where, number, _unquoted(number)),),
            )
            value = number
        self.in_range(where, value, lo, hi, unit, field)
        return int(value)

    def number(
        self,
        obj: Mapping[str, Any],
        key: str,
        path: str,
        *,
        required: bool = False,
        lo: float | None = None,
        hi: float | None = None,
        text_ok: bool = False,
        rule: str = "",
        field: Field | None = None,
    ) -> float | None:
        """Check a number; ``text_ok`` accepts a decimal string such as "12.12345" as well."""
        if not required and key not in obj:
            return None
        present, value = self.get(obj, key, path, N_("a number"), required=required)
        if not present:
            return None
        where = child(path, key)
        if not is_number(value):
            spelled = number_from_text(value) if text_ok else None
            if spelled is not None:
                value = spelled
            elif isinstance(value, str):
                note = f" ({_(rule)})" if rule else ""
                written = value.strip()
                number: float | None = int_from_text(written)
                if number is None:
                    number = number_from_text(written)
                self.error(
                    where,
                    "wrong_type",
                    _(
                        "{field} must be a JSON number, not a string: "
                        "write {written} without quotes{note}."
                    ).format(field=label(where), written=written, note=note),
                    fixes=()
                    if number is None
                    else (fixes.set_to(where, number, _unquoted(written)),),
                )
                return None
            else:
                self.wrong_kind(where, value, N_("a finite number"))
                return None
        self.in_range(where, value, lo, hi, "", field)
        return value  # trap: float(10**400) overflows

    def in_range(
        self,
        where: str,
        value: float,
        lo: float | None,
        hi: float | None,
        unit: str,
        field: Field | None = None,
    ) -> None:
        if (lo is not None and value < lo) or (hi is not None and value > hi):
            bounds = (
                _("between {lo} and {hi}").format(lo=_fmt(lo), hi=_fmt(hi))
                if lo is not None and hi is not None
                else (
                    _("at least {lo}").format(lo=_fmt(lo))
                    if lo is not None
                    else _("at most {hi}").format(hi=_fmt(hi))
                )
            )
            unit = _(unit) if unit else ""
            self.error(
                where,
                "out_of_range",
                _("{field} is {value}{unit}; it must be {bounds}{unit}.").format(
                    field=label(where), value=_fmt(value), unit=unit, bounds=bounds
                ),
                used=int(value) if is_int(value) else None,
                limit=int(hi) if hi is not None and float(hi).is_integer() else None,
                fixes=fixes.clamp(field, where, value, lo, hi),
            )

    def boolean(self, obj: Mapping[str, Any], key: str, path: str) -> bool | None:
        present, value = self.get(obj, key, path, N_("true or false"), required=False)
        if not present:
            return None
        where = child(path, key)
        if isinstance(value, bool):
            return value
        if isinstance(value, str) and value in _BOOL_TEXT:
            word = value
            self.warn(
                where,
                "boolean_as_text",
                _(
                    '{field} is the text "{word}"; Viber accepts it, but the documented form '
                    "is {word} without quotes."
                ).format(field=label(where), word=word),
                fixes=(fixes.set_to(where, _BOOL_TEXT[word], _unquoted(word)),),
            )
            return _BOOL_TEXT[word]
        self.wrong_kind(where, value, N_("true or false"))
        return None

    def enum(
        self,
        obj: Mapping[str, Any],
        key: str,
        path: str,
        allowed: Iterable[str],
        *,
        required: bool = False,
        tolerated: Mapping[str, str] | None = None,
    ) -> str | None:
        """Check an enum; ``tolerated`` maps undocumented example values to a warning hint."""
        value = self.string(obj, key, path, required=required)
        if value is None:
            return None
        options = tuple(allowed)
        where = child(path, key)
        if value in options:
            return value
        if tolerated and value in tolerated:
            shown = tolerated[value]
            self.warn(
                where,
                "undocumented_value",
                _(
                    '{field} is "{value}", which Viber\'s own examples use but its docs do not '
                    'list; Viber shows it as "{shown}". Write "{shown}" to say so.'
                ).format(field=label(where), value=value, shown=shown),
                fixes=(fixes.set_to(where, shown, _quoted(shown)),),
            )
            return value
        meant = fixes.choice(value, options)
        self.error(
            where,
            "invalid_value",
            _('{field} is "{value}"; use one of: {options}.').format(
                field=label(where), value=value, options=", ".join(options)
            ),
            fixes=() if meant is None else (fixes.set_to(where, meant, _quoted(meant)),),
        )
        return None

    def color(
        self, obj: Mapping[str, Any], key: str, path: str, *, required: bool = False
    ) -> str | None:
        value = self.string(obj, key, path, required=required)
        if value is not None and not _COLOR().fullmatch(value):
            where = child(path, key)
            meant = fixes.color(value)
            self.error(
                where,
                "invalid_color",
                _('{field} is "{value}"; write a colour as #RRGGBB, e.g. #2DB9B9.').format(
                    field=label(where), value=value
                ),
                fixes=() if meant is None else (fixes.set_to(where, meant, _quoted(meant)),),
            )
            return None
        return value

    def url(
        self,
        obj: Mapping[str, Any],
        key: str,
        path: str,
        *,
        required: bool = False,
        non_empty: bool = False,
        max_len: int | None = None,
        extensions: tuple[str, ...] | None = None,
        extensions_advised: bool = False,
        what: str = "",
    ) -> str | None:
        """Check an http(s) URL; ``extensions_advised`` makes a wrong extension a warning."""
        value = self.string(
            obj,
            key,
            path,
            required=required,
            min_len=1 if required or non_empty else 0,
            max_len=max_len,
        )
        if not value:
            return None
        where = child(path, key)
        if not is_http_url(value):
            self.error(
                where,
                "invalid_url",
                _("{field} must be an http:// or https:// URL with a host.").format(
                    field=label(where)
                ),
                fixes=url_fixes(where, value),
            )
            return None
        if extensions:
            ext = last_segment_extension(value)
            kind = _(what) if what else _("a file")
            either = _("or")
            endings = f" {either} ".join(extensions)
            if ext not in extensions and extensions_advised:
                self.warn(
                    where,
                    "unexpected_extension",
                    _(
                        "{field} does not end in {endings} ({ending}); Viber expects {kind}, so "
                        "check that the address serves one."
                    ).format(
                        field=label(where),
                        endings=endings,
                        ending=_('it ends in "{ext}"').format(ext=ext)
                        if ext
                        else _("its name has no extension"),
                        kind=kind,
                    ),
                )
            elif ext not in extensions:
                self.error(
                    where,
                    "invalid_extension",
                    _(
                        "{field} must point to {kind} whose name ends in {endings} (the URL's "
                        'last path segment ends in "{ext}").'
                    ).format(
                        field=label(where),
                        kind=kind,
                        endings=endings,
                        ext=ext or _("no extension"),
                    ),
                )
        return value

    def obj(
        self, parent: Mapping[str, Any], key: str, path: str, *, required: bool = False
    ) -> dict[str, Any] | None:
        present, value = self.get(parent, key, path, N_("an object"), required=required)
        if not present:
            return None
        if not isinstance(value, dict):
            self.wrong_kind(child(path, key), value, N_("an object"))
            return None
        return value


def url_fixes(where: str, value: str) -> tuple[Fix, ...]:
    """The address written plainly: spaces around it removed, or ``https://`` added."""
    meant = fixes.url(value)
    if meant is None or not is_http_url(meant[0]):
        return ()
    return (fixes.set_to(where, meant[0], meant[1]),)


def is_http_url(value: str) -> bool:
    """True for an http(s) URL with a host."""
    try:
        parts = urlsplit(value)
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.hostname) and " " not in value


def last_segment_extension(url: str) -> str:
    """Return the lower-case extension of the URL path's last segment (``""`` if none)."""
    try:
        segment = urlsplit(url).path.rsplit("/", 1)[-1]
    except ValueError:
        return ""
    return file_extension(segment)


def file_extension(name: str) -> str:
    """Return the lower-case extension of a file name, with its dot (``""`` if none)."""
    stem, dot, ext = name.rpartition(".")
    return f".{ext.lower()}" if dot and stem and ext else ""


def _quoted(value: str) -> str:
    """A fix's label: 'Write "value"'."""
    return _('Write "{value}"').format(value=value)


def _unquoted(value: object) -> str:
    """A fix's label: 'Write 6 without quotes'."""
    return _("Write {value} without quotes").format(value=value)


def _fmt(value: float | None) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
