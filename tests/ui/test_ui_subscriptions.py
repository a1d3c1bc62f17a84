"""The subscriptions panel against a live sandbox: start one (charged, 3D Secure, declined),
change it with the proration preview shown first, cancel at period end, undo, cancel now,
pause and resume collection, resume a paused subscription, the billing portal link, a
failing renewal turning past_due through a test clock and the poller, and offline review."""

from __future__ import annotations

import csv
from pathlib import Path

import qasync
import stripe
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QTableWidget
from sdk_support import DAY, START, add_default_card, advance_clock, paused_subscription
from ui_support import customer_with_card, run, sync_now, wait_until

from posapp.sandbox import Sandbox
from posapp.services.subscriptions import resume_subscription
from posapp.ui.shell.main_window import MainWindow, Panel
from posapp.ui.subscriptions.subscription_list_model import SubscriptionListModel
from posapp.ui.subscriptions.subscriptions_panel import SubscriptionsPanel

REASON = "Stripe unreachable: try again when online."
Cols = SubscriptionListModel.Columns


def _price(client: stripe.StripeClient, name: str = "Coffee Club",
           amount: int = 1500) -> stripe.Price:
    product = client.v1.products.create(params={"name": name})
    return client.v1.prices.create(params={"product": product.id, "currency": "usd",
                                           "unit_amount": amount,
                                           "recurring": {"interval": "month"}})


def _subscribe(client: stripe.StripeClient, customer: stripe.Customer, price: stripe.Price,
               quantity: int = 1) -> stripe.Subscription:
    return client.v1.subscriptions.create(params={
        "customer": customer.id, "items": [{"price": price.id, "quantity": quantity}]})


def _cell(panel: SubscriptionsPanel, sub_id: str, column: int) -> str:
    row = panel.model.row_of(sub_id)
    assert row is not None, "the subscription is not listed"
    return str(panel.model.index(row, column).data())


def _item_text(table: QTableWidget, row: int, column: int) -> str:
    item = table.item(row, column)
    return item.text() if item is not None else ""


def _select(loop: qasync.QEventLoop, window: MainWindow, sub_id: str) -> None:
    sync_now(loop, window)
    window.show_panel(Panel.SUBSCRIPTIONS)
    assert window.subscriptions.show_object(sub_id)


def test_new_subscription_on_the_default_card_is_active_and_listed(
        loop: qasync.QEventLoop, window: MainWindow, client: stripe.StripeClient) -> None:
    price = _price(client)
    _price(client, "Tea Club", 900)
    customer = customer_with_card(client, "pm_card_visa", "Sub Sally")
    sync_now(loop, window)
    window.show_panel(Panel.SUBSCRIPTIONS)
    panel = window.subscriptions
    dialog = panel.create_subscription()
    assert dialog.message.text() == "Choose the customer."
    assert not dialog.create_button.isEnabled()
    dialog.customer.set_customer(window.state.cache.get("customers", customer.id))
    assert dialog.card.text() == "Default card: Visa •••• 4242"
    labels = [dialog.rows[0].price.itemText(i) for i in range(dialog.rows[0].price.count())]
    assert "Coffee Club — $15.00 / month" in labels and "Tea Club — $9.00 / month" in labels
    assert dialog.rows[0].price.select_price(price.id)
    dialog.rows[0].quantity.setValue(2)
    assert dialog.create_button.isEnabled(), dialog.message.text()
    outcome = run(loop, dialog.save())
    assert outcome is not None and outcome.status == "active"
    assert panel.message.text() == "The subscription is active."
    sub_id = str(outcome.subscription["id"])
    assert _cell(panel, sub_id, Cols.CUSTOMER) == "Sub Sally"
    assert _cell(panel, sub_id, Cols.STATUS) == "Active"
    assert _cell(panel, sub_id, Cols.PRICE) == "Coffee Club — $15.00 / month"
    assert _cell(panel, sub_id, Cols.QUANTITY) == "2"
    assert _cell(panel, sub_id, Cols.NEXT_INVOICE) == "$30.00"
    assert _cell(panel, sub_id, Cols.PERIOD_END)
    detail = panel.detail
    assert detail.subscription["id"] == sub_id
    assert _item_text(detail.items, 0, 0) == "Coffee Club"
    wait_until(loop, lambda: detail.upcoming is not None, "the upcoming invoice preview")
    assert "$30.00" in detail.upcoming_summary.text()
    assert detail.upcoming_lines.count() >= 1
    sync_now(loop, window)
    assert detail.invoices_model.rowCount() == 1
    events = [detail.events.item(i).text() for i in range(detail.events.count())]
    assert any("customer.subscription.created" in e for e in events)
    first = detail.invoices_model.index(0, 0)
    detail.invoices.setCurrentIndex(first)
    detail.invoices.doubleClicked.emit(first)
    assert window.current_panel() is Panel.INVOICES
    assert sub_id in window.invoices.detail.subscription.text()


def test_card_needing_authentication_leaves_it_incomplete_with_the_invoice_link(
        loop: qasync.QEventLoop, window: MainWindow, client: stripe.StripeClient) -> None:
    price = _price(client)
    customer = customer_with_card(client, "pm_card_authenticationRequired", "Secure Sue")
    sync_now(loop, window)
    window.show_panel(Panel.SUBSCRIPTIONS)
    dialog = window.subscriptions.create_subscription()
    dialog.customer.set_customer(window.state.cache.get("customers", customer.id))
    dialog.rows[0].price.select_price(price.id)
    outcome = run(loop, dialog.save())
    assert outcome is not None and outcome.status == "incomplete"
    assert "3D Secure" in dialog.outcome_text()
    assert "invoice link" in window.subscriptions.message.text()
    link = dialog.link_dialog
    assert link is not None
    assert link.view.url.text() == outcome.hosted_invoice_url
    assert link.view.qr.text == outcome.hosted_invoice_url
    link.view.copy.click()
    assert QGuiApplication.clipboard().text() == outcome.hosted_invoice_url
    link.accept()
    sub_id = str(outcome.subscription["id"])
    assert _cell(window.subscriptions, sub_id, Cols.STATUS) == "Incomplete"


def test_declined_first_payment_with_error_if_incomplete_creates_nothing(
        loop: qasync.QEventLoop, window: MainWindow, client: stripe.StripeClient) -> None:
    price = _price(client)
    customer = customer_with_card(client, "pm_card_chargeCustomerFail", "Declined Dee")
    sync_now(loop, window)
    window.show_panel(Panel.SUBSCRIPTIONS)
    dialog = window.subscriptions.create_subscription()
    dialog.customer.set_customer(window.state.cache.get("customers", customer.id))
    dialog.rows[0].price.select_price(price.id)
    dialog.behavior.setCurrentIndex(dialog.behavior.findData("error_if_incomplete"))
    assert run(loop, dialog.save()) is None
    assert "declined" in dialog.message.text().lower()
    assert dialog.create_button.isEnabled()
    assert window.state.cache.count("subscriptions") == 0
    dialog.reject()


def test_dialog_needs_a_card_unless_invoiced_or_in_trial(
        loop: qasync.QEventLoop, window: MainWindow, client: stripe.StripeClient) -> None:
    price = _price(client)
    customer = client.v1.customers.create(params={"name": "No Card Nick",
                                                  "email": "nick@example.com"})
    sync_now(loop, window)
    dialog = window.subscriptions.create_subscription()
    dialog.customer.set_customer(window.state.cache.get("customers", customer.id))
    dialog.rows[0].price.select_price(price.id)
    assert "no default card" in dialog.message.text()
    assert not dialog.create_button.isEnabled()
    dialog.trial_days.setValue(14)
    assert dialog.create_button.isEnabled()
    dialog.trial_days.setValue(0)
    dialog.send_mode.setChecked(True)
    dialog.due_days.setValue(10)
    assert dialog.create_button.isEnabled()
    outcome = run(loop, dialog.save())
    assert outcome is not None and outcome.status == "active"
    assert dialog.outcome_text() == \
        "The subscription is active; Stripe e-mails each invoice, due in 10 days."
    sub_id = str(outcome.subscription["id"])
    assert window.subscriptions.detail.collection.text() == "Invoices e-mailed, due in 10 days"
    assert window.subscriptions.show_object(sub_id)


def test_quantity_change_is_previewed_before_it_can_be_confirmed(
        loop: qasync.QEventLoop, window: MainWindow, client: stripe.StripeClient) -> None:
    price = _price(client)
    customer = customer_with_card(client, "pm_card_visa", "Change Chad")
    sub = _subscribe(client, customer, price)
    _select(loop, window, sub.id)
    detail = window.subscriptions.detail
    dialog = detail.open_change()
    assert not dialog.change_button.isEnabled()
    assert dialog.message.text() == "Choose a new price or quantity."
    dialog.quantity.setValue(3)
    assert not dialog.change_button.isEnabled()
    assert dialog.change_button.toolTip() == "See the preview of the next invoice first."
    assert run(loop, dialog.send(confirmed=True)) is None
    preview = run(loop, dialog.preview())
    assert preview is not None and preview.proration_amount > 0
    assert dialog.summary.text().startswith("Next invoice: $")
    assert "for the change" in dialog.summary.text()
    assert dialog.lines.count() >= 2
    assert dialog.change_button.isEnabled()
    assert "Change Chad" in dialog.confirm_text() and "Visa •••• 4242" in dialog.confirm_text()
    dialog.quantity.setValue(4)
    assert not dialog.change_button.isEnabled() and dialog.summary.text() == ""
    dialog.quantity.setValue(3)
    assert dialog.change_button.isEnabled()
    changed = run(loop, dialog.send(confirmed=True))
    assert changed is not None
    assert _item_text(detail.items, 0, 2) == "3"
    assert _cell(window.subscriptions, sub.id, Cols.QUANTITY) == "3"


def test_price_change_with_no_proration(loop: qasync.QEventLoop, window: MainWindow,
                                        client: stripe.StripeClient) -> None:
    price = _price(client)
    bigger = _price(client, "Coffee Club Plus", 2500)
    customer = customer_with_card(client, "pm_card_visa", "Upgrade Uma")
    sub = _subscribe(client, customer, price)
    _select(loop, window, sub.id)
    dialog = window.subscriptions.detail.open_change()
    assert dialog.price.select_price(bigger.id)
    dialog.proration.setCurrentIndex(dialog.proration.findData("none"))
    preview = run(loop, dialog.preview())
    assert preview is not None and preview.proration_amount == 0
    assert run(loop, dialog.send(confirmed=True)) is not None
    assert _cell(window.subscriptions, sub.id, Cols.PRICE) == \
        "Coffee Club Plus — $25.00 / month"


def test_cancel_at_period_end_undo_then_cancel_now(
        loop: qasync.QEventLoop, window: MainWindow, client: stripe.StripeClient) -> None:
    price = _price(client)
    customer = customer_with_card(client, "pm_card_visa", "Cancel Cleo")
    sub = _subscribe(client, customer, price)
    _select(loop, window, sub.id)
    detail = window.subscriptions.detail
    assert not detail.undo_cancel.isEnabled()
    dialog = detail.open_cancel()
    assert dialog.at_period_end.isChecked() and not dialog.prorate.isEnabled()
    assert "keeps running" in dialog.question()
    assert run(loop, dialog.send(confirmed=True)) is not None
    assert "cancels on" in detail.status.text()
    assert detail.undo_cancel.isEnabled()
    assert _cell(window.subscriptions, sub.id, Cols.STATUS) == "Active, cancels"
    assert _cell(window.subscriptions, sub.id, Cols.NEXT_INVOICE) == ""

    assert run(loop, detail.undo_cancellation()) is not None
    assert "cancels" not in detail.status.text()
    assert not detail.undo_cancel.isEnabled()

    now = detail.open_cancel()
    now.now.setChecked(True)
    assert now.prorate.isEnabled()
    now.prorate.setChecked(True)
    assert "cannot be undone" in now.question()
    assert run(loop, now.send(confirmed=True)) is not None
    assert detail.status.text().startswith("Canceled")
    for button in (detail.change, detail.cancel, detail.pause, detail.resume):
        assert not button.isEnabled()
    assert "ended" in detail.upcoming_summary.text()


def test_a_refused_cancellation_is_said_in_the_dialog(
        loop: qasync.QEventLoop, window: MainWindow, client: stripe.StripeClient) -> None:
    sub = _subscribe(client, customer_with_card(client, "pm_card_visa", "Gone Gus"),
                     _price(client))
    _select(loop, window, sub.id)
    dialog = window.subscriptions.detail.open_cancel()
    client.v1.subscriptions.cancel(sub.id)  # elsewhere, before the dialog sends
    dialog.now.setChecked(True)

    assert run(loop, dialog.send(confirmed=True)) is None

    assert "canceled" in dialog.message.text().lower()
    assert dialog.isVisible() and dialog.subscription is None
    assert dialog.cancel_button.isEnabled()
    dialog.reject()


def test_pause_and_resume_collection(loop: qasync.QEventLoop, window: MainWindow,
                                     client: stripe.StripeClient) -> None:
    price = _price(client)
    customer = customer_with_card(client, "pm_card_visa", "Pause Paul")
    sub = _subscribe(client, customer, price)
    _select(loop, window, sub.id)
    detail = window.subscriptions.detail
    assert not detail.resume.isEnabled()
    assert run(loop, detail.pause_collection("keep_as_draft")) is not None
    assert "collection paused (invoices kept as drafts)" in detail.status.text()
    assert detail.resume.isEnabled() and not detail.pause.isEnabled()
    assert _cell(window.subscriptions, sub.id, Cols.STATUS) == "Active, collection paused"
    # Undoable, so nothing was asked: the toast says it and offers "Undo".
    assert "Collection paused for Pause Paul's subscription." in window.toasts.texts()
    (undo,) = window.toasts.buttons()
    assert undo.text() == "Undo"
    undo.click()
    wait_until(loop, lambda: "paused" not in detail.status.text(), "the undo (resumed)")
    assert not window.toasts.buttons()  # the toast went with its click
    run(loop, detail.pause_collection("keep_as_draft"))
    window.toasts.clear()
    assert run(loop, detail.resume_collection()) is not None
    assert "paused" not in detail.status.text()
    assert detail.pause.isEnabled()
    assert "Collection resumed for Pause Paul's subscription." in window.toasts.texts()
    window.toasts.buttons()[-1].click()
    wait_until(loop, lambda: "invoices kept as drafts" in detail.status.text(),
               "the undo (paused again as before)")


def test_paused_subscription_is_resumed_and_billed(
        loop: qasync.QEventLoop, window: MainWindow, client: stripe.StripeClient) -> None:
    sub_id, customer_id = paused_subscription(client, "Paused Pat")
    add_default_card(client, customer_id)
    _select(loop, window, sub_id)
    panel = window.subscriptions
    detail = panel.detail
    assert _cell(panel, sub_id, Cols.STATUS) == "Paused"
    assert detail.resume_paused.isEnabled()
    assert not detail.resume.isEnabled() and not detail.pause.isEnabled()

    assert run(loop, detail.resume_subscription(confirmed=True)) is not None

    assert detail.status.text().startswith("Active")
    assert not detail.resume_paused.isEnabled()
    assert detail.pause.isEnabled()
    assert _cell(panel, sub_id, Cols.STATUS) == "Active"
    assert detail.invoices_model.rowCount() == 2  # the trial's $0 one and the resumed period's


def test_without_a_card_resume_is_not_offered_but_a_card_link_or_an_invoice_is(
        loop: qasync.QEventLoop, window: MainWindow, client: stripe.StripeClient) -> None:
    sub_id, _ = paused_subscription(client, "Cardless Cal")
    _select(loop, window, sub_id)
    detail = window.subscriptions.detail

    assert not detail.resume_paused.isEnabled()
    assert detail.resume_paused.toolTip() == detail.reason.text() == (
        "Cardless Cal has no card on file: collect a card, or resume and send an invoice.")
    assert detail.reason.isVisibleTo(detail)
    assert detail.collect_card.isEnabled() and detail.resume_invoiced.isEnabled()
    # Even forced, Stripe's raw "no attached payment source" is never shown.
    assert run(loop, detail.resume_subscription(confirmed=True)) is None
    assert "payment source" not in detail.reason.text()
    assert detail.reason.text() == ("The customer has no card on file: collect a card, or "
                                    "send an invoice instead.")

    card_link = run(loop, detail.start_card_collection())
    assert card_link is not None and card_link.view.url.text().startswith("http")
    card_link.reject()

    resumed = run(loop, detail.resume_with_invoice(confirmed=True))

    assert resumed is not None
    assert detail.status.text().startswith("Active")
    assert detail.collection.text() == "Invoices e-mailed, due in 30 days"
    stripe_sub = client.v1.subscriptions.retrieve(sub_id, params={"expand": ["latest_invoice"]})
    assert stripe_sub.status == "active" and stripe_sub.collection_method == "send_invoice"
    assert not detail.collect_card.isVisibleTo(detail)
    assert not detail.resume_invoiced.isVisibleTo(detail)


def test_resume_subscription_is_only_offered_for_paused_ones(
        loop: qasync.QEventLoop, window: MainWindow, client: stripe.StripeClient) -> None:
    sub = _subscribe(client, customer_with_card(client, "pm_card_visa", "Running Rae"),
                     _price(client))
    _select(loop, window, sub.id)
    detail = window.subscriptions.detail
    assert not detail.resume_paused.isEnabled()
    assert run(loop, detail.pause_collection("void")) is not None
    assert detail.resume.isEnabled() and not detail.resume_paused.isEnabled()


def test_billing_portal_link_with_qr_and_copy(
        loop: qasync.QEventLoop, window: MainWindow, client: stripe.StripeClient) -> None:
    price = _price(client)
    customer = customer_with_card(client, "pm_card_visa", "Portal Pia")
    sub = _subscribe(client, customer, price)
    _select(loop, window, sub.id)
    dialog = run(loop, window.subscriptions.detail.send_portal_link())
    assert dialog is not None
    url = dialog.view.url.text()
    assert url.startswith("http")
    assert dialog.view.qr.text == url
    assert "Portal Pia" in dialog.view.heading.text()
    dialog.view.copy.click()
    assert QGuiApplication.clipboard().text() == url
    dialog.accept()


def test_failing_card_turns_past_due_after_a_clock_advance(
        loop: qasync.QEventLoop, window: MainWindow, client: stripe.StripeClient) -> None:
    clock = client.v1.test_helpers.test_clocks.create(params={"frozen_time": START})
    customer = client.v1.customers.create(params={"name": "Failing Fay",
                                                  "test_clock": clock.id})
    visa = client.v1.payment_methods.attach("pm_card_visa", params={"customer": customer.id})
    client.v1.customers.update(customer.id, params={
        "invoice_settings": {"default_payment_method": visa.id}})
    sub = _subscribe(client, customer, _price(client))
    _select(loop, window, sub.id)
    panel = window.subscriptions
    assert _cell(panel, sub.id, Cols.STATUS) == "Active"
    failing = client.v1.payment_methods.attach("pm_card_chargeCustomerFail",
                                               params={"customer": customer.id})
    client.v1.customers.update(customer.id, params={
        "invoice_settings": {"default_payment_method": failing.id}})
    advance_clock(client, clock.id, START + 32 * DAY)
    sync_now(loop, window)
    assert _cell(panel, sub.id, Cols.STATUS) == "Past due"
    panel.status_filter.setCurrentIndex(panel.status_filter.findData("past_due"))
    assert panel.model.rowCount() == 1
    assert panel.model.object_at(0) is not None
    assert panel.detail.status.text().startswith("Past due")
    assert panel.detail.invoices_model.rowCount() == 2


def test_offline_lists_and_export_work_and_actions_say_why(
        loop: qasync.QEventLoop, window: MainWindow, sandbox: Sandbox,
        client: stripe.StripeClient, tmp_path: Path) -> None:
    price = _price(client)
    customer = customer_with_card(client, "pm_card_visa", "Offline Otto")
    sub = _subscribe(client, customer, price)
    sync_now(loop, window)
    sandbox.stop()
    window.state.expect_activity()
    wait_until(loop, lambda: not window.state.online, "the app to notice it is offline")
    window.show_panel(Panel.SUBSCRIPTIONS)
    panel = window.subscriptions
    panel.model.reload()
    assert panel.show_object(sub.id)
    detail = panel.detail
    for button in (detail.change, detail.cancel, detail.pause, detail.portal):
        assert not button.isEnabled()
        assert button.toolTip() == REASON
    assert detail.reason.text() == REASON
    assert not panel.new.isEnabled() and panel.new.toolTip() == REASON
    assert detail.upcoming_summary.text() == "The next invoice can be previewed when online."
    assert detail.amount.text() == "$15.00"
    path = tmp_path / "subscriptions.csv"
    assert run(loop, panel.export_csv(path)) == 1
    with path.open(encoding="utf-8-sig", newline="") as handle:
        (row,) = list(csv.DictReader(handle))
    assert row["id"] == sub.id and row["status"] == "active"
    assert row["amount_per_period"] == "15.00"
    assert not window.state.online


def test_next_charge_is_told_the_same_in_list_and_detail_and_never_promised_wrongly(
        loop: qasync.QEventLoop, window: MainWindow, client: stripe.StripeClient) -> None:
    price = _price(client, amount=5800)
    customer = customer_with_card(client, "pm_card_visa", "Next Nell")
    sub = _subscribe(client, customer, price)
    # A quantity change whose proration waits for the next invoice: Stripe's preview is
    # more than the price list says.
    client.v1.subscriptions.update(sub.id, params={
        "items": [{"id": sub["items"].data[0].id, "quantity": 2}],
        "proration_behavior": "create_prorations"})
    _select(loop, window, sub.id)
    panel = window.subscriptions
    detail = panel.detail
    preview = run(loop, detail.fetch_upcoming())
    assert preview is not None and preview["amount_due"] != 2 * 5800
    shown = window.state.formats.money(preview["amount_due"], "usd")
    assert detail.amount.text() == shown
    assert _cell(panel, sub.id, Cols.NEXT_INVOICE) == shown
    end = window.state.formats.date(sub["items"].data[0].current_period_end)
    assert detail.upcoming_summary.text() == \
        f"Charged to the default card on {end}: {shown}"

    assert run(loop, detail.pause_collection("keep_as_draft")) is not None
    run(loop, detail.fetch_upcoming())
    assert detail.collection.text() == "Collection paused: nothing is charged until resumed"
    assert detail.upcoming_summary.text() == \
        "No charge while collection is paused (until you resume it)."
    assert detail.amount.text() == ""
    assert _cell(panel, sub.id, Cols.NEXT_INVOICE) == ""
    assert run(loop, detail.resume_collection()) is not None

    dialog = detail.open_cancel()
    assert run(loop, dialog.send(confirmed=True)) is not None
    run(loop, detail.fetch_upcoming())
    assert detail.upcoming_summary.text() == \
        f"No next invoice: the subscription cancels on {end}."
    assert detail.amount.text() == ""
    assert _cell(panel, sub.id, Cols.NEXT_INVOICE) == ""


def test_the_panels_success_message_goes_when_a_later_action_fails(
        loop: qasync.QEventLoop, window: MainWindow, client: stripe.StripeClient) -> None:
    price = _price(client)
    customer = customer_with_card(client, "pm_card_visa", "Green Gus")
    sync_now(loop, window)
    window.show_panel(Panel.SUBSCRIPTIONS)
    panel = window.subscriptions
    dialog = panel.create_subscription()
    dialog.customer.set_customer(window.state.cache.get("customers", customer.id))
    assert dialog.rows[0].price.select_price(price.id)
    outcome = run(loop, dialog.save())
    assert outcome is not None and panel.message.text() == "The subscription is active."

    detail = panel.detail  # Stripe refuses to resume a subscription that is not paused
    assert run(loop, detail.run_action(resume_subscription, str(outcome.subscription["id"])))\
        is None
    assert detail.reason.objectName() == "error"
    assert panel.message.text() == ""  # no green "active" beside the red failure
