"""Customers: create with metadata checked as you type, edit, set the default card, collect
a card on a hosted setup page, delete with confirmation, and Ctrl+K search jumping to one."""

from __future__ import annotations

import qasync
import stripe
from PySide6.QtWidgets import QTableWidgetItem
from ui_support import customer_with_card, pay_hosted_page, run, sync_now, wait_until

from posapp.ui.customers.customer_list_model import CustomerListModel
from posapp.ui.shell.main_window import MainWindow, Panel


def test_create_customer_checks_metadata_as_you_type(
        loop: qasync.QEventLoop, window: MainWindow, client: stripe.StripeClient) -> None:
    window.show_panel(Panel.CUSTOMERS)
    dialog = window.customers.create_customer()
    form = dialog.form
    form.name.setText("王小明")
    form.email.setText("xiaoming@example.com")
    form.address["country"].setText("CN")
    form._add_metadata_row()
    form.metadata.setItem(0, 0, QTableWidgetItem("k" * 41))
    form.metadata.setItem(0, 1, QTableWidgetItem("v"))
    assert "41 characters" in form.problem.text()
    assert not dialog.save_button.isEnabled()
    form.metadata.setItem(0, 0, QTableWidgetItem("loyalty"))
    assert form.problem.text() == ""
    assert dialog.save_button.isEnabled()

    created = run(loop, dialog.save())
    assert created is not None
    assert client.v1.customers.retrieve(created["id"]).metadata["loyalty"] == "v"
    customers = window.customers
    assert customers.list.current_object() is not None
    assert customers.list.current_object()["id"] == created["id"]
    assert customers.detail.form.name.text() == "王小明"
    customers.list.search.setText("小明")
    customers.model.set_search("小明")
    assert customers.model.rowCount() == 1


def test_edit_profile_and_make_card_default(loop: qasync.QEventLoop, window: MainWindow,
                                            client: stripe.StripeClient) -> None:
    customer = customer_with_card(client, "pm_card_visa", "Edna")
    second = client.v1.payment_methods.attach("pm_card_mastercard",
                                              params={"customer": customer.id})
    sync_now(loop, window)
    window.show_panel(Panel.CUSTOMERS)
    customers = window.customers
    assert customers.show_object(customer.id)
    detail = customers.detail
    detail.form.phone.setText("+86 10 1234 5678")
    run(loop, detail.save_profile())
    assert client.v1.customers.retrieve(customer.id).phone == "+86 10 1234 5678"

    run(loop, detail.fetch_methods())
    row = detail.methods_model.row_of(second.id)
    assert row is not None
    detail.methods.selectRow(row)
    assert detail.set_default.isEnabled()
    run(loop, detail.make_default())
    fresh = client.v1.customers.retrieve(customer.id)
    assert fresh.invoice_settings.default_payment_method == second.id
    assert detail.methods_model.index(detail.methods_model.row_of(second.id), 2).data() \
        == "Default"
    row = customers.model.row_of(customer.id)
    assert row is not None
    assert customers.model.index(row, CustomerListModel.Columns.DEFAULT_CARD).data() \
        == "Mastercard •••• 4444"


def test_collect_a_card_on_hosted_setup_page(loop: qasync.QEventLoop, window: MainWindow,
                                             client: stripe.StripeClient) -> None:
    customer = client.v1.customers.create(params={"name": "Cardless Carl"})
    sync_now(loop, window)
    window.show_panel(Panel.CUSTOMERS)
    assert window.customers.show_object(customer.id)
    dialog = run(loop, window.customers.detail.start_card_collection())
    assert dialog is not None
    url = dialog.view.url.text()
    assert url and dialog.view.qr.text == url
    run(loop, pay_hosted_page(url))
    wait_until(loop, dialog.view.is_paid, "the card to be saved")
    assert dialog.view.outcome.text() == "Card saved"
    methods = client.v1.payment_methods.list(params={"customer": customer.id, "type": "card"})
    assert len(methods.data) == 1


def test_delete_customer_after_confirmation(loop: qasync.QEventLoop, window: MainWindow,
                                            client: stripe.StripeClient) -> None:
    customer = client.v1.customers.create(params={"name": "Gone Gail"})
    sync_now(loop, window)
    customers = window.customers
    assert customers.show_object(customer.id)
    assert run(loop, customers.delete(customers.list.current_object() or {}, confirmed=True))
    assert customers.model.row_of(customer.id) is None
    assert window.state.cache.get("customers", customer.id)["deleted"] is True


def test_ctrl_k_search_jumps_to_the_customer(loop: qasync.QEventLoop, window: MainWindow,
                                             client: stripe.StripeClient) -> None:
    customer = client.v1.customers.create(params={"name": "Searchable Sue",
                                                  "email": "sue@example.com"})
    sync_now(loop, window)
    window.show_panel(Panel.COLLECT)
    search = window.open_search()
    search.field.setText("sue@exa")
    search.run_search()
    (found,) = search.result_items()
    assert "Searchable Sue" in found.text()
    assert search.results.item(0).text() == "Customers (1)"
    search.results.itemActivated.emit(found)
    assert window.current_panel() is Panel.CUSTOMERS
    assert window.customers.list.current_object()["id"] == customer.id


def test_placeholder_until_a_customer_is_selected_and_every_tab_named_whole(
        loop: qasync.QEventLoop, window: MainWindow, client: stripe.StripeClient) -> None:
    customer = client.v1.customers.create(params={"name": "Placed Paula"})
    sync_now(loop, window)
    window.show_panel(Panel.CUSTOMERS)
    panel = window.customers
    assert panel.detail_stack.currentWidget() is panel.placeholder
    assert panel.placeholder.text() == "Select a customer to see and edit it."
    assert panel.show_object(customer.id)
    assert panel.detail_stack.currentWidget() is panel.detail
    tabs = panel.detail
    assert [tabs.tabText(i) for i in range(tabs.count())] == [
        "Profile", "Cards", "Subscriptions", "Invoices", "Payments"]
    assert not tabs.usesScrollButtons()


def test_email_and_phone_are_checked_before_anything_is_sent(
        loop: qasync.QEventLoop, window: MainWindow, client: stripe.StripeClient) -> None:
    dialog = window.customers.create_customer()
    form = dialog.form
    form.name.setText("王芳")
    form.email.setText("wang.fang@")
    assert form.problem.text() == "“wang.fang@” is not an e-mail address."
    assert not dialog.save_button.isEnabled()
    assert run(loop, dialog.save()) is None
    assert not client.v1.customers.search(params={"query": "name:'王芳'"}).data
    for typed in ("wang fang@example.com", "wang.fang@example", "@example.com",
                  "wang@@example.com", "wang.fang@-example.com"):
        form.email.setText(typed)
        assert not dialog.save_button.isEnabled(), typed
    form.email.setText("wang.fang@例子.中国")
    assert form.problem.text() == "" and dialog.save_button.isEnabled()
    form.phone.setText("call me")
    assert form.problem.text() == "“call me” is not a phone number."
    assert not dialog.save_button.isEnabled()
    form.phone.setText("+86 (10) 1234-5678")
    assert form.problem.text() == "" and dialog.save_button.isEnabled()
    form.phone.setText("＋８６ １０ １２３４ ５６７８")  # typed with a Chinese IME
    assert form.problem.text() == "" and dialog.save_button.isEnabled()
    dialog.reject()


def test_an_edited_email_is_checked_too(loop: qasync.QEventLoop, window: MainWindow,
                                        client: stripe.StripeClient) -> None:
    customer = client.v1.customers.create(params={"name": "Ed Email"})
    sync_now(loop, window)
    window.show_panel(Panel.CUSTOMERS)
    assert window.customers.show_object(customer.id)
    detail = window.customers.detail
    detail.form.email.setText("ed@")
    assert not detail.save.isEnabled()
    assert detail.form.problem.text() == "“ed@” is not an e-mail address."
