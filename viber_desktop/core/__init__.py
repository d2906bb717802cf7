"""Pure rules of the Viber send_message API: no Qt, no network, no keyring, no sqlite.

Use it as a library::

    from viber_desktop.core import check_payload
    report = check_payload({"receiver": "…", "type": "text", "text": "Hi"})

Names load on first use (``import viber_desktop.core`` stays cheap: the app's start-up time).
"""

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from viber_desktop.core.checker import check_payload
    from viber_desktop.core.features import Feature
    from viber_desktop.core.findings import CheckReport, Finding, Fix, Severity
    from viber_desktop.core.jsonio import JsonInputError, parse_json
    from viber_desktop.core.schema import FIELDS, MESSAGE_TYPES, Field, field_of
    from viber_desktop.core.statuses import (
        BILLING,
        STATUSES,
        Billing,
        Status,
        billing_info,
        status_info,
    )
    from viber_desktop.core.text import body_bytes, utf16_len

_HOMES = {
    "check_payload": "checker",
    "CheckReport": "findings",
    "Feature": "features",
    "Finding": "findings",
    "Fix": "findings",
    "Severity": "findings",
    "JsonInputError": "jsonio",
    "parse_json": "jsonio",
    "FIELDS": "schema",
    "MESSAGE_TYPES": "schema",
    "Field": "schema",
    "field_of": "schema",
    "BILLING": "statuses",
    "STATUSES": "statuses",
    "Billing": "statuses",
    "Status": "statuses",
    "billing_info": "statuses",
    "status_info": "statuses",
    "body_bytes": "text",
    "utf16_len": "text",
}

__all__ = [
    "BILLING",
    "FIELDS",
    "MESSAGE_TYPES",
    "STATUSES",
    "Billing",
    "CheckReport",
    "Feature",
    "Field",
    "Finding",
    "Fix",
    "JsonInputError",
    "Severity",
    "Status",
    "billing_info",
    "body_bytes",
    "check_payload",
    "field_of",
    "parse_json",
    "status_info",
    "utf16_len",
]


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"{__name__}.{home}"), name)
    globals()[name] = value  # the next lookup is a plain attribute
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
