"""Test clocks in the sandbox through the SDK: the clock itself, and subscriptions of its
customers renewing, failing and retrying, ending trials, pausing and canceling as it advances."""

from __future__ import annotations

import time

import pytest
import stripe
from sandbox_support import customer_with_card, event_types, monthly_price
from sdk_support import advance_clock

DAY = 86_400
START = 1_780_000_000  # 2026-05-28, a Thursday


def clock_and_customer(client: stripe.StripeClient, card: str | None = "pm_card_visa"
                       ) -> tuple[stripe.test_helpers.TestClock, stripe.Customer]:
    clock = client.v1.test_helpers.test_clocks.create(params={"frozen_time": START,
                                                              "name": "renewals"})
    if card is None:
        return clock, client.v1.customers.create(params={"test_clock": clock.id})
    return clock, customer_with_card(client, card, test_clock=clock.id)


def advance(client: stripe.StripeClient, clock: stripe.test_helpers.TestClock,
            days: float) -> stripe.test_helpers.TestClock:
    return advance_clock(client, clock.id, START + int(days * DAY))


def test_clock_lifecycle(client: stripe.StripeClient) -> None:
    clock, customer = clock_and_customer(client)
    assert clock.id.startswith("clock_")
    assert (clock.status, clock.frozen_time, clock.name) == ("ready", START, "renewals")
    moved = advance(client, clock, 1)
    assert (moved.status, moved.frozen_time) == ("ready", START + DAY)
    assert [c.id for c in client.v1.test_helpers.test_clocks.list().data] == [clock.id]
    types = event_types(client)
    assert types.index("test_helpers.test_clock.advancing") < \
        types.index("test_helpers.test_clock.ready")
    with pytest.raises(stripe.InvalidRequestError, match="must be after") as err:
        advance(client, clock, 0.5)
    assert err.value.param == "frozen_time"
    assert client.v1.test_helpers.test_clocks.delete(clock.id).deleted is True
    assert client.v1.customers.retrieve(customer.id).deleted is True
    with pytest.raises(stripe.InvalidRequestError, match="No such test clock"):
        advance(client, clock, 2)


def test_renewal_bills_the_next_period(client: stripe.StripeClient) -> None:
    clock, customer = clock_and_customer(client)
    price = monthly_price(client)
    sub = client.v1.subscriptions.create(params={"customer": customer.id,
                                                 "items": [{"price": price.id}]})
    assert sub.start_date == START and sub.created == START
    first_end = sub["items"].data[0].current_period_end
    advance(client, clock, 31)
    renewed = client.v1.subscriptions.retrieve(sub.id, params={"expand": ["latest_invoice"]})
    item = renewed["items"].data[0]
    assert (item.current_period_start, renewed.status) == (first_end, "active")
    assert item.current_period_end > first_end
    invoice = renewed.latest_invoice
    assert isinstance(invoice, stripe.Invoice)
    assert (invoice.billing_reason, invoice.status, invoice.amount_paid) == \
        ("subscription_cycle", "paid", 1500)
    assert invoice.created == first_end
    assert invoice.lines.data[0].period.start == first_end
    assert len(client.v1.invoices.list(params={"subscription": sub.id}).data) == 2


def test_failing_renewal_goes_past_due_then_unpaid(client: stripe.StripeClient) -> None:
    clock, customer = clock_and_customer(client)
    price = monthly_price(client)
    sub = client.v1.subscriptions.create(params={"customer": customer.id,
                                                 "items": [{"price": price.id}]})
    failing = client.v1.payment_methods.attach("pm_card_chargeCustomerFail",
                                               params={"customer": customer.id})
    client.v1.customers.update(customer.id, params={
        "invoice_settings": {"default_payment_method": failing.id}})
    advance(client, clock, 32)
    late = client.v1.subscriptions.retrieve(sub.id, params={"expand": ["latest_invoice"]})
    invoice = late.latest_invoice
    assert isinstance(invoice, stripe.Invoice)
    assert late.status == "past_due"
    assert (invoice.status, invoice.attempt_count) == ("open", 1)
    assert invoice.next_payment_attempt == invoice.created + 3 * DAY
    assert "invoice.payment_failed" in event_types(client)
    advance(client, clock, 50)
    gone = client.v1.subscriptions.retrieve(sub.id, params={"expand": ["latest_invoice"]})
    assert gone.status == "unpaid"
    assert isinstance(gone.latest_invoice, stripe.Invoice)
    assert (gone.latest_invoice.attempt_count, gone.latest_invoice.next_payment_attempt) == \
        (4, None)


def test_paying_a_past_due_invoice_makes_it_active_again(client: stripe.StripeClient) -> None:
    clock, customer = clock_and_customer(client)
    price = monthly_price(client)
    sub = client.v1.subscriptions.create(params={"customer": customer.id,
                                                 "items": [{"price": price.id}]})
    failing = client.v1.payment_methods.attach("pm_card_chargeCustomerFail",
                                               params={"customer": customer.id})
    client.v1.subscriptions.update(sub.id, params={"default_payment_method": failing.id})
    advance(client, clock, 32)
    invoice_id = str(client.v1.subscriptions.retrieve(sub.id).latest_invoice)
    client.v1.invoices.pay(invoice_id, params={"payment_method": "pm_card_visa"})
    assert client.v1.subscriptions.retrieve(sub.id).status == "active"


def test_trial_end_charges_the_first_period(client: stripe.StripeClient) -> None:
    clock, customer = clock_and_customer(client)
    price = monthly_price(client)
    sub = client.v1.subscriptions.create(params={"customer": customer.id,
                                                 "items": [{"price": price.id}],
                                                 "trial_period_days": 7})
    advance(client, clock, 8)
    after = client.v1.subscriptions.retrieve(sub.id, params={"expand": ["latest_invoice"]})
    assert after.status == "active" and after.billing_cycle_anchor == START + 7 * DAY
    assert after["items"].data[0].current_period_start == START + 7 * DAY
    assert isinstance(after.latest_invoice, stripe.Invoice)
    assert (after.latest_invoice.status, after.latest_invoice.amount_paid) == ("paid", 1500)


def test_trial_without_card_pauses_and_resumes(client: stripe.StripeClient) -> None:
    clock, customer = clock_and_customer(client, None)
    price = monthly_price(client)
    sub = client.v1.subscriptions.create(params={
        "customer": customer.id, "items": [{"price": price.id}], "trial_period_days": 3,
        "trial_settings": {"end_behavior": {"missing_payment_method": "pause"}}})
    advance(client, clock, 4)
    assert client.v1.subscriptions.retrieve(sub.id).status == "paused"
    assert "customer.subscription.paused" in event_types(client)
    with pytest.raises(stripe.InvalidRequestError, match="no attached payment source"):
        client.v1.subscriptions.resume(sub.id)
    assert client.v1.subscriptions.retrieve(sub.id).status == "paused"
    card = client.v1.payment_methods.attach("pm_card_visa", params={"customer": customer.id})
    client.v1.customers.update(customer.id, params={
        "invoice_settings": {"default_payment_method": card.id}})
    resumed = client.v1.subscriptions.resume(sub.id, params={"expand": ["latest_invoice"]})
    assert resumed.status == "active"
    assert resumed["items"].data[0].current_period_start == START + 4 * DAY
    assert isinstance(resumed.latest_invoice, stripe.Invoice)
    assert resumed.latest_invoice.status == "paid"
    assert "customer.subscription.resumed" in event_types(client)


def test_cancel_at_period_end_happens_at_period_end(client: stripe.StripeClient) -> None:
    clock, customer = clock_and_customer(client)
    price = monthly_price(client)
    sub = client.v1.subscriptions.create(params={"customer": customer.id,
                                                 "items": [{"price": price.id}],
                                                 "cancel_at_period_end": True})
    end = sub["items"].data[0].current_period_end
    advance(client, clock, 40)
    done = client.v1.subscriptions.retrieve(sub.id)
    assert (done.status, done.ended_at) == ("canceled", end)
    assert len(client.v1.invoices.list(params={"subscription": sub.id}).data) == 1


def test_incomplete_subscription_expires_after_a_day(client: stripe.StripeClient) -> None:
    clock, customer = clock_and_customer(client, "pm_card_chargeCustomerFail")
    price = monthly_price(client)
    sub = client.v1.subscriptions.create(params={"customer": customer.id,
                                                 "items": [{"price": price.id}]})
    assert sub.status == "incomplete"
    advance(client, clock, 1)
    expired = client.v1.subscriptions.retrieve(sub.id, params={"expand": ["latest_invoice"]})
    assert expired.status == "incomplete_expired"
    assert isinstance(expired.latest_invoice, stripe.Invoice)
    assert expired.latest_invoice.status == "void"


def test_paused_collection_voids_renewal_invoices(client: stripe.StripeClient) -> None:
    clock, customer = clock_and_customer(client)
    price = monthly_price(client)
    sub = client.v1.subscriptions.create(params={"customer": customer.id,
                                                 "items": [{"price": price.id}]})
    client.v1.subscriptions.update(sub.id, params={"pause_collection": {"behavior": "void"}})
    advance(client, clock, 31)
    latest = client.v1.subscriptions.retrieve(sub.id, params={"expand": ["latest_invoice"]})
    assert latest.status == "active"
    assert isinstance(latest.latest_invoice, stripe.Invoice)
    assert latest.latest_invoice.status == "void"


def test_send_invoice_subscription_goes_past_due_after_due_date(
        client: stripe.StripeClient) -> None:
    clock, customer = clock_and_customer(client, None)
    price = monthly_price(client)
    sub = client.v1.subscriptions.create(params={
        "customer": customer.id, "items": [{"price": price.id}],
        "collection_method": "send_invoice", "days_until_due": 5})
    advance(client, clock, 6)
    assert client.v1.subscriptions.retrieve(sub.id).status == "past_due"


def test_clock_retrieve_and_customers_on_it(client: stripe.StripeClient) -> None:
    clock, customer = clock_and_customer(client)
    assert client.v1.test_helpers.test_clocks.retrieve(clock.id).frozen_time == START
    listed = client.v1.customers.list(params={"test_clock": clock.id}).data
    assert [c.id for c in listed] == [customer.id]
    client.v1.test_helpers.test_clocks.delete(clock.id)
    assert client.v1.test_helpers.test_clocks.retrieve(clock.id).deleted is True
    assert client.v1.test_helpers.test_clocks.list().data == []


def test_everything_made_for_a_clock_customer_carries_the_clock_time(
        client: stripe.StripeClient) -> None:
    clock, customer = clock_and_customer(client)
    assert customer.created == START
    # Events keep the time they were really made at, as on Stripe.
    created_event = client.v1.events.list(params={"type": "customer.created"}).data[0]
    assert created_event.created > START + 30 * DAY
    pm = client.v1.payment_methods.retrieve(
        str(customer.invoice_settings.default_payment_method))
    assert pm.created == START

    paid = client.v1.payment_intents.create(params={
        "amount": 1200, "currency": "usd", "customer": customer.id, "payment_method": pm.id,
        "confirm": True, "return_url": "https://shop.example/back"})
    charge = client.v1.charges.retrieve(str(paid.latest_charge))
    refund = client.v1.refunds.create(params={"payment_intent": paid.id, "amount": 200})
    setup = client.v1.setup_intents.create(params={"customer": customer.id})
    portal = client.v1.billing_portal.sessions.create(params={"customer": customer.id})
    assert {paid.created, charge.created, refund.created, setup.created, portal.created} == \
        {START}

    advance(client, clock, 1)
    later = client.v1.payment_intents.create(params={
        "amount": 900, "currency": "usd", "customer": customer.id})
    assert later.created == START + DAY
    confirmed = client.v1.payment_intents.confirm(later.id, params={"payment_method": pm.id})
    assert client.v1.charges.retrieve(str(confirmed.latest_charge)).created == START + DAY

    # Customers and payments off the clock stay on real time.
    walk_in = client.v1.customers.create(params={"name": "Walk-in"})
    cash = client.v1.payment_intents.create(params={"amount": 500, "currency": "usd"})
    assert walk_in.created > START + 30 * DAY and cash.created > START + 30 * DAY


def test_a_customer_on_an_unknown_clock_is_refused(client: stripe.StripeClient) -> None:
    with pytest.raises(stripe.InvalidRequestError, match="No such test clock") as err:
        client.v1.customers.create(params={"test_clock": "clock_missing"})
    assert err.value.param == "test_clock"
    assert client.v1.customers.list().data == []


def test_an_advance_answers_advancing_and_becomes_ready_later(
        client: stripe.StripeClient) -> None:
    clock, _ = clock_and_customer(client)
    answer = client.v1.test_helpers.test_clocks.advance(
        clock.id, params={"frozen_time": START + DAY})
    assert answer.status == "advancing"
    with pytest.raises(stripe.InvalidRequestError, match="already advancing"):
        client.v1.test_helpers.test_clocks.advance(clock.id,
                                                   params={"frozen_time": START + 2 * DAY})
    deadline = time.monotonic() + 10
    while client.v1.test_helpers.test_clocks.retrieve(clock.id).status != "ready":
        assert time.monotonic() < deadline
        time.sleep(0.02)
    assert client.v1.test_helpers.test_clocks.retrieve(clock.id).frozen_time == START + DAY


def test_trial_end_and_upcoming_invoice_notices_come_at_stripes_lead_times(
        client: stripe.StripeClient) -> None:
    clock, customer = clock_and_customer(client)
    sub = client.v1.subscriptions.create(params={
        "customer": customer.id, "items": [{"price": monthly_price(client).id}],
        "trial_period_days": 14})
    advance(client, clock, 10.5)
    assert "customer.subscription.trial_will_end" not in event_types(client, sub.id)
    advance(client, clock, 11.5)
    assert event_types(client, sub.id).count("customer.subscription.trial_will_end") == 1
    upcoming = client.v1.events.list(params={"type": "invoice.upcoming"}).data
    assert len(upcoming) == 1  # 3 days before the first charge at the trial's end
    assert upcoming[0].data.object["amount_due"] == 1500
    # Events keep the time they are made at; the preview bills the period after the trial.
    assert upcoming[0].data.object["period_end"] == START + 14 * DAY
    advance(client, clock, 30)
    assert len(client.v1.events.list(params={"type": "invoice.upcoming"}).data) == 1
    advance(client, clock, 42)
    assert len(client.v1.events.list(params={"type": "invoice.upcoming"}).data) == 2
    assert event_types(client, sub.id).count("customer.subscription.trial_will_end") == 1
