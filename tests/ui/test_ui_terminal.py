"""The collect screen's "Card reader" tender against a live sandbox: the amount typed shows
on the reader, a tapped card turns the screen to Paid, a decline says why and another card
pays the same sale, cancel from the screen, an offline reader, a time-out, manual capture,
a second click, and the readers dialog registering a simulated reader."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import qasync
import stripe
from sdk_support import lose_answers
from ui_support import demo_controller, run, wait_until

from posapp.sandbox import Sandbox
from posapp.services.cart import Cart, Coupon, Line, TaxRate, Tip
from posapp.services.receipts import receipt_for
from posapp.ui.payments.collect_panel import CollectPanel, Sale
from posapp.ui.payments.readers_dialog import ReadersDialog, station_key
from posapp.ui.shell.main_window import MainWindow, Panel
from posapp.worker import Worker


def _reader(client: stripe.StripeClient) -> str:
    place = client.v1.terminal.locations.create(params={
        "display_name": "Café", "address": {"country": "US", "city": "Portland"}})
    reader = client.v1.terminal.readers.create(params={
        "registration_code": "simulated-wpe", "label": "Counter", "location": place.id})
    return reader.id


def _ready(loop: qasync.QEventLoop, window: MainWindow, client: stripe.StripeClient,
           amount: str = "12.50", description: str = "Two flat whites") -> tuple[CollectPanel,
                                                                                 str]:
    reader_id = _reader(client)
    window.show_panel(Panel.COLLECT)
    collect = window.collect
    run(loop, collect.reader.reload_readers())
    assert collect.reader.reader_id() == reader_id
    collect.amount.text_edit.setText(amount)
    collect.description.setText(description)
    assert collect.reader.button.isEnabled(), collect.reader.button.toolTip()
    return collect, reader_id


def _tap(client: stripe.StripeClient, reader_id: str, number: str = "4242424242424242",
         **params: Any) -> None:
    client.v1.test_helpers.terminal.readers.present_payment_method(
        reader_id, params={"card_present": {"number": number}, **params})


def _helper(client: stripe.StripeClient, reader_id: str, action: str, **params: Any) -> None:
    client.raw_request("post", f"/v1/test_helpers/sandbox/terminal/readers/{reader_id}/"
                               f"{action}", **params)


def _succeeded(client: stripe.StripeClient) -> int:
    return sum(1 for c in client.v1.charges.list(params={"limit": 100}).data
               if c.status == "succeeded")


def test_a_tapped_card_pays_the_sale_and_the_reader_showed_it(
        loop: qasync.QEventLoop, window: MainWindow, client: stripe.StripeClient) -> None:
    collect, reader_id = _ready(loop, window, client)
    run(loop, collect.reader.show_sale_on_reader())
    action = client.v1.terminal.readers.retrieve(reader_id).action
    assert action is not None and action.type == "set_reader_display"
    cart: Any = action.set_reader_display.cart  # type: ignore[union-attr]
    assert [(i.description, i.amount, i.quantity) for i in cart.line_items] == [
        ("Two flat whites", 1250, 1)]
    assert (cart.total, cart.currency) == (1250, "usd")

    outcome = run(loop, collect.reader.collect())
    assert outcome is not None and outcome.state == "waiting"
    assert collect.sale is Sale.WAITING
    assert collect.center.currentWidget() is collect.reader.view
    assert collect.reader.message.text() == "Tap, insert or swipe on the reader."
    assert "$12.50" in collect.reader.amount.text()
    assert run(loop, collect.reader.collect()) is None  # a second click starts nothing
    _tap(client, reader_id)
    wait_until(loop, collect.view.is_paid, "the Paid state")
    assert collect.sale is Sale.PAID
    assert "$12.50" in collect.view.outcome_detail.text()
    assert "Visa •••• 4242" in collect.view.outcome_detail.text()
    assert _succeeded(client) == 1
    assert len(client.v1.payment_intents.list().data) == 1
    collect.new_sale()
    assert collect.sale is Sale.EDITING
    # The next customer's amount shows; a sale given up takes it off the reader.
    collect.amount.text_edit.setText("3.20")
    run(loop, collect.reader.show_sale_on_reader())
    shown = client.v1.terminal.readers.retrieve(reader_id).action
    assert shown is not None and shown.set_reader_display.cart.total == 320  # type: ignore[union-attr]
    collect.new_sale()
    wait_until(loop, lambda: client.v1.terminal.readers.retrieve(reader_id).action is None,
               "the reader's screen cleared")


def test_a_decline_says_why_and_another_card_pays(
        loop: qasync.QEventLoop, window: MainWindow, client: stripe.StripeClient) -> None:
    collect, reader_id = _ready(loop, window, client)
    run(loop, collect.reader.collect())
    _tap(client, reader_id, "4000000000009995")
    outcome = run(loop, collect.reader.refresh())
    assert outcome is not None and outcome.state == "declined"
    assert collect.reader.message.text() == ("Declined: Your card has insufficient funds. "
                                             "The customer can try another card.")
    assert collect.reader.retry.isVisibleTo(collect.reader.view)
    assert collect.sale is Sale.WAITING
    again = run(loop, collect.reader.try_again())
    assert again is not None and again.state == "waiting"
    _tap(client, reader_id)
    wait_until(loop, collect.view.is_paid, "the Paid state")
    assert _succeeded(client) == 1


def test_cancel_from_the_screen_and_an_offline_reader(
        loop: qasync.QEventLoop, window: MainWindow, client: stripe.StripeClient) -> None:
    collect, reader_id = _ready(loop, window, client)
    run(loop, collect.reader.collect())
    payment = collect.reader.payment
    assert payment is not None
    run(loop, collect.cancel_request())  # what Esc and Cancel do
    assert collect.sale is Sale.EDITING
    assert collect.message.text() == "The reader payment was canceled; nothing was charged."
    assert client.v1.payment_intents.retrieve(payment.payment_intent_id).status == "canceled"

    _helper(client, reader_id, "set_status", status="offline")
    outcome = run(loop, collect.reader.collect())
    assert outcome is not None and outcome.state == "offline"
    assert collect.reader.message.text().startswith("The reader is offline")
    _helper(client, reader_id, "set_status", status="online")
    assert run(loop, collect.reader.try_again()).state == "waiting"  # type: ignore[union-attr]
    _helper(client, reader_id, "timeout_action")
    timed_out = run(loop, collect.reader.refresh())
    assert timed_out is not None and timed_out.state == "timed_out"
    assert "stopped waiting" in collect.reader.message.text()
    run(loop, collect.reader.try_again())
    client.v1.terminal.readers.cancel_action(reader_id)  # the customer cancels on the reader
    stopped = run(loop, collect.reader.refresh())
    assert stopped is not None and stopped.state == "stopped"
    assert collect.reader.message.text().startswith("The reader stopped collecting")
    assert collect.sale is Sale.WAITING and collect.reader.retry.isVisibleTo(collect.reader.view)
    run(loop, collect.reader.cancel_payment())
    assert collect.sale is Sale.EDITING and _succeeded(client) == 0


def _cart() -> Cart:
    """Two flat whites taxed on top and a croissant, 10% off, with a 10% tip."""
    tax = TaxRate("txr_x", "Sales tax", Decimal("8.875"), inclusive=False)
    return (Cart("usd").add(Line("Flat white", 450, quantity=2, tax_rates=(tax,)))
            .add(Line("Croissant", 350))
            .with_coupon(Coupon("c10", "10% off", percent_off=Decimal(10)))
            .with_tip(Tip(percent=Decimal(10))))


def _ring_up(loop: qasync.QEventLoop, window: MainWindow, client: stripe.StripeClient,
             cart: Cart) -> tuple[CollectPanel, str]:
    """A reader, and `cart` rung up on the sale screen and handed to the collect screen."""
    reader_id = _reader(client)
    run(loop, window.collect.reader.reload_readers())
    window.show_panel(Panel.SALE)
    window.sale._set_cart(cart)
    window.sale.request_collect()
    collect = window.collect
    assert collect.cart == cart and window.current_panel() is Panel.COLLECT
    assert collect.reader.button.isEnabled(), collect.reader.button.toolTip()
    return collect, reader_id


def test_a_cart_is_paid_on_the_reader_with_its_receipt_and_the_next_sale_starts_empty(
        loop: qasync.QEventLoop, window: MainWindow, client: stripe.StripeClient,
        tmp_path: Path) -> None:
    cart = _cart()
    total = cart.totals().total
    collect, reader_id = _ring_up(loop, window, client, cart)
    # The sale screen's cart went to the reader's screen while it was rung up.
    wait_until(loop, lambda: _shown_total(client, reader_id) == total, "the cart on the reader")

    outcome = run(loop, collect.reader.collect())
    assert outcome is not None and outcome.state == "waiting" and outcome.amount == total
    assert run(loop, collect.reader.collect()) is None  # a second click starts nothing
    collect.reader.button.click()  # nor does a click on the (locked) button
    [intent] = client.v1.payment_intents.list().data
    assert intent.amount == total and intent.description == "2 × Flat white, Croissant"
    assert intent.metadata["posapp_tip"] == str(cart.totals().tip)
    _tap(client, reader_id, "5555555555554444")
    wait_until(loop, collect.view.is_paid, "the Paid state")
    assert collect.view.outcome_detail.text() == (
        f"{window.state.formats.money(total, 'usd')} · Mastercard •••• 4444")
    assert collect.receipt_box.isVisibleTo(window)
    saved = run(loop, collect.save_receipt(tmp_path / "receipt.pdf"))
    assert saved is not None and saved.stat().st_size > 0
    receipt = receipt_for(window.state.session, intent.id)
    assert (receipt.total, receipt.tip, receipt.card_brand, receipt.card_last4) == (
        total, cart.totals().tip, "mastercard", "4444")  # the card read by the reader
    assert [c.amount for c in client.v1.charges.list().data] == [total]

    collect.new_sale()
    assert collect.cart is None and window.sale.cart.is_empty  # the cart is cleared
    wait_until(loop, lambda: client.v1.terminal.readers.retrieve(reader_id).action is None
               or client.v1.terminal.readers.retrieve(reader_id).action.type  # type: ignore[union-attr]
               != "set_reader_display", "the reader's screen cleared")


def test_a_cart_priced_with_stripe_tax_cannot_go_to_the_reader_and_says_why(
        loop: qasync.QEventLoop, window: MainWindow, client: stripe.StripeClient) -> None:
    reader_id = _reader(client)
    run(loop, window.collect.reader.reload_readers())
    window.show_panel(Panel.SALE)
    window.sale._set_cart(_cart().with_automatic_tax(True))
    window.sale.request_collect()
    collect, reader = window.collect, window.collect.reader
    assert reader.reader_id() == reader_id and collect.cart is not None
    # Its total leaves Stripe Tax out: the reader would undercharge.
    why = ("Stripe Tax is worked out on Checkout and invoices: take this cart by payment "
           "page, saved card or cash.")
    assert not reader.button.isEnabled() and reader.button.toolTip() == why
    assert reader.why.isVisibleTo(window) and reader.why.text() == why
    assert collect.show_link.isEnabled() and collect.cash.isEnabled()  # the other ways
    reader.button.click()
    assert run(loop, reader.collect()) is None
    assert client.v1.payment_intents.list().data == []
    assert collect.sale is Sale.EDITING


def _shown_total(client: stripe.StripeClient, reader_id: str) -> int | None:
    action = client.v1.terminal.readers.retrieve(reader_id).action
    if action is None or action.type != "set_reader_display":
        return None
    return int(action.set_reader_display.cart.total)  # type: ignore[union-attr]


def test_the_cart_follows_the_sale_screen_on_the_reader_and_leaves_when_emptied(
        loop: qasync.QEventLoop, window: MainWindow, client: stripe.StripeClient) -> None:
    reader_id = _reader(client)
    run(loop, window.collect.reader.reload_readers())
    sale = window.sale
    window.show_panel(Panel.SALE)
    for quantity in (1, 2, 3):  # rung up faster than the reader is asked
        sale._set_cart(Cart("usd").add(Line("Espresso", 350, quantity=quantity)))
    wait_until(loop, lambda: _shown_total(client, reader_id) == 1050, "the latest cart")
    action = client.v1.terminal.readers.retrieve(reader_id).action
    cart: Any = action.set_reader_display.cart  # type: ignore[union-attr]
    assert [(i.description, i.amount, i.quantity) for i in cart.line_items] == [
        ("Espresso", 1050, 3)]
    assert (cart.tax, cart.total, cart.currency) == (0, 1050, "usd")
    sale._set_cart(_cart())
    wait_until(loop, lambda: _shown_total(client, reader_id) == _cart().totals().total,
               "the changed cart")
    shown: Any = client.v1.terminal.readers.retrieve(reader_id).action.set_reader_display.cart  # type: ignore[union-attr]
    assert [(i.description, i.quantity) for i in shown.line_items] == [
        ("Flat white", 2), ("Croissant", 1), ("Tip", 1)]
    assert shown.tax == _cart().totals().tax
    sale.clear()
    wait_until(loop, lambda: client.v1.terminal.readers.retrieve(reader_id).action is None,
               "the reader's screen cleared")


def test_a_carts_reader_payment_declined_then_canceled_from_the_screen(
        loop: qasync.QEventLoop, window: MainWindow, client: stripe.StripeClient) -> None:
    cart = _cart()
    collect, reader_id = _ring_up(loop, window, client, cart)
    run(loop, collect.reader.collect())
    _tap(client, reader_id, "4000000000000002")
    declined = run(loop, collect.reader.refresh())
    assert declined is not None and declined.state == "declined"
    assert collect.reader.message.text().startswith("Declined: Your card was declined.")
    assert collect.sale is Sale.WAITING and collect.cart == cart
    collect.view.cancel_requested.emit()  # Cancel on the screen
    wait_until(loop, lambda: collect.sale is Sale.EDITING, "the sale back to editing")
    assert collect.message.text() == "The reader payment was canceled; nothing was charged."
    assert collect.cart == cart  # the cart stays for another tender
    [intent] = client.v1.payment_intents.list().data
    assert intent.status == "canceled" and intent.amount == cart.totals().total
    assert _succeeded(client) == 0


def test_a_carts_reader_payment_whose_start_is_unknown_is_settled_with_the_same_key(
        loop: qasync.QEventLoop, window: MainWindow, client: stripe.StripeClient) -> None:
    cart = _cart()
    collect, reader_id = _ring_up(loop, window, client, cart)
    # The reader starts; the answer is lost.
    dropping = lose_answers(window.state.session.gateway, "/process_payment_intent")
    run(loop, collect.reader.collect())
    assert collect.sale is Sale.UNKNOWN
    assert "The reader payment may or may not have been started." in (
        collect.view.outcome_detail.text())
    dropping[0] = False
    collect.view.check_again.click()
    wait_until(loop, lambda: collect.sale is Sale.WAITING, "the reader collecting")
    _tap(client, reader_id)
    wait_until(loop, collect.view.is_paid, "the Paid state")
    assert len(client.v1.payment_intents.list().data) == 1
    assert [c.amount for c in client.v1.charges.list().data] == [cart.totals().total]


def test_the_stations_reader_is_chosen_in_settings_and_kept_across_a_restart(
        loop: qasync.QEventLoop, tmp_path: Path, sandbox: Sandbox, worker: Worker,
        client: stripe.StripeClient) -> None:
    first_reader, second_reader = _reader(client), _reader(client)
    first = demo_controller(tmp_path, sandbox, worker)
    run(loop, first.start())
    try:
        assert isinstance(first.window, MainWindow)
        dialog = first.open_settings()
        page = dialog.reader_page
        assert page is not None
        wait_until(loop, lambda: page.choice.findData(second_reader) >= 0, "the readers")
        page.choice.setCurrentIndex(page.choice.findData(second_reader))
        dialog._save()
        # The collect screen takes it at once, or as soon as its own list of readers is in.
        reader = first.window.collect.reader
        wait_until(loop, lambda: reader.reader_id() == second_reader, "the station's reader")
    finally:
        first.shutdown()
    second = demo_controller(tmp_path, sandbox, worker)
    run(loop, second.start())
    try:
        window = second.window
        assert isinstance(window, MainWindow)
        reader = window.collect.reader
        wait_until(loop, lambda: reader.reader_id() == second_reader, "the station's reader")
        reader.choice.setCurrentIndex(reader.choice.findData(first_reader))  # this sale only
        reader.reset()  # the next sale
        assert reader.reader_id() == second_reader
    finally:
        second.shutdown()


def test_authorise_only_then_capture_with_a_tip(
        loop: qasync.QEventLoop, window: MainWindow, client: stripe.StripeClient) -> None:
    state = window.state
    state.ui_settings.setValue(station_key(state, "authorise_only"), "true")
    state.ui_settings.setValue(station_key(state, "tipping"), "true")
    collect, reader_id = _ready(loop, window, client)
    run(loop, collect.reader.collect())
    _tap(client, reader_id, amount_tip=200)
    held = run(loop, collect.reader.refresh())
    assert held is not None and held.state == "requires_capture"
    assert collect.reader.message.text().startswith("Authorised $14.50")
    assert collect.reader.capture.isVisibleTo(collect.reader.view)
    run(loop, collect.reader.capture_now())
    assert collect.view.is_paid()
    assert "tip $2.00" in collect.view.outcome_detail.text()
    [charge] = client.v1.charges.list().data
    assert charge.captured and charge.amount_captured == 1450


def test_the_readers_dialog_registers_a_simulated_reader(
        loop: qasync.QEventLoop, window: MainWindow, client: stripe.StripeClient) -> None:
    dialog = ReadersDialog(window.state, window)
    wait_until(loop, lambda: dialog.location.count() == 0 and dialog.list.count() == 0,
               "the empty lists")
    dialog.code.setText("simulated-s700")
    dialog.label.setText("Bar")
    dialog.location_name.setText("Café")
    dialog.location_country.setText("us")
    reader = run(loop, dialog.register_reader())
    assert reader is not None and reader["device_type"] == "simulated_stripe_s700"
    assert dialog.message.text() == "Reader “Bar” registered."
    assert [dialog.list.item(i).text() for i in range(dialog.list.count())] == [
        "Bar · online · idle"]
    dialog.code.setText("wrong-code")
    assert run(loop, dialog.register_reader()) is None
    assert "registration code" in dialog.message.text()
    run(loop, dialog.rename_reader(reader["id"], "Terrace"))
    assert dialog.list.item(0).text().startswith("Terrace")
    run(loop, dialog.delete_reader(reader["id"]))
    assert dialog.list.count() == 0
    dialog.close()


def test_a_restart_during_the_reader_action_shows_the_sales_true_outcome(
        loop: qasync.QEventLoop, tmp_path: Path, sandbox: Sandbox, worker: Worker,
        client: stripe.StripeClient) -> None:
    # The app goes away while the reader collects a cart (tests/services/
    # test_services_terminal.py kills the services with SIGKILL at this point); the customer
    # pays meanwhile.
    first = demo_controller(tmp_path, sandbox, worker)
    run(loop, first.start())
    assert isinstance(first.window, MainWindow)
    cart = _cart()
    collect, reader_id = _ring_up(loop, first.window, client, cart)
    run(loop, collect.reader.collect())
    first.shutdown()
    _tap(client, reader_id)

    second = demo_controller(tmp_path, sandbox, worker)
    try:
        run(loop, second.start())
        window = second.window
        assert isinstance(window, MainWindow)
        again = window.collect
        wait_until(loop, again.view.is_paid, "the sale shown paid after the restart")
        total = window.state.formats.money(cart.totals().total, "usd")
        assert again.view.outcome_detail.text().startswith(f"{total} · Visa •••• 4242")
        assert again.description.text() == "2 × Flat white, Croissant"
        assert _succeeded(client) == 1
        assert len(client.v1.payment_intents.list().data) == 1
        again.new_sale()
        assert run(loop, again.reader.resume()) is None  # the sale is over: nothing to show
    finally:
        second.shutdown()
