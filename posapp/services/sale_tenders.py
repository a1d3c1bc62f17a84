"""Tendering a cart: the same lines, discount, tax and tip at Stripe whichever way the
customer pays, so Stripe's records and the receipt agree with the cart to the minor unit.

- Checkout page / payment link: Stripe line items (`price` for catalogue lines,
  `price_data` for custom lines, the tip, and lines staff discounted by hand: such a line
  keeps its product and is sent at its reduced subtotal, so Stripe's one discount slot
  stays free for the coupon and every line stays a line of its own), the coupon or
  promotion code as `discounts`, tax rates per line (or `automatic_tax`), and
  `allow_promotion_codes` when the customer may type a code. Payment links take neither
  discounts nor per-line tax rates at Stripe, so a cart with either goes by Checkout.
- Saved card and cash (or any other tender outside Stripe): an itemised invoice with the
  cart's lines, each at its amount after manual discounts and with its tax rates (or
  `automatic_tax`), each catalogue line a price of its product, the coupon or promotion
  code as the invoice's `discounts` (Stripe spreads it over the lines it applies to and
  counts the redemption; the tip's item is not `discountable`), then paid with the card
  (off session) or recorded as paid out of band. Never a fake charge.
The tip is recorded in the payment's metadata (`posapp_tip`) so reports can separate it.
Every tender also itemises the sale in metadata (`posapp_line_N`: quantity, what the line
cost in all, its tax, its discount, description and the manual discount's reason; the
PaymentIntent's for Checkout, the invoice's otherwise): receipts and refunds by line read it.
Every step's idempotency key is made from the tender attempt's key: sending the same
tender again (after an unknown outcome, or a second click) makes nothing twice.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from posapp.gateway import ErrorKind, GatewayError, checkout, coupons, products
from posapp.gateway.params import CouponCreateParams, ProductCreateParams
from posapp.money import check_amount, format_amount
from posapp.services import invoices, payments, refunds
from posapp.services.cart import Cart, Line
from posapp.services.customers import create_customer
from posapp.services.errors import ServiceError
from posapp.services.payments import PaymentRequest, RequestMethod
from posapp.services.session import Session, perform, stripe_params

__all__ = [
    "METADATA_DISCOUNT_REASON",
    "METADATA_REFUND_LINES",
    "METADATA_TIP",
    "WALK_IN",
    "CartTender",
    "SaleLines",
    "SoldLine",
    "cart_total",
    "charge_cart_to_card",
    "charged_lines",
    "invoice_discount",
    "invoice_items",
    "itemisation",
    "line_items",
    "record_outside_payment",
    "refund_amount",
    "refund_lines",
    "request_cart_payment",
    "sale_description",
    "sale_figures",
    "sale_invoice",
    "sale_lines",
    "sale_metadata",
    "sold_lines",
]

METADATA_TIP = "posapp_tip"
METADATA_DISCOUNT_REASON = "posapp_discount_reason"
_METADATA_LINES = "posapp_lines"
_METADATA_FIGURES = "posapp_figures"
_METADATA_LINE = "posapp_line_{}"
ITEMISED_LINES = 36
"""Lines itemised in metadata at most (Stripe keeps 50 keys; the rest are PosApp's own)."""
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
                else {"product_data": {"name": _line_name(cart, line, line.discount > 0)}})
            discounted = line.discount > 0
            item = {"quantity": 1 if discounted else line.quantity,
                    "price_data": {"currency": cart.currency,
                                   "unit_amount": line.subtotal if discounted
                                   else line.unit_amount, **product}}
        if line.tax_rates:
            item["tax_rates"] = [rate.id for rate in line.tax_rates]
        items.append(item)
    return items


def _line_name(cart: Cart, line: Line, reduced: bool) -> str:
    """A `reduced` line goes to Stripe as one item at its reduced amount: its name keeps the
    quantity and the reasons of the manual discounts on it."""
    if not reduced:
        return line.description
    name = f"{line.quantity} × {line.description}" if line.quantity > 1 else line.description
    reasons = [line.discount_reason] if line.manual else []
    if line.cart_discount and cart.manual is not None:
        reasons.append(cart.manual.reason)
    return f"{name} ({'; '.join(dict.fromkeys(reasons))})" if reasons else name


def _discounts(cart: Cart) -> list[dict[str, str]]:
    coupon = cart.coupon
    if coupon is None:
        return []
    if coupon.promotion_code:
        return [{"promotion_code": coupon.promotion_code}]
    return [{"coupon": coupon.id}]


def sale_metadata(cart: Cart) -> dict[str, str]:
    """The sale itemised for Stripe's metadata: the tip, each line (quantity, cost in all,
    tax, discount, description, manual discount's reason) and the manual discounts'
    reasons."""
    priced, totals = cart.priced(), cart.totals()
    found = {METADATA_TIP: str(totals.tip),
             _METADATA_FIGURES: f"{totals.subtotal},{totals.discount},{totals.tax},{totals.tip}"}
    if len(priced) <= ITEMISED_LINES:
        found[_METADATA_LINES] = str(len(priced))
        for number, line in enumerate(priced):
            found[_METADATA_LINE.format(number)] = json.dumps(
                [line.line.quantity, line.total, line.tax,
                 line.line.discount + line.coupon_discount, line.line.description[:300],
                 line.line.discount_reason[:100]], ensure_ascii=False)
    reasons = "; ".join(cart.discount_reasons)
    if reasons:
        found[METADATA_DISCOUNT_REASON] = reasons[:500]
    return found


def sale_figures(metadata: Mapping[str, Any]) -> tuple[int, int, int, int] | None:
    """(subtotal, discount, tax, tip) as `sale_metadata` wrote them, or None."""
    try:
        subtotal, discount, tax, tip = (int(x) for x in str(
            metadata[_METADATA_FIGURES]).split(","))
    except (KeyError, ValueError):
        return None
    return subtotal, discount, tax, tip


def itemisation(metadata: Mapping[str, Any]) -> list[SoldLine]:
    """The lines `sale_metadata` wrote (none when the sale was not itemised)."""
    try:
        count = int(metadata.get(_METADATA_LINES) or 0)
        rows = [json.loads(str(metadata[_METADATA_LINE.format(n)])) for n in range(count)]
        return [SoldLine(str(description), int(quantity), int(total), int(tax), int(off),
                         str(reason)) for quantity, total, tax, off, description, reason in rows]
    except (KeyError, TypeError, ValueError):
        return []


METADATA_COUPON = "posapp_coupon"
"""On a coupon made for one sale: the coupon (or `promo_…` code) it stands for."""
_CUSTOM_LINES = "posapp_custom_lines"


def _goods_coupon(session: Session, cart: Cart, items: list[dict[str, Any]],
                  idempotency_key: str | None) -> str:
    """A coupon for this sale alone, as the cart's but restricted (`applies_to`) to the
    goods' products, so Stripe never discounts the tip line; custom lines are given the
    shared custom-amount product so the coupon reaches them. `items` is changed to match.

    Stripe counts the redemption on this coupon (at most one), not on the one it stands
    for: `posapp_coupon` in its metadata names that one (or the promotion code)."""
    coupon = cart.coupon
    assert coupon is not None

    def step(name: str) -> str | None:
        return f"{idempotency_key}/{name}" if idempotency_key else None

    custom = None
    goods = set()
    for line, item in zip(cart.priced_lines(), items, strict=True):
        if line.is_tip:
            continue
        data = item.get("price_data")
        if data is not None and "product_data" in data:
            custom = custom or _custom_product(session, step("custom-product"))
            data.pop("product_data")
            data["product"] = custom
        goods.add(line.product_id or custom)
    params = stripe_params(
        CouponCreateParams, name=coupon.name or None,
        percent_off=float(coupon.percent_off) if coupon.percent_off is not None else None,
        amount_off=coupon.amount_in(cart.currency) if coupon.amount_off is not None else None,
        currency=cart.currency if coupon.amount_off is not None else None,
        duration="once", max_redemptions=1,
        applies_to={"products": sorted(p for p in goods if p)},
        metadata={METADATA_COUPON: coupon.promotion_code or coupon.id})
    made = perform(session, "coupon.create", lambda gw: coupons.create_coupon(
        gw, params, idempotency_key=step("coupon")), detail=coupon.name)
    return str(made["id"])


def _custom_product(session: Session, idempotency_key: str | None) -> str:
    """The product custom-amount lines are sold as when a coupon must reach them (made
    once, then found in the cache)."""
    for product in session.cache.page("products", filters={"active": 1}, limit=1000).rows:
        if (product.get("metadata") or {}).get(_CUSTOM_LINES):
            return str(product["id"])
    params = stripe_params(ProductCreateParams, name="Custom amount",
                           metadata={_CUSTOM_LINES: "1"})
    made = perform(session, "product.create", lambda gw: products.create_product(
        gw, params, idempotency_key=idempotency_key), detail="Custom amount")
    return str(made["id"])


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
    tipped = cart.totals().tip > 0
    if allow_promotion_codes and tipped:
        raise ServiceError("A code typed on Stripe's page would discount the tip too: add the "
                           "customer's code to the cart instead.", "tip_and_codes")
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
        if cart.coupon is not None and tipped and not cart.coupon.products:
            extra["discounts"] = [{"coupon": _goods_coupon(session, cart, items,
                                                           idempotency_key)}]
        elif cart.coupon is not None:
            extra["discounts"] = _discounts(cart)
        if allow_promotion_codes:
            extra["allow_promotion_codes"] = True
        if automatic_tax:
            extra["automatic_tax"] = {"enabled": True}
    return payments.request_items(
        session, items, total, cart.currency, sale_description(cart), customer_id, method,
        expires_in=expires_in, expires_at=expires_at, idempotency_key=idempotency_key,
        checkout_extra=extra, metadata_extra=sale_metadata(cart), receipt_email=receipt_email)


def invoice_items(cart: Cart) -> list[invoices.InvoiceItem]:
    """The cart as invoice items: each line at its amount after its manual discounts (named
    with their reasons) as a price of its product, so Stripe takes the cart's coupon off the
    lines it applies to, then adds or finds the tax from the lines' rates; the tip untaxed
    and not `discountable`, so no coupon ever touches it."""
    found = []
    for priced in cart.priced():
        line = priced.line
        rates = tuple(rate.id for rate in line.tax_rates)
        if priced.subtotal == line.gross:
            found.append(invoices.InvoiceItem(line.description, line.unit_amount,
                                              line.quantity, rates, not line.is_tip,
                                              line.product_id))
        else:
            found.append(invoices.InvoiceItem(_line_name(cart, line, True), priced.subtotal, 1,
                                              rates, not line.is_tip, line.product_id))
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
        metadata=sale_metadata(cart), discount=invoice_discount(cart),
        automatic_tax=cart.automatic_tax)
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
    reason: str = ""


def sold_lines(session: Session, checkout_session_id: str) -> list[SoldLine]:
    """The lines of a sale paid through Checkout (or a payment link's session)."""
    found, _ = checkout.list_line_items(session.gateway, checkout_session_id, {"limit": 100})
    return [SoldLine(str(item.get("description") or ""), int(item.get("quantity") or 1),
                     int(item["amount_total"]), int(item.get("amount_tax") or 0),
                     int(item.get("amount_discount") or 0)) for item in found]


METADATA_REFUND_LINES = "posapp_refund_lines"
"""On a refund by line: `index:quantity` of each line given back, comma separated."""


@dataclass(frozen=True)
class SaleLines:
    """A paid sale's lines for a refund: `returned[i]` of line `i` already given back."""

    payment_intent_id: str
    currency: str
    lines: tuple[SoldLine, ...]
    returned: tuple[int, ...]


def sale_invoice(session: Session, intent: Mapping[str, Any]) -> dict[str, Any] | None:
    """The cached invoice a PaymentIntent paid (a cart charged to a saved card), if any."""
    customer = intent.get("customer")
    if not customer:
        return None
    for invoice in session.cache.page("invoices", filters={"customer": str(customer)},
                                      limit=100).rows:
        for entry in (invoice.get("payments") or {}).get("data") or []:
            if (entry.get("payment") or {}).get("payment_intent") == intent.get("id"):
                return invoice
    return None


def charged_lines(invoice: Mapping[str, Any], lines: Sequence[SoldLine]) -> list[SoldLine]:
    """`lines` (a sale's itemisation) with what `invoice` charged for each: with Stripe Tax
    the tax is worked out at payment, so the invoice's lines hold it and the cart's
    itemisation does not. `lines` as they are when the invoice's lines do not match them."""
    found = (invoice.get("lines") or {}).get("data") or []
    if len(found) != len(lines):
        return list(lines)
    charged = []
    for line, item in zip(lines, found, strict=True):
        taxes = item.get("taxes") or []
        added = sum(int(tax["amount"]) for tax in taxes if tax.get("tax_behavior") == "exclusive")
        off = sum(int(cut["amount"]) for cut in item.get("discount_amounts") or [])
        charged.append(SoldLine(line.description, line.quantity, int(item["amount"]) - off + added,
                                sum(int(tax["amount"]) for tax in taxes), line.amount_discount,
                                line.reason))
    return charged


def sale_lines(session: Session, payment_intent_id: str) -> SaleLines | None:
    """The lines of an itemised sale and how many of each were already refunded (None
    when the payment was not a cart sale). A Checkout sale whose customer typed a code
    takes each line's amount from Stripe's line items (what was really paid), an invoice
    whose tax Stripe Tax worked out from the invoice's lines."""
    intent = session.cache.get("payment_intents", payment_intent_id)
    if intent is None:
        return None
    metadata, invoice = intent.get("metadata") or {}, None
    if _METADATA_LINES not in metadata:
        invoice = sale_invoice(session, intent)
        metadata = (invoice or {}).get("metadata") or {}
    lines = itemisation(metadata)
    if not lines:
        return None
    paid = sum(line.amount_total for line in lines)
    found = session.cache.page("checkout_sessions",
                               filters={"payment_intent": payment_intent_id}, limit=1).rows
    if found and found[0].get("amount_total") != paid:
        stripes = sold_lines(session, str(found[0]["id"]))
        if len(stripes) == len(lines):
            lines = [SoldLine(line.description, line.quantity, stripe.amount_total,
                              stripe.amount_tax, stripe.amount_discount, line.reason)
                     for line, stripe in zip(lines, stripes, strict=True)]
    elif invoice is not None and invoice.get("total") != paid:
        lines = charged_lines(invoice, lines)
    returned = [0] * len(lines)
    for refund in session.cache.page("refunds", filters={"payment_intent": payment_intent_id},
                                     limit=100).rows:
        if refund.get("status") in ("failed", "canceled"):
            continue
        for index, quantity in _refund_lines((refund.get("metadata") or {}).get(
                METADATA_REFUND_LINES)).items():
            if 0 <= index < len(returned):
                returned[index] += quantity
    return SaleLines(payment_intent_id, str(intent.get("currency") or ""), tuple(lines),
                     tuple(returned))


def _refund_lines(text: Any) -> dict[int, int]:
    found: dict[int, int] = {}
    for part in str(text or "").split(","):
        index, _, quantity = part.partition(":")
        if index.strip().isdigit() and quantity.strip().isdigit():
            found[int(index)] = found.get(int(index), 0) + int(quantity)
    return found


def refund_amount(lines: Sequence[SoldLine], returned: Mapping[int, int],
                  already: Sequence[int] = ()) -> int:
    """What to refund for `returned` (line index -> quantity back), `already[i]` of line
    `i` having been given back before: each line's share of what was paid for it, discount
    and tax included. The share of n of a line's q items is round_half_up(total × n / q),
    and a refund gives share(already + back) − share(already): successive refunds never
    drift, and all of a line back is exactly all it cost."""
    total = 0
    for index, quantity in returned.items():
        line = lines[index]
        before = already[index] if index < len(already) else 0
        if not 0 <= quantity <= line.quantity - before:
            raise ServiceError(f"At most {line.quantity - before} of {line.description} can "
                               "come back.", "refund_quantity")
        total += _share(line, before + quantity) - _share(line, before)
    return total


def _share(line: SoldLine, count: int) -> int:
    share = Decimal(line.amount_total) * count / line.quantity
    return int(share.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def refund_lines(session: Session, sale: SaleLines, returned: Mapping[int, int],
                 reason: refunds.RefundReason | None = None, note: str = "", *,
                 idempotency_key: str | None = None) -> dict[str, Any]:
    """Refund the lines picked (`returned`: line index -> quantity back) of `sale`: the
    amount `refund_amount` gives, with the lines in the refund's metadata. Sent again with
    the same key after an unknown outcome, it is the same request (Stripe refunds once)."""
    picked = {index: quantity for index, quantity in returned.items() if quantity}
    if not picked:
        raise ServiceError("Choose what comes back first.", "refund_nothing")
    amount = refund_amount(sale.lines, picked, sale.returned)
    return refunds.refund_payment(
        session, sale.payment_intent_id, amount, reason, note,
        idempotency_key=idempotency_key,
        metadata={METADATA_REFUND_LINES: ",".join(f"{i}:{q}" for i, q in sorted(picked.items()))})
