"""App-level notifications raised by the sync engine: what happened on Stripe that a cashier
or merchant should hear about, as plain dataclasses (the UI decides how to show them).

`for_event` maps a newly applied event to at most one notification; events applied a second
time never reach it, so a payment is announced once.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from posapp.store.refs import ref_id


@dataclass(frozen=True)
class PaymentSucceeded:
    """A PaymentIntent succeeded (the "Paid!" a cashier waits for)."""

    payment_intent: str
    amount: int
    currency: str
    customer: str | None
    customer_name: str | None


@dataclass(frozen=True)
class PaymentFailed:
    """A payment attempt failed; `reason` is Stripe's message for the last error."""

    payment_intent: str
    amount: int
    currency: str
    customer: str | None
    customer_name: str | None
    reason: str | None


@dataclass(frozen=True)
class CheckoutCompleted:
    """A Checkout Session completed; `payment_link` is set when it came from a Payment Link."""

    checkout_session: str
    amount: int | None
    currency: str | None
    customer: str | None
    customer_name: str | None
    payment_link: str | None
    payment_intent: str | None


@dataclass(frozen=True)
class RefundSucceeded:
    """A refund went through."""

    refund: str
    amount: int
    currency: str
    charge: str | None


@dataclass(frozen=True)
class RefundFailed:
    """A refund failed after it was accepted (e.g. the card was closed)."""

    refund: str
    amount: int
    currency: str
    charge: str | None
    reason: str | None


@dataclass(frozen=True)
class DisputeOpened:
    """A customer disputed a charge; evidence is due by `due_by` (Unix time)."""

    dispute: str
    amount: int
    currency: str
    charge: str | None
    reason: str | None
    due_by: int | None


@dataclass(frozen=True)
class InvoicePaymentFailed:
    """Collecting an invoice failed."""

    invoice: str
    number: str | None
    amount_due: int
    currency: str
    customer: str | None
    customer_name: str | None


@dataclass(frozen=True)
class SubscriptionCanceled:
    """A subscription ended."""

    subscription: str
    customer: str | None
    customer_name: str | None


@dataclass(frozen=True)
class FullResyncStarted:
    """The events cursor could not be used (older than Stripe keeps events, or unknown), so
    the whole cache is being listed again; until it finishes some views may be behind."""

    reason: str


@dataclass(frozen=True)
class ConnectionChanged:
    """Stripe became reachable or unreachable; `error` says why when offline."""

    online: bool
    error: str | None


Notification = (PaymentSucceeded | PaymentFailed | CheckoutCompleted | RefundSucceeded
                | RefundFailed | DisputeOpened | InvoicePaymentFailed | SubscriptionCanceled
                | FullResyncStarted | ConnectionChanged)

NameLookup = Callable[[str | None], str | None]
"""Customer id → display name (from the cache), None when unknown."""


def _customer_id(obj: Mapping[str, Any]) -> str | None:
    value = obj.get("customer")
    if isinstance(value, Mapping):
        value = value.get("id")
    return value if isinstance(value, str) else None


def for_event(event: Mapping[str, Any], obj: Mapping[str, Any],
              customer_name: NameLookup) -> Notification | None:
    """The notification an event deserves, if any. `obj` is the object as applied (possibly
    re-fetched at the pinned API version)."""
    etype = event.get("type", "")
    previous = (event.get("data") or {}).get("previous_attributes") or {}
    customer = _customer_id(obj)
    if etype == "payment_intent.succeeded":
        return PaymentSucceeded(obj["id"], obj.get("amount_received") or obj["amount"],
                                obj["currency"], customer, customer_name(customer))
    if etype == "payment_intent.payment_failed":
        error = obj.get("last_payment_error") or {}
        return PaymentFailed(obj["id"], obj["amount"], obj["currency"], customer,
                             customer_name(customer), error.get("message"))
    if etype == "checkout.session.completed":
        details = obj.get("customer_details") or {}
        return CheckoutCompleted(obj["id"], obj.get("amount_total"), obj.get("currency"),
                                 customer, customer_name(customer) or details.get("name"),
                                 ref_id(obj.get("payment_link")), ref_id(obj.get("payment_intent")))
    if etype in ("refund.created", "refund.updated") and obj.get("status") == "succeeded" \
            and (etype == "refund.created" or "status" in previous):
        return RefundSucceeded(obj["id"], obj["amount"], obj["currency"], ref_id(obj.get("charge")))
    if etype == "refund.failed":
        return RefundFailed(obj["id"], obj["amount"], obj["currency"], ref_id(obj.get("charge")),
                            obj.get("failure_reason"))
    if etype == "charge.dispute.created":
        due_by = (obj.get("evidence_details") or {}).get("due_by")
        return DisputeOpened(obj["id"], obj["amount"], obj["currency"], ref_id(obj.get("charge")),
                             obj.get("reason"), due_by)
    if etype == "invoice.payment_failed":
        return InvoicePaymentFailed(obj["id"], obj.get("number"), obj.get("amount_due") or 0,
                                    obj["currency"], customer,
                                    customer_name(customer) or obj.get("customer_name"))
    if etype == "customer.subscription.deleted":
        return SubscriptionCanceled(obj["id"], customer, customer_name(customer))
    return None
