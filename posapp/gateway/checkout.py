"""Checkout sessions: create, retrieve, expire, list, list line items."""

from __future__ import annotations

from typing import Any

from stripe.params.checkout import (
    SessionCreateParams,
    SessionExpireParams,
    SessionLineItemListParams,
    SessionListParams,
    SessionRetrieveParams,
)

from posapp.gateway.client import Gateway, operation

_CREATE = operation(
    "checkout.sessions.create",
    lambda c, ids, p, o: c.v1.checkout.sessions.create(p, o),
    find_in="checkout.sessions",
)
_EXPIRE = operation(
    "checkout.sessions.expire",
    lambda c, ids, p, o: c.v1.checkout.sessions.expire(ids[0], p, o),
)


def create_session(
    gw: Gateway, params: SessionCreateParams, *, idempotency_key: str | None = None
) -> dict[str, Any]:
    """Create a Stripe-hosted payment (or `mode="setup"`) page; its URL is in `url`."""
    return gw.write(_CREATE, params, key=idempotency_key)


def retrieve_session(
    gw: Gateway, session_id: str, params: SessionRetrieveParams | None = None
) -> dict[str, Any]:
    """One Checkout session."""
    return gw.read(
        "checkout.sessions.retrieve", lambda c: c.v1.checkout.sessions.retrieve(session_id, params)
    )


def expire_session(
    gw: Gateway,
    session_id: str,
    params: SessionExpireParams | None = None,
    *,
    idempotency_key: str | None = None,
) -> dict[str, Any]:
    """Expire an open Checkout session so it can no longer be paid."""
    return gw.write(_EXPIRE, params, (session_id,), key=idempotency_key)


def list_sessions(
    gw: Gateway, params: SessionListParams | None = None
) -> tuple[list[dict[str, Any]], bool]:
    """One page of Checkout sessions, newest first, and whether more follow."""
    page = gw.read("checkout.sessions.list", lambda c: c.v1.checkout.sessions.list(params))
    return page["data"], page["has_more"]


def list_line_items(
    gw: Gateway, session_id: str, params: SessionLineItemListParams | None = None
) -> tuple[list[dict[str, Any]], bool]:
    """One page of a Checkout session's line items, and whether more follow."""
    page = gw.read(
        "checkout.sessions.list_line_items",
        lambda c: c.v1.checkout.sessions.line_items.list(session_id, params),
    )
    return page["data"], page["has_more"]
