"""Error messages for people: what went wrong and what to do next, never a secret, in the
user's language. Errors the app raises itself (`AmountError`, `ServiceError`) carry a code
and parameters, translated here; Stripe's own codes are never shown as they are."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from posapp.gateway.errors import ErrorKind, GatewayError
from posapp.keys import KeyFormatError, KeyringUnavailable, ProfileError, redact
from posapp.money import AmountError
from posapp.services.errors import ServiceError

translate = QCoreApplication.translate

# Stripe's answers when there is no card to charge ("This customer has no attached payment
# source or default payment method."), told in the user's words instead.
_NO_CARD_CODES = frozenset(("resource_missing", "invoice_no_customer_payment_method",
                            "invoice_no_payment_method_types", "missing"))
_NO_CARD_PARAMS = frozenset(("default_payment_method", "payment_method", "source"))


# The blanks of each app error's sentence, in the order of its %1, %2, ...
_PARAMS: dict[str, tuple[str, ...]] = {
    "not_a_number": ("text", "decimal_sign"),
    "too_large": ("maximum",),
    "no_decimals": ("currency",),
    "too_many_decimals": ("currency", "decimals"),
    "step": ("currency", "step"),
    "minimum": ("currency", "minimum"),
    "refund_too_large": ("asked", "remaining", "amount", "refunded"),
    "nothing_left": ("amount", "refunded"),
    "nothing_to_refund": ("amount",),
    "email": ("text",),
    "phone": ("text",),
    "metadata_too_many": ("maximum", "count"),
    "metadata_key_long": ("key", "length", "maximum"),
    "metadata_key_brackets": ("key",),
    "metadata_value_long": ("key", "length", "maximum"),
    "evidence_unknown_field": ("field",),
    "evidence_too_long": ("field", "length", "maximum"),
    "evidence_total": ("length", "maximum"),
}


def _coded_text(code: str, params: dict[str, str]) -> str | None:
    """The translated sentence for an app error's `code` with `params` filled in (None for
    a code this catalogue does not know)."""
    templates = {
        # money.AmountError
        "empty": translate("Errors", "Enter an amount."),
        "negative": translate("Errors", "The amount cannot be negative."),
        "not_a_number": translate("Errors", "“%1” is not an amount (decimals go after “%2”)."),
        "not_positive": translate("Errors", "Enter an amount greater than zero."),
        "too_large": translate("Errors", "The amount must be no more than %1."),
        "no_decimals": translate("Errors", "%1 has no decimal places."),
        "too_many_decimals": translate("Errors", "%1 allows at most %2 decimal places."),
        "step": translate("Errors", "%1 amounts go in steps of %2."),
        "minimum": translate("Errors", "The minimum charge in %1 is %2."),
        "not_minor_units": translate("Errors", "The amount is not a whole number of cents."),
        "quantity": translate("Errors", "Quantities must be at least 1."),
        # refunds
        "refund_too_large": translate("Errors", "%1 is more than can be refunded: %2 of %3 "
                                                "remains (%4 already refunded)."),
        "nothing_left": translate("Errors", "Nothing is left to refund on this payment of %1 (%2 "
                                            "already refunded)."),
        "nothing_to_refund": translate("Errors", "Nothing is left to refund on this payment of "
                                                 "%1."),
        "not_succeeded": translate("Errors", "This payment did not succeed; there is nothing to "
                                             "refund."),
        "not_captured": translate("Errors", "This payment is not captured yet: cancel it to "
                                            "release the hold instead."),
        "disputed": translate("Errors", "This payment is disputed: respond to the dispute "
                                        "instead of refunding."),
        "no_charge": translate("Errors", "This payment has no successful charge to refund."),
        # customers and disputes
        "email": translate("Errors", "“%1” is not an e-mail address."),
        "phone": translate("Errors", "“%1” is not a phone number."),
        "metadata_too_many": translate("Errors", "Stripe keeps at most %1 metadata keys; this "
                                                 "would make %2."),
        "metadata_empty_key": translate("Errors", "A metadata key cannot be empty."),
        "metadata_key_long": translate("Errors", "Metadata key “%1” has %2 characters; Stripe "
                                                 "allows %3."),
        "metadata_key_brackets": translate("Errors", "Metadata key “%1” cannot contain square "
                                                     "brackets."),
        "metadata_value_long": translate("Errors", "The value of metadata key “%1” has %2 "
                                                   "characters; Stripe allows %3."),
        "evidence_unknown_field": translate("Errors", "“%1” is not an evidence field PosApp can "
                                                      "send."),
        "evidence_too_long": translate("Errors", "%1 has %2 characters; Stripe allows %3."),
        "evidence_total": translate("Errors", "All evidence together has %1 characters; Stripe "
                                              "allows %2."),
        # other services
        "description_required": translate("Errors", "Describe what the payment is for; the "
                                                    "customer sees it."),
        "no_items": translate("Errors", "An invoice needs at least one item."),
        "days_until_due": translate("Errors", "An invoice sent to the customer needs the number "
                                              "of days until due."),
        "choose_price": translate("Errors", "Choose at least one price."),
        "several_items": translate("Errors", "This subscription has several items: choose the "
                                             "one to change."),
        "choose_change": translate("Errors", "Choose a new price or quantity."),
    }
    text = templates.get(code)
    if text is None:
        return None
    for number, name in enumerate(_PARAMS.get(code, ()), 1):
        text = text.replace(f"%{number}", params.get(name, ""))
    if params.get("stripe_said"):
        text += " " + translate("Errors", "Stripe knew of refunds this computer had not seen "
                                          "yet; the payment is updated.")
    return text


def _declined_text(code: str | None) -> str | None:
    """A card decline in the user's words, for the reasons a cashier can act on."""
    declined = translate("Errors", "The card was declined. Ask for another card.")
    reasons = {
        "insufficient_funds": translate("Errors", "The card was declined: not enough funds. "
                                                  "Ask for another card."),
        "expired_card": translate("Errors", "The card was declined: it has expired. Ask for "
                                            "another card."),
        "incorrect_cvc": translate("Errors", "The card was declined: the security code is "
                                             "wrong."),
        "processing_error": translate("Errors", "The card could not be processed: try again."),
        "lost_card": declined,
        "stolen_card": declined,
        "generic_decline": declined,
        "card_declined": declined,
    }
    return reasons.get(code or "")


def error_text(error: BaseException) -> str:
    """The message to show for `error` (translated where the app knows the case)."""
    if isinstance(error, AmountError | ServiceError):
        return _coded_text(error.code, error.params) or str(error)
    if isinstance(error, GatewayError):
        if error.kind is ErrorKind.NETWORK:
            return translate("Errors", "Stripe unreachable: try again when online.")
        if error.kind is ErrorKind.AUTHENTICATION:
            return translate("Errors", "Stripe did not accept this API key: check the key "
                                       "in the profile settings.")
        if error.kind is ErrorKind.RATE_LIMITED:
            return translate("Errors", "Stripe is receiving too many requests right now: "
                                       "try again in a moment.")
        if error.kind is ErrorKind.AUTHENTICATION_REQUIRED:
            return translate("Errors", "The customer must authenticate this payment: send "
                                       "them the payment link.")
        if error.code in _NO_CARD_CODES and error.param in _NO_CARD_PARAMS:
            return translate("Errors", "The customer has no card on file: collect a card, or "
                                       "send an invoice instead.")
        if error.kind is ErrorKind.NOT_FOUND:
            # Stripe's own sentence says which object (and why, e.g. already canceled).
            return translate("Errors", "Stripe could not find it: %1").replace(
                "%1", error.message)
        if error.kind is ErrorKind.CARD_DECLINED:
            return _declined_text(error.decline_code or error.code) or error.message
        if error.kind is ErrorKind.PERMISSION:
            return translate("Errors", "This key lacks permission for %1: use a key with "
                                       "write access, or ask the account owner.").replace(
                "%1", error.operation or translate("Errors", "this action"))
        return error.message
    if isinstance(error, KeyFormatError | KeyringUnavailable | ProfileError | ValueError):
        return redact(str(error))
    return translate("Errors", "Something went wrong: %1").replace("%1", redact(str(error)))
