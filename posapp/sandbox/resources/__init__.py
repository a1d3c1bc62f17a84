"""Sandbox resources; importing this package registers every route."""

from . import (
    account,
    charges,
    customers,
    disputes,
    events,
    invoices,
    payment_intents,
    payment_methods,
    prices,
    products,
    refunds,
    setup_intents,
    subscriptions,
    test_clocks,
)

__all__ = ["account", "charges", "customers", "disputes", "events", "invoices",
           "payment_intents", "payment_methods", "prices", "products", "refunds",
           "setup_intents", "subscriptions", "test_clocks"]
