"""`SyncStatusBar`: online/offline, last synced, backfill progress per type, unread count."""

from __future__ import annotations

import time
from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication, QTimer, Signal
from PySide6.QtWidgets import QLabel, QProgressBar, QPushButton, QStatusBar, QWidget

from ..common.format import Formats
from ..common.resources import icon
from ..common.theme import set_role


def table_title(table: str) -> str:
    """A cached table's name for people (`payment_intents` → "Payments")."""
    names = {
        "customers": QCoreApplication.translate("Tables", "Customers"),
        "payment_methods": QCoreApplication.translate("Tables", "Payment methods"),
        "payment_intents": QCoreApplication.translate("Tables", "Payments"),
        "charges": QCoreApplication.translate("Tables", "Charges"),
        "refunds": QCoreApplication.translate("Tables", "Refunds"),
        "disputes": QCoreApplication.translate("Tables", "Disputes"),
        "products": QCoreApplication.translate("Tables", "Products"),
        "prices": QCoreApplication.translate("Tables", "Prices"),
        "subscriptions": QCoreApplication.translate("Tables", "Subscriptions"),
        "invoices": QCoreApplication.translate("Tables", "Invoices"),
        "checkout_sessions": QCoreApplication.translate("Tables", "Checkout sessions"),
        "payment_links": QCoreApplication.translate("Tables", "Payment links"),
        "terminal_readers": QCoreApplication.translate("Tables", "Card readers"),
        "terminal_locations": QCoreApplication.translate("Tables", "Reader locations"),
        "events": QCoreApplication.translate("Tables", "Events"),
    }
    return names.get(table, table)


class SyncStatusBar(QStatusBar):
    """The window's status bar; the owner feeds it state, it never asks for any."""

    notifications_clicked = Signal()

    def __init__(self, formats: Formats, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._formats = formats
        self._last_synced: float | None = None
        self.online_label = QLabel()
        self.synced_label = QLabel()
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(220)
        self.progress.setTextVisible(True)
        self.progress.hide()
        self.unread_button = QPushButton(icon("bell"), "")
        self.unread_button.setFlat(True)
        self.unread_button.setToolTip(self.tr("Notifications (open Activity)"))
        self.unread_button.clicked.connect(self.notifications_clicked)
        self.addPermanentWidget(self.progress)
        self.addPermanentWidget(self.synced_label)
        self.addPermanentWidget(self.online_label)
        self.addPermanentWidget(self.unread_button)
        self._ticker = QTimer(self, interval=30_000)
        self._ticker.timeout.connect(self._show_synced)
        self._ticker.start()
        self.set_online(True, "")
        self.set_unread(0)
        self._show_synced()

    def set_online(self, online: bool, reason: str) -> None:
        """Show whether Stripe can be reached; `reason` explains an offline state."""
        if online:
            self.online_label.setText(self.tr("Online"))
            set_role(self.online_label, "")
            self.online_label.setToolTip("")
        else:
            self.online_label.setText(self.tr("Offline — showing cached data"))
            set_role(self.online_label, "reason")
            self.online_label.setToolTip(reason)

    @property
    def last_synced(self) -> float | None:
        """The sync time the bar shows (Unix time; None before the first sync)."""
        return self._last_synced

    def set_last_synced(self, when: float | None) -> None:
        """When the cache last caught up with Stripe (Unix time)."""
        self._last_synced = when
        self._show_synced()

    def set_backfill(self, done: Mapping[str, int], finished: frozenset[str],
                     remaining: int | None) -> None:
        """Show a backfill under way: objects per type, and a bar when the total is known."""
        total_done = sum(done.values())
        if remaining is None:
            self.progress.setRange(0, 0)
        else:
            self.progress.setRange(0, total_done + remaining)
            self.progress.setValue(total_done)
        text = self.tr("Syncing… %1").replace("%1", self._formats.number(total_done))
        self.progress.setFormat(text)
        lines = [f"{table_title(t)}: {self._formats.number(n)}"
                 + (" ✓" if t in finished else "") for t, n in sorted(done.items())]
        self.progress.setToolTip("\n".join(lines))
        self.progress.show()

    def end_backfill(self) -> None:
        """Hide the backfill progress."""
        self.progress.hide()

    def set_unread(self, count: int) -> None:
        """The number of notifications not yet seen in Activity."""
        self.unread_button.setText(self._formats.number(count) if count else "")

    def _show_synced(self) -> None:
        if self._last_synced is None:
            self.synced_label.setText(self.tr("Not synced yet"))
            return
        minutes = int((time.time() - self._last_synced) // 60)
        if minutes < 1:
            text = self.tr("Synced just now")
        elif minutes < 60:
            text = self.tr("Synced %n minute(s) ago", "", minutes)
        else:
            text = self.tr("Last synced %1").replace(
                "%1", self._formats.datetime(self._last_synced))
        self.synced_label.setText(text)
