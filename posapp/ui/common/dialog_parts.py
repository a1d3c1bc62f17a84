"""Pieces the billing dialogs share: the message line, the button box whose accept button
starts the dialog's coroutine, saying a failure, the choice between charging the default
card and e-mailing invoices due in N days, and removable item lines.

Strings here are translated in the "DialogParts" context."""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QWidget,
)

from posapp.services.invoices import CollectionMethod

from .app_state import AppState
from .errors import error_text
from .resources import icon
from .theme import set_role

RowT = TypeVar("RowT")


def message_label(role: str) -> QLabel:
    """The word-wrapped line under a dialog's inputs, coloured as `role`."""
    label = QLabel()
    label.setObjectName(role)
    label.setWordWrap(True)
    return label


def dialog_buttons(dialog: QDialog, state: AppState, accept_text: str,
                   start: Callable[[], Coroutine[Any, Any, object]],
                   dismiss: QDialogButtonBox.StandardButton =
                   QDialogButtonBox.StandardButton.Cancel,
                   ) -> tuple[QDialogButtonBox, QPushButton]:
    """A button box with `dismiss` (rejects) and `accept_text`, which runs `start()` on the
    loop; returns the box and the accept button."""
    buttons = QDialogButtonBox(dismiss)
    accept = buttons.addButton(accept_text, QDialogButtonBox.ButtonRole.AcceptRole)
    buttons.accepted.connect(lambda: state.spawn(start()))
    buttons.rejected.connect(dialog.reject)
    return buttons, accept


def say_failure(label: QLabel, error: BaseException) -> None:
    """Show why a request failed (refused by Stripe, declined, offline) on `label`."""
    set_role(label, "error")
    label.setText(error_text(error))


class CollectionChoice:
    """Charge the default card, or e-mail each invoice due in N days (30 by default)."""

    def __init__(self, dialog: QDialog, charge_text: str, send_text: str,
                 send_first: bool) -> None:
        self.charge_mode = QRadioButton(charge_text)
        self.send_mode = QRadioButton(send_text)
        (self.send_mode if send_first else self.charge_mode).setChecked(True)
        self.group = QButtonGroup(dialog)
        for button in ((self.send_mode, self.charge_mode) if send_first
                       else (self.charge_mode, self.send_mode)):
            self.group.addButton(button)
        self.due_days = QSpinBox()
        self.due_days.setRange(0, 365)
        self.due_days.setValue(30)
        self.due_days.setSuffix(QCoreApplication.translate("DialogParts", " days"))
        self.send_row = QHBoxLayout()
        """The e-mail choice with its number of days."""
        self.send_row.addWidget(self.send_mode)
        self.send_row.addWidget(self.due_days)
        self.send_row.addStretch(1)

    def update(self) -> None:
        """The days only count when invoices are e-mailed."""
        self.due_days.setEnabled(self.send_mode.isChecked())

    def method(self) -> CollectionMethod:
        """The Stripe `collection_method` chosen."""
        return "send_invoice" if self.send_mode.isChecked() else "charge_automatically"

    def days_until_due(self) -> int | None:
        """Days to pay an e-mailed invoice (None when the card is charged)."""
        return self.due_days.value() if self.send_mode.isChecked() else None


class RemovableRows(Generic[RowT]):
    """Item lines in a grid, each ending with a remove button; the last line is never
    removed (`clear_last` empties it instead, when given)."""

    def __init__(self, grid: QGridLayout, first_line: int, remove_tooltip: str,
                 changed: Callable[[], None],
                 clear_last: Callable[[RowT], None] | None = None) -> None:
        self.rows: list[RowT] = []
        self._widgets: list[tuple[QWidget, ...]] = []
        self._grid = grid
        self._next_line = first_line
        self._tooltip = remove_tooltip
        self._changed = changed
        self._clear_last = clear_last

    def add(self, row: RowT, *widgets: QWidget) -> None:
        """Append `row`, shown as `widgets` and a remove button."""
        remove = QPushButton(icon("delete"), "")
        remove.setToolTip(self._tooltip)
        remove.clicked.connect(lambda: self.remove(row))
        line = (*widgets, remove)
        for column, widget in enumerate(line):
            self._grid.addWidget(widget, self._next_line, column)
        self._next_line += 1
        self.rows.append(row)
        self._widgets.append(line)
        self._changed()

    def remove(self, row: RowT) -> None:
        """Take `row` out of the grid (or clear it, when it is the last)."""
        if len(self.rows) == 1:
            if self._clear_last is not None:
                self._clear_last(row)
            return
        index = self.rows.index(row)
        del self.rows[index]
        for widget in self._widgets.pop(index):
            self._grid.removeWidget(widget)
            widget.deleteLater()
        self._changed()
