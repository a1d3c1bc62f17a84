"""The dashboard against the sandbox: every figure agrees with the cache, a past-due
subscription and an overdue invoice are counted, the charts hold the cache's numbers, and
clicking a figure opens the list it summarises, filtered."""

from __future__ import annotations

import time

import pytest
import qasync
import stripe
from sdk_support import advance_clock
from ui_support import customer_with_card, run, sync_now

from posapp.store.aggregates import Total
from posapp.ui.refunds.refunds_panel import Period
from posapp.ui.shell.main_window import MainWindow, Panel

DAY = 86_400


def _pay(client: stripe.StripeClient, customer: stripe.Customer, amount: int,
         method: str | None = None) -> stripe.PaymentIntent:
    assert customer.invoice_settings is not None
    return client.v1.payment_intents.create(params={
        "amount": amount, "currency": "usd", "customer": customer.id, "confirm": True,
        "payment_method": method or str(customer.invoice_settings.default_payment_method)})


def test_figures_agree_with_the_cache_and_open_filtered_lists(
        loop: qasync.QEventLoop, window: MainWindow, client: stripe.StripeClient) -> None:
    customer = customer_with_card(client, "pm_card_visa", "Dora Dash")
    _pay(client, customer, 1000)
    refunded = _pay(client, customer, 2500)
    client.v1.refunds.create(params={"payment_intent": refunded.id, "amount": 500})
    with pytest.raises(stripe.CardError):
        client.v1.payment_intents.create(params={
            "amount": 700, "currency": "usd", "confirm": True,
            "payment_method": "pm_card_chargeDeclined"})
    _pay(client, customer, 6000, client.v1.payment_methods.attach(
        "pm_card_createDispute", params={"customer": customer.id}).id)
    sync_now(loop, window)
    dashboard = window.dashboard
    figures = run(loop, dashboard.refresh())

    cache = window.state.cache
    succeeded = cache.page("charges", filters={"status": "succeeded"}, limit=100).rows
    net = sum(c["amount"] - c["amount_refunded"] for c in succeeded)
    assert net == 9000
    assert figures.today == figures.month == [Total("usd", net, len(succeeded))]
    assert (figures.succeeded, figures.failed) == (3, 1)
    assert figures.refunds == cache.refund_totals(since=0) == [Total("usd", 500, 1)]
    assert figures.disputes_open == [Total("usd", 6000, 1)]
    cards = dashboard.cards
    assert cards["today"].value.text() == "$90.00"
    assert cards["today"].detail.text() == "3 payments"
    assert cards["success"].value.text() == "75.0 %"
    assert cards["refunds"].value.text() == "$5.00"
    assert cards["refunds"].detail.text() == "1 refunded, 0 pending, 0 failed"
    assert cards["disputes"].value.text() == "$60.00"
    assert cards["disputes"].detail.text() == "1 open, 1 need a response"
    assert dashboard.takings_chart.values[-1] == 90.0
    assert sum(dashboard.takings_chart.values) == 90.0
    assert len(dashboard.takings_chart.values) == 30

    cards["disputes"].click()
    assert window.current_panel() is Panel.DISPUTES
    assert window.disputes.list.status_filter.currentData() == "needs_response"
    assert window.disputes.model.rowCount() == 1
    cards["refunds"].click()
    assert window.current_panel() is Panel.REFUNDS
    assert window.refunds.list.status_filter.currentData() == "succeeded"
    assert window.refunds.period.currentData() == Period.MONTH.value
    assert window.refunds.model.rowCount() == 1
    cards["success"].click()
    assert window.current_panel() is Panel.PAYMENTS
    assert window.payments.list.status_filter.currentData() == "requires_payment_method"
    assert window.payments.model.rowCount() == 1
    window.show_panel(Panel.DASHBOARD)
    dashboard.takings_chart.clicked.emit()
    assert window.current_panel() is Panel.PAYMENTS
    assert window.payments.list.status_filter.currentData() == "succeeded"


def test_past_due_subscription_and_overdue_invoice_are_counted(
        loop: qasync.QEventLoop, window: MainWindow, client: stripe.StripeClient) -> None:
    start = int(time.time()) - 40 * DAY
    clock = client.v1.test_helpers.test_clocks.create(params={"frozen_time": start})
    customer = client.v1.customers.create(params={"name": "Paul Pastdue",
                                                  "test_clock": clock.id})
    card = client.v1.payment_methods.attach("pm_card_visa", params={"customer": customer.id})
    client.v1.customers.update(customer.id, params={
        "invoice_settings": {"default_payment_method": card.id}})
    price = client.v1.prices.create(params={
        "currency": "usd", "unit_amount": 1500, "recurring": {"interval": "month"},
        "product_data": {"name": "Coffee club"}})
    subscription = client.v1.subscriptions.create(params={
        "customer": customer.id, "items": [{"price": price.id}]})
    invoice = client.v1.invoices.create(params={
        "customer": customer.id, "collection_method": "send_invoice", "days_until_due": 1})
    client.v1.invoice_items.create(params={"customer": customer.id, "amount": 2000,
                                           "currency": "usd", "invoice": invoice.id})
    client.v1.invoices.finalize_invoice(invoice.id)
    failing = client.v1.payment_methods.attach("pm_card_chargeCustomerFail",
                                               params={"customer": customer.id})
    client.v1.customers.update(customer.id, params={
        "invoice_settings": {"default_payment_method": failing.id}})
    advance_clock(client, clock.id, start + 35 * DAY)
    assert client.v1.subscriptions.retrieve(subscription.id).status == "past_due"
    sync_now(loop, window)
    dashboard = window.dashboard
    figures = run(loop, dashboard.refresh())

    assert figures.past_due_subscriptions == 1
    assert figures.active_subscriptions == 0
    assert figures.mrr == {"usd": 1500}
    [summary] = figures.invoices
    assert (summary.overdue_count, summary.overdue_amount) == (1, 2000)
    assert summary.open_count == 2  # the failed renewal is open but has no due date
    assert dashboard.cards["past_due"].value.text() == "1"
    assert dashboard.cards["mrr"].value.text() == "$15.00"
    assert dashboard.cards["invoices"].detail.text() == "2 open, 1 overdue ($20.00)"
    assert dashboard.mrr_chart.values[-1] == 15.0
    assert dashboard.mrr_chart.values[0] == 0.0

    dashboard.cards["past_due"].click()
    assert window.current_panel() is Panel.SUBSCRIPTIONS
    subscriptions = window.subscriptions.list
    assert subscriptions.status_filter.currentData() == "past_due"
    assert subscriptions.model.rowCount() == 1


def test_an_authorisation_is_not_takings_and_is_shown_apart_with_its_expiry(
        loop: qasync.QEventLoop, window: MainWindow, client: stripe.StripeClient) -> None:
    customer = customer_with_card(client, "pm_card_visa", "Hold Hana")
    _pay(client, customer, 1000)
    assert customer.invoice_settings is not None
    held = client.v1.payment_intents.create(params={
        "amount": 5000, "currency": "usd", "customer": customer.id, "confirm": True,
        "capture_method": "manual",
        "payment_method": str(customer.invoice_settings.default_payment_method)})
    partly = client.v1.payment_intents.create(params={
        "amount": 4000, "currency": "usd", "customer": customer.id, "confirm": True,
        "capture_method": "manual",
        "payment_method": str(customer.invoice_settings.default_payment_method)})
    client.v1.payment_intents.capture(partly.id, params={"amount_to_capture": 3000})
    sync_now(loop, window)
    charge = client.v1.charges.retrieve(str(held.latest_charge))
    assert charge.payment_method_details is not None
    card = charge.payment_method_details.card
    assert card is not None and card.capture_before is not None
    expiry = window.state.formats.date(card.capture_before)

    figures = run(loop, window.dashboard.refresh())

    assert figures.today == [Total("usd", 4000, 2)]
    assert (figures.succeeded, figures.failed) == (2, 0)
    today = window.dashboard.cards["today"]
    assert today.value.text() == "$40.00"
    assert today.detail.text() == (
        f"2 payments\nNot captured yet: $50.00 (1), the first lapses {expiry}")
    assert window.dashboard.takings_chart.values[-1] == 40.0

    takings = window.collect.takings
    takings.refresh()
    assert takings.total.text() == "$40.00"
    assert takings.uncaptured.text() == f"Not captured yet: $50.00 (1), the first lapses {expiry}"
    assert takings.uncaptured.isVisibleTo(takings)
    rows = [row.text() for row in takings.rows]
    assert any("$50.00" in r and f"Capture by {expiry}" in r for r in rows)
    assert any("$30.00" in r and "Succeeded" in r for r in rows)
