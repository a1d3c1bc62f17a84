"""`ConnectPanel`: a platform's side of Stripe Connect in three tabs — connected accounts
(`AccountsPanel`), the application fees collected on their charges, and the transfers sent
to them (reversals shown) — each from the cache, exported to CSV."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton, QTabWidget, QWidget

from posapp.services import connect

from ..activity.object_detail import ObjectDetail
from ..common.app_state import AppState
from ..common.csv_export import CsvColumn, csv_money, csv_time
from ..common.errors import error_text
from ..common.table_model import CacheTableModel
from ..common.theme import set_role
from ..widgets.list_panel import ListPanel
from .accounts_panel import AccountsPanel
from .models import ApplicationFeeListModel, TransferListModel

FEE_COLUMNS: tuple[CsvColumn, ...] = (
    ("id", lambda r: r["id"]),
    ("created", lambda r: csv_time(r.get("created"))),
    ("amount", lambda r: csv_money(r.get("amount"), r.get("currency"))),
    ("refunded", lambda r: csv_money(r.get("amount_refunded"), r.get("currency"))),
    ("currency", lambda r: str(r.get("currency") or "").upper()),
    ("account", lambda r: r.get("account")),
    ("charge", lambda r: r.get("originating_transaction") or r.get("charge")),
)
TRANSFER_COLUMNS: tuple[CsvColumn, ...] = (
    ("id", lambda r: r["id"]),
    ("created", lambda r: csv_time(r.get("created"))),
    ("amount", lambda r: csv_money(r.get("amount"), r.get("currency"))),
    ("reversed", lambda r: csv_money(r.get("amount_reversed"), r.get("currency"))),
    ("currency", lambda r: str(r.get("currency") or "").upper()),
    ("destination", lambda r: r.get("destination")),
    ("source_charge", lambda r: r.get("source_transaction")),
)


class PlatformListPanel(ListPanel[CacheTableModel]):
    """Application fees or transfers: the list, the selected one's fields, CSV and a
    refresh from Stripe (events keep them current meanwhile)."""

    def __init__(self, state: AppState, model: CacheTableModel, key: str,
                 columns: tuple[CsvColumn, ...], file_name: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(state, model, key, (), parent)
        self.refresh = QPushButton(self.tr("Refresh"))
        self.refresh.clicked.connect(lambda: state.spawn(self.load()))
        self.add_money_button(self.refresh, lambda: state.session.acting_as is None)
        self.add_csv_export(
            columns, file_name,
            self.tr("Save what the list shows as a CSV file"),
            lambda count, path: self.tr("%1 rows saved to %2")
            .replace("%1", state.formats.number(count)).replace("%2", path.name))
        detail = ObjectDetail(state.formats, lambda o: state.dashboard_url(o["id"]))
        self.list.selected.connect(detail.show_object)
        self.finish_layout(detail, (760, 480), (model.table,))

    async def load(self) -> None:
        """The latest application fees and transfers from Stripe into the cache."""
        try:
            await self._state.run(connect.refresh_platform_lists, self._state.session)
        except Exception as error:  # shown inline: offline, refused
            set_role(self.message, "error")
            self.message.setText(error_text(error))
            return


class ConnectPanel(QTabWidget):
    """Connected accounts, application fees and transfers."""

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.accounts = AccountsPanel(state)
        self.fees = PlatformListPanel(state, ApplicationFeeListModel(state.cache, state.formats),
                                      "lists/application_fees", FEE_COLUMNS,
                                      "application-fees.csv")
        self.transfers = PlatformListPanel(state, TransferListModel(state.cache, state.formats),
                                           "lists/transfers", TRANSFER_COLUMNS, "transfers.csv")
        self.addTab(self.accounts, self.tr("Connected accounts"))
        self.addTab(self.fees, self.tr("Application fees"))
        self.addTab(self.transfers, self.tr("Transfers"))

    def show_object(self, object_id: str) -> bool:
        """Select a connected account, application fee or transfer in its tab."""
        for prefix, panel in (("fee_", self.fees), ("tr_", self.transfers),
                              ("acct_", self.accounts)):
            if object_id.startswith(prefix):
                self.setCurrentWidget(panel)
                return panel.show_object(object_id)
        return False
