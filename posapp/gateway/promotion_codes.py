"""Promotion codes (the customer-facing codes of a coupon): create, retrieve, update, list."""

from __future__ import annotations

from typing import Any

from stripe.params import (
    PromotionCodeCreateParams,
    PromotionCodeListParams,
    PromotionCodeUpdateParams,
)

from posapp.gateway.client import Gateway, operation

_CREATE = operation(
    "promotion_codes.create",
    lambda c, ids, p, o: c.v1.promotion_codes.create(p, o),
    find_in="promotion_codes",
)
_UPDATE = operation(
    "promotion_codes.update", lambda c, ids, p, o: c.v1.promotion_codes.update(ids[0], p, o)
)


def create_promotion_code(gw: Gateway, params: PromotionCodeCreateParams) -> dict[str, Any]:
    """Create a code customers can type for a coupon."""
    return gw.write(_CREATE, params)


def retrieve_promotion_code(gw: Gateway, promotion_code_id: str) -> dict[str, Any]:
    """One promotion code."""
    return gw.read("promotion_codes.retrieve",
                   lambda c: c.v1.promotion_codes.retrieve(promotion_code_id))


def update_promotion_code(
    gw: Gateway, promotion_code_id: str, params: PromotionCodeUpdateParams
) -> dict[str, Any]:
    """Deactivate (or reactivate) a promotion code, or change its metadata."""
    return gw.write(_UPDATE, params, (promotion_code_id,))


def list_promotion_codes(
    gw: Gateway, params: PromotionCodeListParams | None = None
) -> tuple[list[dict[str, Any]], bool]:
    """One page of promotion codes, newest first, and whether more follow."""
    page = gw.read("promotion_codes.list", lambda c: c.v1.promotion_codes.list(params))
    return page["data"], page["has_more"]
