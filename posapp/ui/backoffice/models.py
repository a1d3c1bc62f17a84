"""List models of the back office: balance transactions, payouts, connected accounts."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject

from posapp.services.connect import account_name
from posapp.store.cache import Cache

from ..common.format import Formats
from ..common.table_model import CacheTableModel, Column, created_column, money_column
from ..common.theme import DANGER_COLOR, SUCCESS_COLOR, WARNING_COLOR

TRANSACTION_TYPES = ("charge", "payment", "refund", "payment_refund", "adjustment", "payout",
                     "payout_failure", "transfer", "transfer_refund", "application_fee",
                     "application_fee_refund", "refund_failure")
PAYOUT_STATUSES = ("pending", "in_transit", "paid", "failed", "canceled")
_PAYOUT_COLORS = {"paid": SUCCESS_COLOR, "in_transit": WARNING_COLOR, "pending": WARNING_COLOR,
                  "failed": DANGER_COLOR}


def type_text(kind: str | None) -> str:
    """A balance transaction's type in the user's language."""
    names = {
        "charge": QCoreApplication.translate("BalanceType", "Charge"),
        "payment": QCoreApplication.translate("BalanceType", "Payment"),
        "refund": QCoreApplication.translate("BalanceType", "Refund"),
        "payment_refund": QCoreApplication.translate("BalanceType", "Payment refund"),
        "refund_failure": QCoreApplication.translate("BalanceType", "Refund failure"),
        "adjustment": QCoreApplication.translate("BalanceType", "Dispute"),
        "payout": QCoreApplication.translate("BalanceType", "Payout"),
        "payout_failure": QCoreApplication.translate("BalanceType", "Payout failure"),
        "transfer": QCoreApplication.translate("BalanceType", "Transfer"),
        "transfer_refund": QCoreApplication.translate("BalanceType", "Transfer reversal"),
        "application_fee": QCoreApplication.translate("BalanceType", "Application fee"),
        "application_fee_refund": QCoreApplication.translate("BalanceType",
                                                             "Application fee refund"),
    }
    return names.get(kind or "", (kind or "").replace("_", " "))


def payout_status_text(status: str | None) -> str:
    """A payout's status in the user's language."""
    names = {"pending": QCoreApplication.translate("PayoutStatus", "Pending"),
             "in_transit": QCoreApplication.translate("PayoutStatus", "In transit"),
             "paid": QCoreApplication.translate("PayoutStatus", "Paid"),
             "failed": QCoreApplication.translate("PayoutStatus", "Failed"),
             "canceled": QCoreApplication.translate("PayoutStatus", "Canceled")}
    return names.get(status or "", status or "")


class BalanceTransactionListModel(CacheTableModel):
    """Balance transactions from the cache, newest first: type, amount, fee, net and when
    the money is available."""

    def __init__(self, cache: Cache, formats: Formats, parent: QObject | None = None) -> None:
        super().__init__(cache, "balance_transactions", formats, parent)

    def make_columns(self) -> Sequence[Column]:
        f = self.formats
        return (
            created_column(self.tr("Created"), f),
            Column(self.tr("Type"), lambda r: type_text(r.get("type")), width=120),
            money_column(self.tr("Amount"), f, "amount"),
            money_column(self.tr("Fee"), f, "fee"),
            money_column(self.tr("Net"), f, "net"),
            Column(self.tr("Available on"), lambda r: f.date(r.get("available_on")),
                   color=lambda r: None if r.get("status") == "available" else WARNING_COLOR,
                   width=95),
            Column(self.tr("Description"), lambda r: str(r.get("description") or ""),
                   stretch=True),
        )


class PayoutListModel(CacheTableModel):
    """Payouts from the cache, newest first."""

    def __init__(self, cache: Cache, formats: Formats, parent: QObject | None = None) -> None:
        super().__init__(cache, "payouts", formats, parent)

    def make_columns(self) -> Sequence[Column]:
        f = self.formats
        return (
            created_column(self.tr("Created"), f),
            money_column(self.tr("Amount"), f, "amount"),
            Column(self.tr("Status"), lambda r: payout_status_text(r.get("status")),
                   color=lambda r: _PAYOUT_COLORS.get(str(r.get("status"))), width=90),
            Column(self.tr("Arrival"), lambda r: f.date(r.get("arrival_date")), width=95),
            Column(self.tr("Kind"), lambda r: self.tr("Automatic") if r.get("automatic")
                   else self.tr("Manual"), stretch=True),
        )


class AccountListModel(CacheTableModel):
    """A platform's connected accounts from the cache, newest first."""

    def __init__(self, cache: Cache, formats: Formats, parent: QObject | None = None) -> None:
        super().__init__(cache, "accounts", formats, parent)

    def make_columns(self) -> Sequence[Column]:
        f = self.formats

        def yes_no(value: Any) -> str:
            return self.tr("Yes") if value else self.tr("No")

        return (
            created_column(self.tr("Created"), f),
            Column(self.tr("Name"), account_name, width=130),
            Column(self.tr("Dashboard"), lambda r: dashboard_text(
                ((r.get("controller") or {}).get("stripe_dashboard") or {}).get("type")),
                width=110, optional=True),
            Column(self.tr("Charges"), lambda r: yes_no(r.get("charges_enabled")),
                   color=lambda r: SUCCESS_COLOR if r.get("charges_enabled") else WARNING_COLOR,
                   width=85),
            Column(self.tr("Payouts"), lambda r: yes_no(r.get("payouts_enabled")),
                   color=lambda r: SUCCESS_COLOR if r.get("payouts_enabled") else WARNING_COLOR,
                   width=85),
            Column(self.tr("Requirements due"), lambda r: f.number(len(
                (r.get("requirements") or {}).get("currently_due") or [])), stretch=True),
        )


def dashboard_text(kind: str | None) -> str:
    """Which Stripe dashboard a connected account has."""
    names = {"express": QCoreApplication.translate("AccountDashboard", "Express"),
             "full": QCoreApplication.translate("AccountDashboard", "Full (Standard)"),
             "none": QCoreApplication.translate("AccountDashboard", "None (custom)")}
    return names.get(kind or "", kind or "")


def account_label(cache: Cache, account_id: object) -> str:
    """A connected account's name as cached (its id when it is not)."""
    account = cache.get("accounts", account_id) if isinstance(account_id, str) else None
    return account_name(account) if account else str(account_id or "")


class ApplicationFeeListModel(CacheTableModel):
    """The platform's application fees from the cache, newest first."""

    def __init__(self, cache: Cache, formats: Formats, parent: QObject | None = None) -> None:
        super().__init__(cache, "application_fees", formats, parent)

    def make_columns(self) -> Sequence[Column]:
        f = self.formats
        return (
            created_column(self.tr("Created"), f),
            money_column(self.tr("Amount"), f, "amount"),
            Column(self.tr("Refunded"),
                   lambda r: f.money(r.get("amount_refunded"), r.get("currency")),
                   align_right=True, width=90),
            Column(self.tr("Account"), lambda r: self.memo(
                ("acct", r["id"]), lambda: account_label(self._cache, r.get("account"))),
                width=150),
            Column(self.tr("Charge"), lambda r: str(r.get("originating_transaction")
                                                    or r.get("charge") or ""), stretch=True),
        )


class TransferListModel(CacheTableModel):
    """The platform's transfers to connected accounts from the cache, newest first."""

    def __init__(self, cache: Cache, formats: Formats, parent: QObject | None = None) -> None:
        super().__init__(cache, "transfers", formats, parent)

    def make_columns(self) -> Sequence[Column]:
        f = self.formats
        return (
            created_column(self.tr("Created"), f),
            money_column(self.tr("Amount"), f, "amount"),
            Column(self.tr("Reversed"),
                   lambda r: f.money(r.get("amount_reversed"), r.get("currency")),
                   color=lambda r: WARNING_COLOR if r.get("amount_reversed") else None,
                   align_right=True, width=90),
            Column(self.tr("Destination"), lambda r: self.memo(
                ("acct", r["id"]),
                lambda: account_label(self._cache, r.get("destination"))), width=150),
            Column(self.tr("Source charge"), lambda r: str(r.get("source_transaction") or ""),
                   stretch=True),
        )
