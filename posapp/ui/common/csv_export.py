"""Export what a list shows (its filters and search, for a range of days) to a CSV or XLSX
file.

The file is written by `posapp.services.exports.write_export` (formula prefixes escaped,
exact amounts, times in the account's time zone) on the worker, reading the cache in keyset
pages, so a long list neither blocks the window nor sits in memory; it can be canceled and
then leaves no file. It needs no network and works offline. `choose_save_path` is the file
dialog every export (CSV, XLSX, an invoice's PDF) asks with.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

from posapp.money import to_decimal
from posapp.services.exports import ExportCanceled, ExportKind, write_export

from .app_state import AppState
from .errors import error_text

CsvColumn = tuple[str, Callable[[Any], object]]
"""An export's column header and how to compute the cell from one row (a Stripe object)."""

Say = Callable[[str, str], None]
"""Tell the user something about an export: (text, role: "muted", "" or "error")."""


def csv_money(minor: object, currency: object) -> Decimal | str:
    """Minor units as the currency's decimal number, exact (`90.00`, `1000` for JPY,
    `1.500` for KWD; "" when unknown); the export puts the currency in a column beside."""
    if not isinstance(minor, int) or not isinstance(currency, str) or not currency:
        return ""
    return to_decimal(minor, currency)


def csv_time(timestamp: object) -> datetime | str:
    """A Unix time as a moment the export writes in the account's time zone ("" when
    unset)."""
    if not isinstance(timestamp, int | float) or not timestamp:
        return ""
    return datetime.fromtimestamp(timestamp, UTC)


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


async def export_rows(state: AppState, objects: Iterator[Any], columns: Sequence[CsvColumn],
                      path: Path, *, kind: ExportKind = "csv",
                      progress: Callable[[int], None] | None = None,
                      cancel: threading.Event | None = None) -> int:
    """Write `objects` (consumed on the worker, as they are read) under `columns` to `path`;
    returns how many rows were written. ExportCanceled once `cancel` is set (no file)."""

    def rows() -> Iterator[dict[str, object]]:
        for obj in objects:
            yield {header: cell(obj) for header, cell in columns}

    # The worker, not `state.run`: this job talks to no one, so it says nothing about
    # whether Stripe is reachable.
    return await state.worker.run(write_export, rows(), path, [h for h, _ in columns],
                                  kind=kind, zone=state.formats.zone, progress=progress,
                                  cancel=cancel)


async def export_and_tell(state: AppState, say: Say, objects: Iterator[Any],
                          columns: Sequence[CsvColumn], path: Path,
                          done: Callable[[int, Path], str], *, kind: ExportKind = "csv",
                          progress: Callable[[int], None] | None = None,
                          cancel: threading.Event | None = None) -> int | None:
    """`export_rows`, saying what became of it: "Exporting…", then `done(count, path)`,
    that it was canceled and left no file, or why it failed. None unless it completed."""
    say(QCoreApplication.translate("CsvExport", "Exporting…"), "muted")
    try:
        count = await export_rows(state, objects, columns, path, kind=kind,
                                  progress=progress, cancel=cancel)
    except ExportCanceled:
        say(QCoreApplication.translate("CsvExport", "Export canceled: no file was written."),
            "muted")
        return None
    except OSError as error:
        say(error_text(error), "error")
        return None
    say(done(count, path), "muted")
    return count
