"""Exports against the sandbox and the real cache: the Customers and Activity lists as
filtered, XLSX read back with openpyxl (numbers with their currency's decimals, real dates,
formulas impossible), the export dialog's days (file name says them), a 5,000-row export
and a canceled one that leaves no file; the invoice PDF's address from the account."""

from __future__ import annotations

import csv
import threading
from collections.abc import Callable
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import qasync
import stripe
from PySide6.QtCore import QDate
from ui_support import customer_with_card, run, sync_now, wait_until

from posapp.money import exponent
from posapp.services.customers import create_customer
from posapp.services.exports import ExportKind
from posapp.ui.shell.main_window import MainWindow, Panel
from posapp.ui.widgets.export_dialog import ExportDialog, ExportSource


def _read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def _local(timestamp: int, window: MainWindow) -> str:
    return datetime.fromtimestamp(timestamp, window.state.formats.zone).isoformat(
        timespec="seconds")


def test_customers_events_and_the_audit_log_export_as_filtered(
        loop: qasync.QEventLoop, window: MainWindow, client: stripe.StripeClient,
        tmp_path: Path) -> None:
    for name in ("=HYPERLINK(\"http://evil\")", "Ann Apple", "Ann Archer", "Bob Baker"):
        client.v1.customers.create(params={"name": name, "email": "a@example.com",
                                           "phone": "+44 20 7946 0000"})
    run(loop, window.state.run(create_customer, window.state.session, name="@Audit Ann"))
    sync_now(loop, window)
    window.show_panel(Panel.CUSTOMERS)
    panel = window.customers
    assert panel.export.isVisibleTo(panel)
    panel.list.search.setText("Ann")
    wait_until(loop, lambda: panel.model.rowCount() == 3, "the three Anns")

    path = tmp_path / "customers.csv"
    assert run(loop, panel.export_csv(path)) == 3
    assert "3 customers exported" in panel.message.text()
    rows = _read_csv(path)
    assert {r["name"] for r in rows} == {"Ann Apple", "Ann Archer", "'@Audit Ann"}
    for row in rows:
        cached = window.state.cache.get("customers", row["id"])
        assert cached is not None
        assert row["email"] == (cached["email"] or "")
        assert row["phone"] == ("'" + cached["phone"] if cached["phone"] else "")
        assert row["created"] == _local(cached["created"], window)

    activity = window.activity
    activity.object_type.setCurrentIndex(activity.object_type.findData("customer"))
    events = window.state.cache.page("events", filters={"object_type": "customer"},
                                     limit=100).rows
    assert len(events) == 5
    path = tmp_path / "events.csv"
    assert run(loop, activity.export_events_to(path)) == 5
    rows = _read_csv(path)
    assert [r["id"] for r in rows] == [e["id"] for e in events]  # newest first, as listed
    for row, event in zip(rows, events, strict=True):
        assert row["type"] == event["type"] and row["object"] == "customer"
        assert row["object_id"] == event["data"]["object"]["id"]
        assert row["created"] == _local(event["created"], window)
    assert "5 rows exported" in activity.message.text()

    audit = window.state.session.journal.list_audit()
    assert len(audit) == 1
    path = tmp_path / "actions.csv"
    assert run(loop, activity.export_audit_to(path)) == 1
    (row,) = _read_csv(path)
    assert row["action"] == audit[0].action and row["outcome"] == "succeeded"
    assert row["idempotency_key"] == audit[0].idempotency_key
    assert datetime.fromisoformat(row["at"]).timestamp() == int(audit[0].at)
    # A range that holds no action writes the header alone.
    later = int(audit[0].at) + 60
    assert run(loop, activity.export_audit_to(path, created=(later, None))) == 0
    assert path.read_text(encoding="utf-8-sig").strip().startswith("at,actor,action")


def test_xlsx_has_numbers_with_the_currencys_decimals_real_dates_and_no_formulas(
        loop: qasync.QEventLoop, window: MainWindow, client: stripe.StripeClient,
        tmp_path: Path) -> None:
    customer = customer_with_card(client, "pm_card_visa", "=cmd|' /C calc'!A0")
    for amount, currency in ((9000, "usd"), (1000, "jpy"), (1500, "kwd")):
        client.v1.payment_intents.create(params={
            "amount": amount, "currency": currency, "confirm": True, "customer": customer.id,
            "payment_method": str(customer.invoice_settings.default_payment_method),
            "description": "=SUM(1+1)"})
    sync_now(loop, window)
    path = tmp_path / "payments.xlsx"
    assert run(loop, window.payments.export_to(path, "xlsx")) == 3
    sheet = openpyxl.load_workbook(path).active
    header = [cell.value for cell in sheet[1]]
    assert header[:5] == ["id", "created", "status", "amount", "currency"]
    data = list(sheet.iter_rows(min_row=2))
    assert len(data) == 3
    formats = {"usd": "0.00", "jpy": "0", "kwd": "0.000"}
    for cells in data:
        row = dict(zip(header, cells, strict=True))
        cached = window.state.cache.get("payment_intents", row["id"].value)
        assert cached is not None
        currency = row["currency"].value
        assert row["amount"].data_type == "n"
        assert row["amount"].number_format == formats[currency]
        assert Decimal(str(row["amount"].value)).scaleb(exponent(currency)) == cached["amount"]
        created = row["created"].value
        assert isinstance(created, datetime)
        assert created == datetime.fromtimestamp(cached["created"], UTC).astimezone(
            window.state.formats.zone).replace(tzinfo=None)
        assert row["description"].data_type == "s"
        assert row["description"].value == "=SUM(1+1)"  # text, never run


def _customer(number: int, created: int) -> dict[str, Any]:
    return {"id": f"cus_bulk{number:06d}", "object": "customer", "address": None,
            "balance": 0, "created": created, "currency": None, "default_source": None,
            "delinquent": False, "description": None, "discount": None,
            "email": f"bulk{number}@example.com", "invoice_prefix": f"B{number:06d}",
            "invoice_settings": {"custom_fields": None, "default_payment_method": None,
                                 "footer": None, "rendering_options": None},
            "livemode": False, "metadata": {}, "name": f"Bulk Buyer {number}", "phone": None,
            "preferred_locales": [], "shipping": None, "tax_exempt": "none",
            "test_clock": None}


def test_the_export_dialog_streams_a_range_of_days_with_progress_and_cancel(
        loop: qasync.QEventLoop, window: MainWindow, tmp_path: Path) -> None:
    zone = window.state.formats.zone
    day = datetime(2026, 3, 2, tzinfo=zone)
    # 5,000 customers on 2 March and one on each day around it, in the cache as a sync
    # would leave them.
    start = int(day.timestamp())
    bulk = [_customer(n, start + n) for n in range(5000)]
    bulk += [_customer(9001, start - 1), _customer(9002, start + 86_400)]
    window.state.cache.upsert("customers", bulk)
    window.show_panel(Panel.CUSTOMERS)
    panel = window.customers

    dialog = panel._ask_export()
    assert isinstance(dialog, ExportDialog)
    assert dialog.file_name() == "customers_all-dates.csv"
    assert zone is not None and zone.key in dialog.zone.text()
    dialog.date_from.setDate(QDate(2026, 3, 2))
    dialog.date_to.setDate(QDate(2026, 3, 2))
    assert dialog.rows.text() == "5000 rows to export"
    dialog.kind.setCurrentIndex(dialog.kind.findData("xlsx"))
    assert dialog.file_name() == "customers_2026-03-02.xlsx"
    dialog.kind.setCurrentIndex(dialog.kind.findData("csv"))
    path = tmp_path / dialog.file_name()
    assert run(loop, dialog.run_export(path)) == 5000
    assert not dialog.isVisible() and dialog.progress.maximum() == 5000
    rows = _read_csv(path)
    assert len(rows) == 5000 and {r["id"] for r in rows} == {c["id"] for c in bulk[:5000]}
    assert "5000 customers exported" in panel.message.text().replace(",", "")

    # Cancel halfway: the rows written so far are removed with their file.
    gate, reached = threading.Event(), threading.Event()
    source = panel.export_source()

    def held(path: Path, kind: ExportKind, created: tuple[int | None, int | None],
             progress: Callable[[int], None], cancel: threading.Event) -> Any:
        def report(count: int) -> None:  # on the worker: wait for the click once
            progress(count)
            reached.set()
            gate.wait(timeout=30)
        return source.run(path, kind, created, report, cancel)

    dialog = ExportDialog(window.state, ExportSource(source.name, source.days, source.count,
                                                     held), panel)
    dialog.open()
    canceled = tmp_path / "canceled.csv"
    window.state.spawn(dialog.run_export(canceled))
    wait_until(loop, reached.is_set, "the first rows written")
    dialog.cancel.click()
    assert dialog.isVisible()  # until the export has stopped
    gate.set()
    wait_until(loop, lambda: not dialog.isVisible(), "the export stopped")
    assert not canceled.exists() and not (tmp_path / "canceled.csv.part").exists()
    assert panel.message.text() == "Export canceled: no file was written."
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix in (".csv", ".part")) == [
        "customers_2026-03-02.csv"]
