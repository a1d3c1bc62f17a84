"""Take the screenshots the README and docs/ui.md show: the demo window under Xvfb.

    xvfb-run -a .venv/bin/python docs/screenshots/capture.py [name ...]

Run from the repository root with the project installed (`pip install -e ".[dev]"`, as the
README says), so no PYTHONPATH is needed. With no names it writes every PNG in SHOTS into
this folder; with names (e.g. `dashboard refunds`) only those, plus whatever they need
first (a refund and a dispute's draft for the audit log, the waiting link before it is
paid). Like `posapp --demo`, it starts the demo sandbox in-process (seed "demo"), uses a
temporary data dir and the demo profile through the app's own controller, and drives the
real window at 1280x800, the smallest window we support; the Chinese shots switch the
language as Settings does.
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
import urllib.parse
import urllib.request
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import qasync
from PySide6.QtCore import QDate, QPoint
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QWidget

from posapp.app import DEMO_API_KEY
from posapp.config import Paths, Settings
from posapp.gateway import prices as prices_api
from posapp.gateway import products as products_api
from posapp.gateway.terminal import present_payment_method
from posapp.sandbox import Sandbox, running
from posapp.services.session import Session
from posapp.services.subscriptions import next_charge
from posapp.ui.payments.collect_panel import Sale
from posapp.ui.payments.payments_panel import PaymentsPanel
from posapp.ui.refunds.refund_dialog import RefundDialog
from posapp.ui.shell.controller import GuiController
from posapp.ui.shell.launch import GuiOptions, application, make_controller
from posapp.ui.shell.main_window import MainWindow, Panel
from posapp.ui.widgets.export_dialog import ExportDialog
from posapp.worker import Worker

HERE = Path(__file__).resolve().parent
SIZE = (1280, 800)  # the smallest window we support: where columns clip


async def until(condition: Callable[[], object], what: str, limit: float = 60.0) -> None:
    """Wait for `condition()` to hold, or give up after `limit` seconds."""
    waited = 0.0
    while not condition():
        if waited > limit:
            raise SystemExit(f"gave up waiting for {what}")
        await asyncio.sleep(0.1)
        waited += 0.1


def pay(url: str) -> None:
    """Pay a hosted page with a test card, as the customer's browser would."""
    data = urllib.parse.urlencode({"card": "4242424242424242", "email": "li.na@example.com",
                                   "name": "Li Na"}).encode()
    urllib.request.urlopen(urllib.request.Request(url, data=data)).close()  # noqa: S310


class Tour:
    """The demo window driven from screen to screen; what one shot sets up, later ones reuse."""

    def __init__(self, controller: GuiController, sandbox: Sandbox) -> None:
        self.controller = controller
        self.sandbox = sandbox
        self.link_url: str | None = None
        self.refund_id: str | None = None
        self.dispute_id: str | None = None

    @property
    def window(self) -> MainWindow:
        """The open window (a new one after a language switch)."""
        window = self.controller.window
        assert isinstance(window, MainWindow)
        return window

    async def use_language(self, language: str) -> None:
        """Switch the UI language (rebuilding the window) unless it is already in use."""
        if self.controller.language != language:
            self.controller.set_language(language)
        self.window.resize(*SIZE)
        await until(lambda: self.window.state.cache.last_success is not None, "the demo sync")

    async def save(self, name: str, dialog: QWidget | None = None) -> None:
        """Dismiss the toasts, let the window repaint, and grab it (with `dialog` drawn
        where it stands over the window) into `name`.png here."""
        self.window.toasts.clear()
        await asyncio.sleep(0.6)
        if (self.window.width(), self.window.height()) != SIZE:
            # A screen asking for more room than the smallest window we support grows the
            # window, and the shot would hide the clipping it is taken to show.
            raise SystemExit(f"{name}: the window is {self.window.width()}x"
                             f"{self.window.height()}, not {SIZE[0]}x{SIZE[1]}")
        path = HERE / f"{name}.png"
        image = self.window.grab()
        if dialog is not None:
            painter = QPainter(image)
            painter.drawPixmap(self.window.mapFromGlobal(dialog.mapToGlobal(QPoint(0, 0))),
                               dialog.grab())
            painter.end()
        if not image.save(str(path)):
            raise SystemExit(f"could not write {path}")
        print("saved", path)

    async def show_link(self, amount: str, description: str) -> str:
        """Fill the collect screen and show its payment link and QR code; returns the URL."""
        self.window.show_panel(Panel.COLLECT)
        collect = self.window.collect
        collect.amount.text_edit.setText(amount)
        collect.description.setText(description)
        request = await collect.request_link()
        if request is None:
            raise SystemExit("the collect screen created no payment page")
        return request.url

    async def merchant_actions(self) -> None:
        """Once: refund $2.00 of a customer's payment and save a dispute's evidence draft, so the
        refunds list, the dispute and the audit log show the app's own work."""
        if self.refund_id is not None:
            return
        window = self.window
        cache = window.state.cache
        payment = next(p for p in cache.page("payment_intents", filters={"status": "succeeded"},
                                             limit=100).rows
                       if p.get("customer")
                       and _untouched(cache.get("charges", str(p.get("latest_charge")))))
        dialog = RefundDialog(window.state, str(payment["id"]), window)
        dialog.amount.text_edit.setText("2")
        dialog.note.setText("Spilled drink, replaced")
        refund = await dialog.send(confirmed=True)
        dialog.deleteLater()
        if refund is None:
            raise SystemExit("the demo refund failed")
        self.refund_id = str(refund["id"])
        await until(lambda: cache.get("refunds", str(self.refund_id)) is not None,
                    "the refund in the cache")

        disputes = cache.page("disputes", filters={"status": "needs_response"}).rows
        if not disputes:
            raise SystemExit("the demo seed has no dispute awaiting evidence")
        self.dispute_id = str(disputes[0]["id"])
        window.jump_to("disputes", self.dispute_id)
        detail = window.disputes.detail
        detail.form.fields["product_description"].set_text(
            "Flat white and almond croissant, served at the counter.")
        if await detail.save_draft() is None:
            raise SystemExit("the dispute's draft was not saved")


def _untouched(charge: dict[str, Any] | None) -> bool:
    """A charge that succeeded and is neither refunded nor disputed."""
    return bool(charge and charge.get("status") == "succeeded"
                and not charge.get("amount_refunded") and not charge.get("disputed"))


async def collect_waiting_qr(tour: Tour) -> None:
    """A payment link waiting for the customer, with its QR code."""
    tour.link_url = await tour.show_link("42.80", "Two coffees and a cake")
    await tour.save("collect-waiting-qr")


async def collect_paid(tour: Tour) -> None:
    """The same link paid on the sandbox's hosted page; the poller turns it to Paid."""
    url = tour.link_url or await tour.show_link("42.80", "Two coffees and a cake")
    await asyncio.get_running_loop().run_in_executor(None, pay, url)
    await until(tour.window.collect.view.is_paid, "the paid state")
    await tour.save("collect-paid")


async def sale(tour: Tour) -> None:
    """The sale screen: the café grid by category, and a cart with tax, a code, a manual
    discount with its reason (this station allows up to 20 %) and a tip."""
    await _ring_up(tour)
    tour.window.sale.tabs.setCurrentIndex(2)
    await tour.save("sale")


async def _ring_up(tour: Tour) -> None:
    """A cart on the sale screen: two lattes, a croissant, an espresso, tax, a code, a
    manual discount on the croissant with its reason, a tip."""
    window = tour.window
    window.state.settings.manual_discount_limit = 20
    window.show_panel(Panel.SALE)
    screen = window.sale
    await until(lambda: len(screen.items) > 5, "the catalogue in the grid")
    screen.tax.setCurrentIndex(1)
    for name, times in (("Caffè latte", 2), ("Butter croissant", 1), ("Espresso", 1)):
        item = next(i for i in screen.items if i.name == name)
        screen.add(item, times)
    screen.code.setText("HAPPY10")
    screen.apply_promotion_code()
    screen.lines.selectRow(1)
    screen.manual_amount.setText("0.50")
    screen.manual_reason.setText("Yesterday's")
    screen.give_discount(whole_cart=False)
    screen.tip_buttons.button(2).click()


def _tiered_beans(session: Session) -> str:
    """A bag of beans priced in graduated tiers (the demo has none): its product id."""
    product = products_api.create_product(session.gateway, {
        "name": "Beans by the kilo", "metadata": {"category": "Beans", "sku": "BEAN-KG"}})
    price = prices_api.create_price(session.gateway, {
        "product": product["id"], "currency": "usd", "billing_scheme": "tiered",
        "tiers_mode": "graduated", "tiers": [{"up_to": 5, "unit_amount": 1200},
                                             {"up_to": "inf", "unit_amount": 1000,
                                              "flat_amount": 250}]})
    products_api.update_product(session.gateway, product["id"],
                                {"default_price": price["id"]})
    return str(product["id"])


async def receipt_preview(tour: Tour) -> None:
    """The sale's cart paid on Checkout, then its 80 mm receipt in the print preview: the
    shop's address and tax id, the lines, the discount's reason, tax, tip and the QR code."""
    window = tour.window
    state = window.state
    state.settings.set_business(state.session.profile.name, {
        "name": "Sandbox Coffee", "address": "12 Roastery Lane\nPortland, OR 97201",
        "tax_id": "EIN 93-1234567", "footer": "Thank you, see you tomorrow!"})
    collect = window.collect
    if collect.sale is Sale.WAITING:  # the link of the shots before: closed first
        await collect.cancel_request()
    collect.new_sale()
    if window.sale.cart.is_empty:
        await sale(tour)
    window.sale.request_collect()
    request = await collect.request_link()
    if request is None:
        raise SystemExit("the collect screen created no payment page for the cart")
    await asyncio.get_running_loop().run_in_executor(None, pay, request.url)
    await until(collect.view.is_paid, "the paid state")
    await until(lambda: state.cache.get("payment_intents", str(collect.paid_intent()))
                is not None, "the payment in the cache")
    dialog = await collect.open_print()
    if dialog is None:
        raise SystemExit("no receipt preview")
    dialog.resize(760, 720)
    dialog.move(window.mapToGlobal(QPoint(260, 40)))
    await tour.save("receipt-preview", dialog)
    dialog.close()
    collect.new_sale()


async def products(tour: Tour) -> None:
    """The Products panel: the café catalogue with prices, SKUs, barcodes and categories,
    a tiered price's tiers shown read-only."""
    window = tour.window
    window.show_panel(Panel.PRODUCTS)
    panel = window.products
    await until(lambda: panel.products.rowCount() > 5, "the products list")
    product_id = await window.state.run(_tiered_beans, window.state.session)
    window.state.expect_activity()
    await until(lambda: panel.show_object(product_id), "the tiered product listed")
    await tour.save("products")


async def coupons(tour: Tour) -> None:
    """The coupons and promotion codes, with times redeemed, validity and expiry."""
    window = tour.window
    window.show_panel(Panel.PRODUCTS)
    tab = window.products.coupons_tab
    window.products.tabs.setCurrentWidget(tab)
    await until(lambda: tab.codes.rowCount() > 1, "the promotion codes")
    tab.coupons.selectRow(0)
    tab.kind.setCurrentIndex(tab.kind.findData("amount"))
    tab.amount_off.text_edit.setText("2.00")
    tab.other_amounts.setText("EUR 2.00, JPY 300")
    await tour.save("coupons")


async def _reader_sale(tour: Tour, amount: str = "", description: str = "") -> None:
    """Start a Card reader sale on the demo's counter reader, the window at 1280x800: the
    amount typed on the collect screen, or (without one) the sale screen's cart. The demo
    reader's own tap a few seconds later is switched off, so each shot shows the state it
    names however slowly the machine runs; the shots tap the card themselves."""
    tour.sandbox.state.auto_present_after = None
    window = tour.window
    window.resize(*SIZE)
    collect = window.collect
    if collect.sale.value == "waiting":
        await collect.cancel_request()
    collect.new_sale()
    await until(lambda: collect.sale.value == "editing", "the collect screen free")
    await collect.reader.reload_readers()
    if amount:
        window.show_panel(Panel.COLLECT)
        collect.amount.text_edit.setText(amount)
        collect.description.setText(description)
    else:
        if window.sale.cart.is_empty:
            await _ring_up(tour)
        window.sale.request_collect()
    if await collect.reader.collect() is None:
        raise SystemExit("the reader did not start collecting: "
                         f"{collect.reader.button.toolTip() or collect.message.text()}")


async def _tap(tour: Tour, number: str) -> None:
    """Tap the test card `number` on the reader collecting the sale on the screen."""
    collect = tour.window.collect
    payment = collect.reader.payment
    assert payment is not None
    session = tour.window.state.session
    await asyncio.get_running_loop().run_in_executor(None, lambda: present_payment_method(
        session.gateway, payment.reader_id, {"card_present": {"number": number}}))
    await collect.reader.refresh()


async def reader_waiting(tour: Tour) -> None:
    """The sale screen's cart on the reader: "Tap, insert or swipe on the reader"."""
    await _reader_sale(tour)
    await tour.save("reader-waiting")


async def reader_paid(tour: Tour) -> None:
    """A Mastercard tapped on the reader: Paid, with the receipt's buttons."""
    collect = tour.window.collect
    if collect.reader.payment is None:
        await _reader_sale(tour)
    await _tap(tour, "5555555555554444")
    await until(collect.view.is_paid, "the reader payment paid")
    await tour.save("reader-paid")


async def reader_declined(tour: Tour) -> None:
    """A card with insufficient funds tapped on the reader: the bank's reason and Try again."""
    await _reader_sale(tour, "23.10", "Beans 250 g and two espressos")
    await _tap(tour, "4000000000009995")
    collect = tour.window.collect
    await until(lambda: collect.reader.outcome is not None
                and collect.reader.outcome.state == "declined", "the decline")
    await tour.save("reader-declined")
    await collect.reader.cancel_payment()
    tour.window.resize(*SIZE)


async def customers(tour: Tour) -> None:
    """The customers list from the cache."""
    tour.window.show_panel(Panel.CUSTOMERS)
    await tour.save("customers")


async def customer_detail(tour: Tour) -> None:
    """The customer with the most to show (metadata, an address)."""
    rows = tour.window.state.cache.page("customers", limit=100).rows
    best = max(rows, key=lambda c: len(c.get("metadata") or {}) + bool(c.get("address")))
    tour.window.jump_to("customers", str(best["id"]))
    await tour.save("customer-detail")


async def dashboard(tour: Tour, name: str = "dashboard") -> None:
    """The dashboard once its figures are computed."""
    tour.window.show_panel(Panel.DASHBOARD)
    await tour.window.dashboard.refresh()
    await tour.save(name)


async def subscriptions(tour: Tour) -> None:
    """A running subscription with Stripe's preview of its next invoice."""
    window = tour.window
    # One that will charge again: Stripe is asked for no preview of one that cancels.
    chosen = next(s for s in window.state.cache.page(
        "subscriptions", filters={"status": "active"}).rows if next_charge(s).amount)
    window.jump_to("subscriptions", str(chosen["id"]))
    detail = window.subscriptions.detail
    detail.tabs.setCurrentIndex(1)
    await until(lambda: detail.upcoming is not None, "the next invoice's preview")
    await tour.save("subscriptions")


async def invoices(tour: Tour) -> None:
    """An open invoice as it prints."""
    window = tour.window
    invoice = window.state.cache.page("invoices", filters={"status": "open"}).rows[0]
    window.jump_to("invoices", str(invoice["id"]))
    await tour.save("invoices")


async def refunds(tour: Tour) -> None:
    """The refund made by `merchant_actions`, with the period's totals."""
    await tour.merchant_actions()
    tour.window.jump_to("refunds", str(tour.refund_id))
    await tour.save("refunds")


async def disputes(tour: Tour) -> None:
    """The dispute's evidence form, one field being typed (its counter shown)."""
    await tour.merchant_actions()
    tour.window.jump_to("disputes", str(tour.dispute_id))
    tour.window.disputes.detail.form.fields["refund_policy_disclosure"].set_text(
        "Our refund policy is printed on every receipt and shown at the till.")
    await tour.save("disputes")


async def activity(tour: Tour) -> None:
    """The audit log (the refund, the draft) beside the events the poller applied."""
    await tour.merchant_actions()
    window = tour.window
    window.show_panel(Panel.ACTIVITY)
    panel = window.activity
    await until(lambda: panel.audit.model().rowCount() > 0, "the audit log")
    await until(lambda: panel.events_model.rowCount() > 0, "the applied events")
    panel.audit.selectRow(0)
    panel.events.table.selectRow(0)
    await tour.save("activity")


async def search(tour: Tour) -> None:
    """Ctrl+K for a customer's name at 1280x800: her, her open items, her payments."""
    window = tour.window
    window.resize(*SIZE)
    window.show_panel(Panel.DASHBOARD)
    open_invoice = window.state.cache.page("invoices", filters={"status": "open"}).rows[0]
    name = str(open_invoice.get("customer_name") or "")
    dialog = window.open_search()
    dialog.move(window.mapToGlobal(QPoint((SIZE[0] - dialog.width()) // 2, 90)))
    dialog.field.setText(name)
    dialog.run_search()
    await tour.save("search", dialog)
    dialog.close()
    window.resize(*SIZE)


def _succeeded_payments(tour: Tour) -> PaymentsPanel:
    """The payments list at 1280x800, narrowed to succeeded payments."""
    tour.window.resize(*SIZE)
    tour.window.show_panel(Panel.PAYMENTS)
    panel = tour.window.payments
    panel.status_filter.setCurrentIndex(panel.status_filter.findData("succeeded"))
    return panel


async def payments_filtered(tour: Tour) -> None:
    """Payments at 1280x800 narrowed by the filter bar: succeeded, the last 7 days, from
    10.00."""
    window = tour.window
    panel = _succeeded_payments(tour)
    assert panel.filter_bar is not None
    panel.filter_bar.amount_min.setText("10")
    panel.filter_bar.set_days(QDate.currentDate().addDays(-6), None)
    panel.list.table.selectRow(0)
    await tour.save("payments-filtered")
    panel.clear_filters()
    window.resize(*SIZE)


async def export(tour: Tour) -> None:
    """The export dialog over Payments filtered to the last 7 days: its days, the account's
    time zone, the rows it holds, CSV or XLSX."""
    window = tour.window
    panel = _succeeded_payments(tour)
    assert panel.filter_bar is not None
    panel.filter_bar.set_days(QDate.currentDate().addDays(-6), QDate.currentDate())
    panel.export.click()
    dialog = window.findChild(ExportDialog)
    assert isinstance(dialog, ExportDialog)
    dialog.kind.setCurrentIndex(dialog.kind.findData("xlsx"))
    dialog.adjustSize()
    dialog.move(window.mapToGlobal(QPoint((SIZE[0] - dialog.width()) // 2, 160)))
    await tour.save("export", dialog)
    dialog.close()
    dialog.deleteLater()
    panel.clear_filters()


async def balance(tour: Tour, name: str = "balance") -> None:
    """The balance per currency and its transactions, with fee and net."""
    window = tour.window
    window.show_panel(Panel.BALANCE)
    panel = window.balance
    await until(lambda: panel.model.rowCount() > 5 and "·" in panel.summary.text(),
                "the balance transactions and the balance read on opening")
    panel.list.table.selectRow(0)
    await tour.save(name)


async def payouts(tour: Tour) -> None:
    """A paid payout and the balance transactions it settled (the reconciliation)."""
    window = tour.window
    window.show_panel(Panel.PAYOUTS)
    panel = window.payouts
    await until(lambda: panel.model.rowCount() > 0, "the payouts")
    paid = next((row for row in range(panel.model.rowCount())
                 if (panel.model.object_at(row) or {}).get("status") == "paid"), 0)
    panel.list.table.selectRow(paid)
    await tour.save("payouts")


async def _connected_accounts(tour: Tour) -> None:
    """Once: the demo shop as a platform with two connected accounts, made as the Connect
    panel's *New account…* makes them."""
    window = tour.window
    window.show_panel(Panel.ACCOUNTS)
    accounts = window.accounts
    if accounts.model.rowCount() == 0:
        await accounts.create_account("Harbour Bakery", "owner@harbour.example", "express")
        await accounts.create_account("Riverside Roasters", None, "full")
    await until(lambda: accounts.model.rowCount() > 1, "the connected accounts")


async def connect_accounts(tour: Tour) -> None:
    """The platform's connected accounts, one selected with its requirements."""
    await _connected_accounts(tour)
    tour.window.accounts.list.table.selectRow(0)
    await tour.save("connect-accounts")


async def connect_acting_as(tour: Tour) -> None:
    """The whole window working on a connected account, under the banner saying whose."""
    await _connected_accounts(tour)
    accounts = tour.window.accounts
    first = accounts.model.object_at(0)
    if first is None:
        raise SystemExit("no connected account to act as")
    account_id = str(first["id"])
    acting = await tour.controller.act_as(account_id)
    if acting is None:
        raise SystemExit(f"could not act as {account_id}")
    acting.resize(*SIZE)
    await until(lambda: acting.status.last_synced is not None, "the account's first sync")
    acting.show_panel(Panel.COLLECT)
    acting.collect.amount.text_edit.setText("18.50")
    acting.collect.description.setText("Sourdough loaf and two croissants")
    await tour.save("connect-acting-as")
    await tour.controller.back_to_platform()
    tour.window.resize(*SIZE)
    await until(lambda: tour.window.status.last_synced is not None, "the platform again")


async def balance_zh(tour: Tour) -> None:
    """The balance in Simplified Chinese."""
    await tour.use_language("zh_CN")
    await balance(tour, "balance-zh")


async def chinese(tour: Tour) -> None:
    """The collect screen in Simplified Chinese, a link waiting."""
    await tour.use_language("zh_CN")
    await tour.show_link("128.00", "午餐套餐")
    await tour.save("chinese")


async def dashboard_zh(tour: Tour) -> None:
    """The dashboard in Simplified Chinese."""
    await tour.use_language("zh_CN")
    await dashboard(tour, "dashboard-zh")


# Taken in this order: English first, then Chinese (one language switch).
SHOTS: dict[str, Callable[[Tour], Awaitable[None]]] = {
    "collect-waiting-qr": collect_waiting_qr,
    "collect-paid": collect_paid,
    "sale": sale,
    "receipt-preview": receipt_preview,
    "products": products,
    "coupons": coupons,
    "reader-waiting": reader_waiting,
    "reader-paid": reader_paid,
    "reader-declined": reader_declined,
    "customers": customers,
    "customer-detail": customer_detail,
    "dashboard": dashboard,
    "subscriptions": subscriptions,
    "invoices": invoices,
    "refunds": refunds,
    "disputes": disputes,
    "activity": activity,
    "search": search,
    "payments-filtered": payments_filtered,
    "export": export,
    "balance": balance,
    "payouts": payouts,
    "connect-accounts": connect_accounts,
    "connect-acting-as": connect_acting_as,
    "chinese": chinese,
    "dashboard-zh": dashboard_zh,
    "balance-zh": balance_zh,
}


async def tour_demo(controller: GuiController, sandbox: Sandbox, names: list[str]) -> None:
    """Open the demo window in English and take the shots `names`, in SHOTS order."""
    await controller.start()
    tour = Tour(controller, sandbox)
    try:
        await tour.use_language("en_US")
        for name, shot in SHOTS.items():
            if name in names:
                await shot(tour)
    finally:
        controller.shutdown()


def main(argv: list[str]) -> int:
    """Take the shots named in `argv` (all when empty); returns the exit code."""
    unknown = sorted(set(argv) - set(SHOTS))
    if unknown:
        print(f"unknown screenshot(s): {', '.join(unknown)}; known: {', '.join(SHOTS)}",
              file=sys.stderr)
        return 2
    app = application()
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    with tempfile.TemporaryDirectory(prefix="posapp-shots-") as tmp, \
            running(seed="demo") as sandbox, Worker() as worker:
        paths = Paths.resolve(Path(tmp))
        paths.create()
        settings = Settings.load(paths.settings_file)
        settings.language = "en_US"
        settings.save()
        controller = make_controller(GuiOptions(paths=paths, demo_api_base=sandbox.url,
                                                demo_api_key=DEMO_API_KEY), worker)
        with loop:
            # One run_until_complete for the whole tour, as launch_gui does.
            loop.run_until_complete(tour_demo(controller, sandbox, argv or list(SHOTS)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
