"""The JSON objects ``check --json`` and ``send --json`` print, for results and for errors.

Kept free of services so that even a command that fails to load can still answer in JSON.
"""

from typing import Any

from viber_desktop.core.findings import CheckReport
from viber_desktop.core.outcomes import NOT_SENT_NOTE, ApiResult


def check_report(report: CheckReport) -> dict[str, Any]:
    """``check --json``: the report, and ``error`` (null when the input could be checked)."""
    return {**report.as_json(), "error": None}


def check_error(error: str) -> dict[str, Any]:
    """``check --json`` when the input could not be checked at all."""
    return {
        "ok": False,
        "bytes": None,
        "min_api_version_required": None,
        "findings": [],
        "error": error,
    }


def send_result(r: ApiResult, where: dict[str, Any]) -> dict[str, Any]:
    """``send --json``: the decoded answer, the profile and endpoint used, what went wrong."""
    return {**r.as_json(), **where, "error": r.error, "history_error": r.history_error}


def send_error(error: str) -> dict[str, Any]:
    """``send --json`` when the command stopped before sending: every key, nothing sent."""
    return {
        **dict.fromkeys(ApiResult(outcome="not_sent").as_json()),
        "outcome": "not_sent",
        "explanation": f"{NOT_SENT_NOTE} {error[:1].upper()}{error[1:]}",
        "profile": None,
        "endpoint": None,
        "error": error,
        "history_error": None,
    }


def error_shape(command: str, error: str, detail: dict[str, Any]) -> dict[str, Any]:
    """The error object of ``command`` (check or send), with ``detail`` keys on top."""
    base = check_error(error) if command == "check" else send_error(error)
    return {**base, **detail}
