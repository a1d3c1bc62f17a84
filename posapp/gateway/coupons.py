"""Coupons: create, retrieve, update, delete, list."""

from __future__ import annotations

from typing import Any

from stripe.params import (
    CouponCreateParams,
    CouponListParams,
    CouponRetrieveParams,
    CouponUpdateParams,
)

from posapp.gateway.client import Gateway, operation

_CREATE = operation(
    "coupons.create", lambda c, ids, p, o: c.v1.coupons.create(p, o), find_in="coupons"
)
_UPDATE = operation("coupons.update", lambda c, ids, p, o: c.v1.coupons.update(ids[0], p, o))
_DELETE = operation(
    "coupons.delete",
    lambda c, ids, p, o: c.v1.coupons.delete(ids[0], p, o),
    refetch=lambda c, ids: c.v1.coupons.retrieve(ids[0]),
)


def create_coupon(
    gw: Gateway, params: CouponCreateParams, *, idempotency_key: str | None = None
) -> dict[str, Any]:
    """Create a coupon (percent or amount off, duration, limits); `idempotency_key` when it
    is one step of a tender attempt."""
    return gw.write(_CREATE, params, key=idempotency_key)


def retrieve_coupon(gw: Gateway, coupon_id: str,
                    params: CouponRetrieveParams | None = None) -> dict[str, Any]:
    """One coupon; a deleted one comes back as `{"id": ..., "deleted": True}`."""
    return gw.read("coupons.retrieve", lambda c: c.v1.coupons.retrieve(coupon_id, params))


def update_coupon(gw: Gateway, coupon_id: str, params: CouponUpdateParams) -> dict[str, Any]:
    """Rename a coupon or change its metadata (its terms are fixed)."""
    return gw.write(_UPDATE, params, (coupon_id,))


def delete_coupon(gw: Gateway, coupon_id: str) -> dict[str, Any]:
    """Stop a coupon from being redeemed again (past redemptions stay)."""
    return gw.write(_DELETE, {}, (coupon_id,))


def list_coupons(
    gw: Gateway, params: CouponListParams | None = None
) -> tuple[list[dict[str, Any]], bool]:
    """One page of coupons, newest first, and whether more follow."""
    page = gw.read("coupons.list", lambda c: c.v1.coupons.list(params))
    return page["data"], page["has_more"]
