"""`ActivityPanel`: what happened — this session's notifications above the app's own audit
log (who did what, with which idempotency key and Stripe request id, and the outcome) beside
the Stripe events the poller applied to the cache; each side filtered and searched.

Writes whose outcome is still unknown are listed on their own above, and looked up at
Stripe (`reconcile_unknown`) when the panel is shown, when the app is online again, and on
"Check with Stripe"."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from posapp.gateway.errors import ErrorKind
from posapp.services.exports import ExportKind
from posapp.services.recovery import UnsettledWrite, reconcile_unknown, unsettled_writes
from posapp.store.schema import TABLES
from posapp.sync.notifications import Notification

from ..common.app_state import AppState
from ..common.csv_export import CsvColumn, csv_money, csv_time, export_and_tell
from ..common.list_view import CacheListView
from ..common.notices import notice_text
from ..common.theme import set_role
from ..payments.open_requests_view import age_text
from ..widgets.export_dialog import ExportDialog, ExportSource
from .audit_list_model import AuditListModel, outcome_text
from .event_list_model import EventListModel
from .object_detail import ObjectDetail

EVENT_OBJECT_TYPES = ("payment_intent", "charge", "refund", "dispute", "customer",
                      "payment_method", "invoice", "subscription", "checkout.session")
SEARCH_DELAY_MS = 200

EVENT_COLUMNS: tuple[CsvColumn, ...] = (
    ("id", lambda e: e.get("id")),
    ("created", lambda e: csv_time(e.get("created"))),
    ("type", lambda e: e.get("type")),
    ("object", lambda e: ((e.get("data") or {}).get("object") or {}).get("object")),
    ("object_id", lambda e: ((e.get("data") or {}).get("object") or {}).get("id")),
    ("request_id", lambda e: (e.get("request") or {}).get("id")),
)
AUDIT_COLUMNS: tuple[CsvColumn, ...] = (
    ("at", lambda a: csv_time(a.at)),
    ("actor", lambda a: a.actor),
    ("action", lambda a: a.action),
    ("object_id", lambda a: a.object_id),
    ("amount", lambda a: csv_money(a.amount, a.currency)),
    ("currency", lambda a: a.currency),
    ("outcome", lambda a: a.outcome),
    ("idempotency_key", lambda a: a.idempotency_key),
    ("request_id", lambda a: a.request_id),
    ("detail", lambda a: a.detail),
)


class ActivityPanel(QWidget):
    """What happened: notifications, the app's audit log and the cached event log."""

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._state = state
        self.notices = QListWidget()
        self.notices.setAlternatingRowColors(True)
        self.unsettled = QListWidget()
        self.unsettled.setMaximumHeight(110)
        self.check_unsettled = QPushButton(self.tr("Check with Stripe"))
        self.check_unsettled.setToolTip(self.tr("Look these writes up at Stripe by their "
                                                "idempotency key; nothing is sent again"))
        self.check_unsettled.clicked.connect(lambda: state.spawn(self.reconcile()))
        unsettled_bar = QHBoxLayout()
        unsettled_bar.addWidget(QLabel(self.tr("Not known yet whether Stripe did these:")), 1)
        unsettled_bar.addWidget(self.check_unsettled)
        self.unsettled_box = self._titled(self.tr("Unsettled"), self.unsettled, unsettled_bar)

        self.audit_model = AuditListModel(state.session.journal, state.formats, self)
        self.audit_search = QLineEdit()
        self.audit_search.setPlaceholderText(self.tr("Search action, object, key, request id…"))
        self.audit_search.setClearButtonEnabled(True)
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(
            lambda: self.audit_model.set_search(self.audit_search.text()))
        self.audit_search.textChanged.connect(lambda _t: self._search_timer.start())
        self.outcome = QComboBox()
        self.outcome.addItem(self.tr("All outcomes"), None)
        self.outcome.addItem(self.tr("Succeeded"), "succeeded")
        self.outcome.addItem(self.tr("Unknown (retry with the same key)"), "unknown")
        for kind in ErrorKind:
            self.outcome.addItem(outcome_text(kind.value), kind.value)
        self.outcome.currentIndexChanged.connect(
            lambda _i: self.audit_model.set_outcome(self.outcome.currentData()))
        self.audit = QTableView()
        self.audit.setModel(self.audit_model)
        self.audit.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.audit.setAlternatingRowColors(True)
        self.audit.verticalHeader().setVisible(False)
        self.audit.verticalHeader().setDefaultSectionSize(28)
        header = self.audit.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for section, column in enumerate(self.audit_model.columns):
            header.resizeSection(section, column.width)
        # Keys, request ids and details are long: the selected row's show whole under the
        # table, so the table keeps to what fits beside the events at 1280x800.
        for section in (AuditListModel.Columns.WHO, AuditListModel.Columns.IDEMPOTENCY_KEY,
                        AuditListModel.Columns.REQUEST_ID, AuditListModel.Columns.DETAIL):
            header.hideSection(section)
        self.audit_detail = QLabel()
        self.audit_detail.setWordWrap(True)
        self.audit_detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.audit.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self._show_audit(current.row()))

        self.events_model = EventListModel(state.cache, state.formats, self)
        self.events = CacheListView(self.events_model, state.ui_settings, "lists/events")
        if not self.events.is_fitted:  # no columns of the user's own choice yet
            # The event's id is in its detail below; the type and object need the room.
            self.events.table.horizontalHeader().hideSection(EventListModel.Columns.ID)
        self.events.search.setPlaceholderText(self.tr("Event id (evt_…)"))
        self.object_type = QComboBox()
        self.object_type.addItem(self.tr("All objects"), None)
        for object_type in EVENT_OBJECT_TYPES:
            self.object_type.addItem(object_type.replace("_", " "), object_type)
        self.object_id = QLineEdit()
        self.object_id.setPlaceholderText(self.tr("Object id (pi_…, cus_…)"))
        self.object_id.setClearButtonEnabled(True)
        self.object_type.currentIndexChanged.connect(lambda _i: self._filter_events())
        self._object_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._object_timer.timeout.connect(self._filter_events)
        self.object_id.textChanged.connect(lambda _t: self._object_timer.start())
        self.detail = ObjectDetail(state.formats,
                                   lambda e: state.dashboard_url(str(e["id"])))
        self.events.selected.connect(self.detail.show_object)

        self.export_audit = QPushButton(self.tr("Export…"))
        self.export_audit.setToolTip(self.tr("Export this app's actions the list shows now"))
        self.export_audit.clicked.connect(lambda: self._ask_export(self.audit_source()))
        self.export_events = QPushButton(self.tr("Export…"))
        self.export_events.setToolTip(self.tr("Export the Stripe events the list shows now"))
        self.export_events.clicked.connect(lambda: self._ask_export(self.events_source()))
        self.message = QLabel()
        """What became of the latest export."""
        self.message.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addWidget(self.unsettled_box)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self._titled(self.tr("Notifications"), self.notices))
        sides = QSplitter(Qt.Orientation.Horizontal)
        audit_bar = QHBoxLayout()
        audit_bar.addWidget(self.audit_search, 1)
        audit_bar.addWidget(self.outcome)
        audit_bar.addWidget(self.export_audit)
        audit_side = QSplitter(Qt.Orientation.Vertical)
        audit_side.addWidget(self.audit)
        audit_side.addWidget(self.audit_detail)
        audit_side.setSizes([480, 120])
        sides.addWidget(self._titled(self.tr("This app's actions"), audit_side, audit_bar))
        events_bar = QHBoxLayout()
        events_bar.addWidget(self.object_type)
        events_bar.addWidget(self.object_id, 1)
        events_bar.addWidget(self.export_events)
        events_side = QSplitter(Qt.Orientation.Vertical)
        events_side.addWidget(self.events)
        events_side.addWidget(self.detail)
        sides.addWidget(self._titled(self.tr("Stripe events applied"), events_side, events_bar))
        sides.setSizes([640, 520])
        splitter.addWidget(sides)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([120, 600])
        layout.addWidget(splitter)
        layout.addWidget(self.message)
        state.notification.connect(self.add_notice)
        state.connect_tables(frozenset(("events",)), self.events_model.reload)
        # Every action writes an audit row and then says which tables it changed.
        state.connect_tables(frozenset(TABLES), self.audit_model.reload)
        self.events_model.reload()
        self.audit_model.reload()
        state.connect_tables(frozenset(TABLES), self.reload_unsettled)
        self.reload_unsettled()
        # Called at once too: a panel built while online looks its unsettled writes up.
        state.follow_online(self._reconcile_if_due)

    def reload_unsettled(self) -> list[UnsettledWrite]:
        """List the journal's unknown rows (the box hides when there are none)."""
        writes = unsettled_writes(self._state.session)
        now = time.time()
        self.unsettled.clear()
        for write in writes:
            money = (self._state.formats.money(write.amount, write.currency)
                     if write.amount is not None else "")
            self.unsettled.addItem("  ·  ".join(p for p in (
                write.operation, money, write.description, write.object_id or "",
                self.tr("%1 ago").replace("%1", age_text(now - write.created))) if p))
        self.unsettled_box.setVisible(bool(writes))
        return writes

    async def reconcile(self) -> list[UnsettledWrite]:
        """Look the unknown rows up at Stripe; what is settled leaves the list."""
        self.check_unsettled.setEnabled(False)
        try:
            settled: list[UnsettledWrite] = await self._state.run(
                reconcile_unknown, self._state.session)
        finally:
            self.check_unsettled.setEnabled(True)
        self.reload_unsettled()
        if settled:
            self.audit_model.reload()
        return settled

    def _reconcile_if_due(self) -> None:
        if self._state.online and self.unsettled.count():
            self._state.spawn(self.reconcile())

    def showEvent(self, event: QShowEvent) -> None:
        """List the unsettled writes afresh and look them up whenever the panel comes
        into view."""
        super().showEvent(event)
        self.reload_unsettled()
        self._reconcile_if_due()

    @staticmethod
    def _titled(title: str, body: QWidget, bar: QHBoxLayout | None = None) -> QWidget:
        box = QWidget()
        box_layout = QVBoxLayout(box)
        box_layout.setContentsMargins(0, 0, 0, 0)
        heading = QLabel(title)
        heading.setObjectName("title")
        box_layout.addWidget(heading)
        if bar is not None:
            box_layout.addLayout(bar)
        box_layout.addWidget(body, 1)
        return box

    def add_notice(self, notice: Notification, at: float | None = None) -> None:
        """Put a notification (received `at`, default now) at the top of the list."""
        at = time.time() if at is None else at
        stamp = self._state.formats.time(at)
        self.notices.insertItem(0, f"{stamp}  {notice_text(notice, self._state.formats)}")

    def show_object(self, object_id: str) -> bool:
        """Select the event `object_id`."""
        return self.events.select_id(object_id)

    def _show_audit(self, row: int) -> None:
        entry = self.audit_model.entry_at(row)
        if entry is None:
            self.audit_detail.clear()
            return
        lines = [
            (self.tr("Who"), entry.actor or "—"),
            (self.tr("Idempotency key"), entry.idempotency_key or "—"),
            (self.tr("Stripe request id"), entry.request_id or "—"),
            (self.tr("Outcome"), outcome_text(entry.outcome)),
            (self.tr("Detail"), entry.detail or "—"),
        ]
        self.audit_detail.setText("\n".join(f"{label}: {value}" for label, value in lines))

    def audit_source(self) -> ExportSource:
        """The audit log as filtered and searched, for the export dialog."""
        return ExportSource("actions", (None, None), lambda _since, _until: None,
                            self.export_audit_to)

    def events_source(self) -> ExportSource:
        """The events as filtered, for the export dialog."""
        return ExportSource("events", (None, None),
                            lambda since, until: self.events_model.total((since, until)),
                            self.export_events_to)

    async def export_audit_to(self, path: Path, kind: ExportKind = "csv",
                              created: tuple[int | None, int | None] = (None, None),
                              progress: Callable[[int], None] | None = None,
                              cancel: threading.Event | None = None) -> int | None:
        """Write the audit rows the list shows (made in `created`) to `path`."""
        return await self._export(self.audit_model.iter_matching(*created), AUDIT_COLUMNS,
                                  path, kind, progress, cancel)

    async def export_events_to(self, path: Path, kind: ExportKind = "csv",
                               created: tuple[int | None, int | None] | None = None,
                               progress: Callable[[int], None] | None = None,
                               cancel: threading.Event | None = None) -> int | None:
        """Write the events the list shows (created in `created` instead of the list's
        range, when given) to `path`."""
        return await self._export(self.events_model.iter_matching(created), EVENT_COLUMNS,
                                  path, kind, progress, cancel)

    async def _export(self, objects: Iterator[Any], columns: tuple[CsvColumn, ...],
                      path: Path, kind: ExportKind, progress: Callable[[int], None] | None,
                      cancel: threading.Event | None) -> int | None:
        return await export_and_tell(
            self._state, self._say, objects, columns, path,
            lambda count, where: self.tr("%n row(s) exported to %1.", "", count)
            .replace("%1", str(where)), kind=kind, progress=progress, cancel=cancel)

    def _say(self, text: str, role: str) -> None:
        set_role(self.message, role)
        self.message.setText(text)

    def _ask_export(self, source: ExportSource) -> ExportDialog:
        dialog = ExportDialog(self._state, source, self)
        dialog.open()
        return dialog

    def _filter_events(self) -> None:
        self.events_model.set_filters({"object_type": self.object_type.currentData(),
                                       "object_id": self.object_id.text().strip() or None})
