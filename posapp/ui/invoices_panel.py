"""`InvoicesPanel`: invoices filtered by status, customer and date range (or found by the
cache's full-text search) beside the selected invoice; new one-off invoices, and the list
exported to CSV."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QDateTime, Qt, QTime, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from .app_state import AppState
from .csv_export import CsvColumn, choose_csv_path, csv_money, csv_time, export_list
from .customer_picker import CustomerPicker
from .errors import error_text
from .invoice_detail import InvoiceDetail
from .invoice_dialog import InvoiceDialog
from .invoice_list_model import STATUSES, InvoiceListModel, invoice_status_text
from .list_view import CacheListView, add_action
from .resources import icon
from .theme import set_role

_ANY_DATE = QDate(2000, 1, 1)

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
"""What an invoice export holds: ids and amounts as numbers a spreadsheet can sum."""


def _start_of(day: QDate) -> int:
    return int(QDateTime(day, QTime(0, 0)).toSecsSinceEpoch())


class InvoicesPanel(QWidget):
    """Find, review, create and act on invoices."""

    open_object = Signal(str, str)
    """(table, id) of a related object to show in its own panel."""

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._state = state
        self.model = InvoiceListModel(state.cache, state.formats, self)
        self.list = CacheListView(self.model, state.ui_settings, "lists/invoices",
                                  [(s, invoice_status_text(s)) for s in STATUSES])
        self.list.search.setPlaceholderText(self.tr("Search number, name, e-mail, id…"))
        self.list.set_menu_builder(self._menu)
        self.detail = InvoiceDetail(state)
        self.detail.open_object.connect(self.open_object)
        self.list.selected.connect(self.detail.show_invoice)

        # The list applies its status filter first; the panel then adds the others.
        self.status_filter = self.list.status_filter
        self.customer_filter = CustomerPicker(state.cache)
        self.customer_filter.setPlaceholderText(self.tr("Any customer"))
        self.date_from = self._date_edit()
        self.date_to = self._date_edit()
        self.status_filter.currentIndexChanged.connect(self.apply_filters)
        self.customer_filter.customer_changed.connect(lambda _c: self.apply_filters())
        self.date_from.dateChanged.connect(self.apply_filters)
        self.date_to.dateChanged.connect(self.apply_filters)

        self.new = QPushButton(icon("add"), self.tr("New invoice"))
        self.new.clicked.connect(self.create_invoice)
        self.export = QPushButton(self.tr("Export CSV…"))
        self.export.setToolTip(self.tr("Export the invoices the list shows now"))
        self.export.clicked.connect(self._ask_export)
        self.message = QLabel()
        self.message.setObjectName("reason")
        self.message.setWordWrap(True)
        bar = QHBoxLayout()
        bar.addWidget(self.new)
        bar.addWidget(self.export)
        bar.addWidget(self.message, 1)
        filters = QHBoxLayout()
        filters.addWidget(self.customer_filter, 1)
        filters.addWidget(QLabel(self.tr("Created from")))
        filters.addWidget(self.date_from)
        filters.addWidget(QLabel(self.tr("to")))
        filters.addWidget(self.date_to)
        self.customer_filter.setMinimumWidth(160)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(filters)
        left_layout.addWidget(self.list, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([680, 520])
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)
        state.connect_tables(frozenset(("invoices",)), self.model.reload)
        state.online_changed.connect(self._online_changed)
        self.model.reload()
        self._update_actions()

    def _date_edit(self) -> QDateEdit:
        edit = QDateEdit()
        edit.setCalendarPopup(True)
        edit.setMinimumDate(_ANY_DATE)
        edit.setSpecialValueText(self.tr("any"))
        edit.setDate(_ANY_DATE)
        return edit

    def show_object(self, object_id: str) -> bool:
        """Select the invoice `object_id` (clearing filters that would hide it)."""
        if self.list.select_id(object_id):
            return True
        self.clear_filters()
        return self.list.select_id(object_id)

    def clear_filters(self) -> None:
        """Show every invoice again."""
        for widget in (self.status_filter, self.customer_filter, self.date_from, self.date_to):
            widget.blockSignals(True)
        self.status_filter.setCurrentIndex(0)
        self.customer_filter.set_customer(None)
        self.date_from.setDate(_ANY_DATE)
        self.date_to.setDate(_ANY_DATE)
        for widget in (self.status_filter, self.customer_filter, self.date_from, self.date_to):
            widget.blockSignals(False)
        self.list.search.clear()
        self.apply_filters()

    def apply_filters(self) -> None:
        """Narrow the list to the chosen status, customer and creation dates."""
        customer = self.customer_filter.customer()
        self.model.set_filters({"status": self.status_filter.currentData(),
                                "customer": customer["id"] if customer else None})
        since = self.date_from.date()
        until = self.date_to.date()
        self.model.set_created_range(
            _start_of(since) if since != _ANY_DATE else None,
            _start_of(until.addDays(1)) if until != _ANY_DATE else None)

    def create_invoice(self) -> InvoiceDialog:
        """Open the new-invoice dialog; the draft is selected once created."""
        dialog = InvoiceDialog(self._state, self.customer_filter.customer(), self)
        dialog.accepted.connect(lambda: dialog.invoice and self.show_object(
            str(dialog.invoice["id"])))
        dialog.open()
        return dialog

    async def export_csv(self, path: Path) -> int | None:
        """Write the invoices the list now matches to `path` (works offline)."""
        set_role(self.message, "muted")
        self.message.setText(self.tr("Exporting…"))
        try:
            count = await export_list(self._state, self.model, CSV_COLUMNS, path)
        except OSError as error:
            set_role(self.message, "error")
            self.message.setText(error_text(error))
            return None
        self.message.setText(self.tr("%n invoice(s) exported to %1.", "", count)
                             .replace("%1", str(path)))
        return count

    def _ask_export(self) -> None:
        path = choose_csv_path(self, "invoices.csv")
        if path is not None:
            self._state.spawn(self.export_csv(path))

    def _online_changed(self, _online: bool, _reason: str) -> None:
        # A bound method: lambdas were seen to miss this signal from the sync thread.
        self._update_actions()

    def _update_actions(self) -> None:
        reason = self._state.money_blocked_reason()
        self.new.setEnabled(not reason)
        self.new.setToolTip(reason)

    def _menu(self, menu: QMenu, invoice: dict[str, Any]) -> None:
        self.list.select_id(str(invoice["id"]))
        detail = self.detail
        for button in (*detail.money_buttons, detail.open_page, detail.copy_link, detail.pdf):
            # Actions this status allows show, disabled with their reason when blocked.
            if button.isEnabled() or button.toolTip():
                add_action(menu, button.text(), button.click, button.isEnabled(),
                           button.toolTip())
        menu.addSeparator()
        add_action(menu, self.tr("Copy id"),
                   lambda: QGuiApplication.clipboard().setText(str(invoice["id"])))
        add_action(menu, self.tr("Open in Stripe Dashboard"), lambda: QDesktopServices.openUrl(
            QUrl(self._state.dashboard_url(str(invoice["id"])))))
