"""`RefundDialog`: refund all or part of a payment — never more than remains refundable —
with a reason and an internal note; confirmed first (amount, customer, card), twice in live
mode.

It opens on a payment or a charge, on an invoice (its paid payment) or on a customer (who
then chooses one of their payments). A counter sale's payment lists its lines: the cashier
picks the quantities that come back and the amount is computed from them (each line's
share of discount and tax, `sale_tenders.refund_amount`), already refunded ones left out.
The limit comes from the cached charge; Stripe checks
it again, and when Stripe knew of refunds the cache had not seen, the charge is refreshed and
the dialog shows what really remains.
"""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from posapp.gateway.errors import GatewayError
from posapp.money import format_amount, to_decimal
from posapp.services.payments import card_of
from posapp.services.refunds import Refundable, RefundBlocked, refund_payment, refundable
from posapp.services.sale_tenders import SaleLines, refund_amount, refund_lines, sale_lines
from posapp.store.cache import Cache

from ..common.app_state import AppState
from ..common.confirm import confirm
from ..common.errors import error_text
from ..common.format import card_label
from ..widgets.amount_edit import AmountEdit

CUSTOMER_PAYMENTS_SHOWN = 50


def invoice_payment(cache: Cache, invoice_id: str) -> str | None:
    """The PaymentIntent (or charge) that paid a cached invoice, if it was paid by one."""
    invoice = cache.get("invoices", invoice_id) or {}
    for entry in (invoice.get("payments") or {}).get("data") or []:
        payment = entry.get("payment") or {}
        if entry.get("status") == "paid":
            found = payment.get("payment_intent") or payment.get("charge")
            if isinstance(found, str):
                return found
    return None


def refundable_charges(cache: Cache, customer_id: str) -> list[dict[str, Any]]:
    """The customer's newest succeeded charges that are not fully refunded yet."""
    return cache.page("charges", filters={"customer": customer_id, "status": "succeeded",
                                          "refunded": 0},
                      limit=CUSTOMER_PAYMENTS_SHOWN).rows


class RefundDialog(QDialog):
    """Refund a payment; `target` is a PaymentIntent, charge, invoice or customer id.
    `refund` holds Stripe's answer once sent."""

    def __init__(self, state: AppState, target: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._state = state
        self.refund: dict[str, Any] | None = None
        self.found: Refundable | None = None
        self._payment_id = ""
        self._key: str | None = None
        """The refund attempt's idempotency key, kept while its outcome is unknown."""
        self.sale: SaleLines | None = None
        self.lines = QTableWidget(0, 3)
        self.lines.setHorizontalHeaderLabels([self.tr("Item"), self.tr("Paid"),
                                              self.tr("Back")])
        self.lines.verticalHeader().hide()
        self.lines.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.Stretch)
        self.lines.hide()
        self.setWindowTitle(self.tr("Refund payment"))
        self.setMinimumWidth(480)
        self.payment_choice = QComboBox()
        self.amount = AmountEdit(state.settings.default_currency, state.language)
        self.amount.currency_box.setEnabled(False)
        self.reason = QComboBox()
        self.reason.addItem(self.tr("Requested by the customer"), "requested_by_customer")
        self.reason.addItem(self.tr("Duplicate"), "duplicate")
        self.reason.addItem(self.tr("Fraudulent"), "fraudulent")
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("Internal note (kept in Stripe's metadata)"))
        self.paid_with = QLabel()
        self.remaining = QLabel()
        self.message = QLabel()
        self.message.setObjectName("error")
        self.message.setWordWrap(True)
        form = QFormLayout()
        if target.startswith("cus_"):
            form.addRow(self.tr("Payment"), self.payment_choice)
        form.addRow(self.tr("Paid with"), self.paid_with)
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
        layout.addWidget(self.lines)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.amount.changed.connect(self._check)
        if target.startswith("cus_"):
            self._fill_choices(target)
            self.payment_choice.currentIndexChanged.connect(
                lambda _i: self.set_payment(str(self.payment_choice.currentData() or "")))
            self.set_payment(str(self.payment_choice.currentData() or ""))
        elif target.startswith("in_"):
            self.set_payment(invoice_payment(state.cache, target) or "")
        else:
            self.set_payment(target)
        state.follow_online(self._check)

    def _fill_choices(self, customer_id: str) -> None:
        formats = self._state.formats
        for charge in refundable_charges(self._state.cache, customer_id):
            parts = [formats.date(charge.get("created")),
                     formats.money(charge.get("amount"), charge.get("currency")),
                     card_label(*card_of(charge)),
                     str(charge.get("description") or "")]
            self.payment_choice.addItem("  ".join(p for p in parts if p), charge["id"])
        if not self.payment_choice.count():
            self.payment_choice.addItem(self.tr("No payment of this customer can be refunded"),
                                        "")

    def set_payment(self, payment_id: str) -> None:
        """Refund `payment_id` (a PaymentIntent or charge id; "" when there is none)."""
        self._payment_id = payment_id
        self.found = refundable(self._state.cache, payment_id) if payment_id else None
        if self.found is not None:
            index = self.amount.currency_box.findData(self.found.currency)
            if index < 0:
                self.amount.currency_box.addItem(self.found.currency.upper(),
                                                 self.found.currency)
                index = self.amount.currency_box.count() - 1
            self.amount.currency_box.setCurrentIndex(index)
        self._show_found()
        if self.found is not None and self.found.remaining:
            self.amount.text_edit.setText(
                str(to_decimal(self.found.remaining, self.found.currency)))
        self._show_lines(sale_lines(self._state.session, self.found.payment_intent_id)
                         if self.found is not None and self.found.payment_intent_id else None)
        self._check()

    def _show_lines(self, sale: SaleLines | None) -> None:
        """A sale's lines, each with how many come back (at most what was not refunded)."""
        self.sale = sale
        self.lines.setVisible(sale is not None)
        self.lines.setRowCount(len(sale.lines) if sale else 0)
        if sale is None:
            return
        for row, (line, returned) in enumerate(zip(sale.lines, sale.returned, strict=True)):
            name = (line.description if line.quantity == 1
                    else f"{line.quantity} × {line.description}")
            self.lines.setItem(row, 0, QTableWidgetItem(name))
            self.lines.setItem(row, 1, QTableWidgetItem(
                self._state.formats.money(line.amount_total, sale.currency)))
            back = QSpinBox()
            back.setRange(0, line.quantity - returned)
            back.setEnabled(line.quantity > returned)
            back.setToolTip(self.tr("%1 of %2 already refunded").replace(
                "%1", str(returned)).replace("%2", str(line.quantity)) if returned else "")
            back.valueChanged.connect(lambda _v: self._lines_changed())
            self.lines.setCellWidget(row, 2, back)
        self.lines.resizeColumnsToContents()

    def picked(self) -> dict[int, int]:
        """Line index -> quantity coming back, as picked."""
        found = {}
        for row in range(self.lines.rowCount()):
            box = self.lines.cellWidget(row, 2)
            if isinstance(box, QSpinBox) and box.value():
                found[row] = box.value()
        return found

    def set_back(self, row: int, quantity: int) -> None:
        """Pick `quantity` of line `row` to come back."""
        box = self.lines.cellWidget(row, 2)
        if isinstance(box, QSpinBox):
            box.setValue(quantity)

    def _lines_changed(self) -> None:
        """Lines picked: the amount is theirs and cannot be typed; none picked: type it."""
        picked, sale = self.picked(), self.sale
        self.amount.text_edit.setReadOnly(bool(picked))
        if sale is not None and picked:
            amount = refund_amount(sale.lines, picked, sale.returned)
            self.amount.text_edit.setText(str(to_decimal(amount, sale.currency)))
        self._check()

    def _show_found(self) -> None:
        found = self.found
        self.remaining.setText(
            self._state.formats.money(found.remaining, found.currency) if found else "")
        self.paid_with.setText(self._who_and_card())

    def _who_and_card(self) -> str:
        found = self.found
        if found is None:
            return ""
        customer = (self._state.cache.get("customers", found.customer_id)
                    if found.customer_id else None) or {}
        who = str(customer.get("name") or customer.get("email") or found.customer_id
                  or self.tr("a walk-in customer"))
        if not found.card_last4:
            return who
        card = card_label(found.card_brand, found.card_last4)
        return self.tr("%1, %2").replace("%1", who).replace("%2", card)

    def _check(self) -> None:
        problem = self._state.money_blocked_reason()
        asked = self.amount.amount()
        if not self._payment_id:
            problem = problem or self.tr("There is no paid payment to refund.")
        elif self.found is not None and self.found.blocked:
            problem = problem or error_text(RefundBlocked(self.found.blocked))
        elif self.found is not None and asked is not None and asked > self.found.remaining:
            problem = problem or self.tr("At most %1 can be refunded.").replace(
                "%1", self._state.formats.money(self.found.remaining, self.found.currency))
        self.message.setText(problem)
        self.refund_button.setEnabled(not problem and asked is not None)
        self.refund_button.setToolTip(problem)

    def confirm(self) -> bool:
        """Ask the user to confirm the amount, customer and card (and again in live mode)."""
        asked = self.amount.amount() or 0
        money = format_amount(asked, self.amount.currency, self._state.language)
        question = self.tr("Refund %1 to %2?").replace("%1", money).replace(
            "%2", self._who_and_card() or self.tr("the customer"))
        again = self.tr("This is a LIVE payment: %1 goes back to a real card. Refund it?")
        return confirm(self, self._state.profile.mode, self.tr("Refund payment"), question,
                       again.replace("%1", money))

    async def send(self, confirmed: bool = False) -> dict[str, Any] | None:
        """Send the refund after confirmation; the dialog closes on success. When Stripe
        refuses it as too large, the refreshed charge's limit is shown."""
        asked = self.amount.amount()
        again = self._key is not None  # "Check again" after an unknown outcome: confirmed
        if asked is None or not self._payment_id or (
                not confirmed and not again and not self.confirm()):
            return None
        self.refund_button.setEnabled(False)
        try:
            self._key = self._key or str(uuid.uuid4())
            picked, sale = self.picked(), self.sale
            result: dict[str, Any]
            if picked and sale is not None:
                # The lines as they were when the key was made: a retry is the same request.
                result = await self._state.run(
                    refund_lines, self._state.session, sale, picked,
                    self.reason.currentData(), self.note.text().strip(),
                    idempotency_key=self._key)
            else:
                result = await self._state.run(
                    refund_payment, self._state.session, self._payment_id, asked,
                    self.reason.currentData(), self.note.text().strip(),
                    idempotency_key=self._key)
        except GatewayError as error:
            if not error.idempotency_key:
                self._failed(error)
                return None
            # Stripe may have refunded: the same request is sent again, never a new one.
            for field in (self.payment_choice, self.amount, self.reason, self.note, self.lines):
                field.setEnabled(False)
            self.refund_button.setText(self.tr("Check again"))
            self.refund_button.setEnabled(True)
            self.message.setText(self.tr("We don't know yet whether this refund went through. "
                                         "Check again: it sends the same request, which "
                                         "cannot refund twice."))
            return None
        except Exception as error:  # too large, offline, declined by Stripe
            self._failed(error)
            return None
        self.refund = result
        self._state.expect_activity()  # the refund's events, for the payment's timeline
        self.accept()
        return result

    def _failed(self, error: Exception) -> None:
        """Nothing was refunded: say why; a later attempt is a new one."""
        self._key = None
        self.found = refundable(self._state.cache, self._payment_id)
        self._show_found()
        self._check()
        self.message.setText(error_text(error))
