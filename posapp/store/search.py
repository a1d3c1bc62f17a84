"""Search over the cache: ids by prefix (`cus_…`, `in_…`), card last4, amounts ("4.50",
"¥1000", "1.500 KWD"), dates ("yesterday", "12/3": that day's payments) and free text
through the FTS5 trigram indexes (so `小明` is found inside `王小明`).

Every term is passed to FTS5 as a quoted phrase, so quotes, operators and brackets in the
user's text are searched for literally and never reach the query parser; a term with no
letter or digit in it is ignored. Trigram indexes cannot look up terms shorter than three
characters; those are matched with LIKE instead, over a covering index.

Results are ranked by kind: customers first (an exact name or e-mail before partial
matches), then open items (open invoices, live subscriptions, payments awaiting capture),
then history by type, newest first; a customer found by name brings her payments,
invoices and subscriptions along. A charge
found is shown as its payment: one result per payment.

Text that SQLite cannot take is cleaned first: control characters and lone surrogates (which
cannot be encoded) become spaces, repeated terms count once, and only the first
`MAX_TERMS` terms are searched (a longer query would grow an expression SQLite refuses).
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, tzinfo
from typing import Any, NamedTuple

from posapp.money import exponent

from .schema import SEARCHABLE, TABLES, table_for_id
from .search_terms import AmountTerm, parse_amount_term, parse_date_range

_ID = re.compile(r"^[a-z]+_[A-Za-z0-9_]*$")
# FTS5 ends a quoted string at NUL; a lone surrogate cannot be encoded for SQLite.
_UNUSABLE = re.compile(r"[\x00-\x1f\x7f\ud800-\udfff]")
MAX_TERMS = 16
MAX_TERM_LENGTH = 200
_LAST4 = re.compile(r"^\d{4}$")
_LAST4_TABLES = ("charges", "payment_methods")
# Full-text matches considered per type, newest first (rowid order follows age, see
# `cache._upsert`); of a term matching more, the newest are shown.
_CANDIDATES = 250
AMOUNT_TABLES = ("payment_intents", "charges", "refunds", "invoices", "disputes")
"""The types an amount search looks in (a charge is shown as its payment)."""
OPEN_STATUSES: dict[str, tuple[str, ...]] = {
    "invoices": ("draft", "open"),
    "subscriptions": ("active", "trialing", "past_due", "unpaid", "paused", "incomplete"),
    "payment_intents": ("requires_capture", "requires_action", "processing"),
    "disputes": ("needs_response", "warning_needs_response"),
    "refunds": ("pending", "requires_action"),
}
"""Statuses that make an object an open item, ranked above history."""
CUSTOMER_ITEMS = ("payment_intents", "invoices", "subscriptions")
"""What a customer found by name brings along."""
CUSTOMERS, OPEN = "customers", "open"
GROUP_ORDER = (CUSTOMERS, OPEN, "payment_intents", "charges", "refunds", "invoices",
               "subscriptions", "disputes", "checkout_sessions", "payment_methods")
"""The order of result groups: customers, open items, then history by type."""
_CUSTOMERS_WITH_ITEMS = 5


@dataclass(frozen=True)
class SearchHit:
    """One object found: its table, id, creation time, the object itself, and its group
    (`"customers"`, `"open"`, or its table for history)."""

    table: str
    id: str
    created: int
    data: dict[str, Any]
    group: str = ""


class _Found(NamedTuple):
    table: str
    id: str
    created: int
    status: str | None
    exact: bool = False


def search(conn: sqlite3.Connection, text: str, *, tables: Sequence[str] | None = None,
           limit: int = 50, locale: str = "en_US", now: datetime | None = None,
           tz: tzinfo | None = None, decode: Callable[[Any], Any] = json.loads
           ) -> list[SearchHit]:
    """Objects matching `text`, ranked by kind (see the module), at most `limit`. `tables`
    narrows the search (default: every type); id and last4 matches are always included.
    Amounts are read in `locale`; with `now`, a date text finds that day's payments (days
    in `tz`, None: the system's). `decode` turns a stored `data` value into the object (the
    cache's codec)."""
    text = _UNUSABLE.sub(" ", text).strip()
    if not text or limit <= 0:
        return []
    terms = list(dict.fromkeys(t[:MAX_TERM_LENGTH] for t in text.split()))[:MAX_TERMS]
    wanted = list(tables) if tables is not None else list(TABLES)
    if "payment_intents" in wanted and "charges" not in wanted:
        wanted.append("charges")  # a payment is found by its charge's card, name, amount
    found: set[_Found] = set()
    if _ID.match(text):
        found.update(_by_id_prefix(conn, text, limit))
    if _LAST4.match(text):
        for table in _LAST4_TABLES:
            found.update(_select(conn, table, "t.last4 = ?", [text], limit))
    amount = parse_amount_term(text, locale)
    if amount is not None:
        for table in AMOUNT_TABLES:
            if table in wanted:
                found.update(_by_amount(conn, table, amount, limit))
    days = parse_date_range(text, now, tz) if now is not None else None
    if days is not None and "payment_intents" in wanted:
        found.update(_select(conn, "payment_intents", "t.created >= ? AND t.created < ?",
                             list(days), limit))
    by_name: list[str] = []
    for table in SEARCHABLE:
        if table in wanted:
            matches = _by_text(conn, table, terms, text, limit)
            found.update(matches)
            by_name += [f.id for f in matches if f.table == "customers"]
    found = _charges_as_payments(conn, found)
    if tables is None:
        found |= _items_of(conn, by_name, limit)
    best = sorted(found, key=_rank)[:limit]
    # Only the objects shown are read and decoded.
    return [SearchHit(f.table, f.id, f.created, decode(conn.execute(
        f"SELECT data FROM [{f.table}] WHERE id = ?", (f.id,)).fetchone()[0]),  # noqa: S608
        group_of(f.table, f.status)) for f in best]


def group_of(table: str, status: str | None) -> str:
    """The result group of an object: customers, open items, or its type's history."""
    if table == "customers":
        return CUSTOMERS
    return OPEN if status in OPEN_STATUSES.get(table, ()) else table


def _rank(found: _Found) -> tuple[int, bool, int, str]:
    group = group_of(found.table, found.status)
    order = GROUP_ORDER.index(group) if group in GROUP_ORDER else len(GROUP_ORDER)
    return order, not found.exact, -found.created, found.id


def _by_id_prefix(conn: sqlite3.Connection, prefix: str, limit: int) -> list[_Found]:
    table = table_for_id(prefix)
    if table is None:
        return []
    # A range on the primary key uses its index, unlike a case-insensitive LIKE.
    return _select(conn, table,
                   f"t.rowid IN (SELECT rowid FROM [{table}] WHERE id >= ? AND id < ? "  # noqa: S608
                   f"AND deleted = 0 LIMIT {_CANDIDATES})",
                   [prefix, prefix + "\U0010ffff"], limit)


def _by_amount(conn: sqlite3.Connection, table: str, amount: AmountTerm,
               limit: int) -> list[_Found]:
    where = ["(t.amount = ? AND t.currency = ?)" for _ in amount.named]
    params: list[Any] = [v for currency, minor in amount.named for v in (minor, currency)]
    if amount.by_exponent:
        conn.create_function("currency_exponent", 1, _exponent_or_none, deterministic=True)
        # The amount narrows first; the currency's exponent is only asked of those rows.
        where += ["(t.amount = ? AND currency_exponent(t.currency) = ?)"
                  for _ in amount.by_exponent]
        params += [v for places, minor in amount.by_exponent for v in (minor, places)]
    return _select(conn, table, "(" + " OR ".join(where) + ")", params, limit)


def _exponent_or_none(currency: object) -> int | None:
    try:
        return exponent(currency) if isinstance(currency, str) else None
    except ValueError:
        return None


def _by_text(conn: sqlite3.Connection, table: str, terms: list[str], text: str,
             limit: int) -> list[_Found]:
    terms = [t for t in terms if any(c.isalnum() for c in t)]
    if not terms:
        return []
    long_terms = [t for t in terms if len(t) >= 3]
    short_terms = [t for t in terms if len(t) < 3]
    columns = TABLES[table].fts
    where: list[str] = []
    params: list[Any] = []
    for term in short_terms:
        where.append("(" + " OR ".join(f"t.{c} LIKE ? ESCAPE '\\'" for c in columns) + ")")
        params.extend([f"%{_escape_like(term)}%"] * len(columns))
    if long_terms:
        match = " AND ".join('"' + t.replace('"', '""') + '"' for t in long_terms)
        fts = f"[{table}_fts]"
        where.insert(0, f"t.rowid IN (SELECT rowid FROM {fts} WHERE {fts} MATCH ? "  # noqa: S608
                        f"ORDER BY rowid DESC LIMIT {_CANDIDATES})")
        params.insert(0, match)
    exact = None
    if table == "customers":
        exact = ("lower(t.name) = lower(?) OR lower(t.email) = lower(?)", [text, text])
    return _select(conn, table, " AND ".join(where), params, limit, exact)


def _escape_like(term: str) -> str:
    return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _charges_as_payments(conn: sqlite3.Connection, found: set[_Found]) -> set[_Found]:
    """Each charge that belongs to a cached payment replaced by that payment."""
    charges = [f for f in found if f.table == "charges"]
    if not charges:
        return found
    marks = ", ".join("?" for _ in charges)
    owners = dict(conn.execute(
        f"SELECT id, payment_intent FROM charges WHERE id IN ({marks}) "  # noqa: S608
        "AND payment_intent IS NOT NULL", [f.id for f in charges]).fetchall())
    if not owners:
        return found
    payments = _select(conn, "payment_intents",
                       f"t.id IN ({', '.join('?' for _ in owners)})",
                       list(owners.values()), len(owners))
    shown = {p.id for p in payments}
    kept = {f for f in found if f.table != "charges" or owners.get(f.id) not in shown}
    return kept | set(payments)


def _items_of(conn: sqlite3.Connection, customers: Iterable[str], limit: int) -> set[_Found]:
    """What the customers found (the first few of them) have: their payments, invoices and
    subscriptions, newest first; ranking puts the open ones above the rest."""
    items: set[_Found] = set()
    for customer in list(customers)[:_CUSTOMERS_WITH_ITEMS]:
        for table in CUSTOMER_ITEMS:
            items.update(_select(conn, table, "t.customer = ?", [customer], limit))
    return items


def _select(conn: sqlite3.Connection, table: str, where: str, params: list[Any],
            limit: int, exact: tuple[str, list[Any]] | None = None) -> list[_Found]:
    status = "t.status" if "status" in TABLES[table].columns else "NULL"
    exact_sql, exact_params = exact or ("0", [])
    rows = conn.execute(
        f"SELECT t.id, t.created, {status}, {exact_sql} FROM [{table}] t "  # noqa: S608
        f"WHERE t.deleted = 0 AND {where} ORDER BY t.created DESC, t.id DESC LIMIT ?",
        [*exact_params, *params, limit]).fetchall()
    return [_Found(table, r[0], r[1], r[2], bool(r[3])) for r in rows]
