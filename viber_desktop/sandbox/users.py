"""The sandbox's test users: what get_user_details and get_online tell about them.

They are on different API levels so that compatibility can be tried: a message whose
min_api_version is above a user's level gets status 13, as from Viber.
"""

from typing import Any, Final, NamedTuple

from viber_desktop.core.receivers import ONLINE_IDS_MAX, ONLINE_STATES, USER_DETAILS_LIMIT
from viber_desktop.sandbox.rules import (
    STATUS_PREFIX,
    SUBSCRIBER_PREFIX,
    SUBSCRIBERS,
    is_subscriber,
)

HOUR = 3600.0


class SandboxUser(NamedTuple):
    """One sandbox subscriber as get_user_details describes it."""

    name: str
    api_version: int
    primary_device_os: str
    viber_version: str
    device_type: str
    country: str
    language: str
    online_status: int
    last_online_hours: float | None = None
    """For an offline user: how long ago they were last online."""


CURRENT_API_LEVEL: Final = 10
"""The level of every sandbox user not listed in USERS (and of the listed current ones)."""
OLD_USER: Final = "sandbox-user-old"
BUSY_USER: Final = "sandbox-user-busy"

USERS: Final[dict[str, SandboxUser]] = {
    "sandbox-user-1": SandboxUser(
        SUBSCRIBERS["sandbox-user-1"],
        CURRENT_API_LEVEL,
        "Android 14",
        "24.8.1.0",
        "Pixel 8",
        "DE",
        "de",
        0,
    ),
    "sandbox-user-2": SandboxUser(
        SUBSCRIBERS["sandbox-user-2"],
        CURRENT_API_LEVEL,
        "iOS 17.5",
        "24.7.0",
        "iPhone15,2",
        "UA",
        "uk",
        1,
        2.0,
    ),
    "sandbox-user-3": SandboxUser(
        SUBSCRIBERS["sandbox-user-3"],
        CURRENT_API_LEVEL,
        "Windows 11",
        "24.6.0.2",
        "PC",
        "SG",
        "zh",
        2,
    ),
    OLD_USER: SandboxUser(
        "Olga (sandbox, old phone)", 2, "Android 5.1", "6.8.0.9", "GT-I9300", "PL", "pl", 1, 30.0
    ),
    BUSY_USER: SandboxUser(
        "Bashir (sandbox)", CURRENT_API_LEVEL, "Android 13", "24.1.0.4", "SM-A536B", "EG", "ar", 3
    ),
}

_GENERIC: Final = SandboxUser(
    "Sandbox user", CURRENT_API_LEVEL, "Android 14", "24.8.1.0", "Pixel 8", "ZZ", "en", 0
)
UNAVAILABLE: Final = 4


def test_user(receiver: str) -> SandboxUser | None:
    """The test user behind ``receiver``, or None for one who is not subscribed."""
    if receiver in USERS:
        return USERS[receiver]
    return _GENERIC if receiver.startswith(SUBSCRIBER_PREFIX) else None


def api_level(receiver: str) -> int | None:
    """The API level of a subscribed test user (None: not a test user)."""
    user = test_user(receiver)
    return user.api_version if user else None


def user_details(receiver: str) -> dict[str, Any]:
    """The ``user`` object get_user_details answers for a test user."""
    user = test_user(receiver) or _GENERIC
    return {
        "id": receiver,
        "name": user.name,
        "avatar": f"https://example.invalid/avatars/{receiver}.jpg",
        "country": user.country,
        "language": user.language,
        "primary_device_os": user.primary_device_os,
        "api_version": user.api_version,
        "viber_version": user.viber_version,
        "mcc": 0,
        "mnc": 0,
        "device_type": user.device_type,
    }


def online_entry(receiver: str, now: float) -> dict[str, Any]:
    """One entry of a get_online answer: a test user's state; anyone else is unavailable."""
    user = test_user(receiver) if is_subscriber(receiver) else None
    code = user.online_status if user else UNAVAILABLE
    entry: dict[str, Any] = {
        "id": receiver,
        "online_status": code,
        "online_status_message": ONLINE_STATES[code].name,
    }
    if user is not None and user.last_online_hours is not None:
        entry["last_online"] = int((now - user.last_online_hours * HOUR) * 1000)
    return entry


def users_help() -> list[str]:
    """Lines for ``sandbox --help`` and the README."""
    limit = USER_DETAILS_LIMIT
    old = USERS[OLD_USER].api_version
    return [
        f"  {OLD_USER}: a subscriber on an old Viber (API level {old}); a message whose",
        "      min_api_version is above the receiver's level gets status 13. Every other",
        f"      '{SUBSCRIBER_PREFIX}' id is on level {CURRENT_API_LEVEL}.",
        f"  get_user_details: the test user's details. More than {limit.calls} lookups of one "
        f"user within {limit.window_s / HOUR:g} hours:",
        f"      status 12; not subscribed: status 6; {STATUS_PREFIX}N and the fault ids as above.",
        f"  get_online (at most {ONLINE_IDS_MAX} ids): sandbox-user-1 online, sandbox-user-2 and",
        f"      {OLD_USER} offline (with last_online), sandbox-user-3 undisclosed,",
        f"      {BUSY_USER} tryLater, anyone not subscribed unavailable.",
    ]
