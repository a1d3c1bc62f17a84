"""The cashier's flows against a live sandbox: hosted payment pages paid through the sandbox's
own forms, saved-card charges (paid, declined, SCA), invoices sent, captures and cancels."""

from __future__ import annotations

import re
import urllib.parse
import urllib.request

import pytest
from sdk_support import lose_answers
from services_support import assert_audited, cached, customer_with_card

from posapp.gateway import ErrorKind, GatewayError, payment_intents, payment_links
from posapp.money import AmountError
from posapp.services import payments
from posapp.services.session import Session
from posapp.store.journal import JournalState


def pay_on_hosted_page(url: str, card: str) -> int:
    """Submit the sandbox's hosted payment form as a customer would; the HTTP status."""
    form = urllib.parse.urlencode(
        {"card": card, "email": "customer@example.com", "name": "Walk-in Customer"}
    ).encode()
    request = urllib.request.Request(url, data=form, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return int(response.status)
    except urllib.error.HTTPError as error:
        return error.code


def test_checkout_request_is_waiting_then_paid_with_the_card(session: Session) -> None:
    request = payments.request_payment(session, 1250, "USD", "Flat white and croissant")

    assert request.method == "checkout" and request.id.startswith("cs_")
    assert request.url.startswith("http") and request.amount == 1250
    assert request.currency == "usd" and request.expires_at is not None
    assert payments.payment_request_status(session, request).state == "waiting"
    assert_audited(session, "payment_request.create")

    pay_on_hosted_page(request.url, "4242424242424242")
    status = payments.payment_request_status(session, request)

    assert status.state == "paid"
    assert (status.amount, status.card_brand, status.card_last4) == (1250, "visa", "4242")
    assert status.message == "Paid $12.50 with Visa •••• 4242."
    assert status.payment_intent_id is not None and status.charge_id is not None
    assert cached(session, "checkout_sessions", request.id)["payment_intent"] == (
        status.payment_intent_id
    )
    assert cached(session, "charges", status.charge_id)["amount"] == 1250


def test_declined_attempt_on_the_page_is_reported_while_the_page_stays_open(
    session: Session,
) -> None:
    request = payments.request_payment(session, 900, "usd", "Sandwich")

    pay_on_hosted_page(request.url, "4000000000009995")
    status = payments.payment_request_status(session, request)

    assert status.state == "failed"
    assert "insufficient funds" in status.message
    assert "another card" in status.message


def test_cancelled_checkout_request_cannot_be_paid(session: Session) -> None:
    request = payments.request_payment(session, 500, "usd", "Tea")

    payments.cancel_payment_request(session, request)

    assert payments.payment_request_status(session, request).state == "expired"
    assert pay_on_hosted_page(request.url, "4242424242424242") >= 400
    assert_audited(session, "payment_request.cancel")


def test_payment_link_is_switched_off_once_paid(session: Session) -> None:
    customer_id, _ = customer_with_card(session)
    request = payments.request_payment(
        session, 2000, "usd", "Gift card", customer_id=customer_id, method="payment_link"
    )

    assert request.method == "payment_link" and request.id.startswith("plink_")
    assert request.expires_at is None
    assert payments.payment_request_status(session, request).state == "waiting"

    assert pay_on_hosted_page(request.url, "5555555555554444") == 200
    # Stripe switched the link off itself: no second payment even before anyone looks.
    assert pay_on_hosted_page(request.url, "4242424242424242") >= 400
    writes = len(session.journal.entries())
    status = payments.payment_request_status(session, request)

    assert status.state == "paid"
    assert (status.amount, status.card_brand, status.card_last4) == (2000, "mastercard", "4444")
    assert len(session.journal.entries()) == writes  # looking changes nothing at Stripe
    link = cached(session, "payment_links", request.id)
    assert link["active"] is False
    assert link["restrictions"] == {"completed_sessions": {"count": 1, "limit": 1}}


def test_switched_off_payment_link_reports_cancelled(session: Session) -> None:
    request = payments.request_payment(session, 700, "usd", "Muffin", method="payment_link")

    payments.cancel_payment_request(session, request)

    assert payments.payment_request_status(session, request).state == "canceled"
    assert cached(session, "payment_links", request.id)["active"] is False


@pytest.mark.parametrize(
    ("amount", "currency", "message"),
    [
        (0, "usd", "greater than zero"),
        (49, "usd", "minimum charge in USD is $0.50"),
        (100_000_000, "usd", "no more than $999,999.99"),
        (5125, "kwd", "steps of"),
    ],
)
def test_amounts_stripe_would_refuse_are_stopped_before_sending(
    session: Session, amount: int, currency: str, message: str
) -> None:
    sent = session.gateway.request_count

    with pytest.raises(AmountError, match=re.escape(message)):
        payments.request_payment(session, amount, currency, "Anything")

    assert session.gateway.request_count == sent


def test_saved_card_charge_succeeds_with_brand_and_last4(session: Session) -> None:
    customer_id, card_id = customer_with_card(session)

    outcome = payments.charge_saved_card(session, customer_id, card_id, 4200, "usd", "Beans")

    assert outcome.state == "succeeded"
    assert (outcome.card_brand, outcome.card_last4) == ("visa", "4242")
    assert outcome.message == "Paid $42.00 with Visa •••• 4242."
    assert outcome.payment_intent_id is not None
    intent = cached(session, "payment_intents", outcome.payment_intent_id)
    assert intent["status"] == "succeeded"
    assert cached(session, "charges", intent["latest_charge"])["amount"] == 4200
    row = assert_audited(session, "payment.charge_saved_card")
    assert (row.amount, row.currency) == (4200, "usd")


def test_one_tender_key_charges_once_however_often_it_is_sent(session: Session) -> None:
    customer_id, card_id = customer_with_card(session)
    first = payments.charge_saved_card(
        session, customer_id, card_id, 450, "usd", "Espresso", idempotency_key="sale-1/1")
    again = payments.charge_saved_card(
        session, customer_id, card_id, 450, "usd", "Espresso", idempotency_key="sale-1/1")

    assert (first.state, again.state) == ("succeeded", "succeeded")
    assert first.payment_intent_id == again.payment_intent_id
    intents, _ = payment_intents.list_payment_intents(session.gateway, {"customer": customer_id})
    assert len(intents) == 1


def test_an_unknown_charge_is_settled_with_its_own_key(session: Session) -> None:
    customer_id, card_id = customer_with_card(session)
    gw = session.gateway
    # The charge is made at Stripe, then the answer is lost on the way back.
    lose_answers(gw, once=True)
    unknown = payments.charge_saved_card(
        session, customer_id, card_id, 450, "usd", "Espresso", idempotency_key="sale-2/1")
    assert unknown.state == "unknown" and unknown.idempotency_key == "sale-2/1"
    assert "don't know yet" in unknown.message
    [audit] = session.journal.list_audit(action="payment.charge_saved_card")
    assert (audit.outcome, audit.idempotency_key) == ("unknown", "sale-2/1")

    settled = payments.charge_saved_card(
        session, customer_id, card_id, 450, "usd", "Espresso",
        idempotency_key=unknown.idempotency_key)
    assert settled.state == "succeeded"
    intents, _ = payment_intents.list_payment_intents(gw, {"customer": customer_id})
    assert [i["id"] for i in intents] == [settled.payment_intent_id]
    assert session.journal.entries(JournalState.UNKNOWN) == []


def test_a_second_charge_of_the_same_amount_is_noticed(session: Session) -> None:
    customer_id, card_id = customer_with_card(session)
    assert payments.recent_charge(session, customer_id, 450, "usd") is None
    paid = payments.charge_saved_card(session, customer_id, card_id, 450, "usd", "Espresso")
    found = payments.recent_charge(session, customer_id, 450, "USD")
    assert found is not None and found["id"] == paid.payment_intent_id
    assert payments.recent_charge(session, customer_id, 500, "usd") is None
    later = found["created"] + payments.REPEAT_WINDOW + 1
    assert payments.recent_charge(session, customer_id, 450, "usd", now=later) is None


def test_declined_saved_card_gives_the_reason(session: Session) -> None:
    customer_id, card_id = customer_with_card(session, "pm_card_chargeCustomerFail")

    outcome = payments.charge_saved_card(session, customer_id, card_id, 4200, "usd", "Beans")

    assert outcome.state == "declined"
    assert outcome.message == "Your card was declined."
    assert outcome.decline_code == "generic_decline"
    assert outcome.payment_intent_id is not None
    attempt = cached(session, "payment_intents", outcome.payment_intent_id)
    assert attempt["status"] == "requires_payment_method"
    row = assert_audited(session, "payment.charge_saved_card", outcome="card_declined")
    assert row.detail == "Your card was declined."


def test_saved_card_needing_authentication_offers_a_hosted_page_that_completes_it(
    session: Session,
) -> None:
    customer_id, card_id = customer_with_card(session, "pm_card_authenticationRequired")

    outcome = payments.charge_saved_card(session, customer_id, card_id, 3000, "usd", "Hamper")

    assert outcome.state == "authentication_required"
    assert "confirm" in outcome.message
    hosted = outcome.payment_request
    assert hosted is not None and hosted.url.startswith("http")
    assert (hosted.amount, hosted.customer_id) == (3000, customer_id)
    assert_audited(session, "payment.charge_saved_card", outcome="authentication_required")

    pay_on_hosted_page(hosted.url, "4242424242424242")
    assert payments.payment_request_status(session, hosted).state == "paid"


def test_send_invoice_finalizes_and_sends_a_payable_invoice(session: Session) -> None:
    customer_id, _ = customer_with_card(session)

    invoice = payments.send_invoice(session, customer_id, 15_000, "usd", "Catering", 14)

    assert invoice["status"] == "open"
    assert invoice["total"] == 15_000 and invoice["collection_method"] == "send_invoice"
    assert invoice["hosted_invoice_url"]
    assert invoice["due_date"] - invoice["created"] >= 13 * 86_400
    assert cached(session, "invoices", invoice["id"])["status"] == "open"
    for action in ("invoice.create", "invoice.add_item", "invoice.finalize", "invoice.send"):
        assert_audited(session, action)


def _authorized(session: Session, amount: int) -> str:
    customer_id, card_id = customer_with_card(session)
    intent = payment_intents.create_payment_intent(
        session.gateway,
        {
            "amount": amount,
            "currency": "usd",
            "customer": customer_id,
            "payment_method": card_id,
            "capture_method": "manual",
            "confirm": True,
            "off_session": True,
        },
    )
    assert intent["status"] == "requires_capture"
    return str(intent["id"])


def test_capture_part_of_an_authorization(session: Session) -> None:
    intent_id = _authorized(session, 5000)

    captured = payments.capture_payment(session, intent_id, 3500)

    assert captured["status"] == "succeeded" and captured["amount_received"] == 3500
    charge = cached(session, "charges", captured["latest_charge"]["id"])
    assert charge["amount_captured"] == 3500
    assert assert_audited(session, "payment.capture").amount == 3500


@pytest.mark.parametrize("amount", [35.0, False, 10**30, 0])
def test_capture_amount_that_is_not_whole_minor_units_is_refused_before_sending(
    session: Session, amount: object
) -> None:
    intent_id = _authorized(session, 5000)
    sent = session.gateway.request_count

    with pytest.raises(AmountError):
        payments.capture_payment(session, intent_id, amount)  # type: ignore[arg-type]

    assert session.gateway.request_count == sent


def test_cancel_an_authorization_and_not_twice(session: Session) -> None:
    intent_id = _authorized(session, 5000)

    canceled = payments.cancel_payment(session, intent_id, "requested_by_customer")

    assert canceled["status"] == "canceled"
    assert cached(session, "payment_intents", intent_id)["status"] == "canceled"
    with pytest.raises(GatewayError) as raised:
        payments.cancel_payment(session, intent_id)
    assert raised.value.kind is ErrorKind.INVALID_REQUEST
    row = session.journal.list_audit(action="payment.cancel")[0]
    assert row.outcome == "invalid_request" and row.idempotency_key is not None
    entry = session.journal.get(row.idempotency_key)
    assert entry is not None and entry.state is JournalState.FAILED


def test_this_stations_open_requests_and_overdue_links_switched_off(session: Session) -> None:
    page = payments.request_payment(session, 300, "usd", "Muffin", expires_in=3600)
    link = payments.request_payment(session, 250, "usd", "Scone", method="payment_link",
                                    expires_in=1800)
    assert link.expires_at is not None and link.created is not None
    assert [(r.id, r.amount, r.description) for r in payments.open_requests(session)] == [
        (page.id, 300, "Muffin"), (link.id, 250, "Scone")]

    assert payments.close_overdue_requests(session, now=link.expires_at - 1) == []
    [closed] = payments.close_overdue_requests(session, now=link.expires_at + 1)
    assert closed.id == link.id
    assert payment_links.retrieve_payment_link(session.gateway, link.id)["active"] is False
    assert [r.id for r in payments.open_requests(session)] == [page.id]

    status = payments.close_payment_request(session, page)
    assert status.state == "canceled"
    assert payments.open_requests(session) == []
