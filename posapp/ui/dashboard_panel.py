"""`DashboardPanel`: the day at a glance from the cache (the full dashboard comes later)."""

from __future__ import annotations

import time

from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from .app_state import AppState
from .takings_view import TakingsView


class DashboardPanel(QWidget):
    """Today's takings and latest payments, with open invoices and disputes counts."""

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._state = state
        self.takings = TakingsView(state)
        self.open_invoices = QLabel()
        self.disputes = QLabel()
        self.customers = QLabel()
        figures = QFormLayout()
        figures.addRow(self.tr("Customers"), self.customers)
        figures.addRow(self.tr("Open invoices"), self.open_invoices)
        figures.addRow(self.tr("Disputes needing a response"), self.disputes)
        side = QVBoxLayout()
        side.addLayout(figures)
        side.addStretch(1)
        layout = QHBoxLayout(self)
        layout.addWidget(self.takings, 2)
        layout.addLayout(side, 1)
        state.connect_tables(frozenset(("invoices", "disputes", "customers")), self.refresh)
        self.refresh()

    def refresh(self) -> None:
        """Read the figures from the cache again."""
        cache = self._state.cache
        formats = self._state.formats
        self.customers.setText(formats.number(cache.count("customers")))
        summary = cache.invoice_summary(now=int(time.time()))
        self.open_invoices.setText(", ".join(
            f"{formats.number(s.open_count)} ({formats.money(s.open_amount, s.currency)})"
            for s in summary) or formats.number(0))
        self.disputes.setText(formats.number(cache.dispute_counts().get("needs_response", 0)))
