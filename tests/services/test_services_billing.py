"""Invoices and subscriptions against a live sandbox, and the CSV export's escaping."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import pytest
import requests
from services_support import assert_audited, cached, customer_with_card

from posapp.gateway import ErrorKind, GatewayError, prices, products
from posapp.money import AmountError
from posapp.services import customers, invoices, subscriptions
from posapp.services.exports import csv_cell, write_export
from posapp.services.invoices import InvoiceItem
from posapp.services.session import Session
from posapp.services.subscriptions import SubscriptionItem


def _customer_with_default_card(session: Session, card: str = "pm_card_visa") -> str:
    customer_id, card_id = customer_with_card(session, card)
    customers.set_default_payment_method(session, customer_id, card_id)
    return customer_id


def _open_invoice(session: Session, customer_id: str) -> dict[str, Any]:
    draft = invoices.create_invoice(
        session,
        customer_id,
        "usd",
        [InvoiceItem("Espresso beans 1 kg", 2400, 2), InvoiceItem("Grinder service", 3500)],
    )
    assert draft["status"] == "draft" and draft["total"] == 8300
    return invoices.finalize_invoice(session, str(draft["id"]))


# -- invoices --------------------------------------------------------------------------


def test_one_off_invoice_is_created_with_its_items_finalized_and_sent(session: Session) -> None:
    customer_id = _customer_with_default_card(session)

    finalized = _open_invoice(session, customer_id)

    assert finalized["status"] == "open" and finalized["number"]
    lines = {line["description"]: line["amount"] for line in finalized["lines"]["data"]}
    assert lines == {"Espresso beans 1 kg × 2": 4800, "Grinder service": 3500}
    sent = invoices.send_invoice(session, str(finalized["id"]))
    assert sent["status"] == "open"
    assert cached(session, "invoices", str(finalized["id"]))["number"] == finalized["number"]
    assert assert_audited(session, "invoice.finalize").amount == 8300


def test_invoice_paid_with_the_default_card(session: Session) -> None:
    invoice = _open_invoice(session, _customer_with_default_card(session))

    paid = invoices.pay_invoice(session, str(invoice["id"]))

    assert paid["status"] == "paid" and paid["amount_remaining"] == 0
    assert cached(session, "invoices", str(invoice["id"]))["status"] == "paid"
    assert assert_audited(session, "invoice.pay").amount == 8300


def test_invoice_paid_out_of_band(session: Session) -> None:
    invoice = _open_invoice(session, _customer_with_default_card(session))

    paid = invoices.pay_invoice(session, str(invoice["id"]), out_of_band=True)

    assert paid["status"] == "paid"
    assert paid["amount_paid"] == 8300
    assert_audited(session, "invoice.pay_out_of_band")


def test_invoice_on_a_declining_card_stays_open_with_the_reason(session: Session) -> None:
    invoice = _open_invoice(
        session, _customer_with_default_card(session, "pm_card_chargeCustomerFail")
    )

    with pytest.raises(GatewayError) as raised:
        invoices.pay_invoice(session, str(invoice["id"]))

    assert raised.value.kind is ErrorKind.CARD_DECLINED
    assert str(raised.value) == "Your card was declined."
    assert_audited(session, "invoice.pay", outcome="card_declined")


def test_void_invoice_cannot_be_paid(session: Session) -> None:
    invoice = _open_invoice(session, _customer_with_default_card(session))

    voided = invoices.void_invoice(session, str(invoice["id"]))
    assert voided["status"] == "void"
    assert cached(session, "invoices", str(invoice["id"]))["status"] == "void"

    with pytest.raises(GatewayError) as raised:
        invoices.pay_invoice(session, str(invoice["id"]))

    assert raised.value.kind is ErrorKind.INVALID_REQUEST
    assert "void" in str(raised.value).lower()
    row = assert_audited(session, "invoice.pay", outcome="invalid_request")
    assert row.object_id == invoice["id"]


def test_uncollectible_invoice_can_still_be_paid(session: Session) -> None:
    invoice = _open_invoice(session, _customer_with_default_card(session))

    marked = invoices.mark_uncollectible(session, str(invoice["id"]))

    assert marked["status"] == "uncollectible"
    assert invoices.pay_invoice(session, str(invoice["id"]))["status"] == "paid"


def test_invoice_input_is_checked_before_sending(session: Session) -> None:
    sent = session.gateway.request_count
    with pytest.raises(ValueError, match="at least one item"):
        invoices.create_invoice(session, "cus_1", "usd", [])
    with pytest.raises(AmountError, match="greater than zero"):
        invoices.create_invoice(session, "cus_1", "usd", [InvoiceItem("Free", 0)])
    for bad in (InvoiceItem("Tea", 1.5, 2), InvoiceItem("Tea", 300, 1.5),  # type: ignore[arg-type]
                InvoiceItem("Tea", 300, True), InvoiceItem("Tea", 10**30)):
        with pytest.raises(AmountError):
            invoices.create_invoice(session, "cus_1", "usd", [bad])
    with pytest.raises(ValueError, match="days until due"):
        invoices.create_invoice(
            session, "cus_1", "usd", [InvoiceItem("Tea", 300)], days_until_due=None
        )
    assert session.gateway.request_count == sent


def test_csv_export_escapes_formula_prefixes(tmp_path: Path) -> None:
    path = tmp_path / "invoices.csv"
    rows: list[dict[str, object]] = [
        {"number": "=HYPERLINK(\"http://evil\")", "customer": "+SUM(A1)", "amount": -1250},
        {"number": "-2+3", "customer": "@cmd", "amount": 990},
        {"number": "\tTAB", "customer": "\rCR", "amount": None},
        {"number": "INV-0001", "customer": "Zoë, \"the\" baker", "amount": 0},
    ]

    assert write_export(rows, path, ["number", "customer", "amount"]) == 4

    with path.open(encoding="utf-8-sig", newline="") as handle:
        read = list(csv.reader(handle))
    assert read[0] == ["number", "customer", "amount"]
    assert read[1] == ["'=HYPERLINK(\"http://evil\")", "'+SUM(A1)", "-1250"]
    assert read[2] == ["'-2+3", "'@cmd", "990"]
    assert read[3] == ["'\tTAB", "'\rCR", ""]
    assert read[4] == ["INV-0001", "Zoë, \"the\" baker", "0"]
    assert csv_cell(True) == "true"


def test_csv_export_of_nothing_writes_the_header(tmp_path: Path) -> None:
    path = tmp_path / "empty.csv"

    assert write_export([], path, ["number", "status"]) == 0

    assert path.read_text(encoding="utf-8-sig").splitlines() == ["number,status"]


# -- subscriptions ---------------------------------------------------------------------


def _monthly_prices(session: Session) -> tuple[str, str]:
    product = products.create_product(session.gateway, {"name": "Coffee club"})
    basic, plus = (
        prices.create_price(
            session.gateway,
            {"product": product["id"], "currency": "usd", "unit_amount": amount,
             "recurring": {"interval": "month"}},
        )["id"]
        for amount in (1000, 2000)
    )
    return basic, plus


def test_subscription_starts_active_and_is_cached(session: Session) -> None:
    basic, _ = _monthly_prices(session)
    customer_id = _customer_with_default_card(session)

    created = subscriptions.create_subscription(
        session, customer_id, [SubscriptionItem(basic, 2)]
    )

    assert created.status == "active" and created.hosted_invoice_url is None
    subscription_id = created.subscription["id"]
    assert cached(session, "subscriptions", subscription_id)["status"] == "active"
    assert session.cache.mrr() == {"usd": 2000}
    invoice_id = created.subscription["latest_invoice"]["id"]
    assert cached(session, "invoices", invoice_id)["status"] == "paid"
    assert_audited(session, "subscription.create")
    upcoming = subscriptions.preview_next_invoice(session, subscription_id)
    assert upcoming["amount_due"] == 2000 and upcoming["currency"] == "usd"


def test_subscription_on_an_sca_card_is_incomplete_with_the_invoice_link(
    session: Session,
) -> None:
    basic, _ = _monthly_prices(session)
    customer_id = _customer_with_default_card(session, "pm_card_authenticationRequired")

    created = subscriptions.create_subscription(session, customer_id, [SubscriptionItem(basic)])

    assert created.status == "incomplete"
    assert "confirm the first payment (3D Secure)" in created.message
    assert created.hosted_invoice_url is not None
    assert created.hosted_invoice_url.startswith("http")


def test_subscription_on_a_declining_card_says_why(session: Session) -> None:
    basic, _ = _monthly_prices(session)
    customer_id = _customer_with_default_card(session, "pm_card_chargeCustomerFail")

    created = subscriptions.create_subscription(session, customer_id, [SubscriptionItem(basic)])

    assert created.status == "incomplete"
    assert "The first payment failed: Your card was declined." in created.message
    assert created.hosted_invoice_url is not None

    with pytest.raises(GatewayError) as raised:
        subscriptions.create_subscription(
            session, customer_id, [SubscriptionItem(basic)],
            payment_behavior="error_if_incomplete",
        )
    assert raised.value.kind is ErrorKind.CARD_DECLINED


def test_trial_and_invoiced_subscriptions(session: Session) -> None:
    basic, _ = _monthly_prices(session)
    customer_id, _ = customer_with_card(session)

    trial = subscriptions.create_subscription(
        session, customer_id, [SubscriptionItem(basic)], trial_days=14
    )
    invoiced = subscriptions.create_subscription(
        session, customer_id, [SubscriptionItem(basic)], collection_method="send_invoice",
        days_until_due=10,
    )

    assert trial.status == "trialing"
    assert invoiced.status == "active"
    assert "due in 10 days" in invoiced.message
    assert invoiced.hosted_invoice_url is not None
    with pytest.raises(ValueError, match="days until due"):
        subscriptions.create_subscription(
            session, customer_id, [SubscriptionItem(basic)], collection_method="send_invoice"
        )


def test_price_change_is_previewed_then_made_as_previewed(session: Session) -> None:
    basic, plus = _monthly_prices(session)
    created = subscriptions.create_subscription(
        session, _customer_with_default_card(session), [SubscriptionItem(basic)]
    )
    subscription_id = created.subscription["id"]

    preview = subscriptions.preview_change(session, subscription_id, price_id=plus)

    assert preview.currency == "usd"
    assert preview.proration_amount == 1000
    assert preview.amount_due == 3000
    assert preview.message == "Next invoice: $30.00, of which $10.00 for the change."

    changed = subscriptions.change_subscription(
        session, subscription_id, price_id=plus, proration_date=preview.proration_date
    )

    assert changed["items"]["data"][0]["price"]["id"] == plus
    assert session.cache.mrr() == {"usd": 2000}
    assert_audited(session, "subscription.change")


def test_quantity_change_needs_the_item_when_there_are_several(session: Session) -> None:
    basic, plus = _monthly_prices(session)
    created = subscriptions.create_subscription(
        session, _customer_with_default_card(session),
        [SubscriptionItem(basic), SubscriptionItem(plus)],
    )
    subscription_id = created.subscription["id"]
    with pytest.raises(ValueError, match="several items"):
        subscriptions.change_subscription(session, subscription_id, quantity=3)

    item_id = created.subscription["items"]["data"][0]["id"]
    changed = subscriptions.change_subscription(
        session, subscription_id, item_id=item_id, quantity=3, proration_behavior="none"
    )

    quantities = {i["id"]: i["quantity"] for i in changed["items"]["data"]}
    assert quantities[item_id] == 3


def test_cancel_at_period_end_undo_and_cancel_now(session: Session) -> None:
    basic, _ = _monthly_prices(session)
    created = subscriptions.create_subscription(
        session, _customer_with_default_card(session), [SubscriptionItem(basic)]
    )
    subscription_id = created.subscription["id"]

    assert subscriptions.cancel_at_period_end(session, subscription_id)["cancel_at_period_end"]
    assert cached(session, "subscriptions", subscription_id)["cancel_at_period_end"] is True
    assert not subscriptions.undo_cancellation(session, subscription_id)["cancel_at_period_end"]

    canceled = subscriptions.cancel_subscription(session, subscription_id, prorate=True)

    assert canceled["status"] == "canceled"
    assert cached(session, "subscriptions", subscription_id)["status"] == "canceled"
    with pytest.raises(GatewayError):
        subscriptions.cancel_subscription(session, subscription_id)
    for action in ("subscription.cancel_at_period_end", "subscription.undo_cancellation"):
        assert_audited(session, action)


def test_pause_and_resume_collection(session: Session) -> None:
    basic, _ = _monthly_prices(session)
    created = subscriptions.create_subscription(
        session, _customer_with_default_card(session), [SubscriptionItem(basic)]
    )
    subscription_id = created.subscription["id"]

    paused = subscriptions.pause_collection(session, subscription_id, "keep_as_draft")
    assert paused["pause_collection"]["behavior"] == "keep_as_draft"

    resumed = subscriptions.resume_collection(session, subscription_id)
    assert resumed["pause_collection"] is None
    assert cached(session, "subscriptions", subscription_id)["pause_collection"] is None


def test_billing_portal_link(session: Session) -> None:
    customer_id = _customer_with_default_card(session)

    url = subscriptions.billing_portal_link(session, customer_id, "https://shop.example/")

    # The link opens this customer's portal, which leads back to the shop.
    page = requests.get(url, timeout=10)
    assert page.status_code == 200
    assert "4242" in page.text  # its saved card
    assert "https://shop.example/" in page.text
    assert_audited(session, "customer.billing_portal_link")
