"""The list models over a real cache file: keyset pages on demand, never every row; search,
filters and the oldest-first order."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication

from posapp.store.cache import Cache
from posapp.ui.common.format import Formats, card_label, card_label_of, ref_id
from posapp.ui.common.list_view import CacheListView
from posapp.ui.customers.customer_list_model import CustomerListModel

COUNT = 250


@pytest.fixture
def cache(tmp_path: Path) -> Cache:
    store = Cache(tmp_path / "cache.sqlite3")
    store.upsert("customers", [
        {"id": f"cus_{i:05d}", "object": "customer", "created": 1_700_000_000 + i,
         "name": f"Customer {i}", "email": f"c{i}@example.com",
         "balance": -500 if i == 7 else 0, "currency": "usd"}
        for i in range(COUNT)])
    return store


def test_pages_load_on_demand_and_never_all(qapp: QApplication, cache: Cache) -> None:
    model = CustomerListModel(cache, Formats("en_US"), page_size=100)
    model.reload()
    assert model.rowCount() == 100
    assert model.object_at(0)["id"] == f"cus_{COUNT - 1:05d}"
    assert model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == 200
    model.fetchMore()
    assert model.rowCount() == COUNT
    assert not model.canFetchMore()
    assert model.total() == COUNT
    assert model.pages_loaded == 3


def test_reload_keeps_loaded_rows_and_sees_new_ones(qapp: QApplication, cache: Cache) -> None:
    model = CustomerListModel(cache, Formats("en_US"), page_size=100)
    model.reload()
    model.fetchMore()
    cache.upsert("customers", [{"id": "cus_new", "object": "customer",
                                "created": 1_800_000_000, "name": "Newest"}])
    model.reload()
    assert model.rowCount() == 200
    assert model.object_at(0)["name"] == "Newest"
    assert model.canFetchMore()


def test_oldest_first_and_search_and_balance(qapp: QApplication, cache: Cache) -> None:
    model = CustomerListModel(cache, Formats("en_US"), page_size=100)
    model.sort(CustomerListModel.Columns.CREATED, Qt.SortOrder.AscendingOrder)
    assert model.object_at(0)["id"] == "cus_00000"
    model.fetchMore()
    assert model.object_at(150)["id"] == "cus_00150"
    model.set_search("c7@example")
    assert [model.object_at(r)["id"] for r in range(model.rowCount())] == ["cus_00007"]
    assert model.index(0, CustomerListModel.Columns.BALANCE).data() == "-$5.00"
    model.set_search("")
    assert model.rowCount() == 100


def test_chinese_locale_formats_money_and_dates(qapp: QApplication, cache: Cache) -> None:
    formats = Formats("zh_CN")
    assert formats.money(123450, "cny") == "¥1,234.50"
    assert formats.money(500, "jpy") == "JP¥500"
    model = CustomerListModel(cache, formats)
    model.reload()
    assert "2023" in model.index(0, CustomerListModel.Columns.CREATED).data()


def test_jumping_to_a_deep_row_searches_instead_of_loading_everything(
        qapp: QApplication, cache: Cache, tmp_path: Path) -> None:
    model = CustomerListModel(cache, Formats("en_US"), page_size=20)
    view = CacheListView(model, QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat),
                         "lists/customers")
    model.reload()
    assert view.select_id("cus_00200")
    assert model.rowCount() == 60
    assert view.select_id("cus_00003")
    assert model.rowCount() == 1
    assert view.search.text() == "cus_00003"
    assert view.current_object()["id"] == "cus_00003"


@pytest.mark.parametrize(
    ("brand", "last4", "label"),
    [
        ("visa", "4242", "Visa •••• 4242"),
        ("american_express", "0005", "American Express •••• 0005"),
        ("amex", "0005", "American Express •••• 0005"),  # Stripe's `brand`
        ("mastercard", "4444", "Mastercard •••• 4444"),
        ("unionpay", "0005", "UnionPay •••• 0005"),
        ("diners", "0004", "Diners Club •••• 0004"),
        (None, "1881", "Card •••• 1881"),
        ("visa", None, ""),
    ],
)
def test_every_screen_writes_a_card_the_same_way(
    brand: str | None, last4: str | None, label: str
) -> None:
    assert card_label(brand, last4) == label
    assert card_label_of({"brand": brand, "last4": last4}) == label


def test_an_expandable_field_reads_as_its_id_expanded_or_not() -> None:
    assert ref_id("ch_1") == ref_id({"id": "ch_1", "object": "charge"}) == "ch_1"
    assert ref_id(None) is None and ref_id({}) is None and ref_id("") is None
