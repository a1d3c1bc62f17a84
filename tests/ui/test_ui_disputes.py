"""Disputes in the GUI against the sandbox: the list with its countdown, the detail with the
disputed charge and the customer's history, evidence saved as a draft, submitted once, the
outcome arriving through the poller, accepting a dispute, and evidence over Stripe's limits
refused before sending."""

from __future__ import annotations

import dataclasses

import pytest
import qasync
import stripe
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from ui_support import customer_with_card, run, sync_now

from posapp.ui.common.theme import DANGER_COLOR, DisplayMode
from posapp.ui.disputes.dispute_list_model import DisputeListModel
from posapp.ui.shell.main_window import MainWindow, Panel

FOREGROUND = Qt.ItemDataRole.ForegroundRole
PRODUCT = "Two flat whites and a croissant, served at the counter."


def _disputed(loop: qasync.QEventLoop, window: MainWindow, client: stripe.StripeClient,
              name: str) -> stripe.Dispute:
    """A customer who paid twice, the second payment disputed at once; synced and selected."""
    customer = customer_with_card(client, "pm_card_visa", name)
    assert customer.invoice_settings is not None
    client.v1.payment_intents.create(params={
        "amount": 800, "currency": "usd", "customer": customer.id, "confirm": True,
        "payment_method": str(customer.invoice_settings.default_payment_method)})
    disputing = client.v1.payment_methods.attach("pm_card_createDispute",
                                                 params={"customer": customer.id})
    intent = client.v1.payment_intents.create(params={
        "amount": 6000, "currency": "usd", "customer": customer.id, "confirm": True,
        "payment_method": disputing.id, "description": "Catering order"})
    [dispute] = client.v1.disputes.list(params={"payment_intent": intent.id}).data
    sync_now(loop, window)
    window.show_panel(Panel.DISPUTES)
    assert window.disputes.show_object(dispute.id)
    return dispute


def test_list_and_detail_show_the_dispute_its_charge_and_the_customer_history(
        loop: qasync.QEventLoop, window: MainWindow, client: stripe.StripeClient) -> None:
    dispute = _disputed(loop, window, client, "Dana Dispute")
    model = window.disputes.model
    row = model.row_of(dispute.id)
    assert row is not None
    cols = DisputeListModel.Columns
    assert model.index(row, cols.AMOUNT).data() == "$60.00"
    assert model.index(row, cols.STATUS).data() == "Needs response"
    assert model.index(row, cols.DUE).data() == "6 days left"
    assert model.index(row, cols.DUE).data(FOREGROUND) is None  # not urgent yet
    assert model.index(row, cols.CUSTOMER).data() == "Dana Dispute"
    assert model.index(row, cols.PAYMENT).data() == dispute.payment_intent
    detail = window.disputes.detail
    assert detail.amount.text() == "$60.00"
    assert "Catering order" in detail.charge.text()
    assert "Dana Dispute" in detail.customer.text()
    assert detail.history.count() == 2
    assert detail.history_summary.text() == "2 paid payments, 1 disputed, 0 fully refunded"
    assert detail.save.isEnabled() and detail.submit.isEnabled() and detail.accept.isEnabled()


def test_countdown_turns_red_under_three_days(window: MainWindow,
                                              client: stripe.StripeClient,
                                              loop: qasync.QEventLoop) -> None:
    dispute = _disputed(loop, window, client, "Urgent Una")
    due = dispute.evidence_details.due_by
    assert due is not None
    late = DisputeListModel(window.state.cache, window.state.formats,
                            now=lambda: due - 2.5 * 86_400)
    late.reload()
    row = late.row_of(dispute.id)
    assert row is not None
    index = late.index(row, DisputeListModel.Columns.DUE)
    assert index.data() == "2 days left"
    assert index.data(FOREGROUND).name() == DANGER_COLOR
    overdue = DisputeListModel(window.state.cache, window.state.formats,
                               now=lambda: due + 60)
    overdue.reload()
    assert overdue.index(row, DisputeListModel.Columns.DUE).data() == "Overdue"


def test_evidence_draft_then_submit_then_won_through_the_poller(
        loop: qasync.QEventLoop, window: MainWindow, client: stripe.StripeClient) -> None:
    dispute = _disputed(loop, window, client, "Evan Evidence")
    detail = window.disputes.detail
    form = detail.form
    form.fields["product_description"].set_text(PRODUCT)
    assert form.fields["product_description"].counter.text() == f"{len(PRODUCT)} / 20,000"
    form.fields["customer_name"].set_text("Evan Evidence")
    assert run(loop, detail.save_draft()) is not None
    assert detail.message.text() == "Draft saved. You can change it until you submit."
    on_stripe = client.v1.disputes.retrieve(dispute.id)
    assert on_stripe.status == "needs_response"
    assert on_stripe.evidence.product_description == PRODUCT
    assert form.evidence() == {}  # what was saved is now the baseline

    form.fields["shipping_carrier"].set_text("Counter pickup")
    summary = detail.submission_summary()
    assert f"Product description: {len(PRODUCT)} characters" in summary
    assert "only once" in summary
    assert run(loop, detail.submit_evidence(confirmed=True)) is not None
    on_stripe = client.v1.disputes.retrieve(dispute.id)
    assert on_stripe.status == "under_review"
    assert on_stripe.evidence.shipping_carrier == "Counter pickup"
    assert not detail.submit.isEnabled() and not detail.save.isEnabled()
    # What was submitted, when, by when it was due, and that the bank decides next.
    said = detail.message.text()
    assert said == detail.submit.toolTip()
    assert said.startswith("Evidence submitted on ")
    assert all(name in said for name in ("Product description", "Customer name",
                                          "Shipping carrier"))
    assert "It was due by " + window.state.formats.datetime(
        on_stripe.evidence_details.due_by) in said
    assert "The bank is reviewing it" in said
    assert form.fields["product_description"].editor.isReadOnly()

    client.raw_request("post", f"/v1/test_helpers/sandbox/disputes/{dispute.id}/outcome",
                       status="won")
    sync_now(loop, window)
    model = window.disputes.model
    row = model.row_of(dispute.id)
    assert row is not None
    assert model.index(row, DisputeListModel.Columns.STATUS).data() == "Won"
    assert detail.status.text() == "Won"
    assert detail.message.text().endswith("Decision: Won.")
    actions = [a.action for a in window.state.session.journal.list_audit(object_id=dispute.id)]
    assert actions == ["dispute.submit_evidence", "dispute.save_evidence"]


def test_accepting_closes_the_dispute_as_lost(
        loop: qasync.QEventLoop, window: MainWindow, client: stripe.StripeClient) -> None:
    dispute = _disputed(loop, window, client, "Alma Accept")
    detail = window.disputes.detail
    assert run(loop, detail.accept_dispute(confirmed=True)) is not None
    assert client.v1.disputes.retrieve(dispute.id).status == "lost"
    assert detail.status.text() == "Lost"
    assert not detail.accept.isEnabled()
    window.disputes.list.status_filter.setCurrentIndex(
        window.disputes.list.status_filter.findData("lost"))
    assert window.disputes.model.rowCount() == 1


def test_evidence_over_a_limit_is_refused_before_sending(
        loop: qasync.QEventLoop, window: MainWindow, client: stripe.StripeClient) -> None:
    dispute = _disputed(loop, window, client, "Lena Long")
    detail = window.disputes.detail
    field = detail.form.fields["customer_name"]
    field.set_text("x" * 5_001)
    assert field.counter.text() == "5,001 / 5,000"
    assert field.counter.objectName() == "error"
    assert not detail.save.isEnabled() and not detail.submit.isEnabled()
    assert "Stripe allows 5,000" in detail.save.toolTip()
    assert detail.accept.isEnabled()
    assert client.v1.disputes.retrieve(dispute.id).evidence.customer_name is None


def test_offline_disables_every_dispute_action(
        loop: qasync.QEventLoop, window: MainWindow, client: stripe.StripeClient) -> None:
    _disputed(loop, window, client, "Otto Offline")
    detail = window.disputes.detail
    window.state.online_changed.emit(False, "no network")
    for button in (detail.save, detail.submit, detail.accept):
        assert not button.isEnabled()
        assert button.toolTip() == "Stripe unreachable: try again when online."
    assert detail.message.text() == "Stripe unreachable: try again when online."
    window.state.online_changed.emit(True, "")
    assert detail.accept.isEnabled() and detail.message.text() == ""


def test_accept_and_submit_ask_first_and_twice_in_live_mode(
        loop: qasync.QEventLoop, window: MainWindow, client: stripe.StripeClient,
        monkeypatch: pytest.MonkeyPatch) -> None:
    dispute = _disputed(loop, window, client, "Liv Live")
    asked: list[str] = []

    def answer(_parent: object, _title: str, text: str, *_args: object) -> object:
        asked.append(text)
        return QMessageBox.StandardButton.Yes if len(asked) == 1 else \
            QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", answer)
    monkeypatch.setattr(QMessageBox, "warning", answer)
    window.state.profile = dataclasses.replace(window.state.profile, mode=DisplayMode.LIVE)
    detail = window.disputes.detail
    assert run(loop, detail.accept_dispute()) is None
    assert "cannot be undone" in asked[0] and "$60.00" in asked[0]
    assert "LIVE" in asked[1]
    asked.clear()
    assert run(loop, detail.submit_evidence()) is None
    assert "only once" in asked[0]
    assert client.v1.disputes.retrieve(dispute.id).status == "needs_response"
