"""Invoices: create, retrieve, update, finalize, send, pay, void, mark uncollectible,
list, list lines, preview."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from stripe.params import (
        InvoiceCreateParams,
        InvoiceCreatePreviewParams,
        InvoiceFinalizeInvoiceParams,
        InvoiceLineItemListParams,
        InvoiceListParams,
        InvoiceMarkUncollectibleParams,
        InvoicePayParams,
        InvoiceRetrieveParams,
        InvoiceSendInvoiceParams,
        InvoiceUpdateParams,
        InvoiceVoidInvoiceParams,
    )

from posapp.gateway.client import Gateway, operation

_CREATE = operation(
    "invoices.create", lambda c, ids, p, o: c.v1.invoices.create(p, o), find_in="invoices"
)
_UPDATE = operation("invoices.update", lambda c, ids, p, o: c.v1.invoices.update(ids[0], p, o))
_FINALIZE = operation(
    "invoices.finalize", lambda c, ids, p, o: c.v1.invoices.finalize_invoice(ids[0], p, o)
)
_SEND = operation("invoices.send", lambda c, ids, p, o: c.v1.invoices.send_invoice(ids[0], p, o))
_PAY = operation(
    "invoices.pay",
    lambda c, ids, p, o: c.v1.invoices.pay(ids[0], p, o),
    moves_money=True,
    # Interrupted: paid already when the invoice says so (read, never paid again).
    done=lambda gw, ids: retrieve_invoice(gw, ids[0])["status"] == "paid",
)
_VOID = operation("invoices.void", lambda c, ids, p, o: c.v1.invoices.void_invoice(ids[0], p, o))
_MARK_UNCOLLECTIBLE = operation(
    "invoices.mark_uncollectible",
    lambda c, ids, p, o: c.v1.invoices.mark_uncollectible(ids[0], p, o),
)


def with_payments(params: Mapping[str, Any] | None, path: str = "payments") -> Any:
    """`params` also asking for the invoice's `payments`, which Stripe includes only when
    expanded (every invoice this module returns carries them)."""
    given = dict(params or {})
    given["expand"] = [*given.get("expand", []), path]
    return given


def create_invoice(
    gw: Gateway, params: InvoiceCreateParams, *, idempotency_key: str | None = None
) -> dict[str, Any]:
    """Create a draft invoice."""
    return gw.write(_CREATE, with_payments(params), key=idempotency_key)


def retrieve_invoice(
    gw: Gateway, invoice_id: str, params: InvoiceRetrieveParams | None = None
) -> dict[str, Any]:
    """One invoice, with its `payments` (not a `payment_intent` field)."""
    return gw.read("invoices.retrieve",
                   lambda c: c.v1.invoices.retrieve(invoice_id, with_payments(params)))


def update_invoice(gw: Gateway, invoice_id: str, params: InvoiceUpdateParams) -> dict[str, Any]:
    """Change an invoice (drafts fully; finalized ones only a few fields)."""
    return gw.write(_UPDATE, with_payments(params), (invoice_id,))


def finalize_invoice(
    gw: Gateway,
    invoice_id: str,
    params: InvoiceFinalizeInvoiceParams | None = None,
    *,
    idempotency_key: str | None = None,
) -> dict[str, Any]:
    """Finalize a draft invoice so it can be paid."""
    return gw.write(_FINALIZE, with_payments(params), (invoice_id,), key=idempotency_key)


def send_invoice(
    gw: Gateway,
    invoice_id: str,
    params: InvoiceSendInvoiceParams | None = None,
    *,
    idempotency_key: str | None = None,
) -> dict[str, Any]:
    """E-mail a finalized invoice to the customer."""
    return gw.write(_SEND, with_payments(params), (invoice_id,), key=idempotency_key)


def pay_invoice(
    gw: Gateway,
    invoice_id: str,
    params: InvoicePayParams | None = None,
    *,
    idempotency_key: str | None = None,
) -> dict[str, Any]:
    """Charge an open invoice now (or mark it paid out of band with `paid_out_of_band`)."""
    return gw.write(_PAY, with_payments(params), (invoice_id,), key=idempotency_key)


def void_invoice(
    gw: Gateway, invoice_id: str, params: InvoiceVoidInvoiceParams | None = None
) -> dict[str, Any]:
    """Void an open invoice; this cannot be undone."""
    return gw.write(_VOID, with_payments(params), (invoice_id,))


def mark_uncollectible(
    gw: Gateway, invoice_id: str, params: InvoiceMarkUncollectibleParams | None = None
) -> dict[str, Any]:
    """Mark an open invoice as not expected to be paid."""
    return gw.write(_MARK_UNCOLLECTIBLE, with_payments(params), (invoice_id,))


def list_invoices(
    gw: Gateway, params: InvoiceListParams | None = None
) -> tuple[list[dict[str, Any]], bool]:
    """One page of invoices, newest first, and whether more follow."""
    page = gw.read("invoices.list",
                   lambda c: c.v1.invoices.list(with_payments(params, "data.payments")))
    return page["data"], page["has_more"]


def list_lines(
    gw: Gateway, invoice_id: str, params: InvoiceLineItemListParams | None = None
) -> tuple[list[dict[str, Any]], bool]:
    """One page of an invoice's line items, and whether more follow."""
    page = gw.read(
        "invoices.list_lines", lambda c: c.v1.invoices.line_items.list(invoice_id, params)
    )
    return page["data"], page["has_more"]


def create_preview(gw: Gateway, params: InvoiceCreatePreviewParams) -> dict[str, Any]:
    """What the next invoice would look like (for a customer or subscription change).

    A POST that changes nothing at Stripe, so it is sent as a read: no journal row, no
    idempotency key, retried and rate-limited like any read.
    """
    return gw.read("invoices.create_preview", lambda c: c.v1.invoices.create_preview(params))
