"""The back office in the GUI against the sandbox: the Balance panel's summary, filters and
CSV (read back with the csv module, formulas escaped), a payout's detail adding up and its
reconciliation CSV, and connected accounts with "Act as" under a banner and back."""

from __future__ import annotations

import csv
from pathlib import Path

import qasync
import requests
import stripe
from sdk_support import SANDBOX_ACCOUNT, advance_time, lose_answers
from ui_support import customer_with_card, demo_controller, first_sync, run, sync_now, wait_until

from posapp.sandbox import Sandbox
from posapp.ui.shell.main_window import MainWindow, Panel
from posapp.worker import Worker

DAY = 86_400


def _pay(client: stripe.StripeClient, amount: int, description: str) -> stripe.PaymentIntent:
    customer = customer_with_card(client, "pm_card_visa", "Bea Books")
    assert customer.invoice_settings is not None
    return client.v1.payment_intents.create(params={
        "amount": amount, "currency": "usd", "customer": customer.id, "confirm": True,
        "payment_method": str(customer.invoice_settings.default_payment_method),
        "description": description})


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def test_balance_and_payouts_panels_show_the_books_and_export_them(
        loop: qasync.QEventLoop, window: MainWindow, client: stripe.StripeClient,
        sandbox: Sandbox, tmp_path: Path) -> None:
    first = _pay(client, 2000, "=HYPERLINK(\"http://evil\")")
    _pay(client, 3550, "Beans")
    sync_now(loop, window)
    window.payments.show_object(first.id)
    assert window.payments.detail.fee_net.text().startswith("Fee $0.88 · net $19.12 (available")
    figures = run(loop, window.dashboard.refresh())
    assert [(t.currency, t.amount) for t in figures.net_volume] == [("usd", 1912 + 3417)]
    assert "Net volume after fees: $53.29" in window.dashboard.cards["month"].detail.text()
    advance_time(sandbox, 3 * DAY)
    window.show_panel(Panel.BALANCE)
    panel = window.balance
    # Opened with no balance read yet, the panel reads it (and the payout) by itself.
    wait_until(loop, lambda: panel.summary.text() == "$0.00 available · $0.00 pending"
               and panel.refresh.isEnabled(), "the balance read on opening")
    assert panel.next_payouts.text() == "No payout on its way."
    kinds = {panel.model.object_at(i)["type"] for i in range(panel.model.rowCount())}
    assert kinds == {"charge", "payout"}
    panel.kind.setCurrentIndex(panel.kind.findData("charge"))
    assert panel.model.rowCount() == 2
    exported = tmp_path / "balance.csv"
    assert run(loop, panel.export_csv(exported)) == 2
    rows = _read(exported)
    assert sorted((r["type"], r["amount"], r["fee"], r["net"]) for r in rows) == [
        ("charge", "20.00", "0.88", "19.12"), ("charge", "35.50", "1.33", "34.17")]
    assert {r["description"] for r in rows} == {"'=HYPERLINK(\"http://evil\")", "Beans"}
    window.payments.show_object(first.id)
    assert window.payments.detail.fee_net.text() == "Fee $0.88 · net $19.12"

    window.show_panel(Panel.PAYOUTS)
    payouts = window.payouts
    assert payouts.model.rowCount() == 1
    payout = payouts.model.object_at(0)
    assert payout["status"] == "paid" and payout["amount"] == 1912 + 3417
    payouts.list.select_id(payout["id"])
    detail = payouts.detail
    wait_until(loop, lambda: detail.reconciliation is not None, "the payout's transactions")
    assert detail.table.rowCount() == 2
    assert detail.adds_up.text() == "2 transactions, net $53.29: they add up to the payout."
    reconciliation = tmp_path / "payout.csv"
    assert run(loop, detail.export_reconciliation(reconciliation)) == 3
    settled = _read(reconciliation)
    assert sorted(r["type"] for r in settled) == ["charge", "charge", "payout"]
    assert round(sum(float(r["net"]) for r in settled if r["type"] != "payout"), 2) == 53.29
    listed = tmp_path / "payouts.csv"
    assert run(loop, payouts.export_csv(listed)) == 1
    assert [(r["id"], r["status"], r["amount"]) for r in _read(listed)] == [
        (payout["id"], "paid", "53.29")]


def test_act_as_a_connected_account_shows_its_data_under_a_banner_and_goes_back(
        loop: qasync.QEventLoop, tmp_path: Path, sandbox: Sandbox, worker: Worker,
        client: stripe.StripeClient) -> None:
    controller = demo_controller(tmp_path, sandbox, worker)
    run(loop, controller.start())
    platform = controller.window
    assert isinstance(platform, MainWindow) and platform.acting_banner is None
    first_sync(loop, platform)
    _pay(client, 1500, "Platform sale")
    accounts = platform.accounts
    run(loop, accounts.create_account("Tea Stall", "tea@example.com", "express"))
    assert accounts.model.rowCount() == 1
    tea = accounts.model.object_at(0)
    assert accounts.list.current_object()["id"] == tea["id"]
    url = run(loop, accounts.open_link("onboarding"))
    assert url is not None and tea["id"] in url and accounts.link.text() == url
    assert accounts.act_as.isEnabled()
    customer = customer_with_card(client, "pm_card_visa", "Split Sale")
    assert customer.invoice_settings is not None
    requests.post(url.split("?")[0], timeout=10)  # the account holder finishes onboarding
    split = client.v1.payment_intents.create(params={
        "amount": 4000, "currency": "usd", "customer": customer.id, "confirm": True,
        "payment_method": str(customer.invoice_settings.default_payment_method),
        "application_fee_amount": 400, "transfer_data": {"destination": tea["id"]}})
    sync_now(loop, platform)
    connect_panel = platform.connect_panel
    assert connect_panel.fees.model.rowCount() == connect_panel.transfers.model.rowCount() == 1
    transfer = connect_panel.transfers.model.object_at(0)
    assert (transfer["amount"], transfer["source_transaction"]) == (4000, split.latest_charge)
    assert platform.jump_to("transfers", transfer["id"])
    assert connect_panel.currentWidget() is connect_panel.transfers
    fees_csv = tmp_path / "fees.csv"
    assert run(loop, connect_panel.fees.export_csv(fees_csv)) == 1
    assert [(r["amount"], r["account"]) for r in _read(fees_csv)] == [("4.00", tea["id"])]
    try:
        accounts.act_as.click()
        wait_until(loop, lambda: controller.window is not platform, "the account's window")
        acting = controller.window
        assert isinstance(acting, MainWindow) and acting.acting_banner is not None
        assert "Acting as Tea Stall" in acting.acting_banner.text.text()
        assert acting.state.session.acting_as == tea["id"]
        first_sync(loop, acting, "its first sync")
        sync_now(loop, acting)
        assert acting.state.cache.count("payment_intents") == 0
        assert not acting.accounts.new.isEnabled()
        acting.acting_banner.back.click()
        wait_until(loop, lambda: controller.window is not acting, "the platform's window")
        back = controller.window
        assert isinstance(back, MainWindow) and back.acting_banner is None
        assert back.state.session.acting_as is None
        assert back.state.cache.count("payment_intents") >= 1
    finally:
        controller.shutdown()


def test_a_payout_left_unknown_is_checked_again_with_its_key_and_made_once(
        loop: qasync.QEventLoop, window: MainWindow, client: stripe.StripeClient,
        sandbox: Sandbox) -> None:
    client.v1.accounts.update(SANDBOX_ACCOUNT, params={
        "settings": {"payouts": {"schedule": {"interval": "manual"}}}})
    _pay(client, 10_000, "Catering")
    advance_time(sandbox, 3 * DAY)
    run(loop, window.balance.refresh_from_stripe())
    panel = window.payouts
    lose_answers(window.state.session.gateway, "/v1/payouts", once=True)
    assert run(loop, panel.create_payout(5000, "usd", "payout-ui-1")) is None
    assert panel.unknown == (5000, "usd", "payout-ui-1")
    assert "don't know yet" in panel.message.text()
    assert panel.pay_out.text() == "Check payout again"
    window.state.online_changed.emit(True, "")  # Stripe answers again
    assert panel.pay_out.isEnabled()
    panel.pay_out.click()
    wait_until(loop, lambda: panel.unknown is None, "the payout checked again")
    assert panel.message.text() == "Payout of $50.00 on its way."
    assert [(p.amount, p.automatic) for p in client.v1.payouts.list()] == [(5000, False)]
    window.state.online_changed.emit(False, "Stripe unreachable")
    assert not panel.pay_out.isEnabled()
    assert panel.pay_out.toolTip() == "Stripe unreachable: try again when online."
