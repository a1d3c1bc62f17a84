"""Billing portal sessions: `POST /v1/billing_portal/sessions` (customer, return_url).

The session's `url` is the sandbox's portal page, where a person can cancel a subscription
(now or at period end) and choose a new default card (see hosted.py).
"""

from __future__ import annotations

from ..engine.clock import customer_time, frozen_time_of
from ..engine.customers import require_customer
from ..router import Request, api
from ..state import Obj

_CONFIGURATION = "bpc_sandbox_default"


@api("POST", "/v1/billing_portal/sessions", ("customer", "return_url", "locale",
                                              "configuration", "flow_data", "on_behalf_of"),
     ("customer",))
def create_portal_session(req: Request) -> Obj:
    state, p = req.state, req.params
    customer = require_customer(state, p.req_string("customer"), "customer")
    frozen = frozen_time_of(state, customer)
    session_id = state.new_id("bps_", 24)
    session: Obj = {
        "id": session_id,
        "object": "billing_portal.session",
        "configuration": p.string("configuration") or _CONFIGURATION,
        "created": state.now() if frozen is None else frozen,
        "customer": customer["id"],
        "customer_account": None,
        "flow": None,
        "livemode": False,
        "locale": p.string("locale"),
        "on_behalf_of": None,
        "return_url": p.string("return_url"),
        "url": f"{state.api_base}/portal/{session_id}",
    }
    state.insert(session)
    with customer_time(state, customer):
        state.emit("billing_portal.session.created", session)
    return session
