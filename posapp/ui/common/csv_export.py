"""Export what a list shows (its filters, date range and search) to a CSV file.

The file is written by `posapp.services.invoices.export_csv` (formula prefixes escaped, UTF-8
with BOM) on the worker, reading the cache in keyset pages, so a long list neither blocks the
window nor sits in memory. It needs no network and works offline. `choose_save_path` is the
file dialog every export (CSV, an invoice's PDF) asks with.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

from posapp.money import to_decimal
from posapp.services.invoices import export_csv

from .app_state import AppState
from .table_model import CacheTableModel

CsvColumn = tuple[str, Callable[[dict[str, Any]], object]]
"""A CSV header and how to compute the cell from a Stripe object."""


def csv_money(minor: object, currency: object) -> Decimal | str:
    """Minor units as the currency's decimal number, exact (`90.00`, `1000` for JPY,
    `1.500` for KWD; "" when unknown); the export puts the currency in a column beside."""
    if not isinstance(minor, int) or not isinstance(currency, str) or not currency:
        return ""
    return to_decimal(minor, currency)


def csv_time(timestamp: object) -> str:
    """A Unix time as local ISO 8601 with its UTC offset ("" when unset)."""
    if not isinstance(timestamp, int) or not timestamp:
        return ""
    return datetime.fromtimestamp(timestamp).astimezone().isoformat(timespec="seconds")


def choose_save_path(parent: QWidget, title: str, suggested_name: str,
                     file_filter: str) -> Path | None:
    """Ask where to save an export, starting in the documents folder (None: canceled)."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    chosen, _filter = QFileDialog.getSaveFileName(parent, title,
                                                  str(Path(folder) / suggested_name),
                                                  file_filter)
    return Path(chosen) if chosen else None


def choose_csv_path(parent: QWidget, suggested_name: str) -> Path | None:
    """Ask where to save the CSV file (None when the user cancels)."""
    return choose_save_path(parent, QCoreApplication.translate("CsvExport", "Export to CSV"),
                            suggested_name,
                            QCoreApplication.translate("CsvExport", "CSV files (*.csv)"))


async def export_list(state: AppState, model: CacheTableModel, columns: Sequence[CsvColumn],
                      path: Path) -> int:
    """Write every row `model` currently matches to `path`; returns how many were written."""
    source = model.iter_matching()

    def rows() -> Iterator[dict[str, object]]:
        for obj in source:
            yield {header: cell(obj) for header, cell in columns}

    # The worker, not `state.run`: this job talks to no one, so it says nothing about
    # whether Stripe is reachable.
    return await state.worker.run(export_csv, rows(), path, [h for h, _ in columns])
