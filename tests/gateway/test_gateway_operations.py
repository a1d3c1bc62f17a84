"""Each gateway operation against the sandbox, through the real SDK, as the app uses it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from posapp.gateway import (
    API_VERSION,
    METADATA_KEY,
    ErrorKind,
    Gateway,
    GatewayError,
    account,
    billing_portal,
    charges,
    checkout,
    customers,
    disputes,
    events,
    invoice_items,
    invoices,
    iter_all,
    iter_events_after,
    payment_intents,
    payment_links,
    payment_methods,
    prices,
    products,
    refunds,
    setup_intents,
    subscriptions,
    tax_ids,
    test_clocks,
)
from posapp.sandbox import Sandbox
from posapp.store.journal import Journal, JournalState

KEY = "sk_test_posapp_operations"


@pytest.fixture
def journal(tmp_path: Path) -> Iterator[Journal]:
    j = Journal(tmp_path / "journal.sqlite")
    yield j
    j.close()


@pytest.fixture
def gw(sandbox: Sandbox, journal: Journal) -> Gateway:
    return Gateway(KEY, journal=journal, api_base=sandbox.url, rate_per_second=1000)


def paying_customer(gw: Gateway, card: str = "pm_card_visa") -> tuple[str, str]:
    """A customer with a saved card set as default for invoices; (customer id, pm id)."""
    customer = customers.create_customer(gw, {"name": "Mei Chen", "email": "mei@example.com"})
    pm = payment_methods.attach_payment_method(gw, card, {"customer": customer["id"]})
    customers.update_customer(
        gw, customer["id"], {"invoice_settings": {"default_payment_method": pm["id"]}}
    )
    return customer["id"], pm["id"]


def monthly_price(gw: Gateway, amount: int = 1500) -> dict[str, Any]:
    product = products.create_product(gw, {"name": "Coffee club"})
    return prices.create_price(
        gw,
        {
            "product": product["id"],
            "currency": "eur",
            "unit_amount": amount,
            "recurring": {"interval": "month"},
        },
    )


def test_account_and_pinned_version(gw: Gateway) -> None:
    assert API_VERSION == "2026-10-28.endive"
    assert account.retrieve_account(gw)["id"].startswith("acct_")


def test_account_tax_id_lifecycle(gw: Gateway, journal: Journal) -> None:
    created = tax_ids.create_tax_id(gw, {"type": "eu_vat", "value": "DE123456789"})
    assert (created["country"], created["owner"]["type"]) == ("DE", "self")
    assert tax_ids.retrieve_tax_id(gw, created["id"])["value"] == "DE123456789"
    assert [t["id"] for t in tax_ids.list_tax_ids(gw, {"owner": {"type": "self"}})[0]] \
        == [created["id"]]
    assert tax_ids.delete_tax_id(gw, created["id"])["deleted"] is True
    assert tax_ids.list_tax_ids(gw) == ([], False)
    with pytest.raises(GatewayError) as bad:
        tax_ids.create_tax_id(gw, {"type": "gb_vat", "value": "not a number"})
    assert bad.value.kind == ErrorKind.INVALID_REQUEST
    assert {e.operation for e in journal.entries(JournalState.SUCCEEDED)} == {
        "tax_ids.create", "tax_ids.delete"}


def test_customer_lifecycle(gw: Gateway, journal: Journal) -> None:
    created = customers.create_customer(
        gw, {"name": "Zoë Müller", "email": "zoe@example.com", "metadata": {"till": "2"}}
    )
    # The gateway tags creates with their idempotency key, keeping the caller's metadata.
    assert created["metadata"]["till"] == "2"
    assert created["metadata"][METADATA_KEY] == journal.entries()[0].key

    updated = customers.update_customer(gw, created["id"], {"phone": "+49 30 1234"})
    assert updated["phone"] == "+49 30 1234"
    assert customers.retrieve_customer(gw, created["id"])["email"] == "zoe@example.com"

    customers.create_customer(gw, {"name": "Other", "email": "other@example.com"})
    page, more = customers.list_customers(gw, {"email": "zoe@example.com"})
    assert ([c["id"] for c in page], more) == ([created["id"]], False)
    found, next_page = customers.search_customers(gw, {"query": "email:'zoe@example.com'"})
    assert [c["id"] for c in found] == [created["id"]]
    assert next_page is None

    assert customers.delete_customer(gw, created["id"])["deleted"] is True
    assert customers.retrieve_customer(gw, created["id"])["deleted"] is True
    assert {e.operation for e in journal.entries(JournalState.SUCCEEDED)} == {
        "customers.create",
        "customers.update",
        "customers.delete",
    }


def test_saved_payment_methods(gw: Gateway) -> None:
    customer_id, pm_id = paying_customer(gw, "pm_card_mastercard")
    pm = payment_methods.retrieve_payment_method(gw, pm_id)
    assert (pm["customer"], pm["card"]["brand"]) == (customer_id, "mastercard")
    assert "number" not in pm["card"]
    saved, _ = customers.list_payment_methods(gw, customer_id)
    assert [p["id"] for p in saved] == [pm_id]

    assert payment_methods.detach_payment_method(gw, pm_id)["customer"] is None
    assert customers.list_payment_methods(gw, customer_id) == ([], False)


def test_authorise_capture_refund(gw: Gateway) -> None:
    customer_id, pm_id = paying_customer(gw)
    intent = payment_intents.create_payment_intent(
        gw,
        {
            "amount": 5000,
            "currency": "eur",
            "customer": customer_id,
            "capture_method": "manual",
        },
    )
    intent = payment_intents.update_payment_intent(gw, intent["id"], {"description": "Table 4"})
    intent = payment_intents.confirm_payment_intent(gw, intent["id"], {"payment_method": pm_id})
    assert intent["status"] == "requires_capture"
    intent = payment_intents.capture_payment_intent(gw, intent["id"], {"amount_to_capture": 4200})
    assert (intent["status"], intent["amount_received"]) == ("succeeded", 4200)
    assert payment_intents.retrieve_payment_intent(gw, intent["id"])["description"] == "Table 4"

    [charge], _ = charges.list_charges(gw, {"payment_intent": intent["id"]})
    captured = charges.retrieve_charge(gw, charge["id"])
    # The 800 not captured are released, which Stripe counts as refunded.
    assert (captured["amount_captured"], captured["amount_refunded"]) == (4200, 800)

    refund = refunds.create_refund(gw, {"payment_intent": intent["id"], "amount": 1200})
    assert (refund["amount"], refund["status"]) == (1200, "succeeded")
    assert refunds.retrieve_refund(gw, refund["id"])["payment_intent"] == intent["id"]
    listed, _ = refunds.list_refunds(gw, {"payment_intent": intent["id"]})
    assert [r["id"] for r in listed] == [refund["id"]]
    assert charges.retrieve_charge(gw, charge["id"])["amount_refunded"] == 800 + 1200

    with pytest.raises(GatewayError) as caught:
        refunds.create_refund(gw, {"payment_intent": intent["id"], "amount": 999_999})
    assert caught.value.kind is ErrorKind.INVALID_REQUEST


def test_cancel_list_and_search_payment_intents(gw: Gateway) -> None:
    customer_id, _ = paying_customer(gw)
    open_intent = payment_intents.create_payment_intent(
        gw, {"amount": 700, "currency": "usd", "customer": customer_id}
    )
    canceled = payment_intents.cancel_payment_intent(
        gw, open_intent["id"], {"cancellation_reason": "abandoned"}
    )
    assert canceled["status"] == "canceled"
    page, more = payment_intents.list_payment_intents(gw, {"customer": customer_id})
    assert ([p["id"] for p in page], more) == ([open_intent["id"]], False)
    found, _ = payment_intents.search_payment_intents(gw, {"query": "status:'canceled'"})
    assert [p["id"] for p in found] == [open_intent["id"]]


def test_dispute_evidence_and_close(gw: Gateway) -> None:
    intent = payment_intents.create_payment_intent(
        gw,
        {
            "amount": 3100,
            "currency": "eur",
            "payment_method": "pm_card_createDispute",
            "confirm": True,
        },
    )
    [dispute], _ = disputes.list_disputes(gw, {"payment_intent": intent["id"]})
    assert disputes.retrieve_dispute(gw, dispute["id"])["amount"] == 3100
    updated = disputes.update_dispute(
        gw, dispute["id"], {"evidence": {"customer_name": "Mei Chen"}}
    )
    assert updated["evidence"]["customer_name"] == "Mei Chen"
    assert disputes.close_dispute(gw, dispute["id"])["status"] == "lost"


def test_setup_intent_create_and_cancel(gw: Gateway) -> None:
    customer = customers.create_customer(gw, {"name": "Saver"})
    intent = setup_intents.create_setup_intent(gw, {"customer": customer["id"]})
    assert setup_intents.retrieve_setup_intent(gw, intent["id"])["customer"] == customer["id"]
    assert setup_intents.cancel_setup_intent(gw, intent["id"])["status"] == "canceled"


def test_catalogue(gw: Gateway) -> None:
    price = monthly_price(gw, 990)
    product_id = price["product"]
    assert products.retrieve_product(gw, product_id)["name"] == "Coffee club"
    assert products.update_product(gw, product_id, {"name": "Tea club"})["name"] == "Tea club"
    assert [p["id"] for p in products.list_products(gw)[0]] == [product_id]

    assert prices.retrieve_price(gw, price["id"])["unit_amount"] == 990
    assert prices.update_price(gw, price["id"], {"nickname": "Monthly"})["nickname"] == "Monthly"
    listed, _ = prices.list_prices(gw, {"product": product_id})
    assert [p["id"] for p in listed] == [price["id"]]


def test_subscription_lifecycle(gw: Gateway) -> None:
    customer_id, _ = paying_customer(gw)
    price = monthly_price(gw)
    sub = subscriptions.create_subscription(
        gw, {"customer": customer_id, "items": [{"price": price["id"]}]}
    )
    assert sub["status"] == "active"
    assert (
        sub["items"]["data"][0]["current_period_end"]
        > sub["items"]["data"][0]["current_period_start"]
    )
    sub = subscriptions.update_subscription(gw, sub["id"], {"cancel_at_period_end": True})
    assert subscriptions.retrieve_subscription(gw, sub["id"])["cancel_at_period_end"] is True

    with pytest.raises(GatewayError) as caught:
        subscriptions.resume_subscription(gw, sub["id"])
    assert caught.value.kind is ErrorKind.INVALID_REQUEST

    assert subscriptions.cancel_subscription(gw, sub["id"])["status"] == "canceled"
    assert subscriptions.list_subscriptions(gw, {"customer": customer_id}) == ([], False)
    everything, _ = subscriptions.list_subscriptions(gw, {"customer": customer_id, "status": "all"})
    assert [s["id"] for s in everything] == [sub["id"]]
    found, _ = subscriptions.search_subscriptions(gw, {"query": "status:'canceled'"})
    assert [s["id"] for s in found] == [sub["id"]]


def test_invoice_lifecycle(gw: Gateway) -> None:
    customer_id, _ = paying_customer(gw)
    invoice_items.create_invoice_item(
        gw, {"customer": customer_id, "amount": 2500, "currency": "eur"}
    )
    preview = invoices.create_preview(gw, {"customer": customer_id})
    assert preview["amount_due"] == 2500

    draft = invoices.create_invoice(
        gw, {"customer": customer_id, "pending_invoice_items_behavior": "include"}
    )
    draft = invoices.update_invoice(gw, draft["id"], {"description": "Catering"})
    lines, _ = invoices.list_lines(gw, draft["id"])
    assert [line["amount"] for line in lines] == [2500]
    final = invoices.finalize_invoice(gw, draft["id"])
    assert final["status"] == "open"
    paid = invoices.pay_invoice(gw, final["id"], {"paid_out_of_band": True})
    assert paid["status"] == "paid"
    assert invoices.retrieve_invoice(gw, paid["id"])["description"] == "Catering"

    sent = invoices.create_invoice(
        gw,
        {"customer": customer_id, "collection_method": "send_invoice", "days_until_due": 14},
    )
    invoice_items.create_invoice_item(
        gw, {"customer": customer_id, "invoice": sent["id"], "amount": 800, "currency": "eur"}
    )
    invoices.finalize_invoice(gw, sent["id"])
    assert invoices.send_invoice(gw, sent["id"])["status"] == "open"
    assert invoices.mark_uncollectible(gw, sent["id"])["status"] == "uncollectible"
    assert invoices.void_invoice(gw, sent["id"])["status"] == "void"

    listed, _ = invoices.list_invoices(gw, {"customer": customer_id})
    assert {i["id"] for i in listed} == {paid["id"], sent["id"]}


def test_checkout_sessions(gw: Gateway) -> None:
    price = prices.create_price(
        gw, {"currency": "eur", "unit_amount": 1250, "product_data": {"name": "Lunch"}}
    )
    session = checkout.create_session(
        gw,
        {
            "mode": "payment",
            "line_items": [{"price": price["id"], "quantity": 2}],
            "success_url": "https://example.com/paid",
        },
    )
    assert session["status"] == "open"
    assert session["url"].startswith("http")
    assert checkout.retrieve_session(gw, session["id"])["amount_total"] == 2500
    [line], _ = checkout.list_line_items(gw, session["id"])
    assert (line["price"]["id"], line["quantity"]) == (price["id"], 2)
    assert checkout.expire_session(gw, session["id"])["status"] == "expired"
    listed, _ = checkout.list_sessions(gw, {"status": "expired"})
    assert [s["id"] for s in listed] == [session["id"]]
    with pytest.raises(GatewayError) as caught:
        checkout.expire_session(gw, session["id"])
    assert caught.value.kind is ErrorKind.INVALID_REQUEST


def test_payment_links(gw: Gateway) -> None:
    price = prices.create_price(
        gw, {"currency": "eur", "unit_amount": 900, "product_data": {"name": "Cake"}}
    )
    link = payment_links.create_payment_link(
        gw, {"line_items": [{"price": price["id"], "quantity": 1}]}
    )
    assert link["active"] is True and link["url"].startswith("http")
    assert payment_links.retrieve_payment_link(gw, link["id"])["id"] == link["id"]
    off = payment_links.update_payment_link(gw, link["id"], {"active": False})
    assert off["active"] is False
    listed, _ = payment_links.list_payment_links(gw, {"active": False})
    assert [pl["id"] for pl in listed] == [link["id"]]


def test_billing_portal_session(gw: Gateway) -> None:
    customer = customers.create_customer(gw, {"name": "Portal user"})
    session = billing_portal.create_session(
        gw, {"customer": customer["id"], "return_url": "https://example.com/account"}
    )
    assert session["customer"] == customer["id"]
    assert session["url"].startswith("http")


def test_test_clock_lifecycle(gw: Gateway) -> None:
    clock = test_clocks.create_test_clock(gw, {"frozen_time": 1_780_000_000, "name": "Renewals"})
    advanced = test_clocks.advance_test_clock(gw, clock["id"], {"frozen_time": 1_782_000_000})
    # Stripe answers `advancing`; the app's call returns once the clock is ready again.
    assert (advanced["id"], advanced["status"]) == (clock["id"], "ready")
    assert test_clocks.retrieve_test_clock(gw, clock["id"])["frozen_time"] == 1_782_000_000
    assert test_clocks.delete_test_clock(gw, clock["id"])["deleted"] is True


def test_repeated_deletes_count_as_done(gw: Gateway, journal: Journal) -> None:
    customer_id, _ = paying_customer(gw)
    sub = subscriptions.create_subscription(
        gw, {"customer": customer_id, "items": [{"price": monthly_price(gw)["id"]}]}
    )
    clock = test_clocks.create_test_clock(gw, {"frozen_time": 1_780_000_000})
    subscriptions.cancel_subscription(gw, sub["id"])
    customers.delete_customer(gw, customer_id)
    test_clocks.delete_test_clock(gw, clock["id"])
    # As if each had crashed after Stripe did it, before the answer arrived: on restart
    # the re-sent DELETE hears "no such object", which means the first one worked.
    for operation, object_id in (
        ("subscriptions.cancel", sub["id"]),
        ("customers.delete", customer_id),
        ("test_clocks.delete", clock["id"]),
    ):
        journal.begin(f"again-{object_id}", operation, {"ids": [object_id], "params": {}})
    settled = {e.object_id: e.state for e in gw.resolve_pending()}
    assert settled == {
        sub["id"]: JournalState.SUCCEEDED,
        customer_id: JournalState.SUCCEEDED,
        clock["id"]: JournalState.SUCCEEDED,
    }
    assert subscriptions.retrieve_subscription(gw, sub["id"])["status"] == "canceled"


def test_iter_all_pages_through_everything_newest_first(gw: Gateway) -> None:
    made = [customers.create_customer(gw, {"name": f"C{n:03}"})["id"] for n in range(120)]
    before = gw.request_count
    listed = [c["id"] for c in iter_all(gw, "customers")]
    assert listed == made[::-1]
    assert gw.request_count - before == 2
    resumed = [c["id"] for c in iter_all(gw, "customers", {"starting_after": made[100]})]
    assert resumed == made[99::-1]
    with pytest.raises(ValueError):
        list(iter_all(gw, "customers", {"ending_before": made[0]}))


def test_events_after_a_cursor_come_oldest_first(gw: Gateway) -> None:
    first = customers.create_customer(gw, {"name": "First"})
    [cursor], _ = events.list_events(gw, {"limit": 1})
    assert events.retrieve_event(gw, cursor["id"])["data"]["object"]["id"] == first["id"]
    made = [customers.create_customer(gw, {"name": f"N{n}"})["id"] for n in range(110)]

    after = list(iter_events_after(gw, cursor["id"]))
    assert [e["data"]["object"]["id"] for e in after] == made
    assert [e["type"] for e in after] == ["customer.created"] * 110
    assert list(iter_events_after(gw, after[-1]["id"])) == []
    only_updates = list(iter_events_after(gw, cursor["id"], {"type": "customer.updated"}))
    assert only_updates == []


def test_events_past_retention_cannot_be_a_cursor(gw: Gateway) -> None:
    customers.create_customer(gw, {"name": "Old news"})
    [cursor], _ = events.list_events(gw, {"limit": 1})
    gw.client.raw_request("post", "/v1/test_helpers/sandbox/purge_events")
    with pytest.raises(GatewayError) as caught:
        list(iter_events_after(gw, cursor["id"]))
    assert (caught.value.kind, caught.value.param) == (ErrorKind.NOT_FOUND, "ending_before")
