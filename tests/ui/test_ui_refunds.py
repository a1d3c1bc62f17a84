"""Refunds in the GUI against the sandbox: the refund dialog from a payment, a customer and
an invoice; over-refunds blocked before sending and, with a stale cache, by Stripe; a later
refund.failed in the payment's timeline; the refunds list's filters and period totals."""

from __future__ import annotations

import dataclasses

import pytest
import qasync
import stripe
from PySide6.QtWidgets import QMessageBox
from sdk_support import lose_answers
from ui_support import customer_with_card, run, sync_now, wait_until

from posapp.services.refunds import NOTE_KEY
from posapp.store.journal import AuditEntry
from posapp.ui.common.theme import DisplayMode
from posapp.ui.refunds.refund_dialog import RefundDialog
from posapp.ui.refunds.refund_list_model import RefundListModel
from posapp.ui.refunds.refunds_panel import Period
from posapp.ui.shell.main_window import MainWindow, Panel


def _pay(client: stripe.StripeClient, customer: stripe.Customer,
         amount: int) -> stripe.PaymentIntent:
    assert customer.invoice_settings is not None
    return client.v1.payment_intents.create(params={
        "amount": amount, "currency": "usd", "customer": customer.id,
        "payment_method": str(customer.invoice_settings.default_payment_method),
        "confirm": True, "description": "Counter sale"})


def _refund_rows(window: MainWindow) -> list[AuditEntry]:
    return window.state.session.journal.list_audit(action="refund.create")


def test_over_refund_is_blocked_before_anything_is_sent(
        loop: qasync.QEventLoop, window: MainWindow, client: stripe.StripeClient) -> None:
    customer = customer_with_card(client, "pm_card_visa", "Olga Over")
    intent = _pay(client, customer, 1000)
    sync_now(loop, window)
    dialog = RefundDialog(window.state, intent.id, window)
    assert dialog.remaining.text() == "$10.00"
    assert dialog.paid_with.text() == "Olga Over, Visa •••• 4242"
    dialog.amount.text_edit.setText("12")
    assert not dialog.refund_button.isEnabled()
    assert dialog.message.text() == "At most $10.00 can be refunded."
    # Even sent directly, the service refuses it from the cached charge, with no request.
    assert run(loop, dialog.send(confirmed=True)) is None
    assert "more than can be refunded" in dialog.message.text()
    assert client.v1.refunds.list(params={"payment_intent": intent.id}).data == []
    assert _refund_rows(window) == []
    by_charge = RefundDialog(window.state, str(intent.latest_charge), window)
    assert by_charge.remaining.text() == "$10.00"
    by_charge.amount.text_edit.setText("10.01")
    assert not by_charge.refund_button.isEnabled()


def test_stale_cache_over_refund_is_refused_by_stripe_and_the_charge_refreshed(
        loop: qasync.QEventLoop, window: MainWindow, client: stripe.StripeClient) -> None:
    customer = customer_with_card(client, "pm_card_visa", "Stale Steve")
    intent = _pay(client, customer, 2000)
    sync_now(loop, window)
    window.state.stop_sync()  # the cache must not hear of the next refund
    client.v1.refunds.create(params={"payment_intent": intent.id, "amount": 1500})
    dialog = RefundDialog(window.state, intent.id, window)
    assert dialog.remaining.text() == "$20.00"
    dialog.amount.text_edit.setText("10")
    assert dialog.refund_button.isEnabled()
    assert run(loop, dialog.send(confirmed=True)) is None
    assert "Stripe knew of refunds" in dialog.message.text()
    assert dialog.remaining.text() == "$5.00"
    assert not dialog.refund_button.isEnabled()
    charge = window.state.cache.get("charges", str(intent.latest_charge))
    assert charge is not None and charge["amount_refunded"] == 1500
    [audit] = _refund_rows(window)
    assert audit.outcome == "invalid_request"


def test_refund_chosen_from_a_customer_then_failed_shows_in_the_timeline(
        loop: qasync.QEventLoop, window: MainWindow, client: stripe.StripeClient) -> None:
    customer = customer_with_card(client, "pm_card_visa", "Rita Refund")
    first = _pay(client, customer, 1200)
    second = _pay(client, customer, 3400)
    sync_now(loop, window)
    window.show_panel(Panel.CUSTOMERS)
    dialog = window.customers.refund_payment(window.state.cache.get("customers", customer.id)
                                             or {})
    assert dialog.payment_choice.count() == 2
    dialog.payment_choice.setCurrentIndex(dialog.payment_choice.findData(first.latest_charge))
    assert dialog.remaining.text() == "$12.00"
    dialog.amount.text_edit.setText("4.50")
    dialog.note.setText("Cold coffee")
    dialog.reason.setCurrentIndex(dialog.reason.findData("duplicate"))
    refund = run(loop, dialog.send(confirmed=True))
    assert refund is not None and refund["amount"] == 450
    assert refund["metadata"]["posapp_note"] == "Cold coffee"

    client.raw_request("post", f"/v1/test_helpers/sandbox/refunds/{refund['id']}/fail")
    sync_now(loop, window)
    window.show_panel(Panel.PAYMENTS)
    assert window.payments.show_object(first.id)
    timeline = window.payments.detail.timeline
    wait_until(loop, lambda: any("refund.failed" in timeline.item(i).text()
                                 for i in range(timeline.count())), "refund.failed")
    window.show_panel(Panel.REFUNDS)
    assert window.refunds.show_object(refund["id"])
    model = window.refunds.model
    row = model.row_of(refund["id"])
    assert row is not None
    cols = RefundListModel.Columns
    assert model.index(row, cols.STATUS).data() == "Failed"
    assert model.index(row, cols.REASON).data() == "Duplicate"
    assert model.index(row, cols.CUSTOMER).data() == "Rita Refund"
    assert model.index(row, cols.CARD).data() == "Visa •••• 4242"
    assert model.index(row, cols.NOTE).data() == "Failed: expired or canceled card — Cold coffee"
    assert second.id not in {model.payment_of(model.object_at(r) or {})
                             for r in range(model.rowCount())}


def test_refund_of_a_paid_invoice(loop: qasync.QEventLoop, window: MainWindow,
                                  client: stripe.StripeClient) -> None:
    customer = customer_with_card(client, "pm_card_visa", "Ivy Invoice")
    invoice = client.v1.invoices.create(params={"customer": customer.id})
    client.v1.invoice_items.create(params={"customer": customer.id, "amount": 4200,
                                           "currency": "usd", "invoice": invoice.id})
    client.v1.invoices.finalize_invoice(invoice.id)
    client.v1.invoices.pay(invoice.id)
    sync_now(loop, window)
    dialog = RefundDialog(window.state, invoice.id, window)
    assert dialog.remaining.text() == "$42.00"
    assert run(loop, dialog.send(confirmed=True)) is not None
    assert window.state.cache.count("refunds", filters={"status": "succeeded"}) == 1


def test_refund_dialog_without_a_payment_and_offline_says_why(
        loop: qasync.QEventLoop, window: MainWindow, client: stripe.StripeClient) -> None:
    customer = client.v1.customers.create(params={"name": "Nobody Paid"})
    sync_now(loop, window)
    dialog = RefundDialog(window.state, customer.id, window)
    assert dialog.payment_choice.currentData() == ""
    assert not dialog.refund_button.isEnabled()
    assert dialog.message.text() == "There is no paid payment to refund."

    paying = customer_with_card(client, "pm_card_visa", "Offline Olive")
    intent = _pay(client, paying, 900)
    sync_now(loop, window)
    window.state.online_changed.emit(False, "no network")
    offline = RefundDialog(window.state, intent.id, window)
    assert not offline.refund_button.isEnabled()
    assert offline.refund_button.toolTip() == "Stripe unreachable: try again when online."


def test_refunds_list_filters_by_status_and_totals_the_period(
        loop: qasync.QEventLoop, window: MainWindow, client: stripe.StripeClient) -> None:
    customer = customer_with_card(client, "pm_card_visa", "Tina Totals")
    intent = _pay(client, customer, 5000)
    kept = client.v1.refunds.create(params={"payment_intent": intent.id, "amount": 1000})
    failed = client.v1.refunds.create(params={"payment_intent": intent.id, "amount": 700})
    client.raw_request("post", f"/v1/test_helpers/sandbox/refunds/{failed.id}/fail")
    sync_now(loop, window)
    window.show_panel(Panel.REFUNDS)
    panel = window.refunds
    panel.set_period(Period.TODAY)
    assert panel.model.rowCount() == 2
    assert panel.totals.text() == "Refunded: $10.00 (1) · pending: 0 · failed: 1"
    panel.list.status_filter.setCurrentIndex(panel.list.status_filter.findData("failed"))
    assert panel.model.rowCount() == 1
    assert (panel.model.object_at(0) or {}).get("id") == failed.id
    assert panel.list.count_label.text() == "1 item"
    panel.list.status_filter.setCurrentIndex(0)
    assert panel.show_object(kept.id)
    opened: list[tuple[str, str]] = []
    panel.open_object.connect(lambda table, oid: opened.append((table, oid)))
    panel.open_payment.click()
    assert opened == [("payment_intents", intent.id)]


def test_confirmation_names_amount_customer_and_card_and_live_mode_asks_again(
        loop: qasync.QEventLoop, window: MainWindow, client: stripe.StripeClient,
        monkeypatch: pytest.MonkeyPatch) -> None:
    customer = customer_with_card(client, "pm_card_visa", "Lou Live")
    intent = _pay(client, customer, 2500)
    sync_now(loop, window)
    asked: list[str] = []

    def answer(_parent: object, _title: str, text: str, *_args: object) -> object:
        asked.append(text)
        return QMessageBox.StandardButton.Yes if len(asked) == 1 else \
            QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", answer)
    monkeypatch.setattr(QMessageBox, "warning", answer)
    dialog = RefundDialog(window.state, intent.id, window)
    dialog.amount.text_edit.setText("7.25")
    assert dialog.confirm()
    assert asked == ["Refund $7.25 to Lou Live, Visa •••• 4242?"]
    asked.clear()
    window.state.profile = dataclasses.replace(window.state.profile, mode=DisplayMode.LIVE)
    assert run(loop, dialog.send()) is None  # the second, live-mode question said No
    assert len(asked) == 2 and "LIVE" in asked[1] and "$7.25" in asked[1]
    assert client.v1.refunds.list(params={"payment_intent": intent.id}).data == []


def test_walk_in_refund_reads_as_a_merchant_would_in_list_and_detail(
        loop: qasync.QEventLoop, window: MainWindow, client: stripe.StripeClient) -> None:
    intent = client.v1.payment_intents.create(params={
        "amount": 700, "currency": "usd", "payment_method": "pm_card_visa",
        "confirm": True, "description": "Walk-in"})
    refund = client.v1.refunds.create(params={
        "payment_intent": intent.id, "reason": "requested_by_customer",
        "metadata": {NOTE_KEY: "Cold coffee"}})
    sync_now(loop, window)
    window.show_panel(Panel.REFUNDS)
    panel = window.refunds
    row = panel.model.row_of(refund.id)
    assert row is not None
    assert panel.model.index(row, RefundListModel.Columns.CUSTOMER).data() == "—"
    assert panel.show_object(refund.id)
    detail = panel.detail
    assert detail.amount.text() == "$7.00"
    assert detail.reason.text() == "Requested by the customer"
    assert detail.status.text() == "Succeeded"
    assert detail.customer.text() == "—"
    assert detail.card.text() == "Visa •••• 4242"
    assert detail.note.text() == "Cold coffee"
    assert intent.id in detail.payment.text()
    opened: list[tuple[str, str]] = []
    panel.open_object.connect(lambda table, oid: opened.append((table, oid)))
    detail.payment.linkActivated.emit(intent.id)
    assert opened == [("payment_intents", intent.id)]


def test_a_refund_whose_outcome_is_unknown_is_checked_again_never_made_twice(
        loop: qasync.QEventLoop, window: MainWindow, client: stripe.StripeClient) -> None:
    customer = customer_with_card(client, "pm_card_visa", "Una Unknown")
    intent = _pay(client, customer, 1000)
    sync_now(loop, window)
    dropping = lose_answers(window.state.session.gateway, "/v1/refunds")
    dialog = RefundDialog(window.state, intent.id, window)
    dialog.amount.text_edit.setText("4")
    assert run(loop, dialog.send(confirmed=True)) is None
    assert dialog.message.text().startswith("We don't know yet whether this refund went")
    assert dialog.refund_button.text() == "Check again"
    assert not dialog.amount.isEnabled() and not dialog.note.isEnabled()
    made = client.v1.refunds.list(params={"payment_intent": intent.id}).data
    assert len(made) == 1  # Stripe did refund; the dialog does not claim it yet

    dropping[0] = False
    refund = run(loop, dialog.send())  # "Check again": no second confirmation, same key
    assert refund is not None and refund["id"] == made[0].id
    assert len(client.v1.refunds.list(params={"payment_intent": intent.id}).data) == 1


@pytest.mark.parametrize("opened_from", ["payment", "customer", "invoice"])
def test_a_refund_from_any_dialog_refreshes_the_refunds_list_and_the_dashboard(
        loop: qasync.QEventLoop, window: MainWindow, client: stripe.StripeClient,
        opened_from: str) -> None:
    customer = customer_with_card(client, "pm_card_visa", f"Announced {opened_from}")
    if opened_from == "invoice":
        invoice = client.v1.invoices.create(params={"customer": customer.id})
        client.v1.invoice_items.create(params={"customer": customer.id, "amount": 1500,
                                               "currency": "usd", "invoice": invoice.id})
        client.v1.invoices.finalize_invoice(invoice.id)
        paid_id = client.v1.invoices.pay(invoice.id).id
    else:
        paid_id = _pay(client, customer, 1500).id
    sync_now(loop, window)
    # Without the poller only the refund's own announcement can refresh what is shown.
    window.state.stop_sync()
    window.show_panel(Panel.DASHBOARD)
    run(loop, window.dashboard.refresh())
    assert window.dashboard.cards["refunds"].detail.text().startswith("0 refunded")
    if opened_from == "payment":
        window.show_panel(Panel.PAYMENTS)
        assert window.payments.show_object(paid_id)
        dialog = window.payments.detail.open_refund()
    elif opened_from == "customer":
        dialog = window.customers.refund_payment(
            window.state.cache.get("customers", customer.id) or {})
    else:
        window.show_panel(Panel.INVOICES)
        assert window.invoices.show_object(paid_id)
        dialog = window.invoices.detail.open_refund()
    dialog.amount.text_edit.setText("5")
    refund = run(loop, dialog.send(confirmed=True))
    assert refund is not None
    model = window.refunds.model
    wait_until(loop, lambda: model.row_of(refund["id"]) is not None, "the refund listed")
    window.show_panel(Panel.DASHBOARD)
    card = window.dashboard.cards["refunds"]
    wait_until(loop, lambda: card.detail.text().startswith("1 refunded"), "dashboard refunds")
    assert card.value.text() == "$5.00"
