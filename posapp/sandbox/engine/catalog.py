"""Products and prices as every resource that sells something creates and checks them."""

from __future__ import annotations

from typing import Any

from ..errors import invalid, missing_param
from ..params import Params, currency_code, merge_metadata
from ..state import Obj, State


def create_product(state: State, name: str, *, product_id: str | None = None,
                   active: bool = True, description: str | None = None,
                   metadata: Obj | None = None, extra: Obj | None = None) -> Obj:
    """Store a new product and emit `product.created`."""
    if product_id is not None and product_id in state.objects:
        raise invalid("Product already exists.", param="id", code="resource_already_exists")
    now = state.now()
    product: Obj = {
        "id": product_id or state.new_id("prod_", 14),
        "object": "product",
        "active": active,
        "created": now,
        "default_price": None,
        "description": description,
        "images": [],
        "livemode": False,
        "marketing_features": [],
        "metadata": merge_metadata({}, metadata),
        "name": name,
        "package_dimensions": None,
        "shippable": None,
        "statement_descriptor": None,
        "tax_code": None,
        "type": "service",
        "unit_label": None,
        "updated": now,
        "url": None,
    }
    product.update(extra or {})
    state.insert(product)
    state.emit("product.created", product)
    return product


def live_product(state: State, product_id: str, param: str = "product") -> Obj:
    """A product that exists and is not deleted, or Stripe's 404."""
    product = state.get(product_id, "product", param=param)
    if product.get("deleted"):
        raise invalid(f"No such product: '{product_id}'", param=param, code="resource_missing")
    return product


INTERVALS = ("day", "week", "month", "year")
# Stripe's cap: a recurring period may be at most three years.
_MAX_INTERVAL_COUNT = {"day": 1095, "week": 156, "month": 36, "year": 3}


def currency_param(p: Params, name: str = "currency", param: str | None = None) -> str:
    """A lowercase ISO currency code, or Stripe's 400."""
    value = p.string(name)
    if not value:
        raise missing_param(param or name)
    return currency_code(value, param or name)


def _recurring(value: Any, param: str) -> Obj | None:
    if value in (None, ""):
        return None
    if not isinstance(value, dict):
        raise invalid("Invalid object", param=param)
    r = Params(value)
    r.check(("interval", "interval_count", "usage_type", "trial_period_days", "meter"))
    interval = r.string("interval")
    if not interval:
        raise missing_param(f"{param}[interval]")
    if interval not in INTERVALS:
        raise invalid(f"Invalid {param}[interval]: must be one of {', '.join(INTERVALS)}",
                      param=f"{param}[interval]")
    count = r.integer("interval_count", 1, minimum=1)
    assert count is not None
    if count > _MAX_INTERVAL_COUNT[interval]:
        raise invalid("Invalid recurring interval: the maximum interval is three years.",
                      param=f"{param}[interval_count]")
    return {"interval": interval, "interval_count": count, "meter": None,
            "trial_period_days": r.integer("trial_period_days"),
            "usage_type": r.enum("usage_type", ("licensed", "metered"), "licensed")}


def _unit_amount(p: Params, prefix: str) -> int:
    amount = p.integer("unit_amount", minimum=0, maximum=99_999_999)
    if amount is None and p.string("unit_amount_decimal"):
        try:
            amount = round(float(str(p.string("unit_amount_decimal"))))
        except ValueError:
            raise invalid("Invalid decimal", param=f"{prefix}unit_amount_decimal") from None
    if amount is None:
        raise missing_param(f"{prefix}unit_amount")
    return amount


def claim_lookup_key(state: State, key: str | None, transfer: bool, price_id: str) -> None:
    if not key:
        return
    for other in state.iter_type("price"):
        if other["lookup_key"] == key and other["id"] != price_id:
            if not transfer:
                raise invalid(f"A price (`{other['id']}`) already uses that lookup key.",
                              param="lookup_key")
            state.update(other, {"lookup_key": None}, "price.updated")


def create_price(state: State, p: Params, product_id: str | None, *, active: bool = True,
                 param_prefix: str = "") -> Obj:
    """Validate price parameters (`unit_amount`, `currency`, `recurring`, ...), store, emit."""
    prefix = f"{param_prefix}[" if param_prefix else ""
    close = "]" if param_prefix else ""

    def name(key: str) -> str:
        return f"{prefix}{key}{close}"

    currency = currency_param(p, "currency", name("currency"))
    scheme = p.enum("billing_scheme", ("per_unit", "tiered"), "per_unit")
    tiers, tiers_mode = None, None
    if scheme == "tiered":
        if "unit_amount" in p or "unit_amount_decimal" in p:
            raise invalid("You may not specify `unit_amount` with `billing_scheme=tiered`.",
                          param=name("unit_amount"))
        tiers_mode = p.enum("tiers_mode", ("graduated", "volume"))
        if tiers_mode is None:
            raise missing_param(name("tiers_mode"))
        tiers = _tiers(p.raw("tiers"), name("tiers"))
        if p.raw("currency_options"):
            raise invalid("The sandbox does not model `currency_options` on tiered prices.",
                          param=name("currency_options"))
        amount = None
    else:
        if "tiers" in p or "tiers_mode" in p:
            raise invalid("`tiers` and `tiers_mode` require `billing_scheme=tiered`.",
                          param=name("tiers"))
        amount = _unit_amount(p, prefix)
    recurring = _recurring(p.raw("recurring"), name("recurring"))
    if product_id is None:
        product_data = p.hash("product_data")
        if product_data is None:
            raise missing_param(name("product"))
        data = Params(product_data)
        product_id = create_product(state, data.req_string("name"),
                                    product_id=data.string("id"),
                                    metadata=data.raw("metadata"),
                                    description=data.string("description"))["id"]
    else:
        live_product(state, product_id, name("product"))
    price_id = state.new_id("price_", 24)
    lookup_key = p.string("lookup_key")
    claim_lookup_key(state, lookup_key, p.boolean("transfer_lookup_key"), price_id)
    behavior = p.enum("tax_behavior", ("inclusive", "exclusive", "unspecified"), "unspecified")
    price: Obj = {
        "id": price_id,
        "object": "price",
        "active": p.boolean("active", active),
        "billing_scheme": scheme,
        "created": state.now(),
        "currency": currency,
        "currency_options": {currency: _option(amount, behavior),
                             **_currency_options(p.raw("currency_options"), currency,
                                                 name("currency_options"))},
        "custom_unit_amount": None,
        "livemode": False,
        "lookup_key": lookup_key,
        "metadata": merge_metadata({}, p.raw("metadata")),
        "nickname": p.string("nickname"),
        "product": product_id,
        "recurring": recurring,
        "tax_behavior": behavior,
        "tiers_mode": tiers_mode,
        "transform_quantity": None,
        "type": "recurring" if recurring else "one_time",
        "unit_amount": amount,
        "unit_amount_decimal": None if amount is None else str(amount),
    }
    if tiers is not None:
        price["tiers"] = tiers
    state.insert(price)
    state.emit("price.created", price)
    return price


def _option(amount: int | None, behavior: str | None) -> Obj:
    return {"custom_unit_amount": None, "tax_behavior": behavior, "unit_amount": amount,
            "unit_amount_decimal": None if amount is None else str(amount)}


def _tiers(raw: Any, param: str) -> list[Obj]:
    """`tiers[]` of a tiered price: each `up_to` a quantity above the last (the last one
    `inf`), with a `unit_amount` and/or a `flat_amount` (Stripe returns them only with
    `expand[]=tiers`)."""
    specs = list(raw.values()) if isinstance(raw, dict) else raw if isinstance(raw, list) \
        else None
    if not specs:
        raise missing_param(param)
    tiers: list[Obj] = []
    last = 0
    for index, spec in enumerate(specs):
        name = f"{param}[{index}]"
        if not isinstance(spec, dict):
            raise invalid("Invalid object", param=name)
        tier = Params(spec)
        tier.check(("up_to", "unit_amount", "unit_amount_decimal", "flat_amount",
                    "flat_amount_decimal"))
        final = index == len(specs) - 1
        if tier.string("up_to") == "inf":
            if not final:
                raise invalid("Only the last tier may have `up_to=inf`.", param=f"{name}[up_to]")
            up_to = None
        else:
            up_to = tier.integer("up_to", minimum=1)
            if up_to is None:
                raise missing_param(f"{name}[up_to]")
            if final:
                raise invalid("The last tier must have `up_to=inf`.", param=f"{name}[up_to]")
            if up_to <= last:
                raise invalid("Each tier's `up_to` must be greater than the previous tier's.",
                              param=f"{name}[up_to]")
            last = up_to
        unit = tier.integer("unit_amount", minimum=0, maximum=99_999_999)
        flat = tier.integer("flat_amount", minimum=0, maximum=99_999_999)
        if unit is None and flat is None:
            raise invalid("Each tier needs a `unit_amount` or a `flat_amount`.",
                          param=f"{name}[unit_amount]")
        tiers.append({"flat_amount": flat,
                      "flat_amount_decimal": None if flat is None else str(flat),
                      "unit_amount": unit,
                      "unit_amount_decimal": None if unit is None else str(unit),
                      "up_to": up_to})
    return tiers


def _currency_options(raw: Any, currency: str, param: str) -> Obj:
    """`currency_options[<code>][unit_amount]`: the price's amount in other currencies
    (Stripe returns them only with `expand[]=currency_options`)."""
    if raw in (None, ""):
        return {}
    if not isinstance(raw, dict):
        raise invalid("Invalid object", param=param)
    options: Obj = {}
    for code, spec in raw.items():
        name = f"{param}[{code}]"
        key = currency_code(code, name)
        if key == currency:
            raise invalid("currency_options cannot repeat the price's own currency.",
                          param=name)
        option = Params(spec if isinstance(spec, dict) else {})
        option.check(("unit_amount", "unit_amount_decimal", "tax_behavior",
                      "custom_unit_amount", "tiers"))
        amount = option.integer("unit_amount", minimum=0, maximum=99_999_999)
        if amount is None:
            raise missing_param(f"{name}[unit_amount]")
        options[key] = _option(amount, option.enum(
            "tax_behavior", ("inclusive", "exclusive", "unspecified"), "unspecified"))
    return options


def in_currency(item: Obj, currency: str) -> None:
    """Re-price a line item in `currency` from its price's `currency_options`, when the
    price has that currency (a session created with `currency`)."""
    option = (item["price"].get("currency_options") or {}).get(currency)
    if option is None or option["unit_amount"] is None or item["currency"] == currency:
        return
    amount = option["unit_amount"] * item["quantity"]
    item.update({"currency": currency, "amount_subtotal": amount, "amount_total": amount})


def inline_price(state: State, price_data: Any, param: str) -> Obj:
    """The inactive price Stripe creates for `price_data` (with `product` or `product_data`)."""
    if not isinstance(price_data, dict):
        raise invalid("Invalid object", param=param)
    data = Params(price_data)
    data.check(("currency", "product", "product_data", "recurring", "unit_amount",
                "unit_amount_decimal", "tax_behavior"))
    return create_price(state, data, data.string("product"), active=False, param_prefix=param)


def usable_price(state: State, price_id: str, param: str, *, tiered: bool = True) -> Obj:
    """An existing, active price for a new line item, or Stripe's error; `tiered=False`
    where the sandbox prices only per-unit prices (invoice items, subscriptions)."""
    price = state.get(price_id, "price", param=param)
    if not price["active"]:
        raise invalid("The price specified is inactive. This field only accepts active "
                      "prices.", param=param)
    if not tiered and price["billing_scheme"] == "tiered":
        raise invalid("The sandbox bills tiered prices only on Checkout Sessions and Payment "
                      "Links; use a per-unit price here.", param=param)
    return price


def price_amount(price: Obj, quantity: int) -> int:
    """What `quantity` of `price` costs: unit amount × quantity, or for a tiered price
    Stripe's rule: `volume` prices every unit at the tier the quantity falls in (plus that
    tier's flat amount); `graduated` prices each tier's share at its own rate (plus the flat
    amount of every tier reached)."""
    if price["billing_scheme"] != "tiered":
        return int(price["unit_amount"]) * quantity
    total, floor = 0, 0
    for tier in price["tiers"]:
        top = tier["up_to"]
        reached = top is None or quantity <= top
        if price["tiers_mode"] == "volume":
            if reached:
                return (tier["unit_amount"] or 0) * quantity + (tier["flat_amount"] or 0)
            continue
        units = (quantity if reached else top) - floor
        if units > 0:
            total += (tier["unit_amount"] or 0) * units + (tier["flat_amount"] or 0)
        if reached:
            break
        floor = top
    return total
