"""The invoices panel against a live sandbox: a one-off invoice created from items, finalized,
sent and charged; declines, void and uncollectible; filters and search; overdue marking; the
PDF and CSV exports; and offline review with the actions disabled."""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path
from typing import Any

import qasync
import stripe
from PySide6.QtCore import QCoreApplication, QDate, QEvent, QTimer, QUrl
from PySide6.QtGui import QGuiApplication, QImage, QTextDocument
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox, QPushButton
from ui_support import customer_with_card, run, sync_now, wait_until

from posapp.sandbox import Sandbox
from posapp.ui.common.tax_ids import tax_id_text
from posapp.ui.invoices.invoice_list_model import InvoiceListModel
from posapp.ui.invoices.invoice_pdf import QR_RESOURCE, invoice_document
from posapp.ui.payments.payment_list_model import PaymentListModel
from posapp.ui.shell.main_window import MainWindow, Panel
from posapp.ui.shell.settings_dialog import SettingsDialog
from posapp.ui.widgets.qr_code import qr_image

REASON = "Stripe unreachable: try again when online."
DAY = 86_400


def _invoice(client: stripe.StripeClient, customer_id: str, amount: int,
             description: str = "Catering", finalize: bool = True,
             memo: str | None = None) -> stripe.Invoice:
    invoice = client.v1.invoices.create(params={
        "customer": customer_id, "collection_method": "send_invoice", "days_until_due": 14,
        "auto_advance": False, **({"description": memo} if memo else {})})
    client.v1.invoice_items.create(params={"customer": customer_id, "invoice": invoice.id,
                                           "amount": amount, "currency": "usd",
                                           "description": description})
    if finalize:
        return client.v1.invoices.finalize_invoice(invoice.id)
    return client.v1.invoices.retrieve(invoice.id)


def answer_question(answer: QMessageBox.StandardButton, ask: Callable[[], object]) -> str:
    """Run `ask`, which asks a question in a message box, answer it with `answer`; returns
    the question."""
    asked: list[str] = []

    def reply() -> None:
        boxes = [w for w in QApplication.topLevelWidgets()
                 if isinstance(w, QMessageBox) and w.isVisible()]
        if not boxes:  # not asked yet
            QTimer.singleShot(20, reply)
            return
        asked.append(boxes[0].text())
        boxes[0].button(answer).click()

    QTimer.singleShot(20, reply)
    ask()
    assert asked, "nothing was asked"
    return asked[0]


def _open(loop: qasync.QEventLoop, window: MainWindow, invoice_id: str) -> None:
    sync_now(loop, window)
    window.show_panel(Panel.INVOICES)
    assert window.invoices.show_object(invoice_id)


def _list_texts(widget: Any) -> list[str]:
    return [widget.item(i).text() for i in range(widget.count())]


def test_one_off_invoice_from_items_finalized_sent_and_charged(
        loop: qasync.QEventLoop, window: MainWindow, client: stripe.StripeClient) -> None:
    customer = customer_with_card(client, "pm_card_visa", "Ivy Invoice")
    sync_now(loop, window)
    window.show_panel(Panel.INVOICES)
    panel = window.invoices
    dialog = panel.create_invoice()
    assert not dialog.create_button.isEnabled()
    assert dialog.message.text() == "Add at least one item."
    dialog.customer.set_customer(window.state.cache.get("customers", customer.id))
    dialog.rows[0].description.setText("Catering")
    dialog.rows[0].unit.setText("12.50")
    dialog.rows[0].quantity.setValue(2)
    dialog.add_item()
    dialog.rows[1].description.setText("Delivery")
    dialog.rows[1].unit.setText("15")
    assert dialog.total.text() == "$40.00"
    dialog.charge_mode.setChecked(True)
    assert dialog.create_button.isEnabled(), dialog.message.text()
    created = run(loop, dialog.save())
    assert created is not None and created["status"] == "draft"
    detail = panel.detail
    assert detail.invoice["id"] == created["id"]
    assert detail.title.text() == "Draft invoice"
    assert detail.amount.text() == "$40.00"
    text = detail.document.toPlainText()
    assert "Catering × 2" in text and "Delivery" in text and "$25.00" in text
    assert detail.finalize.isEnabled() and not detail.charge.isEnabled()
    assert not detail.copy_link.isEnabled()

    assert run(loop, detail.finalize_invoice()) is not None
    assert detail.status.text() == "Open"
    assert detail.title.text().endswith("-0001")
    assert detail.copy_link.isEnabled()
    detail.copy_link.click()
    assert QGuiApplication.clipboard().text() == detail.invoice["hosted_invoice_url"]
    # *Send* asks first, naming the invoice, amount and customer; "No" sends nothing.
    asked = answer_question(QMessageBox.StandardButton.No, detail.send.click)
    assert detail.title.text() in asked and "$40.00" in asked
    assert "Ivy Invoice (buyer@example.com)" in asked
    assert detail.reason.text() == "Link copied."  # nothing since: nothing sent
    answer_question(QMessageBox.StandardButton.Yes, detail.send.click)
    wait_until(loop, lambda: detail.reason.text() == "Sent to buyer@example.com.",
               "the invoice sent")
    assert detail.card_text() == "Visa •••• 4242"

    paid = run(loop, detail.pay(confirmed=True))
    assert paid is not None and paid["status"] == "paid"
    assert detail.status.text() == "Paid"
    assert not detail.charge.isEnabled() and not detail.void.isEnabled()
    sync_now(loop, window)
    assert any("Visa •••• 4242" in p for p in _list_texts(detail.payments))
    assert detail.refund.isEnabled()
    refund = detail.open_refund()
    assert refund.remaining.text() == "$40.00"
    refund.reject()
    history = _list_texts(detail.history)
    assert any(h.endswith("Finalized") for h in history)
    assert any(h.endswith("Paid") for h in history)
    row = panel.model.row_of(created["id"])
    assert row is not None
    assert panel.model.index(row, InvoiceListModel.Columns.STATUS).data() == "Paid"
    assert panel.model.index(row, InvoiceListModel.Columns.AMOUNT_PAID).data() == "$40.00"


def test_declined_card_keeps_the_invoice_open_and_says_why(
        loop: qasync.QEventLoop, window: MainWindow, client: stripe.StripeClient) -> None:
    customer = customer_with_card(client, "pm_card_chargeCustomerFail", "Declined Dan")
    invoice = _invoice(client, customer.id, 3000)
    _open(loop, window, invoice.id)
    detail = window.invoices.detail
    assert detail.charge.isEnabled()
    assert run(loop, detail.pay(confirmed=True)) is None
    assert "declined" in detail.reason.text().lower()
    assert detail.status.text() == "Open"
    assert detail.charge.isEnabled()


def test_void_then_nothing_can_be_paid(loop: qasync.QEventLoop, window: MainWindow,
                                       client: stripe.StripeClient) -> None:
    customer = client.v1.customers.create(params={"name": "Void Vera",
                                                  "email": "vera@example.com"})
    invoice = _invoice(client, customer.id, 1200)
    _open(loop, window, invoice.id)
    detail = window.invoices.detail
    assert not detail.refund.isEnabled()
    assert run(loop, detail.void_invoice(confirmed=True)) is not None
    assert detail.status.text() == "Void"
    for button in detail.money_buttons:
        assert not button.isEnabled()
    assert detail.pdf.isEnabled()
    assert run(loop, detail.pay(out_of_band=True, confirmed=True)) is None
    assert "void" in detail.reason.text().lower()


def test_uncollectible_then_paid_outside_stripe(
        loop: qasync.QEventLoop, window: MainWindow, client: stripe.StripeClient) -> None:
    customer = client.v1.customers.create(params={"name": "Cash Carl",
                                                  "email": "carl@example.com"})
    invoice = _invoice(client, customer.id, 5000)
    _open(loop, window, invoice.id)
    detail = window.invoices.detail
    assert run(loop, detail.mark_uncollectible(confirmed=True)) is not None
    assert detail.status.text() == "Uncollectible"
    assert not detail.uncollectible.isEnabled()
    assert detail.paid_outside.isEnabled()
    assert run(loop, detail.pay(out_of_band=True, confirmed=True)) is not None
    assert detail.status.text() == "Paid"
    assert "$50.00 paid outside Stripe" in _list_texts(detail.payments)
    assert not detail.refund.isEnabled()
    assert any(h.endswith("Marked uncollectible") for h in _list_texts(detail.history))


def test_invoice_without_customer_email_cannot_be_sent(
        loop: qasync.QEventLoop, window: MainWindow, client: stripe.StripeClient) -> None:
    customer = client.v1.customers.create(params={"name": "No Mail Ned"})
    invoice = _invoice(client, customer.id, 900)
    _open(loop, window, invoice.id)
    detail = window.invoices.detail
    assert not detail.send.isEnabled()
    assert detail.send.toolTip() == "The customer has no e-mail address."


def test_dialog_explains_bad_items(loop: qasync.QEventLoop, window: MainWindow,
                                   client: stripe.StripeClient) -> None:
    customer = client.v1.customers.create(params={"name": "Picky Pam"})
    sync_now(loop, window)
    dialog = window.invoices.create_invoice()
    dialog.rows[0].description.setText("Cake")
    dialog.rows[0].unit.setText("12.345")
    assert "decimal" in dialog.message.text()
    assert not dialog.create_button.isEnabled()
    dialog.rows[0].unit.setText("12.34")
    assert dialog.message.text() == "Choose the customer."
    dialog.customer.set_customer(window.state.cache.get("customers", customer.id))
    dialog.rows[0].description.clear()
    assert dialog.message.text() == "Each item needs a description."
    dialog.rows[0].description.setText("Cake")
    assert dialog.create_button.isEnabled()
    dialog.reject()


def test_item_lines_are_removed_and_the_last_one_is_cleared(
        loop: qasync.QEventLoop, window: MainWindow, client: stripe.StripeClient) -> None:
    customer = client.v1.customers.create(params={"name": "Lines Lou"})
    sync_now(loop, window)
    dialog = window.invoices.create_invoice()
    dialog.customer.set_customer(window.state.cache.get("customers", customer.id))
    for index, (text, unit) in enumerate((("Tea", "2"), ("Cake", "3"), ("Jam", "4"))):
        if index:
            dialog.add_item()
        dialog.rows[index].description.setText(text)
        dialog.rows[index].unit.setText(unit)
    assert dialog.total.text() == "$9.00"

    def remove_buttons() -> list[QPushButton]:
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        return [b for b in dialog.findChildren(QPushButton) if b.toolTip() == "Remove this item"]

    remove_buttons()[1].click()
    assert [r.description.text() for r in dialog.rows] == ["Tea", "Jam"]
    assert dialog.total.text() == "$6.00"
    dialog.add_item()
    dialog.rows[2].description.setText("Scone")
    dialog.rows[2].unit.setText("1")
    assert dialog.total.text() == "$7.00"
    for _ in range(3):
        remove_buttons()[0].click()
    assert len(dialog.rows) == 1
    assert dialog.rows[0].description.text() == "" and dialog.rows[0].unit.text() == ""
    assert dialog.message.text() == "Add at least one item."
    assert not dialog.create_button.isEnabled()
    dialog.reject()


def test_filters_by_status_customer_and_date_and_searches(
        loop: qasync.QEventLoop, window: MainWindow, client: stripe.StripeClient) -> None:
    alice = client.v1.customers.create(params={"name": "Alice Filter"})
    bob = client.v1.customers.create(params={"name": "Bob Filter"})
    draft = _invoice(client, alice.id, 1000, finalize=False)
    opened = _invoice(client, alice.id, 2000)
    other = _invoice(client, bob.id, 3000)
    sync_now(loop, window)
    window.show_panel(Panel.INVOICES)
    panel = window.invoices
    panel.status_filter.setCurrentIndex(panel.status_filter.findData("open"))
    assert set(_shown(panel.model)) == {opened.id, other.id}
    panel.customer_filter.set_customer(window.state.cache.get("customers", alice.id))
    assert _shown(panel.model) == [opened.id]
    assert panel.list.count_label.text() == "1 item"
    panel.status_filter.setCurrentIndex(0)
    assert set(_shown(panel.model)) == {draft.id, opened.id}
    panel.date_to.setDate(QDate.currentDate().addDays(-1))
    assert panel.model.rowCount() == 0
    panel.clear_filters()
    assert panel.model.rowCount() == 3
    panel.list.search.setText(str(other.number))
    wait_until(loop, lambda: panel.model.rowCount() == 1, "the search result")
    assert _shown(panel.model) == [other.id]


def _shown(model: InvoiceListModel) -> list[str]:
    return [str((model.object_at(row) or {}).get("id")) for row in range(model.rowCount())]


def test_overdue_open_invoice_is_highlighted(loop: qasync.QEventLoop, window: MainWindow,
                                             client: stripe.StripeClient) -> None:
    clock = client.v1.test_helpers.test_clocks.create(params={"frozen_time": 1_780_000_000})
    customer = client.v1.customers.create(params={"name": "Late Larry",
                                                  "test_clock": clock.id})
    invoice = _invoice(client, customer.id, 4500)
    _open(loop, window, invoice.id)
    panel = window.invoices
    row = panel.model.row_of(invoice.id)
    assert row is not None
    due = panel.model.index(row, InvoiceListModel.Columns.DUE_DATE)
    assert due.data().endswith("(overdue)")
    assert due.data(0x9).name() == "#dc2626"  # ForegroundRole
    assert panel.detail.due.text().endswith("overdue")


def test_pdf_export_is_a_clean_invoice_with_number_and_total(
        loop: qasync.QEventLoop, window: MainWindow, client: stripe.StripeClient,
        tmp_path: Path) -> None:
    customer = client.v1.customers.create(params={"name": "Paper Pete",
                                                  "email": "pete@example.com"})
    invoice = _invoice(client, customer.id, 123456, description="Wedding cake")
    _open(loop, window, invoice.id)
    path = tmp_path / "invoice.pdf"
    window.invoices.detail.export_pdf(path)
    assert path.read_bytes().startswith(b"%PDF")
    text = _pdf_text(path)
    assert str(invoice.number) in text
    assert "$1,234.56" in text
    assert "Wedding cake" in text and "Paper Pete" in text


def test_business_settings_and_the_payment_link_go_on_the_pdf(
        loop: qasync.QEventLoop, window: MainWindow, client: stripe.StripeClient,
        tmp_path: Path) -> None:
    customer = client.v1.customers.create(params={"name": "Linda Link",
                                                  "email": "linda@example.com"})
    invoice = _invoice(client, customer.id, 9000)
    _open(loop, window, invoice.id)
    detail = window.invoices.detail
    # Before any business settings, the account's name and its business address (Stripe's
    # `business_profile.support_address`) stand in for the seller.
    assert detail.seller().name == "Demo shop"
    path = tmp_path / "open.pdf"
    detail.export_pdf(path)
    text = _pdf_text(path)
    for shown in ("Demo shop", "1 Sandbox Street", "London", "EC1A 1BB", "GB"):
        assert shown in text, shown
    assert "VAT" not in text and "Tax ID" not in text  # the account has no tax ID yet
    # The account's own tax ID (Stripe's Tax IDs), fetched with the account, stands in too.
    client.v1.tax_ids.create(params={"type": "gb_vat", "value": "GB123456789"})
    run(loop, window.state.refresh_account())
    detail.export_pdf(path)
    assert "VAT GB123456789" in _pdf_text(path)
    window.settings_requested.emit()
    (dialog,) = [w for w in QApplication.topLevelWidgets()
                 if isinstance(w, SettingsDialog) and w.isVisible()]
    dialog.business_name.setText("Corner Bakery Ltd")
    dialog.business_address.setPlainText("1 Mill Lane\nBristol BS1 4XX")
    dialog.tax_id.setText("GB999999973")
    dialog.footer.setText("Thank you for your custom.")
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()
    assert window.state.settings.business(window.state.profile.name)["tax_id"] == "GB999999973"

    detail.export_pdf(path)
    text = _pdf_text(path)
    for shown in ("Corner Bakery Ltd", "1 Mill Lane", "Bristol BS1 4XX", "Tax ID: GB999999973",
                  "Thank you for your custom.", "Pay online"):
        assert shown in text, shown
    assert "1 Sandbox Street" not in text  # the settings' address replaces the account's
    assert "GB123456789" not in text  # and the settings' tax ID the account's
    assert str(invoice.hosted_invoice_url) in text.replace("\r\n", "")  # wrapped on the page
    # The QR code encodes the hosted link.
    link = str(invoice.hosted_invoice_url)
    document = invoice_document(detail.invoice, window.state.formats, detail.seller())
    qr = document.resource(QTextDocument.ResourceType.ImageResource, QUrl(QR_RESOURCE))
    assert isinstance(qr, QImage) and qr == qr_image(link)

    # A paid invoice has nothing left to pay: no link, no QR code.
    paid = client.v1.invoices.pay(invoice.id, params={"paid_out_of_band": True})
    assert paid.status == "paid"
    sync_now(loop, window)
    _open(loop, window, invoice.id)
    detail.export_pdf(path)
    text = _pdf_text(path)
    assert "Corner Bakery Ltd" in text and "Pay online" not in text
    assert link not in text.replace("\r\n", "")


def _pdf_text(path: Path) -> str:
    document = QPdfDocument()
    assert document.load(str(path)) == QPdfDocument.Error.None_
    return "\n".join(document.getAllText(page).text() for page in range(document.pageCount()))


def test_csv_export_escapes_formula_prefixes(
        loop: qasync.QEventLoop, window: MainWindow, client: stripe.StripeClient,
        tmp_path: Path) -> None:
    names = ("=HYPERLINK(\"http://evil\")", "+1 555 0100", "@SUM(A1)", "-2+3", "Plain Pat")
    for name in names:
        customer = client.v1.customers.create(params={"name": name})
        _invoice(client, customer.id, 700, memo=f"\tTab {name}")
    sync_now(loop, window)
    window.show_panel(Panel.INVOICES)
    path = tmp_path / "invoices.csv"
    assert run(loop, window.invoices.export_csv(path)) == len(names)
    assert "5 invoices exported" in window.invoices.message.text()
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert sorted(r["customer_name"] for r in rows) == sorted(
        "'" + n if n[0] in "=+@-" else n for n in names)
    assert all(r["description"].startswith("'\t") for r in rows)
    assert {r["total"] for r in rows} == {"7.00"}


def test_offline_review_pdf_and_csv_work_and_actions_say_why(
        loop: qasync.QEventLoop, window: MainWindow, sandbox: Sandbox,
        client: stripe.StripeClient, tmp_path: Path) -> None:
    customer = client.v1.customers.create(params={"name": "Offline Olga",
                                                  "email": "olga@example.com"})
    invoice = _invoice(client, customer.id, 2500)
    sync_now(loop, window)
    sandbox.stop()
    window.state.expect_activity()
    wait_until(loop, lambda: not window.state.online, "the app to notice it is offline")
    _select_offline(window, invoice.id)
    detail = window.invoices.detail
    for button in detail.money_buttons:
        assert not button.isEnabled()
    for button in (detail.charge, detail.void, detail.send, detail.paid_outside):
        assert button.toolTip() == REASON
    assert detail.reason.text() == REASON
    assert not window.invoices.new.isEnabled()
    assert window.invoices.new.toolTip() == REASON
    assert "Offline Olga" in detail.document.toPlainText()
    path = tmp_path / "offline.pdf"
    detail.export_pdf(path)
    assert str(invoice.number) in _pdf_text(path)
    csv_path = tmp_path / "offline.csv"
    assert run(loop, window.invoices.export_csv(csv_path)) == 1
    assert not window.state.online


def _select_offline(window: MainWindow, invoice_id: str) -> None:
    window.show_panel(Panel.INVOICES)
    window.invoices.model.reload()
    assert window.invoices.show_object(invoice_id)


def test_automatically_charged_invoice_says_so_instead_of_a_blank_due_date(
        loop: qasync.QEventLoop, window: MainWindow, client: stripe.StripeClient) -> None:
    customer = client.v1.customers.create(params={"name": "Auto Anna"})
    invoice = client.v1.invoices.create(params={
        "customer": customer.id, "collection_method": "charge_automatically",
        "auto_advance": False})
    _open(loop, window, invoice.id)
    assert window.invoices.detail.due.text() == "Charged automatically"


def test_a_voided_invoices_payment_shows_as_canceled_with_why(
        loop: qasync.QEventLoop, window: MainWindow, client: stripe.StripeClient) -> None:
    customer = customer_with_card(client, "pm_card_chargeCustomerFail", "Voided Viv")
    invoice = _invoice(client, customer.id, 9000)
    _open(loop, window, invoice.id)
    detail = window.invoices.detail
    assert run(loop, detail.pay(confirmed=True)) is None  # declined: the invoice stays open
    assert run(loop, detail.void_invoice(confirmed=True)) is not None
    untried = client.v1.payment_intents.create(params={"amount": 500, "currency": "usd"})
    sync_now(loop, window)
    intent_id = window.state.cache.page(
        "payment_intents", filters={"customer": customer.id}, limit=1).rows[0]["id"]

    window.show_panel(Panel.PAYMENTS)
    assert window.payments.show_object(intent_id)
    model = window.payments.model
    row = model.row_of(intent_id)
    assert row is not None
    status = model.index(row, PaymentListModel.Columns.STATUS).data()
    assert status == "Canceled (invoice voided)"
    assert window.payments.detail.status.text() == "Canceled (invoice voided)"
    takings = window.collect.takings
    takings.refresh()
    latest = [r.text() for r in takings.rows if "$90.00" in r.text()]
    assert latest and all("Canceled (invoice voided)" in r for r in latest)
    assert not any("Failed" in r for r in latest)
    # A payment nobody has tried to pay yet has not failed either.
    untried_row = model.row_of(untried.id)
    assert untried_row is not None
    assert model.index(untried_row, PaymentListModel.Columns.STATUS).data() == \
        "Waiting for payment"


def test_an_invoice_takes_a_promotion_code_and_shows_and_prints_the_discount(
        loop: qasync.QEventLoop, window: MainWindow, client: stripe.StripeClient,
        tmp_path: Path) -> None:
    customer = customer_with_card(client, "pm_card_visa", "Dora Discount")
    coupon = client.v1.coupons.create(params={"percent_off": 10, "name": "Ten off"})
    client.v1.promotion_codes.create(params={
        "promotion": {"type": "coupon", "coupon": coupon.id}, "code": "TENOFF"})
    sync_now(loop, window)
    window.show_panel(Panel.INVOICES)
    panel = window.invoices
    dialog = panel.create_invoice()
    dialog.customer.set_customer(window.state.cache.get("customers", customer.id))
    dialog.rows[0].description.setText("Catering")
    dialog.rows[0].unit.setText("12.55")
    dialog.rows[0].quantity.setValue(2)
    dialog.discount_code.setText("NOPE")
    assert not dialog.create_button.isEnabled()
    assert dialog.message.text() == "“NOPE” is neither an active promotion code nor a valid coupon."
    dialog.discount_code.setText("tenoff")
    assert dialog.create_button.isEnabled(), dialog.message.text()
    created = run(loop, dialog.save())
    assert created is not None
    at_stripe = client.v1.invoices.retrieve(created["id"])
    # 2 × 12.55 = 25.10, 10% off = 2.51
    assert (at_stripe.subtotal, at_stripe.total) == (2510, 2259)
    assert [d.amount for d in at_stripe.total_discount_amounts or []] == [251]
    detail = panel.detail
    assert detail.amount.text() == "$22.59"
    text = detail.document.toPlainText()
    assert "Discount" in text and "-$2.51" in text
    path = tmp_path / "discounted.pdf"
    detail.export_pdf(path)
    document = QPdfDocument()
    assert document.load(str(path)) == QPdfDocument.Error.None_
    printed = "".join(document.getAllText(p).text() for p in range(document.pageCount()))
    assert "Discount" in printed and "-$2.51" in printed and "$22.59" in printed


def test_an_account_tax_id_prints_as_its_types_name_and_value(qapp: QApplication) -> None:
    printed = [tax_id_text("", {"type": kind, "value": value}) for kind, value in (
        ("gb_vat", "GB123456789"), ("eu_vat", "DE123456789"), ("us_ein", "12-3456789"),
        ("au_abn", "12345678912"), ("nz_gst", "123456789"), ("ca_gst_hst", "123456789RT0001"),
        ("eu_oss_vat", "EU123456789"), ("br_cnpj", "01.234.456/5432-10"))]
    assert printed == ["VAT GB123456789", "VAT DE123456789", "EIN 12-3456789",
                       "ABN 12345678912", "GST 123456789", "GST/HST 123456789RT0001",
                       "VAT (OSS) EU123456789", "CNPJ 01.234.456/5432-10"]
    # The business settings' own text wins; nothing at all prints nothing.
    assert tax_id_text(" GB999999973 ", {"type": "gb_vat", "value": "GB123456789"}) \
        == "Tax ID: GB999999973"
    assert tax_id_text("", None) == ""
