"""A sale on the cashier's screen is one unit (docs/ui.md, "The sale"): clicked as a cashier
would against a live sandbox, every path ends with exactly one charge at the sandbox and
the screen telling the truth — a second click, a second sale of the same amount, an
outcome left unknown, a payment request replaced or cancelled while the customer pays."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
import qasync
import stripe
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFrame, QWidget
from sdk_support import lose_answers
from ui_support import customer_with_card, pay_hosted_page, run, sync_now, wait_until

from posapp.services.payments import request_payment
from posapp.store.journal import JournalState
from posapp.ui.payments.collect_panel import CollectPanel, Sale
from posapp.ui.shell.main_window import MainWindow, Panel


def _fill(window: MainWindow, amount: str, description: str,
          customer: stripe.Customer | None = None) -> CollectPanel:
    window.show_panel(Panel.COLLECT)
    collect = window.collect
    collect.amount.text_edit.setText(amount)
    collect.description.setText(description)
    if customer is not None:
        collect.customer.set_customer(window.state.cache.get("customers", customer.id))
    return collect


def _charged_then_offline(loop: qasync.QEventLoop, window: MainWindow, amount: str,
                          description: str, customer: stripe.Customer) -> CollectPanel:
    """Charge the customer's card while answers are lost (`dropped_answers`): the outcome
    is unknown, and the app goes offline."""
    collect = _fill(window, amount, description, customer)
    collect.charge.click()
    wait_until(loop, lambda: collect.sale is Sale.UNKNOWN, "the unknown outcome")
    window.state.online_changed.emit(False, "Stripe unreachable: try again when online.")
    return collect


def _charges(client: stripe.StripeClient, customer: stripe.Customer) -> list[stripe.PaymentIntent]:
    """What the sandbox holds for the customer: the truth the screen must match."""
    intents = client.v1.payment_intents.list(params={"customer": customer.id, "limit": 100})
    return [i for i in intents.data if i.status == "succeeded"]


@pytest.fixture
def buyer(loop: qasync.QEventLoop, window: MainWindow,
          client: stripe.StripeClient) -> stripe.Customer:
    customer = customer_with_card(client, "pm_card_visa", "Ada Buyer")
    sync_now(loop, window)
    return customer


@pytest.fixture
def dropped_answers(window: MainWindow) -> Iterator[list[bool]]:
    """While the list holds True, every charge reaches Stripe and its answer is lost (the
    connection drops after the commit), and retries are off, so the outcome is unknown."""
    dropping = lose_answers(window.state.session.gateway, "/v1/payment_intents")
    yield dropping
    dropping[0] = False


def test_a_second_click_while_the_first_is_in_flight_charges_once_and_paid_locks_the_sale(
        loop: qasync.QEventLoop, window: MainWindow, client: stripe.StripeClient,
        buyer: stripe.Customer) -> None:
    collect = _fill(window, "4.50", "Espresso", buyer)
    collect.charge.click()
    collect.charge.click()  # before the first answer came back
    wait_until(loop, collect.view.is_paid, "the Paid state")
    assert len(_charges(client, buyer)) == 1

    assert collect.sale is Sale.PAID
    for field in (collect.amount.text_edit, collect.description, collect.customer,
                  collect.cards):
        assert not field.isEnabled()
    for button in (collect.charge, collect.show_link, collect.invoice):
        assert not button.isEnabled()
    assert collect.reason.text() == "This sale is paid: press New sale for the next one."
    collect.charge.click()
    sync_now(loop, window)
    assert len(_charges(client, buyer)) == 1

    QTest.keyClick(collect.view.new_sale, Qt.Key.Key_Return)
    assert collect.sale is Sale.EDITING
    assert collect.amount.text_edit.isEnabled() and collect.amount.text_edit.text() == ""
    assert collect.center.currentWidget() is not collect.view


def test_a_second_sale_of_the_same_amount_to_the_same_customer_asks_first(
        loop: qasync.QEventLoop, window: MainWindow, client: stripe.StripeClient,
        buyer: stripe.Customer) -> None:
    collect = _fill(window, "4.50", "Espresso", buyer)
    collect.charge.click()
    wait_until(loop, collect.view.is_paid, "the first sale paid")
    QTest.keyClick(collect.view.new_sale, Qt.Key.Key_Escape)

    _fill(window, "4.50", "Espresso", buyer)
    collect.charge.click()
    collect.charge.click()  # a double click does not answer the question
    wait_until(loop, lambda: collect.repeat_bar.isVisibleTo(window), "the question")
    assert collect.repeat_text.text().startswith("Ada Buyer <buyer@example.com> paid $4.50 ")
    assert collect.repeat_text.text().endswith("ago. Charge again?")
    assert not collect.charge.isEnabled()
    collect.repeat_no.click()
    assert collect.message.text() == "Not charged again."
    assert len(_charges(client, buyer)) == 1

    collect.charge.click()
    wait_until(loop, lambda: collect.repeat_bar.isVisibleTo(window), "the question again")
    collect.repeat_yes.click()
    wait_until(loop, lambda: collect.sale is Sale.PAID, "the second sale paid")
    assert len(_charges(client, buyer)) == 2


def test_an_unknown_outcome_keeps_the_sale_locked_and_check_again_settles_it_once(
        loop: qasync.QEventLoop, window: MainWindow, client: stripe.StripeClient,
        buyer: stripe.Customer, dropped_answers: list[bool]) -> None:
    collect = _fill(window, "4.50", "Espresso", buyer)
    collect.charge.click()
    wait_until(loop, lambda: collect.sale is Sale.UNKNOWN, "the unknown outcome")
    assert collect.view.outcome.text() == "We don't know yet whether this went through"
    assert "cannot charge twice" in collect.view.outcome_detail.text()
    assert collect.view.check_again.isVisibleTo(window)
    assert not collect.view.new_sale.isVisibleTo(window)
    assert not collect.charge.isEnabled() and not collect.amount.text_edit.isEnabled()
    QTest.keyClick(collect.view.check_again, Qt.Key.Key_Escape)  # no way out but the truth
    assert collect.sale is Sale.UNKNOWN
    journal = window.state.session.journal
    assert len(journal.entries(JournalState.UNKNOWN)) == 1
    assert len(_charges(client, buyer)) == 1  # Stripe did charge; the screen does not claim it

    dropped_answers[0] = False  # Stripe answers again
    collect.view.check_again.click()
    wait_until(loop, collect.view.is_paid, "the Paid state")
    assert len(_charges(client, buyer)) == 1
    assert journal.entries(JournalState.UNKNOWN) == []
    assert "4242" in collect.view.outcome_detail.text()


def test_an_unknown_outcome_is_looked_up_once_online_without_opening_activity(
        loop: qasync.QEventLoop, window: MainWindow, client: stripe.StripeClient,
        buyer: stripe.Customer, dropped_answers: list[bool]) -> None:
    _charged_then_offline(loop, window, "3.20", "Tea", buyer)
    assert window.current_panel() is Panel.COLLECT
    journal = window.state.session.journal
    assert len(journal.entries(JournalState.UNKNOWN)) == 1

    window.state.online_changed.emit(True, "")  # Activity was never opened this session
    wait_until(loop, lambda: journal.entries(JournalState.UNKNOWN) == [], "the look-up")
    assert journal.list_audit(search="looked up at Stripe")[0].outcome == "succeeded"
    assert len(_charges(client, buyer)) == 1


def test_activity_lists_an_unknown_outcome_and_settles_it_by_looking_it_up(
        loop: qasync.QEventLoop, window: MainWindow, client: stripe.StripeClient,
        buyer: stripe.Customer, dropped_answers: list[bool]) -> None:
    collect = _charged_then_offline(loop, window, "4.50", "Espresso", buyer)
    window.show_panel(Panel.ACTIVITY)
    activity = window.activity
    assert activity.unsettled_box.isVisibleTo(window)
    [row] = [activity.unsettled.item(i).text() for i in range(activity.unsettled.count())]
    assert row.startswith("payment_intents.create  ·  $4.50  ·  Espresso")

    window.state.online_changed.emit(True, "")  # looked up (reads only: POSTs still drop)
    wait_until(loop, lambda: not activity.unsettled_box.isVisibleTo(window), "the look-up")
    journal = window.state.session.journal
    assert journal.entries(JournalState.UNKNOWN) == []
    assert journal.list_audit(search="looked up at Stripe")[0].outcome == "succeeded"

    dropped_answers[0] = False
    window.show_panel(Panel.COLLECT)
    collect.view.check_again.click()
    wait_until(loop, collect.view.is_paid, "the Paid state")
    assert len(_charges(client, buyer)) == 1


def test_an_invoice_whose_sending_is_unknown_is_finished_once_with_the_same_keys(
        loop: qasync.QEventLoop, window: MainWindow, client: stripe.StripeClient) -> None:
    customer = client.v1.customers.create(params={"name": "Ivo", "email": "ivo@example.com"})
    sync_now(loop, window)
    # The e-mail goes out; the answer is lost.
    dropping = lose_answers(window.state.session.gateway, "/send")
    collect = _fill(window, "40.00", "Catering", customer)
    collect.invoice.click()
    wait_until(loop, lambda: collect.sale is Sale.UNKNOWN, "the unknown outcome")
    assert "The invoice may or may not have been sent." in collect.view.outcome_detail.text()

    dropping[0] = False
    collect.view.check_again.click()
    wait_until(loop, lambda: collect.sale is Sale.INVOICED, "the invoiced sale")
    invoices = client.v1.invoices.list(params={"customer": customer.id}).data
    assert len(invoices) == 1 and invoices[0].status == "open"
    assert len(client.v1.invoice_items.list(params={"customer": customer.id}).data) == 1
    sent = client.v1.events.list(params={"type": "invoice.sent"}).data
    assert [e.data.object["id"] for e in sent] == [invoices[0].id]  # e-mailed once
    assert collect.view.outcome.text() == "Invoice sent"
    assert not collect.invoice.isEnabled() and not collect.amount.text_edit.isEnabled()
    QTest.keyClick(collect.view.new_sale, Qt.Key.Key_Return)
    assert collect.sale is Sale.EDITING


def test_a_replaced_payment_link_is_switched_off_first(
        loop: qasync.QEventLoop, window: MainWindow, client: stripe.StripeClient) -> None:
    collect = _fill(window, "4.50", "Tea")
    collect.link_kind.setCurrentIndex(collect.link_kind.findData("payment_link"))
    collect.show_link.click()
    wait_until(loop, lambda: collect.sale is Sale.WAITING, "the link")
    old = collect.request
    assert old is not None and not collect.amount.text_edit.isEnabled()

    QTest.keyClick(collect.view.url, Qt.Key.Key_Escape)
    wait_until(loop, lambda: collect.sale is Sale.EDITING, "the cancelled link")
    assert client.v1.payment_links.retrieve(old.id).active is False
    assert collect.message.text() == ("The payment request for $4.50 was closed; it can no "
                                      "longer be paid.")
    collect.amount.text_edit.setText("9.99")
    assert collect.message.text() == ""  # the message belonged to the cancel
    collect.show_link.click()
    wait_until(loop, lambda: collect.sale is Sale.WAITING, "the new link")
    assert collect.request is not None and collect.request.id != old.id
    assert run(loop, pay_hosted_page(old.url)) != 200
    assert client.v1.checkout.sessions.list(params={"payment_link": old.id}).data == []
    assert "$9.99" in collect.view.amount.text()


def test_a_payment_that_lands_as_the_request_is_cancelled_is_reported_not_lost(
        loop: qasync.QEventLoop, window: MainWindow, client: stripe.StripeClient) -> None:
    collect = _fill(window, "6.00", "Cake")
    collect.link_kind.setCurrentIndex(collect.link_kind.findData("payment_link"))
    collect.show_link.click()
    wait_until(loop, lambda: collect.sale is Sale.WAITING, "the link")
    request = collect.request
    assert request is not None
    window.state.stop_sync()  # the customer pays before the screen hears of it
    assert run(loop, pay_hosted_page(request.url)) == 200
    collect.view.cancel.click()
    wait_until(loop, lambda: collect.sale is not Sale.WAITING, "the cancel")
    assert collect.sale is Sale.PAID and collect.view.is_paid()
    assert "$6.00" in collect.view.outcome_detail.text()


def test_open_requests_are_listed_with_their_age_and_can_be_cancelled(
        loop: qasync.QEventLoop, window: MainWindow, client: stripe.StripeClient) -> None:
    collect = _fill(window, "3.00", "Muffin")
    collect.expiry.setValue(45)
    collect.show_link.click()
    wait_until(loop, lambda: collect.sale is Sale.WAITING, "the page")
    shown = collect.request
    assert shown is not None and shown.expires_at is not None
    page = client.v1.checkout.sessions.retrieve(shown.id)
    assert abs(page.expires_at - (time.time() + 45 * 60)) < 120
    assert collect.open_list.texts() == []  # the one on the screen is not repeated

    # Another request of this station, left open (as after a restart).
    session = window.state.session
    other = run(loop, window.state.run(request_payment, session, 250, "usd", "Scone",
                                       None, "payment_link", expires_in=3600))
    collect.reload_open_requests()
    assert collect.open_list.texts() == ["$2.50 · Scone · 0 min"]
    collect.open_list.cancel_buttons[0].click()
    wait_until(loop, lambda: collect.open_list.texts() == [], "the cancelled request")
    assert client.v1.payment_links.retrieve(other.id).active is False
    assert collect.sale is Sale.WAITING  # the sale on the screen is untouched


def test_a_listed_request_paid_as_it_is_cancelled_is_announced_against_its_sale(
        loop: qasync.QEventLoop, window: MainWindow) -> None:
    collect = _fill(window, "", "")
    other = run(loop, window.state.run(request_payment, window.state.session, 250, "usd",
                                       "Scone", None, "payment_link", expires_in=3600))
    collect.reload_open_requests()
    window.state.stop_sync()  # the customer pays before the screen hears of it
    assert run(loop, pay_hosted_page(other.url)) == 200
    collect.open_list.cancel_buttons[0].click()
    wait_until(loop, lambda: collect.open_list.texts() == [], "the closed request")
    assert ("Payment received on a closed request: $2.50 for “Scone”. It is in the latest "
            "payments.") in window.toasts.texts()
    window.state.start_sync()
    sync_now(loop, window)
    assert "$2.50  Succeeded" in collect.takings.rows[0].text()  # in the latest payments


def test_the_currency_is_chosen_from_the_list_only(
        loop: qasync.QEventLoop, window: MainWindow) -> None:
    collect = _fill(window, "", "")
    collect.amount.text_edit.setFocus()
    QTest.keyClick(collect.amount.text_edit, Qt.Key.Key_Tab)
    assert collect.description.hasFocus()
    before = collect.amount.currency
    QTest.keyClicks(collect.amount.currency_box, "Flat white")
    QTest.keyClick(collect.amount.currency_box, Qt.Key.Key_Down)
    assert collect.amount.currency == before


def test_messages_belong_to_their_action_and_a_disabled_button_says_why_beside_it(
        loop: qasync.QEventLoop, window: MainWindow, client: stripe.StripeClient) -> None:
    dora = customer_with_card(client, "pm_card_chargeCustomerFail", "Declined Dora")
    other = customer_with_card(client, "pm_card_visa", "Next Ned")
    sync_now(loop, window)
    collect = _fill(window, "20.00", "Groceries", dora)
    collect.charge.click()
    wait_until(loop, lambda: collect.message.text().startswith("Declined:"), "the decline")
    collect.customer.set_customer(window.state.cache.get("customers", other.id))
    assert collect.message.text() == ""

    collect.customer.set_customer(None)
    assert not collect.charge.isEnabled()
    assert collect.card_why.isVisibleTo(window)
    assert collect.card_why.text() == "Choose a customer with a saved card."

    collect.customer.set_customer(window.state.cache.get("customers", dora.id))
    collect.charge.click()
    wait_until(loop, lambda: collect.message.text().startswith("Declined:"), "the decline")
    offline = "Stripe unreachable: try again when online."
    window.state.online_changed.emit(False, offline)
    assert collect.message.text() == ""  # not beside the offline reason: said once
    assert collect.reason.text() == offline
    window.state.online_changed.emit(True, "")


def test_toasts_never_cover_the_cancel_button(
        loop: qasync.QEventLoop, window: MainWindow) -> None:
    window.resize(1280, 800)
    collect = _fill(window, "7.00", "Sandwich")
    collect.show_link.click()
    wait_until(loop, lambda: collect.sale is Sale.WAITING, "the page")
    for n in range(4):
        window.toasts.show_toast(f"Payment received: ${n}.00 from a long customer name here")
    QTest.qWait(50)
    cancel = collect.view.cancel
    cancel_rect = QRect(cancel.mapTo(window, QPoint(0, 0)), cancel.size())
    frames = [f for f in window.toasts.findChildren(QFrame) if f.objectName() == "toast"]
    assert frames
    for frame in frames:
        host: QWidget = frame
        toast_rect = QRect(host.mapTo(window, QPoint(0, 0)), host.size())
        assert not toast_rect.intersects(cancel_rect), (toast_rect, cancel_rect)
