"""A customer's saved cards: brand, last 4, expiry, and which one is the default."""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QObject

from posapp.store.cache import Cache

from ..common.format import Formats, card_label
from ..common.table_model import CacheTableModel, Column
from ..common.theme import SUCCESS_COLOR


def method_label(method: dict[str, Any]) -> str:
    """"Visa •••• 4242" for a card payment method."""
    card = method.get("card") or {}
    return card_label(card.get("brand") or method.get("type"), card.get("last4"))


def default_method_id(customer: dict[str, Any]) -> str | None:
    """The id of the customer's default payment method, if one is set."""
    ref = (customer.get("invoice_settings") or {}).get("default_payment_method")
    ref = ref.get("id") if isinstance(ref, dict) else ref
    return ref if isinstance(ref, str) else None


class PaymentMethodListModel(CacheTableModel):
    """Cards saved on one customer (set with `show_customer`)."""

    class Columns(IntEnum):
        CARD = 0
        EXPIRES = 1
        DEFAULT = 2

    def __init__(self, cache: Cache, formats: Formats, parent: QObject | None = None) -> None:
        self.default_id: str | None = None
        super().__init__(cache, "payment_methods", formats, parent)

    def make_columns(self) -> Sequence[Column]:
        return (
            Column(self.tr("Card"), method_label),
            Column(self.tr("Expires"), self._expiry),
            Column(self.tr("Default"),
                   lambda m: self.tr("Default") if m.get("id") == self.default_id else "",
                   color=lambda _m: SUCCESS_COLOR),
        )

    def show_customer(self, customer: dict[str, Any]) -> None:
        """List `customer`'s cards (an empty dict lists none)."""
        self.default_id = default_method_id(customer)
        self.set_filters({"customer": customer.get("id", "\x00none")})

    def _expiry(self, method: dict[str, Any]) -> str:
        card = method.get("card") or {}
        month, year = card.get("exp_month"), card.get("exp_year")
        return f"{int(month):02d}/{year}" if month and year else ""
