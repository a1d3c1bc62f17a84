"""`SubscriptionActionDialog`: what the cancel and change dialogs share — the subscription
acted on, Stripe's answer once done, the message line, and sending the action through the
worker (the button off and a progress line meanwhile, the failure said in the dialog, the
lists refreshed and the dialog closed on success)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QDialog, QPushButton, QWidget

from ..common.app_state import AppState
from ..common.dialog_parts import message_label, say_failure
from ..common.theme import set_role


class SubscriptionActionDialog(QDialog):
    """A dialog that changes one subscription; `subscription` holds the result once done."""

    def __init__(self, state: AppState, subscription: dict[str, Any],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._state = state
        self._current = subscription
        self.subscription: dict[str, Any] | None = None
        self.message = message_label("reason")

    async def _perform(self, button: QPushButton, working: str,
                       fn: Callable[..., dict[str, Any]], *, on_failure: Callable[[], None],
                       **kwargs: Any) -> dict[str, Any] | None:
        """Run the service `fn(session, subscription id, **kwargs)` on the worker."""
        button.setEnabled(False)
        set_role(self.message, "muted")
        self.message.setText(working)
        try:
            result: dict[str, Any] = await self._state.run(
                fn, self._state.session, str(self._current["id"]), **kwargs)
        except Exception as error:  # refused by Stripe or offline: said in the dialog
            on_failure()
            say_failure(self.message, error)
            return None
        self.subscription = result
        self.accept()
        return result
