"""The sandbox's hosted pages completed the way a browser would, with plain HTTP form posts:
Checkout (payment, subscription, setup; declines, 3D Secure approve and deny), Payment
Links, hosted invoices and their PDF, and the billing portal."""

from __future__ import annotations

import re
from typing import Any

import requests
import stripe
from sandbox_support import customer_with_card, espresso, event_types, helper, monthly_price

from posapp.sandbox import Sandbox

VISA, DECLINE, NO_FUNDS = "4242 4242 4242 4242", "4000000000000002", "4000000000009995"
SCA, DISPUTE = "4000002500003155", "4000000000000259"


def get(url: str) -> requests.Response:
    return requests.get(url, allow_redirects=False, timeout=10)


def post(url: str, **form: str) -> requests.Response:
    return requests.post(url, data=form, allow_redirects=False, timeout=10)


def alert(page: requests.Response) -> str:
    """The error message a page shows."""
    found = re.search(r"role='alert'>([^<]*)<", page.text)
    assert found is not None, page.text
    return found.group(1)


def payment_session(client: stripe.StripeClient, **extra: Any) -> stripe.checkout.Session:
    return client.v1.checkout.sessions.create(params={
        "mode": "payment", "success_url": "https://shop.example/ok?cs={CHECKOUT_SESSION_ID}",
        "line_items": [{"price": espresso(client).id, "quantity": 2}], **extra})


def pass_3ds(sandbox: Sandbox, challenge: str, outcome: str) -> requests.Response:
    """Answer the 3D Secure page, then follow it back to the page that sent us."""
    assert challenge.startswith(f"{sandbox.url}/authenticate/")
    page = get(challenge)
    assert page.status_code == 200 and "3D Secure" in page.text
    return_url = re.search(r"name='return_url' value='([^']*)'", page.text)
    assert return_url is not None
    answer = post(challenge.split("?")[0], outcome=outcome,
                  return_url=return_url.group(1).replace("&amp;", "&"))
    assert answer.status_code == 303
    return get(answer.headers["Location"])


# Checkout ------------------------------------------------------------------------------


def test_checkout_payment_succeeds(client: stripe.StripeClient) -> None:
    session = payment_session(client, payment_intent_data={"metadata": {"till": "2"}})
    page = get(str(session.url))
    assert page.status_code == 200
    assert "Espresso" in page.text and "$7.00" in page.text and VISA in page.text
    done = post(str(session.url), card=VISA, email="buyer@example.com", name="王芳")
    assert done.status_code == 303
    assert done.headers["Location"] == f"https://shop.example/ok?cs={session.id}"
    paid = client.v1.checkout.sessions.retrieve(session.id,
                                                params={"expand": ["payment_intent"]})
    assert (paid.status, paid.payment_status) == ("complete", "paid")
    pi = paid.payment_intent
    assert isinstance(pi, stripe.PaymentIntent)
    assert (pi.status, pi.amount, pi.receipt_email) == ("succeeded", 700, "buyer@example.com")
    assert pi.metadata.to_dict() == {"till": "2"}
    assert paid.customer_details is not None
    assert (paid.customer_details.email, paid.customer_details.name) == \
        ("buyer@example.com", "王芳")
    assert "checkout.session.completed" in event_types(client)
    again = post(str(session.url), card=VISA, email="buyer@example.com")
    assert again.status_code == 409 and "complete" in again.text


def test_checkout_decline_shows_reason_then_retry_succeeds(
        client: stripe.StripeClient) -> None:
    session = payment_session(client, customer_creation="always")
    refused = post(str(session.url), card=NO_FUNDS, email="b@example.com")
    assert refused.status_code == 402
    assert alert(refused) == "Your card has insufficient funds."
    still = client.v1.checkout.sessions.retrieve(session.id)
    assert still.status == "open" and still.payment_intent is not None
    assert post(str(session.url), card=DECLINE, email="b@example.com").status_code == 402
    assert post(str(session.url), card=VISA, email="b@example.com").status_code == 303
    paid = client.v1.checkout.sessions.retrieve(session.id)
    assert paid.status == "complete" and paid.payment_intent == still.payment_intent
    assert paid.customer is not None
    assert client.v1.customers.retrieve(str(paid.customer)).email == "b@example.com"


def test_checkout_3ds_approve_and_deny(client: stripe.StripeClient, sandbox: Sandbox) -> None:
    approved = payment_session(client)
    challenge = post(str(approved.url), card=SCA, email="s@example.com")
    assert challenge.status_code == 303
    back = pass_3ds(sandbox, challenge.headers["Location"], "approve")
    assert back.status_code == 303 and back.headers["Location"].startswith(
        "https://shop.example/ok")
    assert client.v1.checkout.sessions.retrieve(approved.id).status == "complete"
    denied = payment_session(client)
    challenge = post(str(denied.url), card=SCA, email="s@example.com")
    failed = pass_3ds(sandbox, challenge.headers["Location"], "deny")
    assert failed.status_code == 402
    assert "authentication" in alert(failed)
    assert client.v1.checkout.sessions.retrieve(denied.id).status == "open"


def test_checkout_3ds_finished_through_the_helper_completes_the_session(
        client: stripe.StripeClient, sandbox: Sandbox) -> None:
    session = payment_session(client)
    assert post(str(session.url), card=SCA, email="h@example.com").status_code == 303
    pi = str(client.v1.checkout.sessions.retrieve(session.id).payment_intent)
    helper(client, f"payment_intents/{pi}/authenticate", outcome="approve")
    done = client.v1.checkout.sessions.retrieve(session.id)
    assert (done.status, done.payment_status) == ("complete", "paid")
    # The browser coming back later lands on the success page; nothing happens twice.
    back = get(f"{sandbox.url}/checkout/{session.id}/return")
    assert back.headers["Location"] == f"https://shop.example/ok?cs={session.id}"
    assert event_types(client).count("checkout.session.completed") == 1


def test_subscription_checkout_3ds_finished_through_the_helper(
        client: stripe.StripeClient) -> None:
    session = client.v1.checkout.sessions.create(params={
        "mode": "subscription", "line_items": [{"price": monthly_price(client).id,
                                                "quantity": 1}]})
    assert post(str(session.url), card=SCA, email="n@example.com").status_code == 303
    waiting = client.v1.checkout.sessions.retrieve(
        session.id, params={"expand": ["invoice.payments"]})
    invoice = waiting.invoice
    assert isinstance(invoice, stripe.Invoice) and invoice.payments is not None
    pi = str(invoice.payments.data[0].payment.payment_intent)
    helper(client, f"payment_intents/{pi}/authenticate", outcome="approve")
    done = client.v1.checkout.sessions.retrieve(session.id, params={"expand": ["subscription"]})
    assert isinstance(done.subscription, stripe.Subscription)
    assert (done.status, done.payment_status, done.subscription.status) == \
        ("complete", "paid", "active")
    assert client.v1.invoices.retrieve(invoice.id).status == "paid"


def test_checkout_subscription_mode(client: stripe.StripeClient, sandbox: Sandbox) -> None:
    price = monthly_price(client)
    session = client.v1.checkout.sessions.create(params={
        "mode": "subscription", "success_url": "https://shop.example/welcome",
        "line_items": [{"price": price.id, "quantity": 1}],
        "subscription_data": {"metadata": {"source": "checkout"}}})
    assert alert(post(str(session.url), card=DECLINE, email="n@example.com")) == \
        "Your card was declined."
    assert client.v1.subscriptions.list(params={"status": "all"}).data == []
    challenge = post(str(session.url), card=SCA, email="n@example.com")
    assert challenge.status_code == 303
    back = pass_3ds(sandbox, challenge.headers["Location"], "approve")
    assert back.headers["Location"] == "https://shop.example/welcome"
    done = client.v1.checkout.sessions.retrieve(session.id, params={"expand": ["subscription"]})
    sub = done.subscription
    assert isinstance(sub, stripe.Subscription)
    assert (done.status, done.payment_status, sub.status) == ("complete", "paid", "active")
    assert sub.metadata.to_dict() == {"source": "checkout"}
    assert done.invoice == sub.latest_invoice
    assert client.v1.invoices.retrieve(str(done.invoice)).status == "paid"


def test_checkout_setup_mode_saves_the_card(client: stripe.StripeClient,
                                            sandbox: Sandbox) -> None:
    customer = client.v1.customers.create(params={"email": "save@example.com"})
    session = client.v1.checkout.sessions.create(params={
        "mode": "setup", "currency": "usd", "customer": customer.id,
        "success_url": "https://shop.example/saved"})
    page = get(str(session.url))
    assert "Save a card" in page.text and "name='email'" not in page.text
    challenge = post(str(session.url), card=SCA)
    assert challenge.headers["Location"] == f"{sandbox.url}/checkout/{session.id}/authenticate"
    assert "3D Secure" in get(challenge.headers["Location"]).text
    done = post(challenge.headers["Location"], outcome="approve")
    assert done.headers["Location"] == "https://shop.example/saved"
    saved = client.v1.checkout.sessions.retrieve(session.id, params={"expand": ["setup_intent"]})
    seti = saved.setup_intent
    assert isinstance(seti, stripe.SetupIntent) and seti.status == "succeeded"
    assert saved.payment_status == "no_payment_required"
    methods = client.v1.customers.payment_methods.list(customer.id).data
    assert [m.id for m in methods] == [seti.payment_method]


def test_dispute_card_pays_then_opens_a_dispute(client: stripe.StripeClient) -> None:
    session = payment_session(client)
    assert post(str(session.url), card=DISPUTE, email="d@example.com").status_code == 303
    pi = str(client.v1.checkout.sessions.retrieve(session.id).payment_intent)
    assert client.v1.disputes.list(params={"payment_intent": pi}).data[0].status == \
        "needs_response"


def test_pages_escape_text_and_reject_unknown_cards(client: stripe.StripeClient,
                                                    sandbox: Sandbox) -> None:
    price = client.v1.prices.create(params={"currency": "usd", "unit_amount": 500, "product_data": {
        "name": "<script>alert('x')</script>"}})
    session = client.v1.checkout.sessions.create(params={
        "mode": "payment", "line_items": [{"price": price.id, "quantity": 1}]})
    page = get(str(session.url))
    assert "<script>" not in page.text and "&lt;script&gt;" in page.text
    wrong = post(str(session.url), card="1234", email="x@example.com")
    assert wrong.status_code == 400 and "Unknown test card" in alert(wrong)
    assert get(f"{sandbox.url}/checkout/cs_test_missing").status_code == 404
    assert get(f"{sandbox.url}/nowhere").status_code == 404
    client.v1.checkout.sessions.expire(session.id)
    assert get(str(session.url)).status_code == 410


# Payment Links --------------------------------------------------------------------------


def test_payment_link_page_pays_through_a_session(client: stripe.StripeClient) -> None:
    link = client.v1.payment_links.create(params={
        "line_items": [{"price": espresso(client).id, "quantity": 3}],
        "after_completion": {"type": "hosted_confirmation",
                             "hosted_confirmation": {"custom_message": "Enjoy your coffee!"}}})
    page = get(link.url)
    assert page.status_code == 200 and "$10.50" in page.text
    refused = post(link.url, card=DECLINE, email="l@example.com")
    assert refused.status_code == 402 and alert(refused) == "Your card was declined."
    paid = post(link.url, card=VISA, email="l@example.com", name="Li Wei")
    assert paid.status_code == 200 and "Enjoy your coffee!" in paid.text
    sessions = client.v1.checkout.sessions.list(params={"payment_link": link.id}).data
    assert [s.status for s in sessions] == ["complete", "open"]
    assert sessions[0].amount_total == 1050 and sessions[0].payment_link == link.id


def test_payment_link_redirect_and_inactive(client: stripe.StripeClient) -> None:
    link = client.v1.payment_links.create(params={
        "line_items": [{"price": espresso(client).id, "quantity": 1}],
        "after_completion": {"type": "redirect",
                             "redirect": {"url": "https://shop.example/thanks"}}})
    done = post(link.url, card=VISA, email="r@example.com")
    assert (done.status_code, done.headers["Location"]) == (303, "https://shop.example/thanks")
    client.v1.payment_links.update(link.id, params={"active": False,
                                                    "inactive_message": "Sold out"})
    page = get(link.url)
    assert page.status_code == 410 and "Sold out" in page.text
    refused = post(link.url, card=VISA, email="r@example.com")
    assert refused.status_code == 400 and "Sold out" in refused.text


def test_payment_link_limited_to_one_purchase_switches_itself_off(
        client: stripe.StripeClient) -> None:
    link = client.v1.payment_links.create(params={
        "line_items": [{"price": espresso(client).id, "quantity": 1}],
        "restrictions": {"completed_sessions": {"limit": 1}}})
    # A declined attempt does not count; it leaves its session open for another card.
    declined = post(link.url, card=DECLINE, email="one@example.com")
    assert declined.status_code == 402
    assert client.v1.payment_links.retrieve(link.id).active is True
    assert post(link.url, card=VISA, email="one@example.com").status_code == 200

    done = client.v1.payment_links.retrieve(link.id)
    assert done.active is False and done.restrictions is not None
    assert done.restrictions.to_dict() == {"completed_sessions": {"count": 1, "limit": 1}}
    page = get(link.url)
    assert page.status_code == 410 and "no longer available" in page.text
    assert "no longer available" in post(link.url, card=VISA, email="two@example.com").text
    # The session the decline left open cannot be paid any more either.
    left_open = [s for s in client.v1.checkout.sessions.list(
        params={"payment_link": link.id}).data if s.status == "open"]
    assert len(left_open) == 1
    late = post(str(left_open[0].url), card=VISA, email="one@example.com")
    assert late.status_code == 400 and "no longer available" in alert(late)
    paid = [s for s in client.v1.checkout.sessions.list(
        params={"payment_link": link.id}).data if s.status == "complete"]
    assert len(paid) == 1


# hosted invoices -----------------------------------------------------------------------


def open_invoice(client: stripe.StripeClient, customer: stripe.Customer) -> stripe.Invoice:
    client.v1.invoice_items.create(params={"customer": customer.id, "amount": 2400,
                                           "currency": "usd", "description": "Beans <1 kg>"})
    invoice = client.v1.invoices.create(params={
        "customer": customer.id, "pending_invoice_items_behavior": "include",
        "collection_method": "send_invoice", "days_until_due": 14})
    return client.v1.invoices.finalize_invoice(invoice.id)


def test_hosted_invoice_pays_after_a_decline(client: stripe.StripeClient) -> None:
    customer = client.v1.customers.create(params={"email": "ap@example.com",
                                                  "name": "Anna 陈"})
    invoice = open_invoice(client, customer)
    url = str(invoice.hosted_invoice_url)
    page = get(url)
    assert page.status_code == 200
    assert "Anna 陈" in page.text and "$24.00" in page.text and "Beans &lt;1 kg&gt;" in page.text
    refused = post(url, card=NO_FUNDS)
    assert refused.status_code == 402 and alert(refused) == "Your card has insufficient funds."
    assert client.v1.invoices.retrieve(invoice.id).attempt_count == 1
    paid = post(url, card=VISA)
    assert paid.status_code == 303
    after = client.v1.invoices.retrieve(invoice.id)
    assert (after.status, after.amount_paid) == ("paid", 2400)
    assert "Paid on" in get(url).text
    assert post(url, card=VISA).status_code == 400


def test_hosted_invoice_3ds_and_void(client: stripe.StripeClient, sandbox: Sandbox) -> None:
    customer = client.v1.customers.create(params={"email": "sca@example.com"})
    invoice = open_invoice(client, customer)
    challenge = post(str(invoice.hosted_invoice_url), card=SCA)
    assert challenge.status_code == 303
    back = pass_3ds(sandbox, challenge.headers["Location"], "approve")
    assert back.status_code == 303
    assert client.v1.invoices.retrieve(invoice.id).status == "paid"
    voided = open_invoice(client, customer)
    client.v1.invoices.void_invoice(voided.id)
    page = get(str(voided.hosted_invoice_url))
    assert "voided" in alert(page) and "name='card'" not in page.text
    refused = post(str(voided.hosted_invoice_url), card=VISA)
    assert refused.status_code == 400 and "void" in alert(refused)


def test_invoice_pdf_is_a_valid_pdf(client: stripe.StripeClient) -> None:
    customer = client.v1.customers.create(params={"email": "pdf@example.com", "name": "张伟"})
    invoice = open_invoice(client, customer)
    pdf = get(str(invoice.invoice_pdf))
    assert pdf.status_code == 200 and pdf.headers["Content-Type"] == "application/pdf"
    body = pdf.content
    assert body.startswith(b"%PDF-1.4") and body.rstrip().endswith(b"%%EOF")
    start = int(body.rsplit(b"startxref\n", 1)[1].split(b"\n")[0])
    assert body[start:start + 4] == b"xref"
    offsets = [int(line[:10]) for line in body[start:].split(b"\n")[3:8]]
    assert [body[o:o + 7] for o in offsets] == [f"{n} 0 obj".encode() for n in range(1, 6)]
    assert str(invoice.number).encode() in body and b"24.00" in body


# billing portal -------------------------------------------------------------------------


def test_portal_cancels_and_changes_card(client: stripe.StripeClient) -> None:
    customer = customer_with_card(client)
    price = monthly_price(client, name="Coffee Club")
    later = client.v1.subscriptions.create(params={"customer": customer.id,
                                                   "items": [{"price": price.id}]})
    now = client.v1.subscriptions.create(params={"customer": customer.id,
                                                 "items": [{"price": price.id}]})
    portal = client.v1.billing_portal.sessions.create(params={
        "customer": customer.id, "return_url": "https://shop.example/account"})
    page = get(portal.url)
    assert page.status_code == 200 and page.text.count("Coffee Club") == 2
    assert "https://shop.example/account" in page.text
    at_end = post(f"{portal.url}/cancel", subscription=later.id, when="period_end")
    assert "will cancel on" in at_end.text
    assert client.v1.subscriptions.retrieve(later.id).cancel_at_period_end is True
    post(f"{portal.url}/cancel", subscription=now.id, when="now")
    assert client.v1.subscriptions.retrieve(now.id).status == "canceled"
    refused = post(f"{portal.url}/payment_method", card=DECLINE)
    assert refused.status_code == 402 and alert(refused) == "Your card was declined."
    changed = post(f"{portal.url}/payment_method", card="5555 5555 5555 4444")
    assert "mastercard •••• 4444" in changed.text
    default = client.v1.customers.retrieve(customer.id, params={
        "expand": ["invoice_settings.default_payment_method"]})
    pm = default.invoice_settings.default_payment_method
    assert isinstance(pm, stripe.PaymentMethod) and pm.card is not None
    assert pm.card.last4 == "4444"
