"""The window's chrome: the mode badge and accent say which account money moves on, the
status bar shows backfill progress per type, the window remembers its last panel, and a
panel first opened late shows what happened before it was built."""

from __future__ import annotations

from pathlib import Path

import qasync
import stripe
from PySide6.QtWidgets import QApplication
from ui_support import demo_controller, run, sync_now, wait_until

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


def test_a_panel_opened_late_shows_what_came_before_it_was_built(
        loop: qasync.QEventLoop, window: MainWindow, client: stripe.StripeClient) -> None:
    # The window opened on the collect screen and built no other panel (a quicker start).
    assert [p for p in Panel if window.is_built(p)] == [Panel.COLLECT]
    buyer = client.v1.customers.create(params={"name": "Late Lou"})
    paid = client.v1.payment_intents.create(params={
        "amount": 1250, "currency": "usd", "customer": buyer.id,
        "payment_method": "pm_card_visa", "confirm": True})
    refund = client.v1.refunds.create(params={"payment_intent": paid.id, "amount": 250})
    window.state.expect_activity()
    wait_until(loop, lambda: window.unread > 0, "the payment's notification")
    sync_now(loop, window)
    assert not window.is_built(Panel.ACTIVITY)

    window.show_panel(Panel.ACTIVITY)
    notices = [window.activity.notices.item(i).text()
               for i in range(window.activity.notices.count())]
    assert any("$12.50" in text for text in notices)
    assert window.unread == 0
    assert window.jump_to("customers", buyer.id)  # built by the jump, the sync's rows in it
    assert window.jump_to("refunds", refund.id)
    window.refunds.open_payment.click()  # its signal was connected when it was built
    assert window.current_panel() is Panel.PAYMENTS
    current = window.payments.list.current_object()
    assert current is not None and current["id"] == paid.id
