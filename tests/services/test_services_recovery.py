"""Money writes whose outcome is not known, against a live sandbox: an interrupted charge is
looked up at start and sent again only on the cashier's word (both answers audited), and
unknown rows are settled by looking them up, never by sending a charge again."""

from __future__ import annotations

from pathlib import Path

from sdk_support import lose_answers, open_test_session
from services_support import customer_with_card

from posapp.gateway import METADATA_KEY, iter_all
from posapp.sandbox import Sandbox
from posapp.services import payments, recovery
from posapp.services.session import Session
from posapp.store.journal import JournalState


def _interrupted_charge(session: Session, key: str) -> tuple[str, str]:
    """A charge journaled and then interrupted before Stripe had it (the process died)."""
    customer_id, card_id = customer_with_card(session)
    params = {"amount": 450, "currency": "usd", "customer": customer_id,
              "payment_method": card_id, "description": "Espresso", "off_session": True,
              "confirm": True, "metadata": {METADATA_KEY: key}}
    session.journal.begin(key, "payment_intents.create", {"ids": [], "params": params})
    return customer_id, card_id


def test_an_interrupted_charge_is_asked_about_and_a_no_is_audited(
        sandbox: Sandbox, tmp_path: Path) -> None:
    first = open_test_session(sandbox, tmp_path)
    customer_id, _ = _interrupted_charge(first, "sale-9/1")
    first.close()

    session = open_test_session(sandbox, tmp_path)  # the next start
    [waiting] = recovery.interrupted_writes(session)
    assert (waiting.amount, waiting.currency, waiting.description, waiting.customer_id) == (
        450, "usd", "Espresso", customer_id)
    assert list(iter_all(session.gateway, "payment_intents")) == []  # nothing re-sent

    recovery.drop_interrupted(session, "sale-9/1")
    assert recovery.interrupted_writes(session) == []
    [audit] = session.journal.list_audit(outcome="not_sent")
    assert audit.detail.startswith("not sent again: the cashier said no (interrupted ")
    assert [w.key for w in recovery.unsettled_writes(session)] == ["sale-9/1"]
    assert list(iter_all(session.gateway, "payment_intents")) == []
    session.close()


def test_a_yes_sends_the_interrupted_charge_once_with_its_own_key(
        sandbox: Sandbox, tmp_path: Path) -> None:
    first = open_test_session(sandbox, tmp_path)
    _interrupted_charge(first, "sale-9/2")
    first.close()

    session = open_test_session(sandbox, tmp_path)
    assert session.recovered == []
    intent = recovery.send_again(session, "sale-9/2")
    again = recovery.send_again(session, "sale-9/2")  # a second yes replays the first
    assert intent["id"] == again["id"] and intent["status"] == "succeeded"
    assert [i["id"] for i in iter_all(session.gateway, "payment_intents")] == [intent["id"]]
    yes = [a for a in session.journal.list_audit(search="sale-9/2")
           if a.detail.startswith("sent again: the cashier said yes")]
    assert len(yes) == 2 and yes[0].outcome == "succeeded"
    session.close()


def test_unknown_rows_are_settled_by_looking_them_up(session: Session) -> None:
    customer_id, card_id = customer_with_card(session)
    lose_answers(session.gateway, "/v1/payment_intents")
    outcome = payments.charge_saved_card(session, customer_id, card_id, 450, "usd", "Espresso")
    assert outcome.state == "unknown"
    [unsettled] = recovery.unsettled_writes(session)
    assert (unsettled.amount, unsettled.description) == (450, "Espresso")

    [settled] = recovery.reconcile_unknown(session)  # reads only: the POSTs still drop
    assert settled.key == outcome.idempotency_key
    assert recovery.unsettled_writes(session) == []
    entry = session.journal.get(settled.key)
    assert entry is not None and entry.state is JournalState.SUCCEEDED
    [audit] = session.journal.list_audit(search="looked up at Stripe")
    assert audit.outcome == "succeeded" and audit.object_id == entry.object_id
    assert len(list(iter_all(session.gateway, "payment_intents"))) == 1
