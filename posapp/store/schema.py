"""Cache schema: one table per cached Stripe type, the columns extracted from each object,
their indexes, the full-text indexes, and the forward migrations between schema versions."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from contextlib import nullcontext
from dataclasses import dataclass, field
from typing import Any

from .client_secrets import MARKER, without_client_secrets
from .codec import Codec, compress_table
from .refs import ref_id

Extracted = dict[str, Any]


@dataclass(frozen=True)
class TableSpec:
    """How one Stripe type is stored: extracted columns (name → SQL type), how to compute
    them from an object, which to index, and which feed the trigram full-text index."""

    name: str
    object: str
    id_prefixes: tuple[str, ...]
    columns: Mapping[str, type]
    extract: Callable[[Mapping[str, Any]], Extracted]
    indexes: tuple[tuple[str, ...], ...] = ()
    fts: tuple[str, ...] = ()
    extra: Mapping[str, type] = field(default_factory=dict)


def _get(obj: Mapping[str, Any], *path: str) -> Any:
    node: Any = obj
    for key in path:
        if not isinstance(node, Mapping):
            return None
        node = node.get(key)
    return node


def _bool(value: Any) -> int | None:
    return None if value is None else int(bool(value))


_MONTHS_PER_INTERVAL = {"day": 12 / 365, "week": 12 / 52, "month": 1.0, "year": 12.0}


def monthly_amount(subscription: Mapping[str, Any]) -> int:
    """The subscription's recurring amount normalised to one month, in minor units."""
    total = 0.0
    for item in _get(subscription, "items", "data") or []:
        price = item.get("price") or {}
        recurring = price.get("recurring") or {}
        months = _MONTHS_PER_INTERVAL.get(recurring.get("interval", ""), 0.0)
        count = recurring.get("interval_count") or 1
        amount = price.get("unit_amount") or 0
        if months:
            total += amount * (item.get("quantity") or 1) / (months * count)
    return round(total)


def _customer(o: Mapping[str, Any]) -> Extracted:
    return {"email": o.get("email"), "name": o.get("name"), "phone": o.get("phone"),
            "description": o.get("description"), "currency": o.get("currency")}


def _payment_method(o: Mapping[str, Any]) -> Extracted:
    return {"customer": ref_id(o.get("customer")), "type": o.get("type"),
            "brand": _get(o, "card", "brand"), "last4": _get(o, "card", "last4"),
            "name": _get(o, "billing_details", "name"),
            "email": _get(o, "billing_details", "email")}


def _payment_intent(o: Mapping[str, Any]) -> Extracted:
    return {"customer": ref_id(o.get("customer")), "status": o.get("status"),
            "amount": o.get("amount"), "currency": o.get("currency"),
            "description": o.get("description"), "email": o.get("receipt_email"),
            "latest_charge": ref_id(o.get("latest_charge"))}


def _card(charge: Mapping[str, Any], name: str) -> Any:
    """A field of the card a charge was paid with, online or read by a Terminal reader."""
    return (_get(charge, "payment_method_details", "card", name)
            or _get(charge, "payment_method_details", "card_present", name))


def _charge(o: Mapping[str, Any]) -> Extracted:
    return {"customer": ref_id(o.get("customer")), "status": o.get("status"),
            "amount": o.get("amount"), "amount_refunded": o.get("amount_refunded"),
            "currency": o.get("currency"), "description": o.get("description"),
            "payment_intent": ref_id(o.get("payment_intent")),
            "name": _get(o, "billing_details", "name"),
            "email": _get(o, "billing_details", "email"),
            "brand": _card(o, "brand"),
            "last4": _card(o, "last4"),
            "refunded": _bool(o.get("refunded")), "disputed": _bool(o.get("disputed")),
            "captured": _bool(o.get("captured")), "amount_captured": o.get("amount_captured"),
            "capture_before": _card(o, "capture_before")}


def _refund(o: Mapping[str, Any]) -> Extracted:
    return {"charge": ref_id(o.get("charge")), "payment_intent": ref_id(o.get("payment_intent")),
            "status": o.get("status"), "amount": o.get("amount"),
            "currency": o.get("currency")}


def _dispute(o: Mapping[str, Any]) -> Extracted:
    return {"charge": ref_id(o.get("charge")), "payment_intent": ref_id(o.get("payment_intent")),
            "status": o.get("status"), "amount": o.get("amount"), "currency": o.get("currency"),
            "reason": o.get("reason"), "due_by": _get(o, "evidence_details", "due_by")}


def _product(o: Mapping[str, Any]) -> Extracted:
    return {"name": o.get("name"), "active": _bool(o.get("active")),
            "sku": _get(o, "metadata", "sku"), "barcode": _get(o, "metadata", "barcode"),
            "category": _get(o, "metadata", "category")}


def _coupon(o: Mapping[str, Any]) -> Extracted:
    return {"name": o.get("name"), "valid": _bool(o.get("valid"))}


def _promotion_code(o: Mapping[str, Any]) -> Extracted:
    return {"code": o.get("code"), "active": _bool(o.get("active")),
            "coupon": ref_id(_get(o, "promotion", "coupon"))}


def _tax_rate(o: Mapping[str, Any]) -> Extracted:
    return {"display_name": o.get("display_name"), "active": _bool(o.get("active"))}


def _price(o: Mapping[str, Any]) -> Extracted:
    return {"product": ref_id(o.get("product")), "active": _bool(o.get("active")),
            "currency": o.get("currency"), "amount": o.get("unit_amount"),
            "type": o.get("type"), "interval": _get(o, "recurring", "interval")}


def _subscription(o: Mapping[str, Any]) -> Extracted:
    ends = [i.get("current_period_end") for i in _get(o, "items", "data") or []]
    known = [e for e in ends if isinstance(e, int)]
    return {"customer": ref_id(o.get("customer")), "status": o.get("status"),
            "currency": o.get("currency"),
            "current_period_end": max(known) if known else None,
            "cancel_at_period_end": _bool(o.get("cancel_at_period_end")),
            "canceled_at": o.get("canceled_at"), "mrr": monthly_amount(o)}


def _invoice(o: Mapping[str, Any]) -> Extracted:
    return {"customer": ref_id(o.get("customer")), "status": o.get("status"),
            "number": o.get("number"), "name": o.get("customer_name"),
            "email": o.get("customer_email"), "amount": o.get("total"),
            "amount_remaining": o.get("amount_remaining"), "currency": o.get("currency"),
            "due_date": o.get("due_date"),
            "subscription": ref_id(_get(o, "parent", "subscription_details", "subscription")),
            "paid_at": _get(o, "status_transitions", "paid_at")}


def _checkout_session(o: Mapping[str, Any]) -> Extracted:
    return {"customer": ref_id(o.get("customer")), "status": o.get("status"),
            "payment_status": o.get("payment_status"), "amount": o.get("amount_total"),
            "currency": o.get("currency"), "mode": o.get("mode"),
            "payment_intent": ref_id(o.get("payment_intent")),
            "payment_link": ref_id(o.get("payment_link")),
            "email": _get(o, "customer_details", "email")}


def _payment_link(o: Mapping[str, Any]) -> Extracted:
    return {"active": _bool(o.get("active")), "url": o.get("url")}


def _balance_transaction(o: Mapping[str, Any]) -> Extracted:
    return {"type": o.get("type"), "amount": o.get("amount"), "fee": o.get("fee"),
            "net": o.get("net"), "currency": o.get("currency"), "status": o.get("status"),
            "available_on": o.get("available_on"), "source": ref_id(o.get("source")),
            "reporting_category": o.get("reporting_category")}


def _payout(o: Mapping[str, Any]) -> Extracted:
    return {"status": o.get("status"), "amount": o.get("amount"),
            "currency": o.get("currency"), "arrival_date": o.get("arrival_date"),
            "automatic": _bool(o.get("automatic")),
            "balance_transaction": ref_id(o.get("balance_transaction"))}


def _account(o: Mapping[str, Any]) -> Extracted:
    return {"name": _get(o, "business_profile", "name"), "email": o.get("email"),
            "type": o.get("type"), "dashboard": _get(o, "controller", "stripe_dashboard", "type"),
            "charges_enabled": _bool(o.get("charges_enabled")),
            "payouts_enabled": _bool(o.get("payouts_enabled")),
            "requirements_due": len(_get(o, "requirements", "currently_due") or [])}


def _application_fee(o: Mapping[str, Any]) -> Extracted:
    return {"account": ref_id(o.get("account")), "charge": ref_id(o.get("charge")),
            "originating_transaction": ref_id(o.get("originating_transaction")),
            "amount": o.get("amount"), "amount_refunded": o.get("amount_refunded"),
            "currency": o.get("currency")}


def _transfer(o: Mapping[str, Any]) -> Extracted:
    return {"destination": ref_id(o.get("destination")), "amount": o.get("amount"),
            "amount_reversed": o.get("amount_reversed"), "currency": o.get("currency"),
            "source_transaction": ref_id(o.get("source_transaction"))}


def _terminal_reader(o: Mapping[str, Any]) -> Extracted:
    return {"label": o.get("label"), "status": o.get("status"),
            "location": ref_id(o.get("location")), "device_type": o.get("device_type"),
            "action_type": _get(o, "action", "type"),
            "action_status": _get(o, "action", "status")}


def _terminal_location(o: Mapping[str, Any]) -> Extracted:
    return {"display_name": o.get("display_name"), "country": _get(o, "address", "country")}


def _event(o: Mapping[str, Any]) -> Extracted:
    obj = _get(o, "data", "object") or {}
    return {"type": o.get("type"), "api_version": o.get("api_version"),
            "object_id": obj.get("id"), "object_type": obj.get("object")}


S, N = str, int
AMOUNT_INDEX = ("amount", "currency")
"""What an amount search looks rows up by (`search._by_amount`), in the types it searches."""

TABLES: dict[str, TableSpec] = {spec.name: spec for spec in (
    TableSpec("customers", "customer", ("cus_",),
              {"email": S, "name": S, "phone": S, "description": S, "currency": S},
              _customer, (("email",), ("name",)), ("name", "email", "phone", "description")),
    TableSpec("payment_methods", "payment_method", ("pm_", "card_", "src_"),
              {"customer": S, "type": S, "brand": S, "last4": S, "name": S, "email": S},
              _payment_method, (("customer",), ("last4",))),
    TableSpec("payment_intents", "payment_intent", ("pi_",),
              {"customer": S, "status": S, "amount": N, "currency": S, "description": S,
               "email": S, "latest_charge": S},
              _payment_intent, (("customer",), ("status",), AMOUNT_INDEX),
              ("description", "email")),
    TableSpec("charges", "charge", ("ch_", "py_"),
              {"customer": S, "status": S, "amount": N, "amount_refunded": N, "currency": S,
               "description": S, "payment_intent": S, "name": S, "email": S, "brand": S,
               "last4": S, "refunded": N, "disputed": N, "captured": N, "amount_captured": N,
               "capture_before": N},
              _charge, (("customer",), ("status",), ("payment_intent",), ("last4",),
                        AMOUNT_INDEX),
              ("description", "name", "email")),
    TableSpec("refunds", "refund", ("re_", "pyr_"),
              {"charge": S, "payment_intent": S, "status": S, "amount": N, "currency": S},
              _refund, (("charge",), ("status",), AMOUNT_INDEX)),
    TableSpec("disputes", "dispute", ("dp_", "du_"),
              {"charge": S, "payment_intent": S, "status": S, "amount": N, "currency": S,
               "reason": S, "due_by": N},
              _dispute, (("charge",), ("status",), AMOUNT_INDEX)),
    TableSpec("products", "product", ("prod_",),
              {"name": S, "active": N, "sku": S, "barcode": S, "category": S}, _product,
              (("active",), ("barcode",)), ("name", "sku", "barcode")),
    TableSpec("prices", "price", ("price_",),
              {"product": S, "active": N, "currency": S, "amount": N, "type": S,
               "interval": S},
              _price, (("product",),)),
    TableSpec("subscriptions", "subscription", ("sub_",),
              {"customer": S, "status": S, "currency": S, "current_period_end": N,
               "cancel_at_period_end": N, "canceled_at": N, "mrr": N},
              _subscription, (("customer",), ("status",))),
    TableSpec("invoices", "invoice", ("in_",),
              {"customer": S, "status": S, "number": S, "name": S, "email": S, "amount": N,
               "amount_remaining": N, "currency": S, "due_date": N, "subscription": S,
               "paid_at": N},
              _invoice, (("customer",), ("status",), ("number",), ("subscription",),
                         AMOUNT_INDEX),
              ("number", "name", "email")),
    TableSpec("checkout_sessions", "checkout.session", ("cs_",),
              {"customer": S, "status": S, "payment_status": S, "amount": N, "currency": S,
               "mode": S, "payment_intent": S, "payment_link": S, "email": S},
              _checkout_session, (("customer",), ("status",), ("payment_link",))),
    TableSpec("payment_links", "payment_link", ("plink_",), {"active": N, "url": S},
              _payment_link),
    # Coupons are keyed by ids without a prefix (Stripe lets the merchant choose them).
    TableSpec("coupons", "coupon", (), {"name": S, "valid": N}, _coupon),
    TableSpec("promotion_codes", "promotion_code", ("promo_",),
              {"code": S, "active": N, "coupon": S}, _promotion_code, (("code",),)),
    TableSpec("tax_rates", "tax_rate", ("txr_",), {"display_name": S, "active": N}, _tax_rate),
    TableSpec("balance_transactions", "balance_transaction", ("txn_",),
              {"type": S, "amount": N, "fee": N, "net": N, "currency": S, "status": S,
               "available_on": N, "source": S, "reporting_category": S},
              _balance_transaction, (("type",), ("source",))),
    TableSpec("payouts", "payout", ("po_",),
              {"status": S, "amount": N, "currency": S, "arrival_date": N, "automatic": N,
               "balance_transaction": S},
              _payout, (("status",),)),
    TableSpec("accounts", "account", ("acct_",),
              {"name": S, "email": S, "type": S, "dashboard": S, "charges_enabled": N,
               "payouts_enabled": N, "requirements_due": N},
              _account),
    TableSpec("application_fees", "application_fee", ("fee_",),
              {"account": S, "charge": S, "originating_transaction": S, "amount": N,
               "amount_refunded": N, "currency": S},
              _application_fee, (("account",), ("charge",), ("originating_transaction",))),
    TableSpec("transfers", "transfer", ("tr_",),
              {"destination": S, "amount": N, "amount_reversed": N, "currency": S,
               "source_transaction": S},
              _transfer, (("destination",), ("source_transaction",))),
    TableSpec("terminal_readers", "terminal.reader", ("tmr_",),
              {"label": S, "status": S, "location": S, "device_type": S, "action_type": S,
               "action_status": S},
              _terminal_reader, (("location",),)),
    TableSpec("terminal_locations", "terminal.location", ("tml_",),
              {"display_name": S, "country": S}, _terminal_location),
    TableSpec("events", "event", ("evt_",),
              {"type": S, "api_version": S, "object_id": S, "object_type": S},
              _event, (("type",), ("object_id",)), extra={"seq": N}),
)}

TABLE_FOR_OBJECT: dict[str, str] = {spec.object: spec.name for spec in TABLES.values()}
OBJECT_TYPES: tuple[str, ...] = tuple(name for name in TABLES if name != "events")
SEARCHABLE: tuple[str, ...] = tuple(name for name, spec in TABLES.items() if spec.fts)


def is_deletion(event: Mapping[str, Any]) -> bool:
    """Whether the event says its object was deleted (`customer.deleted`, `product.deleted`).
    `customer.subscription.deleted` is not one: the subscription lives on, canceled."""
    obj = _get(event, "data", "object") or {}
    return event.get("type") == f"{obj.get('object')}.deleted"


def table_for_id(object_id: str) -> str | None:
    """The table an id belongs to, judged by its prefix (`cus_…` → customers)."""
    for spec in TABLES.values():
        if object_id.startswith(spec.id_prefixes):
            return spec.name
    return None


def _create_table(db: Any, spec: TableSpec) -> None:
    """One object table with its indexes and FTS index."""
    columns: dict[str, type] = {"id": str, "data": str, "created": int, "deleted": int,
                                "synced_gen": int, **spec.columns, **spec.extra}
    table = db[spec.name]
    table.create(columns, pk="id", not_null={"data", "created", "deleted", "synced_gen"},
                 defaults={"deleted": 0, "synced_gen": 0, "created": 0})
    table.create_index(["created", "id"])
    _index(table, spec)


def _index(table: Any, spec: TableSpec) -> None:
    for index in spec.indexes:
        table.create_index([*index, "created", "id"], if_not_exists=True)
    if spec.fts and not table.detect_fts():
        table.enable_fts(list(spec.fts), tokenize="trigram", create_triggers=True)
        # Covers the LIKE scan for terms too short for trigrams, newest first, without
        # reading the rows' JSON.
        table.create_index(["created", "id", "deleted", *spec.fts],
                           index_name=f"idx_{spec.name}_short_search")


def _create_v1(db: Any) -> None:
    """Version 1: every object table, its indexes and FTS index, and `sync_state`."""
    for spec in TABLES.values():
        _create_table(db, spec)
    db["events"].create_index(["seq"])
    db["sync_state"].create({"key": str, "value": str}, pk="key", not_null={"value"})


def _existing(db: Any) -> list[str]:
    """The object tables a cache being migrated has (tables added by a later version are
    created by that version's migration)."""
    return [name for name in TABLES if db[name].exists()]


def _purge_client_secrets(db: Any) -> None:
    """Version 2: drop the client secrets earlier versions stored inside objects (and inside
    events' copies of them); `secure_delete` overwrites the old text in the file too."""
    db.execute("PRAGMA secure_delete = ON")
    for name in _existing(db):
        rows = db.execute(f"SELECT id, data FROM [{name}] WHERE instr(data, ?) > 0",  # noqa: S608
                          [MARKER]).fetchall()
        for object_id, data in rows:
            clean = without_client_secrets(json.loads(data))
            db.execute(f"UPDATE [{name}] SET data = ? WHERE id = ?",  # noqa: S608
                       [json.dumps(clean, separators=(",", ":"), ensure_ascii=False), object_id])


def _compress_v3(db: Any) -> None:
    """Version 3: objects' JSON deflated against a dictionary per type (see `codec`)."""
    db.conn.execute("CREATE TABLE dictionaries (id INTEGER PRIMARY KEY, tbl TEXT NOT NULL, "
                    "data BLOB NOT NULL)")
    for name in _existing(db):
        compress_table(db.conn, name)


def _charge_capture_columns(db: Any) -> None:
    """Version 4: a charge's `captured`, `amount_captured` and card `capture_before` as
    columns (takings count captured money only; the stored JSON is compressed, so SQL
    cannot read it), filled from the stored charges."""
    spec = TABLES["charges"]
    table = db["charges"]
    for column in ("captured", "amount_captured", "capture_before"):
        if column not in table.columns_dict:
            table.add_column(column, int)
    codec = Codec(lambda: nullcontext(db.conn), lambda: nullcontext(db.conn))
    rows = db.conn.execute("SELECT rowid, data FROM charges").fetchall()
    db.conn.executemany(
        "UPDATE charges SET captured = ?, amount_captured = ?, capture_before = ? "
        "WHERE rowid = ?",
        ((*(spec.extract(codec.decode(data))[c]
            for c in ("captured", "amount_captured", "capture_before")), rowid)
         for rowid, data in rows))


def _new_tables(db: Any) -> None:
    """Versions 5 and 6: the tables of types cached since, in a cache made before them (a
    new cache has them from version 1): Terminal readers and locations (5); balance
    transactions, payouts, connected accounts, application fees and transfers (6)."""
    for spec in TABLES.values():
        if not db[spec.name].exists():
            _create_table(db, spec)


def _add_catalogue(db: Any) -> None:
    """Version 7: coupons, promotion codes and tax rates; products gain their SKU, barcode
    and category (from metadata) and a full-text index over name, SKU and barcode. (A cache
    created at this version has them from version 1 already; one made before version 5 got
    the three tables from `_new_tables`.)"""
    for name in ("coupons", "promotion_codes", "tax_rates"):
        if not db[name].exists():
            _create_table(db, TABLES[name])
    spec = TABLES["products"]
    products = db["products"]
    for column in ("sku", "barcode", "category"):
        if column not in products.columns_dict:
            products.add_column(column, str)
    codec = Codec(lambda: nullcontext(db.conn), lambda: nullcontext(db.conn))
    for object_id, data in db.execute("SELECT id, data FROM products").fetchall():
        products.update(object_id, spec.extract(codec.decode(data)))
    _index(products, spec)


def _amount_indexes(db: Any) -> None:
    """Version 8: an index on (amount, currency) in the types an amount search looks in
    ("4.50", "¥1000"), which otherwise read every row of the table."""
    for name in _existing(db):
        if AMOUNT_INDEX in TABLES[name].indexes:
            _index(db[name], TABLES[name])


MIGRATIONS: tuple[Callable[[Any], None], ...] = (
    _create_v1, _purge_client_secrets, _compress_v3, _charge_capture_columns, _new_tables,
    _new_tables, _add_catalogue, _amount_indexes)
"""Forward migrations; `MIGRATIONS[n]` takes a cache from version n to n + 1."""
