"""Prices: one-time and recurring; create, retrieve, update, list, search (`price.*` events)."""

from __future__ import annotations

from ..engine.catalog import INTERVALS, claim_lookup_key, create_price
from ..params import Params, merge_metadata
from ..router import Request, api
from ..state import Obj, search_response

CREATE_PARAMS = ("active", "currency", "lookup_key", "metadata", "nickname", "product",
                 "product_data", "recurring", "tax_behavior", "transfer_lookup_key",
                 "unit_amount", "unit_amount_decimal", "billing_scheme", "currency_options",
                 "tiers", "tiers_mode")
UPDATE_PARAMS = ("active", "lookup_key", "metadata", "nickname", "tax_behavior",
                 "transfer_lookup_key")


@api("POST", "/v1/prices", CREATE_PARAMS, ("currency",))
def create_price_route(req: Request) -> Obj:
    return create_price(req.state, req.params, req.params.string("product"))


@api("GET", "/v1/prices/{id}")
def retrieve_price(req: Request) -> Obj:
    return req.state.get(req.path_args["id"], "price")


@api("POST", "/v1/prices/{id}", UPDATE_PARAMS)
def update_price(req: Request) -> Obj:
    state, p = req.state, req.params
    price = state.get(req.path_args["id"], "price")
    changes: Obj = {}
    if "active" in p:
        changes["active"] = p.boolean("active", True)
    if "nickname" in p:
        changes["nickname"] = p.string("nickname") or None
    if "metadata" in p:
        changes["metadata"] = merge_metadata(price["metadata"], p.raw("metadata"))
    if "tax_behavior" in p:
        changes["tax_behavior"] = p.enum("tax_behavior", ("inclusive", "exclusive",
                                                          "unspecified"))
    if "lookup_key" in p:
        key = p.string("lookup_key") or None
        claim_lookup_key(state, key, p.boolean("transfer_lookup_key"), price["id"])
        changes["lookup_key"] = key
    return state.update(price, changes, "price.updated")


@api("GET", "/v1/prices", ("active", "created", "currency", "lookup_keys", "product",
                           "recurring", "type", "limit", "starting_after", "ending_before"))
def list_prices(req: Request) -> Obj:
    p = req.params
    active = p.boolean("active") if "active" in p else None
    currency = (p.string("currency") or "").lower() or None
    lookup_keys = {str(k) for k in p.array("lookup_keys")}
    product = p.string("product")
    kind = p.enum("type", ("one_time", "recurring"))
    recurring = Params(p.hash("recurring") or {})
    recurring.check(("interval", "usage_type", "meter"))
    interval = recurring.enum("interval", INTERVALS)
    usage = recurring.enum("usage_type", ("licensed", "metered"))

    def keep(price: Obj) -> bool:
        rec = price["recurring"] or {}
        return ((active is None or price["active"] == active)
                and (currency is None or price["currency"] == currency)
                and (not lookup_keys or price["lookup_key"] in lookup_keys)
                and (product is None or price["product"] == product)
                and (kind is None or price["type"] == kind)
                and (interval is None or rec.get("interval") == interval)
                and (usage is None or rec.get("usage_type") == usage))
    return req.state.list_response("price", p, "/v1/prices", keep)


@api("GET", "/v1/prices/search", ("query", "limit", "page"), ("query",))
def search_prices(req: Request) -> Obj:
    return search_response(req.state, "price", req.params, "/v1/prices/search")
