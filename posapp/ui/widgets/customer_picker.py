"""`CustomerPicker`: an optional customer chosen by typing (search-as-you-type over the cache)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QStringListModel, Qt, QTimer, Signal
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

from posapp.store.cache import Cache

_SUGGESTIONS = 12


def customer_label(customer: dict[str, Any]) -> str:
    """How a customer is named in pickers: "Name <email>" or whatever is known."""
    name = customer.get("name") or ""
    email = customer.get("email") or ""
    if name and email:
        return f"{name} <{email}>"
    return str(name or email or customer.get("id", ""))


class CustomerPicker(QLineEdit):
    """Type a name, e-mail or id; pick from the suggestions. Empty means no customer."""

    customer_changed = Signal(dict)
    """The chosen customer, or an empty dict when the field no longer names one."""

    def __init__(self, cache: Cache, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._cache = cache
        self._found: dict[str, dict[str, Any]] = {}
        self._customer: dict[str, Any] | None = None
        self.setPlaceholderText(self.tr("Optional: type a customer's name, e-mail or id"))
        self.setClearButtonEnabled(True)
        self._list = QStringListModel(self)
        completer = QCompleter(self._list, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.activated.connect(self._chosen)
        self.setCompleter(completer)
        self._timer = QTimer(self, singleShot=True, interval=150)
        self._timer.timeout.connect(self._suggest)
        self.textEdited.connect(lambda _t: self._timer.start())
        self.textChanged.connect(self._text_changed)

    def customer(self) -> dict[str, Any] | None:
        """The chosen customer object, if the field names one."""
        return self._customer

    def set_customer(self, customer: dict[str, Any] | None) -> None:
        """Choose `customer` (None clears the field)."""
        self._customer = customer
        self.setText(customer_label(customer) if customer else "")
        self.customer_changed.emit(customer or {})

    def _suggest(self) -> None:
        hits = self._cache.search(self.text(), tables=["customers"], limit=_SUGGESTIONS)
        self._found = {customer_label(h.data): h.data for h in hits if h.table == "customers"}
        self._list.setStringList(list(self._found))
        self.completer().complete()

    def _chosen(self, label: str) -> None:
        customer = self._found.get(label)
        if customer is not None:
            self.set_customer(customer)

    def _text_changed(self, text: str) -> None:
        if self._customer is not None and text != customer_label(self._customer):
            self._customer = None
            self.customer_changed.emit({})
