"""What the backfill lists for each cached type, and the expansions that save requests.

Payment methods have no account-wide list for card payments (Stripe lists them per
customer, one request each). The backfill instead takes them from expansions of lists it
makes anyway: each customer's default payment method
(`invoice_settings.default_payment_method`) and the payment method of every PaymentIntent,
plus one extra list, SetupIntents with their payment method, which is how cards are saved
on Stripe-hosted pages (Checkout in setup mode): about one request per 100 saved cards
instead of one per customer. A card attached directly through the API and never made
default or used arrives through its `payment_method.attached` event; `verify` lists every
customer's payment methods (the request-per-customer pass) to catch one older than that.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from posapp.gateway import (
    accounts,
    application_fees,
    balance,
    charges,
    checkout,
    coupons,
    customers,
    disputes,
    invoices,
    payment_intents,
    payment_links,
    payment_methods,
    payouts,
    prices,
    products,
    promotion_codes,
    refunds,
    subscriptions,
    tax_rates,
    terminal,
    transfers,
)
from posapp.gateway.client import Gateway
from posapp.gateway.errors import ErrorKind, GatewayError
from posapp.gateway.paging import ListResource
from posapp.store.pages import split_expanded as split_expanded
from posapp.store.schema import TABLES


@dataclass(frozen=True)
class Source:
    """One list the backfill pages through. `table` is where its own objects go (None: it
    is listed only for what it expands). `expanded` are paths inside each object whose
    expanded value is another cached object: it is stored in its own table and the field
    put back to the plain id, the shape events deliver. `exhaustive` lists say every
    object that exists, so rows they do not return were deleted."""

    name: str
    resource: ListResource
    table: str | None
    params: Mapping[str, Any] = field(default_factory=dict)
    expanded: tuple[tuple[str, ...], ...] = ()
    exhaustive: bool = True


SOURCES: tuple[Source, ...] = (
    Source("customers", "customers", "customers",
           {"expand": ["data.invoice_settings.default_payment_method"]},
           (("invoice_settings", "default_payment_method"),)),
    Source("payment_intents", "payment_intents", "payment_intents",
           {"expand": ["data.payment_method"]}, (("payment_method",),)),
    Source("charges", "charges", "charges"),
    Source("refunds", "refunds", "refunds"),
    Source("disputes", "disputes", "disputes"),
    Source("products", "products", "products"),
    Source("prices", "prices", "prices", {"expand": ["data.tiers"]}),
    Source("coupons", "coupons", "coupons", {"expand": ["data.currency_options"]}),
    Source("promotion_codes", "promotion_codes", "promotion_codes"),
    Source("tax_rates", "tax_rates", "tax_rates"),
    Source("subscriptions", "subscriptions", "subscriptions", {"status": "all"}),
    Source("invoices", "invoices", "invoices", {"expand": ["data.payments"]}),
    Source("checkout_sessions", "checkout.sessions", "checkout_sessions"),
    Source("payment_links", "payment_links", "payment_links"),
    Source("terminal_locations", "terminal.locations", "terminal_locations"),
    Source("terminal_readers", "terminal.readers", "terminal_readers"),
    Source("setup_intents", "setup_intents", None, {"expand": ["data.payment_method"]},
           (("payment_method",),), exhaustive=False),
    Source("balance_transactions", "balance_transactions", "balance_transactions"),
    Source("payouts", "payouts", "payouts"),
    Source("application_fees", "application_fees", "application_fees"),
    Source("transfers", "transfers", "transfers"),
)

REFETCHED_ON_EVENT: frozenset[str] = frozenset({"invoices"})
"""Tables whose event payloads lack fields the app reads: an invoice's `payments` is
includable (Stripe sends it only when expanded, never in events), so an event's invoice is
fetched again."""


def refetched_on_event(table: str, obj: Mapping[str, Any]) -> bool:
    """Whether an event's object lacks includable fields the app reads: an invoice's
    `payments`, a tiered price's `tiers`, an amount-off coupon's `currency_options`."""
    return (table in REFETCHED_ON_EVENT
            or (table == "prices" and obj.get("billing_scheme") == "tiered")
            or (table == "coupons" and obj.get("amount_off") is not None))

BACKFILLED: tuple[str, ...] = tuple(s.table for s in SOURCES if s.table is not None)
"""The cached types a backfill lists directly (payment methods come expanded)."""


BALANCE_FIELDS: tuple[str, ...] = ("balance_transaction", "failure_balance_transaction",
                                   "balance_transactions")
"""Where an object names the balance transactions its money moved in. Balance transactions
have no events of their own: the poller fetches those an event's object names."""


def balance_transaction_ids(obj: Mapping[str, Any]) -> list[str]:
    """The ids of the balance transactions `obj` names (a charge's, a refund's, a payout's,
    a dispute's list of them)."""
    found: list[str] = []
    for name in BALANCE_FIELDS:
        value = obj.get(name)
        for item in value if isinstance(value, list) else [value]:
            ref = item.get("id") if isinstance(item, Mapping) else item
            if isinstance(ref, str) and ref.startswith("txn_"):
                found.append(ref)
    return found


_RETRIEVE: dict[str, Callable[[Gateway, str], dict[str, Any]]] = {
    "customers": customers.retrieve_customer,
    "payment_methods": payment_methods.retrieve_payment_method,
    "payment_intents": payment_intents.retrieve_payment_intent,
    "charges": charges.retrieve_charge,
    "refunds": refunds.retrieve_refund,
    "disputes": disputes.retrieve_dispute,
    "products": products.retrieve_product,
    "prices": lambda gw, price_id: prices.retrieve_price(gw, price_id, {"expand": ["tiers"]}),
    "coupons": lambda gw, coupon_id: coupons.retrieve_coupon(gw, coupon_id,
                                                             {"expand": ["currency_options"]}),
    "promotion_codes": promotion_codes.retrieve_promotion_code,
    "tax_rates": tax_rates.retrieve_tax_rate,
    "subscriptions": subscriptions.retrieve_subscription,
    "invoices": invoices.retrieve_invoice,
    "checkout_sessions": checkout.retrieve_session,
    "payment_links": payment_links.retrieve_payment_link,
    "balance_transactions": balance.retrieve_balance_transaction,
    "payouts": payouts.retrieve_payout,
    "accounts": accounts.retrieve_account,
    "application_fees": application_fees.retrieve_application_fee,
    "transfers": transfers.retrieve_transfer,
    "terminal_readers": terminal.retrieve_reader,
    "terminal_locations": terminal.retrieve_location,
}


def refetch(gateway: Gateway, table: str, object_id: str) -> dict[str, Any]:
    """The object's current state at the pinned API version; an object Stripe no longer has
    comes back as a deletion stub (`{"id", "object", "deleted": True}`)."""
    try:
        return _RETRIEVE[table](gateway, object_id)
    except GatewayError as error:
        if error.kind is not ErrorKind.NOT_FOUND:
            raise
        return {"id": object_id, "object": TABLES[table].object, "deleted": True}
