"""`CustomerDialog`: create a customer (or edit one) in a dialog, sent through the worker."""

from __future__ import annotations

import asyncio
from typing import Any

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from posapp.services.customers import create_customer, update_customer

from ..common.app_state import AppState
from ..common.errors import error_text
from ..common.theme import set_role
from .customer_form import CustomerForm


class CustomerDialog(QDialog):
    """A `CustomerForm` with Save; `customer` holds Stripe's answer once saved."""

    def __init__(self, state: AppState, customer: dict[str, Any] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._state = state
        self._existing = customer
        self.customer: dict[str, Any] | None = None
        self.setWindowTitle(self.tr("Edit customer") if customer else self.tr("New customer"))
        self.setMinimumWidth(520)
        self.form = CustomerForm()
        self.form.load(customer or {})
        self.message = QLabel()
        self.message.setObjectName("error")
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.buttons.accepted.connect(self._start)
        self.buttons.rejected.connect(self.reject)
        self.form.validity_changed.connect(self._update_save)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self._task: asyncio.Task[dict[str, Any] | None] | None = None
        state.follow_online(self._update_save)

    def _update_save(self, *_: object) -> None:
        reason = self._state.money_blocked_reason()
        self.save_button.setEnabled(not reason and self.form.check())
        self.save_button.setToolTip(reason)
        if reason:
            self.message.setText(reason)

    def _start(self) -> None:
        self._task = asyncio.ensure_future(self.save())

    async def save(self) -> dict[str, Any] | None:
        """Send the form to Stripe; close on success, show the error otherwise."""
        if not self.form.check():
            return None
        self.save_button.setEnabled(False)
        set_role(self.message, "muted")
        self.message.setText(self.tr("Saving…"))
        try:
            if self._existing:
                result = await self._state.run(update_customer, self._state.session,
                                               self._existing["id"],
                                               **self.form.fields(for_update=True))
            else:
                result = await self._state.run(create_customer, self._state.session,
                                               **self.form.fields(for_update=False))
        except Exception as error:  # shown in the dialog; nothing else to undo
            set_role(self.message, "error")
            self.message.setText(error_text(error))
            self._update_save()
            return None
        self.customer = result
        self.accept()
        return result
