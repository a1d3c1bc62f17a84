"""`DisputesPanel`: every dispute with its status, reason, amount and response countdown,
beside the selected dispute's detail, evidence form and actions."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QMenu, QWidget

from ..common.app_state import AppState
from ..common.csv_export import CsvColumn, csv_money, csv_time
from ..common.list_view import add_action
from ..widgets.list_panel import ListPanel
from .dispute_detail import DisputeDetail
from .dispute_list_model import STATUSES, DisputeListModel, status_text

COUNTDOWN_REFRESH_MS = 60_000
CSV_COLUMNS: tuple[CsvColumn, ...] = (
    ("id", lambda d: d.get("id")),
    ("created", lambda d: csv_time(d.get("created"))),
    ("status", lambda d: d.get("status")),
    ("reason", lambda d: d.get("reason")),
    ("amount", lambda d: csv_money(d.get("amount"), d.get("currency"))),
    ("currency", lambda d: d.get("currency")),
    ("charge", lambda d: d.get("charge")),
    ("payment_intent", lambda d: d.get("payment_intent")),
    ("due_by", lambda d: csv_time((d.get("evidence_details") or {}).get("due_by"))),
)
"""What a disputes export holds."""


class DisputesPanel(ListPanel[DisputeListModel]):
    """Find disputes and answer them before their deadline."""

    open_object = Signal(str, str)
    """(table, id) of a related object to show in its own panel."""

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(state, DisputeListModel(state.cache, state.formats), "lists/disputes",
                         [(s, status_text(s)) for s in STATUSES], parent)
        self.detail = DisputeDetail(state)
        self.detail.open_object.connect(self.open_object)
        self.list.selected.connect(self.detail.show_dispute)
        # The countdown column moves with the clock, not only with the cache.
        self._tick = QTimer(self, interval=COUNTDOWN_REFRESH_MS)
        self._tick.timeout.connect(self._repaint_countdowns)
        self._tick.start()
        self.add_csv_export(
            CSV_COLUMNS, "disputes.csv", self.tr("Export the disputes the list shows now"),
            lambda count, path: self.tr("%n dispute(s) exported to %1.", "", count)
            .replace("%1", str(path)))
        self.add_filter_bar(amounts=True, card=True)
        self.finish_layout(self.detail, (800, 420), ("disputes", "charges"))

    def _repaint_countdowns(self) -> None:
        column = DisputeListModel.Columns.DUE
        rows = self.model.rowCount()
        if rows:
            self.model.dataChanged.emit(self.model.index(0, column),
                                        self.model.index(rows - 1, column))

    def fill_menu(self, menu: QMenu, dispute: dict[str, Any]) -> None:
        """Open the disputed payment."""
        payment = self.model.payment_of(dispute)
        if payment:
            add_action(menu, self.tr("Open payment"), lambda: self.open_object.emit(
                "payment_intents" if payment.startswith("pi_") else "charges", payment))
