"""A sale's receipt laid out for 80 mm thermal paper or A4: shop name, lines, discount,
tax, tip, total, card, the payment id and a QR code of Stripe's receipt URL. HTML laid
out by `QTextDocument`, printed or written to PDF by `QPdfWriter` — from the cache, so a
receipt reprints offline."""

from __future__ import annotations

import html
from dataclasses import replace
from pathlib import Path
from typing import Literal

from PySide6.QtCore import QCoreApplication, QMarginsF, QSizeF, QUrl
from PySide6.QtGui import (
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPdfWriter,
    QTextDocument,
)
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


def receipt_html(receipt: Receipt, formats: Formats, shop: str) -> str:
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
        figures.append((said["discount"], -receipt.discount))
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
    return (
        "<html><body style='font-family: sans-serif'>"
        f"<h2 align='center'>{_e(shop)}</h2>"
        + (f"<p align='center'>{_e(receipt.tax_id)}</p>" if receipt.tax_id else "") +
        f"<p align='center'>{_e(formats.datetime(receipt.created))}</p>"
        f"<table width='100%' cellpadding='2'>{rows}</table><hr/>"
        f"<table width='100%' cellpadding='2'>{totals}</table>{card}"
        f"<p><small>{said['payment']} {_e(receipt.payment_id)}</small></p>{qr}"
        f"<p align='center'>{said['thanks']}</p></body></html>")


def receipt_document(receipt: Receipt, formats: Formats, shop: str) -> QTextDocument:
    """The receipt as a `QTextDocument` (with its QR code)."""
    document = QTextDocument()
    if receipt.receipt_url:
        document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(_QR),
                             qr_image(receipt.receipt_url))
    document.setHtml(receipt_html(receipt, formats, shop))
    return document


def write_receipt_pdf(receipt: Receipt, formats: Formats, shop: str, path: Path,
                      paper: Paper = "80mm") -> None:
    """Write the receipt as a PDF at `path`: one 80 mm wide roll page, or A4."""
    writer = QPdfWriter(str(path))
    writer.setTitle(receipt.payment_id)
    writer.setCreator("PosApp")
    writer.setResolution(300)
    if paper == "a4":
        size, margin = QPageSize(QPageSize.PageSizeId.A4), 15.0
    else:
        # A roll: 80 mm wide, as long as the receipt needs (estimated from its lines).
        length = 170 + 12 * len(receipt.lines)
        size = QPageSize(QSizeF(80, length), QPageSize.Unit.Millimeter, "80mm roll")
        margin = 4.0
    writer.setPageLayout(QPageLayout(size, QPageLayout.Orientation.Portrait,
                                     QMarginsF(margin, margin, margin, margin),
                                     QPageLayout.Unit.Millimeter))
    print_receipt(receipt, formats, shop, writer)


def print_receipt(receipt: Receipt, formats: Formats, shop: str,
                  device: QPagedPaintDevice) -> None:
    """Lay the receipt out on `device` (a printer or a PDF writer)."""
    receipt_document(receipt, formats, shop).print_(device)


async def save_receipt(state: AppState, payment_intent_id: str, path: Path,
                       paper: Paper = "80mm") -> Path:
    """Build the payment's receipt on the worker (from the cache; with Stripe's line items
    when online) and write it as a PDF at `path`, with the shop's name from the profile
    and its tax ID (`ui.common.tax_ids.seller_tax_id`)."""
    receipt = await state.run(receipt_for, state.session, payment_intent_id,
                              online=state.online)
    profile = state.session.profile
    write_receipt_pdf(replace(receipt, tax_id=seller_tax_id(state)), state.formats,
                      profile.account_name or profile.name, path, paper)
    return path


def ask_receipt_path(parent: QWidget, payment_intent_id: str) -> Path | None:
    """Where to save a receipt (a save dialog), or None."""
    path, _ = QFileDialog.getSaveFileName(
        parent, translate("Receipt", "Save receipt"), f"receipt-{payment_intent_id}.pdf",
        translate("Receipt", "PDF (*.pdf)"))
    return Path(path) if path else None
