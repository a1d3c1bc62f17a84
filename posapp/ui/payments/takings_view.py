"""`TakingsView`: today's net takings per currency, authorisations not captured yet, and
the latest payments, from the cache."""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from ..common.app_state import AppState
from ..dashboard.dashboard_panel import uncaptured_text
from .payment_list_model import payment_status

LATEST = 8


class TakingsView(QWidget):
    """A glance at the day: what came in, and the last few payments."""

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._state = state
        heading = QLabel(self.tr("Today's net takings"))
        heading.setObjectName("muted")
        self.total = QLabel()
        self.total.setObjectName("bigAmount")
        self.total.setWordWrap(True)
        self.count = QLabel()
        self.count.setObjectName("muted")
        self.uncaptured = QLabel()
        """Authorisations held and not captured yet: not takings, so shown apart."""
        self.uncaptured.setObjectName("reason")
        self.uncaptured.setWordWrap(True)
        latest = QLabel(self.tr("Latest payments"))
        latest.setObjectName("muted")
        # Word-wrapped labels rather than a QListWidget: a list view keeps row heights
        # measured at an earlier width (or with another script's font metrics) and then
        # clips each payment's second line after the window is rebuilt or resized.
        self.latest = QFrame()
        self.latest.setFrameShape(QFrame.Shape.StyledPanel)
        self.latest.setBackgroundRole(QPalette.ColorRole.Base)
        self.latest.setAutoFillBackground(True)
        self._rows = QVBoxLayout(self.latest)
        self._rows.setSpacing(8)
        self._rows.addStretch(1)
        self.rows: list[QLabel] = []
        """One label per latest payment, newest first: time, amount, status, description."""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading)
        layout.addWidget(self.total)
        layout.addWidget(self.count)
        layout.addWidget(self.uncaptured)
        layout.addSpacing(12)
        layout.addWidget(latest)
        layout.addWidget(self.latest, 1)
        state.connect_tables(frozenset(("charges", "payment_intents")), self.refresh)
        self.refresh()

    def refresh(self) -> None:
        """Read today's figures and the latest payments from the cache again."""
        formats = self._state.formats
        cache = self._state.cache
        days = cache.takings_per_day(since=formats.start_of_today(),
                                     until=int(time.time()) + 86400,
                                     utc_offset=formats.utc_offset())
        totals = [formats.money(d.gross - d.refunded, d.currency) for d in days]
        self.total.setText("\n".join(totals) or formats.money(0, self._currency()))
        count = sum(d.count for d in days)
        self.count.setText(self.tr("%n payment(s) today", "", count))
        held = uncaptured_text(formats, cache.uncaptured())
        self.uncaptured.setText(held)
        self.uncaptured.setVisible(bool(held))
        for row in self.rows:
            self._rows.removeWidget(row)
            row.deleteLater()
        self.rows = []
        for payment in cache.page("payment_intents", limit=LATEST).rows:
            charge_id = payment.get("latest_charge")
            charge = cache.get("charges", charge_id) if isinstance(charge_id, str) else None
            summary = "  ".join((
                formats.time(payment.get("created")),
                formats.money(_taken(payment), payment.get("currency")),
                payment_status(payment, charge, formats)))
            description = str(payment.get("description") or "")
            row = QLabel(f"{summary}\n{description}" if description else summary)
            row.setWordWrap(True)
            row.setToolTip(description)
            self._rows.insertWidget(len(self.rows), row)
            self.rows.append(row)

    def _currency(self) -> str:
        return self._state.settings.default_currency


def _taken(payment: dict[str, Any]) -> int | None:
    """What a payment took: the amount received once it succeeded (less than asked after a
    partial capture), else the amount asked."""
    received = payment.get("amount_received")
    if payment.get("status") == "succeeded" and isinstance(received, int):
        return received
    amount = payment.get("amount")
    return amount if isinstance(amount, int) else None
