"""`SearchDialog` (Ctrl+K): search every cached type and jump to the object found.

Results come ranked and grouped by kind (customers, open items, then history by type), each
group under a heading with its count; each result names who or what it is, its amount,
its status in words and its date. Amounts ("4.50", "¥1000") and dates ("yesterday",
"12/3") are searched too, dates in the local time zone the dashboard's "today" uses.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import QDialog, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from posapp.services.subscriptions import next_charge
from posapp.store.cache import Cache
from posapp.store.search import CUSTOMERS, OPEN, SearchHit

from ..common.format import Formats
from ..disputes.dispute_list_model import status_text as dispute_status_text
from ..invoices.invoice_list_model import invoice_status_text
from ..payments.payment_list_model import status_text as payment_status_text
from ..refunds.refund_list_model import status_text as refund_status_text
from ..subscriptions.subscription_list_model import subscription_status_text
from ..widgets.customer_picker import customer_label
from .status_bar import table_title

RESULTS = 30
_CHARGE_AS_PAYMENT = {"failed": "requires_payment_method", "pending": "processing"}
_STATUS_TEXT: dict[str, Callable[[str | None], str]] = {
    "payment_intents": payment_status_text,
    "charges": lambda s: payment_status_text(_CHARGE_AS_PAYMENT.get(s or "", s)),
    "refunds": refund_status_text,
    "invoices": invoice_status_text,
    "subscriptions": subscription_status_text,
    "disputes": dispute_status_text,
}


def status_words(table: str, status: str | None) -> str:
    """An object's status as people say it (never `requires_payment_method`)."""
    words = _STATUS_TEXT.get(table)
    if words is not None:
        return words(status)
    return (status or "").replace("_", " ").capitalize()


def group_title(group: str) -> str:
    """The heading of a result group."""
    if group == CUSTOMERS:
        return QCoreApplication.translate("SearchDialog", "Customers")
    if group == OPEN:
        return QCoreApplication.translate("SearchDialog", "Open items")
    return table_title(group)


def _customer_id(obj: dict[str, Any]) -> str | None:
    ref = obj.get("customer")
    ref = ref.get("id") if isinstance(ref, dict) else ref
    return ref if isinstance(ref, str) else None


def _name(cache: Cache, table: str, obj: dict[str, Any]) -> str:
    """Who an object is about: its customer's name, else the name or e-mail it carries."""
    if table == "customers":
        return customer_label(obj)
    customer_id = _customer_id(obj)
    customer = cache.get("customers", customer_id) if customer_id else None
    if customer:
        return str(customer.get("name") or customer.get("email") or customer_id)
    billing = obj.get("billing_details") or {}
    return str(obj.get("customer_name") or billing.get("name") or obj.get("customer_email")
               or obj.get("receipt_email") or obj.get("name") or obj.get("description") or "")


def _amount(obj: dict[str, Any]) -> int | None:
    if obj.get("object") == "subscription":
        return next_charge(obj).amount
    amounts = (obj.get(key) for key in ("amount", "total", "amount_total"))
    return next((a for a in amounts if isinstance(a, int)), None)


def describe(hit: SearchHit, cache: Cache, formats: Formats) -> str:
    """One line for a found object: name · amount · status · date, and its number or id."""
    obj = hit.data
    if hit.table == "customers":
        parts = [customer_label(obj), formats.date(obj.get("created"))]
    else:
        amount = _amount(obj)
        currency = obj.get("currency")
        parts = [_name(cache, hit.table, obj),
                 formats.money(amount, currency) if amount is not None else "",
                 status_words(hit.table, obj.get("status")),
                 formats.date(obj.get("created"))]
    label = obj.get("number") or obj.get("id", "")
    kind = "" if hit.group == hit.table else f"{table_title(hit.table)} · "
    return f"{kind}{' · '.join(p for p in parts if p)}  ({label})"


class SearchDialog(QDialog):
    """A search field over the whole cache; Enter or a click jumps to the result."""

    chosen = Signal(str, str)
    """(table, object id) of the result the user picked."""

    def __init__(self, cache: Cache, formats: Formats, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Search"))
        self.resize(720, 460)
        self._cache = cache
        self._formats = formats
        self.field = QLineEdit()
        self.field.setPlaceholderText(self.tr(
            "Name, e-mail, invoice number, id, card last 4, amount (4.50) or date (yesterday)"))
        self.results = QListWidget()
        layout = QVBoxLayout(self)
        layout.addWidget(self.field)
        layout.addWidget(self.results, 1)
        self._timer = QTimer(self, singleShot=True, interval=120)
        self._timer.timeout.connect(self.run_search)
        self.field.textChanged.connect(lambda _t: self._timer.start())
        self.field.returnPressed.connect(self._accept_first)
        self.results.itemActivated.connect(self._accept)

    def run_search(self) -> None:
        """Search the cache for the field's text now: results under a heading per group
        with its count, or "No results"."""
        self.results.clear()
        text = self.field.text()
        if not text.strip():
            return
        hits = self._cache.search(text, limit=RESULTS, locale=self._formats.language,
                                  now=self._formats.now(), tz=self._formats.zone)
        if not hits:
            self._add_heading(self.tr("No results for “%1”").replace("%1", text.strip()))
            return
        counts = Counter(hit.group for hit in hits)
        group = None
        for hit in hits:
            if hit.group != group:
                group = hit.group
                self._add_heading(f"{group_title(group)} ({counts[group]})")
            item = QListWidgetItem(describe(hit, self._cache, self._formats))
            item.setData(Qt.ItemDataRole.UserRole, (hit.table, hit.id))
            self.results.addItem(item)
        self.results.setCurrentRow(1)

    def result_items(self) -> list[QListWidgetItem]:
        """The result rows (without the group headings)."""
        items = (self.results.item(i) for i in range(self.results.count()))
        return [i for i in items if i.data(Qt.ItemDataRole.UserRole)]

    def _add_heading(self, text: str) -> None:
        heading = QListWidgetItem(text)
        heading.setFlags(Qt.ItemFlag.ItemIsEnabled)  # not selectable, not greyed
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        self.results.addItem(heading)

    def _accept_first(self) -> None:
        self.run_search()
        item = self.results.currentItem()
        if item is not None and item.data(Qt.ItemDataRole.UserRole):
            self._accept(item)

    def _accept(self, item: QListWidgetItem) -> None:
        target = item.data(Qt.ItemDataRole.UserRole)
        if not target:
            return
        table, object_id = target
        self.chosen.emit(table, object_id)
        self.accept()
