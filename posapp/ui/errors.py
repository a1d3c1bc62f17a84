"""Error messages for people: what went wrong and what to do next, never a secret."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from posapp.gateway.errors import ErrorKind, GatewayError
from posapp.keys import KeyFormatError, KeyringUnavailable, ProfileError, redact
from posapp.services.customers import ContactError

translate = QCoreApplication.translate

# Stripe's answers when there is no card to charge ("This customer has no attached payment
# source or default payment method."), told in the user's words instead.
_NO_CARD_CODES = frozenset(("resource_missing", "invoice_no_customer_payment_method",
                            "invoice_no_payment_method_types", "missing"))
_NO_CARD_PARAMS = frozenset(("default_payment_method", "payment_method", "source"))


def error_text(error: BaseException) -> str:
    """The message to show for `error` (translated where the app knows the case)."""
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
        if error.kind is ErrorKind.PERMISSION:
            return translate("Errors", "This key lacks permission for %1: use a key with "
                                       "write access, or ask the account owner.").replace(
                "%1", error.operation or translate("Errors", "this action"))
        return error.message
    if isinstance(error, ContactError):
        text = translate("Errors", "“%1” is not an e-mail address.") if error.code == "email" \
            else translate("Errors", "“%1” is not a phone number.")
        return text.replace("%1", error.params["text"])
    if isinstance(error, KeyFormatError | KeyringUnavailable | ProfileError | ValueError):
        return redact(str(error))
    return translate("Errors", "Something went wrong: %1").replace("%1", redact(str(error)))
