"""The subscriptions list: customer, status, price, quantity, current period end (from the
items: this API version keeps periods there) and the amount of the next charge
(`services.subscriptions.next_charge`, with Stripe's preview when the detail fetched one)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject

from posapp.services.subscriptions import NextCharge, next_charge, period_end
from posapp.store.cache import Cache

from ..common.format import Formats
from ..common.table_model import CacheTableModel, Column, created_column
from ..common.theme import DANGER_COLOR, SUCCESS_COLOR, WARNING_COLOR

STATUSES = ("active", "trialing", "past_due", "unpaid", "paused", "incomplete", "canceled")
_STATUS_COLORS = {"active": SUCCESS_COLOR, "past_due": DANGER_COLOR, "unpaid": DANGER_COLOR,
                  "incomplete": WARNING_COLOR, "paused": WARNING_COLOR}


def subscription_status_text(status: str | None) -> str:
    """A subscription status in the user's language."""
    names = {
        "active": QCoreApplication.translate("SubscriptionStatus", "Active"),
        "trialing": QCoreApplication.translate("SubscriptionStatus", "Trialing"),
        "past_due": QCoreApplication.translate("SubscriptionStatus", "Past due"),
        "unpaid": QCoreApplication.translate("SubscriptionStatus", "Unpaid"),
        "paused": QCoreApplication.translate("SubscriptionStatus", "Paused"),
        "incomplete": QCoreApplication.translate("SubscriptionStatus", "Incomplete"),
        "incomplete_expired": QCoreApplication.translate("SubscriptionStatus", "Expired"),
        "canceled": QCoreApplication.translate("SubscriptionStatus", "Canceled"),
    }
    return names.get(status or "", status or "")


def items_of(subscription: dict[str, Any]) -> list[dict[str, Any]]:
    """The subscription's items (price and quantity each)."""
    return list((subscription.get("items") or {}).get("data") or [])


def next_charge_text(coming: NextCharge, formats: Formats) -> str:
    """The sentence that tells the merchant a subscription's next charge (`next_charge`)."""
    translate = QCoreApplication.translate
    amount = formats.money(coming.amount, coming.currency)
    when = formats.date(coming.when)
    match coming.kind:
        case "ended":
            return translate("NextCharge", "No further invoices: the subscription has ended.")
        case "cancels":
            return translate("NextCharge", "No next invoice: the subscription cancels on %1.") \
                .replace("%1", when)
        case "paused":
            return translate("NextCharge", "No charge while the subscription is paused: "
                                           "resuming it starts a new period.")
        case "collection_paused" if when:
            return translate("NextCharge", "No charge while collection is paused "
                                           "(until %1).").replace("%1", when)
        case "collection_paused":
            return translate("NextCharge", "No charge while collection is paused "
                                           "(until you resume it).")
    if coming.kind == "trial":
        text = translate("NextCharge", "First charge when the trial ends on %1: %2")
    elif coming.kind == "invoice":
        text = translate("NextCharge", "Invoice e-mailed on %1: %2")
    else:
        text = translate("NextCharge", "Charged to the default card on %1: %2")
    if not when:
        text = translate("NextCharge", "Next invoice: %2")
    text = text.replace("%1", when).replace("%2", amount)
    if coming.estimated:
        text += " " + translate("NextCharge", "(at list prices, before discounts and tax)")
    return text


def price_text(price: dict[str, Any], formats: Formats) -> str:
    """"$15.00 / month", "$90.00 / 3 months" in the user's language."""
    amount = formats.money(price.get("unit_amount"), price.get("currency"))
    recurring = price.get("recurring") or {}
    count = int(recurring.get("interval_count") or 1)
    interval = str(recurring.get("interval"))
    translate = QCoreApplication.translate
    if count == 1:
        every = {"day": translate("Interval", "day"), "week": translate("Interval", "week"),
                 "month": translate("Interval", "month"),
                 "year": translate("Interval", "year")}.get(interval, "")
    else:
        every = {"day": translate("Interval", "%1 days"),
                 "week": translate("Interval", "%1 weeks"),
                 "month": translate("Interval", "%1 months"),
                 "year": translate("Interval", "%1 years")}.get(interval, "").replace(
            "%1", formats.number(count))
    return f"{amount} / {every}" if every else amount


def product_name(cache: Cache, price: dict[str, Any]) -> str:
    """The name of the price's product (from the cache), or the price's nickname or id."""
    product = price.get("product")
    product_id = product.get("id") if isinstance(product, dict) else product
    found = cache.get("products", product_id) if isinstance(product_id, str) else None
    return str((found or {}).get("name") or price.get("nickname") or price.get("id", ""))


def customer_name(cache: Cache, customer_id: object) -> str:
    """A customer's name or e-mail from the cache (the id when unknown)."""
    if isinstance(customer_id, dict):
        customer_id = customer_id.get("id")
    if not isinstance(customer_id, str):
        return ""
    customer = cache.get("customers", customer_id) or {}
    return str(customer.get("name") or customer.get("email") or customer_id)


class SubscriptionListModel(CacheTableModel):
    """Subscriptions from the cache (canceled ones included), newest first."""

    class Columns(IntEnum):
        CREATED = 0
        CUSTOMER = 1
        STATUS = 2
        PRICE = 3
        QUANTITY = 4
        PERIOD_END = 5
        NEXT_INVOICE = 6

    def __init__(self, cache: Cache, formats: Formats,
                 previews: Mapping[str, dict[str, Any]], parent: QObject | None = None) -> None:
        super().__init__(cache, "subscriptions", formats, parent)
        self._previews = previews

    def make_columns(self) -> Sequence[Column]:
        f = self.formats
        return (
            created_column(self.tr("Created"), f, date_only=True),
            Column(self.tr("Customer"), lambda s: self.memo(
                ("cus", s["id"]), lambda: customer_name(self._cache, s.get("customer"))),
                width=120),
            Column(self.tr("Status"), self._status, width=90,
                   color=lambda s: _STATUS_COLORS.get(str(s.get("status")))),
            Column(self.tr("Price"), lambda s: self.memo(("price", s["id"]),
                                                         lambda: self._prices(s)), stretch=True),
            Column(self.tr("Quantity"), lambda s: f.number(sum(
                int(i.get("quantity") or 1) for i in items_of(s))), align_right=True,
                width=60, optional=True),
            Column(self.tr("Period ends"), lambda s: f.date(period_end(s)), width=85,
                   optional=True),
            Column(self.tr("Next invoice"), lambda s: f.money(
                next_charge(s, self._previews.get(s["id"])).amount, s.get("currency")),
                   align_right=True, width=90),
        )

    def _status(self, subscription: dict[str, Any]) -> str:
        text = subscription_status_text(subscription.get("status"))
        if subscription.get("cancel_at_period_end"):
            return self.tr("%1, cancels").replace("%1", text)
        if subscription.get("pause_collection"):
            return self.tr("%1, collection paused").replace("%1", text)
        return text

    def _prices(self, subscription: dict[str, Any]) -> str:
        items = items_of(subscription)
        if not items:
            return ""
        first = items[0].get("price") or {}
        text = f"{product_name(self._cache, first)} — {price_text(first, self.formats)}"
        if len(items) > 1:
            text += " " + self.tr("+%n more", "", len(items) - 1)
        return text
