"""A plain list of any cached type (created, id, status, amount, who) for the billing panels
that have no richer model yet (subscriptions, invoices, refunds, disputes)."""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QObject

from posapp.store.cache import Cache

from .formatting import Formats
from .table_model import CacheTableModel, Column


def _amount(obj: dict[str, Any]) -> int | None:
    for key in ("amount", "total", "amount_total"):
        value = obj.get(key)
        if isinstance(value, int):
            return value
    return None


def _who(obj: dict[str, Any]) -> str:
    for key in ("customer_name", "customer_email", "customer", "charge"):
        value = obj.get(key)
        if isinstance(value, dict):
            value = value.get("id")
        if isinstance(value, str) and value:
            return value
    return ""


class ObjectListModel(CacheTableModel):
    """Created, id, status, amount and customer of any cached type."""

    class Columns(IntEnum):
        CREATED = 0
        ID = 1
        STATUS = 2
        AMOUNT = 3
        CUSTOMER = 4

    def __init__(self, cache: Cache, table: str, formats: Formats,
                 parent: QObject | None = None) -> None:
        super().__init__(cache, table, formats, parent)

    def make_columns(self) -> Sequence[Column]:
        f = self.formats
        return (
            Column(self.tr("Created"), lambda o: f.datetime(o.get("created")),
                   sorts_by_created=True),
            Column(self.tr("ID"), lambda o: str(o.get("id", ""))),
            Column(self.tr("Status"), lambda o: str(o.get("status") or "")),
            Column(self.tr("Amount"), lambda o: f.money(_amount(o), o.get("currency")),
                   align_right=True),
            Column(self.tr("Customer"), _who),
        )
