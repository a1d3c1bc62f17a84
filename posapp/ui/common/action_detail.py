"""`ActionDetail`: what the invoice and subscription details share — a title with a big
amount, a form, a grid of action buttons with a reason line under it, tabs, and running an
action on the shown object through the worker with "Working…" and the error said there.

Strings here are translated in the "ActionDetail" context."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from .app_state import AppState
from .errors import error_text
from .theme import set_role


class ActionDetail(QWidget):
    """One object's detail with its actions; subclasses fill it and call `lay_out`."""

    action_started = Signal()
    """An action began: what the panel said about an earlier one no longer applies."""

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._state = state
        self.title = QLabel()
        self.title.setObjectName("title")
        self.amount = QLabel()
        self.amount.setObjectName("bigAmount")
        self.reason = QLabel()
        """Why actions are off, what one is doing, or why it failed."""
        self.reason.setObjectName("reason")
        self.reason.setWordWrap(True)

    def lay_out(self, form: QFormLayout, buttons: Sequence[QPushButton], columns: int,
                tabs: QTabWidget) -> None:
        """Title and amount, `form`, `buttons` in rows of `columns`, the reason, `tabs`."""
        grid = button_grid(buttons, columns)
        narrow_form(form)
        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        header.addWidget(self.amount)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addLayout(form)
        layout.addLayout(grid)
        layout.addWidget(self.reason)
        layout.addWidget(tabs, 1)

    def say(self, text: str, role: str = "reason") -> None:
        """Show `text` under the buttons in `role`'s colour."""
        set_role(self.reason, role)
        self.reason.setText(text)

    async def run_action(self, fn: Callable[..., dict[str, Any]], object_id: str, *args: Any,
                         on_failure: Callable[[], None] | None = None,
                         **kwargs: Any) -> dict[str, Any] | None:
        """Run the service `fn(session, object_id, *args, **kwargs)` on the worker; a failure
        (declined, refused by Stripe, offline) runs `on_failure`, is said under the buttons
        and gives None."""
        self.action_started.emit()
        self.say(QCoreApplication.translate("ActionDetail", "Working…"), "muted")
        try:
            result: dict[str, Any] = await self._state.run(fn, self._state.session, object_id,
                                                           *args, **kwargs)
        except Exception as error:  # shown to the user, whatever it was
            if on_failure is not None:
                on_failure()
            self.say(error_text(error), "error")
            return None
        return result


def button_grid(buttons: Sequence[QPushButton], columns: int) -> QGridLayout:
    """`buttons` in rows of `columns`, so a detail stays narrow enough to sit beside its
    list at the smallest window size."""
    grid = QGridLayout()
    for index, button in enumerate(buttons):
        grid.addWidget(button, index // columns, index % columns)
    return grid


def narrow_form(form: QFormLayout) -> None:
    """Let a detail's long values go under their labels when the pane is narrow, so the
    detail asks for less width and its list gets more."""
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
