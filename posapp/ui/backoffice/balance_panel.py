"""`BalancePanel`: available and pending balance per currency, the payouts on their way,
and the balance transactions (type, amount, fee, net, availability) filtered by type and
period, exported to CSV; read from the cache, so it works offline. "Refresh" asks Stripe
(balance transactions have no events: pending ones become available on their own)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QComboBox, QLabel, QPushButton, QWidget

from posapp.services import balance
from posapp.services.session import Session

from ..activity.object_detail import ObjectDetail
from ..common.app_state import AppState
from ..common.csv_export import csv_money, csv_time
from ..common.errors import error_text
from ..common.theme import set_role
from ..refunds.refunds_panel import Period, period_start
from ..widgets.list_panel import ListPanel
from .models import TRANSACTION_TYPES, BalanceTransactionListModel, type_text

TRANSACTION_COLUMNS = (
    ("id", lambda t: t["id"]),
    ("created", lambda t: csv_time(t.get("created"))),
    ("type", lambda t: t.get("type")),
    ("amount", lambda t: csv_money(t.get("amount"), t.get("currency"))),
    ("fee", lambda t: csv_money(t.get("fee"), t.get("currency"))),
    ("net", lambda t: csv_money(t.get("net"), t.get("currency"))),
    ("currency", lambda t: str(t.get("currency") or "").upper()),
    ("status", lambda t: t.get("status")),
    ("available_on", lambda t: csv_time(t.get("available_on"))),
    ("source", lambda t: t.get("source")),
    ("description", lambda t: t.get("description")),
)
"""The CSV columns of balance transactions (the payouts panel's reconciliation too)."""


def refresh_books(session: Session) -> None:
    """Balance, recent balance transactions and payouts from Stripe into the cache."""
    balance.refresh_balance(session)
    balance.refresh_balance_transactions(session)
    balance.refresh_payouts(session)


class BalancePanel(ListPanel[BalanceTransactionListModel]):
    """What Stripe holds for the account, and every movement of money with its fee."""

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(state, BalanceTransactionListModel(state.cache, state.formats),
                         "lists/balance_transactions", (), parent)
        self.summary = QLabel()
        font = self.summary.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.summary.setFont(font)
        self.next_payouts = QLabel()
        self.next_payouts.setObjectName("muted")
        self.next_payouts.setWordWrap(True)
        self.kind = QComboBox()
        self.kind.addItem(self.tr("All types"), None)
        for kind in TRANSACTION_TYPES:
            self.kind.addItem(type_text(kind), kind)
        self.kind.currentIndexChanged.connect(lambda _i: self.apply_filters())
        self.period = QComboBox()
        for period, label in ((Period.TODAY, self.tr("Today")),
                              (Period.WEEK, self.tr("Last 7 days")),
                              (Period.MONTH, self.tr("This month")),
                              (Period.DAYS_30, self.tr("Last 30 days")),
                              (Period.ALL, self.tr("All time"))):
            self.period.addItem(label, period.value)
        self.period.setCurrentIndex(self.period.findData(Period.ALL.value))
        self.period.currentIndexChanged.connect(lambda _i: self.apply_filters())
        self._asked = False
        self.refresh = QPushButton(self.tr("Refresh"))
        self.refresh.setToolTip(self.tr("Read the balance, recent balance transactions and "
                                        "payouts from Stripe"))
        self.refresh.clicked.connect(lambda: state.spawn(self.refresh_from_stripe()))
        self.toolbar.addWidget(self.summary)
        self.toolbar.addWidget(self.next_payouts, 1)
        self.toolbar.addWidget(self.refresh)
        self.add_csv_export(
            TRANSACTION_COLUMNS, "balance-transactions.csv",
            self.tr("Save the balance transactions the list shows as a CSV file"),
            lambda count, path: self.tr("%1 balance transactions saved to %2")
            .replace("%1", state.formats.number(count)).replace("%2", path.name))
        self.filters.addWidget(QLabel(self.tr("Type")))
        self.filters.addWidget(self.kind)
        self.filters.addWidget(QLabel(self.tr("Period")))
        self.filters.addWidget(self.period)
        self.filters.addStretch(1)
        self.detail = ObjectDetail(state.formats, lambda t: state.dashboard_url(t["id"]))
        self.list.selected.connect(self.detail.show_object)
        self.finish_layout(self.detail, (820, 420),
                           ("balance_transactions", "payouts", "charges", "refunds"),
                           self.reload_all)

    def showEvent(self, event: QShowEvent) -> None:
        """Shown for the first time with no balance read yet: read it (online)."""
        super().showEvent(event)
        if not self._asked and self._state.online and \
                not balance.balance_summary(self._state.session):
            self._asked = True
            self._state.spawn(self.refresh_from_stripe())

    def apply_filters(self) -> None:
        """Narrow the transactions to the chosen type and period."""
        self.model.set_filters({"type": self.kind.currentData()})
        self.model.set_created_range(
            period_start(Period(self.period.currentData()), zone=self._state.formats.zone), None)

    def reload_all(self) -> None:
        """The summary and the list from the cache."""
        formats = self._state.formats
        lines = balance.balance_summary(self._state.session)
        if lines:
            self.summary.setText("   ".join(
                self.tr("%1 available · %2 pending")
                .replace("%1", formats.money(line.available, line.currency))
                .replace("%2", formats.money(line.pending, line.currency)) for line in lines))
        else:
            self.summary.setText(self.tr("Balance not read yet: press Refresh."))
        coming = self._state.cache.page("payouts", filters={"status": ["pending",
                                                                      "in_transit"]}).rows
        self.next_payouts.setText(
            self.tr("Next payouts: %1").replace("%1", ", ".join(
                f"{formats.money(p['amount'], p['currency'])} ({formats.date(p['arrival_date'])})"
                for p in coming[:3]))
            if coming else self.tr("No payout on its way."))
        self.apply_filters()

    async def refresh_from_stripe(self) -> None:
        """Ask Stripe for the balance, recent transactions and payouts."""
        self.refresh.setEnabled(False)
        set_role(self.message, "muted")
        self.message.setText(QCoreApplication.translate("BalancePanel", "Reading from Stripe…"))
        try:
            await self._state.run(refresh_books, self._state.session)
        except Exception as error:  # shown inline: offline, refused
            set_role(self.message, "error")
            self.message.setText(error_text(error))
            return
        finally:
            self.refresh.setEnabled(True)
        self.message.clear()
