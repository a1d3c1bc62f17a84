"""`PaymentsPanel`: every payment with status, amount, customer, card and refund/dispute
markers, filtered by status, dates, amount, card and customer, beside the selected
payment's detail and timeline; the list exported as it is filtered."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QMenu, QWidget

from posapp.services.payments import card_of
from posapp.store.cache import Cache

from ..common.app_state import AppState
from ..common.csv_export import CsvColumn, csv_money, csv_time
from ..common.list_view import add_action
from ..widgets.list_panel import ListPanel
from .payment_detail import PaymentDetail
from .payment_list_model import PaymentListModel, status_text

STATUSES = ("succeeded", "requires_capture", "requires_payment_method", "requires_action",
            "processing", "canceled")


def payment_csv_columns(cache: Cache) -> tuple[CsvColumn, ...]:
    """What a payments export holds: amounts as exact decimals with the currency beside,
    times in ISO 8601 with their UTC offset, the card from the payment's charge."""

    def charge(payment: dict[str, Any]) -> dict[str, Any] | None:
        ref = payment.get("latest_charge")
        charge_id = ref.get("id") if isinstance(ref, dict) else ref
        return cache.get("charges", charge_id) if isinstance(charge_id, str) else None

    return (
        ("id", lambda p: p.get("id")),
        ("created", lambda p: csv_time(p.get("created"))),
        ("status", lambda p: p.get("status")),
        ("amount", lambda p: csv_money(p.get("amount"), p.get("currency"))),
        ("currency", lambda p: p.get("currency")),
        ("amount_refunded",
         lambda p: csv_money((charge(p) or {}).get("amount_refunded"), p.get("currency"))),
        ("customer", lambda p: p.get("customer")),
        ("card_brand", lambda p: card_of(charge(p))[0]),
        ("card_last4", lambda p: card_of(charge(p))[1]),
        ("description", lambda p: p.get("description")),
    )


class PaymentsPanel(ListPanel[PaymentListModel]):
    """Find payments and act on them."""

    open_customer = Signal(str)

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(state, PaymentListModel(state.cache, state.formats), "lists/payments",
                         [(s, status_text(s)) for s in STATUSES], parent)
        self.detail = PaymentDetail(state)
        self.detail.open_customer.connect(self.open_customer)
        self.list.selected.connect(self.detail.show_payment)
        self.add_csv_export(
            payment_csv_columns(state.cache), "payments.csv",
            self.tr("Export the payments the list shows now"),
            lambda count, path: self.tr("%n payment(s) exported to %1.", "", count)
            .replace("%1", str(path)))
        self.add_filter_bar(amounts=True, card=True, customer=True)
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
