"""The payments panel: markers and timeline from the cache, capture of an uncaptured
payment, and a partial refund that is blocked above what remains."""

from __future__ import annotations

import pytest
import qasync
import stripe
from PySide6.QtWidgets import QMessageBox
from ui_support import customer_with_card, run, sync_now, wait_until

from posapp.ui.common.app_state import ProfileView
from posapp.ui.common.theme import DisplayMode
from posapp.ui.payments.capture_dialog import CaptureDialog
from posapp.ui.payments.payment_list_model import PaymentListModel
from posapp.ui.shell.main_window import MainWindow, Panel


def _payment(client: stripe.StripeClient, customer: stripe.Customer, amount: int,
             capture: str = "automatic") -> stripe.PaymentIntent:
    return client.v1.payment_intents.create(params={
        "amount": amount, "currency": "usd", "customer": customer.id,
        "payment_method": str(customer.invoice_settings.default_payment_method),
        "confirm": True, "capture_method": capture, "description": "Counter sale"})


def test_list_shows_payment_with_card_and_timeline(
        loop: qasync.QEventLoop, window: MainWindow, client: stripe.StripeClient) -> None:
    customer = customer_with_card(client, "pm_card_visa", "Paula")
    intent = _payment(client, customer, 1999)
    sync_now(loop, window)
    window.show_panel(Panel.PAYMENTS)
    panel = window.payments
    assert panel.show_object(intent.id)
    model = panel.model
    row = model.row_of(intent.id)
    assert row is not None
    cols = PaymentListModel.Columns
    assert model.index(row, cols.AMOUNT).data() == "$19.99"
    assert model.index(row, cols.STATUS).data() == "Succeeded"
    assert model.index(row, cols.CUSTOMER).data() == "Paula"
    assert model.index(row, cols.CARD).data() == "Visa •••• 4242"
    detail = panel.detail
    assert detail.amount.text() == "$19.99"
    events = [detail.timeline.item(i).text() for i in range(detail.timeline.count())]
    assert any("payment_intent.succeeded" in e for e in events)
    assert not detail.capture.isEnabled()


def _open_capture(loop: qasync.QEventLoop, window: MainWindow, intent_id: str) -> CaptureDialog:
    sync_now(loop, window)
    window.show_panel(Panel.PAYMENTS)
    assert window.payments.show_object(intent_id)
    detail = window.payments.detail
    assert detail.capture.isEnabled() and detail.cancel.isEnabled()
    detail.capture.click()
    dialog = detail.findChild(CaptureDialog)
    assert dialog is not None and dialog.isVisible()
    return dialog


def test_capture_offers_the_amount_and_asks_first(
        loop: qasync.QEventLoop, window: MainWindow, client: stripe.StripeClient,
        monkeypatch: pytest.MonkeyPatch) -> None:
    customer = customer_with_card(client, "pm_card_visa", "Hold Harry")
    intent = _payment(client, customer, 5000, capture="manual")
    dialog = _open_capture(loop, window, intent.id)
    assert dialog.authorised.text() == "$50.00"
    assert dialog.amount.text_edit.text() == "50.00"
    dialog.amount.text_edit.setText("60")
    assert not dialog.capture_button.isEnabled()
    assert dialog.message.text() == "At most $50.00 can be captured."
    dialog.amount.text_edit.setText("35")
    assert dialog.capture_button.isEnabled()
    asked: list[str] = []

    def answer(reply: QMessageBox.StandardButton) -> object:
        def ask(_parent: object, _title: str, text: str, *_args: object) -> object:
            asked.append(text)
            return reply
        return ask

    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.No))
    dialog.capture_button.click()
    wait_until(loop, lambda: asked, "the confirmation")
    assert asked == ["Capture $35.00 of the $50.00 authorised from Hold Harry, Visa •••• "
                     "4242? The other $15.00 is released to the customer."]
    assert client.v1.payment_intents.retrieve(intent.id).status == "requires_capture"
    assert dialog.isVisible()

    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Yes))
    assert run(loop, dialog.send()) is not None
    captured = client.v1.payment_intents.retrieve(intent.id)
    assert (captured.status, captured.amount_received) == ("succeeded", 3500)
    assert not dialog.isVisible()
    detail = window.payments.detail
    assert detail.status.text() == "Succeeded"
    assert not detail.capture.isEnabled()


def test_capture_of_the_whole_amount_says_nothing_is_released(
        loop: qasync.QEventLoop, window: MainWindow, client: stripe.StripeClient) -> None:
    customer = customer_with_card(client, "pm_card_visa", "Whole Wanda")
    intent = _payment(client, customer, 2000, capture="manual")
    dialog = _open_capture(loop, window, intent.id)
    assert dialog.question() == "Capture $20.00 from Whole Wanda, Visa •••• 4242?"
    assert run(loop, dialog.send(confirmed=True)) is not None
    assert client.v1.payment_intents.retrieve(intent.id).amount_received == 2000


def test_partial_refund_then_too_large_is_blocked(
        loop: qasync.QEventLoop, window: MainWindow, client: stripe.StripeClient) -> None:
    customer = customer_with_card(client, "pm_card_visa", "Refund Rita")
    intent = _payment(client, customer, 1250)
    sync_now(loop, window)
    window.show_panel(Panel.PAYMENTS)
    assert window.payments.show_object(intent.id)
    dialog = window.payments.detail.open_refund()
    assert dialog.remaining.text() == "$12.50"
    dialog.amount.text_edit.setText("5")
    assert run(loop, dialog.send(confirmed=True)) is not None
    assert window.payments.detail.markers.text() == "Refunded $5.00"

    again = window.payments.detail.open_refund()
    assert again.remaining.text() == "$7.50"
    again.amount.text_edit.setText("8")
    assert not again.refund_button.isEnabled()
    assert "$7.50" in again.message.text()
    again.reject()


def test_cancel_asks_twice_in_live_mode(loop: qasync.QEventLoop, window: MainWindow,
                                        client: stripe.StripeClient,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    customer = customer_with_card(client, "pm_card_visa", "Live Lou")
    intent = _payment(client, customer, 700, capture="manual")
    sync_now(loop, window)
    assert window.payments.show_object(intent.id)
    asked: list[str] = []

    def answer(kind: str, reply: QMessageBox.StandardButton) -> object:
        def ask(_parent: object, _title: str, text: str, *_args: object) -> object:
            asked.append(kind + ": " + text)
            return reply
        return ask

    yes, no = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No
    window.state.profile = ProfileView("Shop", "Shop", "acct_1", DisplayMode.LIVE)
    monkeypatch.setattr(QMessageBox, "question", answer("question", yes))
    monkeypatch.setattr(QMessageBox, "warning", answer("warning", no))
    assert run(loop, window.payments.detail.cancel_payment()) is None
    assert [a.split(":")[0] for a in asked] == ["question", "warning"]
    assert "LIVE" in asked[1]
    assert client.v1.payment_intents.retrieve(intent.id).status == "requires_capture"

    asked.clear()
    window.state.profile = ProfileView("Shop", "Shop", "acct_1", DisplayMode.TEST)
    assert run(loop, window.payments.detail.cancel_payment()) is not None
    assert [a.split(":")[0] for a in asked] == ["question"]
    assert client.v1.payment_intents.retrieve(intent.id).status == "canceled"
