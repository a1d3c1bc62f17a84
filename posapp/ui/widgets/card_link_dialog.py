"""`CardLinkDialog`: a Stripe-hosted page (Checkout in setup mode) where a customer saves a
card, shown as link and QR code until the customer is done."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QDialog, QVBoxLayout, QWidget

from posapp.sync.notifications import CheckoutCompleted, Notification

from ..common.app_state import AppState
from .customer_picker import customer_label
from .link_view import LinkView


class CardLinkDialog(QDialog):
    """Shows the setup link; turns to "Card saved" when its checkout completes."""

    def __init__(self, state: AppState, customer: dict[str, Any], checkout: dict[str, Any],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Collect a card"))
        self.resize(460, 640)
        self._checkout_id = str(checkout["id"])
        self.view = LinkView()
        who = customer_label(customer)
        self.view.show_link(
            str(checkout.get("url", "")), self.tr("Save a card for %1").replace("%1", who), "",
            self.tr("Waiting for the customer to save a card on Stripe's page…"),
            self.tr("Save your card"),
            self.tr("Please save your card for future payments here:\n%1")
            .replace("%1", str(checkout.get("url", ""))))
        self.view.cancel.setText(self.tr("Close"))
        self.view.cancel_requested.connect(self.reject)
        self.view.done.connect(self.accept)
        self.view.new_sale.setText(self.tr("Done"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        state.notification.connect(self._notified)
        state.expect_activity()

    def _notified(self, notice: Notification) -> None:
        if isinstance(notice, CheckoutCompleted) and notice.checkout_session == self._checkout_id:
            self.view.show_paid(self.tr("Card saved"),
                                self.tr("The customer can now be charged without the card."))
