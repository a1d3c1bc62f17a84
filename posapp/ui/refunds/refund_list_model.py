"""The refunds list: amount, status, reason, customer, card, note and failure reason."""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject

from posapp.services.payments import card_of
from posapp.services.refunds import NOTE_KEY
from posapp.store.cache import Cache

from ..common.format import Formats, card_label, ref_id
from ..common.table_model import CacheTableModel, Column, created_column, money_column
from ..common.theme import DANGER_COLOR, SUCCESS_COLOR, WARNING_COLOR

NO_CUSTOMER = "—"
"""The Customer cell of a walk-in payment's refund: nobody to name."""

STATUSES = ("pending", "succeeded", "failed", "canceled", "requires_action")
_STATUS_COLORS = {"succeeded": SUCCESS_COLOR, "pending": WARNING_COLOR,
                  "requires_action": WARNING_COLOR, "failed": DANGER_COLOR}


def status_text(status: str | None) -> str:
    """A refund status in the user's language."""
    names = {
        "pending": QCoreApplication.translate("RefundStatus", "Pending"),
        "succeeded": QCoreApplication.translate("RefundStatus", "Succeeded"),
        "failed": QCoreApplication.translate("RefundStatus", "Failed"),
        "canceled": QCoreApplication.translate("RefundStatus", "Canceled"),
        "requires_action": QCoreApplication.translate("RefundStatus", "Needs action"),
    }
    return names.get(status or "", status or "")


def reason_text(reason: str | None) -> str:
    """A refund reason in the user's language."""
    names = {
        "requested_by_customer": QCoreApplication.translate("RefundReason",
                                                            "Requested by the customer"),
        "duplicate": QCoreApplication.translate("RefundReason", "Duplicate"),
        "fraudulent": QCoreApplication.translate("RefundReason", "Fraudulent"),
    }
    return names.get(reason or "", reason or "")



class RefundListModel(CacheTableModel):
    """Refunds from the cache, newest first, with their charge's customer."""

    class Columns(IntEnum):
        CREATED = 0
        AMOUNT = 1
        STATUS = 2
        REASON = 3
        CUSTOMER = 4
        CARD = 5
        NOTE = 6

    def __init__(self, cache: Cache, formats: Formats, parent: QObject | None = None) -> None:
        super().__init__(cache, "refunds", formats, parent)

    def make_columns(self) -> Sequence[Column]:
        f = self.formats
        return (
            created_column(self.tr("Created"), f),
            money_column(self.tr("Amount"), f, "amount"),
            Column(self.tr("Status"), lambda r: status_text(r.get("status")),
                   color=lambda r: _STATUS_COLORS.get(str(r.get("status"))), width=80),
            Column(self.tr("Reason"), lambda r: reason_text(r.get("reason")), width=120,
                   optional=True),
            Column(self.tr("Customer"),
                   lambda r: self.memo(("cus", r["id"]), lambda: self._customer(r)), width=110),
            Column(self.tr("Card"),
                   lambda r: self.memo(("card", r["id"]), lambda: self._card(r)), width=120,
                   optional=True),
            Column(self.tr("Note / failure"), self._note, stretch=True),
        )

    def payment_of(self, refund: dict[str, Any]) -> str | None:
        """The refunded PaymentIntent's id (or the charge's, when it has none)."""
        return ref_id(refund.get("payment_intent")) or ref_id(refund.get("charge"))

    def _charge(self, refund: dict[str, Any]) -> dict[str, Any]:
        charge_id = ref_id(refund.get("charge"))
        return (self._cache.get("charges", charge_id) if charge_id else None) or {}

    def _customer(self, refund: dict[str, Any]) -> str:
        charge = self._charge(refund)
        customer_id = ref_id(charge.get("customer"))
        customer = (self._cache.get("customers", customer_id) if customer_id else None) or {}
        billing = charge.get("billing_details") or {}
        return str(customer.get("name") or customer.get("email") or billing.get("name")
                   or billing.get("email") or charge.get("receipt_email") or customer_id
                   or NO_CUSTOMER)

    def _card(self, refund: dict[str, Any]) -> str:
        return card_label(*card_of(self._charge(refund)))

    def _note(self, refund: dict[str, Any]) -> str:
        failure = refund.get("failure_reason")
        note = str((refund.get("metadata") or {}).get(NOTE_KEY) or "")
        if failure:
            failed = self.tr("Failed: %1").replace("%1", str(failure).replace("_", " "))
            return f"{failed} — {note}" if note else failed
        return note
