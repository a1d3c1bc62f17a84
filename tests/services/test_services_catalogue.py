"""The catalogue and cart tenders against a live sandbox: products with prices round-trip
through Stripe and the cache (new amount = new price, archive), a product archived at
Stripe leaves the sale via the poller; carts tendered by Checkout (coupon, promotion code
typed by the customer, inclusive/exclusive tax, tip, JPY and KWD), saved card and cash come
to the cart's amount at Stripe, once, whatever happens to the answer."""

from __future__ import annotations

import urllib.parse
import urllib.request
from dataclasses import replace
from decimal import Decimal
from typing import Any

import pytest
from sdk_support import lose_answers
from services_support import cached, customer_with_card

from posapp.gateway import (
    checkout,
    coupons,
    invoices,
    payment_intents,
    products,
)
from posapp.services import catalogue, payments, refunds
from posapp.services.cart import Cart, Line, ManualDiscount, Tip
from posapp.services.errors import ServiceError
from posapp.services.receipts import receipt_for
from posapp.services.sale_tenders import (
    METADATA_COUPON,
    METADATA_DISCOUNT_REASON,
    METADATA_REFUND_LINES,
    METADATA_TIP,
    charge_cart_to_card,
    itemisation,
    record_outside_payment,
    refund_amount,
    refund_lines,
    request_cart_payment,
    sale_lines,
    sold_lines,
)
from posapp.services.session import Session
from posapp.sync import Poller, run_sync_once


def pay_page(url: str, **form: str) -> int:
    data = urllib.parse.urlencode({"card": "4242424242424242", "email": "c@example.com",
                                   **form}).encode()
    try:
        with urllib.request.urlopen(urllib.request.Request(url, data=data), timeout=10) as r:
            return int(r.status)
    except urllib.error.HTTPError as error:
        return error.code


def shop(session: Session, currency: str = "usd") -> dict[str, Any]:
    """A latte and a croissant in `currency`, a sales tax and a 10% coupon with its code."""
    latte = catalogue.create_product(session, "Latte", 455, currency, sku="LAT-1",
                                     barcode="5012345678900", category="Drinks")
    croissant = catalogue.create_product(session, "Croissant", 330, currency, sku="CRO-1",
                                         barcode="4006381333931", category="Bakery")
    tax = catalogue.create_tax_rate(session, "Sales tax", Decimal("8.875"), inclusive=False)
    coupon = catalogue.create_coupon(session, "Ten off", percent_off=Decimal(10))
    promo = catalogue.create_promotion_code(session, coupon["id"], "TENOFF")
    return {"latte": latte, "croissant": croissant, "tax": tax, "coupon": coupon,
            "promo": promo}


def cart_of(session: Session, currency: str = "usd", **taxed: bool) -> Cart:
    items = catalogue.sellable(session.cache, currency)
    rates = tuple(catalogue.tax_rates_in_cache(session.cache)) if taxed.get("tax") else ()
    cart = Cart(currency)
    for item in items:
        cart = cart.add(catalogue.line_for(item, 2 if item.name == "Latte" else 1, rates))
    return cart


def test_catalogue_round_trips_through_stripe_and_the_cache(session: Session) -> None:
    made = shop(session)
    items = catalogue.sellable(session.cache, "usd")
    assert [(i.category, i.name, i.unit_amount) for i in items] == [
        ("Bakery", "Croissant", 330), ("Drinks", "Latte", 455)]
    scanned = catalogue.find_by_code(items, "5012345678900")
    assert scanned is not None and scanned.name == "Latte"
    assert [h.id for h in session.cache.search("CRO-1", tables=["products"])] \
        == [made["croissant"]["id"]]

    old_price = made["latte"]["default_price"]
    new = catalogue.change_price_amount(session, old_price, 475)
    assert new["unit_amount"] == 475 and new["id"] != old_price
    assert cached(session, "prices", old_price)["active"] is False
    assert cached(session, "products", made["latte"]["id"])["default_price"] == new["id"]
    assert [i.unit_amount for i in catalogue.sellable(session.cache, "usd")] == [330, 475]

    catalogue.archive_product(session, made["croissant"]["id"])
    assert [i.name for i in catalogue.sellable(session.cache, "usd")] == ["Latte"]
    # Brought back, it sells again at its price, at Stripe as in the cache.
    catalogue.archive_product(session, made["croissant"]["id"], archived=False)
    assert products.retrieve_product(session.gateway, made["croissant"]["id"])["active"] is True
    assert [(i.name, i.unit_amount) for i in catalogue.sellable(session.cache, "usd")] == [
        ("Croissant", 330), ("Latte", 475)]
    coupon = catalogue.promotion_code_coupon(session.cache, "tenoff")
    assert coupon is not None and coupon.promotion_code == made["promo"]["id"]


def test_a_product_archived_at_stripe_leaves_the_sale_through_the_poller(
        session: Session) -> None:
    made = shop(session)
    run_sync_once(session.gateway, session.cache)
    poller = Poller(session.gateway, session.cache)
    poller.poll_once()
    products.update_product(session.gateway, made["latte"]["id"], {"active": False})
    assert "Latte" in [i.name for i in catalogue.sellable(session.cache, "usd")]
    poller.poll_once()
    assert [i.name for i in catalogue.sellable(session.cache, "usd")] == ["Croissant"]


def test_checkout_asks_the_carts_total_with_coupon_tax_and_tip(session: Session) -> None:
    made = shop(session)
    cart = cart_of(session, tax=True).with_coupon(catalogue.cart_coupon(made["coupon"]))
    cart = cart.with_tip(Tip(percent=Decimal(15)))
    totals = cart.totals()
    request = request_cart_payment(session, cart, receipt_email="ada@example.com",
                                   idempotency_key="sale-9/1")
    found = checkout.retrieve_session(session.gateway, request.id)
    assert found["amount_total"] == totals.total == request.amount
    assert found["total_details"]["amount_tax"] == totals.tax
    # A coupon for this sale only, restricted to the goods: Stripe leaves the tip alone.
    [discount] = found["discounts"]
    sale_coupon = coupons.retrieve_coupon(session.gateway, discount["coupon"])
    assert sale_coupon["metadata"][METADATA_COUPON] == made["coupon"]["id"]
    assert sale_coupon["applies_to"] == {"products": sorted(
        [made["latte"]["id"], made["croissant"]["id"]])}
    again = request_cart_payment(session, cart, receipt_email="ada@example.com",
                                 idempotency_key="sale-9/1")
    assert again.id == request.id

    pay_page(request.url)
    status = payments.payment_request_status(session, request)
    assert status.state == "paid" and status.amount == totals.total
    assert status.payment_intent_id is not None
    intent = payment_intents.retrieve_payment_intent(session.gateway, status.payment_intent_id)
    assert intent["amount"] == totals.total
    assert intent["metadata"][METADATA_TIP] == str(totals.tip) and totals.tip > 0
    assert intent["receipt_email"] == "ada@example.com"


def test_customer_types_a_promotion_code_on_checkout(session: Session) -> None:
    shop(session)
    cart = cart_of(session)
    request = request_cart_payment(session, cart, allow_promotion_codes=True)
    assert request.amount == 1240
    pay_page(request.url, promotion_code="TENOFF")
    status = payments.payment_request_status(session, request)
    assert status.state == "paid" and status.amount == 1116
    with pytest.raises(ServiceError):
        request_cart_payment(session, cart.with_coupon(catalogue.promotion_code_coupon(
            session.cache, "TENOFF")), allow_promotion_codes=True)


@pytest.mark.parametrize("currency", ["jpy", "kwd"])
def test_zero_and_three_decimal_carts_are_asked_to_the_minor_unit(
        session: Session, currency: str) -> None:
    shop(session, currency)
    inclusive = catalogue.create_tax_rate(session, "VAT", Decimal(20), inclusive=True)
    cart = cart_of(session, currency)
    vat = (catalogue.cart_tax_rate(inclusive),)
    cart = Cart(currency, tuple(replace(line, tax_rates=vat) for line in cart.lines))
    request = request_cart_payment(session, cart)
    found = checkout.retrieve_session(session.gateway, request.id)
    assert found["amount_total"] == cart.totals().total == 1240
    assert found["total_details"]["amount_tax"] == cart.totals().tax


def test_payment_links_refuse_carts_they_cannot_carry(session: Session) -> None:
    made = shop(session)
    cart = cart_of(session).with_coupon(catalogue.cart_coupon(made["coupon"]))
    with pytest.raises(ServiceError) as refused:
        request_cart_payment(session, cart, "payment_link")
    assert refused.value.code == "link_cannot_carry_cart"
    link = request_cart_payment(session, cart_of(session), "payment_link")
    assert link.amount == 1240


def test_cash_is_an_itemised_invoice_paid_out_of_band_once(session: Session) -> None:
    shop(session)
    cart = cart_of(session, tax=True).with_tip(Tip(amount=100))
    first = record_outside_payment(session, cart, "cash", idempotency_key="sale-3/1")
    again = record_outside_payment(session, cart, "cash", idempotency_key="sale-3/1")
    assert first.state == again.state == "paid" and first.invoice_id == again.invoice_id
    assert first.invoice_id is not None
    invoice = invoices.retrieve_invoice(session.gateway, first.invoice_id)
    assert invoice["total"] == cart.totals().total and invoice["status"] == "paid"
    lines, _ = invoices.list_lines(session.gateway, first.invoice_id)
    assert [line["description"] for line in lines] == [
        "Croissant", "Latte × 2", "Tip"]
    found, _ = invoices.list_invoices(session.gateway, {"limit": 10})
    assert len(found) == 1


def test_saved_card_pays_an_itemised_invoice_once_even_when_the_answer_is_lost(
        session: Session) -> None:
    shop(session)
    customer_id, card_id = customer_with_card(session)
    cart = cart_of(session, tax=True)
    gw = session.gateway
    lose_answers(gw, "/pay", once=True)
    unknown = charge_cart_to_card(session, cart, customer_id, card_id,
                                  idempotency_key="sale-4/1")
    assert unknown.state == "unknown"
    paid = charge_cart_to_card(session, cart, customer_id, card_id,
                               idempotency_key="sale-4/1")
    assert paid.state == "paid" and paid.amount == cart.totals().total
    intents, _ = payment_intents.list_payment_intents(gw, {"customer": customer_id})
    assert [i["amount"] for i in intents] == [cart.totals().total]


def test_declined_saved_card_says_why_and_charges_nothing(session: Session) -> None:
    shop(session)
    customer_id, card_id = customer_with_card(session, "pm_card_chargeCustomerFail")
    outcome = charge_cart_to_card(session, cart_of(session), customer_id, card_id)
    assert outcome.state == "declined" and outcome.message == "Your card was declined."
    intents, _ = payment_intents.list_payment_intents(session.gateway, {"customer": customer_id})
    assert [i["status"] for i in intents] == ["requires_payment_method"]


def test_refund_by_line_gives_back_the_lines_share_of_discount_and_tax(
        session: Session) -> None:
    made = shop(session)
    cart = cart_of(session, tax=True).with_coupon(catalogue.cart_coupon(made["coupon"]))
    request = request_cart_payment(session, cart)
    pay_page(request.url)
    status = payments.payment_request_status(session, request)
    assert status.payment_intent_id is not None
    lines = sold_lines(session, request.id)
    assert [(line.description, line.quantity) for line in lines] == [
        ("Croissant", 1), ("Latte", 2)]
    latte = lines[1]
    # 2 × 4.55 = 910, 10% off = 91, base 819, tax round(72.68) = 73 -> 892; one back = 446
    assert (latte.amount_discount, latte.amount_tax, latte.amount_total) == (91, 73, 892)
    assert refund_amount(lines, {1: 1}) == 446
    assert refund_amount(lines, {0: 1, 1: 2}) == cart.totals().total
    with pytest.raises(ServiceError):
        refund_amount(lines, {1: 3})
    refund = refunds.refund_payment(session, status.payment_intent_id,
                                    refund_amount(lines, {1: 1}))
    assert refund["amount"] == 446


def test_cash_whose_answer_is_lost_is_recorded_once_when_sent_again(session: Session) -> None:
    shop(session)
    cart = cart_of(session)
    gw = session.gateway
    lose_answers(gw, "/pay", once=True)
    unknown = record_outside_payment(session, cart, idempotency_key="sale-5/1")
    assert unknown.state == "unknown" and "don't know yet" in unknown.message
    settled = record_outside_payment(session, cart, idempotency_key="sale-5/1")
    assert settled.state == "paid"
    found, _ = invoices.list_invoices(gw, {"limit": 10})
    assert [(i["status"], i["total"]) for i in found] == [("paid", cart.totals().total)]


def discounted_cart(session: Session) -> Cart:
    """The café cart, taxed, with 15 % off the lattes (day old) and 1.00 off the cart."""
    cart = cart_of(session, tax=True)
    latte = [line.description for line in cart.lines].index("Latte")
    return (cart.discount_line(latte, ManualDiscount("Day old", percent=Decimal(15)))
            .with_manual_discount(ManualDiscount("Regular", amount=100))
            .with_tip(Tip(amount=150)))


def test_manual_discounts_reach_stripe_on_every_tender_with_their_reasons(
        session: Session) -> None:
    shop(session)
    cart = discounted_cart(session)
    totals = cart.totals()
    # Lattes 910 - 137 (15 %) = 773, croissant 330; 100 off shared 70 / 30 by subtotal.
    assert [p.line.discount for p in totals.lines] == [30, 207]
    assert totals.total == 300 + 27 + 703 + 62 + 150
    request = request_cart_payment(session, cart)
    found = checkout.retrieve_session(session.gateway, request.id)
    assert found["amount_total"] == totals.total
    assert found["total_details"]["amount_tax"] == totals.tax
    items, _ = checkout.list_line_items(session.gateway, request.id, {"limit": 10})
    # Catalogue lines keep their product (one item at the reduced amount); custom ones
    # would be named with the reasons, which the metadata always carries.
    assert [(i["description"], i["amount_total"]) for i in items] == [
        ("Croissant", 327), ("Latte", 765), ("Tip", 150)]
    assert found["metadata"][METADATA_DISCOUNT_REASON] == "Day old; Regular"

    customer_id, card_id = customer_with_card(session, "pm_card_visa")
    card = charge_cart_to_card(session, cart, customer_id, card_id, idempotency_key="d-1")
    assert card.state == "paid" and card.payment_intent_id is not None
    intent = payment_intents.retrieve_payment_intent(session.gateway, card.payment_intent_id)
    assert intent["amount"] == totals.total
    cash = record_outside_payment(session, cart, idempotency_key="d-2")
    for tender in (card, cash):
        assert tender.invoice_id is not None
        invoice = invoices.retrieve_invoice(session.gateway, tender.invoice_id)
        assert invoice["total"] == totals.total
        assert invoice["metadata"][METADATA_DISCOUNT_REASON] == "Day old; Regular"
        lines, _ = invoices.list_lines(session.gateway, tender.invoice_id)
        assert [line["description"] for line in lines] == [
            "Croissant (Regular)", "2 × Latte (Day old; Regular)", "Tip"]
        assert [(line.quantity, line.amount_total, line.reason)
                for line in itemisation(invoice["metadata"])] == [
            (1, 327, ""), (2, 765, "Day old"), (1, 150, "")]


def test_the_tip_is_never_discounted_by_a_coupon_on_any_tender(session: Session) -> None:
    made = shop(session)
    cart = (cart_of(session).add(Line("Custom amount", 250))
            .with_coupon(catalogue.cart_coupon(made["coupon"])).with_tip(Tip(amount=200)))
    totals = cart.totals()
    # (330 + 910 + 250) less 10 % per line = 33 + 91 + 25 off; the tip is whole.
    assert (totals.discount, totals.tip, totals.total) == (149, 200, 1541)
    request = request_cart_payment(session, cart, idempotency_key="tip-0")
    items, _ = checkout.list_line_items(session.gateway, request.id, {"limit": 10})
    assert [(i["description"], i["amount_discount"], i["amount_total"]) for i in items] == [
        ("Croissant", 33, 297), ("Latte", 91, 819), ("Custom amount", 25, 225),
        ("Tip", 0, 200)]
    assert checkout.retrieve_session(session.gateway, request.id)["amount_total"] == 1541
    with pytest.raises(ServiceError) as refused:
        request_cart_payment(session, cart.with_coupon(None), allow_promotion_codes=True)
    assert refused.value.code == "tip_and_codes"
    cash = record_outside_payment(session, cart, idempotency_key="tip-1")
    assert cash.invoice_id is not None and cash.amount == 1541
    lines, _ = invoices.list_lines(session.gateway, cash.invoice_id)
    assert [(line["description"], line["amount"]) for line in lines][-1] == ("Tip", 200)


def test_refund_by_line_after_a_refund_never_gives_back_more_than_was_paid(
        session: Session) -> None:
    shop(session)
    cart = discounted_cart(session)
    customer_id, card_id = customer_with_card(session, "pm_card_visa")
    paid = charge_cart_to_card(session, cart, customer_id, card_id, idempotency_key="r-1")
    assert paid.payment_intent_id is not None
    run_sync_once(session.gateway, session.cache)  # the payment, as its detail shows it
    sale = sale_lines(session, paid.payment_intent_id)
    assert sale is not None and sale.returned == (0, 0, 0)
    # One latte of two: half of 765 rounded half up = 383; the second one is 382.
    first = refund_lines(session, sale, {1: 1}, idempotency_key="rl-1")
    again = refund_lines(session, sale, {1: 1}, idempotency_key="rl-1")  # a second click
    assert first["id"] == again["id"] and first["amount"] == 383
    assert first["metadata"][METADATA_REFUND_LINES] == "1:1"
    sale = sale_lines(session, paid.payment_intent_id)
    assert sale is not None and sale.returned == (0, 1, 0)
    with pytest.raises(ServiceError):
        refund_lines(session, sale, {1: 2})
    rest = refund_lines(session, sale, {0: 1, 1: 1, 2: 1})
    assert rest["amount"] == 327 + 382 + 150
    assert first["amount"] + rest["amount"] == cart.totals().total


def test_a_cart_coupon_goes_on_the_invoice_as_its_discount_and_is_redeemed(
        session: Session) -> None:
    made = shop(session)
    coupon = catalogue.promotion_code_coupon(session.cache, "tenoff")
    assert coupon is not None
    cart = cart_of(session, tax=True).with_coupon(coupon).with_tip(Tip(amount=100))
    paid = record_outside_payment(session, cart, "cash", idempotency_key="sale-disc/1")
    assert paid.invoice_id is not None
    invoice = invoices.retrieve_invoice(session.gateway, paid.invoice_id)
    totals = cart.totals()
    assert (invoice["total"], invoice["status"]) == (totals.total, "paid")
    assert [d["amount"] for d in invoice["total_discount_amounts"]] == [totals.discount]
    lines, _ = invoices.list_lines(session.gateway, paid.invoice_id)
    assert [sum(d["amount"] for d in line["discount_amounts"]) for line in lines] == [
        p.coupon_discount for p in cart.priced()]
    # the tip's item is not discountable: the coupon leaves it whole
    assert (lines[-1]["description"], lines[-1]["amount"], lines[-1]["discountable"],
            lines[-1]["discount_amounts"][0]["amount"]) == ("Tip", 100, False, 0)
    promo = session.gateway.read("promotion_codes.retrieve",
                                 lambda c: c.v1.promotion_codes.retrieve(made["promo"]["id"]))
    assert promo["times_redeemed"] == 1


def test_stripe_tax_is_offered_only_once_the_account_has_it_and_taxes_each_tender(
        session: Session) -> None:
    made = shop(session)
    assert catalogue.stripe_tax_active(session) is False
    session.gateway.read("tax.settings.update", lambda c: c.v1.tax.settings.update(
        params={"head_office": {"address": {"country": "US", "state": "NY"}}}))
    assert catalogue.stripe_tax_active(session) is True
    cart = cart_of(session, tax=True).with_automatic_tax(True)
    totals = cart.totals()
    assert totals.tax == 0 and totals.total == totals.subtotal  # worked out at payment
    request = request_cart_payment(session, cart, "checkout")
    page = checkout.retrieve_session(session.gateway, request.id)
    # the account is in the US: the sandbox's rule set charges 8.875%, exclusive, per line
    assert page["automatic_tax"]["enabled"] is True
    assert page["total_details"]["amount_tax"] == sum(
        round(Decimal(p.subtotal) * Decimal("0.08875")) for p in cart.priced())
    customer = session.gateway.read("customers.create", lambda c: c.v1.customers.create(
        params={"name": "Visitor", "address": {"country": "DE"}}))
    cash = record_outside_payment(session, cart, "cash", customer["id"],
                                  idempotency_key="sale-auto/1")
    assert cash.invoice_id is not None
    invoice = invoices.retrieve_invoice(session.gateway, cash.invoice_id)
    lines, _ = invoices.list_lines(session.gateway, cash.invoice_id)
    assert made["tax"]["id"] not in str(lines)  # the merchant's rate is set aside
    # the customer is in Germany: 19% on each line
    assert invoice["total"] == totals.total + sum(
        round(Decimal(p.subtotal) * Decimal("0.19")) for p in cart.priced())
    assert cash.amount == invoice["total"]


def test_a_coupons_amount_in_another_currency_reaches_the_cart_through_sync(
        session: Session) -> None:
    shop(session, "jpy")
    coupon = catalogue.create_coupon(session, "Hundred off", amount_off=100, currency="usd",
                                     currency_options={"JPY": 150})
    catalogue.create_promotion_code(session, coupon["id"], "YEN150")
    Poller(session.gateway, session.cache).poll_once()  # the event's coupon lacks them
    found = catalogue.promotion_code_coupon(session.cache, "yen150")
    assert found is not None and found.amount_in("jpy") == 150
    cart = cart_of(session, "jpy").with_coupon(found).with_tip(Tip(amount=100))
    request = request_cart_payment(session, cart)
    page = checkout.retrieve_session(session.gateway, request.id)
    assert page["total_details"]["amount_discount"] == cart.totals().discount  # not the tip
    assert page["amount_total"] == cart.totals().total
    cash = record_outside_payment(session, cart, "cash", idempotency_key="yen/1")
    assert cash.amount == cart.totals().total


def test_a_coupon_for_some_products_reaches_the_same_lines_on_an_invoice_as_in_the_cart(
        session: Session) -> None:
    made = shop(session)
    latte_only = catalogue.cart_coupon(coupons.create_coupon(session.gateway, {
        "name": "Latte day", "amount_off": 150, "currency": "usd", "duration": "once",
        "applies_to": {"products": [made["latte"]["id"]]}}))
    cart = (cart_of(session, tax=True).add(Line("Custom amount", 250)).with_coupon(latte_only)
            .with_tip(Tip(amount=120)))
    cart = cart.discount_line(0, ManualDiscount("Day old", amount=30))
    totals = cart.totals()
    # Croissant 330 - 30 by hand, lattes 910 - 150 (the coupon's only line), custom 250.
    assert [p.coupon_discount for p in cart.priced()] == [0, 150, 0, 0]
    cash = record_outside_payment(session, cart, idempotency_key="latte-day/1")
    assert cash.invoice_id is not None and cash.amount == totals.total
    lines, _ = invoices.list_lines(session.gateway, cash.invoice_id)
    assert [(line["description"], sum(d["amount"] for d in line["discount_amounts"]),
             line["discountable"]) for line in lines] == [
        ("Croissant (Day old)", 0, True), ("Latte × 2", 150, True),
        ("Custom amount", 0, True), ("Tip", 0, False)]


def test_stripe_tax_on_a_saved_card_sale_is_in_its_refund_by_line_and_its_receipt(
        session: Session) -> None:
    shop(session)
    session.gateway.read("tax.settings.update", lambda c: c.v1.tax.settings.update(
        params={"head_office": {"address": {"country": "US", "state": "NY"}}}))
    coupon = catalogue.promotion_code_coupon(session.cache, "tenoff")
    assert coupon is not None
    cart = (cart_of(session, tax=True).with_coupon(coupon).with_tip(Tip(amount=100))
            .with_automatic_tax(True))
    customer_id, card_id = customer_with_card(session, "pm_card_visa")
    paid = charge_cart_to_card(session, cart, customer_id, card_id, idempotency_key="st-1")
    assert paid.state == "paid" and paid.payment_intent_id is not None
    # 8.875 % on each line after its coupon share (none on the tip), rounded per line
    taxes = [0 if p.line.is_tip else round(Decimal(p.subtotal - p.coupon_discount)
                                           * Decimal("0.08875")) for p in cart.priced()]
    assert taxes[-1] == 0 and taxes[0] > 0
    assert paid.amount == cart.totals().total + sum(taxes)
    run_sync_once(session.gateway, session.cache)
    sale = sale_lines(session, paid.payment_intent_id)
    assert sale is not None
    assert [line.amount_tax for line in sale.lines] == taxes
    assert sum(line.amount_total for line in sale.lines) == paid.amount
    receipt = receipt_for(session, paid.payment_intent_id, online=False)
    assert (receipt.itemised, receipt.tax, receipt.total) == (True, sum(taxes), paid.amount)
    everything = refund_lines(session, sale, {i: line.quantity
                                              for i, line in enumerate(sale.lines)})
    assert everything["amount"] == paid.amount


NONTAXABLE = "txcd_00000000"


def test_a_tip_is_never_taxed_on_any_tender_with_the_merchants_rates_or_stripe_tax(
        session: Session) -> None:
    shop(session)
    cart = cart_of(session, tax=True).with_tip(Tip(amount=100))
    totals = cart.totals()
    # The merchant's own rates: the tip's line carries none, at Stripe as in the cart.
    page = checkout.retrieve_session(session.gateway, request_cart_payment(
        session, cart, idempotency_key="tip-tax/0").id)
    assert page["amount_total"] == totals.total and totals.tax > 0
    assert [(i.description, i.amount_tax, i.amount_total)
            for i in sold_lines(session, page["id"])][-1] == ("Tip", 0, 100)
    cash = record_outside_payment(session, cart, idempotency_key="tip-tax/1")
    assert cash.invoice_id is not None and cash.amount == totals.total
    lines, _ = invoices.list_lines(session.gateway, cash.invoice_id)
    assert (lines[-1]["description"], lines[-1]["taxes"]) == ("Tip", [])

    # Stripe Tax: the tip goes as Stripe's "Nontaxable" tax code and is taxed nothing.
    session.gateway.read("tax.settings.update", lambda c: c.v1.tax.settings.update(
        params={"head_office": {"address": {"country": "US", "state": "NY"}}}))
    auto = cart.with_automatic_tax(True)
    goods_tax = sum(round(Decimal(p.subtotal) * Decimal("0.08875"))
                    for p in auto.priced() if not p.line.is_tip)
    due = auto.totals().total + goods_tax
    request = request_cart_payment(session, auto, idempotency_key="tip-tax/2")
    page = checkout.retrieve_session(session.gateway, request.id)
    assert page["amount_total"] == due
    assert page["total_details"]["amount_tax"] == goods_tax
    sold = sold_lines(session, page["id"])
    assert (sold[-1].description, sold[-1].amount_tax, sold[-1].amount_total) == ("Tip", 0, 100)
    assert all(line.amount_tax > 0 for line in sold[:-1])
    customer_id, card_id = customer_with_card(session, "pm_card_visa")
    paid = charge_cart_to_card(session, auto, customer_id, card_id,
                               idempotency_key="tip-tax/3")
    cash = record_outside_payment(session, auto, idempotency_key="tip-tax/4")
    for tender in (paid, cash):
        assert tender.state == "paid" and tender.invoice_id is not None
        assert tender.amount == due
        lines, _ = invoices.list_lines(session.gateway, tender.invoice_id)
        tip = lines[-1]
        assert (tip["description"], tip["amount"]) == ("Tip", 100)
        assert [(t["amount"], t["taxable_amount"], t["taxability_reason"])
                for t in tip["taxes"]] == [(0, 0, "product_exempt")]
        assert all(t["amount"] > 0 and t["taxability_reason"] == "standard_rated"
                   for line in lines[:-1] for t in line["taxes"])
        product = tip["pricing"]["price_details"]["product"]
        assert products.retrieve_product(session.gateway, product)["tax_code"] == NONTAXABLE
