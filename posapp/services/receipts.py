"""A sale's receipt: lines, discount, tax, tip, total, card and Stripe's receipt URL.

Built from the cache, so a receipt reprints offline: the PaymentIntent, its charge (card
brand, last 4, `receipt_url`) and the Checkout Session it paid (subtotal, discount, tax,
total). The lines and figures are the sale's itemisation in metadata (the PaymentIntent's,
or the invoice's for a cart charged to a saved card, each line's amount and tax then from
the invoice's lines when Stripe Tax worked the tax out at payment) when it adds up to what
was paid; when the customer typed a code on Stripe's page they are Stripe's Checkout line
items, read from Stripe when it can be reached; failing both, the sale's description
(`2 × Latte, Croissant`) is the one line. The manual discounts' reasons come from metadata.
"""

from __future__ import annotations

from dataclasses import dataclass

from posapp.gateway import GatewayError
from posapp.services.errors import ServiceError
from posapp.services.payments import card_of
from posapp.services.sale_tenders import (
    METADATA_DISCOUNT_REASON,
    METADATA_TIP,
    charged_lines,
    itemisation,
    sale_figures,
    sale_invoice,
    sold_lines,
)
from posapp.services.session import Session

__all__ = ["Receipt", "ReceiptLine", "receipt_for"]


@dataclass(frozen=True)
class ReceiptLine:
    """One printed line: what it was, how many, what it cost (after discount, with tax)."""

    description: str
    quantity: int
    amount: int


@dataclass(frozen=True)
class Receipt:
    """Everything a printed receipt shows, in minor units of `currency`."""

    payment_id: str
    created: int
    currency: str
    lines: tuple[ReceiptLine, ...]
    subtotal: int
    discount: int
    tax: int
    tip: int
    total: int
    card_brand: str | None
    card_last4: str | None
    receipt_url: str | None
    itemised: bool
    discount_reason: str = ""


def receipt_for(session: Session, payment_intent_id: str, *, online: bool = True) -> Receipt:
    """The receipt of a paid PaymentIntent, from the cache (and Stripe's line items when
    `online` and reachable)."""
    cache = session.cache
    intent = cache.get("payment_intents", payment_intent_id)
    if intent is None:
        raise ServiceError("This payment is not in the offline cache yet.", "not_cached")
    charge = cache.get("charges", str(intent.get("latest_charge") or "")) or {}
    brand, last4 = card_of(charge)  # typed online or read by a reader
    found = cache.page("checkout_sessions", filters={"payment_intent": payment_intent_id},
                       limit=1).rows
    checkout = found[0] if found else {}
    details = checkout.get("total_details") or {}
    total = int(checkout.get("amount_total") or intent.get("amount") or 0)
    metadata = intent.get("metadata") or {}
    invoice = None if checkout else sale_invoice(session, intent)
    if invoice is not None:
        metadata = invoice.get("metadata") or {}
    itemised = itemisation(metadata)
    if invoice is not None and sum(line.amount_total for line in itemised) != total:
        itemised = charged_lines(invoice, itemised)  # Stripe Tax, worked out at payment
    figures = sale_figures(metadata)
    subtotal, discount, tax = (int(checkout.get("amount_subtotal") or total),
                               int(details.get("amount_discount") or 0),
                               int(details.get("amount_tax") or 0))
    lines: tuple[ReceiptLine, ...] = ()
    if itemised and figures and sum(line.amount_total for line in itemised) == total:
        # The sale as the cart priced it (manual discounts and their reasons included).
        lines = tuple(ReceiptLine(line.description, line.quantity, line.amount_total)
                      for line in itemised)
        subtotal, discount, _tax, _tip = figures
        tax = sum(line.amount_tax for line in itemised)
    elif online and checkout:
        # A code typed on Stripe's page changed the figures: Stripe's lines say what was paid.
        try:
            lines = tuple(ReceiptLine(line.description, line.quantity, line.amount_total)
                          for line in sold_lines(session, str(checkout["id"])))
        except GatewayError:
            lines = ()
    itemised_receipt = bool(lines)
    if not lines:
        lines = (ReceiptLine(str(intent.get("description") or ""), 1, total),)
    return Receipt(
        payment_intent_id, int(intent.get("created") or 0), str(intent.get("currency") or ""),
        lines, subtotal, discount, tax, int(metadata.get(METADATA_TIP) or 0), total,
        brand, last4, charge.get("receipt_url"), itemised_receipt,
        str(metadata.get(METADATA_DISCOUNT_REASON) or ""))
