"""Sandbox billing through the official SDK: products and prices, subscriptions (creation,
payment behaviours, updates with prorations, cancel, pause, resume, lists), invoices and
invoice items (drafts, finalize, pay, send, void, uncollectible, lines, previews)."""

from __future__ import annotations

from typing import Any

import pytest
import stripe
from sandbox_support import customer_with_card, event_types, helper, monthly_price

from posapp.sandbox import Sandbox

# products and prices -------------------------------------------------------------------


def test_product_with_default_price_and_events(client: stripe.StripeClient) -> None:
    product = client.v1.products.create(params={
        "name": "Flat white", "metadata": {"category": "coffee"},
        "default_price_data": {"currency": "usd", "unit_amount": 450}})
    price = client.v1.prices.retrieve(str(product.default_price))
    assert product.id.startswith("prod_")
    assert (price.product, price.type, price.unit_amount, price.recurring) == \
        (product.id, "one_time", 450, None)
    assert {"product.created", "price.created", "product.updated"} <= set(event_types(client))
    updated = client.v1.products.update(product.id, params={"name": "Flat white (large)",
                                                            "active": False})
    assert (updated.name, updated.active) == ("Flat white (large)", False)
    assert [p.id for p in client.v1.products.list(params={"active": False}).data] == \
        [product.id]


def test_product_with_prices_cannot_be_deleted(client: stripe.StripeClient) -> None:
    kept = client.v1.products.create(params={
        "name": "Beans", "default_price_data": {"currency": "usd", "unit_amount": 1600}})
    with pytest.raises(stripe.InvalidRequestError, match="has one or more user-created prices"):
        client.v1.products.delete(kept.id)
    empty = client.v1.products.create(params={"name": "Nothing yet"})
    assert client.v1.products.delete(empty.id).deleted is True
    assert client.v1.products.retrieve(empty.id).deleted is True


def test_recurring_price_and_list_filters(client: stripe.StripeClient) -> None:
    yearly = client.v1.prices.create(params={
        "currency": "EUR", "unit_amount": 15000, "nickname": "Yearly",
        "recurring": {"interval": "year"}, "product_data": {"name": "Cloud"},
        "lookup_key": "cloud_yearly"})
    monthly = monthly_price(client)
    one_off = client.v1.prices.create(params={"currency": "usd", "unit_amount": 350,
                                              "product_data": {"name": "Espresso"}})
    assert (yearly.currency, yearly.recurring.interval, yearly.recurring.interval_count) == \
        ("eur", "year", 1)
    assert [p.id for p in client.v1.prices.list(params={"type": "one_time"}).data] == \
        [one_off.id]
    assert [p.id for p in client.v1.prices.list(
        params={"recurring": {"interval": "month"}}).data] == [monthly.id]
    assert [p.id for p in client.v1.prices.list(params={"currency": "eur"}).data] == \
        [yearly.id]
    assert [p.id for p in client.v1.prices.list(
        params={"lookup_keys": ["cloud_yearly"]}).data] == [yearly.id]
    assert [p.id for p in client.v1.prices.list(
        params={"product": str(one_off.product)}).data] == [one_off.id]


def test_lookup_key_is_unique_unless_transferred(client: stripe.StripeClient) -> None:
    old = monthly_price(client, lookup_key="pro")
    with pytest.raises(stripe.InvalidRequestError, match="already uses that lookup key") as err:
        monthly_price(client, lookup_key="pro")
    assert err.value.param == "lookup_key"
    new = monthly_price(client, 1900, lookup_key="pro", transfer_lookup_key=True)
    assert client.v1.prices.retrieve(old.id).lookup_key is None
    assert client.v1.prices.list(params={"lookup_keys": ["pro"]}).data[0].id == new.id


def test_price_errors(client: stripe.StripeClient) -> None:
    with pytest.raises(stripe.InvalidRequestError, match="Missing required param: unit_amount"):
        client.v1.prices.create(params={"currency": "usd", "product_data": {"name": "X"}})
    with pytest.raises(stripe.InvalidRequestError, match="No such product") as err:
        client.v1.prices.create(params={"currency": "usd", "unit_amount": 1,
                                        "product": "prod_missing"})
    assert err.value.param == "product"
    with pytest.raises(stripe.InvalidRequestError, match="Invalid recurring\\[interval\\]"):
        client.v1.prices.create(params={"currency": "usd", "unit_amount": 1,
                                        "product_data": {"name": "X"},
                                        "recurring": {"interval": "fortnight"}})  # type: ignore[typeddict-item]


def test_price_update_and_search(client: stripe.StripeClient) -> None:
    price = monthly_price(client, metadata={"tier": "pro"})
    updated = client.v1.prices.update(price.id, params={"active": False, "nickname": "Old"})
    assert (updated.active, updated.nickname) == (False, "Old")
    found = client.v1.prices.search(params={"query": "metadata['tier']:'pro'"})
    assert [p.id for p in found.data] == [price.id]


# subscriptions --------------------------------------------------------------------------


def test_subscription_create_charges_first_invoice(client: stripe.StripeClient) -> None:
    price = monthly_price(client)
    customer = customer_with_card(client)
    sub = client.v1.subscriptions.create(params={
        "customer": customer.id, "items": [{"price": price.id, "quantity": 2}],
        "metadata": {"plan": "pro"}, "expand": ["latest_invoice.payments"]})
    item = sub["items"].data[0]
    invoice = sub.latest_invoice
    assert isinstance(invoice, stripe.Invoice)
    assert sub.status == "active" and sub.id.startswith("sub_")
    assert item.id.startswith("si_") and item.quantity == 2 and item.price.id == price.id
    assert item.current_period_end - item.current_period_start >= 28 * 86_400
    assert "current_period_end" not in sub
    assert (invoice.status, invoice.billing_reason, invoice.amount_paid, invoice.total) == \
        ("paid", "subscription_create", 3000, 3000)
    assert invoice.parent is not None and invoice.parent.subscription_details is not None
    assert invoice.parent.subscription_details.subscription == sub.id
    assert "payment_intent" not in invoice
    payment = invoice.payments.data[0] if invoice.payments else None
    assert payment is not None and payment.status == "paid"
    pi = client.v1.payment_intents.retrieve(str(payment.payment.payment_intent))
    assert (pi.status, pi.amount, pi.customer) == ("succeeded", 3000, customer.id)
    assert invoice.number == f"{customer.invoice_prefix}-0001"
    types = event_types(client)
    assert types.index("customer.subscription.created") < types.index("invoice.paid")
    assert "invoice_payment.paid" in types and "invoice.payment_succeeded" in types


def test_declined_first_payment_leaves_subscription_incomplete(
        client: stripe.StripeClient) -> None:
    price = monthly_price(client)
    customer = customer_with_card(client, "pm_card_chargeCustomerFail")
    sub = client.v1.subscriptions.create(params={
        "customer": customer.id, "items": [{"price": price.id}], "expand": ["latest_invoice"]})
    assert sub.status == "incomplete"
    invoice = sub.latest_invoice
    assert isinstance(invoice, stripe.Invoice)
    assert (invoice.status, invoice.attempt_count, invoice.amount_remaining) == ("open", 1, 1500)
    assert "invoice.payment_failed" in event_types(client)


def test_error_if_incomplete_refuses_and_stores_nothing(client: stripe.StripeClient) -> None:
    price = monthly_price(client)
    customer = customer_with_card(client, "pm_card_chargeCustomerFail")
    with pytest.raises(stripe.CardError) as err:
        client.v1.subscriptions.create(params={
            "customer": customer.id, "items": [{"price": price.id}],
            "payment_behavior": "error_if_incomplete"})
    assert err.value.code == "card_declined"
    assert client.v1.subscriptions.list(params={"status": "all"}).data == []


def test_sca_card_needs_action_then_pays(client: stripe.StripeClient,
                                         sandbox: Sandbox) -> None:
    price = monthly_price(client)
    customer = customer_with_card(client, "pm_card_authenticationRequired")
    sub = client.v1.subscriptions.create(params={
        "customer": customer.id, "items": [{"price": price.id}],
        "expand": ["latest_invoice.payments", "latest_invoice.confirmation_secret"]})
    assert sub.status == "incomplete"
    invoice = sub.latest_invoice
    assert isinstance(invoice, stripe.Invoice) and invoice.payments is not None
    pi = client.v1.payment_intents.retrieve(str(invoice.payments.data[0].payment.payment_intent))
    assert pi.status == "requires_action"
    assert invoice.confirmation_secret is not None
    assert invoice.confirmation_secret.client_secret == pi.client_secret
    assert "invoice.payment_action_required" in event_types(client)


def test_default_incomplete_waits_for_payment(client: stripe.StripeClient) -> None:
    price = monthly_price(client)
    customer = client.v1.customers.create(params={"email": "new@example.com"})
    sub = client.v1.subscriptions.create(params={
        "customer": customer.id, "items": [{"price": price.id}],
        "payment_behavior": "default_incomplete", "expand": ["latest_invoice"]})
    invoice = sub.latest_invoice
    assert isinstance(invoice, stripe.Invoice)
    assert (sub.status, invoice.status, invoice.attempt_count) == ("incomplete", "open", 0)
    paid = client.v1.invoices.pay(invoice.id, params={"payment_method": "pm_card_visa"})
    assert paid.status == "paid"
    assert client.v1.subscriptions.retrieve(sub.id).status == "active"


def test_trial_and_send_invoice_subscriptions(client: stripe.StripeClient) -> None:
    price = monthly_price(client)
    customer = client.v1.customers.create(params={"email": "trial@example.com"})
    trial = client.v1.subscriptions.create(params={
        "customer": customer.id, "items": [{"price": price.id}], "trial_period_days": 14,
        "expand": ["latest_invoice"]})
    assert trial.status == "trialing" and trial.trial_end is not None
    assert trial.trial_start is not None and trial.trial_end - trial.trial_start == 14 * 86_400
    assert trial["items"].data[0].current_period_end == trial.trial_end
    assert isinstance(trial.latest_invoice, stripe.Invoice)
    assert (trial.latest_invoice.total, trial.latest_invoice.status) == (0, "paid")
    invoiced = client.v1.subscriptions.create(params={
        "customer": customer.id, "items": [{"price": price.id}],
        "collection_method": "send_invoice", "days_until_due": 7,
        "expand": ["latest_invoice"]})
    invoice = invoiced.latest_invoice
    assert isinstance(invoice, stripe.Invoice)
    assert invoiced.status == "active"
    assert (invoice.status, invoice.collection_method) == ("open", "send_invoice")
    assert invoice.due_date is not None and invoice.hosted_invoice_url


def test_subscription_create_errors(client: stripe.StripeClient) -> None:
    price = monthly_price(client)
    one_off = client.v1.prices.create(params={"currency": "usd", "unit_amount": 350,
                                              "product_data": {"name": "Espresso"}})
    customer = client.v1.customers.create(params={"email": "no-card@example.com"})
    with pytest.raises(stripe.InvalidRequestError, match="No such price") as missing:
        client.v1.subscriptions.create(params={"customer": customer.id,
                                               "items": [{"price": "price_missing"}]})
    assert missing.value.param == "items[0][price]"
    with pytest.raises(stripe.InvalidRequestError, match="type=recurring"):
        client.v1.subscriptions.create(params={"customer": customer.id,
                                               "items": [{"price": one_off.id}]})
    with pytest.raises(stripe.InvalidRequestError, match="no attached payment source"):
        client.v1.subscriptions.create(params={"customer": customer.id,
                                               "items": [{"price": price.id}]})
    with pytest.raises(stripe.InvalidRequestError, match="Missing required param: items"):
        client.v1.subscriptions.create(params={"customer": customer.id})
    with pytest.raises(stripe.InvalidRequestError, match="days_until_due"):
        client.v1.subscriptions.create(params={"customer": customer.id,
                                               "items": [{"price": price.id}],
                                               "collection_method": "send_invoice"})
    with pytest.raises(stripe.InvalidRequestError, match="only supported when updating"):
        client.v1.subscriptions.create(params={"customer": customer.id,
                                               "items": [{"price": price.id}],
                                               "payment_behavior": "pending_if_incomplete"})


def test_update_quantity_with_prorations_and_always_invoice(
        client: stripe.StripeClient) -> None:
    price = monthly_price(client, 3000)
    customer = customer_with_card(client)
    sub = client.v1.subscriptions.create(params={"customer": customer.id,
                                                 "items": [{"price": price.id}]})
    item = sub["items"].data[0]
    later = client.v1.subscriptions.update(sub.id, params={
        "items": [{"id": item.id, "quantity": 3}], "proration_behavior": "create_prorations"})
    assert later["items"].data[0].quantity == 3
    pending = client.v1.invoice_items.list(params={"customer": customer.id, "pending": True})
    assert sorted(i.amount for i in pending.data) == [-3000, 9000]
    assert all(i.proration for i in pending.data)
    now = client.v1.subscriptions.update(sub.id, params={
        "items": [{"id": item.id, "quantity": 1}], "proration_behavior": "always_invoice",
        "expand": ["latest_invoice"]})
    invoice = now.latest_invoice
    assert isinstance(invoice, stripe.Invoice)
    assert invoice.billing_reason == "subscription_update"
    # The earlier pending prorations and the new ones are billed together.
    assert invoice.total == -3000 + 9000 - 9000 + 3000 and invoice.status == "paid"
    assert client.v1.invoice_items.list(params={"customer": customer.id,
                                                "pending": True}).data == []
    update_events = [e for e in client.v1.events.list(
        params={"type": "customer.subscription.updated"}).data]
    assert update_events and update_events[-1].data.previous_attributes is not None


def test_update_swaps_price_adds_and_deletes_items(client: stripe.StripeClient) -> None:
    basic, pro = monthly_price(client, 1000, "Basic"), monthly_price(client, 2500, "Pro")
    seat = monthly_price(client, 500, "Seat")
    customer = customer_with_card(client)
    sub = client.v1.subscriptions.create(params={"customer": customer.id,
                                                 "items": [{"price": basic.id}]})
    first = sub["items"].data[0]
    swapped = client.v1.subscriptions.update(sub.id, params={
        "items": [{"id": first.id, "price": pro.id}, {"price": seat.id, "quantity": 4}],
        "proration_behavior": "none"})
    assert [(i.price.id, i.quantity) for i in swapped["items"].data] == \
        [(pro.id, 1), (seat.id, 4)]
    assert swapped["items"].data[1].current_period_end == first.current_period_end
    assert client.v1.invoice_items.list(params={"customer": customer.id}).data == []
    trimmed = client.v1.subscriptions.update(sub.id, params={
        "items": [{"id": swapped["items"].data[1].id, "deleted": True}],
        "proration_behavior": "none"})
    assert [i.price.id for i in trimmed["items"].data] == [pro.id]
    with pytest.raises(stripe.InvalidRequestError, match="at least one active item"):
        client.v1.subscriptions.update(sub.id, params={
            "items": [{"id": first.id, "deleted": True}]})
    with pytest.raises(stripe.InvalidRequestError, match="does not belong"):
        client.v1.subscriptions.update(sub.id, params={"items": [{"id": "si_other"}]})


def test_failed_always_invoice_update_with_error_if_incomplete_is_rolled_back(
        client: stripe.StripeClient) -> None:
    price = monthly_price(client, 3000)
    customer = customer_with_card(client)
    sub = client.v1.subscriptions.create(params={"customer": customer.id,
                                                 "items": [{"price": price.id}]})
    failing = client.v1.payment_methods.attach("pm_card_chargeCustomerFail",
                                               params={"customer": customer.id})
    client.v1.subscriptions.update(sub.id, params={"default_payment_method": failing.id})
    with pytest.raises(stripe.CardError):
        client.v1.subscriptions.update(sub.id, params={
            "items": [{"id": sub["items"].data[0].id, "quantity": 4}],
            "proration_behavior": "always_invoice", "payment_behavior": "error_if_incomplete"})
    kept = client.v1.subscriptions.retrieve(sub.id)
    assert kept["items"].data[0].quantity == 1 and kept.status == "active"


def test_cancel_at_period_end_pause_and_cancel(client: stripe.StripeClient) -> None:
    price = monthly_price(client)
    customer = customer_with_card(client)
    sub = client.v1.subscriptions.create(params={"customer": customer.id,
                                                 "items": [{"price": price.id}]})
    end = sub["items"].data[0].current_period_end
    later = client.v1.subscriptions.update(sub.id, params={"cancel_at_period_end": True})
    assert (later.cancel_at_period_end, later.cancel_at, later.status) == (True, end, "active")
    kept = client.v1.subscriptions.update(sub.id, params={"cancel_at_period_end": False})
    assert kept.cancel_at is None
    paused = client.v1.subscriptions.update(sub.id, params={
        "pause_collection": {"behavior": "mark_uncollectible"}})
    assert paused.pause_collection is not None
    assert paused.pause_collection.behavior == "mark_uncollectible"
    resumed = client.v1.subscriptions.update(sub.id, params={"pause_collection": ""})
    assert resumed.pause_collection is None
    canceled = client.v1.subscriptions.cancel(sub.id, params={
        "cancellation_details": {"comment": "Closing the shop", "feedback": "other"}})
    assert canceled.status == "canceled" and canceled.canceled_at and canceled.ended_at
    assert canceled.cancellation_details is not None
    assert canceled.cancellation_details.comment == "Closing the shop"
    assert "customer.subscription.deleted" in event_types(client)
    with pytest.raises(stripe.InvalidRequestError, match="already canceled"):
        client.v1.subscriptions.cancel(sub.id)
    with pytest.raises(stripe.InvalidRequestError, match="can only update"):
        client.v1.subscriptions.update(sub.id, params={"cancel_at_period_end": True})
    with pytest.raises(stripe.InvalidRequestError, match="paused"):
        client.v1.subscriptions.resume(sub.id)


def test_cancel_with_proration_invoices_now(client: stripe.StripeClient) -> None:
    price = monthly_price(client, 3000)
    customer = customer_with_card(client)
    sub = client.v1.subscriptions.create(params={"customer": customer.id,
                                                 "items": [{"price": price.id}]})
    client.v1.subscriptions.cancel(sub.id, params={"prorate": True, "invoice_now": True})
    invoices = client.v1.invoices.list(params={"subscription": sub.id}).data
    final = invoices[0]
    assert final.billing_reason == "subscription_update"
    assert final.lines.data[0].amount < 0 and final.lines.data[0].amount >= -3000


def test_list_and_search_subscriptions(client: stripe.StripeClient) -> None:
    price, other = monthly_price(client), monthly_price(client, 900, "Basic")
    customer = customer_with_card(client)
    active = client.v1.subscriptions.create(params={"customer": customer.id,
                                                    "items": [{"price": price.id}],
                                                    "metadata": {"shop": "north"}})
    ended = client.v1.subscriptions.create(params={"customer": customer.id,
                                                   "items": [{"price": other.id}]})
    client.v1.subscriptions.cancel(ended.id)

    def ids(**params: Any) -> list[str]:
        return [s.id for s in client.v1.subscriptions.list(params=params).data]
    assert ids() == [active.id]
    assert ids(status="all") == [ended.id, active.id]
    assert ids(status="canceled") == ids(status="ended") == [ended.id]
    assert ids(price=other.id, status="all") == [ended.id]
    assert ids(customer="cus_nobody") == []
    found = client.v1.subscriptions.search(params={"query": "metadata['shop']:'north'"})
    assert [s.id for s in found.data] == [active.id]
    items = client.v1.subscription_items.list(params={"subscription": active.id})
    assert [i.id for i in items.data] == [active["items"].data[0].id]


# invoices -------------------------------------------------------------------------------


def draft_invoice(client: stripe.StripeClient, customer: stripe.Customer,
                  **extra: Any) -> stripe.Invoice:
    client.v1.invoice_items.create(params={"customer": customer.id, "amount": 1200,
                                           "currency": "usd", "description": "Beans 1 kg"})
    return client.v1.invoices.create(params={
        "customer": customer.id, "pending_invoice_items_behavior": "include", **extra})


def test_draft_from_pending_items_then_finalize_and_pay(client: stripe.StripeClient,
                                                        sandbox: Sandbox) -> None:
    customer = customer_with_card(client)
    price = client.v1.prices.create(params={"currency": "usd", "unit_amount": 450,
                                            "product_data": {"name": "Flat white"}})
    client.v1.invoice_items.create(params={"customer": customer.id,
                                           "pricing": {"price": price.id}, "quantity": 2})
    draft = draft_invoice(client, customer, description="Office order")
    assert (draft.status, draft.total, draft.number, draft.lines.total_count) == \
        ("draft", 2100, None, 2)
    line = draft.lines.data[0]
    assert line.pricing is not None and line.pricing.price_details is not None
    assert line.pricing.price_details.price == price.id and line.quantity == 2
    assert line.parent is not None and line.parent.type == "invoice_item_details"
    updated = client.v1.invoices.update(draft.id, params={"description": "Office order #2"})
    assert updated.description == "Office order #2"
    final = client.v1.invoices.finalize_invoice(draft.id)
    assert final.status == "open" and final.number == f"{customer.invoice_prefix}-0001"
    assert final.hosted_invoice_url == f"{sandbox.url}/invoice/{draft.id}"
    assert final.invoice_pdf == f"{sandbox.url}/invoice/{draft.id}/pdf"
    assert final.status_transitions.finalized_at is not None
    with pytest.raises(stripe.InvalidRequestError, match="already finalized"):
        client.v1.invoices.finalize_invoice(draft.id)
    with pytest.raises(stripe.InvalidRequestError, match="can only change on a draft"):
        client.v1.invoices.update(draft.id, params={"auto_advance": False})
    paid = client.v1.invoices.pay(draft.id)
    assert (paid.status, paid.amount_paid, paid.amount_remaining) == ("paid", 2100, 0)
    assert paid.status_transitions.paid_at is not None
    with pytest.raises(stripe.InvalidRequestError, match="already paid"):
        client.v1.invoices.pay(draft.id)
    lines = client.v1.invoices.line_items.list(draft.id, params={"limit": 1})
    assert len(lines.data) == 1 and lines.has_more is True
    second = client.v1.invoices.create(params={"customer": customer.id})
    client.v1.invoice_items.create(params={"customer": customer.id, "invoice": second.id,
                                           "amount": 500, "currency": "usd"})
    assert client.v1.invoices.finalize_invoice(second.id).number == \
        f"{customer.invoice_prefix}-0002"


def test_declined_invoice_payment_counts_an_attempt(client: stripe.StripeClient) -> None:
    customer = customer_with_card(client, "pm_card_chargeCustomerFail")
    invoice = draft_invoice(client, customer)
    client.v1.invoices.finalize_invoice(invoice.id)
    with pytest.raises(stripe.CardError) as err:
        client.v1.invoices.pay(invoice.id)
    assert err.value.code == "card_declined"
    after = client.v1.invoices.retrieve(invoice.id)
    assert (after.status, after.attempt_count, after.attempted) == ("open", 1, True)
    paid = client.v1.invoices.pay(invoice.id, params={"payment_method": "pm_card_visa"})
    assert paid.status == "paid" and paid.attempt_count == 2


def test_send_void_uncollectible_and_out_of_band(client: stripe.StripeClient) -> None:
    customer = client.v1.customers.create(params={"email": "ap@example.com"})
    sent = draft_invoice(client, customer, collection_method="send_invoice", days_until_due=30)
    assert sent.due_date is not None
    client.v1.invoices.finalize_invoice(sent.id)
    assert client.v1.invoices.send_invoice(sent.id).status == "open"
    assert "invoice.sent" in event_types(client)
    voided = client.v1.invoices.void_invoice(sent.id)
    assert voided.status == "void" and voided.status_transitions.voided_at is not None
    with pytest.raises(stripe.InvalidRequestError, match="void"):
        client.v1.invoices.pay(sent.id)
    with pytest.raises(stripe.InvalidRequestError, match="only void open"):
        client.v1.invoices.void_invoice(sent.id)
    bad = draft_invoice(client, customer, collection_method="send_invoice", days_until_due=5)
    client.v1.invoices.finalize_invoice(bad.id)
    lost = client.v1.invoices.mark_uncollectible(bad.id)
    assert lost.status == "uncollectible"
    assert lost.status_transitions.marked_uncollectible_at is not None
    cash = client.v1.invoices.pay(bad.id, params={"paid_out_of_band": True})
    assert cash.status == "paid" and cash.amount_paid_off_stripe == 1200
    types = event_types(client)
    assert {"invoice.voided", "invoice.marked_uncollectible", "invoice.paid"} <= set(types)


def test_delete_draft_and_invoice_errors(client: stripe.StripeClient) -> None:
    customer = client.v1.customers.create(params={"email": "x@example.com"})
    draft = draft_invoice(client, customer)
    assert client.v1.invoices.delete(draft.id).deleted is True
    assert client.v1.invoices.retrieve(draft.id).deleted is True
    with pytest.raises(stripe.InvalidRequestError, match="Missing required param: customer"):
        client.v1.invoices.create(params={})
    with pytest.raises(stripe.InvalidRequestError, match="days_until_due"):
        client.v1.invoices.create(params={"customer": customer.id,
                                          "collection_method": "send_invoice"})
    with pytest.raises(stripe.InvalidRequestError, match="No such invoice"):
        client.v1.invoices.retrieve("in_missing")
    sent = draft_invoice(client, customer)
    client.v1.invoices.finalize_invoice(sent.id)
    with pytest.raises(stripe.InvalidRequestError, match="only delete draft"):
        client.v1.invoices.delete(sent.id)
    with pytest.raises(stripe.InvalidRequestError, match="draft invoices"):
        client.v1.invoice_items.create(params={"customer": customer.id, "invoice": sent.id,
                                               "amount": 1, "currency": "usd"})
    with pytest.raises(stripe.InvalidRequestError, match="no attached payment source"):
        client.v1.invoices.pay(sent.id)


def test_invoice_items_update_and_delete(client: stripe.StripeClient) -> None:
    customer = client.v1.customers.create(params={"email": "x@example.com"})
    item = client.v1.invoice_items.create(params={"customer": customer.id, "amount": 700,
                                                  "currency": "usd"})
    assert item.id.startswith("ii_") and item.invoice is None
    changed = client.v1.invoice_items.update(item.id, params={"amount": 900,
                                                              "description": "Tip"})
    assert (changed.amount, changed.description) == (900, "Tip")
    assert client.v1.invoice_items.delete(item.id).deleted is True
    with pytest.raises(stripe.InvalidRequestError, match="Missing required param: amount"):
        client.v1.invoice_items.create(params={"customer": customer.id, "currency": "usd"})


def test_invoice_list_filters_and_search(client: stripe.StripeClient) -> None:
    customer = customer_with_card(client)
    other = client.v1.customers.create(params={"email": "o@example.com"})
    paid = draft_invoice(client, customer)
    client.v1.invoices.pay(paid.id)
    open_one = draft_invoice(client, other, collection_method="send_invoice",
                             days_until_due=10)
    client.v1.invoices.finalize_invoice(open_one.id)
    draft = draft_invoice(client, other)

    def ids(**params: Any) -> list[str]:
        return [i.id for i in client.v1.invoices.list(params=params).data]
    assert ids() == [draft.id, open_one.id, paid.id]
    assert ids(customer=other.id) == [draft.id, open_one.id]
    assert ids(status="paid") == [paid.id]
    assert ids(collection_method="send_invoice") == [open_one.id]
    assert ids(due_date={"gt": 0}) == [open_one.id]
    found = client.v1.invoices.search(params={"query": "status:'open'"})
    assert [i.id for i in found.data] == [open_one.id]
    payments = client.v1.invoice_payments.list(params={"invoice": paid.id})
    assert payments.data[0].status == "paid" and payments.data[0].amount_paid == 1200


def test_create_preview_shows_prorations(client: stripe.StripeClient) -> None:
    price = monthly_price(client, 3000)
    customer = customer_with_card(client)
    sub = client.v1.subscriptions.create(params={"customer": customer.id,
                                                 "items": [{"price": price.id}]})
    item = sub["items"].data[0]
    halfway = (item.current_period_start + item.current_period_end) // 2
    preview = client.v1.invoices.create_preview(params={
        "customer": customer.id, "subscription": sub.id,
        "subscription_details": {"items": [{"id": item.id, "quantity": 2}],
                                 "proration_date": halfway}})
    amounts = [line.amount for line in preview.lines.data]
    assert amounts[0] == pytest.approx(-1500, abs=60)
    assert amounts[1] == pytest.approx(3000, abs=120)
    assert amounts[2] == 6000
    assert preview.id.startswith("upcoming_in_")
    with pytest.raises(stripe.InvalidRequestError):
        client.v1.invoices.retrieve(preview.id)
    assert client.v1.subscriptions.retrieve(sub.id)["items"].data[0].quantity == 1
    plain = client.v1.invoices.create_preview(params={"subscription": sub.id})
    assert [line.amount for line in plain.lines.data] == [3000]
    with pytest.raises(stripe.InvalidRequestError, match="No upcoming invoices"):
        client.v1.invoices.create_preview(params={"customer": customer.id})


def sca_subscription(client: stripe.StripeClient) -> tuple[stripe.Subscription, stripe.Invoice,
                                                             str]:
    """A subscription whose first invoice waits for 3D Secure: (subscription, invoice, pi id)."""
    price = monthly_price(client)
    customer = customer_with_card(client, "pm_card_authenticationRequired")
    sub = client.v1.subscriptions.create(params={
        "customer": customer.id, "items": [{"price": price.id}],
        "expand": ["latest_invoice.payments"]})
    invoice = sub.latest_invoice
    assert isinstance(invoice, stripe.Invoice) and invoice.payments is not None
    return sub, invoice, str(invoice.payments.data[0].payment.payment_intent)


def test_helper_authentication_settles_the_invoice_and_subscription_at_once(
        client: stripe.StripeClient) -> None:
    sub, invoice, pi = sca_subscription(client)
    assert sub.status == "incomplete"
    helper(client, f"payment_intents/{pi}/authenticate", outcome="approve")
    paid = client.v1.invoices.retrieve(invoice.id)
    assert (paid.status, paid.amount_paid) == ("paid", 1500)
    assert client.v1.subscriptions.retrieve(sub.id).status == "active"
    types = event_types(client)
    assert types.count("invoice.paid") == 1 and types[-1] == "customer.subscription.updated"
    with pytest.raises(stripe.InvalidRequestError, match="already paid"):
        client.v1.invoices.pay(invoice.id)


def test_helper_authentication_denied_fails_the_invoice_once(
        client: stripe.StripeClient) -> None:
    sub, invoice, pi = sca_subscription(client)
    helper(client, f"payment_intents/{pi}/authenticate", outcome="deny")
    assert client.v1.invoices.retrieve(invoice.id).status == "open"
    assert client.v1.subscriptions.retrieve(sub.id).status == "incomplete"
    assert event_types(client).count("invoice.payment_failed") == 1
    # The customer pays with another card afterwards: the subscription starts.
    paid = client.v1.invoices.pay(invoice.id, params={"payment_method": "pm_card_visa"})
    assert paid.status == "paid"
    assert client.v1.subscriptions.retrieve(sub.id).status == "active"


def test_retrieve_and_search_by_id_across_billing_objects(client: stripe.StripeClient) -> None:
    price = monthly_price(client, metadata={"plan": "pro"})
    product = client.v1.products.retrieve(str(price.product))
    assert product.name == "Cloud Pro"
    assert [p.id for p in client.v1.products.search(
        params={"query": "name~'cloud'"}).data] == [product.id]
    customer = customer_with_card(client)
    sub = client.v1.subscriptions.create(params={"customer": customer.id,
                                                 "items": [{"price": price.id}]})
    item = client.v1.subscription_items.retrieve(sub["items"].data[0].id)
    assert (item.subscription, item.price.id, item.plan.amount) == (sub.id, price.id, 1500)
    assert "payments" not in client.v1.invoices.retrieve(str(sub.latest_invoice))
    invoice = client.v1.invoices.retrieve(str(sub.latest_invoice),
                                          params={"expand": ["payments"]})
    assert invoice.payments is not None
    payment = client.v1.invoice_payments.retrieve(invoice.payments.data[0].id)
    assert (payment.invoice, payment.amount_paid, payment.is_default) == (invoice.id, 1500, True)
    pending = client.v1.invoice_items.create(params={"customer": customer.id, "amount": 250,
                                                     "currency": "usd"})
    assert client.v1.invoice_items.retrieve(pending.id).amount == 250
    with pytest.raises(stripe.InvalidRequestError, match="No such subscription"):
        client.v1.subscriptions.retrieve("sub_missing")


def test_create_preview_bills_the_next_period_at_renewal(client: stripe.StripeClient) -> None:
    price = monthly_price(client, 3000)
    customer = customer_with_card(client)
    sub = client.v1.subscriptions.create(params={"customer": customer.id,
                                                 "items": [{"price": price.id}]})
    item = sub["items"].data[0]
    start, renewal = item.current_period_start, item.current_period_end
    preview = client.v1.invoices.create_preview(params={"subscription": sub.id})
    assert (preview.period_start, preview.period_end) == (start, renewal)
    assert preview.next_payment_attempt == renewal and preview.due_date is None
    line = preview.lines.data[0]
    assert line.period.start == renewal and line.period.end > renewal + 27 * 86_400
    halfway = (start + renewal) // 2
    change = client.v1.invoices.create_preview(params={
        "subscription": sub.id, "subscription_details": {
            "items": [{"id": item.id, "quantity": 2}], "proration_date": halfway}})
    assert [(li.period.start, li.period.end) for li in change.lines.data[:2]] \
        == [(halfway, renewal)] * 2
    assert change.lines.data[2].period.start == renewal
    assert change.next_payment_attempt == renewal and change.period_end == renewal


def test_create_preview_of_an_emailed_subscription_falls_due_after_renewal(
        client: stripe.StripeClient) -> None:
    customer = client.v1.customers.create(params={"email": "ap@example.com"})
    sub = client.v1.subscriptions.create(params={
        "customer": customer.id, "items": [{"price": monthly_price(client).id}],
        "collection_method": "send_invoice", "days_until_due": 14})
    renewal = sub["items"].data[0].current_period_end
    preview = client.v1.invoices.create_preview(params={"subscription": sub.id})
    assert preview.next_payment_attempt is None
    assert preview.due_date == renewal + 14 * 86_400 and preview.period_end == renewal
