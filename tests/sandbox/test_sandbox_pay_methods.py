"""PaymentMethods and SetupIntents in the sandbox through the SDK: test tokens, attach and
detach, customer lists, the invoice default, card verification, and 3D Secure on setup."""

from __future__ import annotations

import pytest
import stripe
from sandbox_support import event_types, helper, pay

from posapp.sandbox import Sandbox


def saved_card(client: stripe.StripeClient, customer: str,
               card: str = "pm_card_visa") -> stripe.PaymentMethod:
    """Attach the test `card` (a token or a pm_ id) to `customer`."""
    return client.v1.payment_methods.attach(card, params={"customer": customer})


# payment methods ------------------------------------------------------------------------

def test_attach_creates_a_real_card_on_the_customer(client: stripe.StripeClient) -> None:
    customer = client.v1.customers.create()
    pm = saved_card(client, customer.id, "pm_card_amex")
    assert pm.id.startswith("pm_")
    assert pm.type == "card" and pm.customer == customer.id
    assert pm.card is not None
    assert (pm.card.brand, pm.card.last4, pm.card.funding) == ("amex", "0005", "credit")
    assert pm.card.exp_month == 12
    assert pm.card.checks is not None and pm.card.checks.cvc_check == "pass"
    assert pm.billing_details.name is None
    assert client.v1.payment_methods.retrieve(pm.id).customer == customer.id
    assert event_types(client, pm.id) == ["payment_method.attached"]


def test_customer_lists_show_only_its_own_methods(client: stripe.StripeClient) -> None:
    ann = client.v1.customers.create(params={"payment_method": "pm_card_visa"})
    bob = client.v1.customers.create()
    second = saved_card(client, ann.id, "pm_card_mastercard")
    saved_card(client, bob.id)
    listed = client.v1.customers.payment_methods.list(ann.id).data
    assert listed[0].id == second.id
    assert [m.card.brand for m in listed if m.card] == ["mastercard", "visa"]
    by_filter = client.v1.payment_methods.list(params={"customer": ann.id, "type": "card"})
    assert [m.id for m in by_filter.data] == [m.id for m in listed]
    one = client.v1.customers.payment_methods.retrieve(ann.id, second.id)
    assert one.id == second.id
    with pytest.raises(stripe.InvalidRequestError) as foreign:
        client.v1.customers.payment_methods.retrieve(bob.id, second.id)
    assert foreign.value.http_status == 404
    with pytest.raises(stripe.InvalidRequestError) as missing:
        client.v1.customers.payment_methods.list("cus_missing")
    assert missing.value.http_status == 404


def test_detach_clears_the_invoice_default(client: stripe.StripeClient) -> None:
    customer = client.v1.customers.create()
    pm = saved_card(client, customer.id)
    updated = client.v1.customers.update(
        customer.id, params={"invoice_settings": {"default_payment_method": pm.id}})
    assert updated.invoice_settings is not None
    assert updated.invoice_settings.default_payment_method == pm.id
    detached = client.v1.payment_methods.detach(pm.id)
    assert detached.customer is None
    settings = client.v1.customers.retrieve(customer.id).invoice_settings
    assert settings is not None and settings.default_payment_method is None
    assert client.v1.customers.payment_methods.list(customer.id).data == []
    event = client.v1.events.list(params={"type": "payment_method.detached"}).data[0]
    assert event.data.previous_attributes is not None
    assert event.data.previous_attributes["customer"] == customer.id
    with pytest.raises(stripe.InvalidRequestError) as again:
        client.v1.payment_methods.detach(pm.id)
    assert "not attached" in (again.value.user_message or "")


def test_default_method_must_belong_to_the_customer(client: stripe.StripeClient) -> None:
    customer = client.v1.customers.create()
    loose = client.v1.payment_intents.create(params={
        "amount": 500, "currency": "usd", "payment_method": "pm_card_visa"}).payment_method
    with pytest.raises(stripe.InvalidRequestError) as caught:
        client.v1.customers.update(
            customer.id, params={"invoice_settings": {"default_payment_method": str(loose)}})
    assert caught.value.param == "invoice_settings[default_payment_method]"


def test_declined_card_on_customer_create_creates_nothing(client: stripe.StripeClient,
                                                          sandbox: Sandbox) -> None:
    with pytest.raises(stripe.CardError) as caught:
        client.v1.customers.create(params={"payment_method": "pm_card_chargeDeclined"})
    assert caught.value.code == "card_declined"
    assert sandbox.state.count("customer") == 0
    assert client.v1.events.list(params={"type": "customer.created"}).data == []


def test_customer_create_with_a_card_as_its_invoice_default(client: stripe.StripeClient) -> None:
    other = client.v1.customers.create(params={"payment_method": "pm_card_visa"})
    foreign = client.v1.customers.payment_methods.list(other.id).data[0]
    pm = client.v1.payment_intents.create(params={
        "amount": 500, "currency": "usd", "payment_method": "pm_card_mastercard"}).payment_method
    customer = client.v1.customers.create(params={
        "payment_method": str(pm), "invoice_settings": {"default_payment_method": str(pm)}})
    assert customer.invoice_settings is not None
    assert customer.invoice_settings.default_payment_method == pm
    assert client.v1.payment_methods.retrieve(str(pm)).customer == customer.id
    assert event_types(client, customer.id) == ["customer.created"]
    with pytest.raises(stripe.InvalidRequestError) as caught:
        client.v1.customers.update(
            customer.id, params={"invoice_settings": {"default_payment_method": foreign.id}})
    assert caught.value.param == "invoice_settings[default_payment_method]"


@pytest.mark.parametrize(("token", "code", "decline_code"), [
    ("pm_card_chargeDeclined", "card_declined", "generic_decline"),
    ("pm_card_chargeDeclinedExpiredCard", "expired_card", "expired_card"),
])
def test_declining_cards_fail_verification_on_attach(
        client: stripe.StripeClient, token: str, code: str, decline_code: str) -> None:
    customer = client.v1.customers.create()
    with pytest.raises(stripe.CardError) as caught:
        saved_card(client, customer.id, token)
    assert caught.value.code == code
    assert caught.value.error is not None and caught.value.error.decline_code == decline_code
    assert client.v1.customers.payment_methods.list(customer.id).data == []


def test_attach_errors(client: stripe.StripeClient) -> None:
    ann = client.v1.customers.create()
    bob = client.v1.customers.create()
    pm = saved_card(client, ann.id)
    assert saved_card(client, ann.id, pm.id).id == pm.id
    with pytest.raises(stripe.InvalidRequestError) as taken:
        saved_card(client, bob.id, pm.id)
    assert "already been attached" in (taken.value.user_message or "")
    with pytest.raises(stripe.InvalidRequestError) as no_customer:
        saved_card(client, "cus_missing")
    assert no_customer.value.param == "customer"
    with pytest.raises(stripe.InvalidRequestError) as no_method:
        client.v1.payment_methods.retrieve("pm_missing")
    assert no_method.value.http_status == 404
    client.v1.customers.delete(bob.id)
    with pytest.raises(stripe.InvalidRequestError):
        saved_card(client, bob.id)


def test_update_billing_details_and_metadata(client: stripe.StripeClient) -> None:
    customer = client.v1.customers.create()
    pm = saved_card(client, customer.id)
    updated = client.v1.payment_methods.update(pm.id, params={
        "billing_details": {"name": "Ann Lee", "address": {"postal_code": "10115"}},
        "metadata": {"label": "work"}})
    assert updated.billing_details.name == "Ann Lee"
    assert updated.billing_details.address is not None
    assert updated.billing_details.address.postal_code == "10115"
    assert updated.metadata is not None and updated.metadata["label"] == "work"
    assert "payment_method.updated" in event_types(client, pm.id)


# setup intents -----------------------------------------------------------------------------

def test_setup_saves_the_card_for_off_session_payments(client: stripe.StripeClient) -> None:
    customer = client.v1.customers.create()
    seti = client.v1.setup_intents.create(params={
        "customer": customer.id, "payment_method": "pm_card_visa", "confirm": True,
        "usage": "off_session", "metadata": {"till": "1"}})
    assert seti.id.startswith("seti_")
    assert seti.status == "succeeded" and seti.usage == "off_session"
    assert seti.client_secret is not None
    saved = client.v1.customers.payment_methods.list(customer.id).data
    assert [m.id for m in saved] == [seti.payment_method]
    paid = pay(client, str(seti.payment_method), customer=customer.id, off_session=True)
    assert paid.status == "succeeded"
    assert event_types(client, seti.id) == ["setup_intent.created", "setup_intent.succeeded"]


def test_setup_in_two_steps_and_list(client: stripe.StripeClient) -> None:
    customer = client.v1.customers.create()
    seti = client.v1.setup_intents.create(params={"customer": customer.id})
    assert seti.status == "requires_payment_method"
    with pytest.raises(stripe.InvalidRequestError) as no_method:
        client.v1.setup_intents.confirm(seti.id)
    assert no_method.value.code == "setup_intent_unexpected_state"
    confirmed = client.v1.setup_intents.confirm(seti.id,
                                                params={"payment_method": "pm_card_mastercard"})
    assert confirmed.status == "succeeded"
    other = client.v1.setup_intents.create()
    listed = client.v1.setup_intents.list(params={"customer": customer.id}).data
    assert [s.id for s in listed] == [seti.id]
    assert client.v1.setup_intents.list().data[0].id == other.id
    assert client.v1.setup_intents.retrieve(seti.id).payment_method == confirmed.payment_method


def test_setup_with_3ds_waits_for_authentication(client: stripe.StripeClient) -> None:
    customer = client.v1.customers.create()
    seti = client.v1.setup_intents.create(params={
        "customer": customer.id, "payment_method": "pm_card_authenticationRequired",
        "confirm": True})
    assert seti.status == "requires_action"
    assert seti.next_action is not None and seti.next_action.type == "use_stripe_sdk"
    assert client.v1.customers.payment_methods.list(customer.id).data == []
    done = helper(client, f"setup_intents/{seti.id}/authenticate", outcome="approve")
    assert done["status"] == "succeeded"
    assert len(client.v1.customers.payment_methods.list(customer.id).data) == 1


def test_setup_3ds_denied_needs_a_new_method(client: stripe.StripeClient) -> None:
    seti = client.v1.setup_intents.create(params={
        "payment_method": "pm_card_authenticationRequired", "confirm": True})
    denied = helper(client, f"setup_intents/{seti.id}/authenticate", outcome="deny")
    assert denied["status"] == "requires_payment_method"
    assert denied["last_setup_error"]["code"] == "setup_intent_authentication_failure"
    assert event_types(client, seti.id)[-1] == "setup_intent.setup_failed"


def test_setup_with_a_declining_card_raises_with_the_intent(client: stripe.StripeClient) -> None:
    customer = client.v1.customers.create()
    with pytest.raises(stripe.CardError) as caught:
        client.v1.setup_intents.create(params={
            "customer": customer.id, "payment_method": "pm_card_chargeDeclined",
            "confirm": True})
    error = caught.value.error
    assert error is not None and error.setup_intent is not None
    assert error.setup_intent.status == "requires_payment_method"
    assert error.setup_intent.last_setup_error is not None
    assert error.setup_intent.last_setup_error.decline_code == "generic_decline"
    assert client.v1.customers.payment_methods.list(customer.id).data == []


def test_cancel_setup_only_while_unfinished(client: stripe.StripeClient) -> None:
    open_one = client.v1.setup_intents.create()
    canceled = client.v1.setup_intents.cancel(
        open_one.id, params={"cancellation_reason": "abandoned"})
    assert canceled.status == "canceled" and canceled.cancellation_reason == "abandoned"
    done = client.v1.setup_intents.create(params={"payment_method": "pm_card_visa",
                                                  "confirm": True})
    with pytest.raises(stripe.InvalidRequestError) as caught:
        client.v1.setup_intents.cancel(done.id)
    assert caught.value.code == "setup_intent_unexpected_state"
    with pytest.raises(stripe.InvalidRequestError) as missing:
        client.v1.setup_intents.retrieve("seti_missing")
    assert missing.value.http_status == 404
