"""`AuditListModel`: the app's own audit log (who did what, when, with which idempotency key
and Stripe request id, and the outcome), newest first, read in pages as the view scrolls,
filtered by outcome and searched as text."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QObject,
    Qt,
)
from PySide6.QtGui import QColor

from posapp.store.journal import AuditEntry, Journal

from ..common.format import Formats
from ..common.table_model import AnyIndex, PagedRowsModel
from ..common.theme import DANGER_COLOR, SUCCESS_COLOR, WARNING_COLOR

PAGE_SIZE = 100


@dataclass(frozen=True)
class AuditColumn:
    """One column: its header, the cell text and its width."""

    header: str
    text: Callable[[AuditEntry], str]
    width: int = 140


def outcome_text(outcome: str) -> str:
    """An audit row's outcome (a journal state or an error kind) in the user's words, never
    the raw code."""
    translate = QCoreApplication.translate
    names = {
        "succeeded": translate("AuditOutcome", "Succeeded"),
        "pending": translate("AuditOutcome", "Pending"),
        "failed": translate("AuditOutcome", "Failed"),
        "unknown": translate("AuditOutcome", "Unknown"),
        "card_declined": translate("AuditOutcome", "Card declined"),
        "authentication_required": translate("AuditOutcome", "Needs authentication"),
        "invalid_request": translate("AuditOutcome", "Refused by Stripe"),
        "authentication": translate("AuditOutcome", "Key not accepted"),
        "permission": translate("AuditOutcome", "Not permitted"),
        "rate_limited": translate("AuditOutcome", "Too many requests"),
        "network": translate("AuditOutcome", "Stripe unreachable"),
        "stripe_unavailable": translate("AuditOutcome", "Stripe unavailable"),
        "idempotency": translate("AuditOutcome", "Repeated request refused"),
        "not_found": translate("AuditOutcome", "Not found"),
    }
    return names.get(outcome, translate("AuditOutcome", "Other"))


def outcome_color(outcome: str) -> str:
    """Green for done, amber for "unknown" (retry with the same key), red for refused."""
    if outcome == "succeeded":
        return SUCCESS_COLOR
    return WARNING_COLOR if outcome == "unknown" else DANGER_COLOR


class AuditListModel(PagedRowsModel[AuditEntry]):
    """Audit rows of one journal, newest first."""

    class Columns(IntEnum):
        WHEN = 0
        ACTION = 1
        OBJECT = 2
        AMOUNT = 3
        OUTCOME = 4
        WHO = 5
        IDEMPOTENCY_KEY = 6
        REQUEST_ID = 7
        DETAIL = 8

    def __init__(self, journal: Journal, formats: Formats, parent: QObject | None = None,
                 page_size: int = PAGE_SIZE) -> None:
        super().__init__(parent)
        self._journal = journal
        self._formats = formats
        self._page_size = page_size
        self._outcome: str | None = None
        self._search = ""
        f = formats
        self.columns: Sequence[AuditColumn] = (
            AuditColumn(self.tr("When"), lambda e: f.datetime(e.at), 125),
            AuditColumn(self.tr("Action"), lambda e: e.action, 150),
            AuditColumn(self.tr("Object"), lambda e: e.object_id or "", 120),
            AuditColumn(self.tr("Amount"), lambda e: f.money(e.amount, e.currency), 70),
            AuditColumn(self.tr("Outcome"), lambda e: outcome_text(e.outcome), 90),
            AuditColumn(self.tr("Who"), lambda e: e.actor, 55),
            AuditColumn(self.tr("Idempotency key"), lambda e: e.idempotency_key or "", 110),
            AuditColumn(self.tr("Stripe request id"), lambda e: e.request_id or "", 110),
            AuditColumn(self.tr("Detail"), lambda e: e.detail, 200),
        )

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        entry = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.columns[index.column()].text(entry)
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == self.Columns.OUTCOME:
            return QColor(outcome_color(entry.outcome))
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == self.Columns.AMOUNT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def canFetchMore(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._has_more

    def fetchMore(self, parent: AnyIndex = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent):
            return
        self._append_page(*self._read(self._rows[-1] if self._rows else None,
                                      self._page_size))

    def entry_at(self, row: int) -> AuditEntry | None:
        """The audit entry shown in `row`."""
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def set_outcome(self, outcome: str | None) -> None:
        """Show only rows with `outcome` (None: every outcome)."""
        self._outcome = outcome
        self.reload()

    def set_search(self, text: str) -> None:
        """Show only rows whose action, actor, object, keys, outcome or detail contain
        `text`."""
        self._search = text.strip()
        self.reload()

    def iter_matching(self, since: float | None = None,
                      until: float | None = None) -> Iterator[AuditEntry]:
        """Every row the outcome and search match, made in `[since, until)` (None:
        unbounded), newest first, read in pages as it is consumed (an export reads them all
        without holding them all; consume it off the GUI thread)."""
        outcome, search = self._outcome, self._search or None
        before: tuple[float, int] | None = None
        while True:
            rows = self._journal.list_audit(outcome=outcome, search=search, since=since,
                                            until=until, before=before,
                                            limit=self._page_size)
            yield from rows
            if len(rows) < self._page_size:
                return
            before = (rows[-1].at, rows[-1].id)

    def reload(self) -> None:
        """Read again from the journal, keeping as many rows as were loaded (at least a
        page)."""
        self.beginResetModel()
        self._rows, self._has_more = self._read(None, max(self._page_size, len(self._rows)))
        self.endResetModel()
        self.loaded.emit(len(self._rows))

    def _read(self, after: AuditEntry | None, limit: int) -> tuple[list[AuditEntry], bool]:
        rows = self._journal.list_audit(
            outcome=self._outcome, search=self._search or None,
            before=None if after is None else (after.at, after.id), limit=limit + 1)
        return rows[:limit], len(rows) > limit
