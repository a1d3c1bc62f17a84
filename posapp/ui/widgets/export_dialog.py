"""`ExportDialog`: export a list as CSV or XLSX for a range of days (the list's own by
default, counted in the account's time zone), then watch the rows being written with a
progress bar and Cancel.

The list says what an export is through an `ExportSource`; the dialog only asks and shows,
the source's `run` writes (see `posapp.ui.common.csv_export`) and tells the outcome.
"""

from __future__ import annotations

import threading
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from posapp.services.exports import ExportKind

from ..common.app_state import AppState
from ..common.csv_export import choose_save_path
from .filter_bar import ANY_DATE, day_edit, days_range, picked_day

Days = tuple[QDate | None, QDate | None]
"""First and last day (None: unbounded)."""

ExportRun = Callable[[Path, ExportKind, tuple[int | None, int | None],
                      Callable[[int], None], threading.Event], Awaitable[int | None]]
"""Write the list for `[since, until)` to a path, reporting progress, until canceled."""


@dataclass(frozen=True)
class ExportSource:
    """What a list exports: its file name stem ("payments"), the days it shows now, how
    many rows a range holds (None: not known beforehand) and how to write them."""

    name: str
    days: Days
    count: Callable[[int | None, int | None], int | None]
    run: ExportRun


def export_file_name(name: str, days: Days, kind: ExportKind) -> str:
    """"payments_2026-12-01_to_2026-12-03.csv": the list and the days it holds."""
    first, last = (day.toString("yyyy-MM-dd") if day is not None else "" for day in days)
    if first and last:
        span = first if first == last else f"{first}_to_{last}"
    elif first:
        span = f"from_{first}"
    elif last:
        span = f"to_{last}"
    else:
        span = "all-dates"
    return f"{name}_{span}.{kind}"


class ExportDialog(QDialog):
    """Format and days, then progress and Cancel; closes when the export has ended."""

    progressed = Signal(int)
    """Rows written so far (emitted from the worker, shown on the GUI thread)."""

    def __init__(self, state: AppState, source: ExportSource,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._state = state
        self._source = source
        self._cancel = threading.Event()
        self._running = False
        self.setWindowTitle(self.tr("Export"))
        self.kind = QComboBox()
        self.kind.addItem(self.tr("CSV (any spreadsheet, UTF-8)"), "csv")
        self.kind.addItem(self.tr("Excel workbook (XLSX)"), "xlsx")
        self.date_from = day_edit(self.tr("any"))
        self.date_to = day_edit(self.tr("any"))
        for edit, day in ((self.date_from, source.days[0]), (self.date_to, source.days[1])):
            edit.setDate(day or ANY_DATE)
            edit.dateChanged.connect(lambda _d: self._count())
        dates = QHBoxLayout()
        dates.addWidget(self.date_from)
        dates.addWidget(QLabel(self.tr("to")))
        dates.addWidget(self.date_to)
        dates.addStretch(1)
        zone = state.formats.zone
        self.zone = QLabel(self.tr("Days and times in %1, the account's time zone")
                           .replace("%1", zone.key) if zone is not None else
                           self.tr("Days and times in this computer's time zone"))
        self.zone.setObjectName("muted")
        self.rows = QLabel()
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.progressed.connect(self.progress.setValue)
        form = QFormLayout()
        form.addRow(self.tr("Format"), self.kind)
        form.addRow(self.tr("Created"), dates)
        form.addRow("", self.zone)
        form.addRow("", self.rows)
        self.export = QPushButton(self.tr("Export…"))
        self.export.setDefault(True)
        self.export.clicked.connect(self._ask_path)
        self.cancel = QPushButton(self.tr("Cancel"))
        self.cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.export)
        buttons.addWidget(self.cancel)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addLayout(buttons)
        self.setMinimumWidth(460)
        self._count()

    def days(self) -> Days:
        """The first and last day chosen (None: any)."""
        return picked_day(self.date_from), picked_day(self.date_to)

    def chosen_kind(self) -> ExportKind:
        """"csv" or "xlsx"."""
        return "xlsx" if self.kind.currentData() == "xlsx" else "csv"

    def file_name(self) -> str:
        """The suggested file name: the list, the days and the format."""
        return export_file_name(self._source.name, self.days(), self.chosen_kind())

    def _range(self) -> tuple[int | None, int | None]:
        return days_range(*self.days(), self._state.formats.zone)

    def _count(self) -> None:
        total = self._source.count(*self._range())
        self.rows.setText("" if total is None else
                          self.tr("%n row(s) to export", "", total))
        self.export.setEnabled(total != 0)

    def _ask_path(self) -> None:
        kind = self.chosen_kind()
        file_filter = (self.tr("Excel workbooks (*.xlsx)") if kind == "xlsx"
                       else self.tr("CSV files (*.csv)"))
        path = choose_save_path(self, self.tr("Export"), self.file_name(), file_filter)
        if path is not None:
            self._state.spawn(self.run_export(path))

    async def run_export(self, path: Path) -> int | None:
        """Export the chosen days in the chosen format to `path`, showing progress until it
        ends (done, canceled or failed: the list says which), then close."""
        since, until = self._range()
        total = self._source.count(since, until)
        self.progress.setRange(0, total or 0)
        self.progress.setValue(0)
        self.progress.setVisible(True)
        for widget in (self.kind, self.date_from, self.date_to, self.export):
            widget.setEnabled(False)
        self._running = True
        try:
            return await self._source.run(path, self.chosen_kind(), (since, until),
                                          self.progressed.emit, self._cancel)
        finally:
            self._running = False
            self.accept()

    def reject(self) -> None:
        """Cancel, Escape or closing the window: while exporting, stop the export (the
        dialog closes once the partial file is gone); before, just close."""
        if self._running:
            self._cancel.set()
            self.cancel.setEnabled(False)
            return
        super().reject()
