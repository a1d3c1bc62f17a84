"""Coupons, promotion codes and tax rates, and Checkout / Payment Link totals priced with
them as Stripe prices them (per line, half away from zero; inclusive and exclusive tax),
a code typed by the customer on the hosted page, `automatic_tax`, and the events."""

from __future__ import annotations

from typing import Any

import pytest
import requests
import stripe
from sandbox_support import event_types

from posapp.sandbox import Sandbox

VISA = "4242424242424242"


def product_price(client: stripe.StripeClient, amount: int, currency: str = "usd",
                  name: str = "Latte", **extra: Any) -> stripe.Price:
    return client.v1.prices.create(params={"currency": currency, "unit_amount": amount,
                                           "product_data": {"name": name}, **extra})


def tiered_price(client: stripe.StripeClient, tiers: list[Any], **extra: Any) -> stripe.Price:
    return client.v1.prices.create(params={"currency": "usd", "billing_scheme": "tiered",
                                           "tiers": tiers, "product_data": {"name": "Beans"},
                                           **extra})


def tax_rate(client: stripe.StripeClient, percentage: float,
             inclusive: bool) -> stripe.TaxRate:
    return client.v1.tax_rates.create(params={"display_name": "VAT", "percentage": percentage,
                                              "inclusive": inclusive, "country": "GB"})


def session(client: stripe.StripeClient, lines: list[dict[str, Any]],
            **extra: Any) -> stripe.checkout.Session:
    return client.v1.checkout.sessions.create(params={
        "mode": "payment", "line_items": lines, **extra})


def pay_page(url: str, **form: str) -> requests.Response:
    return requests.post(url, data={"card": VISA, "email": "a@b.example", **form},
                         allow_redirects=False, timeout=10)


def test_coupon_promotion_code_and_tax_rate_round_trip(client: stripe.StripeClient) -> None:
    coupon = client.v1.coupons.create(params={"percent_off": 10, "duration": "once",
                                              "name": "Ten off", "max_redemptions": 5})
    promo = client.v1.promotion_codes.create(params={
        "promotion": {"type": "coupon", "coupon": coupon.id}, "code": "COFFEE10"})
    rate = tax_rate(client, 20, inclusive=True)
    assert client.v1.coupons.retrieve(coupon.id).percent_off == 10
    assert promo.promotion.coupon == coupon.id and promo.active
    assert client.v1.tax_rates.retrieve(rate.id).inclusive is True
    assert [p.id for p in client.v1.promotion_codes.list(params={"code": "coffee10"})] \
        == [promo.id]
    client.v1.promotion_codes.update(promo.id, params={"active": False})
    client.v1.tax_rates.update(rate.id, params={"active": False})
    deleted = client.v1.coupons.delete(coupon.id)
    assert deleted.deleted is True
    assert [c.id for c in client.v1.coupons.list()] == []
    assert event_types(client)[-6:] == [
        "coupon.created", "promotion_code.created", "tax_rate.created",
        "promotion_code.updated", "tax_rate.updated", "coupon.deleted"]


def test_a_second_active_code_with_the_same_text_is_refused(client: stripe.StripeClient) -> None:
    coupon = client.v1.coupons.create(params={"amount_off": 100, "currency": "usd"})
    params: Any = {"promotion": {"type": "coupon", "coupon": coupon.id}, "code": "SAME"}
    client.v1.promotion_codes.create(params=params)
    with pytest.raises(stripe.InvalidRequestError, match="already exists"):
        client.v1.promotion_codes.create(params=params)


def test_coupon_needs_exactly_one_of_percent_or_amount(client: stripe.StripeClient) -> None:
    with pytest.raises(stripe.InvalidRequestError, match="exactly one"):
        client.v1.coupons.create(params={"duration": "once"})
    with pytest.raises(stripe.InvalidRequestError) as error:
        client.v1.coupons.create(params={"amount_off": 100})
    assert error.value.param == "currency"


def test_exclusive_tax_is_added_per_line_after_the_discount(
        client: stripe.StripeClient) -> None:
    rate = tax_rate(client, 8.875, inclusive=False)
    coupon = client.v1.coupons.create(params={"percent_off": 15})
    latte, cake = product_price(client, 455), product_price(client, 333, name="Cake")
    made = session(client, [{"price": latte.id, "quantity": 3, "tax_rates": [rate.id]},
                            {"price": cake.id, "quantity": 1, "tax_rates": [rate.id]}],
                   discounts=[{"coupon": coupon.id}])
    # latte 1365: discount round(204.75)=205, base 1160, tax round(102.95)=103 -> 1263
    # cake 333: discount round(49.95)=50, base 283, tax round(25.116)=25 -> 308
    items = client.v1.checkout.sessions.line_items.list(made.id).data
    assert [(i.amount_subtotal, i.amount_discount, i.amount_tax, i.amount_total)
            for i in items] == [(1365, 205, 103, 1263), (333, 50, 25, 308)]
    assert made.amount_subtotal == 1698 and made.amount_total == 1571
    assert made.total_details is not None
    assert (made.total_details.amount_discount, made.total_details.amount_tax) == (255, 128)
    assert made.discounts is not None and made.discounts[0].coupon == coupon.id


def test_inclusive_tax_is_part_of_the_price(client: stripe.StripeClient) -> None:
    rate = tax_rate(client, 20, inclusive=True)
    price = product_price(client, 350, currency="gbp")
    made = session(client, [{"price": price.id, "quantity": 1, "tax_rates": [rate.id]}])
    assert made.amount_total == 350
    assert made.total_details is not None and made.total_details.amount_tax == 58


def test_amount_off_is_spread_over_lines_by_their_share(client: stripe.StripeClient) -> None:
    coupon = client.v1.coupons.create(params={"amount_off": 100, "currency": "usd"})
    a, b = product_price(client, 200), product_price(client, 100, name="Cookie")
    made = session(client, [{"price": a.id, "quantity": 1}, {"price": b.id, "quantity": 1}],
                   discounts=[{"coupon": coupon.id}])
    items = client.v1.checkout.sessions.line_items.list(made.id).data
    assert [i.amount_discount for i in items] == [67, 33]
    assert made.amount_total == 200


def test_zero_and_three_decimal_currencies_round_in_their_minor_unit(
        client: stripe.StripeClient) -> None:
    rate = tax_rate(client, 10, inclusive=False)
    coupon = client.v1.coupons.create(params={"percent_off": 12.5})
    yen = product_price(client, 455, currency="jpy")
    made = session(client, [{"price": yen.id, "quantity": 1, "tax_rates": [rate.id]}],
                   discounts=[{"coupon": coupon.id}])
    # 455 - round(56.875)=57 -> 398, tax round(39.8)=40 -> 438
    assert made.amount_total == 438
    dinar = product_price(client, 1250, currency="kwd")
    made = session(client, [{"price": dinar.id, "quantity": 3, "tax_rates": [rate.id]}])
    assert made.amount_total == 4125


def test_promotion_code_typed_on_the_hosted_page_discounts_the_payment(
        client: stripe.StripeClient) -> None:
    coupon = client.v1.coupons.create(params={"percent_off": 20})
    promo = client.v1.promotion_codes.create(params={
        "promotion": {"type": "coupon", "coupon": coupon.id}, "code": "HAPPYHOUR"})
    price = product_price(client, 500)
    made = session(client, [{"price": price.id, "quantity": 2}], allow_promotion_codes=True)
    page = requests.get(str(made.url), timeout=10)
    assert "name='promotion_code'" in page.text
    wrong = pay_page(str(made.url), promotion_code="NOPE")
    assert wrong.status_code == 400 and "This code is invalid." in wrong.text
    paid = pay_page(str(made.url), promotion_code="happyhour")
    assert paid.status_code in (200, 303)
    done = client.v1.checkout.sessions.retrieve(made.id, params={"expand": ["payment_intent"]})
    assert done.status == "complete" and done.amount_total == 800
    assert done.discounts is not None and done.discounts[0].promotion_code == promo.id
    assert isinstance(done.payment_intent, stripe.PaymentIntent)
    assert done.payment_intent.amount == 800
    assert client.v1.promotion_codes.retrieve(promo.id).times_redeemed == 1
    assert client.v1.coupons.retrieve(coupon.id).times_redeemed == 1


def test_discounts_and_allow_promotion_codes_exclude_each_other(
        client: stripe.StripeClient) -> None:
    coupon = client.v1.coupons.create(params={"percent_off": 5})
    price = product_price(client, 500)
    with pytest.raises(stripe.InvalidRequestError, match="only specify one"):
        session(client, [{"price": price.id, "quantity": 1}], allow_promotion_codes=True,
                discounts=[{"coupon": coupon.id}])


def test_automatic_tax_charges_the_customers_country_rate(client: stripe.StripeClient) -> None:
    customer = client.v1.customers.create(params={"address": {"country": "DE"}})
    price = product_price(client, 1000, currency="eur")
    made = session(client, [{"price": price.id, "quantity": 1}], customer=customer.id,
                   automatic_tax={"enabled": True})
    assert made.automatic_tax.enabled and made.automatic_tax.status == "complete"
    assert made.amount_total == 1190


def test_payment_link_takes_a_typed_code_and_automatic_tax(
        client: stripe.StripeClient) -> None:
    coupon = client.v1.coupons.create(params={"amount_off": 50, "currency": "usd"})
    client.v1.promotion_codes.create(params={
        "promotion": {"type": "coupon", "coupon": coupon.id}, "code": "LINK50"})
    price = product_price(client, 400)
    link = client.v1.payment_links.create(params={
        "line_items": [{"price": price.id, "quantity": 1}], "allow_promotion_codes": True,
        "automatic_tax": {"enabled": True}})
    assert link.allow_promotion_codes is True and link.automatic_tax.enabled
    pay_page(str(link.url), promotion_code="LINK50")
    sessions = client.v1.checkout.sessions.list(params={"payment_link": link.id}).data
    # 400 - 50 = 350, plus the account's (US) 8.875% = 31 -> 381
    assert sessions[0].status == "complete" and sessions[0].amount_total == 381


def test_invoice_items_with_tax_rates_tax_the_invoice(client: stripe.StripeClient) -> None:
    customer = client.v1.customers.create(params={"email": "cash@example.com"})
    excl, incl = tax_rate(client, 10, inclusive=False), tax_rate(client, 20, inclusive=True)
    invoice = client.v1.invoices.create(params={"customer": customer.id, "currency": "usd"})
    assert invoice.id is not None
    client.v1.invoice_items.create(params={"customer": customer.id, "invoice": invoice.id,
                                           "amount": 1005, "currency": "usd",
                                           "tax_rates": [excl.id]})
    client.v1.invoice_items.create(params={"customer": customer.id, "invoice": invoice.id,
                                           "amount": 600, "currency": "usd",
                                           "tax_rates": [incl.id]})
    invoice = client.v1.invoices.retrieve(invoice.id)
    # 1005 + round(100.5)=101 exclusive; 600 holds 100 inclusive
    assert (invoice.subtotal, invoice.total, invoice.amount_due) == (1605, 1706, 1706)
    assert invoice.total_excluding_tax == 1505
    assert sorted(t.amount for t in invoice.total_taxes or []) == [100, 101]
    line = client.v1.invoices.line_items.list(invoice.id).data[0]
    assert line.taxes is not None and line.taxes[0].tax_rate_details is not None


def test_currency_options_price_a_session_in_another_currency(
        client: stripe.StripeClient) -> None:
    price = product_price(client, 450, currency_options={"eur": {"unit_amount": 420},
                                                         "jpy": {"unit_amount": 650}})
    assert "currency_options" not in client.v1.prices.retrieve(price.id)
    expanded = client.v1.prices.retrieve(price.id, params={"expand": ["currency_options"]})
    assert expanded.currency_options is not None
    assert expanded.currency_options["jpy"].unit_amount == 650
    made = session(client, [{"price": price.id, "quantity": 2}], currency="jpy")
    assert (made.currency, made.amount_total) == ("jpy", 1300)
    with pytest.raises(stripe.InvalidRequestError) as error:
        product_price(client, 100, currency_options={"usd": {"unit_amount": 1}})
    assert error.value.param == "currency_options[usd]"


def test_demo_seed_has_a_cafe_catalogue_discounts_tax_and_cart_sales(demo: Sandbox) -> None:
    client = stripe.StripeClient("sk_test_posapp_tests", base_addresses={"api": demo.url},
                                 max_network_retries=0)
    products = client.v1.products.list(params={"limit": 100}).data
    categories = {p.metadata["category"] for p in products if p.metadata and
                  "barcode" in p.metadata}
    assert {"Coffee", "Bakery", "Beans", "Gifts"} <= categories
    espresso = next(p for p in products if p.name == "Espresso")
    assert espresso.metadata is not None and len(espresso.metadata["barcode"]) == 13
    assert {c.code for c in client.v1.promotion_codes.list().data} == {"HAPPY10", "WELCOME"}
    assert [r.display_name for r in client.v1.tax_rates.list().data] == ["Sales tax"]
    sessions = client.v1.checkout.sessions.list(params={"limit": 100}).data
    taxed = [s for s in sessions if s.total_details and s.total_details.amount_tax]
    assert len(taxed) == 4 and all(s.status == "complete" for s in taxed)
    assert any(s.total_details and s.total_details.amount_discount for s in taxed)


def test_an_amount_off_coupon_takes_its_amount_in_each_of_its_currencies(
        client: stripe.StripeClient) -> None:
    coupon = client.v1.coupons.create(params={
        "amount_off": 100, "currency": "usd", "duration": "repeating",
        "duration_in_months": 3, "currency_options": {"jpy": {"amount_off": 150}}})
    assert coupon.duration_in_months == 3 and "currency_options" not in coupon
    expanded = client.v1.coupons.retrieve(coupon.id, params={"expand": ["currency_options"]})
    assert expanded.currency_options is not None
    assert expanded.currency_options["jpy"].amount_off == 150
    price = product_price(client, 450, currency_options={"jpy": {"unit_amount": 650}})
    made = session(client, [{"price": price.id, "quantity": 2}], currency="jpy",
                   discounts=[{"coupon": coupon.id}])
    assert (made.amount_subtotal, made.amount_total) == (1300, 1150)
    with pytest.raises(stripe.InvalidRequestError) as error:
        client.v1.coupons.create(params={"percent_off": 5,
                                         "currency_options": {"eur": {"amount_off": 1}}})
    assert error.value.param == "currency_options"


def test_a_coupon_past_redeem_by_or_used_up_is_refused_as_stripe_does(
        sandbox: Sandbox, client: stripe.StripeClient) -> None:
    with pytest.raises(stripe.InvalidRequestError) as past:
        client.v1.coupons.create(params={"percent_off": 5, "redeem_by": sandbox.state.now() - 1})
    assert past.value.param == "redeem_by" and "in the future" in str(past.value.user_message)
    once = client.v1.coupons.create(params={"percent_off": 10, "max_redemptions": 1})
    price = product_price(client, 500)
    made = session(client, [{"price": price.id, "quantity": 1}],
                   discounts=[{"coupon": once.id}])
    pay_page(str(made.url))
    assert client.v1.coupons.retrieve(once.id).valid is False
    assert [c.valid for c in client.v1.coupons.list().data] == [False]
    with pytest.raises(stripe.InvalidRequestError) as used_up:
        session(client, [{"price": price.id, "quantity": 1}], discounts=[{"coupon": once.id}])
    assert (used_up.value.code, used_up.value.param) == ("coupon_expired",
                                                         "discounts[0][coupon]")
    assert used_up.value.user_message == f"Coupon expired: {once.id}"
    with pytest.raises(stripe.InvalidRequestError) as no_code:
        client.v1.promotion_codes.create(params={"promotion": {"type": "coupon",
                                                               "coupon": once.id}})
    assert no_code.value.code == "coupon_expired"

    soon = client.v1.coupons.create(params={"percent_off": 10,
                                            "redeem_by": sandbox.state.now() + 60})
    with pytest.raises(stripe.InvalidRequestError) as later:
        client.v1.promotion_codes.create(params={
            "promotion": {"type": "coupon", "coupon": soon.id},
            "expires_at": sandbox.state.now() + 120})
    assert later.value.param == "expires_at"
    sandbox.state.clock_offset += 61
    assert client.v1.coupons.retrieve(soon.id).valid is False
    with pytest.raises(stripe.InvalidRequestError, match="Coupon expired"):
        session(client, [{"price": price.id, "quantity": 1}], discounts=[{"coupon": soon.id}])


def test_promotion_code_restrictions_are_enforced(client: stripe.StripeClient) -> None:
    coupon = client.v1.coupons.create(params={"percent_off": 10})
    big = client.v1.promotion_codes.create(params={
        "promotion": {"type": "coupon", "coupon": coupon.id}, "code": "BIG",
        "restrictions": {"minimum_amount": 1000, "minimum_amount_currency": "usd"}})
    first = client.v1.promotion_codes.create(params={
        "promotion": {"type": "coupon", "coupon": coupon.id}, "code": "FIRST",
        "max_redemptions": 1, "restrictions": {"first_time_transaction": True}})
    assert big.restrictions.minimum_amount == 1000 and first.restrictions.first_time_transaction
    price = product_price(client, 500)
    with pytest.raises(stripe.InvalidRequestError) as small:
        session(client, [{"price": price.id, "quantity": 1}],
                discounts=[{"promotion_code": big.id}])
    assert (small.value.code, small.value.param) == ("promotion_code_invalid",
                                                     "discounts[0][promotion_code]")
    assert session(client, [{"price": price.id, "quantity": 2}],
                   discounts=[{"promotion_code": big.id}]).amount_total == 900
    typed = session(client, [{"price": price.id, "quantity": 1}], allow_promotion_codes=True)
    refused = pay_page(str(typed.url), promotion_code="BIG")
    assert refused.status_code == 400 and "minimum amount" in refused.text

    regular = client.v1.customers.create(params={"email": "r@example.com"})
    client.v1.payment_intents.create(params={"amount": 100, "currency": "usd",
                                             "customer": regular.id, "confirm": True,
                                             "payment_method": "pm_card_visa"})
    with pytest.raises(stripe.InvalidRequestError, match="first-time customers"):
        session(client, [{"price": price.id, "quantity": 1}], customer=regular.id,
                discounts=[{"promotion_code": first.id}])
    newcomer = client.v1.customers.create(params={"email": "n@example.com"})
    made = session(client, [{"price": price.id, "quantity": 1}], customer=newcomer.id,
                   discounts=[{"promotion_code": first.id}])
    pay_page(str(made.url))
    with pytest.raises(stripe.InvalidRequestError, match="no longer valid"):
        session(client, [{"price": price.id, "quantity": 1}],
                discounts=[{"promotion_code": first.id}])
    with pytest.raises(stripe.InvalidRequestError) as half:
        client.v1.promotion_codes.create(params={
            "promotion": {"type": "coupon", "coupon": coupon.id},
            "restrictions": {"minimum_amount": 1000}})
    assert half.value.param == "restrictions[minimum_amount_currency]"


def test_tiered_prices_keep_their_tiers_and_price_checkout_by_stripes_rules(
        client: stripe.StripeClient) -> None:
    tiers = [{"up_to": 5, "unit_amount": 300}, {"up_to": 10, "unit_amount": 250},
             {"up_to": "inf", "unit_amount": 200, "flat_amount": 100}]
    graduated = tiered_price(client, tiers, tiers_mode="graduated")
    volume = tiered_price(client, tiers, tiers_mode="volume")
    assert (graduated.billing_scheme, graduated.tiers_mode, graduated.unit_amount) == (
        "tiered", "graduated", None)
    assert "tiers" not in graduated
    shown = client.v1.prices.retrieve(graduated.id, params={"expand": ["tiers"]})
    assert [(t.up_to, t.unit_amount, t.flat_amount) for t in shown.tiers or []] == [
        (5, 300, None), (10, 250, None), (None, 200, 100)]
    listed = client.v1.prices.list(params={"expand": ["data.tiers"]}).data
    assert all(p.tiers for p in listed)
    made = session(client, [{"price": graduated.id, "quantity": 12},
                            {"price": volume.id, "quantity": 12}])
    # graduated: 5×300 + 5×250 + 2×200 + 100 = 3250; volume: 12×200 + 100 = 2500
    assert made.amount_subtotal == 3250 + 2500
    with pytest.raises(stripe.InvalidRequestError) as no_mode:
        tiered_price(client, tiers)
    assert no_mode.value.param == "tiers_mode"
    with pytest.raises(stripe.InvalidRequestError, match="last tier"):
        tiered_price(client, [{"up_to": 5, "unit_amount": 1}], tiers_mode="volume")
    customer = client.v1.customers.create(params={"email": "t@example.com"})
    with pytest.raises(stripe.InvalidRequestError, match="per-unit price"):
        client.v1.invoice_items.create(params={"customer": customer.id,
                                               "pricing": {"price": volume.id}})
    monthly = tiered_price(client, tiers, tiers_mode="volume",
                           recurring={"interval": "month"})
    with pytest.raises(stripe.InvalidRequestError, match="per-unit price"):
        session(client, [{"price": monthly.id, "quantity": 2}], mode="subscription",
                success_url="https://example.com/done")
    with pytest.raises(stripe.InvalidRequestError, match="per-unit price"):
        client.v1.subscriptions.create(params={"customer": customer.id,
                                               "items": [{"price": monthly.id}]})


def test_stripe_tax_is_pending_until_the_head_office_is_set(client: stripe.StripeClient) -> None:
    settings = client.v1.tax.settings.retrieve()
    assert settings.status == "pending"
    assert settings.status_details.pending is not None
    assert settings.status_details.pending.missing_fields == ["head_office"]
    settings = client.v1.tax.settings.update(params={
        "head_office": {"address": {"country": "US", "state": "NY"}}})
    assert settings.status == "active" and settings.head_office is not None
    assert settings.head_office.address.country == "US"


def test_an_invoice_carries_a_coupon_per_line_and_taxes_what_is_left(
        client: stripe.StripeClient) -> None:
    customer = client.v1.customers.create(params={"email": "inv@example.com"})
    coupon = client.v1.coupons.create(params={"amount_off": 300, "currency": "usd"})
    promo = client.v1.promotion_codes.create(params={
        "promotion": {"type": "coupon", "coupon": coupon.id}, "code": "THREE"})
    excl = tax_rate(client, 10, inclusive=False)
    invoice = client.v1.invoices.create(params={
        "customer": customer.id, "currency": "usd",
        "discounts": [{"promotion_code": promo.id}]})
    assert invoice.id is not None
    for amount in (1000, 500):
        client.v1.invoice_items.create(params={"customer": customer.id, "invoice": invoice.id,
                                               "amount": amount, "currency": "usd",
                                               "tax_rates": [excl.id]})
    invoice = client.v1.invoices.retrieve(invoice.id,
                                          params={"expand": ["total_discount_amounts.discount"]})
    # 300 off split 200/100 by share; tax 10% of 800 and 400 -> 80 + 40
    assert (invoice.subtotal, invoice.total, invoice.total_excluding_tax) == (1500, 1320, 1200)
    [total_off] = invoice.total_discount_amounts or []
    assert total_off.amount == 300 and isinstance(total_off.discount, stripe.Discount)
    assert total_off.discount.promotion_code == promo.id
    assert total_off.discount.source.coupon == coupon.id
    lines = client.v1.invoices.line_items.list(invoice.id).data
    assert sorted(d.amount for line in lines for d in line.discount_amounts or []) == [100, 200]
    assert sorted(t.amount for line in lines for t in line.taxes or []) == [40, 80]
    paid = client.v1.invoices.pay(invoice.id, params={"paid_out_of_band": True})
    assert paid.status == "paid" and paid.amount_paid == 1320
    assert client.v1.promotion_codes.retrieve(promo.id).times_redeemed == 1

    used = client.v1.coupons.create(params={"percent_off": 5, "max_redemptions": 1})
    first = client.v1.invoices.create(params={"customer": customer.id,
                                              "discounts": [{"coupon": used.id}]})
    assert first.id is not None
    client.v1.invoice_items.create(params={"customer": customer.id, "invoice": first.id,
                                           "amount": 100, "currency": "usd"})
    client.v1.invoices.finalize_invoice(first.id)
    with pytest.raises(stripe.InvalidRequestError) as expired:
        client.v1.invoices.create(params={"customer": customer.id,
                                          "discounts": [{"coupon": used.id}]})
    assert expired.value.code == "coupon_expired"


def test_an_invoice_with_automatic_tax_charges_the_customers_country_rate(
        client: stripe.StripeClient) -> None:
    customer = client.v1.customers.create(params={"address": {"country": "GB"}})
    rate = tax_rate(client, 5, inclusive=False)
    invoice = client.v1.invoices.create(params={"customer": customer.id, "currency": "gbp",
                                                "automatic_tax": {"enabled": True}})
    assert invoice.id is not None and invoice.automatic_tax.enabled
    client.v1.invoice_items.create(params={"customer": customer.id, "invoice": invoice.id,
                                           "amount": 1001, "currency": "gbp"})
    invoice = client.v1.invoices.retrieve(invoice.id)
    # GB: VAT 20% exclusive in the sandbox's rule set -> round(200.2) = 200
    assert (invoice.total, [t.amount for t in invoice.total_taxes or []]) == (1201, [200])
    assert invoice.automatic_tax.status == "complete"
    assert rate.id not in str(invoice.total_taxes)
