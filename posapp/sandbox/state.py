"""The sandbox's in-memory Stripe account: objects, ordered lists, events, ids and time."""

from __future__ import annotations

import bisect
import random
import re
import string
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from .errors import ApiError, invalid, not_found
from .params import Params, parse_int

API_VERSION = "2026-10-28.endive"

Obj = dict[str, Any]

# Fields Stripe returns only when asked for with `expand[]` (includable), per object type.
INCLUDABLE: dict[str, tuple[str, ...]] = {
    "invoice": ("payments", "confirmation_secret"),
    "checkout.session": ("line_items",),
    "payment_link": ("line_items",),
    "charge": ("refunds",),
    "price": ("currency_options", "tiers"),
    "coupon": ("currency_options",),
}
# Paths `expand[]` may name, per object type: stripe-python's ExpandableField annotations
# (top-level fields and those of nested hashes), for the types the sandbox serves.
EXPANDABLE: dict[str, frozenset[str]] = {
    "account": frozenset(("company.verification.document.back",
        "company.verification.document.front", "settings.branding.icon",
        "settings.branding.logo",)),
    "balance_transaction": frozenset(("source",)),
    "billing_portal.session": frozenset(("configuration",)),
    "charge": frozenset(("application", "application_fee", "balance_transaction", "customer",
        "failure_balance_transaction", "on_behalf_of", "payment_intent",
        "payment_method_details.bancontact.generated_sepa_debit",
        "payment_method_details.bancontact.generated_sepa_debit_mandate",
        "payment_method_details.card.mandate",
        "payment_method_details.ideal.generated_sepa_debit",
        "payment_method_details.ideal.generated_sepa_debit_mandate",
        "payment_method_details.sofort.generated_sepa_debit",
        "payment_method_details.sofort.generated_sepa_debit_mandate",
        "payment_method_details.us_bank_account.mandate", "review", "source_transfer", "transfer",
        "transfer_data.destination",)),
    "checkout.session": frozenset(("automatic_tax.liability.account", "customer",
        "discounts.coupon", "discounts.promotion_code", "invoice",
        "invoice_creation.invoice_data.issuer.account", "payment_intent", "payment_link",
        "setup_intent", "shipping_cost.shipping_rate", "shipping_options.shipping_rate",
        "subscription",)),
    "customer": frozenset(("default_source", "invoice_settings.default_payment_method",
        "test_clock",)),
    "dispute": frozenset(("charge", "evidence.cancellation_policy",
        "evidence.customer_communication", "evidence.customer_signature",
        "evidence.duplicate_charge_documentation", "evidence.receipt", "evidence.refund_policy",
        "evidence.service_documentation", "evidence.shipping_documentation",
        "evidence.uncategorized_file", "payment_intent",)),
    "invoice": frozenset(("application", "automatic_tax.liability.account", "customer",
        "default_payment_method", "default_source", "from_invoice.invoice", "issuer.account",
        "latest_revision", "on_behalf_of", "parent.subscription_details.subscription",
        "shipping_cost.shipping_rate", "test_clock", "total_discount_amounts.discount",
        "total_pretax_credit_amounts.credit_balance_transaction",
        "total_pretax_credit_amounts.discount",)),
    "invoice_payment": frozenset(("invoice", "payment.charge", "payment.payment_intent",
        "payment.payment_record",)),
    "invoiceitem": frozenset(("customer", "invoice", "pricing.price_details.price",
        "proration_details.discount_amounts.discount", "test_clock",)),
    "line_item": frozenset(("discount_amounts.discount",
        "pretax_credit_amounts.credit_balance_transaction", "pretax_credit_amounts.discount",
        "pricing.price_details.price", "subscription",)),
    "payment_intent": frozenset(("application", "customer", "latest_charge", "on_behalf_of",
        "payment_method", "payment_record", "review", "source", "transfer_data.destination",)),
    "application_fee": frozenset(("account", "application", "balance_transaction", "charge",
        "originating_transaction",)),
    "fee_refund": frozenset(("balance_transaction", "fee",)),
    "payout": frozenset(("application_fee", "balance_transaction", "destination",
        "failure_balance_transaction", "original_payout", "payout_method", "reversed_by",)),
    "transfer": frozenset(("balance_transaction", "destination", "destination_payment",
        "source_transaction",)),
    "transfer_reversal": frozenset(("balance_transaction", "destination_payment_refund",
        "source_refund", "transfer",)),
    "payment_link": frozenset(("application", "automatic_tax.liability.account",
        "invoice_creation.invoice_data.issuer.account", "on_behalf_of",
        "shipping_options.shipping_rate", "subscription_data.invoice_settings.issuer.account",
        "transfer_data.destination",)),
    "payment_method": frozenset(("card.generated_from.setup_attempt", "customer",
        "sepa_debit.generated_from.charge", "sepa_debit.generated_from.setup_attempt",)),
    "price": frozenset(("product",)),
    "product": frozenset(("default_price", "tax_code",)),
    "refund": frozenset(("balance_transaction", "charge", "customer",
        "failure_balance_transaction", "payment_intent", "payment_method",
        "source_transfer_reversal", "transfer_reversal",)),
    "setup_intent": frozenset(("application", "customer", "latest_attempt", "mandate",
        "on_behalf_of", "payment_method", "single_use_mandate",)),
    "terminal.reader": frozenset(("action.collect_payment_method.payment_intent",
        "action.confirm_payment_intent.payment_intent",
        "action.process_payment_intent.payment_intent", "action.process_setup_intent.setup_intent",
        "action.refund_payment.charge", "action.refund_payment.payment_intent",
        "action.refund_payment.refund", "location",)),
    "subscription": frozenset(("application", "automatic_tax.liability.account",
        "billing_schedules.applies_to.price", "cancellation_details.feedback_option", "customer",
        "default_payment_method", "default_source", "invoice_settings.issuer.account",
        "latest_invoice", "on_behalf_of", "pending_setup_intent", "schedule", "test_clock",
        "transfer_data.destination",)),
}
MAX_EXPAND_DEPTH = 4
# Where payouts go: the account's bank account (Stripe's test numbers), and one whose
# payouts fail, as Stripe's test account number 000111111116 does.
BANK_ACCOUNT = "ba_1PosAppSandboxBank0001"
FAILING_BANK_ACCOUNT = "ba_1PosAppSandboxFails116"
# A fully verified account: nothing due.
_NO_REQUIREMENTS: Obj = {"alternatives": [], "current_deadline": None, "currently_due": [],
                         "disabled_reason": None, "errors": [], "eventually_due": [],
                         "past_due": [], "pending_verification": []}
# Base 62 in ASCII order, so fixed-width numbers in it sort as strings.
_SORTED_ALPHABET = string.digits + string.ascii_uppercase + string.ascii_lowercase
EVENT_RETENTION = 30 * 86_400

# Id prefix -> (object type, the noun Stripe uses in "No such ..." messages).
PREFIXES: dict[str, tuple[str, str]] = {
    "cus_": ("customer", "customer"),
    "pi_": ("payment_intent", "payment_intent"),
    "ch_": ("charge", "charge"),
    "re_": ("refund", "refund"),
    "dp_": ("dispute", "dispute"),
    "pm_": ("payment_method", "PaymentMethod"),
    "seti_": ("setup_intent", "setupintent"),
    "prod_": ("product", "product"),
    "price_": ("price", "price"),
    "sub_": ("subscription", "subscription"),
    "si_": ("subscription_item", "subscription item"),
    "in_": ("invoice", "invoice"),
    "il_": ("line_item", "line item"),
    "ii_": ("invoiceitem", "invoiceitem"),
    "cs_test_": ("checkout.session", "checkout.session"),
    "plink_": ("payment_link", "payment link"),
    "bps_": ("billing_portal.session", "billing portal session"),
    "evt_": ("event", "event"),
    "clock_": ("test_helpers.test_clock", "test clock"),
    "inpay_": ("invoice_payment", "invoice payment"),
    "txn_": ("balance_transaction", "balance transaction"),
    "promo_": ("promotion_code", "promotion code"),
    "txr_": ("tax_rate", "tax rate"),
    "txi_": ("tax_id", "tax ID"),
    "po_": ("payout", "payout"),
    "acct_": ("account", "account"),
    "tr_": ("transfer", "transfer"),
    "trr_": ("transfer_reversal", "transfer reversal"),
    "fee_": ("application_fee", "application fee"),
    "fr_": ("fee_refund", "fee refund"),
    "py_": ("charge", "charge"),
    "tml_": ("terminal.location", "terminal.location"),
    "tmr_": ("terminal.reader", "terminal.reader"),
}


def as_retrieved(obj: Obj) -> Obj:
    """What retrieving `obj` answers: once deleted, Stripe's `{id, object, deleted: true}`."""
    if obj.get("deleted"):
        return {"id": obj["id"], "object": obj["object"], "deleted": True}
    return obj


def copy_json(value: Any) -> Any:
    """A deep copy of JSON-shaped data (much faster than copy.deepcopy)."""
    if isinstance(value, dict):
        return {k: copy_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [copy_json(v) for v in value]
    return value


@dataclass
class RequestContext:
    """What events record about the request that caused them."""

    request_id: str | None = None
    idempotency_key: str | None = None


@dataclass
class _TypeList:
    """Ids of one object type in creation order, with O(1) cursor lookup, and each one's
    `created` (which never changes): while those never decrease along the list
    (`ordered`), a `created` window is a slice found by bisection."""

    ids: list[str] = field(default_factory=list)
    position: dict[str, int] = field(default_factory=dict)
    created: list[int] = field(default_factory=list)
    ordered: bool = True

    @classmethod
    def of(cls, objects: Iterable[Obj]) -> _TypeList:
        """A list of `objects` in the order given."""
        typelist = cls()
        for obj in objects:
            typelist.add(obj)
        return typelist

    def add(self, obj: Obj) -> None:
        created = obj.get("created", 0)
        if not isinstance(created, int) or (self.ordered and self.created
                                            and created < self.created[-1]):
            self.ordered = False
        self.position[obj["id"]] = len(self.ids)
        self.ids.append(obj["id"])
        self.created.append(created)

    def add_in_order(self, obj: Obj, key: Callable[[str], Any]) -> None:
        """Add keeping the ids sorted by `key` (appending when it sorts last, as is usual);
        `key` must sort by `created` first."""
        object_id = obj["id"]
        if not self.ids or key(self.ids[-1]) <= key(object_id):
            self.add(obj)
            return
        index = bisect.bisect_right(self.ids, key(object_id), key=key)
        self.ids.insert(index, object_id)
        self.created.insert(index, obj["created"])
        for position in range(index, len(self.ids)):
            self.position[self.ids[position]] = position

    def window(self, bounds: dict[str, int]) -> tuple[int, int]:
        """The slice `[start, stop)` of an `ordered` list whose `created` is within
        `bounds` (`gt`, `gte`, `lt`, `lte`)."""
        start, stop = 0, len(self.ids)
        if "gt" in bounds:
            start = max(start, bisect.bisect_right(self.created, bounds["gt"]))
        if "gte" in bounds:
            start = max(start, bisect.bisect_left(self.created, bounds["gte"]))
        if "lt" in bounds:
            stop = min(stop, bisect.bisect_left(self.created, bounds["lt"]))
        if "lte" in bounds:
            stop = min(stop, bisect.bisect_right(self.created, bounds["lte"]))
        return start, stop


class State:
    """All objects of one sandbox account. Callers hold `lock` while they read or mutate."""

    def __init__(self, seed: int = 0, api_base: str = "") -> None:
        self.lock = threading.RLock()
        self.objects: dict[str, Obj] = {}
        self._lists: dict[str, _TypeList] = {}
        self._rng = random.Random(seed)  # ids only; deterministic for a seeded demo
        self.clock_offset = 0
        # While a test clock sets `clock_offset`, the offset events are dated with.
        self.event_offset: int | None = None
        self._events_made = 0
        self.request = RequestContext()
        self.api_base = api_base
        self.event_api_version = API_VERSION
        # Connect: the platform holds its connected accounts' states (each scoped by the
        # `Stripe-Account` header); a connected account's state names its platform.
        self.platform: State | None = None
        self.connected: dict[str, State] = {}
        # Payouts (engine/payouts.py): the last day the schedule ran, the payouts still on
        # their way, and which payout settled each balance transaction.
        self.payout_day: int | None = None
        self.in_transit: list[str] = []
        self.settled_by: dict[str, str] = {}
        # The demo: seconds after which a simulated reader is tapped by itself.
        self.auto_present_after: float | None = None
        self.account: Obj = {
            "id": "acct_1PosAppSandbox0001",
            "object": "account",
            "business_profile": {
                "annual_revenue": None, "estimated_worker_count": None, "mcc": "5814",
                "minority_owned_business_designation": None, "name": "PosApp Sandbox Coffee",
                "product_description": "Coffee, pastries and software plans",
                "support_address": {"city": "London", "country": "GB",
                                    "line1": "1 Sandbox Street", "line2": None,
                                    "postal_code": "EC1A 1BB", "state": None},
                "support_email": "owner@sandbox.example",
                "support_phone": None, "support_url": None, "url": None},
            "business_type": "company",
            "capabilities": {"card_payments": "active", "transfers": "active"},
            "charges_enabled": True,
            "controller": {"type": "account"},
            "country": "US",
            "created": 1_700_000_000,
            "default_currency": "usd",
            "details_submitted": True,
            "email": "owner@sandbox.example",
            "external_accounts": {"object": "list", "data": [], "has_more": False,
                                  "url": "/v1/accounts/acct_1PosAppSandbox0001/"
                                         "external_accounts"},
            "future_requirements": _NO_REQUIREMENTS,
            "metadata": {},
            "payouts_enabled": True,
            "requirements": _NO_REQUIREMENTS,
            "settings": {
                "bacs_debit_payments": {"display_name": None, "service_user_number": None},
                "branding": {"icon": None, "logo": None, "primary_color": None,
                             "secondary_color": None},
                "card_issuing": {"tos_acceptance": {"date": None, "ip": None}},
                "card_payments": {"decline_on": {"avs_failure": False, "cvc_failure": True},
                                  "statement_descriptor_prefix": "POSAPP",
                                  "statement_descriptor_prefix_kana": None,
                                  "statement_descriptor_prefix_kanji": None},
                "dashboard": {"display_name": "PosApp Sandbox Coffee", "timezone": "Europe/London"},
                "invoices": {"default_account_tax_ids": None,
                             "hosted_payment_method_save": "offer"},
                "payments": {"statement_descriptor": "POSAPP SANDBOX",
                             "statement_descriptor_kana": None,
                             "statement_descriptor_kanji": None,
                             "statement_descriptor_prefix_kana": None,
                             "statement_descriptor_prefix_kanji": None},
                "payouts": {"debit_negative_balances": True,
                            "schedule": {"delay_days": 2, "interval": "daily"},
                            "statement_descriptor": None},
                "sepa_debit_payments": {}},
            "tos_acceptance": {"date": 1_700_000_000, "ip": None, "user_agent": None},
            "type": "standard",
        }

    # ids and time -----------------------------------------------------------------

    def new_id(self, prefix: str, length: int = 24) -> str:
        alphabet = string.ascii_letters + string.digits
        return prefix + "".join(self._rng.choice(alphabet) for _ in range(length))

    def now(self) -> int:
        """Unix time as the sandbox sees it (seeds may shift it to lay down history)."""
        return int(time.time()) + self.clock_offset

    # storage ----------------------------------------------------------------------

    def insert(self, obj: Obj) -> Obj:
        """Store a new object and append it to its type's list (newest last). Events are kept
        in Stripe's order, by `created` then id, whatever time they were made at."""
        self.objects[obj["id"]] = obj
        typelist = self._lists.setdefault(obj["object"], _TypeList())
        if obj["object"] == "event":
            typelist.add_in_order(obj, self._event_key)
        else:
            typelist.add(obj)
        return obj

    def _event_key(self, event_id: str) -> tuple[int, str]:
        return int(self.objects[event_id]["created"]), event_id

    def _event_id(self) -> str:
        """`evt_` ids that sort in the order events are made (as Stripe's do), so events of
        one second list in order."""
        self._events_made += 1
        number, digits = self._events_made, ""
        for _ in range(8):
            number, digit = divmod(number, len(_SORTED_ALPHABET))
            digits = _SORTED_ALPHABET[digit] + digits
        return "evt_1" + digits + self.new_id("", 15)

    def get(self, object_id: str, kind: str | None = None, param: str = "id") -> Obj:
        """The stored object, or Stripe's 404 when it does not exist (or is of another type)."""
        obj = self.objects.get(object_id)
        noun = _noun_for(object_id, kind)
        if obj is None or (kind is not None and obj.get("object") != kind):
            raise not_found(noun, object_id, param)
        return obj

    def find(self, object_id: str | None, kind: str) -> Obj | None:
        if not object_id:
            return None
        obj = self.objects.get(object_id)
        return obj if obj is not None and obj.get("object") == kind else None

    def iter_type(self, kind: str, newest_first: bool = True) -> Iterator[Obj]:
        ids = self._lists.get(kind, _TypeList()).ids
        ordered = reversed(ids) if newest_first else iter(ids)
        for object_id in ordered:
            yield self.objects[object_id]

    def relist(self, kind: str, ids: Iterable[str]) -> None:
        """Make the stored objects `ids` the `kind` list, in that order."""
        self._lists[kind] = _TypeList.of(self.objects[i] for i in ids)

    def count(self, kind: str) -> int:
        return len(self._lists.get(kind, _TypeList()).ids)

    # lists ------------------------------------------------------------------------

    def list_response(
        self,
        kind: str,
        params: Params,
        url: str,
        predicate: Callable[[Obj], bool] | None = None,
        items: list[Obj] | None = None,
    ) -> Obj:
        """A Stripe list page, newest first, honouring limit, cursors and `created` filters.

        `items` (newest first) replaces the type's own list, e.g. a subscription's invoices.
        """
        limit = params.integer("limit", 10, minimum=1, maximum=100)
        assert limit is not None
        after = params.string("starting_after")
        before = params.string("ending_before")
        if after and before:
            raise invalid("You may only specify one of these parameters: ending_before, "
                          "starting_after.", param="ending_before")
        bounds = _created_bounds(params)
        sequence: Sequence[Obj]
        if items is not None:
            sequence = items
            low, high = 0, len(items)
        else:
            typelist = self._lists.get(kind, _TypeList())
            sequence = _LazyNewestFirst(typelist, self.objects)
            low, high = 0, len(typelist.ids)
            if bounds is not None and typelist.ordered:
                # Only the objects of the window can be kept: look at those alone.
                start, stop = typelist.window(bounds)
                low, high = len(typelist.ids) - stop, len(typelist.ids) - start
                bounds = None
        created = None if bounds is None else _created_test(bounds)

        def keep(obj: Obj) -> bool:
            if obj.get("deleted") and obj.get("object") == "customer":
                return False
            if created is not None and not created(obj.get("created", 0)):
                return False
            return predicate is None or predicate(obj)

        if after:
            indexes = range(max(low, _index_of(sequence, after, "starting_after") + 1), high)
        elif before:
            indexes = range(min(high, _index_of(sequence, before, "ending_before")) - 1,
                            low - 1, -1)
        else:
            indexes = range(low, high)
        page: list[Obj] = []
        has_more = False
        for obj in _at(sequence, indexes):
            if not keep(obj):
                continue
            if len(page) == limit:
                has_more = True
                break
            page.append(obj)
        if before:
            page.reverse()
        return {"object": "list", "data": page, "has_more": has_more, "url": url}

    # events -----------------------------------------------------------------------

    def emit(self, event_type: str, obj: Obj, previous: Obj | None = None) -> Obj:
        """Record an event with a snapshot of `obj` and the request that caused it."""
        data: Obj = {"object": self.snapshot(obj)}
        if previous:
            data["previous_attributes"] = {k: copy_json(v) for k, v in previous.items()
                                           if k not in INCLUDABLE.get(obj["object"], ())}
        event = {
            "id": self._event_id(),
            "object": "event",
            "api_version": self.event_api_version,
            "created": self.now() if self.event_offset is None
            else int(time.time()) + self.event_offset,
            "data": data,
            "livemode": False,
            "pending_webhooks": 0,
            "request": {"id": self.request.request_id,
                        "idempotency_key": self.request.idempotency_key},
            "type": event_type,
        }
        if self.platform is not None:
            event["account"] = self.account["id"]
        return self.insert(event)

    def update(self, obj: Obj, changes: Obj, event_type: str | None = None) -> Obj:
        """Apply top-level changes; emit `event_type` with Stripe's previous_attributes."""
        previous = {k: _previous(obj.get(k), v) for k, v in changes.items() if obj.get(k) != v}
        obj.update(changes)
        if event_type and previous:
            self.emit(event_type, obj, previous)
        return obj

    def delete(self, obj: Obj, event_type: str) -> Obj:
        """Mark `obj` deleted (it stays stored for events and lists) and emit `event_type`;
        returns Stripe's answer to the DELETE."""
        obj["deleted"] = True
        self.emit(event_type, obj)
        return as_retrieved(obj)

    def expire_events(self, before: int) -> int:
        """Drop the events created before `before` (Stripe lists 30 days of events)."""
        typelist = self._lists.get("event", _TypeList())
        return self._drop_first_events(bisect.bisect_left(typelist.created, before))

    def purge_events(self, keep_after: str | None = None) -> int:
        """Drop events older than `keep_after` (all when None)."""
        typelist = self._lists.get("event", _TypeList())
        return self._drop_first_events(
            len(typelist.ids) if keep_after is None else typelist.position.get(keep_after, 0))

    def _drop_first_events(self, cut: int) -> int:
        typelist = self._lists.get("event", _TypeList())
        for event_id in typelist.ids[:cut]:
            self.objects.pop(event_id, None)
        self.relist("event", typelist.ids[cut:])
        return cut

    # rendering: expansion and includable fields -------------------------------------

    def render(self, obj: Obj, expand: list[str]) -> Obj:
        """`obj` as the API answers it (stored data untouched): `expand[]` paths replaced by
        the objects they name, includable fields only where expanded. Stripe's 400 for a
        path that names nothing expandable or goes deeper than four levels."""
        paths = [path.split(".") for path in expand]
        for path, text in zip(paths, expand, strict=True):
            if len(path) > MAX_EXPAND_DEPTH:
                raise invalid(f"You cannot expand more than {MAX_EXPAND_DEPTH} levels of a "
                              f"property. Property: {text}", param="expand")
        shaped: Obj = self._shape(obj, paths)
        return shaped

    def snapshot(self, obj: Obj) -> Obj:
        """A copy of `obj` as events carry it: no includable fields."""
        shaped: Obj = copy_json(self._shape(obj, []))
        return shaped

    def _shape(self, node: Any, paths: list[list[str]], kind: str = "",
               prefix: str = "") -> Any:
        """`node` with `paths` expanded; `kind` and `prefix` place a nested hash in its
        object (`invoice_settings.` of a customer)."""
        if not isinstance(node, dict):
            return node
        if node.get("object") in ("list", "search_result"):
            for path in paths:
                if path[0] != "data":
                    raise _not_expandable(path[0])
            inner = [path[1:] for path in paths if len(path) > 1]
            return {**node, "data": [self._shape(item, inner) for item in node["data"]]}
        if "object" in node:
            kind, prefix = str(node["object"]), ""
        includable = INCLUDABLE.get(kind, ()) if not prefix else ()
        wanted: dict[str, list[list[str]]] = {}
        for path in paths:
            head = path[0]
            if head not in node and head not in includable:
                raise _not_expandable(head)
            wanted.setdefault(head, []).append(path[1:])
        if not wanted and node.keys().isdisjoint(includable):
            return node
        result = dict(node)  # a C copy, then the few includable keys out: 5x a comprehension
        for key in includable:
            result.pop(key, None)
        for head, rests in wanted.items():
            inner = [r for r in rests if r]
            if head in includable:
                result[head] = self._shape(self._includable(node, head), inner)
                continue
            value = node.get(head)
            expandable, nested = EXPANDABLE.get(kind, frozenset()), f"{prefix}{head}."
            if prefix + head in expandable:
                result[head] = self._expand(head, value, inner)
            elif inner and isinstance(value, dict | list) and (
                    isinstance(value, list) or "object" in value
                    or any(p.startswith(nested) for p in expandable)):
                # Through a list, a full object or a hash holding expandable fields.
                result[head] = ([self._shape(v, inner, kind, nested) for v in value]
                                if isinstance(value, list)
                                else self._shape(value, inner, kind, nested))
            else:
                raise _not_expandable(head)
        return result

    def _expand(self, head: str, value: Any, rests: list[list[str]]) -> Any:
        """An expandable field's id (or ids) replaced by the object(s) it names."""
        if isinstance(value, list):
            return [self._expand(head, item, rests) for item in value]
        if isinstance(value, str):
            found = self.objects.get(value)
            return value if found is None else self._shape(as_retrieved(found), rests)
        return self._shape(value, rests) if isinstance(value, dict) else value

    def _includable(self, node: Obj, name: str) -> Any:
        """An includable field's value: stored on the object, or (a charge's refunds) listed."""
        if node.get("object") == "charge" and name == "refunds":
            refunds = [r for r in self.iter_type("refund") if r["charge"] == node["id"]]
            return {"object": "list", "data": refunds, "has_more": False,
                    "total_count": len(refunds), "url": f"/v1/charges/{node['id']}/refunds"}
        return node.get(name)


def _not_expandable(name: str) -> ApiError:
    return invalid(f"This property cannot be expanded ({name}).", param="expand")


def _previous(old: Any, new: Any) -> Any:
    """Stripe's previous_attributes for one field: only the changed keys of a hash."""
    if isinstance(old, dict) and isinstance(new, dict):
        changed = {k: _previous(old.get(k), v) for k, v in new.items() if old.get(k) != v}
        changed.update({k: copy_json(v) for k, v in old.items() if k not in new})
        return changed
    return copy_json(old)


class _LazyNewestFirst(Sequence[Obj]):
    """A newest-first view over a type list without copying it."""

    def __init__(self, typelist: _TypeList, objects: dict[str, Obj]) -> None:
        self.typelist = typelist
        self.objects = objects

    def __len__(self) -> int:
        return len(self.typelist.ids)

    def __getitem__(self, index: int) -> Obj:  # type: ignore[override]
        return self.objects[self.typelist.ids[len(self.typelist.ids) - 1 - index]]

    def index_of(self, object_id: str) -> int | None:
        position = self.typelist.position.get(object_id)
        return None if position is None else len(self.typelist.ids) - 1 - position

    def at(self, indexes: range) -> Iterator[Obj]:
        """The objects at these indexes, in their order (no Python call per object)."""
        last = len(self.typelist.ids) - 1
        positions = range(last - indexes.start, last - indexes.stop, -indexes.step)
        return map(self.objects.__getitem__, map(self.typelist.ids.__getitem__, positions))


def _at(sequence: Sequence[Obj], indexes: range) -> Iterator[Obj]:
    if isinstance(sequence, _LazyNewestFirst):
        return sequence.at(indexes)
    return map(sequence.__getitem__, indexes)


def _index_of(sequence: Sequence[Obj], object_id: str, param: str) -> int:
    if isinstance(sequence, _LazyNewestFirst):
        found = sequence.index_of(object_id)
    else:
        found = next((i for i, o in enumerate(sequence) if o["id"] == object_id), None)
    if found is None:
        raise not_found(_noun_for(object_id, None), object_id, param)
    return found


def _created_bounds(params: Params) -> dict[str, int] | None:
    """The `created` parameter as bounds (`created=N`: gte and lte N), None when absent."""
    value = params.raw("created")
    if value is None or value == "":
        return None
    if not isinstance(value, dict):
        exact = parse_int(value, "created")
        return {"gte": exact, "lte": exact}
    unknown = set(value) - {"gt", "gte", "lt", "lte"}
    if unknown:
        raise invalid(f"Received unknown parameter: created[{unknown.pop()}]", param="created")
    return {op: parse_int(v, f"created[{op}]") for op, v in value.items()}


def _created_test(bounds: dict[str, int]) -> Callable[[int], bool]:
    def test(created: int) -> bool:
        return (created > bounds.get("gt", created - 1)
                and created >= bounds.get("gte", created)
                and created < bounds.get("lt", created + 1)
                and created <= bounds.get("lte", created))
    return test


def _noun_for(object_id: str, kind: str | None) -> str:
    for prefix, (obj_type, noun) in PREFIXES.items():
        if object_id.startswith(prefix) and (kind is None or kind == obj_type):
            return noun
    return kind.replace("_", " ") if kind else "object"


def search_query(query: str) -> Callable[[Obj], bool]:
    """Stripe's search query language, the subset the app uses.

    Clauses `field:'v'` (exact, case-insensitive), `field~'v'` (substring),
    `metadata['k']:'v'`, `field>N`/`field<N` on numbers, joined by AND or OR (not mixed).
    """
    clause = (r"\s*(?P<field>[a-z_.]+(?:\['[^']*'\])?)\s*(?P<op>:|~|>=|<=|>|<)\s*"
              r"(?P<value>'[^']*'|\"[^\"]*\"|[^\s]+)\s*")


    text = query.strip()
    if not text:
        raise invalid("Search query is empty.", param="query")
    joiner = "OR" if re.search(r"\sOR\s", text) else "AND"
    pieces = re.split(rf"\s{joiner}\s", text)
    tests: list[Callable[[Obj], bool]] = []
    for piece in pieces:
        match = re.fullmatch(clause, piece)
        if match is None:
            raise ApiError(400, f"Invalid search query: {query!r}. See "
                           "https://stripe.com/docs/search#search-query-language.",
                           param="query", code="parameter_invalid_string")
        tests.append(_clause_test(match["field"], match["op"], match["value"].strip("'\"")))
    if joiner == "OR":
        return lambda obj: any(t(obj) for t in tests)
    return lambda obj: all(t(obj) for t in tests)


def _clause_test(field_name: str, op: str, value: str) -> Callable[[Obj], bool]:
    def lookup(obj: Obj) -> Any:
        if field_name.startswith("metadata["):
            return (obj.get("metadata") or {}).get(field_name[10:-2])
        node: Any = obj
        for part in field_name.split("."):
            node = node.get(part) if isinstance(node, dict) else None
        return node

    def test(obj: Obj) -> bool:
        actual = lookup(obj)
        if actual is None:
            return False
        if op == ":":
            return str(actual).lower() == value.lower()
        if op == "~":
            return value.lower() in str(actual).lower()
        number, have = float(value), float(actual)
        return {">": have > number, "<": have < number,
                ">=": have >= number, "<=": have <= number}[op]
    return test


def search_response(state: State, kind: str, params: Params, url: str) -> Obj:
    """A Stripe search_result page (`page`/`next_page` cursors are opaque offsets)."""
    query = params.req_string("query")
    limit = params.integer("limit", 10, minimum=1, maximum=100)
    assert limit is not None
    page_token = params.string("page")
    offset = int(page_token) if page_token and page_token.isdigit() else 0
    test = search_query(query)
    matches = [o for o in state.iter_type(kind) if not o.get("deleted") and test(o)]
    page = matches[offset:offset + limit]
    more = offset + limit < len(matches)
    return {"object": "search_result", "data": page, "has_more": more,
            "next_page": str(offset + limit) if more else None, "url": url,
            "total_count": len(matches)}
