"""The disputes list: amount, status, reason, the response deadline as a countdown (red under
three days), customer and payment."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject

from posapp.store.cache import Cache

from ..common.format import Formats, ref_id
from ..common.table_model import CacheTableModel, Column, created_column, money_column
from ..common.theme import DANGER_COLOR, SUCCESS_COLOR, WARNING_COLOR

STATUSES = ("needs_response", "under_review", "won", "lost", "warning_needs_response",
            "warning_under_review", "warning_closed")
AWAITING_EVIDENCE = ("needs_response", "warning_needs_response")
"""Statuses in which evidence can still be saved, submitted, or the dispute accepted."""
OPEN_STATUSES = ("needs_response", "warning_needs_response", "under_review",
                 "warning_under_review")
URGENT_SECONDS = 3 * 86_400
_STATUS_COLORS = {"needs_response": DANGER_COLOR, "warning_needs_response": DANGER_COLOR,
                  "under_review": WARNING_COLOR, "warning_under_review": WARNING_COLOR,
                  "won": SUCCESS_COLOR, "lost": DANGER_COLOR}


def status_text(status: str | None) -> str:
    """A dispute status in the user's language."""
    names = {
        "needs_response": QCoreApplication.translate("DisputeStatus", "Needs response"),
        "under_review": QCoreApplication.translate("DisputeStatus", "Under review"),
        "won": QCoreApplication.translate("DisputeStatus", "Won"),
        "lost": QCoreApplication.translate("DisputeStatus", "Lost"),
        "warning_needs_response": QCoreApplication.translate("DisputeStatus",
                                                             "Inquiry: needs response"),
        "warning_under_review": QCoreApplication.translate("DisputeStatus",
                                                           "Inquiry: under review"),
        "warning_closed": QCoreApplication.translate("DisputeStatus", "Inquiry closed"),
    }
    return names.get(status or "", (status or "").replace("_", " "))


def reason_text(reason: str | None) -> str:
    """A dispute reason, readable (Stripe's reason codes are English identifiers)."""
    names = {
        "fraudulent": QCoreApplication.translate("DisputeReason", "Fraudulent"),
        "duplicate": QCoreApplication.translate("DisputeReason", "Duplicate"),
        "product_not_received": QCoreApplication.translate("DisputeReason",
                                                           "Product not received"),
        "product_unacceptable": QCoreApplication.translate("DisputeReason",
                                                           "Product unacceptable"),
        "subscription_canceled": QCoreApplication.translate("DisputeReason",
                                                            "Subscription canceled"),
        "credit_not_processed": QCoreApplication.translate("DisputeReason",
                                                           "Credit not processed"),
        "unrecognized": QCoreApplication.translate("DisputeReason", "Unrecognized"),
        "general": QCoreApplication.translate("DisputeReason", "General"),
    }
    return names.get(reason or "", (reason or "").replace("_", " ").capitalize())


def due_by(dispute: dict[str, Any]) -> int | None:
    """When evidence is due (Unix time), if the dispute still awaits it."""
    if dispute.get("status") not in AWAITING_EVIDENCE:
        return None
    due = (dispute.get("evidence_details") or {}).get("due_by")
    return due if isinstance(due, int) else None


class DisputeCountdown(QObject):
    """The countdown's words. A QObject so that lupdate sees its plurals: it marks them as
    plural forms only in `tr` calls."""

    def text(self, left: float) -> str:
        """"Overdue", "%n hour(s) left" or "%n day(s) left" for `left` seconds."""
        if left <= 0:
            return self.tr("Overdue")
        # Whole hours and days through int(): lupdate reads a floor-division sign as the
        # start of a C++ comment and would miss the strings.
        if left < 86_400:
            return self.tr("%n hour(s) left", "", max(int(left / 3600), 1))
        return self.tr("%n day(s) left", "", int(left / 86_400))


def countdown_text(dispute: dict[str, Any], now: float) -> str:
    """How long is left to respond ("4 days left", "overdue"); "" once answered or closed."""
    due = due_by(dispute)
    return "" if due is None else DisputeCountdown().text(due - now)


def is_urgent(dispute: dict[str, Any], now: float) -> bool:
    """Whether fewer than three days are left to respond (or the deadline passed)."""
    due = due_by(dispute)
    return due is not None and due - now < URGENT_SECONDS



class DisputeListModel(CacheTableModel):
    """Disputes from the cache, newest first, with their charge's customer."""

    class Columns(IntEnum):
        CREATED = 0
        AMOUNT = 1
        STATUS = 2
        REASON = 3
        DUE = 4
        CUSTOMER = 5
        PAYMENT = 6

    def __init__(self, cache: Cache, formats: Formats, parent: QObject | None = None,
                 now: Callable[[], float] = time.time) -> None:
        self._now = now
        super().__init__(cache, "disputes", formats, parent)

    def make_columns(self) -> Sequence[Column]:
        f = self.formats
        return (
            created_column(self.tr("Created"), f),
            money_column(self.tr("Amount"), f, "amount"),
            Column(self.tr("Status"), lambda d: status_text(d.get("status")),
                   color=lambda d: _STATUS_COLORS.get(str(d.get("status"))), width=105),
            Column(self.tr("Reason"), lambda d: reason_text(d.get("reason")), width=100),
            Column(self.tr("Respond by"), lambda d: countdown_text(d, self._now()),
                   color=lambda d: DANGER_COLOR if is_urgent(d, self._now()) else None,
                   width=95),
            Column(self.tr("Customer"),
                   lambda d: self.memo(("cus", d["id"]), lambda: self._customer(d)), width=110),
            Column(self.tr("Payment"), lambda d: self.payment_of(d) or "", width=150,
                   optional=True),
        )

    def charge_of(self, dispute: dict[str, Any]) -> dict[str, Any] | None:
        """The disputed charge from the cache."""
        charge_id = ref_id(dispute.get("charge"))
        return self._cache.get("charges", charge_id) if charge_id else None

    def payment_of(self, dispute: dict[str, Any]) -> str | None:
        """The disputed PaymentIntent's id (or the charge's, when it has none)."""
        return ref_id(dispute.get("payment_intent")) or ref_id(dispute.get("charge"))

    def _customer(self, dispute: dict[str, Any]) -> str:
        charge = self.charge_of(dispute) or {}
        customer_id = ref_id(charge.get("customer"))
        customer = (self._cache.get("customers", customer_id) if customer_id else None) or {}
        billing = charge.get("billing_details") or {}
        return str(customer.get("name") or customer.get("email") or billing.get("name")
                   or billing.get("email") or charge.get("receipt_email") or customer_id or "")
