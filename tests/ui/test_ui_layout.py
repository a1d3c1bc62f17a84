"""The lists at the smallest window we support (1280x800): every column shown is whole and
nothing scrolls sideways; columns that don't fit are hidden, and the header's menu brings
them back for good."""

from __future__ import annotations

import asyncio

import qasync
import stripe
from PySide6.QtWidgets import QHeaderView
from ui_support import customer_with_card, sync_now, wait_until

from posapp.ui.common.list_view import CacheListView
from posapp.ui.payments.payment_list_model import PaymentListModel
from posapp.ui.shell.main_window import MainWindow, Panel
from posapp.ui.widgets.list_panel import ListPanel

LISTS = (Panel.CUSTOMERS, Panel.PAYMENTS, Panel.SUBSCRIPTIONS, Panel.INVOICES, Panel.REFUNDS,
         Panel.DISPUTES)


def _clipped(view: CacheListView) -> list[str]:
    """The shown columns narrower than their header or their rows' text (a stretching
    column may elide its rows, never its header)."""
    table, header = view.table, view.table.horizontalHeader()
    clipped = []
    for section, column in enumerate(view.model.columns):
        if header.isSectionHidden(section):
            continue
        need = header.sectionSizeHint(section)
        if header.sectionResizeMode(section) != QHeaderView.ResizeMode.Stretch:
            need = max(need, table.sizeHintForColumn(section))
        if header.sectionSize(section) < need:
            clipped.append(f"{column.header} {header.sectionSize(section)} < {need}")
    return clipped


def test_every_list_fits_the_smallest_window_with_nothing_clipped(
        loop: qasync.QEventLoop, window: MainWindow, client: stripe.StripeClient) -> None:
    customer = customer_with_card(client, "pm_card_mastercard",
                                  "Maximiliane Oberhauser-Lindqvist")
    payment = client.v1.payment_intents.create(params={
        "amount": 123_456, "currency": "usd", "customer": customer.id, "confirm": True,
        "payment_method": str(customer.invoice_settings.default_payment_method),
        "description": "2 × Single origin beans 1 kg, 1 × Butter croissant, 3 × Flat white"})
    client.v1.refunds.create(params={"payment_intent": payment.id, "amount": 1000,
                                     "reason": "requested_by_customer"})
    client.v1.invoice_items.create(params={"customer": customer.id, "amount": 9000,
                                           "currency": "usd"})
    client.v1.invoices.create(params={"customer": customer.id, "auto_advance": False,
                                      "pending_invoice_items_behavior": "include"})
    sync_now(loop, window)
    window.resize(1280, 800)

    for panel in LISTS:
        window.show_panel(panel)
        shown = window.stack.currentWidget()
        assert isinstance(shown, ListPanel)
        view = shown.list
        wait_until(loop, lambda v=view: v.is_fitted and v.table.isVisible(), f"{panel.name}")
        loop.run_until_complete(_settle())
        assert view.table.horizontalScrollBar().maximum() == 0, panel.name
        assert _clipped(view) == [], panel.name

    payments = window.payments.list
    header = payments.table.horizontalHeader()
    cols = PaymentListModel.Columns
    # The refund shows in the status, as in Stripe's list; the card is in view.
    row = window.payments.model.row_of(payment.id)
    assert row is not None
    assert window.payments.model.index(row, cols.STATUS).data() == "Partly refunded"
    assert not header.isSectionHidden(cols.CARD)
    # Fitting and the window's own resizing are not the user's choice: nothing is kept, so
    # the next window (another language, another size) fits its columns again.
    window.resize(1400, 900)
    loop.run_until_complete(_settle())
    assert window.state.ui_settings.value("lists/payments/header") is None
    # The description did not fit beside the detail; the header's menu shows it again and
    # the choice is kept.
    assert header.isSectionHidden(cols.DESCRIPTION)
    payments.show_column(cols.DESCRIPTION, True)
    assert not header.isSectionHidden(cols.DESCRIPTION)
    again = CacheListView(PaymentListModel(window.state.cache, window.state.formats),
                          window.state.ui_settings, "lists/payments")
    assert not again.table.horizontalHeader().isSectionHidden(cols.DESCRIPTION)
    again.deleteLater()


async def _settle() -> None:
    """Let the layout run (the splitter gives the list its room on show)."""
    for _ in range(5):
        await asyncio.sleep(0.05)
