"""What real Stripe returns and refuses that an app trips on first (issue 12): includable
fields only when expanded, expand paths Stripe refuses, and the behaviours around them."""

from __future__ import annotations

from typing import Any

import pytest
import stripe
from sandbox_support import customer_with_card, espresso, event_types, monthly_price, pay

from posapp.sandbox import Sandbox

# includable fields ----------------------------------------------------------------------


def test_invoice_payments_and_confirmation_secret_come_only_when_expanded(
        client: stripe.StripeClient) -> None:
    customer = customer_with_card(client)
    sub = client.v1.subscriptions.create(params={
        "customer": customer.id, "items": [{"price": monthly_price(client).id}]})
    plain = client.v1.invoices.retrieve(str(sub.latest_invoice))
    assert "payments" not in plain and "confirmation_secret" not in plain
    full = client.v1.invoices.retrieve(plain.id, params={
        "expand": ["payments", "confirmation_secret"]})
    assert full.payments is not None and full.payments.data[0].status == "paid"
    assert full.confirmation_secret is not None
    listed = client.v1.invoices.list(params={"expand": ["data.payments"]}).data[0]
    assert listed.payments is not None and len(listed.payments.data) == 1
    assert "payments" not in client.v1.invoices.list().data[0]
    events = client.v1.events.list(params={"type": "invoice.*"}).data
    assert events and all("payments" not in e.data.object for e in events)


def test_checkout_and_payment_link_line_items_come_only_when_expanded(
        client: stripe.StripeClient) -> None:
    price = espresso(client)
    session = client.v1.checkout.sessions.create(params={
        "mode": "payment", "success_url": "https://shop.example/ok",
        "line_items": [{"price": price.id, "quantity": 2}]})
    assert "line_items" not in session
    expanded = client.v1.checkout.sessions.retrieve(session.id,
                                                    params={"expand": ["line_items"]})
    assert expanded.line_items is not None and expanded.line_items.data[0].quantity == 2
    link = client.v1.payment_links.create(params={
        "line_items": [{"price": price.id, "quantity": 1}]})
    assert "line_items" not in link
    link = client.v1.payment_links.retrieve(link.id, params={"expand": ["line_items"]})
    assert link.line_items is not None and len(link.line_items.data) == 1


def test_charge_refunds_are_listed_when_expanded(client: stripe.StripeClient) -> None:
    pi = pay(client, amount=3000)
    refund = client.v1.refunds.create(params={"payment_intent": pi.id, "amount": 500})
    charge = client.v1.charges.retrieve(str(pi.latest_charge))
    assert "refunds" not in charge
    charge = client.v1.charges.retrieve(charge.id, params={"expand": ["refunds"]})
    assert charge.refunds is not None
    assert [r.id for r in charge.refunds.data] == [refund.id]


# expand paths Stripe refuses ------------------------------------------------------------


@pytest.mark.parametrize(("path", "message"), [
    ("nonsense", r"This property cannot be expanded \(nonsense\)\."),
    ("metadata", r"This property cannot be expanded \(metadata\)\."),
    ("amount", r"This property cannot be expanded \(amount\)\."),
    ("latest_charge.payment_method.customer.invoice_settings.default_payment_method",
     "You cannot expand more than 4 levels of a property"),
])
def test_unknown_non_expandable_or_too_deep_expands_are_refused(
        client: stripe.StripeClient, path: str, message: str) -> None:
    pi = pay(client)
    with pytest.raises(stripe.InvalidRequestError, match=message) as caught:
        client.v1.payment_intents.retrieve(pi.id, params={"expand": [path]})
    assert caught.value.http_status == 400


def test_a_list_expand_must_start_with_data(client: stripe.StripeClient) -> None:
    pay(client)
    with pytest.raises(stripe.InvalidRequestError, match=r"cannot be expanded \(customer\)"):
        client.v1.payment_intents.list(params={"expand": ["customer"]})


# decline test cards ---------------------------------------------------------------------


@pytest.mark.parametrize(("card", "code", "decline_code"), [
    ("pm_card_chargeDeclined", "card_declined", "generic_decline"),
    ("pm_card_visa_chargeDeclined", "card_declined", "generic_decline"),
    ("pm_card_chargeDeclinedInsufficientFunds", "card_declined", "insufficient_funds"),
    ("pm_card_chargeDeclinedLostCard", "card_declined", "lost_card"),
    ("pm_card_chargeDeclinedStolenCard", "card_declined", "stolen_card"),
    ("pm_card_chargeDeclinedFraudulent", "card_declined", "fraudulent"),
    ("pm_card_chargeDeclinedVelocityLimitExceeded", "card_declined", "card_velocity_exceeded"),
    ("pm_card_chargeDeclinedExpiredCard", "expired_card", "expired_card"),
    ("pm_card_chargeDeclinedIncorrectCvc", "incorrect_cvc", "incorrect_cvc"),
    ("pm_card_chargeDeclinedProcessingError", "processing_error", "processing_error"),
])
def test_every_decline_card_fails_with_its_code(client: stripe.StripeClient, card: str,
                                                code: str, decline_code: str) -> None:
    with pytest.raises(stripe.CardError) as caught:
        pay(client, card)
    error = caught.value
    assert (error.http_status, error.code) == (402, code)
    assert error.error is not None and error.error.decline_code == decline_code
    assert error.error.payment_intent is not None
    charge = client.v1.charges.retrieve(str(error.error.payment_intent.latest_charge))
    assert (charge.status, charge.failure_code) == ("failed", code)
    customer = client.v1.customers.create()
    with pytest.raises(stripe.CardError):
        client.v1.payment_methods.attach(card, params={"customer": customer.id})


# current enum values --------------------------------------------------------------------


def test_checkout_ui_mode_takes_the_current_values(client: stripe.StripeClient) -> None:
    base: Any = {"mode": "payment",
                 "line_items": [{"price": espresso(client).id, "quantity": 1}]}
    hosted = client.v1.checkout.sessions.create(params={
        **base, "success_url": "https://shop.example/ok", "ui_mode": "hosted_page"})
    assert hosted.ui_mode == "hosted_page" and hosted.url is not None
    embedded = client.v1.checkout.sessions.create(params={
        **base, "ui_mode": "embedded_page", "return_url": "https://shop.example/back"})
    assert embedded.ui_mode == "embedded_page"
    assert embedded.url is None and embedded.client_secret is not None
    assert client.v1.checkout.sessions.create(params=base).ui_mode == "hosted_page"
    for old in ("hosted", "embedded", "custom"):
        with pytest.raises(stripe.InvalidRequestError, match="ui_mode"):
            client.v1.checkout.sessions.create(params={**base, "ui_mode": old})


# validation and error bodies ------------------------------------------------------------


def test_error_bodies_are_written_as_stripe_writes_them(client: stripe.StripeClient) -> None:
    with pytest.raises(stripe.CardError) as declined:
        pay(client, "pm_card_chargeDeclined")
    body = declined.value.json_body["error"]
    assert body["doc_url"] == "https://stripe.com/docs/error-codes/card-declined"
    assert body["request_log_url"].startswith("https://dashboard.stripe.com/test/logs/req_")
    with pytest.raises(stripe.InvalidRequestError) as bad_integer:
        client.v1.customers.list(params={"limit": "ten"})  # type: ignore[typeddict-item]
    assert bad_integer.value.code == "parameter_invalid_integer"
    assert bad_integer.value.param == "limit"


@pytest.mark.parametrize(("params", "param"), [
    ({"address": {"zip": "10001"}}, "address[zip]"),
    ({"shipping": {"name": "Ann", "address": {"line1": "1 Main", "zip": "1"}}},
     "shipping[address][zip]"),
    ({"invoice_settings": {"colour": "red"}}, "invoice_settings[colour]"),
])
def test_unknown_nested_keys_are_refused_by_name(client: stripe.StripeClient,
                                                 params: dict[str, Any], param: str) -> None:
    with pytest.raises(stripe.InvalidRequestError) as caught:
        client.v1.customers.create(params=params)  # type: ignore[arg-type]
    assert (caught.value.code, caught.value.param) == ("parameter_unknown", param)
    assert caught.value.user_message == f"Received unknown parameter: {param}"


def test_an_unknown_currency_is_refused(client: stripe.StripeClient) -> None:
    with pytest.raises(stripe.InvalidRequestError, match="Invalid currency: abc") as caught:
        client.v1.payment_intents.create(params={"amount": 500, "currency": "abc"})
    assert caught.value.param == "currency"
    assert client.v1.payment_intents.create(params={"amount": 500, "currency": "EUR"}) \
        .currency == "eur"


def test_idempotency_keys_are_at_most_255_characters_and_tied_to_one_endpoint(
        client: stripe.StripeClient) -> None:
    with pytest.raises(stripe.InvalidRequestError, match="255"):
        client.v1.customers.create(options={"idempotency_key": "k" * 256})
    client.v1.customers.create(options={"idempotency_key": "k" * 255})
    client.v1.customers.create(params={"name": "Ann"}, options={"idempotency_key": "shared"})
    with pytest.raises(stripe.IdempotencyError, match="same endpoint"):
        client.v1.products.create(params={"name": "Ann"}, options={"idempotency_key": "shared"})


# payment_method_options -------------------------------------------------------------------


def test_card_options_ask_for_3d_secure_and_manual_capture(client: stripe.StripeClient) -> None:
    secure = pay(client, payment_method_options={"card": {"request_three_d_secure": "any"}})
    assert secure.status == "requires_action"
    assert secure.payment_method_options is not None
    assert secure.payment_method_options.card is not None
    assert secure.payment_method_options.card.request_three_d_secure == "any"
    held = pay(client, payment_method_options={"card": {"capture_method": "manual"}})
    assert (held.status, held.amount_capturable) == ("requires_capture", 2000)
    captured = client.v1.payment_intents.capture(held.id)
    assert captured.status == "succeeded"
    with pytest.raises(stripe.InvalidRequestError, match="request_three_d_secure"):
        pay(client, payment_method_options={"card": {"request_three_d_secure": "always"}})


# behaviours -------------------------------------------------------------------------------


def test_deleting_a_customer_cancels_its_subscriptions(client: stripe.StripeClient) -> None:
    customer = customer_with_card(client)
    sub = client.v1.subscriptions.create(params={
        "customer": customer.id, "items": [{"price": monthly_price(client).id}]})
    client.v1.customers.delete(customer.id)
    assert client.v1.subscriptions.retrieve(sub.id).status == "canceled"
    types = event_types(client)
    assert types.index("customer.subscription.deleted") < types.index("customer.deleted")


def test_voiding_an_invoice_cancels_its_payment_intent(client: stripe.StripeClient) -> None:
    customer = client.v1.customers.create()
    client.v1.invoice_items.create(params={"customer": customer.id, "amount": 700,
                                           "currency": "usd"})
    invoice = client.v1.invoices.create(params={
        "customer": customer.id, "pending_invoice_items_behavior": "include"})
    client.v1.invoices.finalize_invoice(invoice.id)
    paid_by = client.v1.invoices.retrieve(invoice.id, params={"expand": ["payments"]})
    assert paid_by.payments is not None
    pi_id = str(paid_by.payments.data[0].payment.payment_intent)
    client.v1.invoices.void_invoice(invoice.id)
    pi = client.v1.payment_intents.retrieve(pi_id)
    assert (pi.status, pi.cancellation_reason) == ("canceled", "void_invoice")
    assert "payment_intent.canceled" in event_types(client, pi_id)


def test_a_billing_portal_session_emits_its_event(client: stripe.StripeClient) -> None:
    customer = client.v1.customers.create()
    session = client.v1.billing_portal.sessions.create(params={"customer": customer.id})
    assert event_types(client, session.id) == ["billing_portal.session.created"]


def test_events_list_newest_first_by_created_then_id(client: stripe.StripeClient,
                                                    sandbox: Sandbox) -> None:
    client.v1.customers.create(params={"name": "Now"})
    # Something recorded an hour late (as a seed laying down history can) still lists in
    # its place.
    sandbox.state.clock_offset = -3600
    client.v1.customers.create(params={"name": "Earlier"})
    sandbox.state.clock_offset = 0
    for name in ("Later", "Last"):
        client.v1.customers.create(params={"name": name})
    events = client.v1.events.list(params={"limit": 100}).data
    keys = [(e.created, e.id) for e in events]
    assert keys == sorted(keys, reverse=True)
    assert [e.data.object["name"] for e in events] == ["Last", "Later", "Now", "Earlier"]
    page = client.v1.events.list(params={"limit": 2, "starting_after": events[1].id}).data
    assert [e.id for e in page] == [events[2].id, events[3].id]


# balance ------------------------------------------------------------------------------------


def test_a_charge_gets_its_balance_transaction_with_stripes_standard_fee(
        client: stripe.StripeClient) -> None:
    pi = pay(client, amount=10_000)
    charge = client.v1.charges.retrieve(str(pi.latest_charge),
                                        params={"expand": ["balance_transaction"]})
    txn = charge.balance_transaction
    assert isinstance(txn, stripe.BalanceTransaction)
    assert (txn.type, txn.reporting_category, txn.source) == ("charge", "charge", charge.id)
    assert (txn.amount, txn.fee, txn.net) == (10_000, 320, 9_680)  # 2.9% + 30¢
    assert [(f.type, f.amount) for f in txn.fee_details] == [("stripe_fee", 320)]
    assert txn.status == "pending" and txn.available_on > txn.created
    updated = client.v1.events.list(params={"type": "charge.updated"}).data[0]
    assert updated.data.object["balance_transaction"] == txn.id
    assert updated.data.previous_attributes is not None
    assert updated.data.previous_attributes["balance_transaction"] is None


def test_refunds_and_disputes_move_the_balance(client: stripe.StripeClient) -> None:
    pi = pay(client, amount=2_000)
    refund = client.v1.refunds.create(params={"payment_intent": pi.id, "amount": 500})
    assert (refund.customer, refund.payment_method) == (pi.customer, pi.payment_method)
    refund_txn = client.v1.balance_transactions.retrieve(str(refund.balance_transaction))
    assert (refund_txn.type, refund_txn.amount, refund_txn.fee) == ("refund", -500, 0)
    disputed = pay(client, "pm_card_createDispute", amount=3_000)
    dispute = client.v1.disputes.list(params={"payment_intent": disputed.id}).data[0]
    [withdrawal] = dispute.balance_transactions
    assert (withdrawal.reporting_category, withdrawal.amount, withdrawal.fee) == \
        ("dispute", -3_000, 1_500)
    listed = client.v1.balance_transactions.list(params={"type": "charge"}).data
    assert {t.source for t in listed} == {pi.latest_charge, disputed.latest_charge}
    balance = client.v1.balance.retrieve()
    [pending] = balance.pending
    expected = (2_000 - 88) - 500 + (3_000 - 117) - 3_000 - 1_500
    assert (pending.currency, pending.amount) == ("usd", expected)
    assert balance.available[0].amount == 0


def test_events_older_than_30_days_are_gone(client: stripe.StripeClient,
                                            sandbox: Sandbox) -> None:
    sandbox.state.clock_offset = -31 * 86_400
    old = client.v1.customers.create(params={"name": "Last month"})
    sandbox.state.clock_offset = -29 * 86_400
    recent = client.v1.customers.create(params={"name": "Within the window"})
    sandbox.state.clock_offset = 0
    about = {e.data.object["id"] for e in client.v1.events.list(params={"limit": 100}).data}
    assert recent.id in about and old.id not in about
    assert client.v1.customers.retrieve(old.id).name == "Last month"
