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

from .formatting import Formats


def _tr(text: str) -> str:
    return QCoreApplication.translate("Notices", text)


def notice_text(notice: Notification, formats: Formats) -> str:
    """One sentence telling a cashier or merchant what happened."""
    match notice:
        case PaymentSucceeded():
            who = notice.customer_name or notice.customer or ""
            return _tr("Payment received: %1 %2").replace(
                "%1", formats.money(notice.amount, notice.currency)).replace("%2", who).strip()
        case PaymentFailed():
            return _tr("Payment failed: %1 — %2").replace(
                "%1", formats.money(notice.amount, notice.currency)).replace(
                "%2", notice.reason or _tr("no reason given"))
        case CheckoutCompleted():
            return _tr("Checkout completed: %1 %2").replace(
                "%1", formats.money(notice.amount, notice.currency)).replace(
                "%2", notice.customer_name or "").strip()
        case RefundSucceeded():
            return _tr("Refund succeeded: %1").replace(
                "%1", formats.money(notice.amount, notice.currency))
        case RefundFailed():
            return _tr("Refund failed: %1 — %2").replace(
                "%1", formats.money(notice.amount, notice.currency)).replace(
                "%2", notice.reason or "")
        case DisputeOpened():
            return _tr("Dispute opened: %1, evidence due %2").replace(
                "%1", formats.money(notice.amount, notice.currency)).replace(
                "%2", formats.date(notice.due_by))
        case InvoicePaymentFailed():
            return _tr("Invoice payment failed: %1 %2").replace(
                "%1", notice.number or notice.invoice).replace(
                "%2", formats.money(notice.amount_due, notice.currency))
        case SubscriptionCanceled():
            return _tr("Subscription canceled: %1").replace(
                "%1", notice.customer_name or notice.subscription)
        case FullResyncStarted():
            return _tr("Refreshing the whole cache from Stripe: %1").replace("%1", notice.reason)
        case ConnectionChanged():
            return _tr("Back online") if notice.online else \
                _tr("Offline: %1").replace("%1", notice.error or "")
