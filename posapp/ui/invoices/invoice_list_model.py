"""The invoices list: number, customer, status, amounts due and paid, and the due date
(red when an open invoice is overdue)."""

from __future__ import annotations

import time
from collections.abc import Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject

from posapp.store.cache import Cache

from ..common.format import Formats
from ..common.table_model import CacheTableModel, Column, created_column, money_column
from ..common.theme import DANGER_COLOR, SUCCESS_COLOR, WARNING_COLOR

STATUSES = ("draft", "open", "paid", "uncollectible", "void")
_STATUS_COLORS = {"paid": SUCCESS_COLOR, "open": WARNING_COLOR,
                  "uncollectible": DANGER_COLOR}


def invoice_status_text(status: str | None) -> str:
    """An invoice status in the user's language."""
    names = {
        "draft": QCoreApplication.translate("InvoiceStatus", "Draft"),
        "open": QCoreApplication.translate("InvoiceStatus", "Open"),
        "paid": QCoreApplication.translate("InvoiceStatus", "Paid"),
        "uncollectible": QCoreApplication.translate("InvoiceStatus", "Uncollectible"),
        "void": QCoreApplication.translate("InvoiceStatus", "Void"),
    }
    return names.get(status or "", status or "")


def is_overdue(invoice: dict[str, Any], now: float | None = None) -> bool:
    """Whether an open invoice is past its due date."""
    due = invoice.get("due_date")
    return (invoice.get("status") == "open" and isinstance(due, int)
            and due < (time.time() if now is None else now))


def invoice_customer(invoice: dict[str, Any]) -> str:
    """Who the invoice is for, as it names them (name, e-mail or customer id)."""
    customer = invoice.get("customer")
    if isinstance(customer, dict):
        customer = customer.get("id")
    return str(invoice.get("customer_name") or invoice.get("customer_email") or customer or "")


class InvoiceListModel(CacheTableModel):
    """Invoices from the cache, newest first."""

    class Columns(IntEnum):
        CREATED = 0
        NUMBER = 1
        CUSTOMER = 2
        STATUS = 3
        AMOUNT_DUE = 4
        AMOUNT_PAID = 5
        DUE_DATE = 6

    def __init__(self, cache: Cache, formats: Formats, parent: QObject | None = None) -> None:
        super().__init__(cache, "invoices", formats, parent)

    def make_columns(self) -> Sequence[Column]:
        f = self.formats
        return (
            created_column(self.tr("Created"), f, date_only=True),
            Column(self.tr("Number"), lambda i: i.get("number") or self.tr("(draft)"),
                   width=120),
            Column(self.tr("Customer"), invoice_customer, stretch=True),
            Column(self.tr("Status"), lambda i: invoice_status_text(i.get("status")),
                   color=lambda i: _STATUS_COLORS.get(str(i.get("status"))), width=60),
            Column(self.tr("Amount due"), lambda i: f.money(i.get("amount_due"),
                                                             i.get("currency")),
                   align_right=True, width=85),
            money_column(self.tr("Paid"), f, "amount_paid", optional=True),
            Column(self.tr("Due"), self._due_text,
                   color=lambda i: DANGER_COLOR if is_overdue(i) else None, width=85),
        )

    def _due_text(self, invoice: dict[str, Any]) -> str:
        due = self.formats.date(invoice.get("due_date"))
        return self.tr("%1 (overdue)").replace("%1", due) if is_overdue(invoice) else due
