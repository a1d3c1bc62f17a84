"""Checks on amounts the services send, before Stripe sees them."""

from __future__ import annotations

from posapp.money import AmountError, format_amount, max_amount, minimum_charge, step

__all__ = ["check_amount"]


def check_amount(amount: int, currency: str, locale: str = "en_US", *, minimum: bool = True) -> int:
    """`amount` (minor units) if Stripe can charge it, else AmountError fit for a cashier:
    not positive, above Stripe's maximum, off the currency's step, or (when `minimum`)
    below Stripe's minimum charge."""
    if amount <= 0:
        raise AmountError("Enter an amount greater than zero.")
    if amount > max_amount(currency):
        limit = format_amount(max_amount(currency), currency, locale)
        raise AmountError(f"The amount must be no more than {limit}.")
    if amount % step(currency):
        increment = format_amount(step(currency), currency, locale)
        raise AmountError(f"{currency.upper()} amounts go in steps of {increment}.")
    floor = minimum_charge(currency)
    if minimum and floor is not None and amount < floor:
        raise AmountError(
            f"The minimum charge in {currency.upper()} is "
            f"{format_amount(floor, currency, locale)}."
        )
    return amount
