"""Sandbox resources; importing this package registers every route."""

from . import (
    account,
    charges,
    customers,
    disputes,
    events,
    payment_intents,
    payment_methods,
    refunds,
    setup_intents,
)

__all__ = ["account", "charges", "customers", "disputes", "events", "payment_intents",
           "payment_methods", "refunds", "setup_intents"]
