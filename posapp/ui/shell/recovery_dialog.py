"""`RecoveryDialog`: shown at start when the app was stopped in the middle of a money write.

It tells the cashier how each interrupted charge or refund ended when Stripe had it (looked
up, never re-sent), and asks about each one Stripe does not have: which sale it was, how
long ago, and whether to send it again now (the customer may have left, or been charged
another way meanwhile). The answer goes into the audit log.
"""

from __future__ import annotations

import time

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from posapp.services.recovery import (
    UnsettledWrite,
    drop_interrupted,
    interrupted_writes,
    recovered_money_writes,
    send_again,
)

from ..common.app_state import AppState
from ..common.errors import error_text
from ..common.theme import set_role
from ..payments.open_requests_view import age_text
from ..widgets.customer_picker import customer_label


def needs_recovery(state: AppState) -> bool:
    """Whether the start-up found interrupted money writes to tell about or ask about."""
    session = state.session
    return bool(recovered_money_writes(session) or interrupted_writes(session))


class RecoveryDialog(QDialog):
    """What became of the money writes a crash interrupted; a yes or no for each one that
    Stripe does not have."""

    answered = Signal(str, bool)
    """The idempotency key of a write, and whether it was sent again."""

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._state = state
        self.setWindowTitle(self.tr("The app was stopped during a payment"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        now = time.time()
        self.outcomes: list[QLabel] = []
        for write in recovered_money_writes(state.session):
            label = QLabel(self.tr("%1 — interrupted %2 ago: it went through at Stripe.")
                           .replace("%1", self.sale_text(write))
                           .replace("%2", age_text(now - write.created)))
            label.setWordWrap(True)
            set_role(label, "success")
            layout.addWidget(label)
            self.outcomes.append(label)
        self.questions: dict[str, QLabel] = {}
        self.send_buttons: dict[str, QPushButton] = {}
        self.skip_buttons: dict[str, QPushButton] = {}
        for write in interrupted_writes(state.session):
            question = QLabel(self.tr("%1 — interrupted %2 ago, and Stripe does not have it: "
                                      "it was not charged. Send it again now? Only if the "
                                      "customer is still here and has not paid another way.")
                              .replace("%1", self.sale_text(write))
                              .replace("%2", age_text(now - write.created)))
            question.setWordWrap(True)
            send = QPushButton(self.tr("Send it again"))
            skip = QPushButton(self.tr("Don't send"))
            send.clicked.connect(lambda _c=False, k=write.key: self._answer(k, True))
            skip.clicked.connect(lambda _c=False, k=write.key: self._answer(k, False))
            row = QHBoxLayout()
            row.addStretch(1)
            row.addWidget(skip)
            row.addWidget(send)
            layout.addWidget(question)
            layout.addLayout(row)
            self.questions[write.key] = question
            self.send_buttons[write.key] = send
            self.skip_buttons[write.key] = skip
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def sale_text(self, write: UnsettledWrite) -> str:
        """The sale as the cashier knows it: what, for how much, for whom."""
        what = (self.tr("Refund of %1") if write.operation.startswith("refunds.")
                else self.tr("Charge of %1"))
        text = what.replace("%1", self._state.formats.money(write.amount, write.currency))
        if write.description:
            text += f" “{write.description}”"
        if write.customer_id:
            # The cache may not have the customer yet: the first sync comes after this.
            customer = self._state.cache.get("customers", write.customer_id)
            text += " · " + (customer_label(customer) if customer else write.customer_id)
        return text

    def _answer(self, key: str, send: bool) -> None:
        for button in (self.send_buttons[key], self.skip_buttons[key]):
            button.setEnabled(False)
        self._state.spawn(self.answer(key, send))

    async def answer(self, key: str, send: bool) -> None:
        """Send the write `key` again (`send`) or drop it, and say what came of it."""
        question = self.questions[key]
        session = self._state.session
        try:
            if send:
                await self._state.run(send_again, session, key)
                set_role(question, "success")
                question.setText(self.tr("Sent again: Stripe has it now."))
            else:
                await self._state.run(drop_interrupted, session, key)
                set_role(question, "muted")
                question.setText(self.tr("Not sent."))
        except Exception as error:  # shown; the row stays for Activity or the next start
            set_role(question, "error")
            question.setText(error_text(error))
        self.answered.emit(key, send)
