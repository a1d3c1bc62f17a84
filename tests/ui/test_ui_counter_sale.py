"""The sale screen against a live sandbox: a sale rung up by mouse (tiles, tip button) and
by keyboard only (a barcode scanner's keystrokes + Enter, quantities typed in the cart, a
promotion code, Ctrl+Enter), tendered through the collect screen's sale states by
Checkout, saved card and cash, each ending with Stripe holding the cart's amount once; a
product archived at Stripe leaves the grid through the poller."""

from __future__ import annotations

from pathlib import Path

import qasync
import stripe
from PySide6.QtCore import Qt
from PySide6.QtPdf import QPdfDocument
from PySide6.QtTest import QTest
from ui_support import customer_with_card, pay_hosted_page, run, sync_now, wait_until

from posapp.sandbox import Sandbox
from posapp.services.receipts import receipt_for
from posapp.services.sale_tenders import request_cart_payment
from posapp.ui.catalogue.receipt_pdf import write_receipt_pdf
from posapp.ui.catalogue.sale_panel import SalePanel
from posapp.ui.payments.collect_panel import Sale
from posapp.ui.shell.main_window import MainWindow, Panel


def stock(client: stripe.StripeClient) -> dict[str, str]:
    """A café catalogue at the sandbox: two drinks, a pastry, a tax rate and a code."""
    made = {}
    for name, amount, category, barcode in (("Latte", 455, "Drinks", "5012345678900"),
                                            ("Espresso", 350, "Drinks", "5012345678917"),
                                            ("Croissant", 330, "Bakery", "4006381333931")):
        product = client.v1.products.create(params={
            "name": name, "metadata": {"category": category, "barcode": barcode,
                                       "sku": name[:3].upper()},
            "default_price_data": {"currency": "usd", "unit_amount": amount}})
        made[name] = product.id
    made["tax"] = client.v1.tax_rates.create(params={
        "display_name": "Sales tax", "percentage": 8.875, "inclusive": False}).id
    coupon = client.v1.coupons.create(params={"percent_off": 10, "name": "Ten off"})
    client.v1.promotion_codes.create(params={"promotion": {"type": "coupon",
                                                           "coupon": coupon.id},
                                             "code": "TENOFF"})
    return made


def open_sale(loop: qasync.QEventLoop, window: MainWindow,
              client: stripe.StripeClient) -> tuple[SalePanel, dict[str, str]]:
    made = stock(client)
    sync_now(loop, window)
    window.show_panel(Panel.SALE)
    sale = window.sale
    wait_until(loop, lambda: len(sale.items) == 3, "the catalogue in the grid")
    return sale, made


def tile(sale: SalePanel, name: str):  # type: ignore[no-untyped-def]
    for index in range(sale.grid.count()):
        item = sale.grid.itemAt(index)
        widget = item.widget() if item is not None else None
        if widget is not None and widget.text().startswith(name):
            return widget
    raise AssertionError(f"no tile {name}")


def pdf_text(path: Path) -> str:
    document = QPdfDocument()
    assert document.load(str(path)) == QPdfDocument.Error.None_
    return "\n".join(document.getAllText(page).text() for page in range(document.pageCount()))


def test_mouse_sale_with_tax_and_tip_paid_on_checkout_and_its_receipts(
        loop: qasync.QEventLoop, window: MainWindow, client: stripe.StripeClient,
        tmp_path: Path) -> None:
    sale, _ = open_sale(loop, window, client)
    assert [sale.tabs.tabText(i) for i in range(sale.tabs.count())] == [
        "All", "Bakery", "Drinks"]
    sale.tabs.setCurrentIndex(2)
    assert sale.grid.count() == 2
    sale.tax.setCurrentIndex(1)
    QTest.mouseClick(tile(sale, "Latte"), Qt.MouseButton.LeftButton)
    QTest.mouseClick(tile(sale, "Latte"), Qt.MouseButton.LeftButton)
    sale.tabs.setCurrentIndex(1)
    QTest.mouseClick(tile(sale, "Croissant"), Qt.MouseButton.LeftButton)
    QTest.mouseClick(sale.tip_buttons.button(2), Qt.MouseButton.LeftButton)  # 15 %
    totals = sale.cart.totals()
    # 910 + 81 tax, 330 + 29 tax = 1350; 15 % tip = 203
    assert (totals.tax, totals.tip, totals.total) == (110, 203, 1553)
    assert sale.total.text() == "$15.53"

    QTest.mouseClick(sale.collect, Qt.MouseButton.LeftButton)
    assert window.current_panel() is Panel.COLLECT
    collect = window.collect
    assert collect.cart is not None and not collect.amount.isEnabled()
    QTest.mouseClick(collect.show_link, Qt.MouseButton.LeftButton)
    wait_until(loop, lambda: collect.sale is Sale.WAITING, "the payment page")
    request = collect.request
    assert request is not None and request.amount == 1553
    run(loop, pay_hosted_page(request.url))
    wait_until(loop, collect.view.is_paid, "Paid")
    session = client.v1.checkout.sessions.retrieve(request.id)
    assert session.amount_total == 1553
    assert session.total_details is not None and session.total_details.amount_tax == 110
    status = collect.last_status
    assert status is not None and status.payment_intent_id is not None
    sync_now(loop, window)
    state = window.state
    receipt = run(loop, state.run(receipt_for, state.session, status.payment_intent_id))
    assert [(line.description, line.quantity) for line in receipt.lines] == [
        ("Latte", 2), ("Croissant", 1), ("Tip", 1)]
    assert (receipt.tax, receipt.tip, receipt.total) == (110, 203, 1553)
    for paper in ("80mm", "a4"):
        path = tmp_path / f"receipt-{paper}.pdf"
        write_receipt_pdf(receipt, state.formats, "Sandbox Coffee", path, paper)
        document = QPdfDocument()
        assert document.load(str(path)) == QPdfDocument.Error.None_
        assert document.pageCount() == 1
        text = "".join(pdf_text(path).split())  # wrapped lines joined
        for shown in ("Sandbox Coffee", "2 × Latte", "Croissant", "Tax", "$1.10", "Tip",
                      "$2.03", "Total", "$15.53", "4242", status.payment_intent_id):
            assert "".join(shown.split()) in text, (paper, shown)
    assert collect.receipt_box.isVisibleTo(window)
    saved = run(loop, collect.save_receipt(tmp_path / "from-screen.pdf", "a4"))
    assert saved is not None and "$15.53" in pdf_text(saved)
    offline = receipt_for(state.session, status.payment_intent_id, online=False)
    assert [line.description for line in offline.lines] == ["2 × Latte, Croissant"]
    assert (offline.tax, offline.tip, offline.total) == (110, 203, 1553)
    QTest.keyClick(collect.view.new_sale, Qt.Key.Key_Return)
    assert sale.cart.is_empty and collect.cart is None


def test_keyboard_only_sale_with_scanner_and_code_paid_in_cash(
        loop: qasync.QEventLoop, window: MainWindow, client: stripe.StripeClient) -> None:
    sale, _ = open_sale(loop, window, client)
    sale.scan.setFocus()
    QTest.keyClicks(sale.scan, "5012345678917")  # a scanner types the barcode...
    QTest.keyClick(sale.scan, Qt.Key.Key_Return)  # ...and Enter
    QTest.keyClicks(sale.scan, "croiss")
    assert [i.name for i in sale.shown] == ["Croissant"]
    QTest.keyClick(sale.scan, Qt.Key.Key_Return)
    QTest.keyClicks(sale.scan, "0000000000000")
    QTest.keyClick(sale.scan, Qt.Key.Key_Return)
    assert sale.message.text() == "No product has the code “0000000000000”."
    sale.scan.clear()
    QTest.keyClick(sale.scan, Qt.Key.Key_Down)
    assert sale.lines.hasFocus()
    QTest.keyClick(sale.lines, Qt.Key.Key_3)  # three espressos
    QTest.keyClick(sale.lines, Qt.Key.Key_Plus)  # four
    assert [(line.description, line.quantity) for line in sale.cart.lines] == [
        ("Espresso", 4), ("Croissant", 1)]
    sale.code.setFocus()
    QTest.keyClicks(sale.code, "tenoff")
    QTest.keyClick(sale.code, Qt.Key.Key_Return)
    assert sale.discount_label.text() == "Ten off"
    assert sale.cart.totals().total == 1557  # (1400 + 330) less 10 %
    QTest.keyClick(sale, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    collect = window.collect
    assert window.current_panel() is Panel.COLLECT and collect.cart is not None
    collect.cash.click()
    wait_until(loop, lambda: collect.sale is Sale.PAID, "paid in cash")
    collect.cash.click()  # a second click after Paid does nothing
    invoices = client.v1.invoices.list(params={"limit": 10}).data
    assert [(i.total, i.status) for i in invoices] == [(1557, "paid")]


def test_saved_card_pays_the_cart_once(
        loop: qasync.QEventLoop, window: MainWindow, client: stripe.StripeClient) -> None:
    buyer = customer_with_card(client, "pm_card_visa", "Ada Buyer")
    sale, _ = open_sale(loop, window, client)
    sale.add(sale.items[0])
    sale.add(sale.items[1])
    sale.request_collect()
    collect = window.collect
    collect.customer.set_customer(window.state.cache.get("customers", buyer.id))
    collect.charge.click()
    collect.charge.click()
    wait_until(loop, collect.view.is_paid, "Paid")
    intents = client.v1.payment_intents.list(params={"customer": buyer.id}).data
    assert [(i.amount, i.status) for i in intents] == [(sale.cart.totals().total,
                                                        "succeeded")]


def test_a_product_archived_at_stripe_leaves_the_grid(
        loop: qasync.QEventLoop, window: MainWindow, client: stripe.StripeClient) -> None:
    sale, made = open_sale(loop, window, client)
    client.v1.products.update(made["Espresso"], params={"active": False})
    sync_now(loop, window)
    wait_until(loop, lambda: len(sale.items) == 2, "the archived product gone")
    assert "Espresso" not in [i.name for i in sale.items]


def test_products_panel_creates_reprices_and_archives_through_stripe(
        loop: qasync.QEventLoop, window: MainWindow, client: stripe.StripeClient) -> None:
    window.show_panel(Panel.PRODUCTS)
    panel = window.products
    panel.name.setText("Oat flat white")
    panel.price.setText("4.80")
    panel.sku.setText("OFW-1")
    panel.barcode.setText("5012345678924")
    panel.category.setText("Drinks")
    made = run(loop, panel.create_product())
    assert made is not None and panel.message.text() == "Product created."
    at_stripe = client.v1.products.retrieve(made["id"])
    assert at_stripe.metadata is not None
    assert {k: at_stripe.metadata[k] for k in ("sku", "barcode", "category")} == {
        "sku": "OFW-1", "barcode": "5012345678924", "category": "Drinks"}
    assert [panel.products.item(0, c).text() for c in range(3)] == [
        "Oat flat white", "$4.80", "OFW-1"]

    window.show_panel(Panel.SALE)
    assert window.jump_to("products", made["id"])  # what search opens
    assert window.current_panel() is Panel.PRODUCTS and panel.products.currentRow() == 0
    panel.new_amount.setText("5.10")
    new = run(loop, panel.change_amount())
    assert new is not None and new["unit_amount"] == 510
    assert panel.message.text().startswith("Stripe prices cannot change: a new price was made")
    old = client.v1.prices.retrieve(str(made["default_price"]))
    assert old.active is False
    assert client.v1.products.retrieve(made["id"]).default_price == new["id"]
    assert window.sale.items[0].unit_amount == 510

    panel.products.selectRow(0)
    run(loop, panel.toggle_archived())
    assert client.v1.products.retrieve(made["id"]).active is False
    assert window.sale.items == []

    panel.rate_name.setText("VAT")
    panel.rate_percent.setText("20")
    panel.rate_inclusive.setChecked(True)
    run(loop, panel.make_tax_rate())
    [rate] = client.v1.tax_rates.list().data
    assert (rate.percentage, rate.inclusive) == (20, True)


def test_a_receipt_reprints_from_the_payment_offline(
        loop: qasync.QEventLoop, window: MainWindow, client: stripe.StripeClient,
        sandbox: Sandbox, tmp_path: Path) -> None:
    sale, _ = open_sale(loop, window, client)
    sale.tax.setCurrentIndex(1)
    for item in sale.items:
        sale.add(item)
    state = window.state
    request = run(loop, state.run(request_cart_payment, state.session, sale.cart))
    run(loop, pay_hosted_page(request.url))
    sync_now(loop, window)
    [paid] = [s for s in client.v1.checkout.sessions.list().data if s.id == request.id]
    assert paid.payment_intent is not None
    sandbox.stop()
    state.expect_activity()
    wait_until(loop, lambda: not state.online, "the app to notice it is offline")
    window.show_panel(Panel.PAYMENTS)
    assert window.payments.show_object(str(paid.payment_intent))
    detail = window.payments.detail
    assert detail.receipt.isEnabled()
    saved = run(loop, detail.save_receipt(tmp_path / "reprint.pdf"))
    assert saved is not None
    text = "".join(pdf_text(saved).split())
    for shown in ("Croissant", "Espresso", "Latte", "Tax", "$1.00", "Total", "$12.35", "4242"):
        assert shown in text, shown


def test_the_customer_types_a_promotion_code_on_the_checkout_page(
        loop: qasync.QEventLoop, window: MainWindow, client: stripe.StripeClient) -> None:
    sale, _ = open_sale(loop, window, client)
    for item in sale.items:
        sale.add(item)
    assert sale.cart.totals().total == 1135
    sale.request_collect()
    collect = window.collect
    assert collect.allow_codes.isVisibleTo(window)
    collect.allow_codes.setChecked(True)
    collect.show_link.click()
    wait_until(loop, lambda: collect.sale is Sale.WAITING, "the payment page")
    request = collect.request
    assert request is not None and request.amount == 1135
    run(loop, pay_hosted_page(request.url, promotion_code="tenoff"))
    wait_until(loop, collect.view.is_paid, "Paid")
    # 10 % off each line: 33 + 35 + round(45.5) = 114 off 1135
    assert collect.last_status is not None and collect.last_status.amount == 1021
    assert collect.view.amount.text() == "$10.21"
    assert client.v1.promotion_codes.list().data[0].times_redeemed == 1
