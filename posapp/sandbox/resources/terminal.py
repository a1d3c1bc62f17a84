"""Terminal: locations, readers, reader actions and the reader test helpers.

Stripe's own test helper: `POST /v1/test_helpers/terminal/readers/{id}/present_payment_method`
(`card_present[number]` a test card number, `amount_tip`). Sandbox-only helpers:
`POST /v1/test_helpers/sandbox/terminal/readers/{id}/set_status` with `status=online|offline`
takes a reader offline (or back), and `.../timeout_action` makes the action in progress time
out as a reader waiting too long for a card does (`failure_code=terminal_reader_timeout`).
"""

from __future__ import annotations

from ..engine import terminal
from ..errors import invalid
from ..params import Params, full_address, merge_metadata
from ..router import Request, api
from ..state import Obj, as_retrieved

_LOCATION_FIELDS = ("display_name", "address", "metadata", "phone", "configuration_overrides")


def _live(req: Request, kind: str) -> Obj:
    obj = req.state.get(req.path_args["id"], kind)
    if obj.get("deleted"):
        raise invalid(f"This {kind} has been deleted.", param="id")
    return obj


def _deleted(obj: Obj) -> Obj:
    """Stripe sends no event when a location or reader is deleted."""
    obj["deleted"] = True
    return as_retrieved(obj)


def _address(p: Params, current: Obj | None = None) -> Obj:
    given = p.hash("address") or {}
    merged = {**(current or {}), **given}
    if not merged.get("country"):
        raise invalid("Missing required param: address[country].", param="address[country]")
    address: Obj = full_address(merged)
    return address


# locations ------------------------------------------------------------------------------


@api("POST", "/v1/terminal/locations", _LOCATION_FIELDS, ("display_name", "address"))
def create_location(req: Request) -> Obj:
    p = req.params
    return terminal.create_location(req.state, p.req_string("display_name"), _address(p),
                                    merge_metadata({}, p.raw("metadata")),
                                    p.string("phone") or None)


@api("GET", "/v1/terminal/locations/{id}")
def retrieve_location(req: Request) -> Obj:
    return as_retrieved(req.state.get(req.path_args["id"], "terminal.location"))


@api("POST", "/v1/terminal/locations/{id}", _LOCATION_FIELDS)
def update_location(req: Request) -> Obj:
    p, location = req.params, _live(req, "terminal.location")
    changes: Obj = {}
    if "display_name" in p:
        changes["display_name"] = p.req_string("display_name")
    if "address" in p:
        changes["address"] = _address(p, location["address"])
    if "phone" in p:
        changes["phone"] = p.string("phone") or None
    if "metadata" in p:
        changes["metadata"] = merge_metadata(location["metadata"], p.raw("metadata"))
    return req.state.update(location, changes)


@api("DELETE", "/v1/terminal/locations/{id}")
def delete_location(req: Request) -> Obj:
    return _deleted(_live(req, "terminal.location"))


@api("GET", "/v1/terminal/locations", ("limit", "starting_after", "ending_before"))
def list_locations(req: Request) -> Obj:
    return req.state.list_response("terminal.location", req.params, "/v1/terminal/locations",
                                   lambda obj: not obj.get("deleted"))


# readers --------------------------------------------------------------------------------


@api("POST", "/v1/terminal/readers", ("registration_code", "label", "location", "metadata"),
     ("registration_code",))
def register_reader(req: Request) -> Obj:
    p = req.params
    return terminal.register_reader(req.state, p.req_string("registration_code"),
                                    label=p.string("label") or None,
                                    location=p.string("location") or None,
                                    metadata=merge_metadata({}, p.raw("metadata")))


@api("GET", "/v1/terminal/readers/{id}")
def retrieve_reader(req: Request) -> Obj:
    return as_retrieved(req.state.get(req.path_args["id"], "terminal.reader"))


@api("POST", "/v1/terminal/readers/{id}", ("label", "metadata"))
def update_reader(req: Request) -> Obj:
    p, reader = req.params, _live(req, "terminal.reader")
    changes: Obj = {}
    if "label" in p:
        # An emptied label falls back to the serial number, as the Dashboard shows it.
        changes["label"] = p.string("label") or reader["serial_number"]
    if "metadata" in p:
        changes["metadata"] = merge_metadata(reader["metadata"], p.raw("metadata"))
    return req.state.update(reader, changes)


@api("DELETE", "/v1/terminal/readers/{id}")
def delete_reader(req: Request) -> Obj:
    return _deleted(_live(req, "terminal.reader"))


@api("GET", "/v1/terminal/readers", ("device_type", "location", "serial_number", "status",
                                     "limit", "starting_after", "ending_before"))
def list_readers(req: Request) -> Obj:
    p = req.params
    wanted = {name: p.string(name) for name in ("device_type", "location", "serial_number",
                                                "status") if name in p}
    if "status" in wanted:
        p.enum("status", ("online", "offline"))

    def keep(reader: Obj) -> bool:
        return not reader.get("deleted") and all(reader[k] == v for k, v in wanted.items())
    return req.state.list_response("terminal.reader", p, "/v1/terminal/readers", keep)


# reader actions -------------------------------------------------------------------------


def _process_config(p: Params) -> Obj | None:
    given = p.hash("process_config")
    if given is None:
        return None
    tipping = given.get("tipping")
    eligible = tipping.get("amount_eligible") if isinstance(tipping, dict) else None
    return {
        "enable_customer_cancellation": given.get("enable_customer_cancellation")
        in ("true", True),
        "return_url": given.get("return_url"),
        "skip_tipping": given.get("skip_tipping") in ("true", True),
        "tipping": {"amount_eligible": int(eligible) if eligible else None}
        if tipping is not None else None,
    }


@api("POST", "/v1/terminal/readers/{id}/process_payment_intent",
     ("payment_intent", "process_config"), ("payment_intent",))
def process_payment_intent(req: Request) -> Obj:
    state, p = req.state, req.params
    reader = _live(req, "terminal.reader")
    pi = state.get(p.req_string("payment_intent"), "payment_intent", param="payment_intent")
    return terminal.process_payment_intent(state, reader, pi, _process_config(p))


@api("POST", "/v1/terminal/readers/{id}/set_reader_display", ("type", "cart"), ("type",))
def set_reader_display(req: Request) -> Obj:
    p = req.params
    p.enum("type", ("cart",))
    cart = p.hash("cart")
    if cart is None:
        raise invalid("Missing required param: cart.", param="cart")
    lines = cart.get("line_items")
    if not isinstance(lines, list) or not lines:
        raise invalid("Missing required param: cart[line_items].", param="cart[line_items]")
    given = Params(cart)
    shown = {
        "currency": given.req_string("currency").lower(),
        "line_items": [_cart_line(Params(line if isinstance(line, dict) else {}), index)
                       for index, line in enumerate(lines)],
        "tax": given.integer("tax", minimum=0),
        "total": _required_int(given, "total", "cart[total]"),
    }
    return terminal.set_reader_display(req.state, _live(req, "terminal.reader"), shown)


def _required_int(p: Params, name: str, param: str) -> int:
    value = p.integer(name, minimum=0)
    if value is None:
        raise invalid(f"Missing required param: {param}.", param=param)
    return value


def _cart_line(line: Params, index: int) -> Obj:
    where = f"cart[line_items][{index}]"
    description = line.string("description")
    if not description:
        raise invalid(f"Missing required param: {where}[description].",
                      param=f"{where}[description]")
    return {"amount": _required_int(line, "amount", f"{where}[amount]"),
            "description": description,
            "quantity": _required_int(line, "quantity", f"{where}[quantity]")}


@api("POST", "/v1/terminal/readers/{id}/cancel_action")
def cancel_action(req: Request) -> Obj:
    return terminal.cancel_action(req.state, _live(req, "terminal.reader"))


# test helpers ---------------------------------------------------------------------------


@api("POST", "/v1/test_helpers/terminal/readers/{id}/present_payment_method",
     ("type", "card_present", "amount_tip", "card", "interac_present"))
def present_payment_method(req: Request) -> Obj:
    p = req.params
    kind = p.enum("type", ("card_present", "card", "interac_present"), "card_present")
    if kind != "card_present":
        raise invalid(f"The sandbox simulates card_present only, not {kind}.", param="type")
    card = p.hash("card_present") or {}
    return terminal.present_payment_method(
        req.state, _live(req, "terminal.reader"),
        number=str(card.get("number") or terminal.DEFAULT_TEST_CARD),
        amount_tip=p.integer("amount_tip", minimum=0))


@api("POST", "/v1/test_helpers/sandbox/terminal/readers/{id}/set_status", ("status",),
     ("status",))
def set_status(req: Request) -> Obj:
    """Sandbox only: `status=offline` takes the reader offline, `online` brings it back."""
    status = req.params.enum("status", ("online", "offline"))
    assert status is not None
    return terminal.set_status(req.state, _live(req, "terminal.reader"), status)


@api("POST", "/v1/test_helpers/sandbox/terminal/readers/{id}/timeout_action")
def timeout_action(req: Request) -> Obj:
    """Sandbox only: the action in progress times out waiting for a card."""
    return terminal.time_out_action(req.state, _live(req, "terminal.reader"))
