"""The customers list: name, e-mail, created, default card, balance and open invoices."""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QObject

from posapp.store.cache import Cache

from ..common.format import Formats, card_label_of
from ..common.table_model import CacheTableModel, Column, created_column


class CustomerListModel(CacheTableModel):
    """Customers from the cache, newest first, each with its default card and open invoices."""

    class Columns(IntEnum):
        NAME = 0
        EMAIL = 1
        CREATED = 2
        DEFAULT_CARD = 3
        BALANCE = 4
        OPEN_INVOICES = 5

    def __init__(self, cache: Cache, formats: Formats, parent: QObject | None = None,
                 page_size: int = 100) -> None:
        super().__init__(cache, "customers", formats, parent, page_size)

    def make_columns(self) -> Sequence[Column]:
        f = self.formats
        return (
            Column(self.tr("Name"), lambda c: c.get("name") or self.tr("(no name)"), width=160),
            Column(self.tr("E-mail"), lambda c: c.get("email") or "", width=210,
                   stretch=True),
            created_column(self.tr("Created"), f, date_only=True),
            Column(self.tr("Default card"),
                   lambda c: self.memo(("card", c["id"]), lambda: self._default_card(c)),
                   width=140),
            Column(self.tr("Balance"), lambda c: f.money(c.get("balance"), c.get("currency"))
                   if c.get("balance") else "", align_right=True, width=75, optional=True),
            Column(self.tr("Open invoices"),
                   lambda c: self.memo(("open", c["id"]), lambda: self._open_invoices(c)),
                   align_right=True, width=95, optional=True),
        )

    def _default_card(self, customer: dict[str, Any]) -> str:
        settings = customer.get("invoice_settings") or {}
        ref = settings.get("default_payment_method")
        pm_id = ref.get("id") if isinstance(ref, dict) else ref
        if not isinstance(pm_id, str):
            return ""
        pm = self._cache.get("payment_methods", pm_id)
        card = (pm or {}).get("card") or {}
        if not card:
            return pm_id
        return card_label_of(card)

    def _open_invoices(self, customer: dict[str, Any]) -> str:
        count = self._cache.count("invoices", filters={"customer": customer["id"],
                                                       "status": "open"})
        return self.formats.number(count) if count else ""
