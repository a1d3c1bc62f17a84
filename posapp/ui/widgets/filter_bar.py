"""`FilterBar`: the filters every list shares, above it — created from/to (days in the
account's time zone) on
one row, an amount range read in each row's own currency and a card's last 4 digits on
the next.

`ListPanel.add_filter_bar` puts one on a panel; the panel's `apply_filters` turns it into the
model's created range and the store's conditions (`posapp.store.filters`).
"""

from __future__ import annotations

from datetime import date, tzinfo
from decimal import Decimal, InvalidOperation

from babel.numbers import NumberFormatError, parse_decimal
from PySide6.QtCore import QDate, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QDateEdit, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from posapp.store.cache import FilterValue
from posapp.store.filters import AmountRange, CardLast4
from posapp.store.search_terms import midnight

from ..common.format import Formats
from ..common.theme import set_role

ANY_DATE = QDate(2000, 1, 1)
"""The date edits' "any" value (shown as the word)."""


def start_of_day(day: QDate, zone: tzinfo | None) -> int:
    """Unix time of the midnight starting `day` in `zone` (None: the machine's zone)."""
    return midnight(date(day.year(), day.month(), day.day()), zone)


def day_edit(any_text: str) -> QDateEdit:
    """A day picker with a calendar whose lowest value, shown as `any_text`, means any day."""
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setMinimumDate(ANY_DATE)
    edit.setSpecialValueText(any_text)
    edit.setDate(ANY_DATE)
    return edit


def picked_day(edit: QDateEdit) -> QDate | None:
    """The day a `day_edit` shows (None: any)."""
    day = edit.date()
    return day if day != ANY_DATE else None


class FilterBar(QWidget):
    """Date range, optional amount range and card last 4; `changed` when one is edited."""

    changed = Signal()

    def __init__(self, formats: Formats, *, amounts: bool, card: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._formats = formats
        self._amounts = amounts
        self.date_from = self._date_edit()
        self.date_to = self._date_edit()
        self.amount_min = self._line(self.tr("Min amount"), 90)
        self.amount_max = self._line(self.tr("Max amount"), 90)
        self.last4 = self._line(self.tr("Card last 4"), 90)
        self.last4.setMaxLength(4)
        self.last4.setValidator(QRegularExpressionValidator(r"\d{0,4}", self.last4))
        # Two short rows rather than one long one: the list keeps its width at 1280x800.
        dates = QHBoxLayout()
        dates.addWidget(QLabel(self.tr("Created from")))
        dates.addWidget(self.date_from)
        dates.addWidget(QLabel(self.tr("to")))
        dates.addWidget(self.date_to)
        dates.addStretch(1)
        self.second_row = QHBoxLayout()
        """Amounts and card, and whatever the panel adds (its customer picker)."""
        for edit, shown in ((self.amount_min, amounts), (self.amount_max, amounts),
                            (self.last4, card)):
            edit.setVisible(shown)
            if shown:
                self.second_row.addWidget(edit)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(dates)
        layout.addLayout(self.second_row)

    def _date_edit(self) -> QDateEdit:
        edit = day_edit(self.tr("any"))
        edit.dateChanged.connect(lambda _d: self.changed.emit())
        return edit

    def _line(self, placeholder: str, width: int) -> QLineEdit:
        edit = QLineEdit()
        edit.setPlaceholderText(placeholder)
        edit.setClearButtonEnabled(True)
        edit.setMaximumWidth(width + 30)
        edit.textChanged.connect(lambda _t: self.changed.emit())
        return edit

    def set_days(self, first: QDate | None, last: QDate | None) -> None:
        """Show rows created from `first` to `last` (inclusive days in the account's time
        zone; None: any)."""
        for edit, day in ((self.date_from, first), (self.date_to, last)):
            edit.blockSignals(True)
            edit.setDate(day or ANY_DATE)
            edit.blockSignals(False)
        self.changed.emit()

    def clear(self) -> None:
        """Every filter back to "any", without announcing each change."""
        for widget in (self.date_from, self.date_to, self.amount_min, self.amount_max,
                       self.last4):
            widget.blockSignals(True)
        self.date_from.setDate(ANY_DATE)
        self.date_to.setDate(ANY_DATE)
        for edit in (self.amount_min, self.amount_max, self.last4):
            edit.clear()
        for widget in (self.date_from, self.date_to, self.amount_min, self.amount_max,
                       self.last4):
            widget.blockSignals(False)

    def days(self) -> tuple[QDate | None, QDate | None]:
        """The first and last day chosen (None: any)."""
        return picked_day(self.date_from), picked_day(self.date_to)

    def created_range(self) -> tuple[int | None, int | None]:
        """`[since, until)` of the chosen days in the account's time zone (None:
        unbounded)."""
        return days_range(*self.days(), self._formats.zone)


    def conditions(self) -> dict[str, FilterValue]:
        """The store conditions for the amount range and card (only those set and valid);
        an amount that is not a number is marked and ignored."""
        found: dict[str, FilterValue] = {}
        low, high = self._amount(self.amount_min), self._amount(self.amount_max)
        if self._amounts and (low is not None or high is not None):
            found["amount"] = AmountRange(low, high)
        if len(self.last4.text()) == 4:
            found["card"] = CardLast4(self.last4.text())
        return found

    def _amount(self, edit: QLineEdit) -> Decimal | None:
        text = edit.text().strip()
        value: Decimal | None = None
        if text:
            try:
                value = parse_decimal(text, self._formats.language, strict=True)
            except (NumberFormatError, InvalidOperation):
                value = None
        set_role(edit, "error" if text and value is None else "")
        edit.setToolTip(self.tr("Not an amount") if text and value is None else "")
        return value


def days_range(first: QDate | None, last: QDate | None,
               zone: tzinfo | None) -> tuple[int | None, int | None]:
    """`[since, until)` from the midnight starting `first` to the one ending `last` in `zone`
    (None: unbounded on that side)."""
    return (start_of_day(first, zone) if first is not None else None,
            start_of_day(last.addDays(1), zone) if last is not None else None)
