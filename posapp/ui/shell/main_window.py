"""`MainWindow`: navigation, the panels, the top bar, the status bar and toasts.

Each panel is built the first time it is shown or asked for (`panel`, and the attributes
named after the panels) by `panels.BUILDERS`; the collect screen at once. The window wires
panels to the shared `AppState` and to each other only through signals; it holds no business
logic. Profile switching, settings and language changes are requested through its signals
and carried out by the `launch` controller, which rebuilds the window."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Protocol, cast, runtime_checkable

from PySide6.QtCore import QByteArray, QDate, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from posapp.services.cart import Cart
from posapp.services.recovery import unsettled_writes
from posapp.sync.notifications import ConnectionChanged, Notification

from ..backoffice.acting_banner import ActingBanner
from ..common.app_state import AppState
from ..common.list_view import CacheListView
from ..common.notices import notice_text
from ..common.resources import icon
from ..common.theme import DisplayMode, accent_style
from ..widgets.filter_bar import FilterBar
from .panels import BUILDERS, Panel
from .search_dialog import SearchDialog
from .status_bar import SyncStatusBar
from .toasts import ToastArea
from .top_bar import TopBar

if TYPE_CHECKING:
    from ..activity.activity_panel import ActivityPanel
    from ..backoffice.accounts_panel import AccountsPanel
    from ..backoffice.balance_panel import BalancePanel
    from ..backoffice.connect_panel import ConnectPanel
    from ..backoffice.payouts_panel import PayoutsPanel
    from ..catalogue.products_panel import ProductsPanel
    from ..catalogue.sale_panel import SalePanel
    from ..customers.customers_panel import CustomersPanel
    from ..dashboard.dashboard_panel import DashboardPanel, ListFilter
    from ..disputes.disputes_panel import DisputesPanel
    from ..invoices.invoices_panel import InvoicesPanel
    from ..payments.collect_panel import CollectPanel
    from ..payments.payments_panel import PaymentsPanel
    from ..refunds.refunds_panel import RefundsPanel
    from ..subscriptions.subscriptions_panel import SubscriptionsPanel

__all__ = ["MainWindow", "Panel"]

PANEL_FOR_TABLE = {
    "customers": Panel.CUSTOMERS, "payment_methods": Panel.CUSTOMERS,
    "payment_intents": Panel.PAYMENTS, "charges": Panel.PAYMENTS,
    "subscriptions": Panel.SUBSCRIPTIONS, "invoices": Panel.INVOICES,
    "refunds": Panel.REFUNDS, "disputes": Panel.DISPUTES, "events": Panel.ACTIVITY,
    "products": Panel.PRODUCTS,
    "balance_transactions": Panel.BALANCE, "payouts": Panel.PAYOUTS,
    "accounts": Panel.ACCOUNTS, "application_fees": Panel.ACCOUNTS,
    "transfers": Panel.ACCOUNTS,
}


# The window tells it was painted after this long at the latest (never painted: minimised,
# or on a display that never exposes it), so what waits for the paint does not wait forever.
PAINT_WAIT_MS = 1000


class _FirstPaint(QObject):
    """Calls `done` once: at the watched widget's first paint, or after PAINT_WAIT_MS."""

    def __init__(self, widget: QWidget, done: Callable[[], None]) -> None:
        super().__init__(widget)
        self._widget = widget
        self._done: Callable[[], None] | None = done
        widget.installEventFilter(self)
        QTimer.singleShot(PAINT_WAIT_MS, self, self._finish)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Finish at the first paint event; never filters it out."""
        if event.type() == QEvent.Type.Paint:
            self._finish()
        return False

    def _finish(self) -> None:
        done, self._done = self._done, None
        if done is not None:
            self._widget.removeEventFilter(self)
            done()


@runtime_checkable
class ObjectPanel(Protocol):
    """A panel that can select one of the objects it lists (`jump_to` relies on it)."""

    def show_object(self, object_id: str) -> bool:
        """Select `object_id` in the list (and show it); False when it is not there."""
        ...


class MainWindow(QMainWindow):
    """The app's one window for an open profile."""

    profile_chosen = Signal(str)
    add_profile_requested = Signal()
    settings_requested = Signal()
    act_as_requested = Signal(str)
    """A connected account's id: work on it (the platform's session stays open)."""
    platform_requested = Signal()
    """Back from a connected account to the platform."""
    painted = Signal()
    """Once: the window's first paint (or PAINT_WAIT_MS after it was built, if it was never
    painted by then); work that can wait for the window to be on screen starts here."""

    def __init__(self, state: AppState, profile_names: Sequence[str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        mode_name = {DisplayMode.TEST: self.tr("test mode"), DisplayMode.LIVE: self.tr("LIVE"),
                     DisplayMode.DEMO: self.tr("demo")}[state.profile.mode]
        self.setWindowTitle(self.tr("PosApp — %1 (%2)").replace(
            "%1", state.profile.account_name or state.profile.name).replace("%2", mode_name))
        self.setWindowIcon(icon("app"))
        self.unread = 0
        self._was_online = True
        self.recovery: QDialog | None = None
        """The start-up screen about interrupted money writes, when there were any."""

        self.top_bar = TopBar(state.profile, profile_names)
        self.top_bar.profile_chosen.connect(self.profile_chosen)
        self.top_bar.add_profile_requested.connect(self.add_profile_requested)
        self.top_bar.settings_requested.connect(self.settings_requested)
        self.top_bar.search_requested.connect(self.open_search)
        accent = QFrame()
        accent.setObjectName("accent")
        accent.setStyleSheet(accent_style(state.profile.mode))

        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setFixedWidth(190)
        self.stack = QStackedWidget()
        self._panels: dict[Panel, QWidget] = {}
        """The panels built so far; the stack holds an empty stand-in for the others."""
        self.notices: list[tuple[float, Notification]] = []
        """This window's notifications and when they came, oldest first (the activity panel
        lists them once it is built)."""
        entries = (
            (Panel.DASHBOARD, self.tr("Dashboard"), "dashboard"),
            (Panel.COLLECT, self.tr("Collect payment"), "collect"),
            (Panel.CUSTOMERS, self.tr("Customers"), "customers"),
            (Panel.PAYMENTS, self.tr("Payments"), "payments"),
            (Panel.SUBSCRIPTIONS, self.tr("Subscriptions"), "subscriptions"),
            (Panel.INVOICES, self.tr("Invoices"), "invoices"),
            (Panel.REFUNDS, self.tr("Refunds"), "refunds"),
            (Panel.DISPUTES, self.tr("Disputes"), "disputes"),
            (Panel.ACTIVITY, self.tr("Activity"), "activity"),
            (Panel.SALE, self.tr("Sale"), "collect"),
            (Panel.PRODUCTS, self.tr("Products"), "invoices"),
            (Panel.BALANCE, self.tr("Balance"), "payments"),
            (Panel.PAYOUTS, self.tr("Payouts"), "paid"),
            (Panel.ACCOUNTS, self.tr("Connect"), "customers"),
        )
        for panel, label, icon_name in entries:
            item = QListWidgetItem(icon(icon_name), label)
            self.navigation.addItem(item)
            self.stack.addWidget(QWidget())
            if panel < 10:
                key = (panel + 1) % 10
                item.setToolTip(f"{label}  (Ctrl+{key})")
                QShortcut(QKeySequence(f"Ctrl+{key}"), self,
                          lambda p=panel: self.show_panel(p))
        self.navigation.currentRowChanged.connect(self._panel_changed)
        QShortcut(QKeySequence("Ctrl+K"), self, self.open_search)

        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(0)
        body.addWidget(self.navigation)
        body.addWidget(self.stack, 1)
        central = QWidget()
        outer = QVBoxLayout(central)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addWidget(self.top_bar)
        outer.addWidget(accent)
        self.acting_banner: ActingBanner | None = None
        if state.session.platform is not None:
            self.acting_banner = ActingBanner(state.session.platform.account_name
                                              or state.session.platform.name,
                                              state.profile.account_name,
                                              state.session.acting_as or "")
            self.acting_banner.back.clicked.connect(self.platform_requested)
            outer.addWidget(self.acting_banner)
        outer.addLayout(body, 1)
        self.setCentralWidget(central)
        self.toasts = ToastArea(central)

        self.status = SyncStatusBar(state.formats)
        self.setStatusBar(self.status)
        self.status.notifications_clicked.connect(lambda: self.show_panel(Panel.ACTIVITY))
        self.status.set_last_synced(state.cache.last_success)
        state.online_changed.connect(self.status.set_online)
        state.synced.connect(self.status.set_last_synced)
        state.backfill_progress.connect(
            lambda p: self.status.set_backfill(p.done, p.finished, p.estimated_remaining))
        state.backfill_finished.connect(self.status.end_backfill)
        state.notification.connect(self._notified)
        state.toast.connect(self.toasts.show_toast)
        state.online_changed.connect(self._online_changed)
        # The station's screen, whichever panel is shown: it resumes a reader payment in
        # flight, closes overdue payment requests and says when a closed one was paid.
        self.panel(Panel.COLLECT)
        state.follow_online(self._look_up_unknown_outcomes)

        settings = state.ui_settings
        geometry = settings.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)
        last = str(settings.value("window/panel", int(Panel.COLLECT)))
        self.show_panel(Panel(int(last)) if last.isdigit() and int(last) < len(Panel)
                        else Panel.COLLECT)
        self._first_paint = _FirstPaint(self, self.painted.emit)

    def carry_over(self, previous: MainWindow) -> None:
        """Take over what the session showed in `previous` (the same profile's window before
        a language switch): its place and size, notifications, unread count and panel."""
        self.setGeometry(previous.geometry())
        self.setWindowState(previous.windowState())
        self.notices[:0] = previous.notices
        if self.is_built(Panel.ACTIVITY):
            for at, notice in previous.notices:
                self.activity.add_notice(notice, at)
        self.unread = previous.unread
        self.status.set_unread(self.unread)
        self.show_panel(previous.current_panel())

    def show_panel(self, panel: Panel) -> None:
        """Switch to `panel` (built first if it was not yet)."""
        self.navigation.setCurrentRow(int(panel))

    def panel(self, which: Panel) -> QWidget:
        """The widget of `which`, built now if it was not yet: its module imported, its
        lists read from the cache and its signals connected, so it comes up current."""
        widget = self._panels.get(which)
        if widget is None:
            widget = BUILDERS[which](self.state)
            self._panels[which] = widget
            stand_in = self.stack.widget(int(which))
            self.stack.insertWidget(int(which), widget)
            if stand_in is not None:
                self.stack.removeWidget(stand_in)
                stand_in.deleteLater()
            self._connect_panel(which)
        return widget

    def is_built(self, which: Panel) -> bool:
        """Whether `which` was built (shown or asked for) in this window."""
        return which in self._panels

    def _connect_panel(self, which: Panel) -> None:
        """Wire a panel just built to the window and to the panels it works with."""
        match which:
            case Panel.DASHBOARD:
                self.dashboard.open_list.connect(self.open_filtered)
            case Panel.COLLECT:
                self.collect.announce.connect(self.toasts.show_toast)
            case Panel.CUSTOMERS:
                self.customers.open_payment.connect(self.jump_to)
            case Panel.PAYMENTS:
                self.payments.open_customer.connect(lambda cid: self.jump_to("customers", cid))
            case Panel.SUBSCRIPTIONS:
                self.subscriptions.open_object.connect(self.jump_to)
            case Panel.INVOICES:
                self.invoices.open_object.connect(self.jump_to)
            case Panel.REFUNDS:
                self.refunds.open_object.connect(self.jump_to)
            case Panel.DISPUTES:
                self.disputes.open_object.connect(self.jump_to)
            case Panel.ACTIVITY:
                for at, notice in self.notices:
                    self.activity.add_notice(notice, at)
            case Panel.SALE:
                self.sale.collect_requested.connect(self._collect_cart)
                self.collect.cart_done.connect(self.sale.clear)
                self.sale.cart_changed.connect(self.collect.reader.follow_cart)
            case Panel.ACCOUNTS:
                self.accounts.act_as_requested.connect(self.act_as_requested)

    @property
    def dashboard(self) -> DashboardPanel:
        """The dashboard (built on first use, as every panel below)."""
        return cast("DashboardPanel", self.panel(Panel.DASHBOARD))

    @property
    def collect(self) -> CollectPanel:
        """The collect screen."""
        return cast("CollectPanel", self.panel(Panel.COLLECT))

    @property
    def customers(self) -> CustomersPanel:
        """The customers panel."""
        return cast("CustomersPanel", self.panel(Panel.CUSTOMERS))

    @property
    def payments(self) -> PaymentsPanel:
        """The payments panel."""
        return cast("PaymentsPanel", self.panel(Panel.PAYMENTS))

    @property
    def subscriptions(self) -> SubscriptionsPanel:
        """The subscriptions panel."""
        return cast("SubscriptionsPanel", self.panel(Panel.SUBSCRIPTIONS))

    @property
    def invoices(self) -> InvoicesPanel:
        """The invoices panel."""
        return cast("InvoicesPanel", self.panel(Panel.INVOICES))

    @property
    def refunds(self) -> RefundsPanel:
        """The refunds panel."""
        return cast("RefundsPanel", self.panel(Panel.REFUNDS))

    @property
    def disputes(self) -> DisputesPanel:
        """The disputes panel."""
        return cast("DisputesPanel", self.panel(Panel.DISPUTES))

    @property
    def activity(self) -> ActivityPanel:
        """The activity panel."""
        return cast("ActivityPanel", self.panel(Panel.ACTIVITY))

    @property
    def sale(self) -> SalePanel:
        """The sale screen."""
        return cast("SalePanel", self.panel(Panel.SALE))

    @property
    def products(self) -> ProductsPanel:
        """The products panel."""
        return cast("ProductsPanel", self.panel(Panel.PRODUCTS))

    @property
    def balance(self) -> BalancePanel:
        """The balance panel."""
        return cast("BalancePanel", self.panel(Panel.BALANCE))

    @property
    def payouts(self) -> PayoutsPanel:
        """The payouts panel."""
        return cast("PayoutsPanel", self.panel(Panel.PAYOUTS))

    @property
    def connect_panel(self) -> ConnectPanel:
        """The Connect panel."""
        return cast("ConnectPanel", self.panel(Panel.ACCOUNTS))

    @property
    def accounts(self) -> AccountsPanel:
        """The Connect panel's connected accounts."""
        return self.connect_panel.accounts

    def _collect_cart(self, cart: Cart) -> None:
        """The sale screen's cart goes to the collect screen to be paid."""
        if self.collect.take_cart(cart):
            self.show_panel(Panel.COLLECT)
        else:
            self.toasts.show_toast(self.tr("Finish the sale on the collect screen first."))

    def current_panel(self) -> Panel:
        """The panel shown."""
        return Panel(self.stack.currentIndex())

    def jump_to(self, table: str, object_id: str) -> bool:
        """Show the panel that lists `table` and select `object_id` there."""
        panel = PANEL_FOR_TABLE.get(table)
        if panel is None:
            return False
        self.show_panel(panel)
        widget = self.panel(panel)
        return isinstance(widget, ObjectPanel) and widget.show_object(object_id)

    def open_filtered(self, wanted: ListFilter) -> bool:
        """Show the panel that lists `wanted.table`, filtered by its status (and period or
        day)."""
        panel = PANEL_FOR_TABLE.get(wanted.table)
        if panel is None:
            return False
        self.show_panel(panel)
        widget = self.panel(panel)
        view = getattr(widget, "list", None)
        if not isinstance(view, CacheListView):
            return False
        view.status_filter.setCurrentIndex(max(view.status_filter.findData(wanted.status), 0))
        if wanted.period is not None and panel is Panel.REFUNDS:
            self.refunds.set_period(wanted.period)
        bar = getattr(widget, "filter_bar", None)
        if wanted.day is not None and isinstance(bar, FilterBar):
            day = QDate.fromString(wanted.day, Qt.DateFormat.ISODate)
            bar.set_days(day, day)
        return True

    def open_search(self) -> SearchDialog:
        """Open the global search (Ctrl+K)."""
        dialog = SearchDialog(self.state.cache, self.state.formats, self)
        dialog.chosen.connect(self.jump_to)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _panel_changed(self, row: int) -> None:
        self.panel(Panel(row))
        self.stack.setCurrentIndex(row)
        self.state.ui_settings.setValue("window/panel", row)
        if row == Panel.ACTIVITY:
            self.unread = 0
            self.status.set_unread(0)

    def _notified(self, notice: Notification) -> None:
        self.notices.append((time.time(), notice))
        if self.collect.explains(notice):
            return
        self.toasts.show_toast(notice_text(notice, self.state.formats))
        if self.current_panel() != Panel.ACTIVITY:
            self.unread += 1
            self.status.set_unread(self.unread)

    def _look_up_unknown_outcomes(self) -> None:
        # The Activity panel looks writes of unknown outcome up at Stripe whenever the app
        # is online; built on first use, it is built as soon as there are some to look up.
        if (self.state.online and not self.is_built(Panel.ACTIVITY)
                and unsettled_writes(self.state.session)):
            self.panel(Panel.ACTIVITY)

    def _online_changed(self, online: bool, reason: str) -> None:
        if online == self._was_online:
            return
        self._was_online = online
        notice = ConnectionChanged(online, reason)
        self.toasts.show_toast(notice_text(notice, self.state.formats))

    def closeEvent(self, event: QCloseEvent) -> None:
        """Remember the geometry (each list remembers its columns as they change)."""
        self.state.ui_settings.setValue("window/geometry", self.saveGeometry())
        self.state.ui_settings.sync()
        super().closeEvent(event)
