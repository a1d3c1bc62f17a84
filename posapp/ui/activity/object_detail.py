"""`ObjectDetail`: a read-only summary of any Stripe object (its scalar fields), with copy-id
and open-in-Dashboard buttons. Richer panels replace it with their own detail views."""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from ..common.format import Formats
from ..common.resources import icon

_TIME_FIELDS = {"created", "due_date", "canceled_at", "paid_at", "due_by", "updated"}
_AMOUNT_FIELDS = {"amount", "amount_due", "amount_paid", "amount_remaining", "total",
                  "subtotal", "amount_refunded", "amount_received", "amount_total", "balance"}


class ObjectDetail(QWidget):
    """Shows one object's fields; `dashboard_url` maps an object to its Dashboard page."""

    def __init__(self, formats: Formats, dashboard_url: Callable[[dict[str, Any]], str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._formats = formats
        self._dashboard_url = dashboard_url
        self._obj: dict[str, Any] = {}
        self.text = QTextBrowser()
        self.text.setOpenExternalLinks(True)
        self.copy_id = QPushButton(icon("copy"), self.tr("Copy id"))
        self.copy_id.clicked.connect(self._copy)
        self.open_dashboard = QPushButton(icon("open"), self.tr("Open in Stripe Dashboard"))
        self.open_dashboard.clicked.connect(self._open)
        buttons = QHBoxLayout()
        buttons.addWidget(self.copy_id)
        buttons.addWidget(self.open_dashboard)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.text, 1)
        self.show_object({})

    def show_object(self, obj: dict[str, Any]) -> None:
        """Show `obj` (an empty dict shows a hint)."""
        self._obj = obj
        self.copy_id.setEnabled(bool(obj))
        self.open_dashboard.setEnabled(bool(obj))
        if not obj:
            hint = self.tr("Select a row to see its details.")
            self.text.setHtml(f"<p>{html.escape(hint)}</p>")
            return
        rows = []
        currency = obj.get("currency")
        for key, value in obj.items():
            if isinstance(value, dict | list) or value is None or value == "":
                continue
            if key in _TIME_FIELDS and isinstance(value, int):
                shown = self._formats.datetime(value)
            elif key in _AMOUNT_FIELDS and isinstance(value, int) and isinstance(currency, str):
                shown = self._formats.money(value, currency)
            elif isinstance(value, bool):
                # As Stripe's JSON and Dashboard write them, not Python's True/False.
                shown = "true" if value else "false"
            else:
                shown = str(value)
            rows.append(f"<tr><td><b>{html.escape(key)}</b></td>"
                        f"<td>{html.escape(shown)}</td></tr>")
        self.text.setHtml("<table cellspacing='6'>" + "".join(rows) + "</table>")

    def _copy(self) -> None:
        clipboard = QGuiApplication.clipboard()
        if self._obj:
            clipboard.setText(str(self._obj.get("id", "")))

    def _open(self) -> None:
        if self._obj:
            QDesktopServices.openUrl(QUrl(self._dashboard_url(self._obj)))
