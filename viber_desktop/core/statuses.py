"""Viber's status and billing codes: name, plain-language meaning and what to do."""

from typing import Final, NamedTuple


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
            "Viber accepted the message.",
            "Nothing to do. Accepted is not delivered: a later 'failed' webhook event can "
            "still report a problem on the phone.",
        ),
        Status(
            1,
            "invalidUrl",
            "The webhook URL is not valid.",
            "Check the URL given to set_webhook: it must be https with a trusted certificate.",
        ),
        Status(
            2,
            "invalidAuthToken",
            "The bot token is not valid.",
            "Copy the token again from the bot's Info screen in Viber Admin Panel and store "
            "it for this profile (Token… in the window, or 'viber-desktop token set').",
        ),
        Status(
            3,
            "badData",
            "The request is malformed or breaks the message schema.",
            "Read the status message for the field Viber objects to, and fix it; the findings "
            "list (or 'viber-desktop check') shows every rule the message breaks.",
        ),
        Status(
            4,
            "missingData",
            "A mandatory field is missing.",
            "Read the status message for the missing field, and add it; the findings list "
            "(or 'viber-desktop check') shows what is required.",
        ),
        Status(
            5,
            "receiverNotRegistered",
            "The receiver is not a Viber user.",
            "Check the receiver ID; it must be a subscriber's ID from a webhook event.",
        ),
        Status(
            6,
            "receiverNotSubscribed",
            "The receiver is not subscribed to this bot.",
            "The user must open the bot and subscribe (send it a message) first.",
        ),
        Status(
            7,
            "publicAccountBlocked",
            "This bot is blocked.",
            "Contact Viber support about the bot's status.",
        ),
        Status(
            8,
            "publicAccountNotFound",
            "The token's account was not found or is not a bot.",
            "Check that the token belongs to a bot account.",
        ),
        Status(
            9,
            "publicAccountSuspended",
            "This bot is suspended.",
            "Contact Viber support about the suspension.",
        ),
        Status(
            10,
            "webhookNotSet",
            "No webhook is set for this bot.",
            "Call set_webhook with an https URL before sending messages.",
        ),
        Status(
            11,
            "receiverNoSuitableDevice",
            "The receiver's device or Viber version cannot receive bot messages.",
            "Ask the user to update Viber; nothing to change in the message.",
        ),
        Status(
            12,
            "tooManyRequests",
            "A rate limit was hit.",
            "Wait: at most 100 messages per hour go to a user who has not replied. Do not "
            "resend until the user replies or an hour has passed.",
        ),
        Status(
            13,
            "apiVersionNotSupported",
            "The receiver's Viber is older than the message's min_api_version.",
            "Lower min_api_version by removing newer features, or ask the user to update.",
        ),
        Status(
            14,
            "incompatibleWithVersion",
            "The message uses features above its declared min_api_version.",
            "Raise min_api_version to the level the checker shows as required.",
        ),
        Status(
            15,
            "publicAccountNotAuthorized",
            "This bot is not authorised.",
            "Contact Viber support about the bot's authorisation.",
        ),
        Status(
            16,
            "inchatReplyMessageNotAllowed",
            "Inline (in-chat) replies are not allowed.",
            "Send it as a normal 1:1 message.",
        ),
        Status(
            17,
            "publicAccountIsNotInline",
            "The bot is not an inline bot.",
            "Inline features need an inline-enabled bot.",
        ),
        Status(
            18,
            "noPublicChat",
            "The account has no Public Chat (legacy code).",
            "Legacy error; remove public-chat fields from the request.",
        ),
        Status(
            19,
            "cannotSendBroadcast",
            "The broadcast failed.",
            "Check the broadcast list and retry later.",
        ),
        Status(
            20,
            "broadcastNotAllowed",
            "This bot is not authorised to broadcast.",
            "Ask Viber to enable broadcasting for the bot.",
        ),
        Status(
            21,
            "unsupportedCountry",
            "The destination country is not supported.",
            "The message cannot go to this user's country.",
        ),
        Status(
            22,
            "paymentUnsupported",
            "The bot does not support payments.",
            "Remove payment features from the message.",
        ),
        Status(
            23,
            "freeMessagesExceeded",
            "The bot used its monthly free out-of-session messages.",
            "Wait for the user to reply (in-session messages are free) or move to a paid plan.",
        ),
        Status(
            24,
            "noBalance",
            "The bot is past its free quota and has no balance.",
            "Top up the bot's balance in the Viber Admin Panel.",
        ),
    )
}

GENERAL_ERROR: Final = Status(
    -1,
    "generalError",
    "Viber reported an error this app does not know.",
    "Read status_message; if it persists, contact Viber support with the message_token.",
)

BILLING: Final[dict[int, Billing]] = {
    b.code: b
    for b in (
        Billing(0, "free", "Free: a chat extension, a reply in an open conversation and the like."),
        Billing(
            1,
            "inSessionNonBillableBot",
            "In-session 1:1 message or keyboard, non-billable bot: free.",
        ),
        Billing(2, "inSessionForBillableBot", "In-session message, billable bot: free."),
        Billing(
            3,
            "outOfSessionFreeMessageNonBillableBot",
            "Free out-of-session message, non-billable bot.",
        ),
        Billing(
            4,
            "outOfSessionFreeMessageForBillableBot",
            "Free out-of-session message, billable bot (counts against the free quota).",
        ),
        Billing(5, "outOfSessionBilledMessage", "Charged out-of-session message.", billed=True),
    )
}


def status_info(code: int) -> Status:
    """Return the table entry for ``code``; unknown codes are a general error with that code."""
    known = STATUSES.get(code)
    return known if known is not None else GENERAL_ERROR._replace(code=code)


def billing_info(code: int | None) -> Billing | None:
    """Return the billing entry for ``code`` or None when unknown or absent."""
    return None if code is None else BILLING.get(code)
