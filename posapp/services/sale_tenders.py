"""Tendering a cart: the same lines, discount, tax and tip at Stripe whichever way the
customer pays, so Stripe's records and the receipt agree with the cart to the minor unit.

- Checkout page / payment link: Stripe line items (`price` for catalogue lines,
  `price_data` for custom or manually discounted lines and the tip), the coupon or
  promotion code as `discounts`, tax rates per line (or `automatic_tax`), and
  `allow_promotion_codes` when the customer may type a code. Payment links take neither
  discounts nor per-line tax rates at Stripe, so a cart with either goes by Checkout.
- Saved card and cash (or any other tender outside Stripe): an itemised invoice with the
  cart's lines, each at its amount after manual discounts and with its tax rates (or
  `automatic_tax`), the coupon or promotion code as the invoice's `discounts` (Stripe
  spreads it over the lines and counts the redemption), then paid with the card (off
  session) or recorded as paid out of band. Never a fake charge.
The tip is recorded in the payment's metadata (`posapp_tip`) so reports can separate it.
Every step's idempotency key is made from the tender attempt's key: sending the same
tender again (after an unknown outcome, or a second click) makes nothing twice.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from posapp.gateway import ErrorKind, GatewayError, checkout
from posapp.money import check_amount, format_amount
from posapp.services import invoices, payments
from posapp.services.cart import Cart
from posapp.services.customers import create_customer
from posapp.services.errors import ServiceError
from posapp.services.payments import PaymentRequest, RequestMethod
from posapp.services.session import Session

__all__ = ["METADATA_TIP", "WALK_IN", "CartTender", "SoldLine", "cart_metadata", "cart_total",
           "charge_cart_to_card", "invoice_discount", "invoice_items", "line_items",
           "record_outside_payment",
           "refund_amount", "request_cart_payment", "sale_description", "sold_lines"]

METADATA_TIP = "posapp_tip"
WALK_IN = "Walk-in customer (PosApp)"
"""The description of the customer cash sales without a named customer are invoiced to."""


@dataclass(frozen=True)
class CartTender:
    """What came of recording a cart through an invoice: `state` is `paid`, `declined`
    (`message` says why), or `unknown` (Stripe did not answer; send it again with the same
    key). `invoice` is the Stripe invoice, `payment_intent_id` the card payment if any."""

    state: str
    message: str
    invoice_id: str | None
    amount: int
    currency: str
    payment_intent_id: str | None = None


def sale_description(cart: Cart) -> str:
    """A one-line description: `2 × Latte, Croissant`."""
    parts = [line.description if line.quantity == 1
             else f"{line.quantity} × {line.description}" for line in cart.lines]
    text = ", ".join(parts)
    return text if len(text) <= 200 else text[:199] + "…"


def line_items(cart: Cart) -> list[dict[str, Any]]:
    """The cart's lines (and tip) as Checkout / Payment Link `line_items`."""
    items: list[dict[str, Any]] = []
    for line in cart.priced_lines():
        item: dict[str, Any]
        if line.price_id and not line.discount:
            item = {"price": line.price_id, "quantity": line.quantity}
        else:
            product: dict[str, Any] = (
                {"product": line.product_id} if line.product_id
                else {"product_data": {"name": _line_name(line.description, line.quantity,
                                                          line.discount)}})
            discounted = line.discount > 0
            item = {"quantity": 1 if discounted else line.quantity,
                    "price_data": {"currency": cart.currency,
                                   "unit_amount": line.subtotal if discounted
                                   else line.unit_amount, **product}}
        if line.tax_rates:
            item["tax_rates"] = [rate.id for rate in line.tax_rates]
        items.append(item)
    return items


def _line_name(description: str, quantity: int, discount: int) -> str:
    return f"{quantity} × {description}" if discount and quantity > 1 else description


def _discounts(cart: Cart) -> list[dict[str, str]]:
    coupon = cart.coupon
    if coupon is None:
        return []
    if coupon.promotion_code:
        return [{"promotion_code": coupon.promotion_code}]
    return [{"coupon": coupon.id}]


def cart_metadata(cart: Cart) -> dict[str, str]:
    """The metadata every tender of the cart puts on its payment (the tip, apart)."""
    totals = cart.totals()
    return {METADATA_TIP: str(totals.tip)}


def cart_total(session: Session, cart: Cart) -> int:
    """What the customer pays for the cart, checked as an amount Stripe can charge."""
    if cart.is_empty:
        raise ServiceError("The cart is empty.", "cart_empty")
    total = cart.totals().total
    check_amount(total, cart.currency, session.locale)
    return total


def request_cart_payment(
    session: Session,
    cart: Cart,
    method: RequestMethod = "checkout",
    customer_id: str | None = None,
    *,
    expires_in: int | None = None,
    expires_at: int | None = None,
    idempotency_key: str | None = None,
    allow_promotion_codes: bool = False,
    automatic_tax: bool = False,
    receipt_email: str | None = None,
) -> PaymentRequest:
    """A Checkout page (or payment link) for the cart, followed like any payment request.

    `allow_promotion_codes` lets the customer type a code on the page (then Stripe's total
    may be lower than the cart's: the paid status carries what was paid); it cannot go
    with a discount already in the cart. `automatic_tax` (or the cart's) has Stripe work
    out the tax instead of the lines' tax rates.
    """
    total = cart_total(session, cart)
    if allow_promotion_codes and cart.coupon is not None:
        raise ServiceError("The cart already has a discount; the customer cannot add a code.",
                           "discount_and_codes")
    automatic_tax = automatic_tax or cart.automatic_tax
    taxed = not automatic_tax and any(line.tax_rates for line in cart.lines)
    if method == "payment_link" and (cart.coupon is not None or taxed):
        raise ServiceError("A payment link cannot carry a discount or tax rates; use a "
                           "Checkout page for this cart.", "link_cannot_carry_cart")
    items = line_items(cart)
    if automatic_tax:
        for item in items:
            item.pop("tax_rates", None)
    extra: dict[str, Any] = {}
    if method == "checkout":
        if cart.coupon is not None:
            extra["discounts"] = _discounts(cart)
        if allow_promotion_codes:
            extra["allow_promotion_codes"] = True
        if automatic_tax:
            extra["automatic_tax"] = {"enabled": True}
    return payments.request_items(
        session, items, total, cart.currency, sale_description(cart), customer_id, method,
        expires_in=expires_in, expires_at=expires_at, idempotency_key=idempotency_key,
        checkout_extra=extra, metadata_extra=cart_metadata(cart), receipt_email=receipt_email)


def invoice_items(cart: Cart) -> list[invoices.InvoiceItem]:
    """The cart as invoice items: each line at its amount after its manual discount (Stripe
    takes the cart's coupon off the lines it applies to, then adds or finds the tax from the
    lines' rates), the tip untaxed."""
    found = []
    coupon = cart.coupon
    for priced in cart.priced():
        line = priced.line
        rates = tuple(rate.id for rate in line.tax_rates)
        discountable = coupon is not None and coupon.applies_to(line)
        if priced.subtotal == line.gross:
            found.append(invoices.InvoiceItem(line.description, line.unit_amount,
                                              line.quantity, rates, discountable))
        else:
            name = _line_name(line.description, line.quantity, 1)
            found.append(invoices.InvoiceItem(name, priced.subtotal, 1, rates, discountable))
    return found


def invoice_discount(cart: Cart) -> invoices.InvoiceDiscount | None:
    """The cart's coupon or promotion code as the invoice's discount."""
    if cart.coupon is None:
        return None
    return invoices.InvoiceDiscount(cart.coupon.id if not cart.coupon.promotion_code else None,
                                    cart.coupon.promotion_code)


def _walk_in_customer(session: Session) -> str:
    """The customer sales without a named one are invoiced to (made once, then cached)."""
    found = session.cache.page("customers", filters={"description": WALK_IN}, limit=1).rows
    if found:
        return str(found[0]["id"])
    return str(create_customer(session, name="Walk-in", description=WALK_IN)["id"])


def _invoice(session: Session, cart: Cart, customer_id: str | None, tender: str,
             idempotency_key: str | None) -> dict[str, Any]:
    def step(name: str) -> str | None:
        return f"{idempotency_key}/{name}" if idempotency_key else None

    customer = customer_id or _walk_in_customer(session)
    draft = invoices.create_invoice(
        session, customer, cart.currency, invoice_items(cart),
        collection_method="charge_automatically", days_until_due=None,
        description=f"{sale_description(cart)} ({tender})", idempotency_key=idempotency_key,
        discount=invoice_discount(cart), automatic_tax=cart.automatic_tax)
    return invoices.finalize_invoice(session, draft["id"], idempotency_key=step("finalize"))


def record_outside_payment(
    session: Session,
    cart: Cart,
    tender: str = "cash",
    customer_id: str | None = None,
    *,
    idempotency_key: str | None = None,
) -> CartTender:
    """Record a sale paid outside Stripe (`tender`: cash, cheque, voucher...) as an
    itemised invoice paid out of band, to `customer_id` or the walk-in customer."""
    total = cart_total(session, cart)
    try:
        invoice = _invoice(session, cart, customer_id, tender, idempotency_key)
        paid = invoices.pay_invoice(session, invoice["id"], out_of_band=True,
                                    idempotency_key=f"{idempotency_key}/pay"
                                    if idempotency_key else None)
    except GatewayError as error:
        if error.idempotency_key:
            return CartTender("unknown", _UNKNOWN, None, total, cart.currency)
        raise
    amount = format_amount(paid["total"], cart.currency, session.locale)
    return CartTender("paid", f"Recorded {amount} paid by {tender}.", paid["id"],
                      paid["total"], cart.currency)


def charge_cart_to_card(
    session: Session,
    cart: Cart,
    customer_id: str,
    payment_method_id: str,
    *,
    idempotency_key: str | None = None,
) -> CartTender:
    """Charge a saved card for the cart through an itemised invoice paid off session."""
    total = cart_total(session, cart)
    invoice_id = None
    try:
        invoice = _invoice(session, cart, customer_id, "card", idempotency_key)
        invoice_id = invoice["id"]
        paid = invoices.pay_invoice(session, invoice["id"], payment_method=payment_method_id,
                                    idempotency_key=f"{idempotency_key}/pay"
                                    if idempotency_key else None)
    except GatewayError as error:
        if error.idempotency_key:
            return CartTender("unknown", _UNKNOWN, invoice_id, total, cart.currency)
        if error.kind is ErrorKind.CARD_DECLINED:
            return CartTender("declined", error.message, invoice_id, total, cart.currency,
                              error.payment_intent_id)
        raise
    payment = ((paid.get("payments") or {}).get("data") or [{}])[0].get("payment") or {}
    amount = format_amount(paid["total"], cart.currency, session.locale)
    return CartTender("paid", f"Paid {amount}.", paid["id"], paid["total"], cart.currency,
                      payment.get("payment_intent"))


_UNKNOWN = ("We don't know yet whether this went through: Stripe did not answer. Send it "
            "again: the same request cannot be recorded twice.")


@dataclass(frozen=True)
class SoldLine:
    """One line of a sale as Stripe recorded it: what the customer paid for it in all
    (`amount_total`, after its share of the discount, with its tax)."""

    description: str
    quantity: int
    amount_total: int
    amount_tax: int
    amount_discount: int


def sold_lines(session: Session, checkout_session_id: str) -> list[SoldLine]:
    """The lines of a sale paid through Checkout (or a payment link's session)."""
    found, _ = checkout.list_line_items(session.gateway, checkout_session_id, {"limit": 100})
    return [SoldLine(str(item.get("description") or ""), int(item.get("quantity") or 1),
                     int(item["amount_total"]), int(item.get("amount_tax") or 0),
                     int(item.get("amount_discount") or 0)) for item in found]


def refund_amount(lines: Sequence[SoldLine], returned: Mapping[int, int]) -> int:
    """What to refund for `returned` (line index -> quantity back): each line's share of
    what was paid for it, discount and tax included, rounded half up per line; all of a
    line back is all it cost."""
    total = 0
    for index, quantity in returned.items():
        line = lines[index]
        if not 0 <= quantity <= line.quantity:
            raise ServiceError(f"At most {line.quantity} of {line.description} can come back.",
                               "refund_quantity")
        share = Decimal(line.amount_total) * quantity / line.quantity
        total += int(share.quantize(Decimal(1), rounding=ROUND_HALF_UP))
    return total
