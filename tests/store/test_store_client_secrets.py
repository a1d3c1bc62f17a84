"""No `client_secret` is ever kept: Stripe hands one out with every PaymentIntent, SetupIntent
and Checkout Session (and an invoice's `confirmation_secret`), and PosApp never needs them.
They are stripped before the cache or the journal stores anything, and a cache written by
an older version is purged when it is opened."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import stripe

from posapp.services import customers, payments
from posapp.services.session import Session
from posapp.store.cache import Cache
from posapp.store.client_secrets import without_client_secrets
from posapp.sync.commands import run_sync_once


def stored_bytes(folder: Path) -> bytes:
    """Every byte of every file under `folder` (cache, journal, their WAL files, logs)."""
    return b"".join(p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file())


def test_no_client_secret_reaches_any_file(session: Session, client: stripe.StripeClient,
                                           tmp_path: Path) -> None:
    customer = client.v1.customers.create(params={"name": "Ada"})
    secrets = [
        client.v1.payment_intents.create(params={"amount": 1250, "currency": "usd"}).client_secret,
        client.v1.setup_intents.create(params={"customer": customer.id}).client_secret,
    ]
    request = payments.request_payment(session, 990, "usd", "Coffee")
    link = customers.collect_card_link(session, customer.id)
    # The sandbox gives a Checkout Session a client_secret only in embedded mode (None here);
    # the key goes all the same.
    secrets += [client.v1.checkout.sessions.retrieve(request.id).client_secret,
                link["client_secret"]]
    secrets = [s for s in secrets if s]
    run_sync_once(session.gateway, session.cache)
    assert len(secrets) >= 2
    assert session.cache.count("payment_intents") >= 1
    session.close()
    everything = stored_bytes(tmp_path)
    assert b"client_secret" not in everything
    for secret in secrets:
        assert secret.encode() not in everything
        assert secret.split("_secret_")[-1].encode() not in everything


def test_an_old_cache_is_purged_of_client_secrets_when_opened(tmp_path: Path) -> None:
    path = tmp_path / "old.cache.sqlite3"
    secret = "pi_3Old_secret_" + "Zq7" * 8
    with Cache(path) as cache:
        conn = sqlite3.connect(path)
        conn.execute("PRAGMA user_version = 1")  # as version 1 left it: no dictionaries
        conn.execute("DROP TABLE dictionaries")
        intent = {"id": "pi_3Old", "object": "payment_intent", "created": 1, "amount": 500,
                  "currency": "usd", "status": "requires_payment_method",
                  "client_secret": secret}
        conn.execute("INSERT INTO payment_intents (id, data, created, amount) "
                     "VALUES (?, ?, 1, 500)", ("pi_3Old", json.dumps(intent)))
        event = {"id": "evt_1", "object": "event", "type": "payment_intent.created",
                 "created": 1, "data": {"object": intent}}
        conn.execute("INSERT INTO events (id, data, created, seq) VALUES ('evt_1', ?, 1, 1)",
                     (json.dumps(event),))
        conn.commit()
        conn.close()
    with Cache(path) as cache:
        kept = cache.get("payment_intents", "pi_3Old")
        assert kept is not None and kept["amount"] == 500 and "client_secret" not in kept
        assert "client_secret" not in json.dumps(cache.get("events", "evt_1"))
    assert secret.encode() not in stored_bytes(tmp_path)


def test_every_kind_of_client_secret_is_stripped_wherever_it_sits() -> None:
    invoice = {"id": "in_1", "object": "invoice",
               "confirmation_secret": {"client_secret": "pi_1_secret_x", "type": "payment_intent"},
               "lines": {"data": [{"client_secret": "y", "amount": 5}]},
               "ephemeral_key_client_secret": "z", "metadata": {"note": "client_secret"}}
    assert without_client_secrets(invoice) == {
        "id": "in_1", "object": "invoice", "confirmation_secret": {"type": "payment_intent"},
        "lines": {"data": [{"amount": 5}]}, "metadata": {"note": "client_secret"}}
