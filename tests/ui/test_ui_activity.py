"""The activity panel: the app's audit rows appear after an action (succeeded or refused),
with key, request id and outcome; they filter by outcome and search as text; the Stripe
events beside them filter by object; and the audit list pages through a real journal file
without losing or repeating rows that share a time."""

from __future__ import annotations

from pathlib import Path

import qasync
import stripe
from ui_support import customer_with_card, run, sync_now, wait_until

from posapp.store.journal import Journal
from posapp.ui.activity.audit_list_model import AuditListModel
from posapp.ui.common.format import Formats
from posapp.ui.refunds.refund_dialog import RefundDialog
from posapp.ui.shell.main_window import MainWindow, Panel


def _texts(model: AuditListModel, column: AuditListModel.Columns) -> list[str]:
    return [model.index(row, column).data() for row in range(model.rowCount())]


def test_audit_rows_appear_after_actions_and_filter(
        loop: qasync.QEventLoop, window: MainWindow, client: stripe.StripeClient) -> None:
    customer = customer_with_card(client, "pm_card_visa", "Ada Audit")
    assert customer.invoice_settings is not None
    intent = client.v1.payment_intents.create(params={
        "amount": 3000, "currency": "usd", "customer": customer.id, "confirm": True,
        "payment_method": str(customer.invoice_settings.default_payment_method)})
    sync_now(loop, window)
    dialog = RefundDialog(window.state, intent.id, window)
    dialog.amount.text_edit.setText("10")
    assert run(loop, dialog.send(confirmed=True)) is not None
    window.state.stop_sync()
    client.v1.refunds.create(params={"payment_intent": intent.id})  # the rest, elsewhere
    stale = RefundDialog(window.state, intent.id, window)
    stale.amount.text_edit.setText("5")
    assert run(loop, stale.send(confirmed=True)) is None

    window.show_panel(Panel.ACTIVITY)
    panel = window.activity
    model = panel.audit_model
    cols = AuditListModel.Columns
    assert _texts(model, cols.ACTION) == ["refund.create", "refund.create"]
    assert _texts(model, cols.OUTCOME) == ["Refused by Stripe", "Succeeded"]
    assert _texts(model, cols.AMOUNT) == ["$5.00", "$10.00"]
    assert _texts(model, cols.OBJECT) == [intent.id, intent.id]
    assert _texts(model, cols.WHO) == [window.state.session.actor] * 2
    keys = _texts(model, cols.IDEMPOTENCY_KEY)
    assert all(keys) and keys[0] != keys[1]
    assert _texts(model, cols.REQUEST_ID)[1].startswith("req_")

    panel.outcome.setCurrentIndex(panel.outcome.findData("succeeded"))
    assert _texts(model, cols.AMOUNT) == ["$10.00"]
    panel.outcome.setCurrentIndex(0)
    model.set_search(keys[0][-8:])
    assert _texts(model, cols.OUTCOME) == ["Refused by Stripe"]
    model.set_search("no such thing")
    assert model.rowCount() == 0


def test_events_filter_by_object_type_and_id(
        loop: qasync.QEventLoop, window: MainWindow, client: stripe.StripeClient) -> None:
    customer = customer_with_card(client, "pm_card_visa", "Eve Events")
    assert customer.invoice_settings is not None
    intent = client.v1.payment_intents.create(params={
        "amount": 1500, "currency": "usd", "customer": customer.id, "confirm": True,
        "payment_method": str(customer.invoice_settings.default_payment_method)})
    refund = client.v1.refunds.create(params={"payment_intent": intent.id})
    sync_now(loop, window)
    panel = window.activity
    panel.object_type.setCurrentIndex(panel.object_type.findData("refund"))
    model = panel.events_model
    types = {(model.object_at(r) or {}).get("type") for r in range(model.rowCount())}
    assert types and all(str(t).startswith(("refund.", "charge.refund")) for t in types)
    panel.object_type.setCurrentIndex(0)
    panel.object_id.setText(intent.id)

    def ids() -> set[str]:
        return {str(((model.object_at(r) or {}).get("data") or {}).get("object", {}).get("id"))
                for r in range(model.rowCount())}
    wait_until(loop, lambda: ids() == {intent.id}, "the events of the payment only")
    assert refund.id not in ids()


def test_audit_pages_keep_rows_that_share_a_time(tmp_path: Path) -> None:
    journal = Journal(tmp_path / "journal.sqlite3", now=lambda: 1_800_000_000.0)
    for n in range(25):
        journal.record_audit(actor="Shop", action="refund.create", outcome="succeeded",
                             object_id=f"pi_{n:02d}")
    model = AuditListModel(journal, Formats("en_US"), page_size=10)
    model.reload()
    assert model.rowCount() == 10
    while model.canFetchMore():
        model.fetchMore()
    objects = _texts(model, AuditListModel.Columns.OBJECT)
    assert objects == [f"pi_{n:02d}" for n in reversed(range(25))]
    journal.close()


def test_event_detail_writes_booleans_as_json_does(window: MainWindow) -> None:
    detail = window.activity.detail
    detail.show_object({"id": "evt_1", "object": "event", "livemode": False,
                        "pending_webhooks": 0, "type": "charge.succeeded"})
    text = detail.text.toPlainText()
    assert "false" in text.split()
    assert "False" not in text
