"""`PayoutsPanel`: payouts with status, arrival date and amount; the selected payout's
detail lists the balance transactions it settled and whether they add up to it (the
bookkeeper's reconciliation), exported to CSV; a manual payout after a confirmation."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from posapp.gateway import GatewayError
from posapp.money import parse_amount
from posapp.services import balance
from posapp.services.exports import write_export

from ..common.app_state import AppState
from ..common.confirm import confirm
from ..common.csv_export import choose_csv_path, csv_money, csv_time
from ..common.errors import error_text
from ..common.theme import DANGER_COLOR, SUCCESS_COLOR, set_role
from ..widgets.list_panel import ListPanel
from .balance_panel import TRANSACTION_COLUMNS
from .models import PAYOUT_STATUSES, PayoutListModel, payout_status_text, type_text

PAYOUT_COLUMNS = (
    ("id", lambda p: p["id"]),
    ("created", lambda p: csv_time(p.get("created"))),
    ("arrival_date", lambda p: csv_time(p.get("arrival_date"))),
    ("amount", lambda p: csv_money(p.get("amount"), p.get("currency"))),
    ("currency", lambda p: str(p.get("currency") or "").upper()),
    ("status", lambda p: p.get("status")),
    ("automatic", lambda p: "yes" if p.get("automatic") else "no"),
    ("failure", lambda p: p.get("failure_message")),
)


class PayoutDetail(QWidget):
    """One payout and the balance transactions it settled."""

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._state = state
        self.reconciliation: balance.PayoutReconciliation | None = None
        self.heading = QLabel()
        self.heading.setObjectName("bigAmount")
        self.facts = QLabel()
        self.facts.setWordWrap(True)
        self.adds_up = QLabel()
        self.adds_up.setWordWrap(True)
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels([self.tr("Created"), self.tr("Type"),
                                              self.tr("Amount"), self.tr("Fee"),
                                              self.tr("Net")])
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(False)
        self.export = QPushButton(self.tr("Export reconciliation CSV…"))
        self.export.setEnabled(False)
        self.export.clicked.connect(self._ask_export)
        layout = QVBoxLayout(self)
        for widget in (self.heading, self.facts, self.adds_up):
            layout.addWidget(widget)
        layout.addWidget(QLabel(self.tr("Balance transactions in this payout")))
        layout.addWidget(self.table, 1)
        layout.addWidget(self.export)

    def show_payout(self, payout: dict[str, Any]) -> None:
        """Show `payout` and fetch what it settled (from the cache when offline)."""
        if not payout:
            return
        f = self._state.formats
        self.heading.setText(f.money(payout.get("amount"), payout.get("currency")))
        facts = self.tr("%1 · arrives %2 · %3").replace(
            "%1", payout_status_text(payout.get("status"))).replace(
            "%2", f.date(payout.get("arrival_date"))).replace(
            "%3", self.tr("automatic") if payout.get("automatic") else self.tr("manual"))
        if payout.get("failure_message"):
            facts += "\n" + str(payout["failure_message"])
        self.facts.setText(facts)
        self.adds_up.setText(self.tr("Reading the transactions…"))
        self.table.setRowCount(0)
        self.export.setEnabled(False)
        self._state.spawn(self.load(str(payout["id"])))

    async def load(self, payout_id: str) -> None:
        """Fetch the payout's settled transactions (offline: as last read)."""
        session = self._state.session
        try:
            found = await self._state.run(balance.payout_reconciliation, session, payout_id,
                                          online=self._state.online)
        except GatewayError:
            found = await self._state.worker.run(balance.payout_reconciliation, session,
                                                 payout_id, online=False)
        self.show_reconciliation(found)

    def show_reconciliation(self, found: balance.PayoutReconciliation) -> None:
        """Fill the table and say whether the transactions add up to the payout."""
        self.reconciliation = found
        f = self._state.formats
        rows = [t for t in found.transactions if t.get("type") != "payout"]
        self.table.setRowCount(len(rows))
        for row, txn in enumerate(rows):
            cells = (f.date(txn.get("created")), type_text(txn.get("type")),
                     f.money(txn.get("amount"), txn.get("currency")),
                     f.money(txn.get("fee"), txn.get("currency")),
                     f.money(txn.get("net"), txn.get("currency")))
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        currency = found.payout.get("currency")
        total = f.money(found.settled_net, currency)
        if not rows:
            self.adds_up.setText(self.tr("Stripe lists no transactions for this payout "
                                         "(manual payouts are not itemised)."))
        elif found.adds_up:
            self.adds_up.setText(self.tr("%1 transactions, net %2: they add up to the payout.")
                                 .replace("%1", f.number(len(rows))).replace("%2", total))
            self.adds_up.setStyleSheet(f"color: {SUCCESS_COLOR}")
        else:
            self.adds_up.setText(self.tr("%1 transactions, net %2: they do not add up to the "
                                         "payout.").replace("%1", f.number(len(rows)))
                                 .replace("%2", total))
            self.adds_up.setStyleSheet(f"color: {DANGER_COLOR}")
        self.export.setEnabled(bool(found.transactions))

    async def export_reconciliation(self, path: Path) -> int:
        """Write the payout's transactions (its own `payout` row included) to `path`."""
        assert self.reconciliation is not None
        txns = list(self.reconciliation.transactions)
        rows = ({h: cell(t) for h, cell in TRANSACTION_COLUMNS} for t in txns)
        return await self._state.worker.run(write_export, rows, path,
                                            [h for h, _ in TRANSACTION_COLUMNS],
                                            zone=self._state.formats.zone)

    def _ask_export(self) -> None:
        assert self.reconciliation is not None
        path = choose_csv_path(self, f"payout-{self.reconciliation.payout['id']}.csv")
        if path is not None:
            self._state.spawn(self.export_reconciliation(path))


class PayoutsPanel(ListPanel[PayoutListModel]):
    """Payouts, what each settled, and a manual payout when the account allows it."""

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(state, PayoutListModel(state.cache, state.formats), "lists/payouts",
                         [(s, payout_status_text(s)) for s in PAYOUT_STATUSES], parent)
        self.pay_out = self.add_money_button(QPushButton(self.tr("Pay out…")))
        self.pay_out.clicked.connect(self._ask_payout)
        self.unknown: tuple[int, str, str] | None = None
        """(amount, currency, key) of a payout Stripe did not answer: it is only ever sent
        again with the same key ("Check again"), never as a new payout."""
        self.add_csv_export(
            PAYOUT_COLUMNS, "payouts.csv", self.tr("Save the payouts the list shows as a CSV "
                                                   "file"),
            lambda count, path: self.tr("%1 payouts saved to %2")
            .replace("%1", state.formats.number(count)).replace("%2", path.name))
        self.detail = PayoutDetail(state)
        self.list.selected.connect(self.detail.show_payout)
        self.finish_layout(self.detail, (700, 540), ("payouts",),
                           placeholder=self.tr("Select a payout to see what it paid out."))

    def _ask_payout(self) -> None:
        if self.unknown is not None:
            self._state.spawn(self.create_payout(*self.unknown))
            return
        lines = balance.balance_summary(self._state.session)
        currency = lines[0].currency if lines else self._state.settings.default_currency
        available = lines[0].available if lines else 0
        f = self._state.formats
        text, ok = QInputDialog.getText(
            self, self.tr("Pay out"), self.tr("Amount to pay out to the bank (%1 available):")
            .replace("%1", f.money(available, currency)))
        if not ok or not text.strip():
            return
        try:
            amount = parse_amount(text, currency, self._state.language, minimum=False)
        except ValueError as error:
            set_role(self.message, "error")
            self.message.setText(error_text(error))
            return
        if not confirm(self, self._state.profile.mode, self.tr("Pay out"),
                       self.tr("Pay %1 out to the bank now?").replace(
                           "%1", f.money(amount, currency))):
            return
        self._state.spawn(self.create_payout(amount, currency, str(uuid.uuid4())))

    async def create_payout(self, amount: int, currency: str, key: str) -> dict[str, Any] | None:
        """Make the confirmed payout with its own key (a second click pays out once)."""
        self.pay_out.setEnabled(False)
        try:
            payout = await self._state.run(balance.create_manual_payout, self._state.session,
                                           amount, currency, idempotency_key=key)
        except (GatewayError, ValueError) as error:
            # Offline now, perhaps: the button's state first, then the message says why.
            self.update_actions()
            set_role(self.message, "error")
            if isinstance(error, GatewayError) and error.idempotency_key:
                self.unknown = (amount, currency, key)
                self.pay_out.setText(self.tr("Check payout again"))
                self.message.setText(self.tr(
                    "We don't know yet whether the payout of %1 was made: Stripe did not "
                    "answer. Check again: it cannot pay out twice.").replace(
                    "%1", self._state.formats.money(amount, currency)))
            else:  # refused by Stripe, or locally beyond the available balance
                self.message.setText(error_text(error))
            return None
        self.update_actions()
        self.unknown = None
        self.pay_out.setText(self.tr("Pay out…"))
        set_role(self.message, "muted")
        self.message.setText(self.tr("Payout of %1 on its way.").replace(
            "%1", self._state.formats.money(amount, currency)))
        return payout
