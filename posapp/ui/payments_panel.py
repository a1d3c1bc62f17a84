"""`PaymentsPanel`: every payment with status, amount, customer, card and refund/dispute
markers, beside the selected payment's detail and timeline."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QMenu, QSplitter, QVBoxLayout, QWidget

from .app_state import AppState
from .list_view import CacheListView, add_action
from .payment_detail import PaymentDetail
from .payment_list_model import PaymentListModel, status_text

STATUSES = ("succeeded", "requires_capture", "requires_payment_method", "requires_action",
            "processing", "canceled")


class PaymentsPanel(QWidget):
    """Find payments and act on them."""

    open_customer = Signal(str)

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._state = state
        self.model = PaymentListModel(state.cache, state.formats, self)
        self.list = CacheListView(self.model, state.ui_settings, "lists/payments",
                                  [(s, status_text(s)) for s in STATUSES])
        self.list.set_menu_builder(self._menu)
        self.detail = PaymentDetail(state)
        self.detail.open_customer.connect(self.open_customer)
        self.list.selected.connect(self.detail.show_payment)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.list)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([640, 480])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        state.connect_tables(frozenset(("payment_intents", "charges")), self.model.reload)
        self.model.reload()

    def show_object(self, object_id: str) -> bool:
        """Select the payment `object_id` (or the payment of charge `object_id`)."""
        if object_id.startswith(("ch_", "py_")):
            charge = self._state.cache.get("charges", object_id) or {}
            intent = charge.get("payment_intent")
            object_id = intent if isinstance(intent, str) else ""
        return bool(object_id) and self.list.select_id(object_id)

    def _menu(self, menu: QMenu, payment: dict[str, Any]) -> None:
        reason = self._state.money_blocked_reason()
        status = payment.get("status")
        if status == "succeeded":
            add_action(menu, self.tr("Refund…"), lambda: self._refund(payment),
                       not reason, reason)
        if status == "requires_capture":
            add_action(menu, self.tr("Capture"), lambda: self._capture(payment),
                       not reason, reason)
        add_action(menu, self.tr("Copy id"),
                   lambda: QGuiApplication.clipboard().setText(str(payment["id"])))
        add_action(menu, self.tr("Open in Stripe Dashboard"), lambda: QDesktopServices.openUrl(
            QUrl(self._state.dashboard_url(str(payment["id"])))))

    def _refund(self, payment: dict[str, Any]) -> None:
        self.list.select_id(str(payment["id"]))
        self.detail.open_refund()

    def _capture(self, payment: dict[str, Any]) -> None:
        self.list.select_id(str(payment["id"]))
        self.detail.capture.click()
