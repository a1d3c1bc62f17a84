"""`TakingsView`: today's takings per currency and the latest payments, from the cache."""

from __future__ import annotations

import time

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from .app_state import AppState
from .formatting import start_of_today, utc_offset_seconds
from .payment_list_model import status_text

LATEST = 8


class TakingsView(QWidget):
    """A glance at the day: what came in, and the last few payments."""

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._state = state
        heading = QLabel(self.tr("Today's takings"))
        heading.setObjectName("muted")
        self.total = QLabel()
        self.total.setObjectName("bigAmount")
        self.total.setWordWrap(True)
        self.count = QLabel()
        self.count.setObjectName("muted")
        latest = QLabel(self.tr("Latest payments"))
        latest.setObjectName("muted")
        self.latest = QListWidget()
        # A narrow column: each payment wraps onto two lines instead of scrolling sideways.
        self.latest.setWordWrap(True)
        self.latest.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.latest.setSpacing(2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading)
        layout.addWidget(self.total)
        layout.addWidget(self.count)
        layout.addSpacing(12)
        layout.addWidget(latest)
        layout.addWidget(self.latest, 1)
        state.connect_tables(frozenset(("charges", "payment_intents")), self.refresh)
        self.refresh()

    def refresh(self) -> None:
        """Read today's figures and the latest payments from the cache again."""
        formats = self._state.formats
        cache = self._state.cache
        days = cache.takings_per_day(since=start_of_today(), until=int(time.time()) + 86400,
                                     utc_offset=utc_offset_seconds())
        totals = [formats.money(d.gross - d.refunded, d.currency) for d in days]
        self.total.setText("\n".join(totals) or formats.money(0, self._currency()))
        count = sum(d.count for d in days)
        self.count.setText(self.tr("%n payment(s) today", "", count))
        self.latest.clear()
        for payment in cache.page("payment_intents", limit=LATEST).rows:
            summary = "  ".join((
                formats.time(payment.get("created")),
                formats.money(payment.get("amount"), payment.get("currency")),
                status_text(payment.get("status"))))
            description = str(payment.get("description") or "")
            item = QListWidgetItem(f"{summary}\n{description}" if description else summary)
            item.setToolTip(description)
            self.latest.addItem(item)

    def _currency(self) -> str:
        return self._state.settings.default_currency
