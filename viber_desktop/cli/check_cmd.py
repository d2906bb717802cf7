"""``viber-desktop check FILE``: list every finding in a payload."""

import argparse

from viber_desktop.cli import EXIT_FINDINGS, EXIT_OK, Subparsers
from viber_desktop.cli.json_shapes import check_report
from viber_desktop.cli.output import one_line, say, say_json
from viber_desktop.cli.payload_input import read_payload
from viber_desktop.core import limits
from viber_desktop.core.checker import check_payload
from viber_desktop.core.findings import CheckReport, Finding


def register(sub: Subparsers) -> None:
    p = sub.add_parser(
        "check",
        help="check a send_message payload against every known rule",
        description="Check a send_message JSON payload. Exit 0: no errors "
        "(warnings allowed); 1: errors; 2: the input cannot be read or is not "
        'JSON. With --json, always one JSON object (with "error" set when the input '
        "cannot be checked).",
    )
    p.add_argument("file", help="payload file, or - for standard input")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    report = check_payload(read_payload(args.file))
    if args.json:
        say_json(check_report(report))
    else:
        say(format_report(report))
    return EXIT_OK if report.ok else EXIT_FINDINGS


def format_finding(f: Finding) -> str:
    where = one_line(f.path) or "(body)"
    extra = f" [{f.used}/{f.limit}]" if f.used is not None and f.limit is not None else ""
    return f"{f.severity}: {where}: {one_line(f.message)} ({f.code}){extra}"


def format_report(report: CheckReport) -> str:
    lines = [format_finding(f) for f in report.findings]
    n_err, n_warn = len(report.errors), len(report.warnings)
    verdict = "OK" if report.ok else "NOT SENDABLE"
    lines.append(
        f"{verdict}: {_count(n_err, 'error')}, {_count(n_warn, 'warning')}; {report.bytes:,} of "
        f"{limits.REQUEST_BYTES_MAX:,} bytes; min_api_version required: "
        f"{report.min_api_version_required}"
    )
    return "\n".join(lines)


def _count(n: int, word: str) -> str:
    """``1 error``, ``0 errors``: the command line speaks English only."""
    return f"{n:,} {word}" + ("" if n == 1 else "s")
