"""Customers: create, retrieve, update, delete, list, search."""

from __future__ import annotations

from ..errors import invalid, not_found
from ..params import merge_metadata
from ..router import Request, api
from ..state import Obj, State, as_retrieved, search_response
from .test_clocks import clock_time

_FIELDS = ("address", "description", "email", "name", "phone", "shipping",
           "preferred_locales", "tax_exempt", "balance", "invoice_settings", "metadata")
CREATE_PARAMS = (*_FIELDS, "payment_method", "test_clock", "invoice_prefix",
                 "next_invoice_sequence")
UPDATE_PARAMS = (*_FIELDS, "default_source", "invoice_prefix", "next_invoice_sequence")


def _invoice_settings(req: Request, customer_id: str, current: Obj, update: Obj | None,
                      attaching: str | None = None) -> Obj:
    """`current` with `update` applied; the default must be (or be about to be) attached."""
    settings = dict(current)
    if update is None:
        return settings
    if "default_payment_method" in update:
        pm_id = update["default_payment_method"] or None
        if pm_id is not None:
            pm = req.state.get(pm_id, "payment_method",
                               param="invoice_settings[default_payment_method]")
            if pm.get("customer") != customer_id and pm_id != attaching:
                raise invalid(
                    f"The customer does not have a payment method with the ID {pm_id}. The "
                    "payment method must be attached to the customer.",
                    param="invoice_settings[default_payment_method]")
        settings["default_payment_method"] = pm_id
    for key in ("footer", "custom_fields", "rendering_options"):
        if key in update:
            settings[key] = update[key] or None
    return settings


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
    for key in ("address", "shipping"):
        if key in p:
            changes[key] = p.hash(key)
    email = changes.get("email")
    if email and ("@" not in email or len(email) > 512):
        raise invalid(f"Invalid email address: {email}", param="email", code="email_invalid")
    return changes


@api("POST", "/v1/customers", CREATE_PARAMS)
def create_customer(req: Request) -> Obj:
    """A new customer; one on a test clock is made, with its events, at the clock's time."""
    clock_id = req.params.string("test_clock")
    clock = (req.state.get(clock_id, "test_helpers.test_clock", param="test_clock")
             if clock_id else None)
    with clock_time(req.state, None if clock is None else int(clock["frozen_time"])):
        return _new_customer(req, clock_id)


def _new_customer(req: Request, clock_id: str | None) -> Obj:
    state, p = req.state, req.params
    customer_id = state.new_id("cus_", 14)
    customer: Obj = {
        "id": customer_id,
        "object": "customer",
        "address": None,
        "balance": 0,
        "created": state.now(),
        "currency": None,
        "default_source": None,
        "delinquent": False,
        "description": None,
        "discount": None,
        "email": None,
        "invoice_prefix": p.string("invoice_prefix") or customer_id[4:12].upper(),
        "invoice_settings": {"custom_fields": None, "default_payment_method": None,
                             "footer": None, "rendering_options": None},
        "livemode": False,
        "metadata": merge_metadata({}, p.raw("metadata")),
        "name": None,
        "next_invoice_sequence": p.integer("next_invoice_sequence", 1, minimum=1),
        "phone": None,
        "preferred_locales": [],
        "shipping": None,
        "tax_exempt": "none",
        "test_clock": clock_id,
    }
    customer.update(_scalar_changes(req))
    pm_id = p.string("payment_method")
    pm: Obj | None = None
    if pm_id:
        from .payment_methods import check_attachable, payment_method_for_token

        # Verify the card before storing anything: a declined card creates no customer.
        pm = payment_method_for_token(state, pm_id, "payment_method")
        check_attachable(pm, customer_id, "payment_method")
    customer["invoice_settings"] = _invoice_settings(
        req, customer_id, customer["invoice_settings"], p.hash("invoice_settings"),
        attaching=pm["id"] if pm else None)
    state.insert(customer)
    state.emit("customer.created", customer)
    if pm is not None:
        from .payment_methods import attach_payment_method

        attach_payment_method(state, pm["id"], customer, param="payment_method")
    return customer


@api("GET", "/v1/customers/{id}")
def retrieve_customer(req: Request) -> Obj:
    return as_retrieved(req.state.get(req.path_args["id"], "customer"))


def live_customer(req: Request, customer_id: str, param: str = "id") -> Obj:
    """A customer that exists and is not deleted, or Stripe's 404."""
    return require_customer(req.state, customer_id, param)


def require_customer(state: State, customer_id: str, param: str = "id") -> Obj:
    """`live_customer` for engine code that holds the state rather than a request."""
    customer = state.get(customer_id, "customer", param=param)
    if customer.get("deleted"):
        raise not_found("customer", customer_id, param)
    return customer


@api("POST", "/v1/customers/{id}", UPDATE_PARAMS)
def update_customer(req: Request) -> Obj:
    customer = live_customer(req, req.path_args["id"])
    p = req.params
    changes = _scalar_changes(req)
    if "metadata" in p:
        changes["metadata"] = merge_metadata(customer["metadata"], p.raw("metadata"))
    if "invoice_settings" in p:
        changes["invoice_settings"] = _invoice_settings(req, customer["id"],
                                                        customer["invoice_settings"],
                                                        p.hash("invoice_settings"))
    if "invoice_prefix" in p:
        changes["invoice_prefix"] = p.string("invoice_prefix")
    if "next_invoice_sequence" in p:
        changes["next_invoice_sequence"] = p.integer("next_invoice_sequence", 1, minimum=1)
    return req.state.update(customer, changes, "customer.updated")


@api("DELETE", "/v1/customers/{id}")
def delete_customer(req: Request) -> Obj:
    return req.state.delete(live_customer(req, req.path_args["id"]), "customer.deleted")


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
