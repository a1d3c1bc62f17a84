"""With the sandbox stopped, lists keep working from the cache and every action that moves
money is disabled with the reason on the control, in panels built before the outage and
after it."""

from __future__ import annotations

import threading

import qasync
import stripe
from ui_support import sync_now, wait_until

from posapp.sandbox import Sandbox
from posapp.ui.invoices.invoices_panel import InvoicesPanel
from posapp.ui.shell.main_window import MainWindow, Panel

REASON = "Stripe unreachable: try again when online."


def test_offline_lists_open_and_money_actions_say_why(
        loop: qasync.QEventLoop, window: MainWindow, sandbox: Sandbox,
        client: stripe.StripeClient) -> None:
    for name in ("Ann", "Bo", "Cy"):
        client.v1.customers.create(params={"name": name, "email": f"{name}@example.com"})
    sync_now(loop, window)
    sandbox.stop()
    window.state.expect_activity()
    wait_until(loop, lambda: not window.state.online, "the app to notice it is offline")

    assert window.status.online_label.text().startswith("Offline")
    window.show_panel(Panel.CUSTOMERS)
    customers = window.customers
    customers.model.reload()
    assert customers.model.rowCount() == 3
    first = customers.model.object_at(0)
    assert first is not None and customers.list.select_id(first["id"])
    assert customers.detail.form.name.text() in ("Ann", "Bo", "Cy")
    for button in (customers.new, customers.delete_button, customers.detail.save,
                   customers.detail.collect_card):
        assert not button.isEnabled()
        assert button.toolTip() == REASON
    assert customers.message.text() == REASON

    window.show_panel(Panel.COLLECT)
    collect = window.collect
    collect.amount.text_edit.setText("10")
    collect.description.setText("Offline sale")
    for button in (collect.show_link, collect.charge, collect.invoice):
        assert not button.isEnabled()
        assert button.toolTip() == REASON
    assert collect.reason.text() == REASON

    window.show_panel(Panel.PAYMENTS)
    assert window.payments.detail.reason.text() == REASON
    search = window.open_search()
    search.field.setText("Ann")
    search.run_search()
    assert len(search.result_items()) == 1
    search.close()


def test_list_panels_follow_the_sync_threads_outage_and_new_ones_start_disabled(
        loop: qasync.QEventLoop, window: MainWindow, sandbox: Sandbox) -> None:
    panels = (window.customers, window.invoices, window.subscriptions)
    for panel in panels:
        assert panel.new.isEnabled() and panel.message.text() == ""
    reported_on: list[threading.Thread] = []
    window.state.online_changed.connect(
        lambda *_: reported_on.append(threading.current_thread()))
    sandbox.stop()
    window.state.expect_activity()
    wait_until(loop, lambda: not window.state.online, "the sync loop to report the outage")
    assert reported_on and all(t is threading.current_thread() for t in reported_on)

    for panel in panels:
        assert not panel.new.isEnabled()
        assert panel.new.toolTip() == REASON
        assert panel.message.text() == REASON
    late = InvoicesPanel(window.state)
    assert not late.new.isEnabled() and late.new.toolTip() == REASON
    assert late.message.text() == REASON

    window.state.online_changed.emit(True, "")
    for panel in (*panels, late):
        assert panel.new.isEnabled() and panel.new.toolTip() == ""
        assert panel.message.text() == ""
    late.deleteLater()
