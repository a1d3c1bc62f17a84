"""Invoice items: create (a line for a customer's next or a draft invoice)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from stripe.params import InvoiceItemCreateParams

from posapp.gateway.client import Gateway, operation

_CREATE = operation(
    "invoice_items.create",
    lambda c, ids, p, o: c.v1.invoice_items.create(p, o),
    find_in="invoice_items",
)


def create_invoice_item(
    gw: Gateway, params: InvoiceItemCreateParams, *, idempotency_key: str | None = None
) -> dict[str, Any]:
    """Add an invoice item for a customer (to a draft invoice with `invoice`)."""
    return gw.write(_CREATE, params, key=idempotency_key)
