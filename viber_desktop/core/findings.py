"""Findings produced by the payload checker and the report that carries them.

NamedTuples: built on every keystroke, kept off pydantic, and cheap to define at start (a
dataclass takes about 1 ms to build; issue 16).
:class:`Feature` lives in core/features.py, loaded when a payload first uses one (issue 16).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal, NamedTuple

from viber_desktop.core.pointer import Edit, child, pointer

if TYPE_CHECKING:
    from viber_desktop.core.features import Feature as Feature

__all__ = ["CheckReport", "Feature", "Finding", "Fix", "Severity", "child", "pointer"]

Severity = Literal["error", "warning"]


def __getattr__(name: str) -> object:
    """``Feature``, loaded on first use."""
    if name == "Feature":
        from viber_desktop.core.features import Feature

        return Feature
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


class Fix(NamedTuple):
    """A change that resolves a finding: remove the value at ``path`` or set it to ``value``.

    Pure data; :meth:`edit` turns it into the :class:`~viber_desktop.core.pointer.Edit` that
    ``pointer.apply`` makes (and whose returned edit undoes it).
    """

    label: str
    """A short button text, e.g. "Remove chat_id"."""
    op: Literal["remove", "set"]
    path: str
    value: Any = None

    def edit(self) -> Edit:
        """The pointer edit that makes this fix."""
        if self.op == "remove":
            return Edit("delete", self.path)
        return Edit("set", self.path, self.value)

    def as_json(self) -> dict[str, object]:
        data: dict[str, object] = {"label": self.label, "op": self.op, "path": self.path}
        if self.value is not None:
            data["value"] = self.value
        return data


class Finding(NamedTuple):
    """One problem found in a payload, located by an RFC 6901 JSON Pointer."""

    severity: Severity
    path: str
    code: str
    message: str
    used: int | None = None
    limit: int | None = None
    fixes: tuple[Fix, ...] = ()
    """Ways out, the recommended one first; none where no change is plainly what is wanted."""

    @property
    def fix(self) -> Fix | None:
        """The recommended fix, if any."""
        return self.fixes[0] if self.fixes else None

    def as_json(self) -> dict[str, object]:
        """Return the finding as the CLI's JSON shape: ``used``/``limit`` only when set;
        ``fix`` (the recommended one) and ``fixes`` (all) only when there are any."""
        data: dict[str, object] = {
            "severity": self.severity,
            "path": self.path,
            "code": self.code,
            "message": self.message,
        }
        if self.used is not None:
            data["used"] = self.used
        if self.limit is not None:
            data["limit"] = self.limit
        if self.fixes:
            shown = [fix.as_json() for fix in self.fixes]
            data["fix"] = shown[0]
            data["fixes"] = shown
        return data


class CheckReport(NamedTuple):
    """The outcome of checking one payload."""

    findings: tuple[Finding, ...]
    bytes: int
    min_api_version_required: int
    features: tuple[Feature, ...] = ()

    @property
    def ok(self) -> bool:
        """True when no finding is an error (warnings allowed)."""
        return not self.errors

    @property
    def errors(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity == "error")

    @property
    def warnings(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity == "warning")

    def at(self, path: str) -> tuple[Finding, ...]:
        """Return the findings located exactly at ``path``."""
        return tuple(f for f in self.findings if f.path == path)

    def as_json(self) -> dict[str, object]:
        """Return the report in the shape ``viber-desktop check --json`` prints."""
        return {
            "ok": self.ok,
            "bytes": self.bytes,
            "min_api_version_required": self.min_api_version_required,
            "findings": [f.as_json() for f in self.findings],
        }
