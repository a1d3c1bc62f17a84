"""Stripe errors translated into one `GatewayError` with a kind and a message for a cashier.

The SDK's exceptions carry the raw HTTP body and headers, and an API error may echo part of
the key; a `GatewayError` keeps only the fields the app needs, each passed through
`posapp.keys.redact`, so no key can reach a log, a dialog or a crash report from here.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

import stripe

from posapp.keys import redact


class ErrorKind(StrEnum):
    """What went wrong, in terms the app acts on."""

    CARD_DECLINED = "card_declined"
    AUTHENTICATION_REQUIRED = "authentication_required"
    INVALID_REQUEST = "invalid_request"
    AUTHENTICATION = "authentication"
    PERMISSION = "permission"
    RATE_LIMITED = "rate_limited"
    NETWORK = "network"
    STRIPE_UNAVAILABLE = "stripe_unavailable"
    IDEMPOTENCY = "idempotency"
    NOT_FOUND = "not_found"


NETWORK_MESSAGE = "Stripe unreachable: try again when online"


class GatewayError(Exception):
    """A failed Stripe request; `str()` is the message fit for a cashier.

    `idempotency_key` is set for a mutating request whose outcome is not known (network
    failure, Stripe unavailable): `Gateway.resend(key)` tries it again without any risk of
    doing it twice.
    """

    def __init__(
        self,
        kind: ErrorKind,
        message: str,
        *,
        operation: str = "",
        http_status: int | None = None,
        request_id: str | None = None,
        code: str | None = None,
        decline_code: str | None = None,
        param: str | None = None,
        payment_intent_id: str | None = None,
        idempotency_key: str | None = None,
    ) -> None:
        self.kind = kind
        self.message = redact(message)
        self.operation = operation
        self.http_status = http_status
        self.request_id = request_id
        self.code = code
        self.decline_code = decline_code
        self.param = param
        self.payment_intent_id = payment_intent_id
        self.idempotency_key = idempotency_key
        super().__init__(self.message)

    def __str__(self) -> str:
        return self.message

    def __repr__(self) -> str:
        fields = ", ".join(
            f"{name}={value!r}"
            for name, value in (
                ("message", self.message),
                ("operation", self.operation or None),
                ("http_status", self.http_status),
                ("request_id", self.request_id),
                ("code", self.code),
                ("decline_code", self.decline_code),
                ("param", self.param),
                ("payment_intent_id", self.payment_intent_id),
            )
            if value is not None
        )
        return f"GatewayError({self.kind.name}, {fields})"


class ForbiddenThreadError(RuntimeError):
    """A Stripe request was made from a thread that must never block on the network."""


def translate(exc: stripe.StripeError, operation: str) -> GatewayError:
    """The `GatewayError` for an SDK exception raised while performing `operation`."""
    body = _error_body(exc)
    status = exc.http_status
    code = _text(body.get("code")) or exc.code
    stripe_message = _text(body.get("message")) or exc.user_message or ""
    kind = _kind(exc, body, code)
    intent = body.get("payment_intent")
    return GatewayError(
        kind,
        _message(kind, stripe_message, operation, status),
        operation=operation,
        http_status=status,
        request_id=exc.request_id,
        code=code,
        decline_code=_text(body.get("decline_code")),
        param=_text(body.get("param")),
        payment_intent_id=_text(intent.get("id")) if isinstance(intent, dict) else None,
    )


def _kind(exc: stripe.StripeError, body: dict[str, Any], code: str | None) -> ErrorKind:
    status = exc.http_status
    if isinstance(exc, stripe.APIConnectionError):
        return ErrorKind.NETWORK
    if isinstance(exc, stripe.CardError):
        if "authentication_required" in (code, body.get("decline_code")):
            return ErrorKind.AUTHENTICATION_REQUIRED
        return ErrorKind.CARD_DECLINED
    # A 409 "key in use" is an APIError: another attempt with the key may still succeed.
    if isinstance(exc, stripe.IdempotencyError):
        return ErrorKind.IDEMPOTENCY
    if isinstance(exc, stripe.AuthenticationError):
        return ErrorKind.AUTHENTICATION
    if isinstance(exc, stripe.PermissionError):
        return ErrorKind.PERMISSION
    if isinstance(exc, stripe.RateLimitError):
        return ErrorKind.RATE_LIMITED
    # Stripe's 404 for an unknown URL has no code, only its message.
    unknown_url = str(body.get("message") or "").startswith("Unrecognized request URL")
    if code == "resource_missing" or (status == 404 and not unknown_url):
        return ErrorKind.NOT_FOUND
    if status is not None and 400 <= status < 500 and status != 409:
        return ErrorKind.INVALID_REQUEST
    return ErrorKind.STRIPE_UNAVAILABLE


def _message(kind: ErrorKind, stripe_message: str, operation: str, status: int | None) -> str:
    if kind is ErrorKind.CARD_DECLINED:
        return stripe_message or "The card was declined."
    if kind is ErrorKind.AUTHENTICATION_REQUIRED:
        return (
            "The customer's bank asks them to confirm this payment themselves: "
            "send them a payment link or an invoice instead."
        )
    if kind is ErrorKind.AUTHENTICATION:
        return "Stripe did not accept this API key: check the key in the profile settings."
    if kind is ErrorKind.PERMISSION:
        return (
            f"This key lacks permission for {operation or 'this action'}: "
            "use a key with write access, or ask the account owner."
        )
    if kind is ErrorKind.RATE_LIMITED:
        return "Stripe is receiving too many requests right now: try again in a moment."
    if kind is ErrorKind.NETWORK:
        return NETWORK_MESSAGE
    if kind is ErrorKind.STRIPE_UNAVAILABLE:
        suffix = f" (HTTP {status})" if status else ""
        return f"Stripe is not answering properly{suffix}: try again shortly."
    if kind is ErrorKind.IDEMPOTENCY:
        return (
            "Stripe refused a repeated request whose details had changed: "
            "nothing was done, start the action again."
        )
    return stripe_message or "Stripe rejected the request."


def _error_body(exc: stripe.StripeError) -> dict[str, Any]:
    body = exc.json_body
    if isinstance(body, dict) and isinstance(body.get("error"), dict):
        return dict(body["error"])
    return {}


def _text(value: object) -> str | None:
    return value if isinstance(value, str) and value else None
