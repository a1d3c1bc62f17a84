"""`InvoicesPanel`: invoices filtered by status, customer, date and amount range (or found by the
cache's full-text search) beside the selected invoice; new one-off invoices, and the list
exported to CSV."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QMenu, QPushButton, QWidget

from ..common.app_state import AppState
from ..common.csv_export import CsvColumn, csv_money, csv_time
from ..common.resources import icon
from ..widgets.list_panel import ListPanel
from .invoice_detail import InvoiceDetail
from .invoice_dialog import InvoiceDialog
from .invoice_list_model import STATUSES, InvoiceListModel, invoice_status_text

CSV_COLUMNS: tuple[CsvColumn, ...] = (
    ("number", lambda i: i.get("number")),
    ("id", lambda i: i.get("id")),
    ("status", lambda i: i.get("status")),
    ("customer", lambda i: i.get("customer")),
    ("customer_name", lambda i: i.get("customer_name")),
    ("customer_email", lambda i: i.get("customer_email")),
    ("currency", lambda i: i.get("currency")),
    ("total", lambda i: csv_money(i.get("total"), i.get("currency"))),
    ("amount_due", lambda i: csv_money(i.get("amount_due"), i.get("currency"))),
    ("amount_paid", lambda i: csv_money(i.get("amount_paid"), i.get("currency"))),
    ("amount_remaining", lambda i: csv_money(i.get("amount_remaining"), i.get("currency"))),
    ("created", lambda i: csv_time(i.get("created"))),
    ("due_date", lambda i: csv_time(i.get("due_date"))),
    ("description", lambda i: i.get("description")),
)
"""What an invoice export holds: ids, amounts as the currency's exact decimal number with
the currency beside them, times in ISO 8601 with their UTC offset."""


class InvoicesPanel(ListPanel[InvoiceListModel]):
    """Find, review, create and act on invoices."""

    open_object = Signal(str, str)
    """(table, id) of a related object to show in its own panel."""

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(state, InvoiceListModel(state.cache, state.formats), "lists/invoices",
                         [(s, invoice_status_text(s)) for s in STATUSES], parent)
        self.list.search.setPlaceholderText(self.tr("Search number, name, e-mail, id…"))
        self.detail = InvoiceDetail(state)
        self.detail.open_object.connect(self.open_object)
        self.list.selected.connect(self.detail.show_invoice)

        self.new = self.add_money_button(QPushButton(icon("add"), self.tr("New invoice")))
        self.new.clicked.connect(self.create_invoice)
        self.add_csv_export(
            CSV_COLUMNS, "invoices.csv", self.tr("Export the invoices the list shows now"),
            lambda count, path: self.tr("%n invoice(s) exported to %1.", "", count)
            .replace("%1", str(path)))
        bar = self.add_filter_bar(amounts=True, customer=True)
        self.date_from, self.date_to = bar.date_from, bar.date_to
        self.finish_layout(self.detail, (700, 460), ("invoices",))

    def create_invoice(self) -> InvoiceDialog:
        """Open the new-invoice dialog; the draft is selected once created."""
        dialog = InvoiceDialog(self._state, self.chosen_customer(), self)
        dialog.accepted.connect(lambda: dialog.invoice and self.show_object(
            str(dialog.invoice["id"])))
        dialog.open()
        return dialog

    def fill_menu(self, menu: QMenu, invoice: dict[str, Any]) -> None:
        """The detail's actions this invoice's status allows."""
        detail = self.detail
        self.add_detail_actions(menu, invoice, (*detail.money_buttons, detail.open_page,
                                                detail.copy_link, detail.pdf))
