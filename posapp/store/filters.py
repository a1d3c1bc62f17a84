"""Filters a list can add beyond "column equals value" (see `Cache.page`): an amount range
read in each row's own currency, and a card's last 4 digits through the row's charge.

Each is a `Condition`: it writes its own SQL over the listed table, so the views never do.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal
from typing import Any, Protocol

from babel.numbers import list_currencies

from posapp.money import exponent

from .schema import TABLES


class Condition(Protocol):
    """A filter that is not one column's value: SQL (with its parameters) over `table`."""

    def sql(self, table: str) -> tuple[str, list[Any]]:
        """The WHERE fragment and its parameters; ValueError if `table` cannot have it."""
        ...


@functools.lru_cache(maxsize=1)
def _odd_exponents() -> dict[int, tuple[str, ...]]:
    """The currencies (lower case) whose amounts do not have two decimals, by exponent."""
    found: dict[int, list[str]] = {0: [], 3: []}
    for code in list_currencies():
        places = exponent(code)
        if places != 2:
            found.setdefault(places, []).append(code.lower())
    return {places: tuple(codes) for places, codes in found.items()}


@dataclass(frozen=True)
class AmountRange:
    """Amounts from `low` to `high` (inclusive, major units, None: unbounded), each row
    compared in its own currency: 4.50 is 450 cents and 4500 fils."""

    low: Decimal | None = None
    high: Decimal | None = None

    def sql(self, table: str) -> tuple[str, list[Any]]:
        """Rows whose `amount` lies in the range, whatever their currency."""
        if "amount" not in TABLES[table].columns:
            raise ValueError(f"{table} has no amount")
        ors: list[str] = []
        params: list[Any] = []
        odd = _odd_exponents()
        every_odd = [code for codes in odd.values() for code in codes]
        for places, codes, op in [*((p, c, "IN") for p, c in odd.items()),
                                  (2, tuple(every_odd), "NOT IN")]:
            clause = [f"currency {op} ({', '.join('?' for _ in codes)})"]
            params += codes
            if self.low is not None:
                clause.append("amount >= ?")
                params.append(int(self.low.scaleb(places).to_integral_value(ROUND_CEILING)))
            if self.high is not None:
                clause.append("amount <= ?")
                params.append(int(self.high.scaleb(places).to_integral_value(ROUND_FLOOR)))
            ors.append("(" + " AND ".join(clause) + ")")
        return "(" + " OR ".join(ors) + ")", params


_CHARGE_COLUMN = {"payment_intents": "latest_charge", "refunds": "charge",
                  "disputes": "charge"}


@dataclass(frozen=True)
class CardLast4:
    """Rows paid with a card ending in `last4` (a payment by its latest charge, a refund
    or dispute by its charge)."""

    last4: str

    def sql(self, table: str) -> tuple[str, list[Any]]:
        """Rows whose charge's card ends in `last4`."""
        if table == "charges":
            return "last4 = ?", [self.last4]
        column = _CHARGE_COLUMN.get(table)
        if column is None:
            raise ValueError(f"{table} has no card")
        return f"{column} IN (SELECT id FROM charges WHERE last4 = ?)", [self.last4]  # noqa: S608
