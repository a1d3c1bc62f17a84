"""`DashboardPanel`: the business at a glance, from the cache — takings, payment success,
refunds, disputes, MRR and subscriptions, open and overdue invoices, and two charts.

The figures are computed on the worker (several aggregate queries over the whole cache) and
recomputed when the tables behind them change. Every figure is clickable: it asks, through
`open_list`, for the list it summarises, filtered the same way.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from PySide6.QtCore import QCoreApplication, QDate, QLocale, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from posapp.money import to_decimal
from posapp.store.aggregates import InvoiceSummary, MonthlyMrr, Total, Uncaptured
from posapp.store.cache import Cache

from ..common.app_state import AppState
from ..common.format import Formats
from ..disputes.dispute_list_model import OPEN_STATUSES
from ..refunds.refunds_panel import Period, period_start
from .dashboard_charts import MrrChart, TakingsChart

DAYS_CHARTED = 30
MONTHS_CHARTED = 12
SUCCESS_RATE_DAYS = 30
_DASHBOARD_TABLES = frozenset(("charges", "refunds", "disputes", "subscriptions", "invoices",
                               "balance_transactions"))


@dataclass(frozen=True)
class ListFilter:
    """A list to open from the dashboard: its table, status and period or local day (an
    ISO date) (None: any)."""

    table: str
    status: str | None = None
    period: Period | None = None
    day: str | None = None


@dataclass(frozen=True)
class DashboardFigures:
    """Everything the dashboard shows, read from the cache at one moment."""

    today: list[Total]
    """Net takings (captured charges less their refunds) since local midnight."""
    month: list[Total]
    """Net takings since the first of this month."""
    succeeded: int
    failed: int
    """Captured and failed charges of the last `SUCCESS_RATE_DAYS` days (authorisations
    still held are neither yet)."""
    refunds: list[Total]
    refunds_pending: int
    refunds_failed: int
    """Refunds created this month: succeeded ones' totals, pending and failed counts."""
    disputes_open: list[Total]
    disputes_needing_response: int
    mrr: dict[str, int]
    active_subscriptions: int
    past_due_subscriptions: int
    invoices: list[InvoiceSummary]
    days: list[str]
    """The charted days, oldest first (ISO dates, local time)."""
    takings_by_day: dict[str, dict[str, int]] = field(default_factory=dict)
    """Net takings per currency, then per day."""
    month_ends: list[int] = field(default_factory=list)
    mrr_history: list[MonthlyMrr] = field(default_factory=list)
    uncaptured: list[Uncaptured] = field(default_factory=list)
    """Authorisations held and not captured yet: not takings, shown apart."""
    net_volume: list[Total] = field(default_factory=list)
    """This month's net volume: sales after refunds, disputes and Stripe's fees (from the
    balance transactions)."""

    @property
    def success_rate(self) -> float | None:
        """Share of charges that succeeded (None when there were none)."""
        tried = self.succeeded + self.failed
        return self.succeeded / tried if tried else None


def _net_totals(cache: Cache, since: int, utc_offset: int) -> list[Total]:
    sums: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for day in cache.takings_per_day(since=since, utc_offset=utc_offset):
        sums[day.currency][0] += day.gross - day.refunded
        sums[day.currency][1] += day.count
    return [Total(currency, amount, count) for currency, (amount, count) in sorted(sums.items())]


def month_ends(now: datetime, months: int = MONTHS_CHARTED) -> list[int]:
    """The last second of each of the past `months` months, the current one ending `now`."""
    first = now.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    ends = [int(now.timestamp())]
    for _ in range(months - 1):
        ends.append(int(first.timestamp()) - 1)
        first = (first - timedelta(days=1)).replace(day=1)
    return list(reversed(ends))


def compute_figures(cache: Cache, now: datetime) -> DashboardFigures:
    """Read every dashboard figure from the cache (`now` is aware, in the zone whose days
    are counted: the account's).
    Runs on the worker: it scans the charges of the last month and every subscription."""
    offset = int((now.utcoffset() or timedelta()).total_seconds())
    today = period_start(Period.TODAY, now, now.tzinfo) or 0
    month = period_start(Period.MONTH, now, now.tzinfo) or 0
    first_day = today - (DAYS_CHARTED - 1) * 86_400
    rate_since = today - (SUCCESS_RATE_DAYS - 1) * 86_400
    by_day: dict[str, dict[str, int]] = defaultdict(dict)
    for day in cache.takings_per_day(since=first_day, utc_offset=offset):
        by_day[day.currency][day.day] = day.gross - day.refunded
    start = datetime.fromtimestamp(first_day, now.tzinfo)
    ends = month_ends(now)
    return DashboardFigures(
        today=_net_totals(cache, today, offset),
        month=_net_totals(cache, month, offset),
        succeeded=sum(d.count for d in cache.takings_per_day(since=rate_since,
                                                             utc_offset=offset)),
        failed=cache.count("charges", filters={"status": "failed"}, since=rate_since),
        refunds=cache.refund_totals(since=month),
        refunds_pending=cache.count("refunds", filters={"status": "pending"}, since=month),
        refunds_failed=cache.count("refunds", filters={"status": "failed"}, since=month),
        disputes_open=cache.dispute_totals(statuses=OPEN_STATUSES),
        disputes_needing_response=cache.count(
            "disputes", filters={"status": ["needs_response", "warning_needs_response"]}),
        mrr=cache.mrr(),
        active_subscriptions=cache.count("subscriptions", filters={"status": "active"}),
        past_due_subscriptions=cache.count("subscriptions", filters={"status": "past_due"}),
        invoices=cache.invoice_summary(now=int(now.timestamp())),
        days=[(start + timedelta(days=i)).date().isoformat() for i in range(DAYS_CHARTED)],
        takings_by_day=dict(by_day),
        month_ends=ends,
        mrr_history=cache.mrr_history(month_ends=ends),
        uncaptured=cache.uncaptured(),
        net_volume=cache.net_volume(since=month),
    )


def uncaptured_text(formats: Formats, held: list[Uncaptured]) -> str:
    """One line per currency for authorisations not captured yet ("" when there are none):
    the amount held, how many, and when the first of them lapses."""
    return "\n".join(
        QCoreApplication.translate("Takings", "Not captured yet: %1 (%2), the first lapses %3")
        .replace("%1", formats.money(h.amount, h.currency))
        .replace("%2", formats.number(h.count)).replace("%3", formats.date(h.first_expiry))
        for h in held)


class FigureCard(QFrame):
    """One clickable figure: a title, the value (one line per currency) and a detail line."""

    clicked = Signal()

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("figureCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.title = QLabel(title)
        self.title.setObjectName("muted")
        self.value = QLabel()
        self.value.setObjectName("title")
        self.value.setWordWrap(True)
        self.detail = QLabel()
        self.detail.setObjectName("muted")
        self.detail.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.value)
        layout.addWidget(self.detail)
        layout.addStretch(1)

    def set_figure(self, value: str, detail: str = "") -> None:
        """Show `value` and the line under it."""
        self.value.setText(value)
        self.detail.setText(detail)

    def click(self) -> None:
        """Open the list behind the figure (mouse, Enter or Space)."""
        self.clicked.emit()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        """A left click opens the list."""
        if event.button() == Qt.MouseButton.LeftButton:
            self.click()
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter or Space opens the list."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.click()
        else:
            super().keyPressEvent(event)


class DashboardPanel(QWidget):
    """The figures and charts; `open_list` asks the window for a filtered list."""

    open_list = Signal(object)
    """A `ListFilter`: the list a clicked figure summarises."""
    refreshed = Signal(object)
    """The `DashboardFigures` just shown."""

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._state = state
        self._refreshing = False
        self._dirty = False
        self.figures: DashboardFigures | None = None
        self.cards: dict[str, FigureCard] = {}
        cards = (
            ("today", self.tr("Today's net takings"),
             ListFilter("payment_intents", "succeeded")),
            ("month", self.tr("This month's net takings"),
             ListFilter("payment_intents", "succeeded")),
            ("success", self.tr("Payment success rate (30 days)"),
             ListFilter("payment_intents", "requires_payment_method")),
            ("refunds", self.tr("Refunds this month"),
             ListFilter("refunds", "succeeded", Period.MONTH)),
            ("disputes", self.tr("Open disputes"), ListFilter("disputes", "needs_response")),
            ("mrr", self.tr("Monthly recurring revenue"),
             ListFilter("subscriptions", "active")),
            ("past_due", self.tr("Past-due subscriptions"),
             ListFilter("subscriptions", "past_due")),
            ("invoices", self.tr("Open invoices"), ListFilter("invoices", "open")),
        )
        grid = QGridLayout()
        for index, (key, title, target) in enumerate(cards):
            card = FigureCard(title)
            card.clicked.connect(lambda t=target: self.open_list.emit(t))
            self.cards[key] = card
            grid.addWidget(card, index // 4, index % 4)
        self.takings_chart = TakingsChart()
        self.takings_chart.clicked.connect(
            lambda: self.open_list.emit(ListFilter("payment_intents", "succeeded")))
        self.takings_chart.day_clicked.connect(self._open_day)
        self.mrr_chart = MrrChart()
        self.mrr_chart.clicked.connect(
            lambda: self.open_list.emit(ListFilter("subscriptions", "active")))
        charts = QHBoxLayout()
        charts.addWidget(self.takings_chart, 1)
        charts.addWidget(self.mrr_chart, 1)
        self.status = QLabel(self.tr("Reading the cache…"))
        self.status.setObjectName("muted")
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addLayout(charts, 1)
        layout.addWidget(self.status)
        state.connect_tables(_DASHBOARD_TABLES, self.schedule_refresh)
        self.schedule_refresh()

    def _open_day(self, index: int) -> None:
        """That day's succeeded payments, for a click on its bar."""
        if self.figures is not None and 0 <= index < len(self.figures.days):
            self.open_list.emit(ListFilter("payment_intents", "succeeded",
                                           day=self.figures.days[index]))

    def schedule_refresh(self) -> None:
        """Recompute the figures on the worker (once more if asked again meanwhile)."""
        if self._refreshing:
            self._dirty = True
            return
        self._refreshing = True
        self._state.spawn(self._refresh_until_current())

    async def _refresh_until_current(self) -> None:
        try:
            self._dirty = True
            while self._dirty:
                self._dirty = False
                await self.refresh()
        finally:
            self._refreshing = False

    async def refresh(self) -> DashboardFigures:
        """Compute the figures from the cache on the worker and show them."""
        figures = await self._state.worker.run(compute_figures, self._state.cache,
                                               self._state.formats.now())
        self.show_figures(figures)
        return figures

    def show_figures(self, figures: DashboardFigures) -> None:
        """Fill the cards and charts from `figures`."""
        self.figures = figures
        formats = self._state.formats
        locale = QLocale(self._state.language)

        def amounts(totals: list[Total]) -> str:
            return "\n".join(formats.money(t.amount, t.currency) for t in totals) or \
                formats.money(0, self._currency(figures))

        def payments(totals: list[Total]) -> str:
            return self.tr("%n payment(s)", "", sum(t.count for t in totals))

        held = uncaptured_text(formats, figures.uncaptured)
        self.cards["today"].set_figure(amounts(figures.today),
                                       "\n".join(filter(None, (payments(figures.today), held))))
        net = ", ".join(formats.money(t.amount, t.currency) for t in figures.net_volume)
        self.cards["month"].set_figure(amounts(figures.month), "\n".join(filter(None, (
            payments(figures.month),
            self.tr("Net volume after fees: %1").replace("%1", net) if net else ""))))
        rate = figures.success_rate
        self.cards["success"].set_figure(
            "—" if rate is None else f"{locale.toString(rate * 100, 'f', 1)} %",
            self.tr("%1 succeeded, %2 failed").replace("%1", formats.number(figures.succeeded))
            .replace("%2", formats.number(figures.failed)))
        self.cards["refunds"].set_figure(
            amounts(figures.refunds),
            self.tr("%1 refunded, %2 pending, %3 failed")
            .replace("%1", formats.number(sum(t.count for t in figures.refunds)))
            .replace("%2", formats.number(figures.refunds_pending))
            .replace("%3", formats.number(figures.refunds_failed)))
        self.cards["disputes"].set_figure(
            amounts(figures.disputes_open),
            self.tr("%1 open, %2 need a response")
            .replace("%1", formats.number(sum(t.count for t in figures.disputes_open)))
            .replace("%2", formats.number(figures.disputes_needing_response)))
        self.cards["mrr"].set_figure(
            amounts([Total(c, a, 0) for c, a in sorted(figures.mrr.items())]),
            self.tr("%n active subscription(s)", "", figures.active_subscriptions))
        self.cards["past_due"].set_figure(formats.number(figures.past_due_subscriptions),
                                          self.tr("retrying or waiting for a new card"))
        self.cards["invoices"].set_figure(
            amounts([Total(s.currency, s.open_amount, s.open_count) for s in figures.invoices]),
            self.tr("%1 open, %2 overdue (%3)")
            .replace("%1", formats.number(sum(s.open_count for s in figures.invoices)))
            .replace("%2", formats.number(sum(s.overdue_count for s in figures.invoices)))
            .replace("%3", ", ".join(formats.money(s.overdue_amount, s.currency)
                                     for s in figures.invoices) or formats.number(0)))
        self._show_charts(figures, locale)
        self.status.setText(self.tr("From the offline cache; last synced %1.").replace(
            "%1", formats.datetime(self._state.cache.last_success) or self.tr("never")))
        self.refreshed.emit(figures)

    def _currency(self, figures: DashboardFigures) -> str:
        """The currency charted: the default one if it has takings, else the busiest one."""
        default = self._state.settings.default_currency
        busiest = sorted(figures.month, key=lambda t: t.count, reverse=True)
        if busiest and not any(t.currency == default for t in figures.month):
            return busiest[0].currency
        return default

    def _show_charts(self, figures: DashboardFigures, locale: QLocale) -> None:
        currency = self._currency(figures)
        daily = figures.takings_by_day.get(currency, {})
        day_format = self.tr("d MMM", "a day under the takings chart, as a QDate format")
        self.takings_chart.set_points(
            self.tr("Takings per day, %1").replace("%1", currency.upper()),
            [(locale.toString(QDate.fromString(day, Qt.DateFormat.ISODate), day_format),
              float(to_decimal(daily.get(day, 0), currency)))
             for day in figures.days])
        history = {m.month_end: m.amount for m in figures.mrr_history if m.currency == currency}
        self.mrr_chart.set_points(
            self.tr("MRR per month, %1").replace("%1", currency.upper()),
            [(locale.monthName(datetime.fromtimestamp(end).month, QLocale.FormatType.ShortFormat),
              float(to_decimal(history.get(end, 0), currency))) for end in figures.month_ends])
