"""A sale's receipt laid out for 80 mm thermal paper or A4: the shop's name, address and
tax id (Settings → Business), lines, discount and its reason, tax, tip, total, card, the
payment id, a QR code of Stripe's receipt URL and the footer. HTML laid out by
`QTextDocument`, previewed and printed (`QPrintPreviewDialog`) or written to PDF by
`QPdfWriter` — from the cache, so a receipt reprints offline."""

from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from PySide6.QtCore import QCoreApplication, QMarginsF, QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPdfWriter,
    QTextDocument,
)
from PySide6.QtPrintSupport import QPrintPreviewDialog
from PySide6.QtWidgets import QFileDialog, QWidget

from posapp.services.receipts import Receipt, receipt_for

from ..common.app_state import AppState
from ..common.format import Formats
from ..common.tax_ids import seller_tax_id
from ..widgets.qr_code import qr_image

Paper = Literal["80mm", "a4"]
translate = QCoreApplication.translate
_QR = "qr://receipt"


def _e(text: object) -> str:
    return html.escape(str(text))


@dataclass(frozen=True)
class Shop:
    """Who the receipt is from (the profile's business details)."""

    name: str
    address: str = ""
    tax_id: str = ""
    """The tax ID line as printed ("Tax ID: EIN 12-3", "VAT GB123456789"; see
    `ui.common.tax_ids`)."""
    footer: str = ""


def shop_of(state: AppState) -> Shop:
    """The open profile's business details (Settings → Business); the account's name stands
    in for an unset name, and its default tax ID at Stripe for an unset one."""
    profile = state.session.profile
    details = state.settings.business(profile.name)
    return Shop(details["name"] or profile.account_name or profile.name, details["address"],
                seller_tax_id(state), details["footer"])


def receipt_html(receipt: Receipt, formats: Formats, shop: Shop) -> str:
    """The receipt as HTML (the QR code is the document resource `qr://receipt`)."""

    def money(minor: int) -> str:
        return _e(formats.money(minor, receipt.currency))

    words = {
        "subtotal": translate("Receipt", "Subtotal"),
        "discount": translate("Receipt", "Discount"),
        "tax": translate("Receipt", "Tax"),
        "tip": translate("Receipt", "Tip"),
        "total": translate("Receipt", "Total"),
        "online": translate("Receipt", "Your receipt online"),
        "payment": translate("Receipt", "Payment"),
        "thanks": translate("Receipt", "Thank you!"),
    }
    said = {key: _e(text) for key, text in words.items()}
    rows = "".join(
        f"<tr><td>{_e(line.quantity)} × {_e(line.description)}</td>"
        f"<td align='right'>{money(line.amount)}</td></tr>" for line in receipt.lines)
    figures = [(said["subtotal"], receipt.subtotal)]
    if receipt.discount:
        label = said["discount"] + (f" ({_e(receipt.discount_reason)})"
                                    if receipt.discount_reason else "")
        figures.append((label, -receipt.discount))
    figures += [(said["tax"], receipt.tax), (said["tip"], receipt.tip),
                (f"<b>{said['total']}</b>", receipt.total)]
    totals = "".join(f"<tr><td>{label}</td><td align='right'>{money(amount)}</td></tr>"
                     for label, amount in figures)
    card = ""
    if receipt.card_last4:
        card = (f"<p>{_e((receipt.card_brand or 'card').title())} •••• "
                f"{_e(receipt.card_last4)}</p>")
    qr = ""
    if receipt.receipt_url:
        qr = (f"<p align='center'><img src='{_QR}' width='120' height='120'/><br/>"
              f"<small>{said['online']}</small></p>")
    address = "<br/>".join(_e(part) for part in shop.address.splitlines() if part.strip())
    seller = "".join(f"<p align='center'>{text}</p>" for text in (
        address, _e(shop.tax_id)) if text)
    return (
        "<html><body style='font-family: sans-serif'>"
        f"<h2 align='center'>{_e(shop.name)}</h2>{seller}"
        f"<p align='center'>{_e(formats.datetime(receipt.created))}</p>"
        f"<table width='100%' cellpadding='2'>{rows}</table><hr/>"
        f"<table width='100%' cellpadding='2'>{totals}</table>{card}"
        f"<p><small>{said['payment']} {_e(receipt.payment_id)}</small></p>{qr}"
        f"<p align='center'>{_e(shop.footer) if shop.footer else said['thanks']}</p>"
        "</body></html>")


def receipt_document(receipt: Receipt, formats: Formats, shop: Shop) -> QTextDocument:
    """The receipt as a `QTextDocument` (with its QR code)."""
    document = QTextDocument()
    if receipt.receipt_url:
        document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(_QR),
                             qr_image(receipt.receipt_url))
    document.setHtml(receipt_html(receipt, formats, shop))
    return document


def write_receipt_pdf(receipt: Receipt, formats: Formats, shop: Shop, path: Path,
                      paper: Paper = "80mm") -> None:
    """Write the receipt as a PDF at `path`: one 80 mm wide roll page, or A4."""
    writer = QPdfWriter(str(path))
    writer.setTitle(receipt.payment_id)
    writer.setCreator("PosApp")
    writer.setResolution(300)
    writer.setPageLayout(page_layout(receipt, shop, paper))
    print_receipt(receipt, formats, shop, writer)


def page_layout(receipt: Receipt, shop: Shop, paper: Paper) -> QPageLayout:
    """One 80 mm wide roll page as long as the receipt needs (estimated from its lines),
    or A4."""
    if paper == "a4":
        size, margin = QPageSize(QPageSize.PageSizeId.A4), 15.0
    else:
        length = 170 + 12 * len(receipt.lines) + 6 * len(shop.address.splitlines())
        size = QPageSize(QSizeF(80, length), QPageSize.Unit.Millimeter, "80mm roll")
        margin = 4.0
    return QPageLayout(size, QPageLayout.Orientation.Portrait,
                       QMarginsF(margin, margin, margin, margin), QPageLayout.Unit.Millimeter)


def print_receipt(receipt: Receipt, formats: Formats, shop: Shop,
                  device: QPagedPaintDevice) -> None:
    """Lay the receipt out on `device` (a printer or a PDF writer)."""
    receipt_document(receipt, formats, shop).print_(device)


async def save_receipt(state: AppState, payment_intent_id: str, path: Path,
                       paper: Paper = "80mm") -> Path:
    """Build the payment's receipt on the worker (from the cache; with Stripe's line items
    when online) and write it as a PDF at `path`, with the shop's details from the profile
    (its tax ID as `ui.common.tax_ids.seller_tax_id` gives it)."""
    receipt = await state.run(receipt_for, state.session, payment_intent_id,
                              online=state.online)
    write_receipt_pdf(receipt, state.formats, shop_of(state), path, paper)
    return path


async def print_receipt_dialog(state: AppState, payment_intent_id: str, parent: QWidget,
                               paper: Paper = "80mm") -> QPrintPreviewDialog:
    """Build the payment's receipt on the worker, then open it in a print preview (on an
    80 mm roll or A4) whose Print button asks for the printer."""
    receipt = await state.run(receipt_for, state.session, payment_intent_id,
                              online=state.online)
    dialog = QPrintPreviewDialog(parent)  # with a printer of its own, alive as long as it
    dialog.printer().setDocName(receipt.payment_id)
    dialog.setWindowTitle(translate("Receipt", "Print receipt"))
    shop = shop_of(state)
    dialog.printer().setPageLayout(page_layout(receipt, shop, paper))
    dialog.paintRequested.connect(
        lambda device: print_receipt(receipt, state.formats, shop, device))
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.show()
    return dialog


def ask_receipt_path(parent: QWidget, payment_intent_id: str) -> Path | None:
    """Where to save a receipt (a save dialog), or None."""
    path, _ = QFileDialog.getSaveFileName(
        parent, translate("Receipt", "Save receipt"), f"receipt-{payment_intent_id}.pdf",
        translate("Receipt", "PDF (*.pdf)"))
    return Path(path) if path else None
