"""A clean invoice document from the cached invoice: HTML laid out by `QTextDocument`, shown
in the invoice detail, printed, or written to PDF by `QPdfWriter` — all offline.

The seller (name, address, tax id, footer, logo) comes from the profile's business settings,
and from the Stripe account where they leave it empty; an open invoice carries its hosted
payment link as a URL and a QR code.

Only what the cache holds is shown: an invoice with more lines than Stripe embedded in it
says how many are left out.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QMarginsF, QUrl
from PySide6.QtGui import (
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPdfWriter,
    QTextDocument,
)

from ..common.format import Formats
from ..widgets.qr_code import qr_image
from .invoice_list_model import invoice_status_text

translate = QCoreApplication.translate
QR_RESOURCE = "posapp-invoice-qr"
LOGO_RESOURCE = "posapp-invoice-logo"


@dataclass(frozen=True)
class Seller:
    """Who issues the invoice, as the business settings say."""

    name: str
    address: str = ""
    tax_id: str = ""
    """The tax ID line as printed ("VAT GB123456789"; see `ui.common.tax_ids`)."""
    footer: str = ""
    logo: str = ""
    """Path of a logo image ("" for none)."""


def payment_link(invoice: dict[str, Any]) -> str:
    """The hosted page where an open invoice can be paid ("" otherwise)."""
    return str(invoice.get("hosted_invoice_url") or "") if invoice.get("status") == "open" \
        else ""


def add_resources(document: QTextDocument, invoice: dict[str, Any], seller: Seller) -> None:
    """Give `document` the images `invoice_html` refers to: the payment link's QR code and
    the seller's logo."""
    link = payment_link(invoice)
    if link:
        document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(QR_RESOURCE),
                             qr_image(link))
    if seller.logo:
        logo = QImage(seller.logo)
        if not logo.isNull():
            document.addResource(QTextDocument.ResourceType.ImageResource,
                                 QUrl(LOGO_RESOURCE), logo)


def _e(text: object) -> str:
    return html.escape(str(text))


def _address(address: Any) -> list[str]:
    if not isinstance(address, dict):
        return []
    city = " ".join(str(address.get(k) or "") for k in ("postal_code", "city")).strip()
    parts = [address.get("line1"), address.get("line2"), city, address.get("state"),
             address.get("country")]
    return [str(p) for p in parts if p]


def invoice_lines(invoice: dict[str, Any]) -> list[dict[str, Any]]:
    """The invoice's line items as cached."""
    return list((invoice.get("lines") or {}).get("data") or [])


def tax_amount(invoice: dict[str, Any]) -> int:
    """The invoice's total tax (0 when it has none)."""
    return sum(int(t.get("amount") or 0) for t in invoice.get("total_taxes") or [])


def discount_amount(invoice: dict[str, Any]) -> int:
    """What the invoice's coupons and promotion codes took off (0 when none)."""
    return sum(int(d.get("amount") or 0) for d in invoice.get("total_discount_amounts") or [])


def _unit_amount(line: dict[str, Any]) -> int | None:
    raw = (line.get("pricing") or {}).get("unit_amount_decimal")
    try:
        value = Decimal(str(raw)) if raw is not None else None
    except InvalidOperation:
        value = None
    if value is not None and value == value.to_integral_value():
        return int(value)
    quantity = line.get("quantity") or 0
    amount = line.get("amount")
    return amount // quantity if isinstance(amount, int) and quantity else None


def invoice_html(invoice: dict[str, Any], formats: Formats, seller: Seller) -> str:
    """The invoice as a printable HTML page (seller, header, bill-to, lines, totals, the
    payment link and its QR code when open, footer); see `add_resources` for its images."""
    currency = invoice.get("currency")

    def money(minor: object) -> str:
        return formats.money(minor if isinstance(minor, int) else None,
                             currency if isinstance(currency, str) else None)

    number = invoice.get("number") or translate("InvoicePdf", "Draft invoice")
    issued = (invoice.get("status_transitions") or {}).get("finalized_at") or \
        invoice.get("created")
    bill_to = [invoice.get("customer_name"), invoice.get("customer_email"),
               *_address(invoice.get("customer_address"))]
    facts = [(translate("InvoicePdf", "Invoice number"), number),
             (translate("InvoicePdf", "Date of issue"), formats.date(issued)),
             (translate("InvoicePdf", "Status"), invoice_status_text(invoice.get("status")))]
    if invoice.get("due_date"):
        facts.append((translate("InvoicePdf", "Date due"), formats.date(invoice["due_date"])))
    rows = []
    for line in invoice_lines(invoice):
        rows.append(
            f"<tr><td>{_e(line.get('description') or '')}</td>"
            f"<td align='right'>{_e(line.get('quantity') or '')}</td>"
            f"<td align='right'>{_e(money(_unit_amount(line)))}</td>"
            f"<td align='right'>{_e(money(line.get('amount')))}</td></tr>")
    cached = len(invoice_lines(invoice))
    total_count = (invoice.get("lines") or {}).get("total_count") or cached
    if total_count > cached:
        rows.append("<tr><td colspan='4'><i>" + _e(translate(
            "InvoicePdf", "%1 more lines are not in the offline copy.").replace(
            "%1", str(total_count - cached))) + "</i></td></tr>")
    discount = discount_amount(invoice)
    totals = [(translate("InvoicePdf", "Subtotal"), invoice.get("subtotal")),
              *([(translate("InvoicePdf", "Discount"), -discount)] if discount else []),
              (translate("InvoicePdf", "Tax"), tax_amount(invoice)),
              (translate("InvoicePdf", "Total"), invoice.get("total")),
              (translate("InvoicePdf", "Amount paid"), invoice.get("amount_paid")),
              (translate("InvoicePdf", "Amount due"), invoice.get("amount_remaining"))]
    total_rows = "".join(
        f"<tr><td align='right'>{_e(label)}</td>"
        f"<td align='right' width='30%'><b>{_e(money(value))}</b></td></tr>"
        for label, value in totals)
    description = invoice.get("description")
    seller_lines = [*seller.address.splitlines(), seller.tax_id]
    logo = f"<img src='{LOGO_RESOURCE}' height='48'/><br/>" if seller.logo and \
        not QImage(seller.logo).isNull() else ""
    link = payment_link(invoice)
    pay_label = translate("InvoicePdf", "Pay online")
    pay_online = (
        f"<table cellpadding='4'><tr><td><img src='{QR_RESOURCE}' width='110' height='110'/>"
        f"</td><td><b>{_e(pay_label)}</b><br/>{_e(link)}"
        "</td></tr></table>") if link else ""
    footer = f"<hr/><p>{_e(seller.footer)}</p>" if seller.footer else ""
    return (
        "<html><body style='font-family: sans-serif; font-size: 10pt;'>"
        f"<table width='100%'><tr><td><h1>{_e(translate('InvoicePdf', 'Invoice'))}</h1>"
        f"{logo}<p><b>{_e(seller.name)}</b>"
        + "".join(f"<br/>{_e(line)}" for line in seller_lines if line)
        + "</p></td><td align='right'><table cellpadding='2'>"
        + "".join(f"<tr><td>{_e(k)}&nbsp;&nbsp;</td><td align='right'><b>{_e(v)}</b></td></tr>"
                  for k, v in facts)
        + "</table></td></tr></table>"
        f"<p><b>{_e(translate('InvoicePdf', 'Bill to'))}</b><br/>"
        + "<br/>".join(_e(p) for p in bill_to if p) + "</p>"
        + (f"<p>{_e(description)}</p>" if description else "")
        + f"<h2>{_e(money(invoice.get('amount_due')))} "
        + _e(translate("InvoicePdf", "due %1").replace("%1", formats.date(
            invoice.get("due_date"))) if invoice.get("due_date") else "") + "</h2>"
        "<table width='100%' cellspacing='0' cellpadding='4' border='0'>"
        f"<tr style='background-color: #eeeeee;'><th align='left'>"
        f"{_e(translate('InvoicePdf', 'Description'))}</th>"
        f"<th align='right'>{_e(translate('InvoicePdf', 'Qty'))}</th>"
        f"<th align='right'>{_e(translate('InvoicePdf', 'Unit price'))}</th>"
        f"<th align='right'>{_e(translate('InvoicePdf', 'Amount'))}</th></tr>"
        + "".join(rows) + "</table><hr/>"
        f"<table width='100%' cellpadding='3'>{total_rows}</table>"
        + pay_online + footer + "</body></html>")


def invoice_document(invoice: dict[str, Any], formats: Formats,
                     seller: Seller) -> QTextDocument:
    """The invoice as a `QTextDocument`, with its images."""
    document = QTextDocument()
    add_resources(document, invoice, seller)
    document.setHtml(invoice_html(invoice, formats, seller))
    return document


def print_invoice(invoice: dict[str, Any], formats: Formats, seller: Seller,
                  device: QPagedPaintDevice) -> None:
    """Lay the invoice out on `device` (a printer or a PDF writer), page by page."""
    invoice_document(invoice, formats, seller).print_(device)


def write_invoice_pdf(invoice: dict[str, Any], formats: Formats, seller: Seller,
                      path: Path) -> None:
    """Write the invoice as an A4 PDF at `path` (from the cached data; no network)."""
    writer = QPdfWriter(str(path))
    writer.setTitle(str(invoice.get("number") or invoice.get("id", "")))
    writer.setCreator("PosApp")
    writer.setResolution(300)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                     QPageLayout.Orientation.Portrait,
                                     QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter))
    print_invoice(invoice, formats, seller, writer)
