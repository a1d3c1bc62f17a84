"""The payments list: PaymentIntents with status (refunds and disputes included), amount,
customer and card."""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject

from posapp.services.payments import PaymentStatus
from posapp.store.aggregates import AUTHORISATION_DAYS
from posapp.store.cache import Cache

from ..common.format import Formats, card_label_of
from ..common.table_model import CacheTableModel, Column, created_column, money_column
from ..common.theme import DANGER_COLOR, SUCCESS_COLOR, WARNING_COLOR

_STATUS_COLORS = {"succeeded": SUCCESS_COLOR, "canceled": None,
                  "requires_payment_method": DANGER_COLOR,
                  "requires_capture": WARNING_COLOR, "requires_action": WARNING_COLOR}


def status_text(status: str | None) -> str:
    """A PaymentIntent status in the user's language."""
    names = {
        "succeeded": QCoreApplication.translate("PaymentStatus", "Succeeded"),
        "processing": QCoreApplication.translate("PaymentStatus", "Processing"),
        "requires_payment_method": QCoreApplication.translate("PaymentStatus", "Failed"),
        "requires_confirmation": QCoreApplication.translate("PaymentStatus", "Incomplete"),
        "requires_action": QCoreApplication.translate("PaymentStatus", "Needs authentication"),
        "requires_capture": QCoreApplication.translate("PaymentStatus", "Uncaptured"),
        "canceled": QCoreApplication.translate("PaymentStatus", "Canceled"),
    }
    return names.get(status or "", status or "")


def request_status_text(status: PaymentStatus) -> str:
    """Where a payment request stands, said to the cashier in their language (a refused
    attempt keeps Stripe's reason)."""
    translate = QCoreApplication.translate
    match status.state:
        case "waiting":
            return translate("PaymentStatus", "Waiting for the customer to pay.")
        case "processing":
            return translate("PaymentStatus", "The customer has paid; the bank is still "
                                              "confirming the payment.")
        case "expired":
            return translate("PaymentStatus", "The payment page expired without a payment.")
        case "canceled":
            return translate("PaymentStatus", "The payment request was switched off.")
    return status.message


def capture_deadline(charge: dict[str, Any] | None) -> int | None:
    """When an authorisation lapses: the charge's `capture_before`, else Stripe's default
    hold counted from its creation (None without a charge)."""
    if not charge:
        return None
    card = (charge.get("payment_method_details") or {}).get("card") or {}
    deadline = card.get("capture_before")
    if isinstance(deadline, int):
        return deadline
    created = charge.get("created")
    return created + AUTHORISATION_DAYS * 86_400 if isinstance(created, int) else None


def payment_status(payment: dict[str, Any], charge: dict[str, Any] | None,
                   formats: Formats) -> str:
    """A payment's status as the list, its detail and the latest payments say it: an
    authorisation says until when it can be captured, a canceled payment says why."""
    status = payment.get("status")
    deadline = capture_deadline(charge) if status == "requires_capture" else None
    if deadline is not None:
        return QCoreApplication.translate("PaymentStatus", "Capture by %1").replace(
            "%1", formats.date(deadline))
    if status == "requires_payment_method" and not payment.get("last_payment_error") \
            and charge is None:
        # Nothing was tried yet (an invoice not attempted, a page not paid): not a failure.
        return QCoreApplication.translate("PaymentStatus", "Waiting for payment")
    why = cancellation_text(payment.get("cancellation_reason")) if status == "canceled" else ""
    if why:
        return QCoreApplication.translate("PaymentStatus", "Canceled (%1)").replace("%1", why)
    return status_text(status)


def cancellation_text(reason: str | None) -> str:
    """Why Stripe or the merchant canceled a PaymentIntent, in the user's language ("" when
    no reason is given)."""
    reasons = {
        "void_invoice": QCoreApplication.translate("PaymentStatus", "invoice voided"),
        "failed_invoice": QCoreApplication.translate("PaymentStatus", "invoice failed"),
        "abandoned": QCoreApplication.translate("PaymentStatus", "abandoned"),
        "automatic": QCoreApplication.translate("PaymentStatus", "canceled by Stripe"),
        "expired": QCoreApplication.translate("PaymentStatus", "expired"),
        "duplicate": QCoreApplication.translate("PaymentStatus", "duplicate"),
        "fraudulent": QCoreApplication.translate("PaymentStatus", "fraudulent"),
        "requested_by_customer": QCoreApplication.translate("PaymentStatus",
                                                            "requested by the customer"),
    }
    return reasons.get(reason or "", "")


class PaymentListModel(CacheTableModel):
    """PaymentIntents from the cache, newest first, joined with their latest charge."""

    class Columns(IntEnum):
        CREATED = 0
        AMOUNT = 1
        STATUS = 2
        CUSTOMER = 3
        CARD = 4
        DESCRIPTION = 5

    def __init__(self, cache: Cache, formats: Formats, parent: QObject | None = None) -> None:
        super().__init__(cache, "payment_intents", formats, parent)

    def make_columns(self) -> Sequence[Column]:
        f = self.formats
        return (
            created_column(self.tr("Created"), f),
            money_column(self.tr("Amount"), f, "amount"),
            Column(self.tr("Status"),
                   lambda p: self.memo(("status", p["id"]), lambda: self._status(p)),
                   color=self._status_color),
            Column(self.tr("Customer"),
                   lambda p: self.memo(("cus", p["id"]), lambda: self._customer(p))),
            Column(self.tr("Card"), lambda p: self.memo(("card", p["id"]), lambda: self._card(p)),
                   optional=True),
            Column(self.tr("Description"), lambda p: p.get("description") or "", stretch=True,
                   optional=True),
        )

    def charge_of(self, payment: dict[str, Any]) -> dict[str, Any] | None:
        """The payment's latest charge from the cache."""
        ref = payment.get("latest_charge")
        charge_id = ref.get("id") if isinstance(ref, dict) else ref
        return self._cache.get("charges", charge_id) if isinstance(charge_id, str) else None

    def _customer(self, payment: dict[str, Any]) -> str:
        ref = payment.get("customer")
        cus_id = ref.get("id") if isinstance(ref, dict) else ref
        if not isinstance(cus_id, str):
            return payment.get("receipt_email") or ""
        customer = self._cache.get("customers", cus_id) or {}
        return str(customer.get("name") or customer.get("email") or cus_id)

    def _card(self, payment: dict[str, Any]) -> str:
        card = ((self.charge_of(payment) or {}).get("payment_method_details") or {}).get("card")
        return card_label_of(card)

    def _status(self, payment: dict[str, Any]) -> str:
        """The payment's status, or, as Stripe's own list says it, what happened to the
        money since: refunded (wholly or partly) and disputed."""
        charge = self.charge_of(payment) or {}
        marks = []
        if charge.get("refunded"):
            marks.append(self.tr("Refunded"))
        elif charge.get("amount_refunded"):
            marks.append(self.tr("Partly refunded"))
        if charge.get("disputed"):
            marks.append(self.tr("Disputed"))
        return ", ".join(marks) or payment_status(payment, charge or None, self.formats)

    def _status_color(self, payment: dict[str, Any]) -> str | None:
        charge = self.charge_of(payment) or {}
        if charge.get("disputed") or charge.get("amount_refunded"):
            return DANGER_COLOR
        return _STATUS_COLORS.get(str(payment.get("status")))
