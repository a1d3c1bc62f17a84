"""`CustomerForm`: a customer's editable profile — name, e-mail, phone, description,
address and metadata — with the e-mail address, the phone number and Stripe's metadata
limits checked as the user types."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from posapp.services.customers import (
    METADATA_MAX_KEY_LENGTH,
    METADATA_MAX_KEYS,
    METADATA_MAX_VALUE_LENGTH,
    ContactError,
    MetadataError,
    check_email,
    check_metadata,
    check_phone,
)

from ..common.errors import error_text

ADDRESS_FIELDS = ("line1", "line2", "city", "postal_code", "state", "country")


class CustomerForm(QWidget):
    """The fields Stripe keeps for a customer; `fields()` gives them as service kwargs."""

    validity_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = QLineEdit()
        self.email = QLineEdit()
        self.email.setPlaceholderText(self.tr("name@example.com"))
        self.phone = QLineEdit()
        self.phone.setPlaceholderText(self.tr("+86 10 1234 5678"))
        self.description = QLineEdit()
        self.address = {key: QLineEdit() for key in ADDRESS_FIELDS}
        self.address["line1"].setPlaceholderText(self.tr("Street and number"))
        self.address["country"].setPlaceholderText(self.tr("Two-letter code, e.g. US, CN"))
        self.address["country"].setMaxLength(2)
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("E-mail"), self.email)
        form.addRow(self.tr("Phone"), self.phone)
        form.addRow(self.tr("Description"), self.description)
        labels = {"line1": self.tr("Address"), "line2": self.tr("Address line 2"),
                  "city": self.tr("City"), "postal_code": self.tr("Postal code"),
                  "state": self.tr("State / province"), "country": self.tr("Country")}
        for key, edit in self.address.items():
            form.addRow(labels[key], edit)

        self.metadata = QTableWidget(0, 2)
        self.metadata.setHorizontalHeaderLabels([self.tr("Key"), self.tr("Value")])
        self.metadata.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.metadata.verticalHeader().setVisible(False)
        self.metadata.setMinimumHeight(110)
        self.metadata.itemChanged.connect(lambda _item: self.check())
        add_row = QPushButton(self.tr("Add metadata"))
        add_row.clicked.connect(self._add_metadata_row)
        remove_row = QPushButton(self.tr("Remove selected"))
        remove_row.clicked.connect(self._remove_metadata_row)
        self.metadata_hint = QLabel(self.tr(
            "Up to %1 keys; keys up to %2 characters, values up to %3.")
            .replace("%1", str(METADATA_MAX_KEYS))
            .replace("%2", str(METADATA_MAX_KEY_LENGTH))
            .replace("%3", str(METADATA_MAX_VALUE_LENGTH)))
        self.metadata_hint.setObjectName("muted")
        self.problem = QLabel()
        self.problem.setObjectName("error")
        self.problem.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(add_row)
        row.addWidget(remove_row)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Metadata")))
        layout.addWidget(self.metadata)
        layout.addLayout(row)
        layout.addWidget(self.metadata_hint)
        layout.addWidget(self.problem)
        self._removed_keys: set[str] = set()
        self._valid = True
        self.email.textChanged.connect(lambda _text: self.check())
        self.phone.textChanged.connect(lambda _text: self.check())

    def load(self, customer: dict[str, Any]) -> None:
        """Fill the form from a customer object (empty dict: a blank form)."""
        self.name.setText(customer.get("name") or "")
        self.email.setText(customer.get("email") or "")
        self.phone.setText(customer.get("phone") or "")
        self.description.setText(customer.get("description") or "")
        address = customer.get("address") or {}
        for key, edit in self.address.items():
            edit.setText(address.get(key) or "")
        self.metadata.blockSignals(True)
        self.metadata.setRowCount(0)
        for key, value in (customer.get("metadata") or {}).items():
            self._append(str(key), str(value))
        self.metadata.blockSignals(False)
        self._removed_keys.clear()
        self.check()

    def metadata_rows(self) -> dict[str, str]:
        """The metadata as typed (rows with an empty key are ignored while still blank)."""
        rows: dict[str, str] = {}
        for row in range(self.metadata.rowCount()):
            key_item, value_item = self.metadata.item(row, 0), self.metadata.item(row, 1)
            key = key_item.text().strip() if key_item else ""
            value = value_item.text() if value_item else ""
            if key or value:
                rows[key] = value
        return rows

    def check(self) -> bool:
        """Check the e-mail address, the phone number and the metadata (against Stripe's
        limits); the problem is shown under the form."""
        try:
            for edit, check in ((self.email, check_email), (self.phone, check_phone)):
                if edit.text().strip():
                    check(edit.text())
            check_metadata(self.metadata_rows())
        except (ContactError, MetadataError) as error:
            self.problem.setText(error_text(error))
            valid = False
        else:
            self.problem.clear()
            valid = True
        if valid != self._valid:
            self._valid = valid
            self.validity_changed.emit(valid)
        return valid

    def fields(self, *, for_update: bool) -> dict[str, Any]:
        """The form as `create_customer`/`update_customer` keyword arguments. On an update
        an emptied field is sent as "" and removed metadata keys as "" (Stripe clears
        them); on a create empty fields are left out."""
        blank: str | None = "" if for_update else None
        address = {k: e.text().strip() for k, e in self.address.items() if e.text().strip()}
        metadata = ({k: "" for k in self._removed_keys} if for_update else {}) \
            | self.metadata_rows()
        texts = {"name": self.name, "email": self.email, "phone": self.phone,
                 "description": self.description}
        fields: dict[str, Any] = {k: e.text().strip() or blank for k, e in texts.items()}
        fields["address"] = address or (blank if address or for_update else None)
        fields["metadata"] = metadata
        return {k: v for k, v in fields.items() if v is not None}

    def _append(self, key: str, value: str) -> None:
        row = self.metadata.rowCount()
        self.metadata.insertRow(row)
        self.metadata.setItem(row, 0, QTableWidgetItem(key))
        self.metadata.setItem(row, 1, QTableWidgetItem(value))

    def _add_metadata_row(self) -> None:
        self._append("", "")
        self.metadata.setCurrentCell(self.metadata.rowCount() - 1, 0)
        self.metadata.setFocus()

    def _remove_metadata_row(self) -> None:
        row = self.metadata.currentRow()
        if row < 0:
            return
        item = self.metadata.item(row, 0)
        if item is not None and item.text().strip():
            self._removed_keys.add(item.text().strip())
        self.metadata.removeRow(row)
        self.check()
