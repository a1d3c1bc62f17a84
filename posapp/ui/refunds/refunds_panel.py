"""`RefundsPanel`: every refund with its status, filtered by status and period, the period's
totals, and the selected refund's details (its payment one click away)."""

from __future__ import annotations

from datetime import datetime, timedelta, tzinfo
from enum import StrEnum
from typing import Any

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QComboBox, QLabel, QMenu, QWidget

from posapp.services.balance import cached_fee_and_net

from ..common.app_state import AppState
from ..common.csv_export import CsvColumn, csv_money, csv_time
from ..common.format import fee_net_text
from ..common.list_view import add_action
from ..widgets.list_panel import ListPanel
from .refund_detail import RefundDetail
from .refund_list_model import STATUSES, RefundListModel, status_text


class Period(StrEnum):
    """The periods a list can be narrowed to (all of them end now)."""

    TODAY = "today"
    WEEK = "7d"
    MONTH = "month"
    DAYS_30 = "30d"
    ALL = "all"


def period_start(period: Period, now: datetime | None = None,
                 zone: tzinfo | None = None) -> int | None:
    """Unix time the period starts at, its days counted in `zone` (None: the machine's;
    None returned: no start)."""
    moment = (now or datetime.now()).astimezone(zone)
    midnight = moment.replace(hour=0, minute=0, second=0, microsecond=0)
    starts = {Period.TODAY: midnight, Period.WEEK: midnight - timedelta(days=6),
              Period.MONTH: midnight.replace(day=1), Period.DAYS_30: midnight - timedelta(days=29)}
    start = starts.get(period)
    return None if start is None else int(start.timestamp())


CSV_COLUMNS: tuple[CsvColumn, ...] = (
    ("id", lambda r: r.get("id")),
    ("created", lambda r: csv_time(r.get("created"))),
    ("status", lambda r: r.get("status")),
    ("reason", lambda r: r.get("reason")),
    ("amount", lambda r: csv_money(r.get("amount"), r.get("currency"))),
    ("currency", lambda r: r.get("currency")),
    ("charge", lambda r: r.get("charge")),
    ("payment_intent", lambda r: r.get("payment_intent")),
)
"""What a refunds export holds."""


class RefundsPanel(ListPanel[RefundListModel]):
    """Find refunds, see what a period gave back, open a refund's payment."""

    open_object = Signal(str, str)
    """(table, id) of a related object to show in its own panel."""

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(state, RefundListModel(state.cache, state.formats), "lists/refunds",
                         [(s, status_text(s)) for s in STATUSES], parent)
        self.period = QComboBox()
        for period, label in ((Period.TODAY, self.tr("Today")),
                              (Period.WEEK, self.tr("Last 7 days")),
                              (Period.MONTH, self.tr("This month")),
                              (Period.DAYS_30, self.tr("Last 30 days")),
                              (Period.ALL, self.tr("All time"))):
            self.period.addItem(label, period.value)
        self.period.setCurrentIndex(self.period.findData(Period.ALL.value))
        self.period.currentIndexChanged.connect(lambda _i: self._apply_period())
        self.totals = QLabel()
        self.totals.setObjectName("muted")
        self.totals.setWordWrap(True)
        self.detail = RefundDetail(self.model, state.formats,
                                   lambda r: state.dashboard_url(self.dashboard_id(r)))
        self.open_payment = self.detail.open_payment_button
        self.detail.open_payment.connect(self._open_payment_id)
        self.list.selected.connect(self.detail.show_refund)
        self.list.selected.connect(lambda r: self.detail.fee_net.setText(
            fee_net_text(state.formats, cached_fee_and_net(state.cache, r))))
        self.toolbar.addWidget(QLabel(self.tr("Period")))
        self.toolbar.addWidget(self.period)
        self.toolbar.addWidget(self.totals, 1)
        self.add_csv_export(
            CSV_COLUMNS, "refunds.csv", self.tr("Export the refunds the list shows now"),
            lambda count, path: self.tr("%n refund(s) exported to %1.", "", count)
            .replace("%1", str(path)))
        self._bar = self.add_filter_bar(amounts=True, card=True)
        self._period_day: QDate | None = None
        self.finish_layout(self.detail, (820, 420), ("refunds",), self._refresh)

    def set_period(self, period: Period) -> None:
        """Show refunds created in `period`, with that period's totals."""
        self.period.setCurrentIndex(self.period.findData(period.value))

    def _apply_period(self) -> None:
        """The period is the filter bar's first day (from then on, any later day)."""
        start = period_start(Period(self.period.currentData()), zone=self._state.formats.zone)
        self._period_day = self._state.formats.day(start) if start else None
        self._bar.set_days(self._period_day, None)
        self._update_totals()

    def _refresh(self) -> None:
        # "Today" moves on at midnight, unless the days were since chosen by hand.
        start = period_start(Period(self.period.currentData()), zone=self._state.formats.zone)
        if (start is not None and self._bar.date_from.date() == self._period_day
                and self._state.formats.day(start) != self._period_day):
            self._apply_period()
            return
        self.model.reload()
        self._update_totals()

    def _update_totals(self) -> None:
        cache = self._state.cache
        formats = self._state.formats
        since = period_start(Period(self.period.currentData()), zone=self._state.formats.zone)
        refunded = ", ".join(f"{formats.money(t.amount, t.currency)} ({formats.number(t.count)})"
                             for t in cache.refund_totals(since=since or 0))
        pending = cache.count("refunds", filters={"status": "pending"}, since=since)
        failed = cache.count("refunds", filters={"status": "failed"}, since=since)
        self.totals.setText(
            self.tr("Refunded: %1 · pending: %2 · failed: %3")
            .replace("%1", refunded or formats.money(0, self._state.settings.default_currency))
            .replace("%2", formats.number(pending)).replace("%3", formats.number(failed)))

    def _open_payment(self, refund: dict[str, Any]) -> None:
        payment = self.model.payment_of(refund)
        if payment:
            self._open_payment_id(payment)

    def _open_payment_id(self, payment: str) -> None:
        table = "payment_intents" if payment.startswith("pi_") else "charges"
        self.open_object.emit(table, payment)

    def dashboard_id(self, refund: dict[str, Any]) -> str:
        """Refunds have no Dashboard page of their own: their payment's is opened."""
        return str(self.model.payment_of(refund) or "")

    def fill_menu(self, menu: QMenu, refund: dict[str, Any]) -> None:
        """Open the refund's payment."""
        add_action(menu, self.tr("Open payment"), lambda: self._open_payment(refund),
                   bool(self.model.payment_of(refund)))
