"""Error messages for people: what went wrong and what to do next, never a secret."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from posapp.gateway.errors import ErrorKind, GatewayError
from posapp.keys import KeyFormatError, KeyringUnavailable, ProfileError, redact


def _tr(text: str) -> str:
    return QCoreApplication.translate("Errors", text)


def error_text(error: BaseException) -> str:
    """The message to show for `error` (translated where the app knows the case)."""
    if isinstance(error, GatewayError):
        fixed = {
            ErrorKind.NETWORK: _tr("Stripe unreachable: try again when online."),
            ErrorKind.AUTHENTICATION: _tr(
                "Stripe did not accept this API key: check the key in the profile settings."),
            ErrorKind.RATE_LIMITED: _tr(
                "Stripe is receiving too many requests right now: try again in a moment."),
            ErrorKind.AUTHENTICATION_REQUIRED: _tr(
                "The customer must authenticate this payment: send them the payment link."),
        }
        if error.kind is ErrorKind.PERMISSION:
            return _tr("This key lacks permission for %1: use a key with write access, or ask "
                       "the account owner.").replace("%1", error.operation or _tr("this action"))
        return fixed.get(error.kind, error.message)
    if isinstance(error, KeyFormatError | KeyringUnavailable | ProfileError | ValueError):
        return redact(str(error))
    return _tr("Something went wrong: %1").replace("%1", redact(str(error)))
