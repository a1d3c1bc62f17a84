"""Sandbox resources; importing this package registers every route (and the hosted pages)."""

from .. import hosted
from . import (
    account,
    balance,
    billing_portal,
    charges,
    checkout,
    connect,
    coupons,
    customers,
    disputes,
    events,
    invoices,
    payment_intents,
    payment_links,
    payment_methods,
    payouts,
    prices,
    products,
    refunds,
    setup_intents,
    subscriptions,
    tax,
    tax_ids,
    terminal,
    test_clocks,
)

__all__ = ["account", "balance", "billing_portal", "charges", "checkout", "connect", "coupons",
           "customers", "disputes", "events", "hosted", "invoices", "payment_intents",
           "payment_links", "payment_methods", "payouts", "prices", "products", "refunds",
           "setup_intents", "subscriptions", "tax", "tax_ids", "terminal", "test_clocks"]
