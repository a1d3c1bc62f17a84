"""Search over the cache: trigram text search (Chinese inside words), short queries, id
prefixes, card last4, and input that must never raise."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from posapp.store.cache import Cache


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
    assert ids(cache, "小明") == ["in_1Abc", "cus_Wang"]
    assert ids(cache, "王小明") == ["in_1Abc", "cus_Wang"]
    cache.upsert("customers", [{"id": "cus_Sima", "object": "customer", "created": 9,
                                "name": "司马小明月工作室"}])
    # Three characters from the middle of a run with no word breaks: the trigram index.
    assert ids(cache, "小明月") == ["cus_Sima"]
    assert ids(cache, "明月工作") == ["cus_Sima"]


def test_deleted_objects_are_not_found(cache: Cache) -> None:
    assert "cus_Gone" not in ids(cache, "王小明")


def test_one_and_two_character_queries_still_match(cache: Cache) -> None:
    assert ids(cache, "王") == ["in_1Abc", "cus_Wang"]
    assert ids(cache, "jo") == ["cus_Jo"]


def test_mixed_long_and_short_terms_must_all_match(cache: Cache) -> None:
    assert ids(cache, "obrien jo") == ["cus_Jo"]
    assert ids(cache, "obrien zz") == []


def test_fields_of_each_searchable_type(cache: Cache) -> None:
    assert ids(cache, "A1B2-0007") == ["in_1Abc"]
    assert ids(cache, "müller") == ["ch_9"]
    assert ids(cache, "espresso") == ["ch_9"]
    assert ids(cache, "table 12") == ["pi_9"]
    assert ids(cache, "13800000") == ["cus_Wang"]


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
    for hit in cache.search(text):
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
