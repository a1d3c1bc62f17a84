"""Helpers the services tests share: a customer with a saved card, a cached object that must
be there, and the audit row a service call leaves."""

from __future__ import annotations

from typing import Any

from posapp.gateway import payment_methods
from posapp.services import customers
from posapp.services.session import Session
from posapp.store.journal import AuditEntry, JournalState


def customer_with_card(session: Session, card: str = "pm_card_visa") -> tuple[str, str]:
    """A new customer with the test card `card` saved on them: (customer id, card id)."""
    customer = customers.create_customer(session, name="Ada Lovelace", email="ada@example.com")
    method = payment_methods.attach_payment_method(
        session.gateway, card, {"customer": customer["id"]}
    )
    return customer["id"], method["id"]


def cached(session: Session, table: str, object_id: str) -> dict[str, Any]:
    """The cached object, which must be there."""
    found = session.cache.get(table, object_id)
    assert found is not None, f"{object_id} is not in the cache"
    return found


def assert_audited(session: Session, action: str, *, outcome: str = "succeeded") -> AuditEntry:
    """The newest audit row for `action`, checked to carry the idempotency key and request
    id of its request, whose journal row ended as the outcome says."""
    rows = session.journal.list_audit(action=action)
    assert rows, f"no audit row for {action}"
    row = rows[0]
    assert row.outcome == outcome
    assert row.actor == session.profile.name
    assert row.idempotency_key is not None
    assert row.request_id is not None and row.request_id.startswith("req_")
    entry = session.journal.get(row.idempotency_key)
    assert entry is not None
    expected = JournalState.SUCCEEDED if outcome == "succeeded" else JournalState.FAILED
    assert entry.state is expected
    return row
