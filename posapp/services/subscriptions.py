"""Subscriptions: start one, preview and make a price or quantity change, cancel (now or at
period end), undo a scheduled cancellation, pause and resume collection, resume a paused
subscription, and send the customer a billing portal link."""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from posapp.gateway import (
    GatewayError,
    billing_portal,
    invoices,
    payment_intents,
    subscriptions,
)
from posapp.gateway.params import (
    BillingPortalSessionCreateParams,
    SubscriptionCancelParams,
    SubscriptionCreateParams,
    SubscriptionUpdateParams,
    SubscriptionUpdateParamsItem,
    SubscriptionUpdateParamsPauseCollection,
)
from posapp.money import format_amount
from posapp.services.errors import ServiceError
from posapp.services.invoices import CollectionMethod
from posapp.services.session import Session, perform, stripe_params
from posapp.store.refs import ref_id

__all__ = [
    "ENDED",
    "ChangePreview",
    "CollectionMethod",
    "NewSubscription",
    "NextCharge",
    "PauseBehavior",
    "PaymentBehavior",
    "ProrationBehavior",
    "SubscriptionItem",
    "billing_portal_link",
    "cancel_at_period_end",
    "cancel_subscription",
    "change_subscription",
    "create_subscription",
    "has_card_to_charge",
    "next_charge",
    "pause_collection",
    "period_end",
    "preview_change",
    "preview_next_invoice",
    "price_list_amount",
    "resume_collection",
    "resume_subscription",
    "undo_cancellation",
]

PaymentBehavior = Literal["allow_incomplete", "default_incomplete", "error_if_incomplete"]
ProrationBehavior = Literal["create_prorations", "always_invoice", "none"]
PauseBehavior = Literal["keep_as_draft", "mark_uncollectible", "void"]

_LATEST_INVOICE = (("latest_invoice",),)

ENDED = ("canceled", "incomplete_expired")
"""Statuses after which a subscription invoices nothing more."""

NextChargeKind = Literal[
    "charge", "invoice", "trial", "cancels", "collection_paused", "paused", "ended"
]


@dataclass(frozen=True)
class NextCharge:
    """What the merchant is told about a subscription's next charge.

    `kind`: `charge` (the default card is charged), `invoice` (an invoice is e-mailed),
    `trial` (the first charge when the trial ends); or no charge to expect: `cancels` (at
    `when`), `collection_paused` (until `when`, or until resumed when None), `paused` (a
    trial ended without a card: nothing until resumed), `ended`. `amount` is None when no
    charge is expected; `estimated` when it comes from the prices (before discounts, tax
    and pending items) because Stripe's preview is not at hand. `when` is never a past
    date: None when unknown.
    """

    kind: NextChargeKind
    amount: int | None
    currency: str
    when: int | None
    estimated: bool = False


def period_end(subscription: Mapping[str, Any]) -> int | None:
    """When the current period ends: the latest of its items' period ends (this API
    version keeps periods on the items)."""
    items = (subscription.get("items") or {}).get("data") or []
    ends = [i.get("current_period_end") for i in items]
    known = [e for e in ends if isinstance(e, int)]
    return max(known) if known else None


def price_list_amount(subscription: Mapping[str, Any]) -> int | None:
    """What the items cost per period at their prices, before discounts, tax and pending
    items (None when a price has no unit amount)."""
    total = 0
    for item in (subscription.get("items") or {}).get("data") or []:
        unit = (item.get("price") or {}).get("unit_amount")
        if not isinstance(unit, int):
            return None
        total += unit * int(item.get("quantity") or 1)
    return total


def next_charge(
    subscription: Mapping[str, Any],
    preview: Mapping[str, Any] | None = None,
    now: int | None = None,
) -> NextCharge:
    """What the subscription will charge next and when, from the cached subscription and,
    when at hand, Stripe's preview of its next invoice (`preview_next_invoice`). The one
    place the list, the detail and any confirmation learn it from, so they agree.

    A cancellation, paused collection or a paused or ended subscription means no charge,
    whatever the preview says."""
    moment = int(time.time()) if now is None else now
    currency = str(subscription.get("currency") or "")
    status = subscription.get("status")
    end = period_end(subscription)
    if status in ENDED:
        return NextCharge("ended", None, currency, None)
    cancel_at = subscription.get("cancel_at")
    if not isinstance(cancel_at, int) or (end is not None and cancel_at > end):
        cancel_at = None  # a cancellation after the renewal leaves the renewal due
    if subscription.get("cancel_at_period_end") or cancel_at is not None:
        return NextCharge("cancels", None, currency, cancel_at or end)
    if status == "paused":
        return NextCharge("paused", None, currency, None)
    pause = subscription.get("pause_collection")
    if isinstance(pause, Mapping):
        resumes = pause.get("resumes_at")
        return NextCharge("collection_paused", None, currency,
                          resumes if isinstance(resumes, int) and resumes > moment else None)
    kind: NextChargeKind = "charge"
    when = end
    if status == "trialing":
        kind, trial_end = "trial", subscription.get("trial_end")
        when = trial_end if isinstance(trial_end, int) else end
    elif subscription.get("collection_method") == "send_invoice":
        kind = "invoice"
    if preview is not None:
        attempt = preview.get("next_payment_attempt")
        when = attempt if isinstance(attempt, int) and kind == "charge" else when
        due = preview.get("amount_due")
        amount = due if isinstance(due, int) else None
    else:
        amount = price_list_amount(subscription)
    return NextCharge(kind, amount, currency, when if when is not None and when > moment
                      else None, estimated=preview is None)


@dataclass(frozen=True)
class SubscriptionItem:
    """A price and how many of it."""

    price_id: str
    quantity: int = 1


@dataclass(frozen=True)
class NewSubscription:
    """A created subscription and, when it is not running yet, why and what to do.

    `hosted_invoice_url` is set when the first invoice awaits the customer: they open it
    to pay or to confirm the payment with their bank (3D Secure).
    """

    subscription: dict[str, Any]
    status: str
    message: str
    hosted_invoice_url: str | None = None


@dataclass(frozen=True)
class ChangePreview:
    """What a change would cost now: the invoice Stripe would make, and its proration part.

    Pass `proration_date` to `change_subscription` so the change is priced as previewed.
    """

    amount_due: int
    proration_amount: int
    currency: str
    proration_date: int
    lines: list[dict[str, Any]]
    message: str


def _subscription(session: Session, subscription_id: str) -> dict[str, Any]:
    cached = session.cache.get("subscriptions", subscription_id)
    if cached is not None and not cached.get("deleted"):
        return cached
    found = subscriptions.retrieve_subscription(session.gateway, subscription_id)
    session.cache.upsert_object(found)
    return found


def _invoice_of(subscription: Mapping[str, Any]) -> dict[str, Any] | None:
    invoice = subscription.get("latest_invoice")
    return invoice if isinstance(invoice, dict) else None


def create_subscription(
    session: Session,
    customer_id: str,
    items: Sequence[SubscriptionItem],
    *,
    trial_days: int | None = None,
    collection_method: CollectionMethod = "charge_automatically",
    days_until_due: int | None = None,
    payment_behavior: PaymentBehavior = "allow_incomplete",
    default_payment_method: str | None = None,
) -> NewSubscription:
    """Start a subscription for the customer.

    `charge_automatically` charges the default card (the customer's, or
    `default_payment_method`); `send_invoice` e-mails each invoice, due in
    `days_until_due` days. With `error_if_incomplete` a failed first payment raises
    GatewayError and nothing is created; otherwise an `incomplete` subscription comes back
    with the reason and the invoice link to send the customer.
    """
    if not items:
        raise ServiceError("Choose at least one price.", "choose_price")
    if any(item.quantity < 1 for item in items):
        raise ServiceError("Quantities must be at least 1.", "quantity")
    if collection_method == "send_invoice" and (days_until_due is None or days_until_due < 0):
        raise ServiceError("Invoices sent to the customer need the number of days until due.",
                           "days_until_due")
    params = stripe_params(
        SubscriptionCreateParams,
        customer=customer_id,
        items=[{"price": item.price_id, "quantity": item.quantity} for item in items],
        trial_period_days=trial_days or None,
        collection_method=collection_method,
        days_until_due=days_until_due if collection_method == "send_invoice" else None,
        payment_behavior=payment_behavior,
        default_payment_method=default_payment_method,
        expand=["latest_invoice", "latest_invoice.payments"],
    )
    created = perform(
        session,
        "subscription.create",
        lambda gw: subscriptions.create_subscription(gw, params),
        expanded=_LATEST_INVOICE,
        detail=", ".join(f"{i.quantity} × {i.price_id}" for i in items),
    )
    return _explain(session, created)


def _explain(session: Session, created: dict[str, Any]) -> NewSubscription:
    status = str(created.get("status"))
    invoice = _invoice_of(created)
    url = invoice.get("hosted_invoice_url") if invoice else None
    if status == "active" and created.get("collection_method") == "send_invoice":
        return NewSubscription(
            created,
            status,
            f"The subscription is active; Stripe e-mails each invoice, due in "
            f"{created.get('days_until_due')} days.",
            url,
        )
    if status == "active":
        return NewSubscription(created, status, "The subscription is active.")
    if status == "trialing":
        return NewSubscription(created, status, "The subscription is in its free trial.")
    if status != "incomplete":
        return NewSubscription(created, status, f"The subscription is {status}.", url)
    reason = _first_payment_problem(session, invoice)
    return NewSubscription(
        created,
        status,
        f"{reason} Send the customer the invoice link: the subscription starts once it is "
        "paid, and expires if it is not paid within 23 hours.",
        url,
    )


def _first_payment_problem(session: Session, invoice: Mapping[str, Any] | None) -> str:
    """Why the first invoice is unpaid, read from its payment attempt."""
    payments = ((invoice or {}).get("payments") or {}).get("data") or []
    intent_id = next(
        (
            p["payment"].get("payment_intent")
            for p in reversed(payments)
            if isinstance(p.get("payment"), dict)
        ),
        None,
    )
    if not isinstance(intent_id, str):
        return "The first payment has not been made."
    try:
        intent = payment_intents.retrieve_payment_intent(session.gateway, intent_id)
    except GatewayError:
        # The subscription exists; failing now would invite creating it a second time.
        return "The first payment is not complete."
    session.cache.upsert_object(intent)
    if intent.get("status") == "requires_action":
        return "The customer's bank asks them to confirm the first payment (3D Secure)."
    error = intent.get("last_payment_error") or {}
    if error.get("message"):
        return f"The first payment failed: {error['message']}"
    return "The first payment needs a payment method."


def _item_params(
    subscription: Mapping[str, Any], item_id: str | None, price_id: str | None,
    quantity: int | None,
) -> list[SubscriptionUpdateParamsItem]:
    """The `items` parameter that changes one item (the only one when `item_id` is None)."""
    current = (subscription.get("items") or {}).get("data") or []
    if item_id is None:
        if len(current) != 1:
            raise ServiceError("This subscription has several items: choose the one to change.",
                               "several_items")
        item_id = str(current[0]["id"])
    if price_id is None and quantity is None:
        raise ServiceError("Choose a new price or quantity.", "choose_change")
    if quantity is not None and quantity < 1:
        raise ServiceError("Quantities must be at least 1.", "quantity")
    return [
        stripe_params(SubscriptionUpdateParamsItem, id=item_id, price=price_id, quantity=quantity)
    ]


def preview_next_invoice(session: Session, subscription_id: str) -> dict[str, Any]:
    """The invoice Stripe will make at the subscription's next renewal, as it stands now."""
    return invoices.create_preview(session.gateway, {"subscription": subscription_id})


def _is_proration(line: Mapping[str, Any]) -> bool:
    # A line's `parent` names its kind in `type` and holds the details under that name.
    parent = line.get("parent") or {}
    details = parent.get(str(parent.get("type"))) or {}
    return bool(details.get("proration"))


def preview_change(
    session: Session,
    subscription_id: str,
    *,
    item_id: str | None = None,
    price_id: str | None = None,
    quantity: int | None = None,
    proration_behavior: ProrationBehavior = "create_prorations",
) -> ChangePreview:
    """What changing an item's price or quantity would invoice, before doing it.

    `item_id` may be left out when the subscription has one item.
    """
    subscription = _subscription(session, subscription_id)
    proration_date = int(time.time())
    preview = invoices.create_preview(
        session.gateway,
        {
            "subscription": subscription_id,
            "subscription_details": {
                "items": _item_params(subscription, item_id, price_id, quantity),
                "proration_behavior": proration_behavior,
                "proration_date": proration_date,
            },
        },
    )
    lines = list((preview.get("lines") or {}).get("data") or [])
    proration = sum(int(line.get("amount") or 0) for line in lines if _is_proration(line))
    currency = str(preview.get("currency") or subscription.get("currency") or "usd")
    due = int(preview.get("amount_due") or 0)
    message = (
        f"Next invoice: {format_amount(due, currency, session.locale)}, of which "
        f"{format_amount(proration, currency, session.locale)} for the change."
        if proration >= 0
        else f"Next invoice: {format_amount(due, currency, session.locale)}, after a credit "
        f"of {format_amount(-proration, currency, session.locale)} for the change."
    )
    return ChangePreview(due, proration, currency, proration_date, lines, message)


def change_subscription(
    session: Session,
    subscription_id: str,
    *,
    item_id: str | None = None,
    price_id: str | None = None,
    quantity: int | None = None,
    proration_behavior: ProrationBehavior = "create_prorations",
    proration_date: int | None = None,
) -> dict[str, Any]:
    """Change an item's price or quantity; prorations as `proration_behavior` says (and
    priced at `proration_date`, the preview's, when given)."""
    subscription = _subscription(session, subscription_id)
    params = stripe_params(
        SubscriptionUpdateParams,
        items=_item_params(subscription, item_id, price_id, quantity),
        proration_behavior=proration_behavior,
        proration_date=proration_date,
    )
    return perform(
        session,
        "subscription.change",
        lambda gw: subscriptions.update_subscription(gw, subscription_id, params),
        object_id=subscription_id,
        detail=f"price={price_id or '-'} quantity={quantity or '-'} {proration_behavior}",
    )


def cancel_subscription(
    session: Session, subscription_id: str, *, invoice_now: bool = False, prorate: bool = False
) -> dict[str, Any]:
    """Cancel at once. `prorate` credits the unused time; `invoice_now` bills pending usage
    and prorations in a final invoice right away. Cannot be undone."""
    params = stripe_params(SubscriptionCancelParams, invoice_now=invoice_now, prorate=prorate)
    return perform(
        session,
        "subscription.cancel",
        lambda gw: subscriptions.cancel_subscription(gw, subscription_id, params),
        object_id=subscription_id,
        detail=f"invoice_now={invoice_now} prorate={prorate}",
    )


def cancel_at_period_end(session: Session, subscription_id: str) -> dict[str, Any]:
    """Let the subscription run to the end of the paid period, then cancel it."""
    return perform(
        session,
        "subscription.cancel_at_period_end",
        lambda gw: subscriptions.update_subscription(
            gw, subscription_id, {"cancel_at_period_end": True}
        ),
        object_id=subscription_id,
    )


def undo_cancellation(session: Session, subscription_id: str) -> dict[str, Any]:
    """Take back a cancellation scheduled for the period end."""
    return perform(
        session,
        "subscription.undo_cancellation",
        lambda gw: subscriptions.update_subscription(
            gw, subscription_id, {"cancel_at_period_end": False}
        ),
        object_id=subscription_id,
    )


def pause_collection(
    session: Session,
    subscription_id: str,
    behavior: PauseBehavior = "void",
    resumes_at: int | None = None,
) -> dict[str, Any]:
    """Stop collecting payment; invoices made meanwhile are voided, kept as drafts or marked
    uncollectible as `behavior` says, until `resumes_at` or `resume_collection`."""
    pause = stripe_params(
        SubscriptionUpdateParamsPauseCollection, behavior=behavior, resumes_at=resumes_at
    )
    return perform(
        session,
        "subscription.pause_collection",
        lambda gw: subscriptions.update_subscription(
            gw, subscription_id, {"pause_collection": pause}
        ),
        object_id=subscription_id,
        detail=behavior,
    )


def resume_collection(session: Session, subscription_id: str) -> dict[str, Any]:
    """Collect payment again on a subscription whose collection was paused."""
    return perform(
        session,
        "subscription.resume_collection",
        lambda gw: subscriptions.update_subscription(gw, subscription_id, {"pause_collection": ""}),
        object_id=subscription_id,
    )


def has_card_to_charge(
    subscription: Mapping[str, Any], customer: Mapping[str, Any] | None
) -> bool:
    """Whether the subscription's invoices can be collected as set: e-mailed invoices need
    no card; charged ones need the subscription's or the customer's default payment method
    (`customer` as cached; None when unknown)."""
    if subscription.get("collection_method") == "send_invoice":
        return True
    settings = (customer or {}).get("invoice_settings") or {}
    return any(
        ref_id(value) is not None
        for value in (
            subscription.get("default_payment_method"),
            settings.get("default_payment_method"),
            (customer or {}).get("default_source"),
        )
    )


def resume_subscription(
    session: Session, subscription_id: str, *, send_invoice_days: int | None = None
) -> dict[str, Any]:
    """Restart a subscription whose status is `paused` (a trial that ended without a payment
    method): a new period starts now and its invoice is collected at once. Not the same as
    `resume_collection`, which undoes `pause_collection` on a running subscription.

    With `send_invoice_days` (for a customer without a card) the subscription is first set
    to e-mail its invoices, due in that many days, so the new period's invoice is sent
    instead of charged."""
    if send_invoice_days is not None:
        if isinstance(send_invoice_days, bool) or not isinstance(send_invoice_days, int) \
                or send_invoice_days < 0:
            raise ServiceError(
                "An invoice sent to the customer needs the number of days until due.",
                "days_until_due",
            )
        perform(
            session,
            "subscription.update",
            lambda gw: subscriptions.update_subscription(
                gw,
                subscription_id,
                {"collection_method": "send_invoice", "days_until_due": send_invoice_days},
            ),
            object_id=subscription_id,
        )
    return perform(
        session,
        "subscription.resume",
        lambda gw: subscriptions.resume_subscription(
            gw, subscription_id, {"expand": ["latest_invoice", "latest_invoice.payments"]}
        ),
        object_id=subscription_id,
        expanded=_LATEST_INVOICE,
    )


def billing_portal_link(
    session: Session, customer_id: str, return_url: str | None = None
) -> str:
    """A short-lived link to Stripe's billing portal where the customer manages their
    subscriptions, cards and invoices (send it as link or QR code)."""
    params = stripe_params(
        BillingPortalSessionCreateParams, customer=customer_id, return_url=return_url
    )
    portal = perform(
        session,
        "customer.billing_portal_link",
        lambda gw: billing_portal.create_session(gw, params),
        object_id=customer_id,
    )
    return str(portal["url"])
