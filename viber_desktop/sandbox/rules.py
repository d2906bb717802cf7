"""The sandbox's documented behaviour: its bot, its subscribers and its test receivers."""

from typing import Final

from viber_desktop.core.patterns import lazy_pattern
from viber_desktop.core.statuses import STATUSES

SANDBOX_TOKEN: Final = "sandbox-0123456789abcdef-token"
BOT_NAME: Final = "Sandbox Bot"
SUBSCRIBER_PREFIX: Final = "sandbox-user"
SUBSCRIBERS: Final = {
    "sandbox-user-1": "Alice (sandbox)",
    "sandbox-user-2": "Boris (sandbox)",
    "sandbox-user-3": "Chen (sandbox)",
}
SESSION_HOURS: Final = 24
FIRST_MESSAGE_TOKEN: Final = 5_741_311_803_571_721_087  # > 2**53: any float parser loses it

STATUS_PREFIX: Final = "status-"
_STATUS_DIGITS = lazy_pattern(r"[0-9]{1,9}")
FAULT_DELAY_PREFIX: Final = "fault-delay-"
FAULT_DELAY_MAX: Final = 600.0
"""The longest ``fault-delay-S`` wait in seconds: a longer (or infinite) S waits this long."""
FAULT_HTTP500: Final = "fault-http500"
FAULT_NOT_JSON: Final = "fault-not-json"
FAULT_DROP: Final = "fault-drop"

BILLING_RULE: Final = (
    "billing_status is 2 (inSessionForBillableBot) within 24 hours after the receiver replied "
    "(POST /sandbox/reply), otherwise 5 (outOfSessionBilledMessage)."
)


def is_subscriber(receiver: str) -> bool:
    """Receivers starting with ``sandbox-user`` (or a delay fault) are subscribed."""
    return receiver.startswith((SUBSCRIBER_PREFIX, FAULT_DELAY_PREFIX))


def receivers_help() -> str:
    """The list of special receivers, for ``sandbox --help`` and the README."""
    lines = [
        f"  {', '.join(SUBSCRIBERS)} (and any id starting with '{SUBSCRIBER_PREFIX}'):",
        "      subscribed users; messages succeed. Any other receiver: status 6.",
        f"  {STATUS_PREFIX}N (N = 1..24, or any other number): answers status N, e.g. "
        f"{STATUS_PREFIX}12 -> tooManyRequests;",
        "      each code's name comes from the status table.",
        f"  {FAULT_DELAY_PREFIX}S: answers ok after S seconds, at most {FAULT_DELAY_MAX:g} "
        f"(e.g. {FAULT_DELAY_PREFIX}30 to trigger a read timeout).",
        f"  {FAULT_HTTP500}: HTTP 500 with an HTML page.",
        f"  {FAULT_NOT_JSON}: HTTP 200 with a body that is not JSON.",
        f"  {FAULT_DROP}: reads the request, then closes the connection without answering.",
        "  The 101st message within an hour to a receiver who has not replied: status 12.",
        '  POST /sandbox/reply {"receiver": ID} simulates the receiver replying: it resets',
        "      that count and opens a 24-hour session.",
        f"  {BILLING_RULE}",
    ]
    from viber_desktop.sandbox.users import users_help  # users.py reads this module's names

    return "\n".join([*lines, *users_help()])


def status_for_test_receiver(receiver: str) -> int | None:
    """Return N for a ``status-N`` receiver (N: 1 to 9 plain digits, not 0)."""
    if receiver.startswith(STATUS_PREFIX):
        rest = receiver[len(STATUS_PREFIX) :]
        # Trap: str.isdigit() accepts '²' and other digits int() refuses, and any length.
        if _STATUS_DIGITS().fullmatch(rest) and int(rest) != 0:
            return int(rest)
    return None


def status_message(code: int) -> str:
    known = STATUSES.get(code)
    return known.name if known else "General error"
