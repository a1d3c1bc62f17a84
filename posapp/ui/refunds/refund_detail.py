"""`RefundDetail`: one refund as a merchant reads it — amount, status, reason, the refunded
payment (a link to it), customer, card and the internal note — with "Open payment",
"Copy id" and "Open in Stripe Dashboard" under it."""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ..common.format import Formats
from ..common.resources import icon
from .refund_list_model import RefundListModel, reason_text, status_text


class RefundDetail(QStackedWidget):
    """The selected refund, or a hint while none is selected."""

    open_payment = Signal(str)
    """The refunded payment's id (pi_… or ch_…), to show in the Payments panel."""

    def __init__(self, model: RefundListModel, formats: Formats,
                 dashboard_url: Callable[[dict[str, Any]], str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = model
        self._formats = formats
        self._dashboard_url = dashboard_url
        self.refund: dict[str, Any] = {}
        hint = QLabel(self.tr("Select a refund to see its details."))
        hint.setObjectName("muted")
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint.setWordWrap(True)
        self.amount = QLabel()
        self.amount.setObjectName("bigAmount")
        self.status = QLabel()
        self.reason = QLabel()
        self.created = QLabel()
        self.payment = QLabel()
        self.payment.linkActivated.connect(self.open_payment)
        self.customer = QLabel()
        self.card = QLabel()
        self.fee_net = QLabel()
        """The refund's balance transaction in brief; the panel fills it from the cache."""
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form = QFormLayout()
        for label, widget in ((self.tr("Status"), self.status),
                              (self.tr("Reason"), self.reason),
                              (self.tr("Created"), self.created),
                              (self.tr("Payment"), self.payment),
                              (self.tr("Customer"), self.customer),
                              (self.tr("Card"), self.card),
                              (self.tr("Fee and net"), self.fee_net),
                              (self.tr("Note"), self.note)):
            form.addRow(label, widget)
        self.open_payment_button = QPushButton(icon("payments"), self.tr("Open payment"))
        self.open_payment_button.clicked.connect(self._open_payment)
        self.copy_id = QPushButton(icon("copy"), self.tr("Copy id"))
        self.copy_id.clicked.connect(
            lambda: QGuiApplication.clipboard().setText(str(self.refund.get("id", ""))))
        self.open_dashboard = QPushButton(icon("open"), self.tr("Open in Stripe Dashboard"))
        self.open_dashboard.clicked.connect(
            lambda: QDesktopServices.openUrl(QUrl(self._dashboard_url(self.refund))))
        buttons = QHBoxLayout()
        for button in (self.open_payment_button, self.copy_id, self.open_dashboard):
            buttons.addWidget(button)
        buttons.addStretch(1)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(self.amount)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.addWidget(hint)
        self.addWidget(page)
        self.show_refund({})

    def show_refund(self, refund: dict[str, Any]) -> None:
        """Show `refund` (an empty dict shows the hint)."""
        self.refund = refund
        self.setCurrentIndex(1 if refund else 0)
        if not refund:
            return
        columns = self._model.columns
        payment = self._model.payment_of(refund)
        self.amount.setText(self._formats.money(refund.get("amount"), refund.get("currency")))
        self.status.setText(status_text(refund.get("status")))
        self.reason.setText(reason_text(refund.get("reason")) or "—")
        self.created.setText(self._formats.datetime(refund.get("created")))
        self.payment.setText(f"<a href='{html.escape(payment)}'>{html.escape(payment)}</a>"
                             if payment else "—")
        self.customer.setText(columns[RefundListModel.Columns.CUSTOMER].text(refund))
        self.card.setText(columns[RefundListModel.Columns.CARD].text(refund) or "—")
        self.note.setText(columns[RefundListModel.Columns.NOTE].text(refund) or "—")
        self.open_payment_button.setEnabled(bool(payment))

    def _open_payment(self) -> None:
        payment = self._model.payment_of(self.refund)
        if payment:
            self.open_payment.emit(payment)
