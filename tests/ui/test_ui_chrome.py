"""The window's chrome: the mode badge and accent say which account money moves on, the
status bar shows backfill progress per type, and the window remembers its last panel."""

from __future__ import annotations

from pathlib import Path

import qasync
import stripe
from PySide6.QtWidgets import QApplication
from ui_support import demo_controller, run, wait_until

from posapp.sandbox import Sandbox
from posapp.ui.common.app_state import ProfileView
from posapp.ui.common.theme import MODE_COLORS, DisplayMode
from posapp.ui.shell.main_window import MainWindow, Panel
from posapp.ui.shell.top_bar import TopBar
from posapp.worker import Worker


def test_live_badge_is_red_and_test_amber(qapp: QApplication) -> None:
    live = TopBar(ProfileView("Shop", "Real shop", "acct_1", DisplayMode.LIVE), ["Shop"])
    assert live.badge.text() == "LIVE"
    assert MODE_COLORS[DisplayMode.LIVE] in live.badge.styleSheet()
    assert "real cards" in live.badge.toolTip()
    test = TopBar(ProfileView("Shop", "Real shop", "acct_1", DisplayMode.TEST), ["Shop"])
    assert test.badge.text() == "TEST"
    assert MODE_COLORS[DisplayMode.TEST] in test.badge.styleSheet()
    assert MODE_COLORS[DisplayMode.TEST] != MODE_COLORS[DisplayMode.LIVE]


def test_backfill_progress_per_type_and_remembered_panel(
        loop: qasync.QEventLoop, tmp_path: Path, sandbox: Sandbox, worker: Worker,
        client: stripe.StripeClient) -> None:
    for i in range(120):
        client.v1.customers.create(params={"name": f"Bulk {i}"})
    controller = demo_controller(tmp_path, sandbox, worker)
    run(loop, controller.start())
    window = controller.window
    assert isinstance(window, MainWindow)
    wait_until(loop, lambda: "Customers: 120" in window.status.progress.toolTip(),
               "backfill progress for customers")
    wait_until(loop, window.status.progress.isHidden, "the backfill to end")
    assert window.customers.model.total() == 120
    wait_until(loop, lambda: window.status.synced_label.text() == "Synced just now",
               "the last-synced time")
    window.show_panel(Panel.PAYMENTS)
    window.close()
    controller.shutdown()

    again = demo_controller(tmp_path, sandbox, worker)
    run(loop, again.start())
    reopened = again.window
    assert isinstance(reopened, MainWindow)
    assert reopened.current_panel() is Panel.PAYMENTS
    again.shutdown()
