"""What a token check (get_account_info) says about the token, in plain words.

Only Viber's status 2 (invalidAuthToken) means the token is wrong. When no valid answer came
back (offline, DNS, TLS, timeout, an error page), the token was not judged at all.
"""

from typing import TYPE_CHECKING, Literal, NamedTuple

from viber_desktop.core.i18n import _, ngettext, number
from viber_desktop.core.statuses import status_info

if TYPE_CHECKING:
    from viber_desktop.core.api_result import ApiResult

INVALID_TOKEN_STATUS = 2
NAME_SHOWN_MAX = 100
"""A bot name longer than this (a hostile answer) is cut when shown."""

Verdict = Literal["valid", "invalid", "refused", "not_checked"]


class TokenVerdict(NamedTuple):
    """``verdict`` for colour and icon; ``text`` is the sentence the user reads."""

    verdict: Verdict
    text: str
    bot_name: str = ""


def _capital(who: str) -> str:
    return who[:1].upper() + who[1:]


def not_checked(who: str, reason: str, *, answered: bool = False) -> TokenVerdict:
    """The check did not reach a server that could judge the token (``answered``: it got an
    answer, but not one from the Viber API, such as a proxy's error page)."""
    text = (
        _(
            "{who} gave no valid answer ({reason}), so the token was NOT checked: it may well "
            "be valid. Check the connection and the profile's API URL, then press Check again."
        )
        if answered
        else _(
            "{who} could not be reached ({reason}), so the token was NOT checked: it may well "
            "be valid. Check the connection and the profile's API URL, then press Check again."
        )
    )
    return TokenVerdict("not_checked", text.format(who=_capital(who), reason=reason))


def token_verdict(result: "ApiResult", who: str = "Viber") -> TokenVerdict:
    """Judge a get_account_info result; ``who`` names the server ("Viber", "the sandbox")."""
    if result.outcome == "ok":
        data = result.data or {}
        name = data.get("name")
        bot = name[:NAME_SHOWN_MAX] if isinstance(name, str) else ""
        count = data.get("subscribers_count")
        subscribers = (
            ngettext("{count} subscribers", "{count} subscribers", count).format(
                count=number(count)
            )
            if isinstance(count, int) and not isinstance(count, bool) and 0 <= count < 10**15
            else _("subscriber count not given")
        )
        return TokenVerdict(
            "valid",
            _("Valid: {who} knows this token ({bot}, {subscribers}).").format(
                who=who, bot=bot or _("a bot"), subscribers=subscribers
            ),
            bot,
        )
    if result.outcome == "api_error" and result.status is not None:
        info = status_info(result.status)
        code = (
            _("status {code} {name}").format(code=info.code, name=info.name)
            if 0 <= info.code < 10**6
            else _("an odd status")
        )
        if result.status == INVALID_TOKEN_STATUS:
            return TokenVerdict(
                "invalid",
                _(
                    "Not valid: {who} says this token is wrong ({code}). Copy the token again "
                    "from the bot's Info screen in the Viber Admin Panel."
                ).format(who=who, code=code),
            )
        return TokenVerdict(
            "refused",
            _("{who} answered but did not confirm the token: {meaning} ({code}) {advice}").format(
                who=_capital(who), meaning=info.meaning, code=code, advice=info.advice
            ),
        )
    return not_checked(
        who,
        result.error or _("no valid answer came back"),
        answered=result.http_status is not None,
    )
