"""`PaymentsPanel`: every payment with status, amount, customer, card and refund/dispute
markers, beside the selected payment's detail and timeline."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QMenu, QWidget

from ..common.app_state import AppState
from ..common.list_view import add_action
from ..widgets.list_panel import ListPanel
from .payment_detail import PaymentDetail
from .payment_list_model import PaymentListModel, status_text

STATUSES = ("succeeded", "requires_capture", "requires_payment_method", "requires_action",
            "processing", "canceled")


class PaymentsPanel(ListPanel[PaymentListModel]):
    """Find payments and act on them."""

    open_customer = Signal(str)

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(state, PaymentListModel(state.cache, state.formats), "lists/payments",
                         [(s, status_text(s)) for s in STATUSES], parent)
        self.detail = PaymentDetail(state)
        self.detail.open_customer.connect(self.open_customer)
        self.list.selected.connect(self.detail.show_payment)
        self.finish_layout(self.detail, (640, 480), ("payment_intents", "charges"))

    def show_object(self, object_id: str) -> bool:
        """Select the payment `object_id` (or the payment of charge `object_id`)."""
        if object_id.startswith(("ch_", "py_")):
            charge = self._state.cache.get("charges", object_id) or {}
            intent = charge.get("payment_intent")
            object_id = intent if isinstance(intent, str) else ""
        return bool(object_id) and super().show_object(object_id)

    def fill_menu(self, menu: QMenu, payment: dict[str, Any]) -> None:
        """Refund or capture, as the payment's status allows (disabled offline)."""
        reason = self._state.money_blocked_reason()
        status = payment.get("status")
        if status == "succeeded":
            add_action(menu, self.tr("Refund…"), lambda: self._refund(payment),
                       not reason, reason)
        if status == "requires_capture":
            add_action(menu, self.tr("Capture"), lambda: self._capture(payment),
                       not reason, reason)

    def _refund(self, payment: dict[str, Any]) -> None:
        self.list.select_id(str(payment["id"]))
        self.detail.open_refund()

    def _capture(self, payment: dict[str, Any]) -> None:
        self.list.select_id(str(payment["id"]))
        self.detail.capture.click()
