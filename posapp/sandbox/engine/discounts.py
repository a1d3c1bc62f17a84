"""Coupons, promotion codes and tax rates, and how they price a list of line items.

The arithmetic follows Stripe's documented behaviour for Checkout and Payment Links:
- a line's `amount_subtotal` is unit amount × quantity (tax included for inclusive rates);
- a `percent_off` coupon takes `round(subtotal × percent / 100)` off each line it applies
  to; an `amount_off` coupon is spread over those lines in proportion to their subtotals
  (largest remainder gets the odd minor units) and never takes a line below zero;
- each tax rate is computed per line on what is left after the discount: exclusive
  `round(base × p / 100)` is added; inclusive `round(base × p / (100 + p))` is the part of
  the base that is tax;
- rounding is half away from zero, per line, in the currency's minor unit.
`automatic_tax` uses `AUTOMATIC_TAX` (the sandbox's documented rule set): an exclusive
rate by the customer's country, none where the country is unknown or not listed.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Any
from weakref import WeakKeyDictionary

from ..errors import invalid, missing_param
from ..params import Params, currency_code, merge_metadata
from ..state import Obj, State

# The sandbox's `automatic_tax` rule set: country -> (display name, percentage), exclusive.
AUTOMATIC_TAX: dict[str, tuple[str, str]] = {
    "US": ("Sales tax", "8.875"), "GB": ("VAT", "20"), "DE": ("VAT", "19"),
    "FR": ("VAT", "20"), "JP": ("JCT", "10"), "CN": ("VAT", "13"), "AU": ("GST", "10"),
    "KW": ("VAT", "0"),
}
DURATIONS = ("forever", "once", "repeating")


def _round(value: Decimal) -> int:
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def _percentage(value: Any, param: str) -> Decimal:
    try:
        number = Decimal(str(value))
    except ArithmeticError:
        raise invalid(f"Invalid decimal: {value}", param=param) from None
    if not number.is_finite() or not 0 <= number <= 100:
        raise invalid("This value must be between 0 and 100.", param=param)
    return number


def _number(value: Decimal) -> float | int:
    return int(value) if value == value.to_integral_value() else float(value)


# coupons ------------------------------------------------------------------------------


def _future(state: State, value: int | None, param: str) -> int | None:
    """A timestamp that must lie ahead (a coupon's `redeem_by`, a code's `expires_at`)."""
    if value is not None and value <= state.now():
        raise invalid("Invalid timestamp: must be an integer Unix timestamp in the future.",
                      param=param)
    return value


def _coupon_currency_options(raw: Any, currency: str | None) -> Obj:
    """`currency_options[<code>][amount_off]`: an amount-off coupon's amount in other
    currencies (Stripe returns them only with `expand[]=currency_options`)."""
    if raw in (None, ""):
        return {}
    if not isinstance(raw, dict) or currency is None:
        raise invalid("currency_options can only be set on an amount_off coupon.",
                      param="currency_options")
    options: Obj = {}
    for code, spec in raw.items():
        name = f"currency_options[{code}]"
        key = currency_code(str(code), name)
        option = Params(spec if isinstance(spec, dict) else {})
        option.check(("amount_off",))
        amount = option.integer("amount_off", minimum=1)
        if amount is None:
            raise missing_param(f"{name}[amount_off]")
        options[key] = {"amount_off": amount}
    return options


def create_coupon(state: State, p: Params) -> Obj:
    """Validate and store a coupon (`coupon.created`)."""
    percent, amount = p.raw("percent_off"), p.integer("amount_off", minimum=1)
    if (percent in (None, "")) == (amount is None):
        raise invalid("You must pass exactly one of percent_off or amount_off.",
                      param="percent_off")
    currency = p.string("currency")
    if amount is not None and not currency:
        raise missing_param("currency")
    code = currency_code(currency) if currency and amount is not None else None
    duration = p.enum("duration", DURATIONS, "once")
    months = p.integer("duration_in_months", minimum=1)
    if duration == "repeating" and months is None:
        raise missing_param("duration_in_months")
    if duration != "repeating" and months is not None:
        raise invalid("duration_in_months is only valid with a repeating duration.",
                      param="duration_in_months")
    coupon_id = p.string("id") or state.new_id("", 8)
    if coupon_id in state.objects:
        raise invalid("Coupon already exists.", param="id", code="resource_already_exists")
    applies = p.hash("applies_to")
    products = [str(x) for x in Params(applies).array("products")] if applies else []
    options = _coupon_currency_options(p.raw("currency_options"), code)
    coupon: Obj = {
        "id": coupon_id, "object": "coupon",
        "amount_off": amount,
        "applies_to": {"products": products} if applies else None,
        "created": state.now(),
        "currency": code,
        "currency_options": options,
        "duration": duration, "duration_in_months": months, "livemode": False,
        "max_redemptions": p.integer("max_redemptions", minimum=1),
        "metadata": merge_metadata({}, p.raw("metadata")),
        "name": p.string("name"),
        "percent_off": (None if percent in (None, "")
                        else _number(_percentage(percent, "percent_off"))),
        "redeem_by": _future(state, p.integer("redeem_by"), "redeem_by"),
        "times_redeemed": 0, "valid": True,
    }
    state.insert(coupon)
    state.emit("coupon.created", coupon)
    return coupon


def coupon_valid(state: State, coupon: Obj) -> bool:
    """Whether a coupon can still be redeemed (not expired, not used up, not deleted)."""
    return (not coupon.get("deleted")
            and (coupon["redeem_by"] is None or coupon["redeem_by"] > state.now())
            and (coupon["max_redemptions"] is None
                 or coupon["times_redeemed"] < coupon["max_redemptions"]))


def refresh_valid(state: State, coupon: Obj) -> Obj:
    """Bring a coupon's `valid` up to date (false once past `redeem_by` or used up), as
    Stripe answers it; no event, as Stripe sends none when a coupon runs out."""
    coupon["valid"] = coupon_valid(state, coupon)
    return coupon


def usable_coupon(state: State, coupon_id: str, param: str) -> Obj:
    """A coupon that can be applied now, or Stripe's `coupon_expired` error."""
    coupon = live_coupon(state, coupon_id, param)
    if not coupon_valid(state, coupon):
        raise invalid(f"Coupon expired: {coupon_id}", param=param, code="coupon_expired")
    return coupon


def live_coupon(state: State, coupon_id: str, param: str = "coupon") -> Obj:
    """An existing coupon (Stripe keys coupons by their id, without a prefix)."""
    coupon = state.objects.get(coupon_id)
    if coupon is None or coupon.get("object") != "coupon" or coupon.get("deleted"):
        raise invalid(f"No such coupon: '{coupon_id}'", param=param, code="resource_missing")
    return coupon


# promotion codes -----------------------------------------------------------------------


def create_promotion_code(state: State, p: Params) -> Obj:
    """Validate and store a promotion code for a coupon (`promotion_code.created`)."""
    promotion = Params(p.hash("promotion") or {})
    promotion.check(("coupon", "type"))
    if promotion.enum("type", ("coupon",)) is None:
        raise missing_param("promotion[type]")
    coupon = usable_coupon(state, promotion.req_string("coupon"), "promotion[coupon]")
    code = p.string("code") or state.new_id("", 8).upper()
    if any(c["code"].lower() == code.lower() and c["active"]
           for c in state.iter_type("promotion_code")):
        raise invalid("An active promotion code with `code` already exists.", param="code",
                      code="resource_already_exists")
    restrictions = Params(p.hash("restrictions") or {})
    restrictions.check(("first_time_transaction", "minimum_amount",
                        "minimum_amount_currency", "currency_options"))
    minimum_currency = restrictions.string("minimum_amount_currency")
    minimum = restrictions.integer("minimum_amount", minimum=1)
    if (minimum is None) != (minimum_currency is None):
        raise invalid("minimum_amount and minimum_amount_currency must be set together.",
                      param="restrictions[minimum_amount_currency]")
    expires_at = _future(state, p.integer("expires_at"), "expires_at")
    if expires_at is not None and coupon["redeem_by"] is not None \
            and expires_at > coupon["redeem_by"]:
        raise invalid("The promotion code's `expires_at` cannot be later than its coupon's "
                      "`redeem_by`.", param="expires_at")
    promo: Obj = {
        "id": state.new_id("promo_", 24), "object": "promotion_code",
        "active": p.boolean("active", True), "code": code, "created": state.now(),
        "customer": p.string("customer"), "customer_account": None,
        "expires_at": expires_at, "livemode": False,
        "max_redemptions": p.integer("max_redemptions", minimum=1),
        "metadata": merge_metadata({}, p.raw("metadata")),
        "promotion": {"coupon": coupon["id"], "type": "coupon"},
        "restrictions": {
            "first_time_transaction": restrictions.boolean("first_time_transaction"),
            "minimum_amount": minimum,
            "minimum_amount_currency": (currency_code(minimum_currency)
                                        if minimum_currency else None)},
        "times_redeemed": 0,
    }
    state.insert(promo)
    state.emit("promotion_code.created", promo)
    return promo


def promotion_code_by_code(state: State, code: str, param: str) -> Obj:
    """The active promotion code a customer typed (case-insensitive), or Stripe's error."""
    wanted = code.strip().lower()
    for promo in state.iter_type("promotion_code"):
        if promo["code"].lower() == wanted and promo["active"]:
            return promo
    raise invalid("This code is invalid.", param=param, code="promotion_code_invalid")


def _promotion_usable(state: State, promo: Obj, param: str) -> Obj:
    """The coupon behind a usable promotion code, or the error a customer would see."""
    expired = promo["expires_at"] is not None and promo["expires_at"] <= state.now()
    used_up = (promo["max_redemptions"] is not None
               and promo["times_redeemed"] >= promo["max_redemptions"])
    coupon = live_coupon(state, promo["promotion"]["coupon"], param)
    if not promo["active"] or expired or used_up or not coupon_valid(state, coupon):
        raise invalid("This code is no longer valid.", param=param,
                      code="promotion_code_invalid")
    return coupon


def _has_paid_before(state: State, customer_id: str) -> bool:
    return any(charge.get("customer") == customer_id and charge["status"] == "succeeded"
               for charge in state.iter_type("charge")) \
        or any(invoice.get("customer") == customer_id and invoice["status"] == "paid"
               for invoice in state.iter_type("invoice"))


def check_restrictions(state: State, discounts: list[Obj], subtotal: int, currency: str,
                       customer_id: str | None, param: str = "discounts") -> None:
    """Refuse a promotion code whose `restrictions` the order does not meet: a minimum
    order amount (before discounts, in the code's currency) or first-time customers only."""
    for index, discount in enumerate(discounts):
        if not discount["promotion_code"]:
            continue
        promo = state.get(discount["promotion_code"], "promotion_code")
        rules, name = promo["restrictions"], f"{param}[{index}][promotion_code]"
        minimum = rules["minimum_amount"]
        if minimum is not None and (currency != rules["minimum_amount_currency"]
                                    or subtotal < minimum):
            raise invalid("This promotion code cannot be redeemed because the order does "
                          "not meet its minimum amount.", param=name,
                          code="promotion_code_invalid")
        if rules["first_time_transaction"] and customer_id \
                and _has_paid_before(state, customer_id):
            raise invalid("This promotion code can only be redeemed by first-time customers.",
                          param=name, code="promotion_code_invalid")


# tax rates -----------------------------------------------------------------------------


def create_tax_rate(state: State, p: Params) -> Obj:
    """Validate and store a tax rate (`tax_rate.created`)."""
    percentage = _percentage(p.raw("percentage"), "percentage")
    if "inclusive" not in p:
        raise missing_param("inclusive")
    rate: Obj = {
        "id": state.new_id("txr_", 24), "object": "tax_rate",
        "active": p.boolean("active", True), "country": p.string("country"),
        "created": state.now(), "description": p.string("description"),
        "display_name": p.req_string("display_name"), "effective_percentage": None,
        "flat_amount": None, "inclusive": p.boolean("inclusive"),
        "jurisdiction": p.string("jurisdiction"), "jurisdiction_level": None,
        "livemode": False, "metadata": merge_metadata({}, p.raw("metadata")),
        "percentage": _number(percentage), "rate_type": "percentage",
        "state": p.string("state"),
        "tax_type": p.enum("tax_type", (
            "amusement_tax", "communications_tax", "gst", "hst", "igst", "jct",
            "lease_tax", "pst", "qst", "retail_delivery_fee", "rst", "sales_tax",
            "service_tax", "vat")),
    }
    rate["effective_percentage"] = rate["percentage"]
    state.insert(rate)
    state.emit("tax_rate.created", rate)
    return rate


def line_tax_rates(state: State, raw: Any, param: str) -> list[Obj]:
    """The active tax rates a line item names in `tax_rates[]`."""
    if raw in (None, ""):
        return []
    ids = list(raw.values()) if isinstance(raw, dict) else raw if isinstance(raw, list) \
        else [raw]
    rates = []
    for index, rate_id in enumerate(ids):
        rate = state.get(str(rate_id), "tax_rate", param=f"{param}[{index}]")
        if not rate["active"]:
            raise invalid("Tax rate is inactive.", param=f"{param}[{index}]")
        rates.append(rate)
    return rates


def automatic_tax_enabled(p: Params) -> bool:
    """`automatic_tax[enabled]` of a Checkout Session or Payment Link."""
    value = Params(p.hash("automatic_tax") or {})
    value.check(("enabled", "liability"))
    return value.boolean("enabled")


def automatic_rate(state: State, country: str | None) -> Obj | None:
    """The (unstored) tax rate `automatic_tax` applies for a customer in `country`."""
    found = AUTOMATIC_TAX.get((country or "").upper())
    if found is None:
        return None
    name, percentage = found
    return {"id": f"txr_auto_{country}", "display_name": name, "inclusive": False,
            "percentage": _number(Decimal(percentage))}


# pricing line items ----------------------------------------------------------------------

# The tax rates of each line item (`li_...` id), per sandbox state: Stripe shows them only on
# request (`line_items.data.taxes`), which the sandbox does not model.
_ITEM_RATES: WeakKeyDictionary[State, dict[str, list[Obj]]] = WeakKeyDictionary()


def item_rates(state: State) -> dict[str, list[Obj]]:
    """Line item id -> the tax rates it was created with."""
    return _ITEM_RATES.setdefault(state, {})


def session_discounts(state: State, raw: Any, param: str = "discounts") -> list[Obj]:
    """`discounts[]` of a Checkout Session or Payment Link: at most one coupon or code."""
    specs = [] if raw in (None, "") else list(raw.values()) if isinstance(raw, dict) else raw
    if len(specs) > 1:
        raise invalid("You may only specify one discount.", param=param)
    found = []
    for index, spec in enumerate(specs):
        name = f"{param}[{index}]"
        if not isinstance(spec, dict):
            raise invalid("Invalid object", param=name)
        Params(spec).check(("coupon", "promotion_code"))
        if spec.get("promotion_code"):
            promo = state.get(str(spec["promotion_code"]), "promotion_code",
                              param=f"{name}[promotion_code]")
            _promotion_usable(state, promo, f"{name}[promotion_code]")
            found.append({"coupon": None, "promotion_code": promo["id"]})
        elif spec.get("coupon"):
            coupon = usable_coupon(state, str(spec["coupon"]), f"{name}[coupon]")
            found.append({"coupon": coupon["id"], "promotion_code": None})
        else:
            raise missing_param(f"{name}[coupon]")
    return found


def discount_coupon(state: State, discount: Obj) -> Obj:
    """The coupon a session discount entry stands for."""
    if discount["promotion_code"]:
        promo = state.get(discount["promotion_code"], "promotion_code")
        return live_coupon(state, promo["promotion"]["coupon"])
    return live_coupon(state, discount["coupon"])


def coupon_applies(coupon: Obj, product: str | None) -> bool:
    """Whether a coupon's `applies_to` lets it discount a line of `product`."""
    products = (coupon["applies_to"] or {}).get("products") or []
    return not products or product in products


def line_discounts(subtotals: list[int], eligible: list[bool], coupon: Obj | None,
                   currency: str) -> list[int]:
    """What `coupon` takes off each line (see the module's docstring); 0 on lines it does
    not apply to."""
    if coupon is None:
        return [0] * len(subtotals)
    if coupon["percent_off"] is not None:
        percent = Decimal(str(coupon["percent_off"]))
        return [_round(Decimal(s) * percent / 100) if ok else 0
                for s, ok in zip(subtotals, eligible, strict=True)]
    amount_off = coupon_amount_off(coupon, currency)
    base = sum(s for s, ok in zip(subtotals, eligible, strict=True) if ok)
    if amount_off is None or not base:
        return [0] * len(subtotals)
    off = min(amount_off, base)
    shares = [Decimal(off) * s / base if ok else Decimal(0)
              for s, ok in zip(subtotals, eligible, strict=True)]
    floors = [int(share) for share in shares]
    left = off - sum(floors)
    order = sorted(range(len(subtotals)), key=lambda i: (-(shares[i] - floors[i]), i))
    for index in order[:left]:
        floors[index] += 1
    return floors


def coupon_amount_off(coupon: Obj, currency: str) -> int | None:
    """An amount-off coupon's amount in `currency` (its own, or from `currency_options`);
    None when it has none there and so takes nothing off."""
    if coupon["currency"] == currency:
        return int(coupon["amount_off"])
    option = (coupon.get("currency_options") or {}).get(currency)
    return int(option["amount_off"]) if option else None


def tax_amount(base: int, rate: Obj) -> int:
    """The tax `rate` puts on (exclusive) or finds in (inclusive) `base`, rounded."""
    percent = Decimal(str(rate["percentage"]))
    if rate["inclusive"]:
        return _round(Decimal(base) * percent / (100 + percent))
    return _round(Decimal(base) * percent / 100)


def price_items(state: State, items: list[Obj], currency: str | None,
                discounts: list[Obj], automatic: Obj | None = None) -> Obj:
    """Fill each item's discount, tax and total; answer the session's totals.

    Each item's own tax rates are those `set_item_rates` kept for its id; `automatic` is
    the rate `automatic_tax` chose, applied to every line instead of the lines' own rates.
    """
    coupon = discount_coupon(state, discounts[0]) if discounts else None
    cuts = line_discounts([item["amount_subtotal"] for item in items],
                          [coupon is None or coupon_applies(coupon, item["price"]["product"])
                           for item in items], coupon, currency or "")
    total_tax = 0
    for item, cut in zip(items, cuts, strict=True):
        base = item["amount_subtotal"] - cut
        rates = [automatic] if automatic else item_rates(state).get(item["id"], [])
        taxes = [tax_amount(base, rate) for rate in rates]
        exclusive = sum(t for t, rate in zip(taxes, rates, strict=True)
                        if not rate["inclusive"])
        item.update({"amount_discount": cut, "amount_tax": sum(taxes),
                     "amount_total": base + exclusive})
        total_tax += sum(taxes)
    return {"amount_subtotal": sum(i["amount_subtotal"] for i in items),
            "amount_total": sum(i["amount_total"] for i in items),
            "total_details": {"amount_discount": sum(cuts), "amount_shipping": 0,
                              "amount_tax": total_tax}}


def redeem(state: State, discounts: list[Obj]) -> None:
    """Count a completed purchase against its coupon and promotion code."""
    for discount in discounts:
        if discount["promotion_code"]:
            promo = state.get(discount["promotion_code"], "promotion_code")
            state.update(promo, {"times_redeemed": promo["times_redeemed"] + 1},
                         "promotion_code.updated")
        coupon = discount_coupon(state, discount)
        state.update(coupon, {"times_redeemed": coupon["times_redeemed"] + 1},
                     "coupon.updated")
        refresh_valid(state, coupon)

