"""The catalogue: products and their prices, coupons, promotion codes and tax rates, kept
at Stripe (the source of truth) and read back from the cache for the sale screen.

Prices are immutable at Stripe: `change_price_amount` makes a new price with the new
amount (same product, currency, interval and tax behaviour), moves the product's default
price to it and archives the old one. A product's SKU, barcode and category live in its
metadata (`sku`, `barcode`, `category`), where the cache indexes them for search.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Literal

from posapp.gateway import coupons, prices, products, promotion_codes, tax_rates
from posapp.gateway.params import (
    CouponCreateParams,
    PriceCreateParams,
    ProductCreateParams,
    ProductUpdateParams,
    PromotionCodeCreateParams,
    TaxRateCreateParams,
)
from posapp.money import check_minor_units
from posapp.services.cart import Coupon, Line, TaxRate
from posapp.services.errors import ServiceError
from posapp.services.invoices import InvoiceDiscount
from posapp.services.session import Session, perform, stripe_params
from posapp.store.cache import Cache

__all__ = [
    "Sellable",
    "archive_product",
    "cart_coupon",
    "cart_tax_rate",
    "change_price_amount",
    "create_coupon",
    "create_price",
    "create_product",
    "create_promotion_code",
    "create_tax_rate",
    "delete_coupon",
    "find_by_code",
    "invoice_discount_for",
    "line_for",
    "promotion_code_coupon",
    "sellable",
    "set_promotion_code_active",
    "set_tax_rate_active",
    "stripe_tax_active",
    "tax_rates_in_cache",
    "update_product",
]

Interval = Literal["day", "week", "month", "year"]
_ALL = 1_000_000  # "every row" for cache reads of the catalogue
_DEFAULT_PRICE = (("default_price",),)


@dataclass(frozen=True)
class Sellable:
    """A product the counter can sell: its default (one-time, active) price in a currency."""

    product_id: str
    price_id: str
    name: str
    unit_amount: int
    currency: str
    category: str
    sku: str
    barcode: str
    image: str | None = None


def _metadata(sku: str | None, barcode: str | None, category: str | None) -> dict[str, str]:
    found = {"sku": sku, "barcode": barcode, "category": category}
    return {k: v.strip() for k, v in found.items() if v is not None}


def create_product(
    session: Session,
    name: str,
    unit_amount: int,
    currency: str,
    *,
    sku: str | None = None,
    barcode: str | None = None,
    category: str | None = None,
    description: str | None = None,
    image_url: str | None = None,
    unit_label: str | None = None,
    tax_code: str | None = None,
    interval: Interval | None = None,
    interval_count: int = 1,
) -> dict[str, Any]:
    """Create a product with its default price (one-time, or recurring every `interval`)."""
    if not name.strip():
        raise ServiceError("A product needs a name.", "name_required")
    check_minor_units(unit_amount)
    price: dict[str, Any] = {"currency": currency.lower(), "unit_amount": unit_amount}
    if interval:
        price["recurring"] = {"interval": interval, "interval_count": interval_count}
    params = stripe_params(
        ProductCreateParams,
        name=name.strip(),
        description=description or None,
        images=[image_url] if image_url else None,
        unit_label=unit_label or None,
        tax_code=tax_code or None,
        metadata=_metadata(sku, barcode, category) or None,
        default_price_data=price,
        expand=["default_price"],
    )
    created = perform(session, "product.create",
                      lambda gw: products.create_product(gw, params),
                      amount=unit_amount, currency=currency.lower(), detail=name,
                      expanded=_DEFAULT_PRICE)
    return {**created, "default_price": created["default_price"]["id"]}


def update_product(
    session: Session,
    product_id: str,
    *,
    name: str | None = None,
    description: str | None = None,
    image_url: str | None = None,
    unit_label: str | None = None,
    sku: str | None = None,
    barcode: str | None = None,
    category: str | None = None,
) -> dict[str, Any]:
    """Change a product's details; a field left None is left as it is ("" clears it)."""
    params = stripe_params(
        ProductUpdateParams,
        name=name.strip() if name else None,
        description=description,
        images=([image_url] if image_url else []) if image_url is not None else None,
        unit_label=unit_label,
        metadata=_metadata(sku, barcode, category) or None,
    )
    return perform(session, "product.update",
                   lambda gw: products.update_product(gw, product_id, params),
                   object_id=product_id)


def archive_product(session: Session, product_id: str, archived: bool = True) -> dict[str, Any]:
    """Archive a product (it leaves the sale screen; past sales keep it) or bring it back."""
    return perform(session, "product.archive" if archived else "product.unarchive",
                   lambda gw: products.update_product(gw, product_id, {"active": not archived}),
                   object_id=product_id)


def create_price(
    session: Session,
    product_id: str,
    unit_amount: int,
    currency: str,
    *,
    interval: Interval | None = None,
    interval_count: int = 1,
    currency_options: Mapping[str, int] | None = None,
    make_default: bool = False,
) -> dict[str, Any]:
    """Add a price to a product (`currency_options`: other currencies' amounts)."""
    check_minor_units(unit_amount)
    params: PriceCreateParams = {"product": product_id, "currency": currency.lower(),
                                 "unit_amount": unit_amount}
    if interval:
        params["recurring"] = {"interval": interval, "interval_count": interval_count}
    if currency_options:
        params["currency_options"] = {
            code.lower(): {"unit_amount": check_minor_units(amount)}
            for code, amount in currency_options.items()}
    price = perform(session, "price.create", lambda gw: prices.create_price(gw, params),
                    amount=unit_amount, currency=currency.lower())
    if make_default:
        perform(session, "product.update",
                lambda gw: products.update_product(gw, product_id,
                                                   {"default_price": price["id"]}),
                object_id=product_id)
    return price


def change_price_amount(session: Session, price_id: str, unit_amount: int) -> dict[str, Any]:
    """Stripe prices cannot change: make a new price with `unit_amount`, make it the
    product's default if the old one was, and archive the old one. Returns the new price."""
    old = session.cache.get("prices", price_id)
    if old is None:
        old = prices.retrieve_price(session.gateway, price_id)
    recurring = old.get("recurring") or {}
    product_id = str(old["product"])
    product = session.cache.get("products", product_id) or {}
    new = create_price(
        session, product_id, unit_amount, old["currency"],
        interval=recurring.get("interval"), interval_count=recurring.get("interval_count") or 1,
        make_default=product.get("default_price") == price_id)
    perform(session, "price.archive",
            lambda gw: prices.update_price(gw, price_id, {"active": False}),
            object_id=price_id)
    return new


def create_coupon(
    session: Session,
    name: str,
    *,
    percent_off: Decimal | None = None,
    amount_off: int | None = None,
    currency: str | None = None,
    duration: Literal["once", "forever", "repeating"] = "once",
    duration_in_months: int | None = None,
    max_redemptions: int | None = None,
    redeem_by: int | None = None,
    currency_options: Mapping[str, int] | None = None,
) -> dict[str, Any]:
    """Create a coupon: a percentage or an amount (in `currency`, and in other currencies
    through `currency_options`: code -> amount in minor units) off, once, for
    `duration_in_months` or forever, at most `max_redemptions` times, until `redeem_by`."""
    if (percent_off is None) == (amount_off is None):
        raise ServiceError("Choose a percentage or an amount off.", "coupon_kind")
    if percent_off is not None and not 0 < percent_off <= 100:
        raise ServiceError("A percentage off is more than 0 and at most 100.", "coupon_percent")
    params = stripe_params(
        CouponCreateParams,
        name=name or None,
        percent_off=float(percent_off) if percent_off is not None else None,
        amount_off=check_minor_units(amount_off) if amount_off is not None else None,
        currency=currency.lower() if currency and amount_off is not None else None,
        duration=duration,
        duration_in_months=duration_in_months if duration == "repeating" else None,
        max_redemptions=max_redemptions,
        redeem_by=redeem_by,
        currency_options={code.lower(): {"amount_off": check_minor_units(amount)}
                          for code, amount in currency_options.items()}
        if currency_options and amount_off is not None else None,
    )
    return perform(session, "coupon.create", lambda gw: coupons.create_coupon(gw, params),
                   detail=name)


def delete_coupon(session: Session, coupon_id: str) -> dict[str, Any]:
    """Delete a coupon: neither it nor its promotion codes can be redeemed again (past
    discounts stay)."""
    return perform(session, "coupon.delete", lambda gw: coupons.delete_coupon(gw, coupon_id),
                   object_id=coupon_id)


def create_promotion_code(
    session: Session,
    coupon_id: str,
    code: str,
    *,
    max_redemptions: int | None = None,
    expires_at: int | None = None,
    first_time_only: bool = False,
    minimum_amount: int | None = None,
    minimum_currency: str | None = None,
) -> dict[str, Any]:
    """A code customers can type (or the cashier enters) for a coupon: at most
    `max_redemptions` times, until `expires_at`, for first-time customers only, or on
    orders of at least `minimum_amount` (minor units of `minimum_currency`)."""
    restrictions: dict[str, Any] = {}
    if first_time_only:
        restrictions["first_time_transaction"] = True
    if minimum_amount is not None:
        if not minimum_currency:
            raise ServiceError("A minimum amount needs its currency.", "minimum_currency")
        restrictions.update(minimum_amount=check_minor_units(minimum_amount),
                            minimum_amount_currency=minimum_currency.lower())
    params = stripe_params(
        PromotionCodeCreateParams,
        promotion={"type": "coupon", "coupon": coupon_id},
        code=code.strip() or None,
        max_redemptions=max_redemptions,
        expires_at=expires_at,
        restrictions=restrictions or None,
    )
    return perform(session, "promotion_code.create",
                   lambda gw: promotion_codes.create_promotion_code(gw, params), detail=code)


def set_promotion_code_active(session: Session, promotion_code_id: str,
                              active: bool) -> dict[str, Any]:
    """Deactivate (or reactivate) a promotion code."""
    return perform(session, "promotion_code.update",
                   lambda gw: promotion_codes.update_promotion_code(
                       gw, promotion_code_id, {"active": active}),
                   object_id=promotion_code_id)


def create_tax_rate(
    session: Session,
    display_name: str,
    percentage: Decimal,
    inclusive: bool,
    *,
    country: str | None = None,
    state: str | None = None,
    jurisdiction: str | None = None,
) -> dict[str, Any]:
    """A tax rate: `percentage` included in prices (`inclusive`) or added to them."""
    if not 0 <= percentage <= 100:
        raise ServiceError("A tax rate is between 0 and 100 percent.", "tax_percentage")
    params = stripe_params(
        TaxRateCreateParams,
        display_name=display_name,
        percentage=float(percentage),
        inclusive=inclusive,
        country=country or None,
        state=state or None,
        jurisdiction=jurisdiction or None,
    )
    return perform(session, "tax_rate.create", lambda gw: tax_rates.create_tax_rate(gw, params),
                   detail=display_name)


def stripe_tax_active(session: Session) -> bool:
    """Whether the account can use Stripe Tax (`automatic_tax`): its tax settings at
    Stripe are `active` (a head office and defaults set in the Dashboard)."""
    return tax_rates.retrieve_tax_settings(session.gateway).get("status") == "active"


def set_tax_rate_active(session: Session, tax_rate_id: str, active: bool) -> dict[str, Any]:
    """Archive (or restore) a tax rate; lines already sold keep it."""
    return perform(session, "tax_rate.update",
                   lambda gw: tax_rates.update_tax_rate(gw, tax_rate_id, {"active": active}),
                   object_id=tax_rate_id)


# the sale screen's reads (cache only: they work offline) ------------------------------


def sellable(cache: Cache, currency: str) -> list[Sellable]:
    """Active products whose default price is an active one-time price in `currency`,
    by category then name."""
    code = currency.lower()
    live_prices = {p["id"]: p for p in cache.page("prices", filters={
        "active": 1, "currency": code, "type": "one_time"}, limit=_ALL).rows}
    found = []
    for product in cache.page("products", filters={"active": 1}, limit=_ALL).rows:
        price = live_prices.get(str(product.get("default_price")))
        if price is not None and price.get("unit_amount") is not None:
            found.append(_sellable(product, price))
    return sorted(found, key=lambda s: (s.category.casefold(), s.name.casefold()))


def _sellable(product: Mapping[str, Any], price: Mapping[str, Any]) -> Sellable:
    metadata = product.get("metadata") or {}
    images = product.get("images") or []
    return Sellable(str(product["id"]), str(price["id"]), str(product.get("name") or ""),
                    int(price["unit_amount"]), str(price["currency"]),
                    str(metadata.get("category") or ""), str(metadata.get("sku") or ""),
                    str(metadata.get("barcode") or ""), images[0] if images else None)


def find_by_code(items: Iterable[Sellable], code: str) -> Sellable | None:
    """The item whose barcode or SKU is exactly `code` (what a scanner types)."""
    wanted = code.strip().casefold()
    if not wanted:
        return None
    for item in items:
        if wanted in (item.barcode.casefold(), item.sku.casefold()):
            return item
    return None


def line_for(item: Sellable, quantity: int = 1,
             rates: tuple[TaxRate, ...] = ()) -> Line:
    """A cart line selling `quantity` of `item`, taxed at `rates`."""
    return Line(item.name, item.unit_amount, quantity, item.price_id, item.product_id, rates)


def cart_tax_rate(obj: Mapping[str, Any]) -> TaxRate:
    """A Stripe tax rate as the cart uses it."""
    return TaxRate(str(obj["id"]), str(obj.get("display_name") or ""),
                   Decimal(str(obj["percentage"])), bool(obj.get("inclusive")))


def tax_rates_in_cache(cache: Cache) -> list[TaxRate]:
    """The active tax rates, newest first."""
    return [cart_tax_rate(r)
            for r in cache.page("tax_rates", filters={"active": 1}, limit=_ALL).rows]


def cart_coupon(obj: Mapping[str, Any], promotion: Mapping[str, Any] | None = None) -> Coupon:
    """A Stripe coupon (redeemed through `promotion`, a promotion code, when given)."""
    percent = obj.get("percent_off")
    products_only = (obj.get("applies_to") or {}).get("products") or []
    return Coupon(str(obj["id"]), str(obj.get("name") or obj["id"]),
                  percent_off=Decimal(str(percent)) if percent is not None else None,
                  amount_off=obj.get("amount_off"), currency=obj.get("currency"),
                  products=frozenset(products_only),
                  promotion_code=str(promotion["id"]) if promotion else None,
                  code=str(promotion["code"]) if promotion else None,
                  other_amounts=frozenset(
                      (code, int(option["amount_off"]))
                      for code, option in (obj.get("currency_options") or {}).items()))


def promotion_code_coupon(cache: Cache, code: str) -> Coupon | None:
    """The coupon an active promotion code (typed, any case) stands for, from the cache."""
    wanted = code.strip()
    if not wanted:
        return None
    for promo in cache.page("promotion_codes", filters={"active": 1}, limit=_ALL).rows:
        if str(promo.get("code", "")).casefold() == wanted.casefold():
            coupon = cache.get("coupons", str((promo.get("promotion") or {}).get("coupon")))
            if coupon is not None and coupon.get("valid") and not coupon.get("deleted"):
                return cart_coupon(coupon, promo)
    return None


def invoice_discount_for(cache: Cache, text: str) -> InvoiceDiscount | None:
    """The discount an invoice gets for `text`: an active promotion code (typed, any case)
    or a valid coupon's id; None when it names neither."""
    coupon = promotion_code_coupon(cache, text)
    if coupon is not None:
        return InvoiceDiscount(promotion_code=coupon.promotion_code)
    found = cache.get("coupons", text.strip()) if text.strip() else None
    if found is not None and found.get("valid") and not found.get("deleted"):
        return InvoiceDiscount(coupon=str(found["id"]))
    return None
