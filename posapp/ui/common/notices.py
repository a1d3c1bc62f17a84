"""Sentences for the sync engine's notifications, in the user's language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from posapp.sync.notifications import (
    CheckoutCompleted,
    ConnectionChanged,
    DisputeOpened,
    FullResyncStarted,
    InvoicePaymentFailed,
    Notification,
    PaymentFailed,
    PaymentSucceeded,
    RefundFailed,
    RefundSucceeded,
    SubscriptionCanceled,
)

from .format import Formats

translate = QCoreApplication.translate


def _fill(template: str, *values: str) -> str:
    for number, value in enumerate(values, start=1):
        template = template.replace(f"%{number}", value)
    return template.strip()


def notice_text(notice: Notification, formats: Formats) -> str:
    """One sentence telling a cashier or merchant what happened."""
    match notice:
        case PaymentSucceeded():
            return _fill(translate("Notices", "Payment received: %1 %2"),
                         formats.money(notice.amount, notice.currency),
                         notice.customer_name or notice.customer or "")
        case PaymentFailed():
            return _fill(translate("Notices", "Payment failed: %1 — %2"),
                         formats.money(notice.amount, notice.currency),
                         notice.reason or translate("Notices", "no reason given"))
        case CheckoutCompleted():
            return _fill(translate("Notices", "Checkout completed: %1 %2"),
                         formats.money(notice.amount, notice.currency),
                         notice.customer_name or "")
        case RefundSucceeded():
            return _fill(translate("Notices", "Refund succeeded: %1"),
                         formats.money(notice.amount, notice.currency))
        case RefundFailed():
            return _fill(translate("Notices", "Refund failed: %1 — %2"),
                         formats.money(notice.amount, notice.currency), notice.reason or "")
        case DisputeOpened():
            return _fill(translate("Notices", "Dispute opened: %1, evidence due %2"),
                         formats.money(notice.amount, notice.currency),
                         formats.date(notice.due_by))
        case InvoicePaymentFailed():
            return _fill(translate("Notices", "Invoice payment failed: %1 %2"),
                         notice.number or notice.invoice,
                         formats.money(notice.amount_due, notice.currency))
        case SubscriptionCanceled():
            return _fill(translate("Notices", "Subscription canceled: %1"),
                         notice.customer_name or notice.subscription)
        case FullResyncStarted():
            return _fill(translate("Notices", "Refreshing the whole cache from Stripe: %1"),
                         notice.reason)
        case ConnectionChanged():
            if notice.online:
                return translate("Notices", "Back online")
            return _fill(translate("Notices", "Offline: %1"), notice.error or "")
