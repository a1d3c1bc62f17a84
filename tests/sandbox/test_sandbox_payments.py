"""PaymentIntents in the sandbox through the official SDK: the state machine, declines with
the PaymentIntent in the error, 3D Secure on and off session, capture, cancel, update, list,
search, receipts and the events each step emits."""

from __future__ import annotations

import http.client
from typing import Any
from urllib.parse import urlencode, urlsplit

import pytest
import stripe
from sandbox_support import event_types, helper, pay

from posapp.sandbox import Sandbox


def card_error(call: Any) -> stripe.CardError:
    with pytest.raises(stripe.CardError) as caught:
        call()
    assert caught.value.http_status == 402
    return caught.value


# success --------------------------------------------------------------------------------

def test_confirmed_payment_succeeds_with_a_captured_charge(client: stripe.StripeClient) -> None:
    customer = client.v1.customers.create(params={"email": "ann@example.com"})
    pi = pay(client, "pm_card_mastercard", customer=customer.id, description="Latte",
             metadata={"order": "42"}, receipt_email="ann@example.com")
    assert pi.id.startswith("pi_")
    assert pi.status == "succeeded"
    assert pi.amount_received == 2000
    assert pi.amount_capturable == 0
    assert pi.livemode is False
    assert pi.client_secret is not None and pi.client_secret.startswith(pi.id + "_secret_")
    assert isinstance(pi.latest_charge, str)
    charge = client.v1.charges.retrieve(pi.latest_charge)
    assert charge.status == "succeeded"
    assert charge.paid and charge.captured
    assert charge.amount_captured == 2000
    assert charge.amount_refunded == 0
    assert charge.refunded is False and charge.disputed is False
    assert charge.customer == customer.id
    assert charge.payment_intent == pi.id
    assert charge.description == "Latte"
    assert charge.metadata is not None and charge.metadata["order"] == "42"
    assert charge.outcome is not None and charge.outcome.type == "authorized"
    assert charge.payment_method_details is not None
    card = charge.payment_method_details.card
    assert card is not None
    assert (card.brand, card.last4) == ("mastercard", "4444")
    assert card.exp_month == 12 and card.exp_year > 2025
    assert charge.payment_method == pi.payment_method
    assert event_types(client, pi.id) == ["payment_intent.created", "payment_intent.succeeded"]
    # The balance transaction is attached a moment later, with charge.updated.
    assert event_types(client, charge.id) == ["charge.succeeded", "charge.updated"]


def test_intent_without_method_waits_then_confirms(client: stripe.StripeClient) -> None:
    pi = client.v1.payment_intents.create(params={"amount": 500, "currency": "eur"})
    assert pi.status == "requires_payment_method"
    assert pi.latest_charge is None
    pi = client.v1.payment_intents.update(pi.id, params={"payment_method": "pm_card_amex"})
    assert pi.status == "requires_confirmation"
    pi = client.v1.payment_intents.confirm(pi.id)
    assert pi.status == "succeeded"
    assert pi.amount_received == 500
    assert isinstance(pi.latest_charge, str)
    card = client.v1.charges.retrieve(pi.latest_charge).payment_method_details
    assert card is not None and card.card is not None and card.card.last4 == "0005"


def test_each_use_of_a_token_makes_a_new_payment_method(client: stripe.StripeClient) -> None:
    first, second = pay(client), pay(client)
    assert first.payment_method != second.payment_method
    assert isinstance(first.payment_method, str) and first.payment_method.startswith("pm_")


def test_receipt_url_is_served_by_the_sandbox(client: stripe.StripeClient,
                                              sandbox: Sandbox) -> None:
    pi = pay(client, amount=1250)
    assert isinstance(pi.latest_charge, str)
    url = client.v1.charges.retrieve(pi.latest_charge).receipt_url
    assert url is not None and url.startswith(sandbox.url)
    status, _, body = get_page(url)
    assert status == 200
    assert "$12.50" in body and "4242" in body


# declines ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("card", "code", "decline_code", "message"), [
    ("pm_card_chargeDeclined", "card_declined", "generic_decline", "Your card was declined."),
    ("pm_card_chargeDeclinedInsufficientFunds", "card_declined", "insufficient_funds",
     "Your card has insufficient funds."),
    ("pm_card_chargeDeclinedExpiredCard", "expired_card", "expired_card",
     "Your card has expired."),
])
def test_declines_raise_card_errors_carrying_the_intent(
        client: stripe.StripeClient, card: str, code: str, decline_code: str,
        message: str) -> None:
    error = card_error(lambda: pay(client, card))
    assert error.code == code
    assert error.user_message == message
    assert error.error is not None
    assert error.error.decline_code == decline_code
    assert error.error.type == "card_error"
    pi = error.error.payment_intent
    assert pi is not None
    assert pi.status == "requires_payment_method"
    assert pi.payment_method is None
    assert pi.last_payment_error is not None
    assert pi.last_payment_error.decline_code == decline_code
    charge_id = pi.last_payment_error.charge
    assert charge_id is not None and pi.latest_charge == charge_id
    charge = client.v1.charges.retrieve(charge_id)
    assert charge.status == "failed" and charge.paid is False
    assert charge.failure_code == code
    assert charge.outcome is not None and charge.outcome.reason == decline_code
    assert event_types(client, pi.id) == ["payment_intent.created",
                                          "payment_intent.payment_failed"]
    assert event_types(client, charge_id) == ["charge.failed"]


def test_declined_intent_can_be_paid_with_another_card(client: stripe.StripeClient) -> None:
    error = card_error(lambda: pay(client, "pm_card_chargeDeclined"))
    assert error.error is not None and error.error.payment_intent is not None
    pi = client.v1.payment_intents.confirm(error.error.payment_intent.id,
                                           params={"payment_method": "pm_card_visa"})
    assert pi.status == "succeeded"
    assert pi.last_payment_error is None
    assert client.v1.charges.list(params={"payment_intent": pi.id}).data[0].status == \
        "succeeded"


def test_customer_fail_card_attaches_but_every_charge_fails(
        client: stripe.StripeClient) -> None:
    customer = client.v1.customers.create(params={"payment_method": "pm_card_chargeCustomerFail"})
    methods = client.v1.customers.payment_methods.list(customer.id).data
    assert [m.card.last4 for m in methods if m.card] == ["0341"]
    error = card_error(lambda: pay(client, methods[0].id, customer=customer.id,
                                   off_session=True))
    assert error.code == "card_declined"
    assert error.error is not None and error.error.decline_code == "generic_decline"


# 3D Secure ---------------------------------------------------------------------------------

def test_sca_on_session_requires_action_then_approval_succeeds(
        client: stripe.StripeClient) -> None:
    pi = pay(client, "pm_card_authenticationRequired")
    assert pi.status == "requires_action"
    assert pi.next_action is not None and pi.next_action.type == "use_stripe_sdk"
    assert pi.latest_charge is None
    done = helper(client, f"payment_intents/{pi.id}/authenticate", outcome="approve")
    assert done["status"] == "succeeded"
    charge = client.v1.charges.retrieve(done["latest_charge"])
    details = charge.payment_method_details
    assert details is not None and details.card is not None
    assert details.card.three_d_secure is not None
    assert event_types(client, pi.id) == ["payment_intent.created",
                                          "payment_intent.requires_action",
                                          "payment_intent.succeeded"]


def test_sca_denied_leaves_the_intent_needing_a_new_method(client: stripe.StripeClient) -> None:
    pi = pay(client, "pm_card_authenticationRequired")
    denied = helper(client, f"payment_intents/{pi.id}/authenticate", outcome="deny")
    assert denied["status"] == "requires_payment_method"
    assert denied["last_payment_error"]["code"] == "payment_intent_authentication_failure"
    assert denied["latest_charge"] is None
    with pytest.raises(stripe.InvalidRequestError) as again:
        helper(client, f"payment_intents/{pi.id}/authenticate", outcome="approve")
    assert again.value.code == "payment_intent_unexpected_state"
    with pytest.raises(stripe.InvalidRequestError) as bad:
        helper(client, f"payment_intents/{pi.id}/authenticate", outcome="maybe")
    assert bad.value.param == "outcome"


def test_sca_off_session_is_an_authentication_required_decline(
        client: stripe.StripeClient) -> None:
    customer = client.v1.customers.create(
        params={"payment_method": "pm_card_authenticationRequired"})
    pm = client.v1.customers.payment_methods.list(customer.id).data[0]
    error = card_error(lambda: pay(client, pm.id, customer=customer.id, off_session=True))
    assert error.code == "authentication_required"
    assert error.error is not None and error.error.decline_code == "authentication_required"
    assert error.error.payment_intent is not None
    assert error.error.payment_intent.status == "requires_payment_method"


def test_sca_page_redirects_back_to_return_url(client: stripe.StripeClient) -> None:
    pi = pay(client, "pm_card_authenticationRequired", return_url="https://shop.example/done")
    assert pi.next_action is not None and pi.next_action.type == "redirect_to_url"
    redirect = pi.next_action.redirect_to_url
    assert redirect is not None and redirect.url is not None
    status, _, page = get_page(redirect.url)
    assert status == 200 and "Complete authentication" in page
    status, headers, _ = post_page(redirect.url.split("?")[0],
                                   {"outcome": "approve",
                                    "return_url": "https://shop.example/done"})
    assert status == 303
    assert headers["Location"] == f"https://shop.example/done?payment_intent={pi.id}"
    assert client.v1.payment_intents.retrieve(pi.id).status == "succeeded"


def get_page(url: str) -> tuple[int, dict[str, str], str]:
    return page_request("GET", url, None)


def post_page(url: str, form: dict[str, str]) -> tuple[int, dict[str, str], str]:
    return page_request("POST", url, urlencode(form))


def page_request(method: str, url: str, body: str | None) -> tuple[int, dict[str, str], str]:
    """A browser-like request that does not follow redirects."""
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.netloc, timeout=10)
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    headers = {"Content-Type": "application/x-www-form-urlencoded"} if body else {}
    connection.request(method, path, body=body, headers=headers)
    response = connection.getresponse()
    result = response.status, dict(response.getheaders()), response.read().decode()
    connection.close()
    return result


# capture and cancel ------------------------------------------------------------------------

def test_manual_capture_authorises_then_captures_part(client: stripe.StripeClient) -> None:
    pi = pay(client, amount=1000, capture_method="manual")
    assert pi.status == "requires_capture"
    assert pi.amount_capturable == 1000 and pi.amount_received == 0
    assert isinstance(pi.latest_charge, str)
    charge = client.v1.charges.retrieve(pi.latest_charge)
    assert charge.captured is False and charge.paid is True
    with pytest.raises(stripe.InvalidRequestError) as too_much:
        client.v1.payment_intents.capture(pi.id, params={"amount_to_capture": 1001})
    assert too_much.value.param == "amount_to_capture"
    captured = client.v1.payment_intents.capture(pi.id, params={"amount_to_capture": 600})
    assert captured.status == "succeeded"
    assert captured.amount_received == 600 and captured.amount_capturable == 0
    charge = client.v1.charges.retrieve(pi.latest_charge)
    assert charge.captured is True
    assert charge.amount_captured == 600
    assert charge.amount_refunded == 400
    assert charge.refunded is False
    assert event_types(client, pi.id) == ["payment_intent.created",
                                          "payment_intent.amount_capturable_updated",
                                          "payment_intent.succeeded"]
    assert event_types(client, charge.id) == ["charge.succeeded", "charge.captured",
                                               "charge.updated"]


def test_capture_and_cancel_from_wrong_states_are_refused(client: stripe.StripeClient) -> None:
    pi = pay(client)
    with pytest.raises(stripe.InvalidRequestError) as capture:
        client.v1.payment_intents.capture(pi.id)
    assert capture.value.code == "payment_intent_unexpected_state"
    assert "requires_capture" in (capture.value.user_message or "")
    with pytest.raises(stripe.InvalidRequestError) as cancel:
        client.v1.payment_intents.cancel(pi.id)
    assert cancel.value.code == "payment_intent_unexpected_state"
    with pytest.raises(stripe.InvalidRequestError) as confirm:
        client.v1.payment_intents.confirm(pi.id)
    assert "already succeeded" in (confirm.value.user_message or "")
    assert client.v1.payment_intents.retrieve(pi.id).status == "succeeded"


def test_cancel_releases_an_authorisation(client: stripe.StripeClient) -> None:
    pi = pay(client, amount=800, capture_method="manual")
    canceled = client.v1.payment_intents.cancel(
        pi.id, params={"cancellation_reason": "requested_by_customer"})
    assert canceled.status == "canceled"
    assert canceled.cancellation_reason == "requested_by_customer"
    assert canceled.canceled_at is not None
    assert canceled.amount_capturable == 0
    assert isinstance(pi.latest_charge, str)
    charge = client.v1.charges.retrieve(pi.latest_charge)
    assert charge.refunded is True and charge.amount_refunded == 800
    with pytest.raises(stripe.InvalidRequestError) as confirm:
        client.v1.payment_intents.confirm(pi.id)
    assert confirm.value.code == "payment_intent_unexpected_state"
    assert "payment_intent.canceled" in event_types(client, pi.id)


def test_cancel_an_unpaid_intent(client: stripe.StripeClient) -> None:
    pi = client.v1.payment_intents.create(params={"amount": 700, "currency": "usd"})
    canceled = client.v1.payment_intents.cancel(pi.id, params={"cancellation_reason": "abandoned"})
    assert canceled.status == "canceled"
    with pytest.raises(stripe.InvalidRequestError) as again:
        client.v1.payment_intents.cancel(pi.id)
    assert "status of canceled" in (again.value.user_message or "")


# validation, update, list, search ------------------------------------------------------------

def test_amount_currency_and_ids_are_validated(client: stripe.StripeClient) -> None:
    with pytest.raises(stripe.InvalidRequestError) as small:
        client.v1.payment_intents.create(params={"amount": 20, "currency": "usd"})
    assert small.value.code == "amount_too_small"
    assert small.value.user_message == "Amount must be at least $0.50 usd"
    with pytest.raises(stripe.InvalidRequestError) as currency:
        client.v1.payment_intents.create(params={"amount": 500, "currency": "dollars"})
    assert currency.value.param == "currency"
    with pytest.raises(stripe.InvalidRequestError) as customer:
        client.v1.payment_intents.create(params={"amount": 500, "currency": "usd",
                                                 "customer": "cus_missing"})
    assert customer.value.code == "resource_missing" and customer.value.param == "customer"
    with pytest.raises(stripe.InvalidRequestError) as method:
        pay(client, "pm_card_unknown")
    assert method.value.http_status == 400
    assert method.value.user_message == "No such PaymentMethod: 'pm_card_unknown'"
    with pytest.raises(stripe.InvalidRequestError) as off_session:
        client.v1.payment_intents.create(params={"amount": 500, "currency": "usd",
                                                 "off_session": True})
    assert off_session.value.param == "off_session"
    with pytest.raises(stripe.InvalidRequestError) as no_method:
        client.v1.payment_intents.create(params={"amount": 500, "currency": "usd",
                                                 "confirm": True})
    assert no_method.value.code == "payment_intent_unexpected_state"
    assert client.v1.payment_intents.list().data == []
    with pytest.raises(stripe.InvalidRequestError) as missing:
        client.v1.payment_intents.retrieve("pi_missing")
    assert missing.value.http_status == 404


def test_method_saved_to_one_customer_cannot_pay_for_another(
        client: stripe.StripeClient) -> None:
    owner = client.v1.customers.create(params={"payment_method": "pm_card_visa"})
    other = client.v1.customers.create()
    pm = client.v1.customers.payment_methods.list(owner.id).data[0]
    with pytest.raises(stripe.InvalidRequestError) as caught:
        pay(client, pm.id, customer=other.id)
    assert caught.value.param == "payment_method"
    assert pay(client, pm.id, customer=owner.id, off_session=True).status == "succeeded"


def test_update_changes_fields_and_refuses_amount_after_success(
        client: stripe.StripeClient) -> None:
    pi = client.v1.payment_intents.create(params={"amount": 500, "currency": "usd"})
    updated = client.v1.payment_intents.update(
        pi.id, params={"amount": 900, "description": "Two lattes", "metadata": {"till": "3"}})
    assert (updated.amount, updated.description) == (900, "Two lattes")
    paid = client.v1.payment_intents.confirm(pi.id, params={"payment_method": "pm_card_visa"})
    assert paid.amount_received == 900
    with pytest.raises(stripe.InvalidRequestError) as caught:
        client.v1.payment_intents.update(pi.id, params={"amount": 100})
    assert caught.value.code == "payment_intent_unexpected_state"
    assert caught.value.error is not None and caught.value.error.payment_intent is not None
    noted = client.v1.payment_intents.update(pi.id, params={"metadata": {"note": "ok"}})
    assert noted.metadata.to_dict() == {"till": "3", "note": "ok"}
    # Stripe has no payment_intent.updated event type.
    assert client.v1.events.list(params={"type": "payment_intent.updated"}).data == []


def test_list_filters_by_customer_and_search_finds_by_fields(
        client: stripe.StripeClient) -> None:
    ann = client.v1.customers.create(params={"name": "Ann"})
    first = pay(client, amount=1500, customer=ann.id, metadata={"order": "A1"})
    pay(client, amount=3000)
    unpaid = client.v1.payment_intents.create(params={"amount": 5000, "currency": "usd",
                                                      "customer": ann.id})
    listed = client.v1.payment_intents.list(params={"customer": ann.id}).data
    assert [p.id for p in listed] == [unpaid.id, first.id]
    found = client.v1.payment_intents.search(
        params={"query": "status:'succeeded' AND amount>2000"}).data
    assert [p.amount for p in found] == [3000]
    by_meta = client.v1.payment_intents.search(params={"query": "metadata['order']:'A1'"})
    assert [p.id for p in by_meta.data] == [first.id]
    by_customer = client.v1.payment_intents.search(params={"query": f"customer:'{ann.id}'"})
    assert {p.id for p in by_customer.data} == {first.id, unpaid.id}
    charges = client.v1.charges.list(params={"customer": ann.id}).data
    assert [c.payment_intent for c in charges] == [first.id]
    assert client.v1.charges.search(params={"query": "amount:3000"}).data[0].amount == 3000


def test_setup_future_usage_saves_the_card_to_the_customer(client: stripe.StripeClient) -> None:
    customer = client.v1.customers.create()
    pi = pay(client, customer=customer.id, setup_future_usage="off_session")
    saved = client.v1.customers.payment_methods.list(customer.id).data
    assert [m.id for m in saved] == [pi.payment_method]
    again = pay(client, str(pi.payment_method), customer=customer.id, off_session=True)
    assert again.status == "succeeded"
