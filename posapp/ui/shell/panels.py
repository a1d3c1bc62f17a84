"""The main window's panels, and how each one is made: `Panel` (the navigation entries)
and `BUILDERS`, one function per panel that imports the panel's module and builds it.

The window builds a panel the first time it is shown or asked for (`MainWindow.panel`), not
at start-up: the panels' modules, imported after Qt, cost ~0.27 s of PySide6's per-module
check and their construction more, while the first paint needs only the panel the window
opens on (docs/performance.md). This is why the imports below are inside functions, the
one place in the shell allowed to (tests/test_layers.py, FUNCTION_LEVEL_IMPORTS).
"""

from __future__ import annotations

from collections.abc import Callable
from enum import IntEnum
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from ..common.app_state import AppState

if TYPE_CHECKING:
    from ..activity.activity_panel import ActivityPanel
    from ..backoffice.balance_panel import BalancePanel
    from ..backoffice.connect_panel import ConnectPanel
    from ..backoffice.payouts_panel import PayoutsPanel
    from ..catalogue.products_panel import ProductsPanel
    from ..catalogue.sale_panel import SalePanel
    from ..customers.customers_panel import CustomersPanel
    from ..dashboard.dashboard_panel import DashboardPanel
    from ..disputes.disputes_panel import DisputesPanel
    from ..invoices.invoices_panel import InvoicesPanel
    from ..payments.collect_panel import CollectPanel
    from ..payments.payments_panel import PaymentsPanel
    from ..refunds.refunds_panel import RefundsPanel
    from ..subscriptions.subscriptions_panel import SubscriptionsPanel


class Panel(IntEnum):
    """The navigation entries, in order (Ctrl+1 … Ctrl+9, then Ctrl+0; the rest have none)."""

    DASHBOARD = 0
    COLLECT = 1
    CUSTOMERS = 2
    PAYMENTS = 3
    SUBSCRIPTIONS = 4
    INVOICES = 5
    REFUNDS = 6
    DISPUTES = 7
    ACTIVITY = 8
    SALE = 9
    PRODUCTS = 10
    BALANCE = 11
    PAYOUTS = 12
    ACCOUNTS = 13


def dashboard(state: AppState) -> DashboardPanel:
    """The dashboard (its figures computed once it is built)."""
    from ..dashboard.dashboard_panel import DashboardPanel

    return DashboardPanel(state)


def collect(state: AppState) -> CollectPanel:
    """The collect screen."""
    from ..payments.collect_panel import CollectPanel

    return CollectPanel(state)


def customers(state: AppState) -> CustomersPanel:
    """The customers list and detail."""
    from ..customers.customers_panel import CustomersPanel

    return CustomersPanel(state)


def payments(state: AppState) -> PaymentsPanel:
    """The payments list and detail."""
    from ..payments.payments_panel import PaymentsPanel

    return PaymentsPanel(state)


def subscriptions(state: AppState) -> SubscriptionsPanel:
    """The subscriptions list and detail."""
    from ..subscriptions.subscriptions_panel import SubscriptionsPanel

    return SubscriptionsPanel(state)


def invoices(state: AppState) -> InvoicesPanel:
    """The invoices list and detail."""
    from ..invoices.invoices_panel import InvoicesPanel

    return InvoicesPanel(state)


def refunds(state: AppState) -> RefundsPanel:
    """The refunds list."""
    from ..refunds.refunds_panel import RefundsPanel

    return RefundsPanel(state)


def disputes(state: AppState) -> DisputesPanel:
    """The disputes list and detail."""
    from ..disputes.disputes_panel import DisputesPanel

    return DisputesPanel(state)


def activity(state: AppState) -> ActivityPanel:
    """Notifications, this app's actions and the Stripe events applied."""
    from ..activity.activity_panel import ActivityPanel

    return ActivityPanel(state)


def sale(state: AppState) -> SalePanel:
    """The sale screen (catalogue and cart)."""
    from ..catalogue.sale_panel import SalePanel

    return SalePanel(state)


def products(state: AppState) -> ProductsPanel:
    """Products, prices, coupons and tax rates."""
    from ..catalogue.products_panel import ProductsPanel

    return ProductsPanel(state)


def balance(state: AppState) -> BalancePanel:
    """The balance and its transactions."""
    from ..backoffice.balance_panel import BalancePanel

    return BalancePanel(state)


def payouts(state: AppState) -> PayoutsPanel:
    """The payouts list."""
    from ..backoffice.payouts_panel import PayoutsPanel

    return PayoutsPanel(state)


def connect(state: AppState) -> ConnectPanel:
    """A platform's connected accounts, transfers and application fees."""
    from ..backoffice.connect_panel import ConnectPanel

    return ConnectPanel(state)


BUILDERS: dict[Panel, Callable[[AppState], QWidget]] = {
    Panel.DASHBOARD: dashboard, Panel.COLLECT: collect, Panel.CUSTOMERS: customers,
    Panel.PAYMENTS: payments, Panel.SUBSCRIPTIONS: subscriptions, Panel.INVOICES: invoices,
    Panel.REFUNDS: refunds, Panel.DISPUTES: disputes, Panel.ACTIVITY: activity,
    Panel.SALE: sale, Panel.PRODUCTS: products, Panel.BALANCE: balance,
    Panel.PAYOUTS: payouts, Panel.ACCOUNTS: connect,
}
