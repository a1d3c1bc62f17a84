"""Write rows to a CSV or XLSX file a bookkeeper can trust: exact amounts, times in the
account's time zone, and no cell a spreadsheet would run as a formula.

Rows are consumed as they come (the lists feed them from the cache in keyset pages) and
written straight to disk, so an export of any size holds one page in memory. The file is
written beside its final name and renamed when complete: a canceled or failed export leaves
nothing behind.
"""

from __future__ import annotations

import csv
import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import datetime, tzinfo
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal

__all__ = ["ExportCanceled", "ExportKind", "csv_cell", "local_time", "write_export"]

ExportKind = Literal["csv", "xlsx"]
PROGRESS_EVERY = 250
"""Rows between two progress reports (and cancel checks)."""

# Spreadsheets run a cell that starts with one of these as a formula (OWASP, CSV injection).
_FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


class ExportCanceled(Exception):
    """The export was canceled; its partial file is gone."""


def local_time(moment: datetime, zone: tzinfo | None) -> datetime:
    """`moment` in `zone` (None: the machine's time zone)."""
    return moment.astimezone(zone) if zone is not None else moment.astimezone()


def csv_cell(value: object, zone: tzinfo | None = None) -> str | int | float:
    """`value` as a safe CSV cell: text a spreadsheet would run as a formula gets a leading
    `'` (OWASP's advice against CSV injection); numbers stay numbers, a Decimal written
    exactly as it is (`-90.00`, `1.500`), a time as ISO 8601 with the offset of `zone`."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return value
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, datetime):
        return local_time(value, zone).isoformat(timespec="seconds")
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_PREFIXES) else text


def write_export(rows: Iterable[Mapping[str, object]], path: Path, columns: Sequence[str], *,
                 kind: ExportKind = "csv", zone: tzinfo | None = None,
                 progress: Callable[[int], None] | None = None,
                 cancel: threading.Event | None = None) -> int:
    """Write `rows` (their `columns`, in order) to `path` as CSV or XLSX; returns how many
    rows were written. Times (datetime values) are written in `zone` (None: the machine's).
    `progress(count)` hears every few hundred rows; once `cancel` is set the export stops,
    removes what it wrote and raises ExportCanceled. Any error also leaves no file."""
    partial = path.with_name(path.name + ".part")
    writer = _XlsxWriter(partial, columns) if kind == "xlsx" else _CsvWriter(partial, columns)
    count = 0
    try:
        with writer:
            for row in rows:
                writer.write([row.get(name) for name in columns], zone)
                count += 1
                if count % PROGRESS_EVERY == 0:
                    if cancel is not None and cancel.is_set():
                        raise ExportCanceled
                    if progress is not None:
                        progress(count)
            if cancel is not None and cancel.is_set():
                raise ExportCanceled
        partial.replace(path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return count


class _CsvWriter:
    """UTF-8 with a byte-order mark, which Excel needs to read non-ASCII names correctly."""

    def __init__(self, path: Path, columns: Sequence[str]) -> None:
        self._handle = path.open("w", encoding="utf-8-sig", newline="")
        self._writer = csv.writer(self._handle)
        self._writer.writerow([csv_cell(name) for name in columns])

    def write(self, values: Sequence[object], zone: tzinfo | None) -> None:
        self._writer.writerow([csv_cell(value, zone) for value in values])

    def __enter__(self) -> _CsvWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self._handle.close()


class _XlsxWriter:
    """One sheet, written row by row (`constant_memory`): amounts as numbers shown with
    their currency's decimals, times as dates, text only ever as text."""

    def __init__(self, path: Path, columns: Sequence[str]) -> None:
        import xlsxwriter  # about 0.1 s to import: only when a workbook is written

        self._book = xlsxwriter.Workbook(str(path), {"constant_memory": True,
                                                     "strings_to_formulas": False,
                                                     "strings_to_numbers": False,
                                                     "strings_to_urls": False})
        self._sheet = self._book.add_worksheet()
        bold = self._book.add_format({"bold": True})
        for column, name in enumerate(columns):
            self._sheet.write_string(0, column, name, bold)
        self._sheet.freeze_panes(1, 0)
        self._sheet.set_column(0, max(len(columns) - 1, 0), 18)
        self._date = self._book.add_format({"num_format": "yyyy-mm-dd hh:mm:ss"})
        self._decimals: dict[int, Any] = {}
        self._row = 0

    def _amount_format(self, places: int) -> Any:
        found = self._decimals.get(places)
        if found is None:
            pattern = "0." + "0" * places if places else "0"
            found = self._decimals[places] = self._book.add_format({"num_format": pattern})
        return found

    def write(self, values: Sequence[object], zone: tzinfo | None) -> None:
        self._row += 1
        for column, value in enumerate(values):
            self._cell(column, value, zone)

    def _cell(self, column: int, value: object, zone: tzinfo | None) -> None:
        row, sheet = self._row, self._sheet
        if value is None or value == "":
            return
        if isinstance(value, bool):
            sheet.write_boolean(row, column, value)
        elif isinstance(value, Decimal):
            exponent = value.as_tuple().exponent
            places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
            sheet.write_number(row, column, float(value), self._amount_format(places))
        elif isinstance(value, int | float):
            sheet.write_number(row, column, value)
        elif isinstance(value, datetime):
            local = local_time(value, zone).replace(tzinfo=None)
            sheet.write_datetime(row, column, local, self._date)
        else:
            sheet.write_string(row, column, str(value))

    def __enter__(self) -> _XlsxWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self._book.close()
