"""Charges: retrieve, update, list, search, receipts (payment attempts make them: engine)."""

from __future__ import annotations

import html

from ..engine.charges import display_amount
from ..params import merge_metadata
from ..router import PageResponse, Request, api, page
from ..state import Obj, search_response


@api("GET", "/v1/charges/{id}")
def retrieve_charge(req: Request) -> Obj:
    return req.state.get(req.path_args["id"], "charge")


@api("POST", "/v1/charges/{id}", ("description", "metadata", "receipt_email"))
def update_charge(req: Request) -> Obj:
    charge = req.state.get(req.path_args["id"], "charge")
    p = req.params
    changes: Obj = {}
    for key in ("description", "receipt_email"):
        if key in p:
            changes[key] = p.string(key) or None
    if "metadata" in p:
        changes["metadata"] = merge_metadata(charge["metadata"], p.raw("metadata"))
    return req.state.update(charge, changes, "charge.updated")


@api("GET", "/v1/charges", ("customer", "payment_intent", "created", "limit",
                            "starting_after", "ending_before", "transfer_group"))
def list_charges(req: Request) -> Obj:
    customer = req.params.string("customer")
    payment_intent = req.params.string("payment_intent")

    def keep(charge: Obj) -> bool:
        return ((customer is None or charge["customer"] == customer)
                and (payment_intent is None or charge["payment_intent"] == payment_intent))
    return req.state.list_response("charge", req.params, "/v1/charges", keep)


@api("GET", "/v1/charges/search", ("query", "limit", "page"), ("query",))
def search_charges(req: Request) -> Obj:
    return search_response(req.state, "charge", req.params, "/v1/charges/search")


@page("GET", "/receipts/{id}")
def receipt_page(req: Request) -> PageResponse:
    """The receipt a charge's `receipt_url` points at."""
    charge = req.state.get(req.path_args["id"], "charge")
    card = charge["payment_method_details"]["card"]
    lines = [
        ("Receipt", charge["id"]),
        ("Amount", display_amount(charge["amount"], charge["currency"])),
        ("Refunded", display_amount(charge["amount_refunded"], charge["currency"])),
        ("Card", f"{card['brand']} •••• {card['last4']}"),
        ("Status", charge["status"]),
        ("Description", charge["description"] or ""),
    ]
    rows = "".join(f"<tr><th>{html.escape(k)}</th><td>{html.escape(str(v))}</td></tr>"
                   for k, v in lines)
    body = (f"<!doctype html><html><head><meta charset='utf-8'><title>Receipt</title></head>"
            f"<body><h1>{html.escape(req.state.account['business_profile']['name'])}</h1>"
            f"<table>{rows}</table></body></html>")
    return PageResponse(body.encode())
