"""The products panel's coupons and promotion codes, and tiered prices, against a live
sandbox: every kind of coupon the form offers reaches Stripe as typed, codes carry their
limits and restrictions, the lists show times redeemed, validity and expiry, Stripe's
refusals are shown, and a tiered price is shown read-only and kept off the sale grid."""

from __future__ import annotations

from datetime import datetime

import qasync
import stripe
from PySide6.QtCore import QDate
from ui_support import pay_hosted_page, run, sync_now, wait_until

from posapp.ui.catalogue.coupons_tab import CouponsTab
from posapp.ui.shell.main_window import MainWindow, Panel


def cells(table, row: int) -> list[str]:  # type: ignore[no-untyped-def]
    return [table.item(row, c).text() for c in range(table.columnCount())]


def row_of(table, text: str) -> int:  # type: ignore[no-untyped-def]
    for row in range(table.rowCount()):
        if table.item(row, 0).text() == text:
            return row
    raise AssertionError(f"no row {text}")


def open_coupons(window: MainWindow) -> CouponsTab:
    window.show_panel(Panel.PRODUCTS)
    window.products.tabs.setCurrentWidget(window.products.coupons_tab)
    return window.products.coupons_tab


def test_coupons_and_codes_reach_stripe_with_every_term_and_list_their_use(
        loop: qasync.QEventLoop, window: MainWindow, client: stripe.StripeClient) -> None:
    tab, message = open_coupons(window), window.products.message
    tab.coupon_name.setText("Loyalty")
    tab.kind.setCurrentIndex(tab.kind.findData("amount"))
    assert not tab.percent_off.isEnabled() and tab.amount_off.isEnabled()
    tab.amount_off.text_edit.setText("1.50")
    tab.other_amounts.setText("JPY 200, KWD 0.450")
    tab.duration.setCurrentIndex(tab.duration.findData("repeating"))
    assert tab.months.isEnabled()
    tab.months.setValue(3)
    tab.coupon_limit.setValue(50)
    tab.redeem_by.enabled.setChecked(True)
    last_day = QDate.currentDate().addDays(30)
    tab.redeem_by.day.setDate(last_day)
    made = run(loop, tab.make_coupon())
    assert made is not None and message.text() == "Coupon created."
    coupon = client.v1.coupons.retrieve(made["id"], params={"expand": ["currency_options"]})
    assert (coupon.name, coupon.amount_off, coupon.currency) == ("Loyalty", 150, "usd")
    assert coupon.currency_options is not None
    assert {k: v["amount_off"] for k, v in coupon.currency_options.to_dict().items()} == {
        "jpy": 200, "kwd": 450}
    assert (coupon.duration, coupon.duration_in_months, coupon.max_redemptions) == (
        "repeating", 3, 50)
    assert coupon.redeem_by is not None
    assert datetime.fromtimestamp(coupon.redeem_by).date() == last_day.toPython()
    row = row_of(tab.coupons, "Loyalty")
    assert cells(tab.coupons, row)[1:4] == ["$1.50", "3 months", "0 / 50"]
    assert cells(tab.coupons, row)[5] == "Valid" and cells(tab.coupons, row)[4]

    tab.kind.setCurrentIndex(tab.kind.findData("percent"))
    tab.coupon_name.setText("Once only")
    tab.percent_off.setText("20")
    tab.coupon_limit.setValue(1)
    once = run(loop, tab.make_coupon())
    assert once is not None and client.v1.coupons.retrieve(once["id"]).percent_off == 20
    tab.coupons.selectRow(row_of(tab.coupons, "Once only"))
    tab.code.setText("FIRSTVISIT")
    tab.code_limit.setValue(1)
    tab.first_time.setChecked(True)
    tab.minimum.text_edit.setText("5.00")
    tab.expires.enabled.setChecked(True)
    code = run(loop, tab.make_code())
    assert code is not None and message.text() == "Promotion code created."
    promo = client.v1.promotion_codes.retrieve(code["id"])
    assert (promo.code, promo.max_redemptions, promo.promotion.coupon) == (
        "FIRSTVISIT", 1, once["id"])
    assert promo.restrictions.first_time_transaction is True
    assert (promo.restrictions.minimum_amount,
            promo.restrictions.minimum_amount_currency) == (500, "usd")
    assert promo.expires_at is not None
    assert cells(tab.codes, 0)[:5] == ["FIRSTVISIT", "Once only", "0 / 1",
                                       cells(tab.codes, 0)[3], "first order, from $5.00"]
    assert cells(tab.codes, 0)[3] and cells(tab.codes, 0)[5] == "Active"

    # a customer redeems it: the lists say so once the poller brings the change
    price = client.v1.prices.create(params={"currency": "usd", "unit_amount": 600,
                                            "product_data": {"name": "Cake"}})
    paid = client.v1.checkout.sessions.create(params={
        "mode": "payment", "line_items": [{"price": price.id, "quantity": 1}],
        "discounts": [{"promotion_code": promo.id}]})
    run(loop, pay_hosted_page(str(paid.url)))
    sync_now(loop, window)
    wait_until(loop, lambda: cells(tab.codes, 0)[2] == "1 / 1", "the redemption listed")
    assert cells(tab.codes, 0)[5] == "Used up"
    assert cells(tab.coupons, row_of(tab.coupons, "Once only"))[3:] == [
        "1 / 1", "", "Used up"]

    # Stripe refuses a code for a used-up coupon: the panel says why, nothing is made
    tab.coupons.selectRow(row_of(tab.coupons, "Once only"))
    tab.code.setText("AGAIN")
    assert run(loop, tab.make_code()) is None
    assert "expired" in message.text().lower()
    assert [p.code for p in client.v1.promotion_codes.list().data] == ["FIRSTVISIT"]

    tab.codes.selectRow(0)
    run(loop, tab.deactivate())
    assert client.v1.promotion_codes.retrieve(promo.id).active is False
    assert cells(tab.codes, 0)[5] == "Inactive"
    tab.coupons.selectRow(row_of(tab.coupons, "Loyalty"))
    run(loop, tab.remove_coupon())
    assert client.v1.coupons.retrieve(made["id"]).deleted is True
    assert [cells(tab.coupons, r)[0] for r in range(tab.coupons.rowCount())] == ["Once only"]


def test_a_coupon_form_that_stripe_cannot_take_says_what_is_wrong_first(
        loop: qasync.QEventLoop, window: MainWindow, client: stripe.StripeClient) -> None:
    tab, message = open_coupons(window), window.products.message
    tab.percent_off.setText("ten")
    assert run(loop, tab.make_coupon()) is None
    assert message.text() == "Type the percentage off, e.g. 10."
    tab.kind.setCurrentIndex(tab.kind.findData("amount"))
    tab.amount_off.text_edit.setText("2")
    tab.other_amounts.setText("euros 4")
    assert run(loop, tab.make_coupon()) is None
    assert message.text().startswith("Write other currencies as a code and an amount")
    tab.other_amounts.clear()
    tab.code.setText("NOCOUPON")
    assert run(loop, tab.make_code()) is None
    assert message.text() == "Select the coupon the code is for."
    assert client.v1.coupons.list().data == []


def test_a_tiered_price_is_shown_read_only_and_not_sold_as_a_tile(
        loop: qasync.QEventLoop, window: MainWindow, client: stripe.StripeClient) -> None:
    product = client.v1.products.create(params={"name": "Beans by the kilo"})
    price = client.v1.prices.create(params={
        "product": product.id, "currency": "usd", "billing_scheme": "tiered",
        "tiers_mode": "graduated", "tiers": [{"up_to": 5, "unit_amount": 1200},
                                             {"up_to": "inf", "unit_amount": 1000,
                                              "flat_amount": 250}]})
    client.v1.products.update(product.id, params={"default_price": price.id})
    client.v1.products.create(params={"name": "Mug", "default_price_data": {
        "currency": "usd", "unit_amount": 900}})
    sync_now(loop, window)
    window.show_panel(Panel.PRODUCTS)
    panel = window.products
    wait_until(loop, lambda: panel.products.rowCount() == 2, "both products listed")
    row = row_of(panel.products, "Beans by the kilo")
    assert cells(panel.products, row)[1] == "Tiered (graduated)"
    assert not panel.tiers.isVisible()
    panel.products.selectRow(row)
    assert panel.tiers.isVisible() and panel.tier_note.text().startswith(
        "Beans by the kilo has a tiered price")
    assert [cells(panel.tiers, r) for r in range(panel.tiers.rowCount())] == [
        ["5", "$12.00", ""], ["and above", "$10.00", "$2.50"]]
    assert [item.name for item in window.sale.items] == ["Mug"]


def test_stripe_tax_chosen_in_settings_taxes_the_sale_at_payment_once_the_account_has_it(
        loop: qasync.QEventLoop, window: MainWindow, client: stripe.StripeClient) -> None:
    client.v1.products.create(params={"name": "Latte", "default_price_data": {
        "currency": "usd", "unit_amount": 500}})
    client.v1.tax_rates.create(params={"display_name": "Sales tax", "percentage": 5,
                                       "inclusive": False})
    sync_now(loop, window)
    state, sale = window.state, window.sale
    state.settings.set_stripe_tax(state.session.profile.name, True)
    assert run(loop, sale.choose_tax()) is False  # the account's tax settings are pending
    assert sale.message.text().startswith("Stripe Tax is not active on this account")
    assert sale.tax.isEnabled()

    client.v1.tax.settings.update(params={"head_office": {"address": {"country": "US"}}})
    assert run(loop, sale.choose_tax()) is True
    assert not sale.tax.isEnabled()
    wait_until(loop, lambda: len(sale.items) == 1, "the latte on the grid")
    sale.tax.setCurrentIndex(1)  # a rate chosen earlier is set aside
    sale.add(sale.items[0], 2)
    assert sale.tax_total.text() == "Calculated at payment"
    assert sale.total.text() == "$10.00"
    sale.request_collect()
    collect = window.collect
    collect.show_link.click()
    wait_until(loop, lambda: collect.request is not None, "the payment page")
    assert collect.request is not None
    page = client.v1.checkout.sessions.retrieve(collect.request.id,
                                                params={"expand": ["line_items"]})
    assert page.automatic_tax.enabled is True
    assert page.line_items is not None and all(
        not item.taxes for item in page.line_items.data if "taxes" in item)
    # the account is in the US: the sandbox's rule set adds 8.875% -> 88.75 -> 89
    assert (page.amount_subtotal, page.total_details.amount_tax, page.amount_total) == (
        1000, 89, 1089)
    state.settings.set_stripe_tax(state.session.profile.name, False)
    assert run(loop, sale.choose_tax()) is False and sale.tax.isEnabled()
