"""Search over the cache: trigram text search (Chinese inside words), short queries, id
prefixes, card last4, amounts in each currency's exponent, dates in a time zone, ranking by
kind, one result per payment, and input that must never raise."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from store_support import as_left_by_version

from posapp.store.cache import SCHEMA_VERSION, Cache
from posapp.store.search import AMOUNT_TABLES
from posapp.store.search_terms import parse_amount_term, parse_date_range

TOKYO = ZoneInfo("Asia/Tokyo")
NOW = datetime(2026, 12, 1, 10, 0, tzinfo=TOKYO)  # a Tuesday


@pytest.fixture
def cache(tmp_path: Path) -> Iterator[Cache]:
    with Cache(tmp_path / "search.db") as c:
        c.upsert("customers", [
            {"id": "cus_Wang", "object": "customer", "created": 3, "name": "王小明",
             "email": "wang@example.cn", "phone": "+8613800000000"},
            {"id": "cus_Jo", "object": "customer", "created": 2, "name": "Jo O'Brien",
             "email": "jo@obrien.ie", "description": "VIP (wholesale) \"gold\""},
            {"id": "cus_Gone", "object": "customer", "created": 1, "name": "王小明的店",
             "deleted": True}])
        c.upsert("invoices", [
            {"id": "in_1Abc", "object": "invoice", "created": 5, "number": "A1B2-0007",
             "customer": "cus_Wang", "customer_name": "王小明",
             "customer_email": "wang@example.cn", "status": "open"}])
        c.upsert("charges", [
            {"id": "ch_9", "object": "charge", "created": 6, "description": "Espresso x2",
             "billing_details": {"name": "Zoë Müller", "email": "zoe@example.de"},
             "payment_method_details": {"card": {"brand": "visa", "last4": "4242"}}}])
        c.upsert("payment_intents", [
            {"id": "pi_9", "object": "payment_intent", "created": 6,
             "description": "Table 12 dinner", "receipt_email": "guest@example.com"}])
        yield c


def ids(cache: Cache, text: str) -> list[str]:
    return [h.id for h in cache.search(text)]


def test_chinese_name_is_found_inside_a_word(cache: Cache) -> None:
    # The customer herself first, then her open invoice.
    assert ids(cache, "小明") == ["cus_Wang", "in_1Abc"]
    assert ids(cache, "王小明") == ["cus_Wang", "in_1Abc"]
    cache.upsert("customers", [{"id": "cus_Sima", "object": "customer", "created": 9,
                                "name": "司马小明月工作室"}])
    # Three characters from the middle of a run with no word breaks: the trigram index.
    assert ids(cache, "小明月") == ["cus_Sima"]
    assert ids(cache, "明月工作") == ["cus_Sima"]


def test_deleted_objects_are_not_found(cache: Cache) -> None:
    assert "cus_Gone" not in ids(cache, "王小明")


def test_one_and_two_character_queries_still_match(cache: Cache) -> None:
    assert ids(cache, "王") == ["cus_Wang", "in_1Abc"]
    assert ids(cache, "jo") == ["cus_Jo"]


def test_mixed_long_and_short_terms_must_all_match(cache: Cache) -> None:
    assert ids(cache, "obrien jo") == ["cus_Jo"]
    assert ids(cache, "obrien zz") == []


def test_fields_of_each_searchable_type(cache: Cache) -> None:
    assert ids(cache, "A1B2-0007") == ["in_1Abc"]
    assert ids(cache, "müller") == ["ch_9"]
    assert ids(cache, "espresso") == ["ch_9"]
    assert ids(cache, "table 12") == ["pi_9"]
    assert ids(cache, "13800000") == ["cus_Wang", "in_1Abc"]  # and her open invoice


def test_search_can_be_narrowed_to_types(cache: Cache) -> None:
    assert [h.id for h in cache.search("小明", tables=["customers"])] == ["cus_Wang"]


def test_id_prefix_and_last4(cache: Cache) -> None:
    assert ids(cache, "cus_") == ["cus_Wang", "cus_Jo"]
    assert ids(cache, "in_1A") == ["in_1Abc"]
    assert ids(cache, "4242") == ["ch_9"]
    assert ids(cache, "cus_Nobody") == []


@pytest.mark.parametrize("text", [
    '"', '"gold', "O'Brien", "(wholesale", "wholesale)", "AND", "OR NOT", "NEAR(a b)",
    "*", "^x", "a:b", "name:jo", "%", "_", "\\", "'; DROP TABLE customers; --", "",
    "   ", "\x00", "—", "🙂",
])
def test_malformed_queries_are_searched_literally(cache: Cache, text: str) -> None:
    cache.upsert("customers", [{"id": "cus_Literal", "object": "customer", "created": 8,
                                "name": "Literal Lou", "description": f"note {text} end"}])
    hits = cache.search(text)
    if any(c.isalnum() for c in text):
        assert "cus_Literal" in [h.id for h in hits]
    # Only where the text is: no operator, wildcard or SQL took effect (a query of nothing
    # but punctuation or blanks finds nothing, not everything).
    for hit in hits:
        stored = json.dumps(cache.get(hit.table, hit.id), ensure_ascii=False)
        assert text.casefold() in stored.casefold(), hit.id


def test_quotes_and_brackets_match_literally(cache: Cache) -> None:
    assert ids(cache, '"gold"') == ["cus_Jo"]
    assert ids(cache, "(wholesale)") == ["cus_Jo"]
    assert ids(cache, "o'brien") == ["cus_Jo"]


@settings(max_examples=200, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=30))
def test_any_text_never_raises(cache: Cache, text: str) -> None:
    for hit in cache.search(text, now=NOW, tz=TOKYO):
        assert hit.table in {"customers", "invoices", "charges", "payment_intents"}


def test_a_lone_surrogate_is_ignored_not_raised(cache: Cache) -> None:
    assert cache.search("\ud800") == []
    assert ids(cache, "Espresso\udfff") == ["ch_9"]
    assert ids(cache, "\ud83dMüller") == ["ch_9"]


def test_a_flood_of_terms_is_cut_to_the_first_few(cache: Cache) -> None:
    flood = " ".join(["Espresso", *[chr(0x4E00 + i) for i in range(1000)]])
    assert cache.search(flood) == []
    assert ids(cache, "Espresso " + "x2 " * 1000) == ["ch_9"]
    assert ids(cache, "Espresso " + " ".join(["Espresso"] * 3000)) == ["ch_9"]


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.text(st.one_of(st.characters(), st.integers(0xD800, 0xDFFF).map(chr)),
                        max_size=4), max_size=1200).map(" ".join))
def test_many_short_terms_and_any_code_point_never_raise(cache: Cache, text: str) -> None:
    assert len(cache.search(text)) <= 50


def test_a_customer_with_many_invoices_comes_first_then_her_open_items_then_history(
        cache: Cache) -> None:
    cache.upsert("invoices", [
        {"id": f"in_Old{i}", "object": "invoice", "created": 100 + i, "status": "paid",
         "customer": "cus_Jo", "customer_name": "Jo O'Brien", "total": 900, "currency": "usd"}
        for i in range(12)])
    cache.upsert("subscriptions", [
        {"id": "sub_Jo", "object": "subscription", "created": 50, "status": "active",
         "customer": "cus_Jo", "items": {"data": []}},
        {"id": "sub_JoOld", "object": "subscription", "created": 40, "status": "canceled",
         "customer": "cus_Jo", "items": {"data": []}}])
    hits = cache.search("Jo O'Brien")
    assert [(h.group, h.id) for h in hits[:2]] == [("customers", "cus_Jo"), ("open", "sub_Jo")]
    # Then her history, by type: the paid invoices, the canceled subscription.
    assert [h.group for h in hits[2:]] == ["invoices"] * 12 + ["subscriptions"]
    assert hits[-1].id == "sub_JoOld"
    # An exact name ranks above a newer partial match.
    cache.upsert("customers", [{"id": "cus_Jo2", "object": "customer", "created": 99,
                                "name": "Jo O'Brien Jr"}])
    assert [h.id for h in cache.search("jo o'brien") if h.group == "customers"] == [
        "cus_Jo", "cus_Jo2"]


def test_a_payment_is_one_result_not_also_its_charge(cache: Cache) -> None:
    cache.upsert("payment_intents", [
        {"id": "pi_Card", "object": "payment_intent", "created": 20, "status": "succeeded",
         "amount": 450, "currency": "usd", "latest_charge": "ch_Card"}])
    cache.upsert("charges", [
        {"id": "ch_Card", "object": "charge", "created": 20, "payment_intent": "pi_Card",
         "amount": 450, "currency": "usd", "billing_details": {"name": "Ada Lovelace"},
         "payment_method_details": {"card": {"brand": "visa", "last4": "1881"}}}])
    assert ids(cache, "Lovelace") == ["pi_Card"]
    assert ids(cache, "1881") == ["pi_Card"]
    assert ids(cache, "4.50") == ["pi_Card"]
    # The payments list searches payments and still finds one by its card's name.
    assert [h.id for h in cache.search("Lovelace", tables=["payment_intents"])] == ["pi_Card"]


@pytest.fixture
def amounts(cache: Cache) -> Cache:
    cache.upsert("payment_intents", [
        {"id": "pi_Usd", "object": "payment_intent", "created": 30, "amount": 450,
         "currency": "usd", "status": "succeeded"},
        {"id": "pi_Eur", "object": "payment_intent", "created": 31, "amount": 450,
         "currency": "eur", "status": "succeeded"},
        {"id": "pi_Jpy", "object": "payment_intent", "created": 32, "amount": 1000,
         "currency": "jpy", "status": "succeeded"},
        {"id": "pi_Usd1000", "object": "payment_intent", "created": 33, "amount": 100000,
         "currency": "usd", "status": "succeeded"},
        {"id": "pi_Kwd", "object": "payment_intent", "created": 34, "amount": 1500,
         "currency": "kwd", "status": "succeeded"}])
    cache.upsert("refunds", [{"id": "re_Eur", "object": "refund", "created": 35,
                              "amount": 450, "currency": "eur", "status": "succeeded"}])
    cache.upsert("invoices", [{"id": "in_Eur", "object": "invoice", "created": 36,
                               "total": 450, "currency": "eur", "status": "paid"}])
    return cache


def test_amounts_are_found_in_each_currencys_exponent(amounts: Cache) -> None:
    assert set(ids(amounts, "4.50")) == {"pi_Usd", "pi_Eur", "re_Eur", "in_Eur"}
    assert ids(amounts, "$4.50") == ["pi_Usd"]
    assert set(ids(amounts, "€4.50")) == {"pi_Eur", "re_Eur", "in_Eur"}
    assert set(ids(amounts, "4.50 EUR")) == {"pi_Eur", "re_Eur", "in_Eur"}
    assert ids(amounts, "¥1000") == ["pi_Jpy"]
    # A bare 1000 is ¥1000 or $1,000.00, never 1000 cents.
    assert set(ids(amounts, "1000")) == {"pi_Jpy", "pi_Usd1000"}
    assert ids(amounts, "1.500 KWD") == ["pi_Kwd"]
    assert ids(amounts, "1.5 KWD") == ["pi_Kwd"]
    # In Chinese "¥" is the yuan's and the yen's sign; in German "4,50" is 4.50.
    assert [h.id for h in amounts.search("¥1000", locale="zh_CN")] == ["pi_Jpy"]
    assert set(h.id for h in amounts.search("4,50 €", locale="de_DE")) == {
        "pi_Eur", "re_Eur", "in_Eur"}
    assert ids(amounts, "4.505") == []


def test_an_amount_is_looked_up_by_index_not_by_reading_every_row(
        amounts: Cache, tmp_path: Path) -> None:
    """The amount search's conditions (`search._by_amount`) use the (amount, currency)
    index in each type it searches, also in a cache made before that index (version 7)."""
    path = Path(amounts.path)
    amounts.close()
    as_left_by_version(path, 7, *(f"DROP INDEX idx_{table}_amount_currency_created_id"
                                  for table in AMOUNT_TABLES))
    with Cache(path) as cache:
        assert cache.schema_version == SCHEMA_VERSION
        assert set(ids(cache, "4.50")) == {"pi_Usd", "pi_Eur", "re_Eur", "in_Eur"}
    conn = sqlite3.connect(path)
    conn.create_function("currency_exponent", 1, lambda _c: 2, deterministic=True)
    for table in AMOUNT_TABLES:
        plan = " / ".join(row[-1] for row in conn.execute(
            f"EXPLAIN QUERY PLAN SELECT t.id FROM [{table}] t WHERE t.deleted = 0 AND "  # noqa: S608
            "((t.amount = ? AND t.currency = ?) OR (t.amount = ? AND "
            "currency_exponent(t.currency) = ?)) ORDER BY t.created DESC, t.id DESC LIMIT 50",
            [450, "eur", 450, 2]))
        assert f"USING INDEX idx_{table}_amount_currency_created_id" in plan, plan
        assert "SCAN" not in plan, plan
    conn.close()


def test_amount_terms() -> None:
    assert parse_amount_term("4.50") is not None
    assert parse_amount_term("Ann") is None
    assert parse_amount_term("12/3") is None
    assert parse_amount_term("2026-12-03") is None
    term = parse_amount_term("1.500 KWD")
    assert term is not None and term.named == (("kwd", 1500),)


def day(y: int, m: int, d: int) -> int:
    return int(datetime(y, m, d, tzinfo=TOKYO).timestamp())


@pytest.mark.parametrize(("text", "first", "last"), [
    ("today", (2026, 12, 1), (2026, 12, 2)),
    ("Yesterday", (2026, 11, 30), (2026, 12, 1)),
    ("昨天", (2026, 11, 30), (2026, 12, 1)),
    ("last week", (2026, 11, 23), (2026, 11, 30)),
    ("this month", (2026, 12, 1), (2027, 1, 1)),
    ("last month", (2026, 11, 1), (2026, 12, 1)),
    ("11/3", (2026, 11, 3), (2026, 11, 4)),
    ("12/3", (2025, 12, 3), (2025, 12, 4)),  # the latest December 3rd not to come
    ("12/3/2026", (2026, 12, 3), (2026, 12, 4)),
    ("2026-11-02", (2026, 11, 2), (2026, 11, 3)),
    ("11/2 to 11/5", (2026, 11, 2), (2026, 11, 6)),
    ("11/2-11/5", (2026, 11, 2), (2026, 11, 6)),
    ("2026-11-05..2026-11-02", (2026, 11, 2), (2026, 11, 6)),
])
def test_dates_are_local_days_in_the_time_zone(text: str, first: tuple[int, int, int],
                                              last: tuple[int, int, int]) -> None:
    assert parse_date_range(text, NOW, TOKYO) == (day(*first), day(*last))


@pytest.mark.parametrize("text", ["2/30", "13/1", "Ann", "4.50", "in_1Abc", "1 to"])
def test_what_is_not_a_date(text: str) -> None:
    assert parse_date_range(text, NOW, TOKYO) is None


def test_a_date_finds_that_days_payments_in_the_time_zone(cache: Cache) -> None:
    midnight = day(2026, 11, 30)
    cache.upsert("payment_intents", [
        {"id": "pi_Before", "object": "payment_intent", "created": midnight - 60},
        {"id": "pi_After", "object": "payment_intent", "created": midnight + 60}])
    assert ids_on(cache, "yesterday") == ["pi_After"]
    assert ids_on(cache, "11/29") == ["pi_Before"]
    assert ids_on(cache, "11/29 to 11/30") == ["pi_After", "pi_Before"]


def ids_on(cache: Cache, text: str) -> list[str]:
    return [h.id for h in cache.search(text, now=NOW, tz=TOKYO)]
