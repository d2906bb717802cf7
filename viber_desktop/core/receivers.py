"""Receivers: the book's field rules, what get_user_details and get_online answer, Viber's
lookup limit, whether a message fits a receiver's Viber, and the outcomes of a list send.

Storage lives in services/receivers.py; every limit and every sentence about receivers is here.
The records (a book's receiver, a test list, a user's details and online state) are in
core/receiver_records.py, loaded when first used (start-up, issue 16).
"""

import math
from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any, Final, Literal, NamedTuple

from viber_desktop.core.findings import CheckReport, Finding
from viber_desktop.core.i18n import N_, Translated, _, ngettext, number
from viber_desktop.core.outcomes import OUTCOME_LABELS, Outcome

HOUR: Final = 3600.0

# --- the book ---------------------------------------------------------------------------------

RECEIVER_ID_MAX: Final = 128
"""Viber's user IDs are about 24 characters of base64; anything far longer is not one."""
LABEL_MAX: Final = 80
NOTES_MAX: Final = 1000
TAG_MAX: Final = 32
TAGS_MAX: Final = 10
LIST_NAME_MAX: Final = 64
LIST_MEMBERS_MAX: Final = 100
"""A list's online states take one get_online call (at most 100 IDs)."""
BOOK_MAX: Final = 5000
"""Receivers per bot profile: a book of test phones and colleagues, not a subscriber base."""
LISTS_MAX: Final = 200
SEPARATOR: Final = ";"
"""Between tags (and between list names in a CSV cell); so never inside a tag or list name."""


def _broken(text: str) -> bool:
    return any("\ud800" <= c <= "\udfff" for c in text)


def receiver_id_problem(text: str) -> str | None:
    """Why ``text`` cannot be a receiver ID, in one sentence, or None."""
    if not text.strip():
        return _("The receiver ID is empty: copy it from a webhook event or the history.")
    if _broken(text):
        return _("The receiver ID contains a broken character (half of an emoji); copy it again.")
    if len(text) > RECEIVER_ID_MAX:
        return ngettext(
            "The receiver ID is {count} characters long; Viber's IDs are about 24 (at most "
            "{limit} are kept). Copy it again.",
            "The receiver ID is {count} characters long; Viber's IDs are about 24 (at most "
            "{limit} are kept). Copy it again.",
            len(text),
        ).format(count=number(len(text)), limit=RECEIVER_ID_MAX)
    if not text.isprintable() or any(c.isspace() for c in text):
        return _("The receiver ID contains spaces or invisible characters; copy it again.")
    return None


def label_problem(text: str) -> str | None:
    """Why ``text`` cannot be a receiver's label, or None (an empty label is allowed)."""
    if _broken(text):
        return _("The label contains a broken character (half of an emoji); type it again.")
    if len(text) > LABEL_MAX:
        return ngettext(
            "The label is {count} characters long; keep it to {limit}.",
            "The label is {count} characters long; keep it to {limit}.",
            len(text),
        ).format(count=number(len(text)), limit=LABEL_MAX)
    if not text.isprintable():
        return _("The label contains line breaks or invisible characters; keep it to one line.")
    return None


def notes_problem(text: str) -> str | None:
    """Why ``text`` cannot be a receiver's notes, or None (line breaks and tabs are fine)."""
    if _broken(text):
        return _("The notes contain a broken character (half of an emoji); type them again.")
    if len(text) > NOTES_MAX:
        return ngettext(
            "The notes are {count} characters long; keep them to {limit}.",
            "The notes are {count} characters long; keep them to {limit}.",
            len(text),
        ).format(count=number(len(text)), limit=number(NOTES_MAX))
    if not all(c.isprintable() or c in "\n\t" for c in text):
        return _("The notes contain invisible control characters; type them again.")
    return None


def name_problem(text: str, what: str, limit: int) -> str | None:
    """Why ``text`` cannot be a tag or a list name (``what``, marked with ``N_``), or None."""
    what = _(what)
    if not text.strip():
        return _("The {what} is empty.").format(what=what)
    if _broken(text):
        return _(
            "The {what} contains a broken character (half of an emoji); type it again."
        ).format(what=what)
    if len(text) > limit:
        return ngettext(
            "The {what} {text}… is {count} characters long; keep it to {limit}.",
            "The {what} {text}… is {count} characters long; keep it to {limit}.",
            len(text),
        ).format(what=what, text=repr(text[:20]), count=number(len(text)), limit=limit)
    if not text.isprintable() or text != text.strip() or SEPARATOR in text or "," in text:
        return _(
            "The {what} {text} has a comma, a semicolon, spaces at an end or invisible "
            "characters; use letters, digits and single spaces."
        ).format(what=what, text=repr(text[:40]))
    return None


def tags_problem(tags: Iterable[str]) -> str | None:
    """Why ``tags`` cannot be a receiver's tags, or None."""
    tags = list(tags)
    if len(tags) > TAGS_MAX:
        return ngettext(
            "{count} tags is too many; keep it to {limit}.",
            "{count} tags is too many; keep it to {limit}.",
            len(tags),
        ).format(count=len(tags), limit=TAGS_MAX)
    for tag in tags:
        problem = name_problem(tag, N_("tag"), TAG_MAX)
        if problem:
            return problem
    return None


def split_names(cell: str) -> list[str]:
    """Tags or list names from one cell (``QA; iPhone``): trimmed, empty ones dropped,
    repeats (ignoring case) dropped."""
    seen: set[str] = set()
    names: list[str] = []
    for part in cell.replace(",", SEPARATOR).split(SEPARATOR):
        name = " ".join(part.split())
        if name and name.casefold() not in seen:
            seen.add(name.casefold())
            names.append(name)
    return names


# --- CSV ------------------------------------------------------------------------------------

CSV_COLUMNS: Final = ("receiver_id", "label", "notes", "tags", "lists")
CSV_BYTES_MAX: Final = 4 * 1024 * 1024
CSV_ROWS_MAX: Final = BOOK_MAX
_FORMULA_STARTS: Final = ("=", "+", "-", "@", "\t", "\r")
_QUOTE: Final = "'"


def csv_cell(text: str) -> str:
    """``text`` as an exported cell a spreadsheet shows as text, never runs as a formula.

    A cell starting with = + - @ (or a tab or carriage return) gets a leading apostrophe;
    so does one that already starts with an apostrophe, so that :func:`csv_value` undoes
    exactly what was added.
    """
    if text.startswith((*_FORMULA_STARTS, _QUOTE)):
        return _QUOTE + text
    return text


def csv_value(cell: str) -> str:
    """The value of an imported cell: the apostrophe :func:`csv_cell` adds is removed."""
    if cell.startswith(_QUOTE) and cell[1:].startswith((*_FORMULA_STARTS, _QUOTE)):
        return cell[1:]
    return cell


# --- get_user_details -----------------------------------------------------------------------


class CallLimit(NamedTuple):
    """How often Viber lets a bot call an endpoint about one user."""

    endpoint: str
    calls: int
    window_s: float
    source: str


USER_DETAILS_LIMIT: Final = CallLimit(
    "get_user_details",
    2,
    12 * HOUR,
    "Viber's docs: the request “can be used twice every 12 hours for each user”",
)


def next_call_at(
    times: Iterable[float], now: float, limit: CallLimit = USER_DETAILS_LIMIT
) -> float:
    """When the next call is allowed: ``now`` when allowed now, else when the oldest call
    within the window leaves it."""
    recent = sorted(t for t in times if now - limit.window_s < t)
    if len(recent) < limit.calls:
        return now
    return recent[len(recent) - limit.calls] + limit.window_s


def calls_left(times: Iterable[float], now: float, limit: CallLimit = USER_DETAILS_LIMIT) -> int:
    """How many calls are allowed now."""
    recent = [t for t in times if now - limit.window_s < t]
    return max(0, limit.calls - len(recent))


def age_words(seconds: float) -> str:
    """How long ago, in words: ``just now``, ``5 min``, ``3 h 20 min``, ``2 days``."""
    if not math.isfinite(seconds) or seconds < 60:
        return _("just now") if seconds < 60 else _("a long time")
    minutes = int(seconds // 60)
    if minutes < 60:
        return _("{minutes} min").format(minutes=minutes)
    hours, minutes = divmod(minutes, 60)
    if hours < 48:
        if minutes:
            return _("{hours} h {minutes} min").format(hours=hours, minutes=minutes)
        return _("{hours} h").format(hours=hours)
    days = hours // 24
    return ngettext("{days} days", "{days} days", days).format(days=number(days))


def ago(seconds: float) -> str:
    """``just now`` or ``5 min ago``."""
    words = age_words(seconds)
    return words if seconds < 60 else _("{age} ago").format(age=words)


def clock_time(ts: float, now: float) -> str:
    """A local time to act on: ``18:20`` today, else ``2024-05-02 18:20``."""
    when = datetime.fromtimestamp(ts).astimezone()
    today = datetime.fromtimestamp(now).astimezone().date()
    return f"{when:%H:%M}" if when.date() == today else f"{when:%Y-%m-%d %H:%M}"


def lookup_refused(who: str, allowed_at: float, now: float) -> str:
    """The sentence for a lookup refused by :data:`USER_DETAILS_LIMIT`."""
    limit = USER_DETAILS_LIMIT
    return _(
        "Viber allows {calls} lookups of a receiver every {hours} hours, and {who} was looked "
        "up {calls} times already: the next lookup is allowed at {time} (in {wait}). Nothing "
        "was asked."
    ).format(
        calls=limit.calls,
        hours=f"{limit.window_s / HOUR:g}",
        who=who,
        time=clock_time(allowed_at, now),
        wait=age_words(allowed_at - now),
    )


SHOWN_TEXT_MAX: Final = 300
"""A text field of an answer longer than this is cut (an avatar URL up to URL_MAX)."""
URL_MAX: Final = 2000
API_LEVEL_MAX: Final = 1000
"""An api_version above this is nonsense from a hostile server, not a level."""

USER_FIELDS: Final = Translated(
    {
        "name": N_("Name"),
        "country": N_("Country"),
        "language": N_("Language"),
        "primary_device_os": N_("Device system"),
        "device_type": N_("Device"),
        "viber_version": N_("Viber version"),
        "api_version": N_("API level"),
        "mcc": N_("Mobile country code"),
        "mnc": N_("Mobile network code"),
        "avatar": N_("Avatar"),
    }
)
"""get_user_details' ``user`` fields, in the order and words a user reads them."""


# --- get_online -----------------------------------------------------------------------------

ONLINE_IDS_MAX: Final = 100
"""get_online takes at most 100 IDs per call (Viber's docs)."""


class OnlineState(NamedTuple):
    code: int
    name: str
    words: str


ONLINE_STATES: Final[dict[int, OnlineState]] = {
    s.code: s
    for s in (
        OnlineState(0, "online", N_("online")),
        OnlineState(1, "offline", N_("offline")),
        OnlineState(2, "undisclosed", N_("hides whether they are online, a Viber privacy setting")),
        OnlineState(3, "tryLater", N_("Viber could not tell just now: try again later")),
        OnlineState(
            4,
            "unavailable",
            N_("not reachable: not a Viber user, not subscribed to this bot, or gone from Viber"),
        ),
    )
}


def online_state(code: int | None) -> OnlineState:
    """The state for ``code``, its words in the current language."""
    known = ONLINE_STATES.get(code) if code is not None else None
    if known is not None:
        return known._replace(words=_(known.words))
    shown = _("none") if code is None else str(code)
    return OnlineState(
        -1,
        "unknown",
        _("Viber gave an online state this app does not know ({code})").format(code=shown),
    )


LAST_ONLINE_MS_MAX: Final = 10**14
"""last_online is milliseconds since 1970; a value beyond the year 5000 is not a time."""


# --- compatibility --------------------------------------------------------------------------


class Need(NamedTuple):
    """The API level a message needs, and why (the features at that level, or the setting)."""

    level: int
    why: str


def needed_level(report: CheckReport, payload: Any) -> Need:
    """The level Viber compares with the receiver's: the higher of the declared
    ``min_api_version`` and what the features need (the checker's report)."""
    declared = payload.get("min_api_version") if isinstance(payload, Mapping) else None
    if not isinstance(declared, int) or isinstance(declared, bool):
        declared = 1
    level = max(declared, report.min_api_version_required, 1)
    names: list[str] = []
    for feature in report.features:
        if feature.level == level and _(feature.name) not in names:
            names.append(_(feature.name))
    if names:
        more = " " + _("and {count} more").format(count=len(names) - 3) if len(names) > 3 else ""
        return Need(level, ", ".join(names[:3]) + more)
    return Need(level, _("its min_api_version is {level}").format(level=level))


def fit_problem(who: str, receiver_level: int | None, need: Need) -> str | None:
    """``Anna's Viber supports API level 3; this message needs 4 (ButtonsGroupColumns)``,
    or None when it fits or the receiver's level is not known."""
    if receiver_level is None or receiver_level >= need.level:
        return None
    return _(
        "{who}'s Viber supports API level {level}; this message needs {needed} ({why})"
    ).format(who=who, level=receiver_level, needed=need.level, why=need.why)


STATUS_13_NOTE: Final = N_("Viber would refuse it with status 13 (apiVersionNotSupported)")
"""English; show it through ``_()``."""


def fit_finding(problem: str | None) -> Finding | None:
    """The findings-list warning for a :func:`fit_problem` (None when the message fits)."""
    if problem is None:
        return None
    return Finding(
        severity="warning",
        path="/receiver",
        code="receiver_api_level",
        message=f"{problem}. {_(STATUS_13_NOTE)}.",
    )


# --- list sends -----------------------------------------------------------------------------

LIST_SEND_MAX: Final = 50
LIST_SEND_RULE: Final = (
    f"A list send goes to at most {LIST_SEND_MAX} receivers: test lists are for testers' "
    "phones, not for campaigns"
)


def list_send_rule() -> str:
    """:data:`LIST_SEND_RULE` in the current language."""
    return _(
        "A list send goes to at most {count} receivers: test lists are for testers' phones, "
        "not for campaigns"
    ).format(count=LIST_SEND_MAX)


UNKNOWN_HOLD_S: Final = HOUR
"""A receiver whose send of the same message ended ``unknown`` this recently is skipped."""

ListOutcome = Literal["ok", "api_error", "not_sent", "unknown", "skipped", "not_tried"]
LIST_OUTCOME_LABELS: Final = Translated[str](
    {
        **{str(k): v for k, v in OUTCOME_LABELS.source.items()},
        "skipped": N_("skipped"),
        "not_tried": N_("not tried"),
    }
)
"""A list send's per-receiver outcome in words: the four of a send, plus ``skipped`` (a
known reason, nothing sent) and ``not_tried`` (the list stopped before this receiver)."""

RECEIVER_STATUSES: Final = frozenset({5, 6, 11, 12, 13, 21})
"""Statuses about one receiver; any other refusal (the token, the bot, the message itself)
would come back for every receiver, so the list stops."""


def list_stops_after(outcome: Outcome, status: int | None) -> bool:
    """Whether a list send stops after this result: no answer, or a refusal that is not
    about this receiver."""
    if outcome in ("not_sent", "unknown"):
        return True
    return outcome == "api_error" and status not in RECEIVER_STATUSES


def too_many_for_a_list_send(name: str, size: int) -> str:
    return ngettext(
        "The list {name} has {count} receivers. {rule}: split it into smaller lists. Nothing "
        "was sent.",
        "The list {name} has {count} receivers. {rule}: split it into smaller lists. Nothing "
        "was sent.",
        size,
    ).format(name=repr(name), count=number(size), rule=list_send_rule())


def empty_list(name: str) -> str:
    return _(
        "The list {name} has no receivers: add some with "
        "'viber-desktop receivers add ID --list {name}'. Nothing was sent."
    ).format(name=repr(name))


NOT_TRIED_STOPPED: Final = N_("Not tried: you stopped the list send.")
STOPPED_BEFORE_IT_LEFT: Final = N_(
    "You stopped the list before this request left: nothing was sent to this receiver."
)
STOPPED_WAITING: Final = N_(
    "You stopped waiting for the answer, so this message MAY HAVE BEEN DELIVERED. Check the "
    "receiver's chat before sending it again."
)


def not_tried_after(who: str, what: str) -> str:
    return _(
        "Not tried: the list stopped after {who} ({what}), as the same would most likely "
        "happen again. Nothing more was sent."
    ).format(who=who, what=what)


def skip_unknown(who: str, entry_id: int) -> str:
    return _(
        "Skipped: an earlier send of this same message to {who} (history #{entry}) has an "
        "unknown outcome, so it may have arrived. Check the receiver's chat; send to it alone "
        "if it did not."
    ).format(who=who, entry=entry_id)


def skip_limited(who: str, until: str) -> str:
    return _(
        "Skipped: Viber answered 'too many requests' (status 12) for {who} less than an hour "
        "ago; try again after {until}."
    ).format(who=who, until=until)


def skip_hourly(who: str, sent: int, most: int) -> str:
    return ngettext(
        "Skipped: {sent} messages went to {who} in the last hour; Viber allows {most} per hour "
        "until the receiver replies.",
        "Skipped: {sent} messages went to {who} in the last hour; Viber allows {most} per hour "
        "until the receiver replies.",
        sent,
    ).format(sent=sent, who=who, most=most)


def skip_old(fit: str) -> str:
    return _("Skipped: {fit}. {status13}.").format(fit=fit, status13=_(STATUS_13_NOTE))


def skip_invalid(problem: str) -> str:
    return _("Skipped: for this receiver the message has an error: {problem}").format(
        problem=problem
    )


def readme_rules() -> str:
    """The README's table of receiver rules (generated: the README must match)."""
    limit = USER_DETAILS_LIMIT
    states = ", ".join(
        f"{s.code} {s.name}" + ("" if s.words == s.name else f" ({s.words})")
        for s in ONLINE_STATES.values()
    )
    rows = [
        "| What | Rule |",
        "|---|---|",
        f"| `get_user_details` (lookup) | at most {limit.calls} per receiver every "
        f"{limit.window_s / HOUR:g} hours ({limit.source}); counted per profile before each "
        "call, and the answer is kept with its time |",
        f"| `get_online` | at most {ONLINE_IDS_MAX} receivers per call; states: {states} |",
        f"| `send --list` | {LIST_SEND_RULE}; one `send_message` per receiver, one after "
        "another, each recorded in the history before it leaves |",
        f"| Test list | at most {LIST_MEMBERS_MAX} receivers; {LISTS_MAX} lists per profile |",
        f"| Book | at most {BOOK_MAX:,} receivers per profile; label up to {LABEL_MAX} "
        f"characters, notes {NOTES_MAX:,}, up to {TAGS_MAX} tags of {TAG_MAX}, list names "
        f"{LIST_NAME_MAX}, IDs {RECEIVER_ID_MAX} |",
        f"| CSV | columns {', '.join(CSV_COLUMNS)} (only receiver_id required; tags and lists "
        f"separated by `{SEPARATOR}`); at most {CSV_BYTES_MAX // 2**20} MB and {CSV_ROWS_MAX:,} "
        "rows; cells starting with = + - @ are written with a leading apostrophe |",
    ]
    return "\n".join(rows)
