"""Invoices: create one-off invoices, finalize, send, pay, void, mark uncollectible."""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from posapp.gateway import invoice_items, invoices
from posapp.gateway.params import (
    InvoiceCreateParams,
    InvoiceCreateParamsDiscount,
    InvoiceItemCreateParams,
    InvoicePayParams,
)
from posapp.money import AmountError, check_amount
from posapp.services.errors import ServiceError
from posapp.services.session import Session, perform, stripe_params

__all__ = [
    "CollectionMethod",
    "InvoiceDiscount",
    "InvoiceItem",
    "create_invoice",
    "finalize_invoice",
    "mark_uncollectible",
    "pay_invoice",
    "send_invoice",
    "void_invoice",
]

CollectionMethod = Literal["charge_automatically", "send_invoice"]


@dataclass(frozen=True)
class InvoiceItem:
    """One line of a one-off invoice: `unit_amount` minor units times `quantity`, taxed at
    the Stripe tax rates `tax_rates` (ids); the invoice's discount leaves it alone unless
    `discountable`. A `product` (`prod_…`) makes it a price of that product at Stripe, so a
    coupon restricted to products (`applies_to`) reaches it as it would on Checkout."""

    description: str
    unit_amount: int
    quantity: int = 1
    tax_rates: tuple[str, ...] = ()
    discountable: bool = True
    product: str | None = None


@dataclass(frozen=True)
class InvoiceDiscount:
    """A coupon (`coupon`: its id) or a promotion code (`promotion_code`: its `promo_` id)
    for an invoice."""

    coupon: str | None = None
    promotion_code: str | None = None

    def params(self) -> InvoiceCreateParamsDiscount:
        if self.promotion_code:
            return {"promotion_code": self.promotion_code}
        return {"coupon": str(self.coupon)}


def create_invoice(
    session: Session,
    customer_id: str,
    currency: str,
    items: Sequence[InvoiceItem],
    *,
    collection_method: CollectionMethod = "send_invoice",
    days_until_due: int | None = 30,
    description: str | None = None,
    idempotency_key: str | None = None,
    metadata: Mapping[str, str] | None = None,
    discount: InvoiceDiscount | None = None,
    automatic_tax: bool = False,
) -> dict[str, Any]:
    """A draft invoice for the customer holding exactly `items` (pending items stay out),
    with `metadata` (a counter sale's itemisation).

    `discount` is a coupon or promotion code (Stripe takes it off the discountable lines,
    each line's share in `discount_amounts`); `automatic_tax` has Stripe Tax work out the
    tax (the items' tax rates are then not sent).

    With `idempotency_key` the invoice and each item are sent under keys made from it, so
    doing it again with the same key (after an unknown outcome) makes nothing twice.

    `days_until_due` applies to `send_invoice` (once sent, the customer pays on the hosted
    page); a `charge_automatically` invoice is charged with `pay_invoice` (the customer's
    default card). Stripe does not advance these invoices by itself: the merchant finalizes,
    sends and pays them. Amounts are checked before anything is sent (AmountError).
    """
    currency = currency.lower()
    if not items:
        raise ServiceError("An invoice needs at least one item.", "no_items")
    for item in items:
        if isinstance(item.quantity, bool) or not isinstance(item.quantity, int) \
                or item.quantity < 1:
            raise AmountError("Each item needs a quantity of at least 1.", "quantity")
        check_amount(item.unit_amount, currency, session.locale, minimum=False)
        check_amount(item.unit_amount * item.quantity, currency, session.locale, minimum=False)
    if collection_method == "send_invoice" and (days_until_due is None or days_until_due < 0):
        raise ServiceError("An invoice sent to the customer needs the number of days until due.",
                           "days_until_due")
    params = stripe_params(
        InvoiceCreateParams,
        customer=customer_id,
        currency=currency,
        collection_method=collection_method,
        days_until_due=days_until_due if collection_method == "send_invoice" else None,
        description=description,
        pending_invoice_items_behavior="exclude",
        auto_advance=False,
        metadata=dict(metadata) if metadata else None,
        discounts=[discount.params()] if discount else None,
        automatic_tax={"enabled": True} if automatic_tax else None,
    )
    invoice = perform(
        session,
        "invoice.create",
        lambda gw: invoices.create_invoice(gw, params, idempotency_key=idempotency_key),
        currency=currency,
    )
    for number, item in enumerate(items):
        amount = item.unit_amount * item.quantity
        item_params = stripe_params(
            InvoiceItemCreateParams,
            customer=customer_id,
            invoice=invoice["id"],
            currency=currency,
            amount=None if item.product else amount,
            price_data={"currency": currency, "product": item.product,
                        "unit_amount": item.unit_amount} if item.product else None,
            quantity=item.quantity if item.product else None,
            description=(
                item.description if item.quantity == 1
                else f"{item.description} × {item.quantity}"
            ),
            tax_rates=None if automatic_tax else list(item.tax_rates) or None,
            discountable=None if item.discountable else False,
        )
        perform(
            session,
            "invoice.add_item",
            functools.partial(
                invoice_items.create_invoice_item,
                params=item_params,
                idempotency_key=f"{idempotency_key}/item-{number}" if idempotency_key else None,
            ),
            object_id=invoice["id"],
            amount=amount,
            currency=currency,
        )
    refreshed = invoices.retrieve_invoice(session.gateway, invoice["id"])
    session.cache.upsert_object(refreshed)
    return refreshed


def finalize_invoice(
    session: Session, invoice_id: str, *, idempotency_key: str | None = None
) -> dict[str, Any]:
    """Finalize a draft: it gets its number and hosted page, and can be paid."""
    return perform(
        session,
        "invoice.finalize",
        lambda gw: invoices.finalize_invoice(
            gw, invoice_id, {"auto_advance": False}, idempotency_key=idempotency_key
        ),
        object_id=invoice_id,
    )


def send_invoice(
    session: Session, invoice_id: str, *, idempotency_key: str | None = None
) -> dict[str, Any]:
    """E-mail a finalized invoice with its payment link to the customer (the same
    `idempotency_key` never e-mails it twice)."""
    return perform(
        session,
        "invoice.send",
        lambda gw: invoices.send_invoice(gw, invoice_id, idempotency_key=idempotency_key),
        object_id=invoice_id,
    )


def pay_invoice(
    session: Session,
    invoice_id: str,
    *,
    out_of_band: bool = False,
    payment_method: str | None = None,
    idempotency_key: str | None = None,
) -> dict[str, Any]:
    """Charge an open invoice with the customer's default card (or `payment_method`, off
    session) now, or (`out_of_band`) record that it was paid outside Stripe (cash, bank
    transfer). The same `idempotency_key` never pays twice.

    A declined card raises GatewayError (CARD_DECLINED, Stripe's reason); paying a void or
    paid invoice raises Stripe's refusal (INVALID_REQUEST).
    """
    cached = session.cache.get("invoices", invoice_id) or {}
    amount, currency = cached.get("amount_remaining"), cached.get("currency")
    params = stripe_params(InvoicePayParams, paid_out_of_band=True if out_of_band else None,
                           payment_method=payment_method,
                           off_session=True if payment_method else None)
    return perform(
        session,
        "invoice.pay_out_of_band" if out_of_band else "invoice.pay",
        lambda gw: invoices.pay_invoice(gw, invoice_id, params, idempotency_key=idempotency_key),
        object_id=invoice_id,
        amount=amount,
        currency=currency,
    )


def void_invoice(session: Session, invoice_id: str) -> dict[str, Any]:
    """Void an open invoice: it stays on record but can no longer be paid. Cannot be undone."""
    return perform(
        session,
        "invoice.void",
        lambda gw: invoices.void_invoice(gw, invoice_id),
        object_id=invoice_id,
    )


def mark_uncollectible(session: Session, invoice_id: str) -> dict[str, Any]:
    """Mark an open invoice as not expected to be paid (bad debt); it can still be paid."""
    return perform(
        session,
        "invoice.mark_uncollectible",
        lambda gw: invoices.mark_uncollectible(gw, invoice_id),
        object_id=invoice_id,
    )
