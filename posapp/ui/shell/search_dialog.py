"""`SearchDialog` (Ctrl+K): search every cached type and jump to the object found."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QDialog, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from posapp.store.cache import Cache

from ..common.format import Formats
from ..widgets.customer_picker import customer_label
from .status_bar import table_title

RESULTS = 30


def describe(table: str, obj: dict[str, Any], formats: Formats) -> str:
    """One line naming a found object: its type, who or what it is, its amount."""
    if table == "customers":
        what = customer_label(obj)
    else:
        amount = obj.get("amount", obj.get("total", obj.get("amount_total")))
        money = formats.money(amount, obj.get("currency")) if isinstance(amount, int) else ""
        who = obj.get("description") or obj.get("number") or obj.get("customer_email") or ""
        what = " · ".join(p for p in (money, str(obj.get("status") or ""), str(who)) if p)
    return f"{table_title(table)} — {what}  ({obj.get('id', '')})"


class SearchDialog(QDialog):
    """A search field over the whole cache; Enter or a click jumps to the result."""

    chosen = Signal(str, str)
    """(table, object id) of the result the user picked."""

    def __init__(self, cache: Cache, formats: Formats, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Search"))
        self.resize(640, 420)
        self._cache = cache
        self._formats = formats
        self.field = QLineEdit()
        self.field.setPlaceholderText(
            self.tr("Name, e-mail, invoice number, id (cus_…, pi_…) or card last 4"))
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
        """Search the cache for the field's text now."""
        self.results.clear()
        for hit in self._cache.search(self.field.text(), limit=RESULTS):
            item = QListWidgetItem(describe(hit.table, hit.data, self._formats))
            item.setData(Qt.ItemDataRole.UserRole, (hit.table, hit.id))
            self.results.addItem(item)
        if self.results.count():
            self.results.setCurrentRow(0)

    def _accept_first(self) -> None:
        self.run_search()
        item = self.results.currentItem()
        if item is not None:
            self._accept(item)

    def _accept(self, item: QListWidgetItem) -> None:
        table, object_id = item.data(Qt.ItemDataRole.UserRole)
        self.chosen.emit(table, object_id)
        self.accept()
