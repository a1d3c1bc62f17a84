"""The list of Stripe events the poller applied to the cache: when, type and object."""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QObject

from posapp.store.cache import Cache

from ..common.format import Formats
from ..common.table_model import CacheTableModel, Column, created_column


def _object(event: dict[str, Any]) -> dict[str, Any]:
    obj = (event.get("data") or {}).get("object")
    return obj if isinstance(obj, dict) else {}


class EventListModel(CacheTableModel):
    """Cached events, newest first."""

    class Columns(IntEnum):
        CREATED = 0
        TYPE = 1
        OBJECT = 2
        ID = 3

    def __init__(self, cache: Cache, formats: Formats, parent: QObject | None = None) -> None:
        super().__init__(cache, "events", formats, parent)

    def make_columns(self) -> Sequence[Column]:
        f = self.formats
        return (
            created_column(self.tr("Created"), f),
            Column(self.tr("Type"), lambda e: str(e.get("type") or ""), width=170),
            Column(self.tr("Object"), lambda e: str(_object(e).get("id") or ""), stretch=True),
            Column(self.tr("Event id"), lambda e: str(e.get("id") or ""), width=130),
        )
