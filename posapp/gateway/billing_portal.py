"""Customer portal sessions: create (a link where a customer manages their billing)."""

from __future__ import annotations

from typing import Any

from stripe.params.billing_portal import SessionCreateParams

from posapp.gateway.client import Gateway, operation

_CREATE = operation(
    "billing_portal.sessions.create",
    lambda c, ids, p, o: c.v1.billing_portal.sessions.create(p, o),
)


def create_session(gw: Gateway, params: SessionCreateParams) -> dict[str, Any]:
    """Create a customer portal session; its short-lived URL is in `url`."""
    return gw.write(_CREATE, params)
