"""The only door to Stripe: typed operations, journaled retries, rate limiting, errors.

Resource modules are named after Stripe's docs (`customers.create_customer(gw, params)`).
Importing the package imports every one of them, so the registry `resolve_pending` uses to
re-send a journaled request by its operation name is always complete.
"""

from posapp.gateway import (
    account,
    accounts,
    application_fees,
    balance,
    billing_portal,
    charges,
    checkout,
    customers,
    disputes,
    events,
    invoice_items,
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
    terminal,
    test_clocks,
    transfers,
)
from posapp.gateway.client import (
    API_VERSION,
    METADATA_KEY,
    Gateway,
    PostRecord,
    RequestRecord,
    moves_money,
)
from posapp.gateway.errors import ErrorKind, ForbiddenThreadError, GatewayError
from posapp.gateway.events import iter_events_after
from posapp.gateway.paging import ListResource, iter_all

__all__ = [
    "API_VERSION",
    "METADATA_KEY",
    "ErrorKind",
    "ForbiddenThreadError",
    "Gateway",
    "GatewayError",
    "ListResource",
    "PostRecord",
    "RequestRecord",
    "account",
    "accounts",
    "application_fees",
    "balance",
    "billing_portal",
    "charges",
    "checkout",
    "customers",
    "disputes",
    "events",
    "invoice_items",
    "invoices",
    "iter_all",
    "iter_events_after",
    "moves_money",
    "payment_intents",
    "payment_links",
    "payment_methods",
    "payouts",
    "prices",
    "products",
    "refunds",
    "setup_intents",
    "subscriptions",
    "terminal",
    "test_clocks",
    "transfers",
]
