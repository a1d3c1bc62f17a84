"""`CaptureDialog`: capture all or part of an authorised payment — never more than is
authorised — after the user confirms the amount, customer and card (twice in live mode).
What is not captured is released to the customer."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from posapp.money import to_decimal
from posapp.services.payments import capture_payment, card_of

from ..common.app_state import AppState
from ..common.confirm import confirm
from ..common.errors import error_text
from ..common.format import card_label
from ..widgets.amount_edit import AmountEdit
from .payment_list_model import capture_deadline


class CaptureDialog(QDialog):
    """Capture an authorised PaymentIntent (`payment`, with its cached `charge`). `captured`
    holds Stripe's answer once done."""

    def __init__(self, state: AppState, payment: dict[str, Any],
                 charge: dict[str, Any] | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._state = state
        self._payment = payment
        self._charge = charge
        self.captured: dict[str, Any] | None = None
        self.currency = str(payment.get("currency") or state.settings.default_currency)
        capturable = payment.get("amount_capturable")
        self.capturable = capturable if isinstance(capturable, int) else 0
        formats = state.formats
        self.setWindowTitle(self.tr("Capture payment"))
        self.setMinimumWidth(440)
        self.paid_with = QLabel(self._who_and_card())
        self.authorised = QLabel(formats.money(self.capturable, self.currency))
        self.deadline = QLabel(formats.date(capture_deadline(charge)))
        self.amount = AmountEdit(self.currency, state.language)
        self.amount.currency_box.setEnabled(False)
        self.message = QLabel()
        self.message.setObjectName("error")
        self.message.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Paid with"), self.paid_with)
        form.addRow(self.tr("Authorised"), self.authorised)
        form.addRow(self.tr("Capture by"), self.deadline)
        form.addRow(self.tr("Amount to capture"), self.amount)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.capture_button = self.buttons.addButton(self.tr("Capture…"),
                                                     QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(lambda: state.spawn(self.send()))
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.amount.changed.connect(self._check)
        self.amount.text_edit.setText(str(to_decimal(self.capturable, self.currency)))
        state.follow_online(self._check)

    def _who_and_card(self) -> str:
        customer_id = self._payment.get("customer")
        customer = (self._state.cache.get("customers", customer_id)
                    if isinstance(customer_id, str) else None) or {}
        who = str(customer.get("name") or customer.get("email") or customer_id
                  or self.tr("a walk-in customer"))
        brand, last4 = card_of(self._charge)
        if not last4:
            return who
        return self.tr("%1, %2").replace("%1", who).replace("%2", card_label(brand, last4))

    def _check(self) -> None:
        asked = self.amount.amount()
        problem = self._state.money_blocked_reason()
        if not problem and asked is not None and asked > self.capturable:
            problem = self.tr("At most %1 can be captured.").replace(
                "%1", self._state.formats.money(self.capturable, self.currency))
        self.message.setText(problem)
        self.capture_button.setEnabled(not problem and asked is not None)
        self.capture_button.setToolTip(problem)

    def question(self) -> str:
        """What the user is asked before the capture: amount, customer and card, and what
        is released."""
        asked = self.amount.amount() or 0
        money = self._state.formats.money
        if asked >= self.capturable:
            return self.tr("Capture %1 from %2?").replace("%1", money(asked, self.currency)) \
                .replace("%2", self._who_and_card())
        return (self.tr("Capture %1 of the %2 authorised from %3? The other %4 is released "
                        "to the customer.")
                .replace("%1", money(asked, self.currency))
                .replace("%2", money(self.capturable, self.currency))
                .replace("%3", self._who_and_card())
                .replace("%4", money(self.capturable - asked, self.currency)))

    async def send(self, confirmed: bool = False) -> dict[str, Any] | None:
        """Capture after confirmation (twice in live mode); the dialog closes on success."""
        asked = self.amount.amount()
        if asked is None or not self.capture_button.isEnabled():
            return None
        if not confirmed and not confirm(
                self, self._state.profile.mode, self.tr("Capture payment"), self.question(),
                self.tr("This is a LIVE payment: %1 is taken from a real card. Capture it?")
                .replace("%1", self._state.formats.money(asked, self.currency))):
            return None
        self.capture_button.setEnabled(False)
        try:
            result: dict[str, Any] = await self._state.run(
                capture_payment, self._state.session, str(self._payment["id"]),
                None if asked == self.capturable else asked)
        except Exception as error:  # offline, refused by Stripe (expired, already captured)
            self._check()
            self.message.setText(error_text(error))
            return None
        self.captured = result
        self.accept()
        return result
