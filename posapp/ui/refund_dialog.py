"""`RefundDialog`: refund all or part of a payment — never more than remains refundable —
with a reason and an internal note; confirmed first, twice in live mode."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from posapp.money import format_amount, to_decimal
from posapp.services.refunds import Refundable, refund_payment, refundable

from .amount_edit import AmountEdit
from .app_state import AppState
from .errors import error_text
from .theme import DisplayMode


class RefundDialog(QDialog):
    """Refund a payment (a PaymentIntent or charge id); `refund` holds Stripe's answer."""

    def __init__(self, state: AppState, payment_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._state = state
        self._payment_id = payment_id
        self.refund: dict[str, Any] | None = None
        self.found: Refundable | None = refundable(state.cache, payment_id)
        self.setWindowTitle(self.tr("Refund payment"))
        self.setMinimumWidth(460)
        currency = self.found.currency if self.found else state.settings.default_currency
        self.amount = AmountEdit(currency, state.language)
        self.amount.currency_box.setEnabled(False)
        self.reason = QComboBox()
        self.reason.addItem(self.tr("Requested by the customer"), "requested_by_customer")
        self.reason.addItem(self.tr("Duplicate"), "duplicate")
        self.reason.addItem(self.tr("Fraudulent"), "fraudulent")
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("Internal note (kept in Stripe's metadata)"))
        self.remaining = QLabel()
        self.message = QLabel()
        self.message.setObjectName("error")
        self.message.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Refundable"), self.remaining)
        form.addRow(self.tr("Amount"), self.amount)
        form.addRow(self.tr("Reason"), self.reason)
        form.addRow(self.tr("Note"), self.note)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.refund_button = self.buttons.addButton(self.tr("Refund…"),
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(lambda: state.spawn(self.send()))
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.amount.changed.connect(self._check)
        if self.found is not None:
            self.remaining.setText(state.formats.money(self.found.remaining, currency))
            if self.found.remaining:
                self.amount.text_edit.setText(
                    str(to_decimal(self.found.remaining, currency)))
        self._check()

    def _check(self) -> None:
        problem = self._state.money_blocked_reason()
        asked = self.amount.amount()
        if self.found is not None and self.found.blocked:
            problem = problem or self.found.blocked
        elif self.found is not None and asked is not None and asked > self.found.remaining:
            problem = self.tr("At most %1 can be refunded.").replace(
                "%1", self._state.formats.money(self.found.remaining, self.found.currency))
        self.message.setText(problem)
        self.refund_button.setEnabled(not problem and asked is not None)
        self.refund_button.setToolTip(problem)

    def confirm(self) -> bool:
        """Ask the user to confirm the refund (and again in live mode)."""
        asked = self.amount.amount() or 0
        money = format_amount(asked, self.amount.currency, self._state.language)
        yes = QMessageBox.StandardButton.Yes
        text = self.tr("Refund %1 to the customer's card?").replace("%1", money)
        if QMessageBox.question(self, self.tr("Refund payment"), text) != yes:
            return False
        if self._state.profile.mode is DisplayMode.LIVE:
            again = self.tr("This is a LIVE payment: %1 goes back to a real card. Refund it?")
            return QMessageBox.warning(self, self.tr("Live mode"), again.replace("%1", money),
                                       yes | QMessageBox.StandardButton.No) == yes
        return True

    async def send(self, confirmed: bool = False) -> dict[str, Any] | None:
        """Send the refund after confirmation; the dialog closes on success."""
        asked = self.amount.amount()
        if asked is None or (not confirmed and not self.confirm()):
            return None
        self.refund_button.setEnabled(False)
        try:
            result: dict[str, Any] = await self._state.run(
                refund_payment, self._state.session, self._payment_id, asked,
                self.reason.currentData(), self.note.text().strip())
        except Exception as error:  # too large, offline, declined by Stripe
            self.message.setText(error_text(error))
            self.refund_button.setEnabled(True)
            return None
        self.refund = result
        self._state.tables_changed.emit(frozenset(("refunds", "charges", "payment_intents")))
        self.accept()
        return result
