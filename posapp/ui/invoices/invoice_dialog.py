"""`InvoiceDialog`: a one-off invoice for a customer from typed items (description, unit
price, quantity), sent through the worker as a draft the merchant then finalizes."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from posapp.money import AmountError, parse_amount
from posapp.services.catalogue import invoice_discount_for
from posapp.services.invoices import InvoiceItem, create_invoice

from ..common.app_state import AppState
from ..common.dialog_parts import (
    CollectionChoice,
    RemovableRows,
    dialog_buttons,
    message_label,
    say_failure,
)
from ..common.resources import icon
from ..common.theme import set_role
from ..widgets.amount_edit import COMMON_CURRENCIES
from ..widgets.customer_picker import CustomerPicker


class _ItemRow:
    """The widgets of one item line."""

    def __init__(self) -> None:
        self.description = QLineEdit()
        self.unit = QLineEdit()
        self.unit.setPlaceholderText("0.00")
        self.quantity = QSpinBox()
        self.quantity.setRange(1, 9999)


class InvoiceDialog(QDialog):
    """Create a draft invoice; `invoice` holds Stripe's answer once created."""

    def __init__(self, state: AppState, customer: dict[str, Any] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._state = state
        self.invoice: dict[str, Any] | None = None
        self.setWindowTitle(self.tr("New invoice"))
        self.setMinimumWidth(600)
        self.customer = CustomerPicker(state.cache)
        self.customer.setPlaceholderText(self.tr("Type a customer's name, e-mail or id"))
        self.currency = QComboBox()
        for code in dict.fromkeys((state.settings.default_currency.lower(),
                                   *COMMON_CURRENCIES)):
            self.currency.addItem(code.upper(), code)
        self.collection = CollectionChoice(self, self.tr("Charge the customer's default card"),
                                           self.tr("E-mail the invoice, due in"), True)
        self.send_mode = self.collection.send_mode
        self.charge_mode = self.collection.charge_mode
        self.due_days = self.collection.due_days
        self.memo = QLineEdit()
        self.memo.setPlaceholderText(self.tr("Optional memo shown on the invoice"))
        self.discount_code = QLineEdit()
        self.discount_code.setPlaceholderText(self.tr("Optional promotion code or coupon id"))

        self._grid = QGridLayout()
        for column, header in enumerate((self.tr("Description"), self.tr("Unit price"),
                                         self.tr("Qty"))):
            self._grid.addWidget(QLabel(header), 0, column)
        self._grid.setColumnStretch(0, 3)
        self._grid.setColumnStretch(1, 1)
        self._lines = RemovableRows[_ItemRow](self._grid, 1, self.tr("Remove this item"),
                                              self._check, self._clear_row)
        self.rows = self._lines.rows
        self.add_item_button = QPushButton(icon("add"), self.tr("Add item"))
        self.add_item_button.clicked.connect(self.add_item)
        self.total = QLabel()
        self.total.setObjectName("title")

        form = QFormLayout()
        form.addRow(self.tr("Customer"), self.customer)
        form.addRow(self.tr("Currency"), self.currency)
        form.addRow(self.tr("Collection"), self.collection.send_row)
        form.addRow("", self.charge_mode)
        form.addRow(self.tr("Memo"), self.memo)
        form.addRow(self.tr("Discount"), self.discount_code)
        self.message = message_label("error")
        self.buttons, self.create_button = dialog_buttons(self, state, self.tr("Create draft"),
                                                          self.save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(self._grid)
        items_bar = QHBoxLayout()
        items_bar.addWidget(self.add_item_button)
        items_bar.addStretch(1)
        items_bar.addWidget(self.total)
        layout.addLayout(items_bar)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

        self.customer.customer_changed.connect(self._customer_changed)
        self.currency.currentIndexChanged.connect(self._check)
        self.discount_code.textChanged.connect(self._check)
        self.collection.group.buttonToggled.connect(lambda *_: self._check())
        self.add_item()
        if customer:
            self.customer.set_customer(customer)
        state.follow_online(self._check)

    def add_item(self) -> None:
        """Add an empty item line."""
        row = _ItemRow()
        row.description.textChanged.connect(self._check)
        row.unit.textChanged.connect(self._check)
        row.quantity.valueChanged.connect(self._check)
        self._lines.add(row, row.description, row.unit, row.quantity)

    def items(self) -> list[InvoiceItem]:
        """The typed items (raises AmountError, with a message for the user, on bad input)."""
        currency = str(self.currency.currentData())
        items = []
        for row in self.rows:
            description = row.description.text().strip()
            text = row.unit.text().strip()
            if not description and not text:
                continue
            if not description:
                raise AmountError(self.tr("Each item needs a description."))
            if not text:
                raise AmountError(self.tr("Enter the unit price of “%1”.").replace(
                    "%1", description))
            unit = parse_amount(text, currency, self._state.language)
            items.append(InvoiceItem(description, unit, row.quantity.value()))
        if not items:
            raise AmountError(self.tr("Add at least one item."))
        return items

    def _clear_row(self, row: _ItemRow) -> None:
        row.description.clear()
        row.unit.clear()

    def _customer_changed(self, customer: dict[str, Any]) -> None:
        currency = customer.get("currency")
        index = self.currency.findData(currency) if isinstance(currency, str) else -1
        if index >= 0:
            self.currency.setCurrentIndex(index)
        self._check()

    def _check(self) -> None:
        problem = self._state.money_blocked_reason()
        self.collection.update()
        try:
            items = self.items()
        except AmountError as error:
            items, problem = [], problem or str(error)
        if not problem and self.customer.customer() is None:
            problem = self.tr("Choose the customer.")
        code = self.discount_code.text().strip()
        if not problem and code and invoice_discount_for(self._state.cache, code) is None:
            problem = self.tr("“%1” is neither an active promotion code nor a valid "
                              "coupon.").replace("%1", code)
        total = sum(item.unit_amount * item.quantity for item in items)
        self.total.setText(self._state.formats.money(total, str(self.currency.currentData()))
                           if items else "")
        self.message.setText(problem)
        self.create_button.setEnabled(not problem)
        self.create_button.setToolTip(problem)

    async def save(self) -> dict[str, Any] | None:
        """Create the draft invoice; the dialog closes on success."""
        customer = self.customer.customer()
        try:
            items = self.items()
        except AmountError as error:
            self.message.setText(str(error))
            return None
        if customer is None:
            return None
        self.create_button.setEnabled(False)
        set_role(self.message, "muted")
        self.message.setText(self.tr("Creating the invoice…"))
        try:
            result: dict[str, Any] = await self._state.run(
                create_invoice, self._state.session, str(customer["id"]),
                str(self.currency.currentData()), items,
                collection_method=self.collection.method(),
                days_until_due=self.collection.days_until_due(),
                description=self.memo.text().strip() or None,
                discount=invoice_discount_for(self._state.cache, self.discount_code.text()))
        except Exception as error:  # refused by Stripe or offline: said in the dialog
            say_failure(self.message, error)
            self.create_button.setEnabled(True)
            return None
        self.invoice = result
        self.accept()
        return result
