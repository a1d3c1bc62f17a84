"""The cashier's screen against a live sandbox: a hosted page paid by the customer turns the
screen to "Paid" through the poller; saved-card declines and SCA are explained."""

from __future__ import annotations

import qasync
import stripe
from ui_support import customer_with_card, pay_hosted_page, run, sync_now, wait_until

from posapp.ui.shell.main_window import MainWindow, Panel


def _fill(window: MainWindow, amount: str, description: str) -> None:
    window.show_panel(Panel.COLLECT)
    collect = window.collect
    collect.amount.text_edit.setText(amount)
    collect.description.setText(description)


def test_payment_link_paid_on_hosted_page_turns_screen_to_paid(
        loop: qasync.QEventLoop, window: MainWindow) -> None:
    _fill(window, "12.50", "Coffee beans")
    collect = window.collect
    assert collect.show_link.isEnabled()
    request = run(loop, collect.request_link())
    assert request is not None, collect.message.text()
    assert collect.view.url.text() == request.url
    assert collect.view.qr.text == request.url
    assert "$12.50" in collect.view.amount.text()
    assert not collect.view.is_paid()
    assert window.state.poller.hurrying  # the cashier's wait is followed closely
    mail = collect.view.mailto_url().toString()
    assert mail.startswith("mailto:") and "12.50" in mail

    assert run(loop, pay_hosted_page(request.url)) == 200
    wait_until(loop, collect.view.is_paid, "the Paid state")
    assert collect.view.outcome.text() == "Paid"
    assert not window.state.poller.hurrying
    assert "$12.50" in collect.view.outcome_detail.text()
    assert "Visa •••• 4242" in collect.view.outcome_detail.text()
    assert collect.last_status is not None and collect.last_status.card_last4 == "4242"
    assert any(t.startswith("Payment received: $12.50") for t in window.toasts.texts())
    assert window.status.unread_button.text() != ""
    window.show_panel(Panel.ACTIVITY)
    assert window.status.unread_button.text() == ""
    notices = [window.activity.notices.item(i).text()
               for i in range(window.activity.notices.count())]
    assert any("Payment received: $12.50" in n for n in notices)


def test_payment_link_declined_on_hosted_page_shows_failure_and_keeps_waiting(
        loop: qasync.QEventLoop, window: MainWindow) -> None:
    _fill(window, "8", "Tea")
    collect = window.collect
    request = run(loop, collect.request_link())
    assert request is not None
    run(loop, pay_hosted_page(request.url, card="4000000000000002"))
    wait_until(loop, lambda: collect.last_status is not None, "the failed attempt")
    assert collect.last_status is not None and collect.last_status.state == "failed"
    assert "declined" in collect.view.waiting.text().lower()
    assert not collect.view.is_paid()


def test_declined_saved_card_shows_the_reason(loop: qasync.QEventLoop, window: MainWindow,
                                               client: stripe.StripeClient) -> None:
    customer = customer_with_card(client, "pm_card_chargeCustomerFail", "Declined Dora")
    sync_now(loop, window)
    _fill(window, "20.00", "Groceries")
    collect = window.collect
    collect.customer.set_customer(window.state.cache.get("customers", customer.id))
    assert collect.charge.isEnabled(), collect.charge.toolTip()
    outcome = run(loop, collect.charge_card())
    assert outcome is not None and outcome.state == "declined"
    assert collect.message.text().startswith("Declined:")
    assert "declined" in collect.message.text().lower()
    assert collect.center.currentWidget() is not collect.view


def test_card_needing_authentication_offers_the_hosted_link(
        loop: qasync.QEventLoop, window: MainWindow, client: stripe.StripeClient) -> None:
    customer = customer_with_card(client, "pm_card_authenticationRequired", "Secure Sam")
    sync_now(loop, window)
    _fill(window, "30.00", "Shoes")
    collect = window.collect
    collect.customer.set_customer(window.state.cache.get("customers", customer.id))
    outcome = run(loop, collect.charge_card())
    assert outcome is not None and outcome.state == "authentication_required"
    assert outcome.payment_request is not None
    assert collect.center.currentWidget() is collect.view
    assert collect.view.url.text() == outcome.payment_request.url
    # One consistent sentence, beside the page to send, and no "declined" toast.
    assert collect.view.waiting.text() == ("This payment needs the customer to confirm it "
                                           "with their bank: send them this page to pay.")
    assert collect.message.text() == ""
    sync_now(loop, window)
    assert not any("failed" in t.lower() for t in window.toasts.texts())
    run(loop, pay_hosted_page(outcome.payment_request.url))
    wait_until(loop, collect.view.is_paid, "the Paid state")
    assert "confirm" not in collect.message.text() + collect.reason.text()


def test_saved_card_charge_succeeds(loop: qasync.QEventLoop, window: MainWindow,
                                    client: stripe.StripeClient) -> None:
    customer = customer_with_card(client, "pm_card_visa", "Valid Val")
    sync_now(loop, window)
    _fill(window, "5.00", "Bread")
    collect = window.collect
    collect.customer.set_customer(window.state.cache.get("customers", customer.id))
    assert collect.cards.currentText() == "Visa •••• 4242"
    outcome = run(loop, collect.charge_card())
    assert outcome is not None and outcome.state == "succeeded"
    assert collect.view.is_paid()
    assert "4242" in collect.view.outcome_detail.text()

    sync_now(loop, window)
    newest = collect.takings.rows[0]
    # Today's takings list the payment with its description on a word-wrapped second line.
    assert newest.text().endswith("\nBread") and newest.wordWrap()


def test_invalid_amount_is_explained_and_blocks_every_way(
        loop: qasync.QEventLoop, window: MainWindow) -> None:
    _fill(window, "12.345", "Too precise")
    collect = window.collect
    assert collect.amount.amount() is None
    assert "decimal" in collect.amount.problem.text()
    for button in (collect.show_link, collect.charge, collect.invoice):
        assert not button.isEnabled()
    assert collect.show_link.toolTip() == "Enter an amount first."


def test_invoice_needs_a_customer_with_email_then_is_sent(
        loop: qasync.QEventLoop, window: MainWindow, client: stripe.StripeClient) -> None:
    _fill(window, "40.00", "Catering")
    collect = window.collect
    assert not collect.invoice.isEnabled()
    assert "e-mail" in collect.invoice.toolTip()
    customer = client.v1.customers.create(params={"name": "Ivy", "email": "ivy@example.com"})
    sync_now(loop, window)
    collect.customer.set_customer(window.state.cache.get("customers", customer.id))
    collect.due_days.setValue(7)
    invoice = run(loop, collect.send_invoice())
    assert invoice is not None and invoice["status"] == "open"
    assert "ivy@example.com" in collect.message.text()


def test_customer_search_as_you_type_finds_chinese_names(
        loop: qasync.QEventLoop, window: MainWindow, client: stripe.StripeClient) -> None:
    client.v1.customers.create(params={"name": "王小明", "email": "wang@example.com"})
    sync_now(loop, window)
    picker = window.collect.customer
    picker.setText("小明")
    picker._suggest()
    labels = picker.completer().model().stringList()
    assert labels == ["王小明 <wang@example.com>"]
    picker.completer().activated.emit(labels[0])
    chosen = picker.customer()
    assert chosen is not None and chosen["name"] == "王小明"
    picker.setText("someone else")
    assert picker.customer() is None
