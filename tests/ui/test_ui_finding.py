"""Finding things against the sandbox: Ctrl+K search by amount (JPY, EUR), name, date and
status in words, grouped by kind; the shared filter bar on Payments across a midnight in the
account's time zone (not the machine's); a takings bar opening that day's payments; CSV
exports read back and compared with the cache to the minor unit."""

from __future__ import annotations

import csv
import time
from collections.abc import Iterator
from datetime import datetime, timedelta
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import qasync
import stripe
from PySide6.QtCore import QDate, Qt
from PySide6.QtTest import QTest
from ui_support import customer_with_card, run, sync_now, wait_until

from posapp.money import exponent
from posapp.sandbox import Sandbox
from posapp.ui.shell.main_window import MainWindow, Panel
from posapp.ui.widgets.filter_bar import FilterBar

ZONE = "Asia/Tokyo"
ACCOUNT_ZONE = ZoneInfo("America/New_York")


@pytest.fixture
def tokyo(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The machine's time zone is Tokyo's for the test: nine hours off UTC, so a local
    midnight is not UTC's."""
    monkeypatch.setenv("TZ", ZONE)
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def new_york_account(sandbox: Sandbox) -> None:
    """The account counts its days in New York (its Dashboard setting), fourteen hours
    behind the machine's Tokyo in winter: list it before `window`."""
    sandbox.state.account["settings"]["dashboard"]["timezone"] = ACCOUNT_ZONE.key


def _pay(client: stripe.StripeClient, amount: int, currency: str,
         customer: stripe.Customer | None = None, card: str = "pm_card_visa",
         description: str = "Counter sale") -> str:
    params: dict[str, object] = {"amount": amount, "currency": currency, "confirm": True,
                                 "description": description}
    if customer is not None:
        params["customer"] = customer.id
        params["payment_method"] = str(customer.invoice_settings.default_payment_method)
    else:
        params["payment_method"] = card
    try:
        return str(client.v1.payment_intents.create(params=params).id)  # type: ignore[arg-type]
    except stripe.CardError as declined:
        assert declined.error is not None and declined.error.payment_intent is not None
        return str(declined.error.payment_intent.id)


def _results(window: MainWindow, text: str) -> list[str]:
    search = window.open_search()
    search.field.setText(text)
    search.run_search()
    lines = [search.results.item(i).text() for i in range(search.results.count())]
    search.close()
    return lines


def test_search_finds_amounts_names_and_dates_grouped_with_statuses_in_words(
        loop: qasync.QEventLoop, window: MainWindow, client: stripe.StripeClient) -> None:
    hana = customer_with_card(client, "pm_card_visa", "Hana Sato")
    yen = _pay(client, 1000, "jpy", hana)
    euro = _pay(client, 450, "eur", hana)
    failed = _pay(client, 450, "usd", card="pm_card_chargeDeclined")
    product = client.v1.products.create(params={"name": "Coffee Club"})
    price = client.v1.prices.create(params={"product": product.id, "currency": "usd",
                                            "unit_amount": 1500,
                                            "recurring": {"interval": "month"}})
    client.v1.subscriptions.create(params={"customer": hana.id,
                                           "items": [{"price": price.id}]})
    sync_now(loop, window)

    (heading, yen_line) = _results(window, "¥1000")
    assert heading == "Payments (1)"
    assert all(part in yen_line for part in ("Hana Sato", "¥1,000", "Succeeded", yen))
    assert datetime.now().strftime("%-m/%-d/%y") in yen_line  # its date, in the locale's form

    assert _results(window, "4.50 EUR") == [
        "Payments (1)", _results(window, "€4.50")[1]]
    assert euro in _results(window, "4.50 EUR")[1]
    lines = _results(window, "4.50")
    assert lines[0] == "Payments (2)"
    failed_line = next(line for line in lines if failed in line)
    assert "$4.50" in failed_line and "Failed" in failed_line
    assert "requires_payment_method" not in "".join(lines)

    # The customer first, then her open items (the live subscription, named for her),
    # then her history; a payment once, never also as its charge.
    lines = _results(window, "Hana Sato")
    assert lines[0] == "Customers (1)" and "Hana Sato" in lines[1]
    assert lines[2] == "Open items (1)"
    assert "Subscriptions · Hana Sato · $15.00 · Active" in lines[3]
    assert lines[4] == "Payments (3)"  # ¥1000, €4.50 and the subscription's first
    assert "Charges" not in "".join(lines)
    assert sum(euro in line for line in lines) == 1

    assert _results(window, "zz no such thing") == ["No results for “zz no such thing”"]
    # A date finds that day's payments (the failed one and the subscription's too).
    assert _results(window, "today")[0] == "Payments (4)"
    assert _results(window, "yesterday") == ["No results for “yesterday”"]


def test_payments_filter_bar_across_midnight_in_the_accounts_time_zone_and_its_export(
        tokyo: None, new_york_account: None, loop: qasync.QEventLoop, window: MainWindow,
        sandbox: Sandbox, client: stripe.StripeClient, tmp_path: Path) -> None:
    assert window.state.formats.zone == ACCOUNT_ZONE
    assert datetime.now().astimezone().utcoffset() == timedelta(hours=9)
    midnight = datetime.now(ACCOUNT_ZONE).replace(hour=0, minute=0, second=0,
                                                  microsecond=0) - timedelta(days=1)
    assert midnight.utcoffset() in (timedelta(hours=-5), timedelta(hours=-4))
    # Everything is made in the order of its `created`, so a poll in between (the poller
    # runs on its own thread) never leaves a back-dated payment's events behind its cursor.
    sandbox.state.clock_offset = int((midnight - timedelta(minutes=2)).timestamp() - time.time())
    visa = customer_with_card(client, "pm_card_visa", "Visa Vic")
    master = customer_with_card(client, "pm_card_mastercard", "Master Mo")
    made: dict[str, str] = {}
    for name, moment, amount, currency, who in (
            ("before", midnight - timedelta(minutes=1), 450, "usd", visa),
            ("after", midnight + timedelta(minutes=1), 1000, "usd", master),
            ("yen", midnight + timedelta(hours=2), 1500, "jpy", visa),
            ("dinar", midnight + timedelta(hours=3), 12_340, "kwd", master)):
        sandbox.state.clock_offset = int(moment.timestamp() - time.time())
        made[name] = _pay(client, amount, currency, who)
    sandbox.state.clock_offset = 0
    declined = _pay(client, 2000, "usd", card="pm_card_chargeDeclined")
    sync_now(loop, window)
    wait_until(loop, lambda: all(window.state.cache.get("payment_intents", i)
                                 for i in [*made.values(), declined]), "every payment cached")
    window.show_panel(Panel.PAYMENTS)
    panel = window.payments
    bar = panel.filter_bar
    assert isinstance(bar, FilterBar)

    def shown() -> set[str]:
        return {str(panel.model.object_at(r)["id"]) for r in range(panel.model.rowCount())}

    yesterday = QDate(midnight.year, midnight.month, midnight.day)  # in the account's zone
    bar.set_days(yesterday, yesterday)
    wait_until(loop, lambda: shown() == {made["after"], made["yen"], made["dinar"]},
               "the day's payments")
    bar.set_days(yesterday.addDays(-1), yesterday.addDays(-1))
    wait_until(loop, lambda: shown() == {made["before"]}, "the day before's payment")
    bar.set_days(yesterday.addDays(-1), None)
    wait_until(loop, lambda: shown() == set(made.values()) | {declined}, "every payment")
    # A date typed in the list's search box narrows the same way.
    bar.set_days(None, None)
    panel.list.search.setText("yesterday")
    wait_until(loop, lambda: shown() == {made["after"], made["yen"], made["dinar"]},
               "yesterday's payments")
    panel.list.search.setText("")
    wait_until(loop, lambda: len(shown()) == 5, "every payment again")

    # Amounts in each row's own currency: 5 to 15 is $10.00, ¥1500 is not, 12.340 KWD is.
    bar.amount_min.setText("5")
    bar.amount_max.setText("15")
    assert shown() == {made["after"], made["dinar"]}
    bar.last4.setText("4444")
    assert shown() == {made["after"], made["dinar"]}
    bar.amount_min.clear()
    bar.amount_max.setText("not money")
    assert bar.amount_max.objectName() == "error"
    panel.customer_filter.set_customer(window.state.cache.get("customers", visa.id))
    assert shown() == set()
    panel.customer_filter.set_customer(window.state.cache.get("customers", master.id))
    assert shown() == {made["after"], made["dinar"]}
    panel.status_filter.setCurrentIndex(panel.status_filter.findData("succeeded"))
    assert panel.list.count_label.text() in ("2 items", "2 item(s)")  # with or without en
    window.resize(1280, 800)

    path = tmp_path / "payments.csv"
    assert run(loop, panel.export_csv(path)) == 2
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert {r["id"] for r in rows} == {made["after"], made["dinar"]}
    for row in rows:
        cached = window.state.cache.get("payment_intents", row["id"])
        assert cached is not None
        assert row["currency"] == cached["currency"]
        assert Decimal(row["amount"]).scaleb(exponent(row["currency"])) == cached["amount"]
        assert datetime.fromisoformat(row["created"]).timestamp() == cached["created"]
        offset = datetime.fromtimestamp(cached["created"], ACCOUNT_ZONE).strftime("%z")
        assert row["created"].endswith(f"{offset[:3]}:{offset[3:]}")
        assert row["card_last4"] == "4444"
    assert {r["amount"] for r in rows} == {"10.00", "12.340"}

    panel.clear_filters()
    assert len(shown()) == 5 and bar.last4.text() == ""


def test_a_takings_bar_opens_that_days_succeeded_payments(
        loop: qasync.QEventLoop, window: MainWindow, sandbox: Sandbox,
        client: stripe.StripeClient) -> None:
    day = 86_400
    sandbox.state.clock_offset = -2 * day
    older = _pay(client, 700, "usd")
    sandbox.state.clock_offset = 0
    today = _pay(client, 900, "usd")
    _pay(client, 300, "usd", card="pm_card_chargeDeclined")
    sync_now(loop, window)
    window.resize(1280, 800)
    window.show_panel(Panel.DASHBOARD)
    window.show()
    chart = window.dashboard.takings_chart
    wait_until(loop, lambda: chart.values and chart.values[-1] == 9.0, "today's bar")
    QTest.mouseClick(chart.viewport(), Qt.MouseButton.LeftButton,
                     pos=chart.bar_center(len(chart.values) - 1))
    assert window.current_panel() is Panel.PAYMENTS
    panel = window.payments
    ids = [panel.model.object_at(r)["id"] for r in range(panel.model.rowCount())]
    assert ids == [today]
    assert older not in ids
    assert panel.status_filter.currentData() == "succeeded"
    assert panel.filter_bar is not None
    assert panel.filter_bar.date_from.date() == QDate.currentDate()


def test_every_list_has_the_filter_bar_and_exports_amounts_exactly(
        loop: qasync.QEventLoop, window: MainWindow, client: stripe.StripeClient,
        tmp_path: Path) -> None:
    for currency, amount in (("usd", 9000), ("jpy", 1000), ("kwd", 1500)):
        customer = client.v1.customers.create(params={"name": f"Buyer {currency}"})
        invoice = client.v1.invoices.create(params={
            "customer": customer.id, "collection_method": "send_invoice",
            "days_until_due": 14, "currency": currency})
        client.v1.invoice_items.create(params={"customer": customer.id,
                                               "invoice": invoice.id, "amount": amount,
                                               "currency": currency})
        client.v1.invoices.finalize_invoice(invoice.id)
    sync_now(loop, window)
    for panel in (window.payments, window.refunds, window.disputes, window.invoices,
                  window.subscriptions):
        assert isinstance(panel.filter_bar, FilterBar)
        assert panel.export.isVisibleTo(panel)

    panel = window.invoices
    tomorrow = QDate.currentDate().addDays(1)
    assert panel.filter_bar is not None
    panel.filter_bar.set_days(tomorrow, None)
    assert panel.model.rowCount() == 0
    panel.clear_filters()
    assert panel.model.rowCount() == 3
    path = tmp_path / "invoices.csv"
    assert run(loop, panel.export_csv(path)) == 3
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert {(r["total"], r["currency"]) for r in rows} == {
        ("90.00", "usd"), ("1000", "jpy"), ("1.500", "kwd")}
    for row in rows:
        cached = window.state.cache.get("invoices", row["id"])
        assert cached is not None
        for column in ("total", "amount_due", "amount_remaining"):
            assert Decimal(row[column]).scaleb(exponent(row["currency"])) == cached[column]
        assert datetime.fromisoformat(row["created"]).tzinfo is not None
        assert datetime.fromisoformat(row["due_date"]).timestamp() == cached["due_date"]


def test_todays_takings_and_the_dashboard_count_the_accounts_day_not_the_machines(
        tokyo: None, new_york_account: None, loop: qasync.QEventLoop, window: MainWindow,
        sandbox: Sandbox, client: stripe.StripeClient) -> None:
    midnight = datetime.now(ACCOUNT_ZONE).replace(hour=0, minute=0, second=0, microsecond=0)
    sandbox.state.clock_offset = int((midnight - timedelta(minutes=2)).timestamp() - time.time())
    owl = customer_with_card(client, "pm_card_visa", "Night Owl")
    for moment, amount in ((midnight - timedelta(minutes=1), 450),
                           (midnight + timedelta(minutes=1), 1000)):
        sandbox.state.clock_offset = int(moment.timestamp() - time.time())
        _pay(client, amount, "usd", owl)
    sandbox.state.clock_offset = 0
    sync_now(loop, window)

    # Only the payment after New York's midnight is today's, wherever the machine is.
    takings = window.collect.takings
    takings.refresh()
    assert takings.total.text() == "$10.00"
    figures = run(loop, window.dashboard.refresh())
    assert [(t.currency, t.amount, t.count) for t in figures.today] == [("usd", 1000, 1)]
    assert figures.days[-1] == midnight.date().isoformat()
