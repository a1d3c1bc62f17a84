"""`SubscriptionCancelDialog`: cancel at the end of the paid period (can be undone until
then) or at once (optionally crediting the unused time and invoicing now; cannot be
undone), confirmed first and twice in live mode."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialogButtonBox,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from posapp.services.subscriptions import (
    cancel_at_period_end,
    cancel_subscription,
    period_end,
)

from ..common.app_state import AppState
from ..common.confirm import confirm
from ..common.dialog_parts import dialog_buttons
from .subscription_action_dialog import SubscriptionActionDialog
from .subscription_list_model import customer_name


class SubscriptionCancelDialog(SubscriptionActionDialog):
    """Choose how to cancel; `subscription` holds Stripe's answer once done."""

    def __init__(self, state: AppState, subscription: dict[str, Any],
                 parent: QWidget | None = None) -> None:
        super().__init__(state, subscription, parent)
        self.setWindowTitle(self.tr("Cancel subscription"))
        self.setMinimumWidth(480)
        end = state.formats.date(period_end(subscription))
        self.at_period_end = QRadioButton(self.tr("At the end of the period (%1); can be "
                                                  "undone until then").replace("%1", end))
        self.now = QRadioButton(self.tr("Now; cannot be undone"))
        self.at_period_end.setChecked(True)
        self._when = QButtonGroup(self)
        self._when.addButton(self.at_period_end)
        self._when.addButton(self.now)
        self.prorate = QCheckBox(self.tr("Credit the unused part of the period"))
        self.invoice_now = QCheckBox(self.tr("Invoice pending usage and prorations now"))
        self.buttons, self.cancel_button = dialog_buttons(
            self, state, self.tr("Cancel subscription…"), self.send,
            QDialogButtonBox.StandardButton.Close)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Cancel %1's subscription:").replace(
            "%1", customer_name(state.cache, subscription.get("customer")))))
        layout.addWidget(self.at_period_end)
        layout.addWidget(self.now)
        layout.addWidget(self.prorate)
        layout.addWidget(self.invoice_now)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self._when.buttonToggled.connect(lambda *_: self._check())
        if subscription.get("cancel_at_period_end"):
            self.at_period_end.setEnabled(False)
            self.now.setChecked(True)
        state.follow_online(self._check)

    def _check(self) -> None:
        now = self.now.isChecked()
        self.prorate.setEnabled(now)
        self.invoice_now.setEnabled(now)
        blocked = self._state.money_blocked_reason()
        self.message.setText(blocked)
        self.cancel_button.setEnabled(not blocked)
        self.cancel_button.setToolTip(blocked)

    def question(self) -> str:
        """The confirmation for the chosen way of canceling."""
        who = customer_name(self._state.cache, self._current.get("customer"))
        if not self.now.isChecked():
            return self.tr("Cancel %1's subscription at the end of the period, on %2? It "
                           "keeps running until then.").replace("%1", who).replace(
                "%2", self._state.formats.date(period_end(self._current)))
        return self.tr("Cancel %1's subscription now? This cannot be undone.").replace(
            "%1", who)

    async def send(self, confirmed: bool = False) -> dict[str, Any] | None:
        """Cancel as chosen after confirmation; the dialog closes on success."""
        if not confirmed and not confirm(self, self._state.profile.mode,
                                         self.tr("Cancel subscription"), self.question()):
            return None
        working = self.tr("Canceling…")
        if self.now.isChecked():
            return await self._perform(
                self.cancel_button, working, cancel_subscription, on_failure=self._check,
                invoice_now=self.invoice_now.isChecked(), prorate=self.prorate.isChecked())
        return await self._perform(self.cancel_button, working, cancel_at_period_end,
                                   on_failure=self._check)
