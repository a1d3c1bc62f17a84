"""The sale screen against a live sandbox: a sale rung up by mouse (tiles, tip button) and
by keyboard only (a barcode scanner's keystrokes + Enter, quantities typed in the cart, a
promotion code, Ctrl+Enter), tendered through the collect screen's sale states by
Checkout, saved card and cash, each ending with Stripe holding the cart's amount once; a
product archived at Stripe leaves the grid through the poller."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
import qasync
import stripe
from PySide6.QtCore import Qt
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QSpinBox
from sdk_support import lose_answers
from ui_support import customer_with_card, pay_hosted_page, run, sync_now, wait_until

from posapp.sandbox import Sandbox
from posapp.services.receipts import receipt_for
from posapp.services.sale_tenders import METADATA_REFUND_LINES, request_cart_payment
from posapp.ui.catalogue.receipt_pdf import Shop, write_receipt_pdf
from posapp.ui.catalogue.sale_panel import SalePanel
from posapp.ui.payments.collect_panel import Sale
from posapp.ui.shell.main_window import MainWindow, Panel
from posapp.ui.widgets.qr_code import qr_image, qr_matrix


def stock(client: stripe.StripeClient, currency: str = "usd",
          scale: int = 1) -> dict[str, str]:
    """A café catalogue at the sandbox: two drinks, a pastry, a tax rate and a code (prices
    in `currency`, `scale` times the dollar cents)."""
    made = {}
    for name, amount, category, barcode in (("Latte", 455, "Drinks", "5012345678900"),
                                            ("Espresso", 350, "Drinks", "5012345678917"),
                                            ("Croissant", 330, "Bakery", "4006381333931")):
        product = client.v1.products.create(params={
            "name": name, "metadata": {"category": category, "barcode": barcode,
                                       "sku": name[:3].upper()},
            "default_price_data": {"currency": currency, "unit_amount": amount * scale}})
        made[name] = product.id
    made["tax"] = client.v1.tax_rates.create(params={
        "display_name": "Sales tax", "percentage": 8.875, "inclusive": False}).id
    coupon = client.v1.coupons.create(params={"percent_off": 10, "name": "Ten off"})
    client.v1.promotion_codes.create(params={"promotion": {"type": "coupon",
                                                           "coupon": coupon.id},
                                             "code": "TENOFF"})
    return made


def open_sale(loop: qasync.QEventLoop, window: MainWindow, client: stripe.StripeClient,
              currency: str = "usd", scale: int = 1) -> tuple[SalePanel, dict[str, str]]:
    made = stock(client, currency, scale)
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
        shop = Shop("Sandbox Coffee", "1 Bean Street\nPortland", "Tax ID: US-12-345")
        write_receipt_pdf(receipt, state.formats, shop, path, paper)
        document = QPdfDocument()
        assert document.load(str(path)) == QPdfDocument.Error.None_
        assert document.pageCount() == 1
        text = "".join(pdf_text(path).split())  # wrapped lines joined
        for shown in ("Sandbox Coffee", "1 Bean Street", "Portland", "Tax ID: US-12-345",
                      "2 × Latte", "Croissant", "Tax", "$1.10", "Tip",
                      "$2.03", "Total", "$15.53", "4242", status.payment_intent_id):
            assert "".join(shown.split()) in text, (paper, shown)
    assert collect.receipt_box.isVisibleTo(window)
    saved = run(loop, collect.save_receipt(tmp_path / "from-screen.pdf", "a4"))
    assert saved is not None and "$15.53" in pdf_text(saved)
    assert "VAT" not in pdf_text(saved)  # neither the settings nor the account have one
    # The account's VAT number (Stripe's Tax IDs) prints while the settings name none ...
    client.v1.tax_ids.create(params={"type": "gb_vat", "value": "GB123456789"})
    run(loop, state.refresh_account())
    saved = run(loop, collect.save_receipt(tmp_path / "with-vat.pdf", "80mm"))
    assert saved is not None and "VAT GB123456789" in " ".join(pdf_text(saved).split())
    roll = QPdfDocument()
    assert roll.load(str(saved)) == QPdfDocument.Error.None_ and roll.pageCount() == 1
    # ... and the business settings' tax ID replaces it.
    state.settings.set_business(state.profile.name, {"tax_id": "GB999999973"})
    saved = run(loop, collect.save_receipt(tmp_path / "settings-vat.pdf", "80mm"))
    assert saved is not None
    text = " ".join(pdf_text(saved).split())  # lines wrapped on the roll joined
    assert "Tax ID: GB999999973" in text and "GB123456789" not in text
    offline = receipt_for(state.session, status.payment_intent_id, online=False)
    # Offline the lines come from the sale's itemisation in the payment's metadata.
    assert [(line.description, line.quantity, line.amount) for line in offline.lines] == [
        ("Latte", 2, 991), ("Croissant", 1, 359), ("Tip", 1, 203)]
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
    client.v1.tax_ids.create(params={"type": "gb_vat", "value": "GB123456789"})
    run(loop, state.refresh_account())
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
    for shown in ("Croissant", "Espresso", "Latte", "Tax", "$1.00", "Total", "$12.35", "4242",
                  "VATGB123456789"):  # the account's tax ID, as cached
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


def discount(sale: SalePanel, amount: str, reason: str, *, whole_cart: bool) -> bool:
    sale.manual_amount.setText(amount)
    sale.manual_reason.setText(reason)
    return sale.give_discount(whole_cart=whole_cart)


def test_manual_discounts_need_the_stations_permission_and_reach_stripe_and_the_receipt(
        loop: qasync.QEventLoop, window: MainWindow, client: stripe.StripeClient,
        tmp_path: Path) -> None:
    state = window.state
    state.settings.set_business(state.session.profile.name, {
        "name": "Sandbox Coffee", "address": "1 Bean Street", "tax_id": "US-12-345"})
    sale, _ = open_sale(loop, window, client)
    assert not sale.manual_box.isVisibleTo(window)  # not allowed: the default
    QTest.mouseClick(tile(sale, "Latte"), Qt.MouseButton.LeftButton)
    QTest.mouseClick(tile(sale, "Latte"), Qt.MouseButton.LeftButton)
    QTest.mouseClick(tile(sale, "Croissant"), Qt.MouseButton.LeftButton)
    sale.lines.selectRow(0)
    assert not discount(sale, "10%", "Day old", whole_cart=False)
    assert sale.message.text() == "Manual discounts are not allowed at this station."

    state.settings.manual_discount_limit = 20
    window.show_panel(Panel.COLLECT)
    window.show_panel(Panel.SALE)
    assert sale.manual_box.isVisibleTo(window)
    sale.lines.selectRow(0)
    assert not discount(sale, "25%", "Day old", whole_cart=False)
    assert sale.message.text() == "At most 20% off can be given at this station."
    assert not discount(sale, "10%", "", whole_cart=False)
    assert sale.message.text() == "Say why: a manual discount needs a reason."
    assert discount(sale, "10%", "Day old", whole_cart=False)
    assert sale.lines.item(0, 0).text() == "Latte (-$0.91: Day old)"
    # Keyboard: Enter in the reason box with no line chosen discounts the whole cart.
    sale.lines.clearSelection()
    sale.lines.setCurrentCell(-1, -1)
    sale.manual_amount.setText("1.00")
    QTest.keyClicks(sale.manual_reason, "Regular")
    QTest.keyClick(sale.manual_reason, Qt.Key.Key_Return)
    totals = sale.cart.totals()
    # Lattes 910 - 91 = 819, croissant 330; 1.00 shared 71 / 29 by those subtotals.
    assert (totals.discount, totals.total) == (191, 1049)
    assert sale.discount.text() == "-$1.91 (Regular)"

    sale.request_collect()
    collect = window.collect
    QTest.mouseClick(collect.show_link, Qt.MouseButton.LeftButton)
    wait_until(loop, lambda: collect.sale is Sale.WAITING, "the payment page")
    request = collect.request
    assert request is not None
    assert client.v1.checkout.sessions.retrieve(request.id).amount_total == 1049
    run(loop, pay_hosted_page(request.url))
    wait_until(loop, collect.view.is_paid, "Paid")
    sync_now(loop, window)
    saved = run(loop, collect.save_receipt(tmp_path / "discounted.pdf", "80mm"))
    assert saved is not None
    text = "".join(pdf_text(saved).split())
    for shown in ("SandboxCoffee", "1BeanStreet", "TaxID:US-12-345", "2×Latte",
                  "Discount(Dayold;Regular)", "-$1.91", "$10.49"):
        assert shown in text, shown


def test_the_print_dialog_prints_the_receipt_with_the_shops_address_and_tax_id(
        loop: qasync.QEventLoop, window: MainWindow, client: stripe.StripeClient,
        tmp_path: Path) -> None:
    state = window.state
    state.settings.set_business(state.session.profile.name, {
        "name": "Sandbox Coffee", "address": "1 Bean Street\nPortland OR", "tax_id": "EIN 12-3",
        "footer": "See you tomorrow"})
    buyer = customer_with_card(client, "pm_card_visa", "Pat Printer")
    sale, _ = open_sale(loop, window, client)
    sale.add(sale.items[0])
    sale.request_collect()
    collect = window.collect
    collect.customer.set_customer(state.cache.get("customers", buyer.id))
    collect.charge.click()
    wait_until(loop, collect.view.is_paid, "Paid")
    sync_now(loop, window)
    assert collect.print_receipt.isVisibleTo(window)
    dialog = run(loop, collect.open_print())
    assert isinstance(dialog, QPrintPreviewDialog) and dialog.isVisible()
    # What the preview shows is what its Print button sends to the printer chosen: here
    # a PDF file.
    path = tmp_path / "printed.pdf"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    dialog.paintRequested.emit(printer)
    dialog.close()
    text = "".join(pdf_text(path).split())
    for shown in ("SandboxCoffee", "1BeanStreet", "PortlandOR", "TaxID:EIN12-3", "Croissant",
                  "$3.30", "Seeyoutomorrow"):
        assert shown in text, shown


def test_lines_picked_for_a_refund_are_refunded_once_even_when_the_answer_is_lost(
        loop: qasync.QEventLoop, window: MainWindow, client: stripe.StripeClient) -> None:
    buyer = customer_with_card(client, "pm_card_visa", "Rhea Refund")
    sale, _ = open_sale(loop, window, client)
    sale.tax.setCurrentIndex(1)
    for item in sale.items:
        sale.add(item, 2)
    sale.request_collect()
    collect = window.collect
    collect.customer.set_customer(window.state.cache.get("customers", buyer.id))
    collect.charge.click()
    wait_until(loop, collect.view.is_paid, "Paid")
    payment = collect.paid_intent()
    assert payment is not None
    sync_now(loop, window)
    window.show_panel(Panel.PAYMENTS)
    assert window.payments.show_object(payment)
    dialog = window.payments.detail.open_refund()
    assert dialog.lines.isVisibleTo(dialog)
    assert [dialog.lines.item(r, 0).text() for r in range(3)] == [
        "2 × Croissant", "2 × Espresso", "2 × Latte"]
    # Croissants 660 + 59 tax = 719: one back is round(359.5) = 360, the other 359.
    dialog.set_back(0, 1)
    assert dialog.amount.amount() == 360 and dialog.amount.text_edit.isReadOnly()
    dropping = lose_answers(window.state.session.gateway, "/v1/refunds")
    assert run(loop, dialog.send(confirmed=True)) is None
    assert dialog.refund_button.text() == "Check again" and not dialog.lines.isEnabled()
    dropping[0] = False
    first = run(loop, dialog.send())  # the same key, the same lines
    assert first is not None and first["amount"] == 360
    assert first["metadata"][METADATA_REFUND_LINES] == "0:1"
    assert len(client.v1.refunds.list(params={"payment_intent": payment}).data) == 1

    sync_now(loop, window)
    again = window.payments.detail.open_refund()
    box = again.lines.cellWidget(0, 2)
    assert isinstance(box, QSpinBox) and box.maximum() == 1  # one croissant already back
    again.set_back(0, 1)
    again.set_back(2, 2)
    assert again.amount.amount() == 359 + 991  # the other croissant, both lattes
    second = run(loop, again.send(confirmed=True))
    assert second is not None and second["amount"] == 359 + 991
    refunded = client.v1.charges.list(params={"payment_intent": payment}).data[0]
    assert refunded.amount_refunded == 360 + 359 + 991  # the espressos are still paid for


@pytest.mark.parametrize(("currency", "scale", "shown"), [
    ("jpy", 1, "¥1,116"), ("kwd", 10, "KWD11.160")])
def test_yen_and_dinar_sales_through_the_grid_are_charged_to_the_minor_unit(
        loop: qasync.QEventLoop, window: MainWindow, client: stripe.StripeClient,
        currency: str, scale: int, shown: str) -> None:
    state = window.state
    state.session.profile = dataclasses.replace(state.session.profile,
                                                default_currency=currency)
    state.settings.manual_discount_limit = 10
    buyer = customer_with_card(client, "pm_card_visa", "Yuki Dinar")
    sale, _ = open_sale(loop, window, client, currency, scale)
    assert sale.currency == currency
    collect = window.collect
    for tender in ("card", "checkout"):
        window.show_panel(Panel.SALE)
        QTest.mouseClick(tile(sale, "Latte"), Qt.MouseButton.LeftButton)
        QTest.mouseClick(tile(sale, "Latte"), Qt.MouseButton.LeftButton)
        QTest.mouseClick(tile(sale, "Croissant"), Qt.MouseButton.LeftButton)
        assert discount(sale, "10%", "Opening week", whole_cart=True)
        totals = sale.cart.totals()
        # (910 + 330) × scale less 10 % per line: yen 1,116; fils 11,160.
        assert totals.total == 1116 * scale and sale.total.text() == shown
        sale.request_collect()
        if tender == "card":
            collect.customer.set_customer(state.cache.get("customers", buyer.id))
            collect.charge.click()
            wait_until(loop, collect.view.is_paid, "Paid")
            intent = client.v1.payment_intents.retrieve(str(collect.paid_intent()))
            assert (intent.amount, intent.currency) == (totals.total, currency)
        else:
            collect.show_link.click()
            wait_until(loop, lambda: collect.sale is Sale.WAITING, "the payment page")
            request = collect.request
            assert request is not None
            found = client.v1.checkout.sessions.retrieve(request.id)
            assert (found.amount_total, found.currency) == (totals.total, currency)
            run(loop, pay_hosted_page(request.url))
            wait_until(loop, collect.view.is_paid, "Paid")
        collect.new_sale()
        assert sale.cart.is_empty


def test_a_qr_code_is_drawn_whole(qapp: object) -> None:
    # Every module row, not only the first: a phone must be able to read it off paper.
    url = "https://pay.example.com/receipts/acct_1/ch_1"
    matrix, side = qr_matrix(url), 400
    image = qr_image(url, side)
    unit = side / (len(matrix) + 8)  # 4 modules of quiet zone each side
    for y, row in enumerate(matrix):
        for x, dark in enumerate(row):
            pixel = image.pixelColor(int((x + 4.5) * unit), int((y + 4.5) * unit))
            assert (pixel.lightness() < 128) == dark, (x, y)
