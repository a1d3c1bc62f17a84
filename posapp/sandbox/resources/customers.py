"""Customers: create, retrieve, update, delete, list, search."""

from __future__ import annotations

from ..engine.customers import create_customer, invoice_settings, require_customer
from ..engine.subscriptions import delete_customer
from ..errors import invalid
from ..params import full_address, merge_metadata
from ..router import Request, api
from ..state import Obj, as_retrieved, search_response

_FIELDS = ("address", "description", "email", "name", "phone", "shipping",
           "preferred_locales", "tax_exempt", "balance", "invoice_settings", "metadata")
CREATE_PARAMS = (*_FIELDS, "payment_method", "test_clock", "invoice_prefix",
                 "next_invoice_sequence")
UPDATE_PARAMS = (*_FIELDS, "default_source", "invoice_prefix", "next_invoice_sequence")


def _scalar_changes(req: Request) -> Obj:
    p = req.params
    changes: Obj = {}
    for key in ("description", "email", "name", "phone"):
        if key in p:
            changes[key] = p.string(key) or None
    if "tax_exempt" in p:
        changes["tax_exempt"] = p.enum("tax_exempt", ("none", "exempt", "reverse"))
    if "balance" in p:
        changes["balance"] = p.integer("balance", 0)
    if "preferred_locales" in p:
        changes["preferred_locales"] = p.array("preferred_locales")
    if "address" in p:
        changes["address"] = full_address(p.hash("address"))
    shipping = p.hash("shipping")
    if "shipping" in p:
        changes["shipping"] = None if shipping is None else {
            "address": full_address(shipping.get("address") or {}),
            "name": shipping.get("name"), "phone": shipping.get("phone") or None}
    email = changes.get("email")
    if email and ("@" not in email or len(email) > 512):
        raise invalid(f"Invalid email address: {email}", param="email", code="email_invalid")
    return changes


@api("POST", "/v1/customers", CREATE_PARAMS)
def create_customer_route(req: Request) -> Obj:
    state, p = req.state, req.params
    clock_id = p.string("test_clock")
    clock = (state.get(clock_id, "test_helpers.test_clock", param="test_clock")
             if clock_id else None)
    return create_customer(
        state, _scalar_changes(req), clock=clock, payment_method=p.string("payment_method"),
        settings=p.hash("invoice_settings"), metadata=p.raw("metadata"),
        invoice_prefix=p.string("invoice_prefix"),
        next_invoice_sequence=p.integer("next_invoice_sequence", 1, minimum=1) or 1)


@api("GET", "/v1/customers/{id}")
def retrieve_customer(req: Request) -> Obj:
    return as_retrieved(req.state.get(req.path_args["id"], "customer"))


def live_customer(req: Request, customer_id: str, param: str = "id") -> Obj:
    """A customer that exists and is not deleted, or Stripe's 404."""
    return require_customer(req.state, customer_id, param)


@api("POST", "/v1/customers/{id}", UPDATE_PARAMS)
def update_customer(req: Request) -> Obj:
    customer = live_customer(req, req.path_args["id"])
    p = req.params
    changes = _scalar_changes(req)
    if "metadata" in p:
        changes["metadata"] = merge_metadata(customer["metadata"], p.raw("metadata"))
    if "invoice_settings" in p:
        changes["invoice_settings"] = invoice_settings(req.state, customer["id"],
                                                       customer["invoice_settings"],
                                                       p.hash("invoice_settings"))
    if "invoice_prefix" in p:
        changes["invoice_prefix"] = p.string("invoice_prefix")
    if "next_invoice_sequence" in p:
        changes["next_invoice_sequence"] = p.integer("next_invoice_sequence", 1, minimum=1)
    return req.state.update(customer, changes, "customer.updated")


@api("DELETE", "/v1/customers/{id}")
def delete_customer_route(req: Request) -> Obj:
    """Delete the customer; as on Stripe, its subscriptions are canceled first."""
    return delete_customer(req.state, live_customer(req, req.path_args["id"]))


@api("GET", "/v1/customers", ("email", "created", "limit", "starting_after", "ending_before",
                              "test_clock"))
def list_customers(req: Request) -> Obj:
    email = req.params.string("email")
    clock = req.params.string("test_clock")

    def keep(customer: Obj) -> bool:
        return ((email is None or customer.get("email") == email)
                and (clock is None or customer.get("test_clock") == clock))
    return req.state.list_response("customer", req.params, "/v1/customers", keep)


@api("GET", "/v1/customers/search", ("query", "limit", "page"), ("query",))
def search_customers(req: Request) -> Obj:
    return search_response(req.state, "customer", req.params, "/v1/customers/search")
