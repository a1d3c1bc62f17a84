"""Connect: accounts, account links, login links, transfers and reversals, application fees
and their refunds (engine/connect.py), and the hosted onboarding and Express pages."""

from __future__ import annotations

import html

from ..engine.connect import (
    CAPABILITIES,
    account_link,
    complete_onboarding,
    connected_state,
    create_account,
    create_transfer,
    login_link,
    refund_application_fee,
    reverse_transfer,
)
from ..engine.payouts import available
from ..errors import invalid, not_found
from ..params import Params, currency_code, merge_metadata
from ..router import PageResponse, Request, api, page
from ..state import Obj, State

_LIST = ("created", "limit", "starting_after", "ending_before")


def _platform_account(req: Request, account_id: str) -> Obj:
    """A connected account of this platform (the request must come from the platform)."""
    if req.state.platform is not None:
        raise invalid("Only the platform can manage connected accounts.", param="account")
    return connected_state(req.state, account_id).account


@api("POST", "/v1/accounts", ("type", "controller", "country", "email", "business_type",
                              "business_profile", "capabilities", "metadata",
                              "default_currency"))
def create_account_route(req: Request) -> Obj:
    p = req.params
    requested = p.hash("capabilities") or {}
    unknown = set(requested) - set(CAPABILITIES)
    if unknown:
        raise invalid(f"The sandbox supports the capabilities {', '.join(CAPABILITIES)}; "
                      f"not {unknown.pop()}.", param="capabilities")
    profile = p.hash("business_profile") or {}
    currency = p.string("default_currency")
    return create_account(
        req.state, controller=p.hash("controller"),
        kind=p.enum("type", ("standard", "express", "custom")),
        country=(p.string("country") or "US").upper(), email=p.string("email") or None,
        business_type=p.enum("business_type",
                             ("company", "individual", "government_entity", "non_profit")),
        name=str(profile["name"]) if profile.get("name") else None,
        metadata=merge_metadata({}, p.raw("metadata")),
        default_currency=currency_code(currency) if currency else None)


@api("GET", "/v1/accounts/{id}")
def retrieve_account_route(req: Request) -> Obj:
    if req.path_args["id"] == req.state.account["id"]:
        return req.state.account
    return _platform_account(req, req.path_args["id"])


@api("POST", "/v1/accounts/{id}", ("business_profile", "email", "metadata", "settings"))
def update_account_route(req: Request) -> Obj:
    """Metadata, e-mail, business name, the payout schedule (`daily` or `manual`) and the
    tax IDs invoices carry by default."""
    p = req.params
    own = req.path_args["id"] == req.state.account["id"]
    account = req.state.account if own else _platform_account(req, req.path_args["id"])
    state = connected_state(req.state.platform or req.state, account["id"])
    changes: Obj = {"metadata": merge_metadata(account["metadata"], p.raw("metadata"))}
    if p.string("email"):
        changes["email"] = p.string("email")
    profile = p.hash("business_profile") or {}
    if profile.get("name"):
        changes["business_profile"] = {**account["business_profile"], "name": profile["name"]}
    interval = ((p.hash("settings") or {}).get("payouts") or {}).get("schedule", {})
    if isinstance(interval, dict) and interval.get("interval"):
        if interval["interval"] not in ("daily", "manual"):
            raise invalid("The sandbox's payout schedules are daily and manual.",
                          param="settings[payouts][schedule][interval]")
        settings = dict(account["settings"])
        settings["payouts"] = {**settings["payouts"], "schedule": {
            "delay_days": settings["payouts"]["schedule"]["delay_days"],
            "interval": interval["interval"]}}
        changes["settings"] = settings
    invoices = (p.hash("settings") or {}).get("invoices")
    if isinstance(invoices, dict) and "default_account_tax_ids" in invoices:
        changes["settings"] = {**(changes.get("settings") or account["settings"]),
                               "invoices": {**account["settings"]["invoices"],
                                            "default_account_tax_ids":
                                            _default_tax_ids(state, invoices)}}
    return state.update(account, changes, "account.updated")


def _default_tax_ids(state: State, invoices: Obj) -> list[str] | None:
    """`settings[invoices][default_account_tax_ids]`: the account's own tax IDs (at most
    25) its invoices carry by default; `""` clears them."""
    raw = Params(invoices).array("default_account_tax_ids")
    param = "settings[invoices][default_account_tax_ids]"
    if len(raw) > 25:
        raise invalid("An account can have at most 25 default tax IDs.", param=param)
    for index, tax_id in enumerate(raw):
        found = state.get(str(tax_id), "tax_id", param=f"{param}[{index}]")
        if found.get("deleted"):
            raise not_found("tax ID", found["id"], f"{param}[{index}]")
    return [str(tax_id) for tax_id in raw] or None


@api("GET", "/v1/accounts", _LIST)
def list_accounts_route(req: Request) -> Obj:
    if req.state.platform is not None:
        return {"object": "list", "data": [], "has_more": False, "url": "/v1/accounts"}
    return req.state.list_response("account", req.params, "/v1/accounts")


@api("POST", "/v1/account_links", ("account", "refresh_url", "return_url", "type", "collect",
                                   "collection_options"), ("account", "type"))
def create_account_link_route(req: Request) -> Obj:
    p = req.params
    account = _platform_account(req, p.req_string("account"))
    kind = p.enum("type", ("account_onboarding", "account_update"))
    assert kind is not None
    return account_link(req.state, account, req.base_url, kind)


@api("POST", "/v1/accounts/{id}/login_links")
def create_login_link_route(req: Request) -> Obj:
    return login_link(req.state, _platform_account(req, req.path_args["id"]), req.base_url)


@page("GET", "/connect/onboarding/{id}")
def onboarding_page(req: Request) -> PageResponse:
    account = connected_state(req.state, req.path_args["id"]).account
    name = html.escape(account["business_profile"]["name"] or account["id"])
    return PageResponse(
        f"<h1>Set up payments for {name}</h1><p>Due: "
        f"{html.escape(', '.join(account['requirements']['currently_due']) or 'nothing')}</p>"
        f"<form method='post'><button>Agree and submit</button></form>".encode())


@page("POST", "/connect/onboarding/{id}")
def onboarding_submit(req: Request) -> PageResponse:
    account = connected_state(req.state, req.path_args["id"]).account
    complete_onboarding(req.state, account)
    return PageResponse(b"<h1>Onboarding complete</h1><p>You can close this page.</p>")


@page("GET", "/connect/express/{id}")
def express_page(req: Request) -> PageResponse:
    child = connected_state(req.state, req.path_args["id"])
    name = html.escape(child.account["business_profile"]["name"] or child.account["id"])
    return PageResponse(f"<h1>Express dashboard: {name}</h1>".encode())


# transfers -------------------------------------------------------------------------------


@api("POST", "/v1/transfers", ("amount", "currency", "destination", "description", "metadata",
                               "source_transaction", "transfer_group"),
     ("amount", "currency", "destination"))
def create_transfer_route(req: Request) -> Obj:
    p = req.params
    amount = p.integer("amount", minimum=1)
    assert amount is not None
    currency = currency_code(p.req_string("currency"))
    source = p.string("source_transaction") or None
    if source is None and amount > available(req.state, currency)[0]:
        raise invalid("You have insufficient available funds in your Stripe account. Try "
                      "adding funds directly to your available balance by creating Charges "
                      "using the 4000000000000077 test card.", code="balance_insufficient")
    if source is not None:
        req.state.get(source, "charge", param="source_transaction")
    return create_transfer(req.state, amount=amount, currency=currency,
                           destination=p.req_string("destination"), source_transaction=source,
                           transfer_group=p.string("transfer_group") or None,
                           description=p.string("description") or None,
                           metadata=merge_metadata({}, p.raw("metadata")))


@api("GET", "/v1/transfers/{id}")
def retrieve_transfer_route(req: Request) -> Obj:
    return req.state.get(req.path_args["id"], "transfer")


@api("GET", "/v1/transfers", ("destination", "transfer_group", *_LIST))
def list_transfers_route(req: Request) -> Obj:
    destination = req.params.string("destination")
    group = req.params.string("transfer_group")
    return req.state.list_response("transfer", req.params, "/v1/transfers", lambda t: (
        (destination is None or t["destination"] == destination)
        and (group is None or t["transfer_group"] == group)))


@api("POST", "/v1/transfers/{id}/reversals", ("amount", "description", "metadata",
                                              "refund_application_fee"))
def create_reversal_route(req: Request) -> Obj:
    transfer = req.state.get(req.path_args["id"], "transfer")
    return reverse_transfer(req.state, transfer, req.params.integer("amount"),
                            metadata=merge_metadata({}, req.params.raw("metadata")))


@api("GET", "/v1/transfers/{id}/reversals", ("limit", "starting_after", "ending_before"))
def list_reversals_route(req: Request) -> Obj:
    transfer = req.state.get(req.path_args["id"], "transfer")
    return req.state.list_response("transfer_reversal", req.params,
                                   f"/v1/transfers/{transfer['id']}/reversals",
                                   lambda r: r["transfer"] == transfer["id"])


# application fees ----------------------------------------------------------------------------


@api("GET", "/v1/application_fees/{id}")
def retrieve_fee_route(req: Request) -> Obj:
    return req.state.get(req.path_args["id"], "application_fee")


@api("GET", "/v1/application_fees", ("charge", *_LIST))
def list_fees_route(req: Request) -> Obj:
    charge = req.params.string("charge")
    return req.state.list_response("application_fee", req.params, "/v1/application_fees",
                                   lambda f: charge is None or f["charge"] == charge)


@api("POST", "/v1/application_fees/{id}/refunds", ("amount", "metadata"))
def create_fee_refund_route(req: Request) -> Obj:
    fee = req.state.get(req.path_args["id"], "application_fee")
    return refund_application_fee(req.state, fee, req.params.integer("amount"),
                                  metadata=merge_metadata({}, req.params.raw("metadata")))


@api("GET", "/v1/application_fees/{id}/refunds", ("limit", "starting_after", "ending_before"))
def list_fee_refunds_route(req: Request) -> Obj:
    fee = req.state.get(req.path_args["id"], "application_fee")
    return req.state.list_response("fee_refund", req.params,
                                   f"/v1/application_fees/{fee['id']}/refunds",
                                   lambda r: r["fee"] == fee["id"])
