"""Viber's status and billing codes: name, plain-language meaning and what to do."""

from typing import Final, NamedTuple

from viber_desktop.core.i18n import N_, _


class Status(NamedTuple):
    """One send_message status code."""

    code: int
    name: str
    meaning: str
    advice: str


class Billing(NamedTuple):
    """One billing_status value."""

    code: int
    name: str
    meaning: str
    billed: bool = False
    """True when Viber charges for the message."""


STATUSES: Final[dict[int, Status]] = {
    s.code: s
    for s in (
        Status(
            0,
            "ok",
            N_("Viber accepted the message."),
            N_(
                "Nothing to do. Accepted is not delivered: a later 'failed' webhook event can "
                "still report a problem on the phone."
            ),
        ),
        Status(
            1,
            "invalidUrl",
            N_("The webhook URL is not valid."),
            N_("Check the URL given to set_webhook: it must be https with a trusted certificate."),
        ),
        Status(
            2,
            "invalidAuthToken",
            N_("The bot token is not valid."),
            N_(
                "Copy the token again from the bot's Info screen in Viber Admin Panel and store "
                "it for this profile (Token… in the window, or 'viber-desktop token set')."
            ),
        ),
        Status(
            3,
            "badData",
            N_("The request is malformed or breaks the message schema."),
            N_(
                "Read the status message for the field Viber objects to, and fix it; the findings "
                "list (or 'viber-desktop check') shows every rule the message breaks."
            ),
        ),
        Status(
            4,
            "missingData",
            N_("A mandatory field is missing."),
            N_(
                "Read the status message for the missing field, and add it; the findings list "
                "(or 'viber-desktop check') shows what is required."
            ),
        ),
        Status(
            5,
            "receiverNotRegistered",
            N_("The receiver is not a Viber user."),
            N_("Check the receiver ID; it must be a subscriber's ID from a webhook event."),
        ),
        Status(
            6,
            "receiverNotSubscribed",
            N_("The receiver is not subscribed to this bot."),
            N_("The user must open the bot and subscribe (send it a message) first."),
        ),
        Status(
            7,
            "publicAccountBlocked",
            N_("This bot is blocked."),
            N_("Contact Viber support about the bot's status."),
        ),
        Status(
            8,
            "publicAccountNotFound",
            N_("The token's account was not found or is not a bot."),
            N_("Check that the token belongs to a bot account."),
        ),
        Status(
            9,
            "publicAccountSuspended",
            N_("This bot is suspended."),
            N_("Contact Viber support about the suspension."),
        ),
        Status(
            10,
            "webhookNotSet",
            N_("No webhook is set for this bot."),
            N_("Call set_webhook with an https URL before sending messages."),
        ),
        Status(
            11,
            "receiverNoSuitableDevice",
            N_("The receiver's device or Viber version cannot receive bot messages."),
            N_("Ask the user to update Viber; nothing to change in the message."),
        ),
        Status(
            12,
            "tooManyRequests",
            N_("A rate limit was hit."),
            N_(
                "Wait: at most 100 messages per hour go to a user who has not replied. Do not "
                "resend until the user replies or an hour has passed."
            ),
        ),
        Status(
            13,
            "apiVersionNotSupported",
            N_("The receiver's Viber is older than the message's min_api_version."),
            N_("Lower min_api_version by removing newer features, or ask the user to update."),
        ),
        Status(
            14,
            "incompatibleWithVersion",
            N_("The message uses features above its declared min_api_version."),
            N_("Raise min_api_version to the level the checker shows as required."),
        ),
        Status(
            15,
            "publicAccountNotAuthorized",
            N_("This bot is not authorised."),
            N_("Contact Viber support about the bot's authorisation."),
        ),
        Status(
            16,
            "inchatReplyMessageNotAllowed",
            N_("Inline (in-chat) replies are not allowed."),
            N_("Send it as a normal 1:1 message."),
        ),
        Status(
            17,
            "publicAccountIsNotInline",
            N_("The bot is not an inline bot."),
            N_("Inline features need an inline-enabled bot."),
        ),
        Status(
            18,
            "noPublicChat",
            N_("The account has no Public Chat (legacy code)."),
            N_("Legacy error; remove public-chat fields from the request."),
        ),
        Status(
            19,
            "cannotSendBroadcast",
            N_("The broadcast failed."),
            N_("Check the broadcast list and retry later."),
        ),
        Status(
            20,
            "broadcastNotAllowed",
            N_("This bot is not authorised to broadcast."),
            N_("Ask Viber to enable broadcasting for the bot."),
        ),
        Status(
            21,
            "unsupportedCountry",
            N_("The destination country is not supported."),
            N_("The message cannot go to this user's country."),
        ),
        Status(
            22,
            "paymentUnsupported",
            N_("The bot does not support payments."),
            N_("Remove payment features from the message."),
        ),
        Status(
            23,
            "freeMessagesExceeded",
            N_("The bot used its monthly free out-of-session messages."),
            N_("Wait for the user to reply (in-session messages are free) or move to a paid plan."),
        ),
        Status(
            24,
            "noBalance",
            N_("The bot is past its free quota and has no balance."),
            N_("Top up the bot's balance in the Viber Admin Panel."),
        ),
    )
}

GENERAL_ERROR: Final = Status(
    -1,
    "generalError",
    N_("Viber reported an error this app does not know."),
    N_("Read status_message; if it persists, contact Viber support with the message_token."),
)

BILLING: Final[dict[int, Billing]] = {
    b.code: b
    for b in (
        Billing(
            0, "free", N_("Free: a chat extension, a reply in an open conversation and the like.")
        ),
        Billing(
            1,
            "inSessionNonBillableBot",
            N_("In-session 1:1 message or keyboard, non-billable bot: free."),
        ),
        Billing(2, "inSessionForBillableBot", N_("In-session message, billable bot: free.")),
        Billing(
            3,
            "outOfSessionFreeMessageNonBillableBot",
            N_("Free out-of-session message, non-billable bot."),
        ),
        Billing(
            4,
            "outOfSessionFreeMessageForBillableBot",
            N_("Free out-of-session message, billable bot (counts against the free quota)."),
        ),
        Billing(5, "outOfSessionBilledMessage", N_("Charged out-of-session message."), billed=True),
    )
}


def status_info(code: int) -> Status:
    """Return the table entry for ``code``; unknown codes are a general error with that code.

    Meaning and advice come in the current language (the tables above hold the English)."""
    known = STATUSES.get(code)
    entry = known if known is not None else GENERAL_ERROR._replace(code=code)
    return entry._replace(meaning=_(entry.meaning), advice=_(entry.advice))


def billing_info(code: int | None) -> Billing | None:
    """Return the billing entry for ``code`` (its meaning in the current language) or None when
    unknown or absent."""
    known = None if code is None else BILLING.get(code)
    return None if known is None else known._replace(meaning=_(known.meaning))
