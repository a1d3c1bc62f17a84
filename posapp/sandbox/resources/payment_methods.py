"""PaymentMethods: retrieve, update, attach, detach and lists (the cards live in
engine/cards.py)."""

from __future__ import annotations

from ..engine.cards import attach_payment_method, detach_payment_method
from ..engine.clock import customer_time
from ..engine.customers import require_customer
from ..errors import invalid, not_found
from ..params import merge_metadata
from ..router import Request, api
from ..state import Obj


@api("GET", "/v1/payment_methods/{id}")
def retrieve_payment_method(req: Request) -> Obj:
    return req.state.get(req.path_args["id"], "payment_method")


@api("POST", "/v1/payment_methods/{id}", ("billing_details", "metadata", "allow_redisplay"))
def update_payment_method(req: Request) -> Obj:
    pm = req.state.get(req.path_args["id"], "payment_method")
    p = req.params
    changes: Obj = {}
    if "metadata" in p:
        changes["metadata"] = merge_metadata(pm["metadata"], p.raw("metadata"))
    if "allow_redisplay" in p:
        changes["allow_redisplay"] = p.enum("allow_redisplay",
                                            ("always", "limited", "unspecified"))
    details = p.hash("billing_details")
    if details is not None:
        merged = dict(pm["billing_details"])
        for key, value in details.items():
            if key not in merged:
                raise invalid(f"Received unknown parameter: billing_details[{key}]",
                              param=f"billing_details[{key}]", code="parameter_unknown")
            if key == "address":
                if not isinstance(value, dict):
                    raise invalid("Invalid object", param="billing_details[address]")
                merged["address"] = {**merged["address"],
                                     **{k: v or None for k, v in value.items()
                                        if k in merged["address"]}}
            else:
                merged[key] = value or None
        changes["billing_details"] = merged
    return req.state.update(pm, changes, "payment_method.updated")


@api("POST", "/v1/payment_methods/{id}/attach", ("customer",), ("customer",))
def attach_route(req: Request) -> Obj:
    customer = require_customer(req.state, req.params.req_string("customer"), "customer")
    with customer_time(req.state, customer):
        return attach_payment_method(req.state, req.path_args["id"], customer, param="id")


@api("POST", "/v1/payment_methods/{id}/detach")
def detach_route(req: Request) -> Obj:
    return detach_payment_method(req.state, req.state.get(req.path_args["id"],
                                                          "payment_method"))


_LIST_PARAMS = ("type", "limit", "starting_after", "ending_before", "allow_redisplay")


def _list_for(req: Request, customer_id: str | None, url: str) -> Obj:
    kind = req.params.enum("type", ("card",))
    redisplay = req.params.string("allow_redisplay")

    def keep(pm: Obj) -> bool:
        return ((customer_id is None or pm.get("customer") == customer_id)
                and (kind is None or pm["type"] == kind)
                and (redisplay is None or pm["allow_redisplay"] == redisplay))
    return req.state.list_response("payment_method", req.params, url, keep)


@api("GET", "/v1/payment_methods", ("customer", *_LIST_PARAMS))
def list_payment_methods(req: Request) -> Obj:
    customer_id = req.params.string("customer")
    if customer_id:
        require_customer(req.state, customer_id, "customer")
    return _list_for(req, customer_id, "/v1/payment_methods")


@api("GET", "/v1/customers/{id}/payment_methods", _LIST_PARAMS)
def list_customer_payment_methods(req: Request) -> Obj:
    customer = require_customer(req.state, req.path_args["id"], "customer")
    return _list_for(req, customer["id"], f"/v1/customers/{customer['id']}/payment_methods")


@api("GET", "/v1/customers/{customer}/payment_methods/{id}")
def retrieve_customer_payment_method(req: Request) -> Obj:
    customer = require_customer(req.state, req.path_args["customer"], "customer")
    pm = req.state.get(req.path_args["id"], "payment_method")
    if pm.get("customer") != customer["id"]:
        raise not_found("PaymentMethod", pm["id"])
    return pm
