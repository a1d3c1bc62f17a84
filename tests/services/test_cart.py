"""The cart model: pricing examples worked by hand (percent and amount-off coupons, manual
line discounts, inclusive and exclusive tax, tips, JPY and KWD), properties that hold for
any cart (hypothesis), and any cart priced by Stripe's rules on the sandbox coming to the
same amount, to the minor unit."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from typing import Any

import pytest
import stripe
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sdk_support import TEST_KEY

from posapp.sandbox import running
from posapp.services.cart import Cart, Coupon, Line, ManualDiscount, TaxRate, Tip

VAT_INCL = TaxRate("txr_incl", "VAT", Decimal(20), inclusive=True)
SALES_TAX = TaxRate("txr_excl", "Sales tax", Decimal("8.875"), inclusive=False)


def test_exclusive_tax_after_a_percent_coupon_is_rounded_per_line() -> None:
    cart = (Cart("usd")
            .add(Line("Latte", 455, 3, tax_rates=(SALES_TAX,)))
            .add(Line("Cake", 333, tax_rates=(SALES_TAX,)))
            .with_coupon(Coupon("c15", "15% off", percent_off=Decimal(15))))
    totals = cart.totals()
    assert [(p.coupon_discount, p.tax, p.total) for p in totals.lines] == [
        (205, 103, 1263), (50, 25, 308)]
    assert (totals.subtotal, totals.discount, totals.tax, totals.total) == (1698, 255, 128, 1571)


def test_inclusive_tax_is_inside_the_price() -> None:
    totals = Cart("gbp").add(Line("Tea", 350, tax_rates=(VAT_INCL,))).totals()
    assert (totals.tax, totals.total) == (58, 350)


def test_amount_off_is_shared_by_line_subtotals() -> None:
    cart = (Cart("usd").add(Line("A", 200)).add(Line("B", 100))
            .with_coupon(Coupon("c1", "1 off", amount_off=100, currency="usd")))
    assert [p.coupon_discount for p in cart.totals().lines] == [67, 33]
    assert cart.totals().total == 200


def test_amount_off_in_another_currency_does_not_apply() -> None:
    cart = Cart("eur").add(Line("A", 200)).with_coupon(
        Coupon("c1", "1 off", amount_off=100, currency="usd"))
    assert cart.totals().total == 200


def test_coupon_restricted_to_products_spares_other_lines() -> None:
    cart = (Cart("usd").add(Line("Beans", 1000, product_id="prod_beans"))
            .add(Line("Mug", 1000, product_id="prod_mug"))
            .with_coupon(Coupon("c", "Beans 50%", percent_off=Decimal(50),
                                products=frozenset({"prod_beans"}))))
    assert [p.coupon_discount for p in cart.totals().lines] == [500, 0]


def test_same_price_added_twice_is_one_line_and_quantity_zero_removes_it() -> None:
    cart = Cart("usd").add(Line("Latte", 455, price_id="price_1"))
    cart = cart.add(Line("Latte", 455, price_id="price_1"))
    assert len(cart.lines) == 1 and cart.lines[0].quantity == 2
    assert cart.set_quantity(0, 0).is_empty


def test_manual_line_discount_is_capped_and_kept_with_its_reason() -> None:
    cart = Cart("usd").add(Line("Muffin", 300, 2)).discount_line(
        0, ManualDiscount("Day old", amount=900))
    assert cart.lines[0].discount == 600 and cart.lines[0].discount_reason == "Day old"
    assert cart.totals().total == 0
    assert cart.set_quantity(0, 1).lines[0].discount == 300


def test_a_percent_line_discount_follows_the_quantity() -> None:
    cart = Cart("usd").add(Line("Muffin", 333, 2)).discount_line(
        0, ManualDiscount("Staff", percent=Decimal(15)))
    assert cart.lines[0].discount == 100  # round(666 × 15 %) = round(99.9)
    assert cart.set_quantity(0, 3).lines[0].discount == 150  # round(149.85)


def test_a_whole_cart_discount_is_shared_over_the_lines_and_never_the_tip() -> None:
    cart = (Cart("usd").add(Line("A", 200, tax_rates=(SALES_TAX,))).add(Line("B", 100))
            .with_manual_discount(ManualDiscount("Regular", amount=100))
            .with_tip(Tip(amount=150)))
    totals = cart.totals()
    assert [p.line.discount for p in totals.lines] == [67, 33]
    # A: 133 + round(11.80) tax = 145; B: 67; tip 150 untouched
    assert (totals.discount, totals.tax, totals.tip, totals.total) == (100, 12, 150, 362)
    assert cart.discount_reasons == ("Regular",)
    percent = cart.with_manual_discount(ManualDiscount("Regular", percent=Decimal(50)))
    assert [p.line.discount for p in percent.totals().lines] == [100, 50]


def test_a_coupon_never_discounts_the_tip() -> None:
    cart = (Cart("usd").add(Line("Lunch", 1000)).with_tip(Tip(amount=200))
            .with_coupon(Coupon("c", "Half", percent_off=Decimal(50))))
    totals = cart.totals()
    assert (totals.discount, totals.tip, totals.total) == (500, 200, 700)
    amount_off = cart.with_coupon(Coupon("c", "5 off", amount_off=5000, currency="usd"))
    assert amount_off.totals().total == 200  # everything but the tip


def test_tip_percent_is_of_the_goods_total_and_untaxed() -> None:
    cart = Cart("usd").add(Line("Lunch", 1000, tax_rates=(SALES_TAX,))).with_tip(
        Tip(percent=Decimal(15)))
    totals = cart.totals()
    # goods 1000 + 89 tax = 1089; 15% = 163.35 -> 163
    assert (totals.tax, totals.tip, totals.total) == (89, 163, 1252)
    assert cart.priced_lines()[-1].description == "Tip"


def test_yen_and_dinar_round_in_their_own_minor_unit() -> None:
    ten = TaxRate("t", "JCT", Decimal(10), inclusive=False)
    yen = Cart("jpy").add(Line("Onigiri", 455, tax_rates=(ten,))).with_coupon(
        Coupon("c", "12.5%", percent_off=Decimal("12.5")))
    assert yen.totals().total == 438
    dinar = Cart("kwd").add(Line("Karak", 1250, 3, tax_rates=(ten,)))
    assert dinar.totals().total == 4125


rates = st.sampled_from([(), (VAT_INCL,), (SALES_TAX,), (SALES_TAX, VAT_INCL)])
lines = st.builds(Line, description=st.just("Item"),
                  unit_amount=st.integers(min_value=0, max_value=200_000),
                  quantity=st.integers(min_value=1, max_value=20), tax_rates=rates)
coupons = st.one_of(
    st.none(),
    st.builds(Coupon, id=st.just("c"), name=st.just("c"),
              percent_off=st.decimals(min_value=1, max_value=100, places=2)),
    st.builds(Coupon, id=st.just("c"), name=st.just("c"),
              amount_off=st.integers(min_value=1, max_value=500_000), currency=st.just("usd")))
tips = st.one_of(st.just(Tip()), st.builds(Tip, percent=st.sampled_from([Decimal(10),
                                                                          Decimal(15)])),
                 st.builds(Tip, amount=st.integers(min_value=1, max_value=5_000)))
manual = st.one_of(
    st.none(),
    st.builds(ManualDiscount, reason=st.just("r"),
              percent=st.decimals(min_value=1, max_value=100, places=1)),
    st.builds(ManualDiscount, reason=st.just("r"), amount=st.integers(1, 300_000)))
carts = st.builds(
    lambda ls, own, c, t, m: Cart("usd", tuple(
        line if index else replace(line, manual=own)
        for index, line in enumerate(ls)), c, t, m),
    st.lists(lines, min_size=1, max_size=6), manual, coupons, tips, manual)


@given(carts)
def test_totals_add_up(cart: Cart) -> None:
    totals = cart.totals()
    exclusive = sum(rate.tax(p.subtotal - p.coupon_discount) for p in totals.lines
                    for rate in p.line.tax_rates if not rate.inclusive)
    assert totals.total == totals.subtotal - totals.discount + exclusive + totals.tip
    assert all(0 <= p.coupon_discount <= p.subtotal and p.total >= 0 for p in totals.lines)


@given(carts)
def test_an_amount_off_coupon_takes_exactly_its_amount_or_everything(cart: Cart) -> None:
    coupon = cart.coupon
    if coupon is None or coupon.amount_off is None:
        return
    priced = cart.priced()
    assert sum(p.coupon_discount for p in priced) == min(
        coupon.amount_off, sum(p.subtotal for p in priced if not p.line.is_tip))


# Against Stripe's rules on the sandbox ---------------------------------------------------


@pytest.fixture(scope="module")
def shop() -> Any:
    with running() as server:
        client = stripe.StripeClient(TEST_KEY, base_addresses={"api": server.url},
                                     max_network_retries=0)
        made = {}
        for rate in (VAT_INCL, SALES_TAX):
            made[rate.id] = client.v1.tax_rates.create(params={
                "display_name": rate.name, "percentage": float(rate.percentage),
                "inclusive": rate.inclusive}).id
        for name in ("goods", "tip"):
            made[name] = client.v1.products.create(params={"name": name}).id
        yield client, made


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cart=carts, currency=st.sampled_from(["usd", "jpy", "kwd"]))
def test_stripe_charges_what_the_cart_shows(shop: Any, cart: Cart, currency: str) -> None:
    client, rate_ids = shop
    cart = Cart(currency, cart.lines, cart.coupon and (
        cart.coupon if cart.coupon.percent_off is not None
        else Coupon("c", "c", amount_off=cart.coupon.amount_off, currency=currency)), cart.tip,
        cart.manual)
    discounts: Any = []
    if cart.coupon is not None:
        # A coupon restricted to the goods, as the tip is never discounted.
        params: Any = ({"percent_off": float(cart.coupon.percent_off)}
                       if cart.coupon.percent_off is not None
                       else {"amount_off": cart.coupon.amount_off, "currency": currency})
        params["applies_to"] = {"products": [rate_ids["goods"]]}
        discounts = [{"coupon": client.v1.coupons.create(params=params).id}]
    # A line discounted by hand goes as one item at its reduced subtotal.
    items: Any = [{"quantity": 1 if line.discount else line.quantity,
                   "price_data": {"currency": currency,
                                  "unit_amount": line.subtotal if line.discount
                                  else line.unit_amount,
                                  "product": rate_ids["tip" if line.is_tip else "goods"]},
                   **({"tax_rates": [rate_ids[r.id] for r in line.tax_rates]}
                      if line.tax_rates else {})}
                  for line in cart.priced_lines()]
    session = client.v1.checkout.sessions.create(params={
        "mode": "payment", "line_items": items, "discounts": discounts})
    totals = cart.totals()
    assert session.amount_total == totals.total
    assert session.total_details is not None
    assert session.total_details.amount_tax == totals.tax
