"""Payment Links: create, retrieve, update, list, line items; paying one opens a Checkout
Session (`payment_link` set) that the hosted page completes.

`restrictions[completed_sessions][limit]` caps the purchases: each completed session counts
(`restrictions.completed_sessions.count`), and at the limit the link switches itself off.
"""

from __future__ import annotations

from typing import Any

from ..engine.checkout import check_mode, parse_line_items
from ..engine.links import limit_reached
from ..errors import invalid, missing_param
from ..params import Params, merge_metadata, parse_int
from ..router import Request, api
from ..state import Obj, State

CREATE_PARAMS = ("line_items", "metadata", "after_completion", "customer_creation",
                 "inactive_message", "payment_intent_data", "subscription_data",
                 "submit_type", "allow_promotion_codes", "billing_address_collection",
                 "currency", "payment_method_types", "restrictions")
UPDATE_PARAMS = ("active", "metadata", "after_completion", "customer_creation",
                 "inactive_message", "allow_promotion_codes", "billing_address_collection",
                 "submit_type", "restrictions")

def _after_completion(value: Any) -> Obj:
    if value in (None, ""):
        return {"hosted_confirmation": {"custom_message": None}, "redirect": None,
                "type": "hosted_confirmation"}
    if not isinstance(value, dict):
        raise invalid("Invalid object", param="after_completion")
    p = Params(value)
    p.check(("type", "redirect", "hosted_confirmation"))
    kind = p.enum("type", ("hosted_confirmation", "redirect"))
    if kind == "redirect":
        url = (p.hash("redirect") or {}).get("url")
        if not url:
            raise invalid("Missing required param: after_completion[redirect][url].",
                          param="after_completion[redirect][url]", code="parameter_missing")
        return {"hosted_confirmation": None, "redirect": {"url": str(url)}, "type": "redirect"}
    message = (p.hash("hosted_confirmation") or {}).get("custom_message")
    return {"hosted_confirmation": {"custom_message": message}, "redirect": None,
            "type": "hosted_confirmation"}


def _restrictions(value: Any, count: int = 0) -> Obj | None:
    """Stripe's `restrictions` object from the parameter (`""` removes them)."""
    if value in (None, ""):
        return None
    if not isinstance(value, dict):
        raise invalid("Invalid object", param="restrictions")
    Params(value).check(("completed_sessions",))
    sessions = value.get("completed_sessions")
    if not isinstance(sessions, dict):
        raise missing_param("restrictions[completed_sessions]")
    Params(sessions).check(("limit",))
    if sessions.get("limit") in (None, ""):
        raise missing_param("restrictions[completed_sessions][limit]")
    limit = parse_int(sessions["limit"], "restrictions[completed_sessions][limit]", minimum=1)
    return {"completed_sessions": {"count": count, "limit": limit}}


def create_payment_link(state: State, items: list[Obj], *, metadata: Any = None,
                        after_completion: Any = None,
                        customer_creation: str = "if_required",
                        restrictions: Any = None) -> Obj:
    """Store an active Payment Link whose `url` is the sandbox's `/pay/{id}` page."""
    mode = "subscription" if any(i["price"]["type"] == "recurring" for i in items) \
        else "payment"
    currency = check_mode(mode, items)
    link_id = state.new_id("plink_", 24)
    link: Obj = {
        "id": link_id,
        "object": "payment_link",
        "active": True,
        "after_completion": _after_completion(after_completion),
        "allow_promotion_codes": False,
        "application": None,
        "application_fee_amount": None,
        "application_fee_percent": None,
        "automatic_tax": {"enabled": False, "liability": None},
        "billing_address_collection": "auto",
        "consent_collection": None,
        "currency": currency,
        "custom_fields": [],
        "custom_text": {"after_submit": None, "shipping_address": None, "submit": None,
                        "terms_of_service_acceptance": None},
        "customer_creation": customer_creation,
        "inactive_message": None,
        "invoice_creation": None,
        "line_items": {"object": "list", "data": items, "has_more": False,
                       "url": f"/v1/payment_links/{link_id}/line_items"},
        "livemode": False,
        "metadata": merge_metadata({}, metadata),
        "on_behalf_of": None,
        "payment_intent_data": None,
        "payment_method_collection": "always",
        "payment_method_options": None,
        "payment_method_types": None,
        "phone_number_collection": {"enabled": False},
        "restrictions": _restrictions(restrictions),
        "shipping_address_collection": None,
        "shipping_options": [],
        "submit_type": "auto",
        "subscription_data": None,
        "tax_id_collection": {"enabled": False, "required": "never"},
        "transfer_data": None,
        "url": f"{state.api_base}/pay/{link_id}",
    }
    state.insert(link)
    state.emit("payment_link.created", link)
    return link


@api("POST", "/v1/payment_links", CREATE_PARAMS, ("line_items",))
def create_payment_link_route(req: Request) -> Obj:
    p = req.params
    items = parse_line_items(req.state, p.array("line_items"))
    creation = p.enum("customer_creation", ("always", "if_required"), "if_required")
    return create_payment_link(req.state, items, metadata=p.raw("metadata"),
                               after_completion=p.raw("after_completion"),
                               customer_creation=str(creation),
                               restrictions=p.raw("restrictions"))


@api("GET", "/v1/payment_links/{id}")
def retrieve_payment_link(req: Request) -> Obj:
    return req.state.get(req.path_args["id"], "payment_link")


@api("POST", "/v1/payment_links/{id}", UPDATE_PARAMS)
def update_payment_link(req: Request) -> Obj:
    p = req.params
    link = req.state.get(req.path_args["id"], "payment_link")
    changes: Obj = {}
    if "active" in p:
        changes["active"] = p.boolean("active", True)
    if "metadata" in p:
        changes["metadata"] = merge_metadata(link["metadata"], p.raw("metadata"))
    if "after_completion" in p:
        changes["after_completion"] = _after_completion(p.raw("after_completion"))
    if "inactive_message" in p:
        changes["inactive_message"] = p.string("inactive_message") or None
    if "customer_creation" in p:
        changes["customer_creation"] = p.enum("customer_creation", ("always", "if_required"))
    if "restrictions" in p:
        done = (link["restrictions"] or {}).get("completed_sessions") or {}
        changes["restrictions"] = _restrictions(p.raw("restrictions"), done.get("count", 0))
        if limit_reached(changes["restrictions"]):
            changes["active"] = False
    return req.state.update(link, changes, "payment_link.updated")


@api("GET", "/v1/payment_links/{id}/line_items", ("limit", "starting_after", "ending_before"))
def list_payment_link_line_items(req: Request) -> Obj:
    link = req.state.get(req.path_args["id"], "payment_link")
    return req.state.list_response("item", req.params, link["line_items"]["url"],
                                   items=link["line_items"]["data"])


@api("GET", "/v1/payment_links", ("active", "limit", "starting_after", "ending_before"))
def list_payment_links(req: Request) -> Obj:
    active = req.params.boolean("active") if "active" in req.params else None
    return req.state.list_response("payment_link", req.params, "/v1/payment_links",
                                   lambda link: active is None or link["active"] == active)
