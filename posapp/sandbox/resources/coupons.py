"""Coupons, promotion codes and tax rates: create, retrieve, update, list (and delete a
coupon), with their `coupon.*`, `promotion_code.*` and `tax_rate.*` events."""

from __future__ import annotations

from ..engine.discounts import (
    create_coupon,
    create_promotion_code,
    create_tax_rate,
    live_coupon,
    refresh_valid,
)
from ..params import merge_metadata
from ..router import Request, api
from ..state import Obj, as_retrieved


@api("POST", "/v1/coupons", ("id", "percent_off", "amount_off", "currency", "duration",
                             "duration_in_months", "max_redemptions", "metadata", "name",
                             "redeem_by", "applies_to", "currency_options"))
def create_coupon_route(req: Request) -> Obj:
    return create_coupon(req.state, req.params)


@api("GET", "/v1/coupons/{id}")
def retrieve_coupon(req: Request) -> Obj:
    return as_retrieved(refresh_valid(req.state, req.state.get(req.path_args["id"], "coupon")))


@api("POST", "/v1/coupons/{id}", ("metadata", "name"))
def update_coupon(req: Request) -> Obj:
    coupon = live_coupon(req.state, req.path_args["id"], "id")
    p, changes = req.params, Obj()
    if "name" in p:
        changes["name"] = p.string("name") or None
    if "metadata" in p:
        changes["metadata"] = merge_metadata(coupon["metadata"], p.raw("metadata"))
    return req.state.update(coupon, changes, "coupon.updated")


@api("DELETE", "/v1/coupons/{id}")
def delete_coupon(req: Request) -> Obj:
    """Deleting a coupon stops new redemptions; its codes stop working with it."""
    coupon = live_coupon(req.state, req.path_args["id"], "id")
    coupon["valid"] = False
    return req.state.delete(coupon, "coupon.deleted")


@api("GET", "/v1/coupons", ("created", "limit", "starting_after", "ending_before"))
def list_coupons(req: Request) -> Obj:
    return req.state.list_response("coupon", req.params, "/v1/coupons",
                                   lambda coupon: not coupon.get("deleted")
                                   and bool(refresh_valid(req.state, coupon)))


@api("POST", "/v1/promotion_codes", ("promotion", "code", "active", "customer",
                                     "customer_account", "expires_at", "max_redemptions",
                                     "metadata", "restrictions"), ("promotion",))
def create_promotion_code_route(req: Request) -> Obj:
    return create_promotion_code(req.state, req.params)


@api("GET", "/v1/promotion_codes/{id}")
def retrieve_promotion_code(req: Request) -> Obj:
    return req.state.get(req.path_args["id"], "promotion_code")


@api("POST", "/v1/promotion_codes/{id}", ("active", "metadata", "restrictions"))
def update_promotion_code(req: Request) -> Obj:
    promo = req.state.get(req.path_args["id"], "promotion_code")
    p, changes = req.params, Obj()
    if "active" in p:
        changes["active"] = p.boolean("active", True)
    if "metadata" in p:
        changes["metadata"] = merge_metadata(promo["metadata"], p.raw("metadata"))
    return req.state.update(promo, changes, "promotion_code.updated")


@api("GET", "/v1/promotion_codes", ("active", "code", "coupon", "customer", "created", "limit",
                                    "starting_after", "ending_before"))
def list_promotion_codes(req: Request) -> Obj:
    p = req.params
    active = p.boolean("active") if "active" in p else None
    code, coupon = p.string("code"), p.string("coupon")

    def keep(promo: Obj) -> bool:
        return ((active is None or promo["active"] == active)
                and (code is None or promo["code"].lower() == code.lower())
                and (coupon is None or promo["promotion"]["coupon"] == coupon))
    return req.state.list_response("promotion_code", p, "/v1/promotion_codes", keep)


@api("POST", "/v1/tax_rates", ("display_name", "inclusive", "percentage", "active", "country",
                               "description", "jurisdiction", "metadata", "state",
                               "tax_type"), ("display_name", "percentage"))
def create_tax_rate_route(req: Request) -> Obj:
    return create_tax_rate(req.state, req.params)


@api("GET", "/v1/tax_rates/{id}")
def retrieve_tax_rate(req: Request) -> Obj:
    return req.state.get(req.path_args["id"], "tax_rate")


@api("POST", "/v1/tax_rates/{id}", ("active", "country", "description", "display_name",
                                    "jurisdiction", "metadata", "state", "tax_type"))
def update_tax_rate(req: Request) -> Obj:
    rate = req.state.get(req.path_args["id"], "tax_rate")
    p, changes = req.params, Obj()
    if "active" in p:
        changes["active"] = p.boolean("active", True)
    for key in ("country", "description", "display_name", "jurisdiction", "state"):
        if key in p:
            changes[key] = p.string(key) or None
    if "metadata" in p:
        changes["metadata"] = merge_metadata(rate["metadata"], p.raw("metadata"))
    return req.state.update(rate, changes, "tax_rate.updated")


@api("GET", "/v1/tax_rates", ("active", "inclusive", "created", "limit", "starting_after",
                              "ending_before"))
def list_tax_rates(req: Request) -> Obj:
    p = req.params
    active = p.boolean("active") if "active" in p else None
    inclusive = p.boolean("inclusive") if "inclusive" in p else None
    return req.state.list_response(
        "tax_rate", p, "/v1/tax_rates",
        lambda rate: ((active is None or rate["active"] == active)
                      and (inclusive is None or rate["inclusive"] == inclusive)))
