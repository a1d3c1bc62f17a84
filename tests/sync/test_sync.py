"""The sync engine against the sandbox over HTTP, through the gateway and the official SDK,
into real SQLite files: backfill, resume, the events poller, re-sync, offline reads and
verify."""

from __future__ import annotations

import io
import json
import multiprocessing
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import stripe

from posapp.gateway.client import Gateway, RequestRecord
from posapp.gateway.errors import ErrorKind, GatewayError
from posapp.sandbox import Sandbox
from posapp.sandbox.server import running
from posapp.store.cache import Cache
from posapp.store.journal import Journal
from posapp.sync import (
    Mismatch,
    Poller,
    backfill,
    is_complete,
    run_forever,
    run_sync_once,
    start_full_resync,
    verify_and_repair,
)
from posapp.sync.backfill import FAN_OUT, BackfillProgress
from posapp.sync.notifications import (
    CheckoutCompleted,
    ConnectionChanged,
    DisputeOpened,
    FullResyncStarted,
    Notification,
    PaymentFailed,
    PaymentSucceeded,
    RefundFailed,
    RefundSucceeded,
    SubscriptionCanceled,
)
from posapp.sync.sources import BACKFILLED, SOURCES
from posapp.sync.workers import PageWorkers

KEY = "sk_test_posapp_tests"


@pytest.fixture
def gateway(sandbox: Sandbox, tmp_path: Path) -> Gateway:
    return Gateway(KEY, journal=Journal(tmp_path / "journal.db"), api_base=sandbox.url,
                   rate_per_second=1000, max_retries=0, sleep=lambda _s: None)


@pytest.fixture
def cache(tmp_path: Path) -> Iterator[Cache]:
    with Cache(tmp_path / "cache.db") as c:
        yield c


class Collected(list[Notification]):
    """A notify callback that keeps what it receives."""

    def __call__(self, notification: Notification) -> None:
        self.append(notification)

    def of(self, kind: type[Any]) -> list[Any]:
        return [n for n in self if isinstance(n, kind)]


class Requests:
    """A gateway request hook that records the paths requested."""

    def __init__(self, gateway: Gateway) -> None:
        self.paths: list[str] = []
        gateway.add_request_hook(self)

    def __call__(self, record: RequestRecord) -> None:
        self.paths.append(record.path)


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *_args: Any, **_kwargs: Any) -> None:
        return None


def submit_hosted_form(url: str, **fields: str) -> int:
    """Post a hosted page's form as a customer's browser would; returns the HTTP status."""
    opener = urllib.request.build_opener(_NoRedirect)
    try:
        with opener.open(url, data=urllib.parse.urlencode(fields).encode()) as response:
            return int(response.status)
    except urllib.error.HTTPError as answer:
        return answer.code


def helper(sandbox: Sandbox, path: str, **params: str) -> dict[str, Any]:
    """Call one of the sandbox's own test-helper routes (docs/sandbox.md)."""
    body = "&".join(f"{k}={v}" for k, v in params.items()).encode()
    request = urllib.request.Request(f"{sandbox.url}/v1/test_helpers/sandbox/{path}", data=body,
                                     headers={"Authorization": f"Bearer {KEY}"})
    with urllib.request.urlopen(request) as response:
        result: dict[str, Any] = json.loads(response.read())
        return result


def make_customers(client: stripe.StripeClient, count: int, prefix: str = "Customer"
                   ) -> list[str]:
    with ThreadPoolExecutor(max_workers=8) as pool:
        made = pool.map(lambda n: client.v1.customers.create({"name": f"{prefix} {n}"}).id,
                        range(count))
        return list(made)


@dataclass
class Shop:
    customer: str
    deleted_customer: str
    paid_intent: str
    refund: str
    dispute: str
    active_subscription: str
    canceled_subscription: str
    price: str


def pay(client: stripe.StripeClient, amount: int, customer: str | None,
        payment_method: str = "pm_card_visa") -> dict[str, Any]:
    params: dict[str, Any] = {"amount": amount, "currency": "usd",
                              "payment_method": payment_method, "confirm": True}
    if customer:
        params["customer"] = customer
    try:
        return client.v1.payment_intents.create(params).to_dict()  # type: ignore[arg-type]
    except stripe.CardError as declined:
        assert declined.error is not None and declined.error.payment_intent is not None
        return client.v1.payment_intents.retrieve(declined.error.payment_intent.id).to_dict()


def seed_shop(client: stripe.StripeClient) -> Shop:
    """One or more objects of every cached type, made through the SDK."""
    v1 = client.v1
    product = v1.products.create({"name": "Espresso beans 1 kg"})
    v1.products.create({"name": "Retired blend", "active": False})
    monthly = v1.prices.create({"product": product.id, "currency": "usd", "unit_amount": 2500,
                                "recurring": {"interval": "month"}})
    one_off = v1.prices.create({"product": product.id, "currency": "usd", "unit_amount": 1800})
    wang = v1.customers.create({"name": "王小明", "email": "wang@example.cn",
                                "payment_method": "pm_card_visa"})
    card = v1.customers.payment_methods.list(wang.id).data[0]
    v1.customers.update(wang.id, {"invoice_settings": {"default_payment_method": card.id}})
    gone = v1.customers.create({"name": "Leaving Soon", "email": "gone@example.com"})
    jo = v1.customers.create({"name": "Jo O'Brien", "email": "jo@example.ie"})
    # Saved the way Checkout in setup mode saves it: through a SetupIntent.
    v1.setup_intents.create({"customer": jo.id, "payment_method": "pm_card_mastercard",
                             "confirm": True, "usage": "off_session"})
    paid = pay(client, 1250, wang.id)
    pay(client, 990, None)
    pay(client, 500, jo.id, "pm_card_chargeDeclined")
    refund = v1.refunds.create({"payment_intent": paid["id"], "amount": 250})
    disputed = pay(client, 4000, jo.id, "pm_card_createDispute")
    dispute = v1.disputes.list({"payment_intent": disputed["id"]}).data[0]
    active = v1.subscriptions.create({"customer": wang.id, "items": [{"price": monthly.id}]})
    doomed = v1.subscriptions.create({"customer": wang.id, "items": [{"price": monthly.id}]})
    v1.subscriptions.cancel(doomed.id)
    v1.checkout.sessions.create({"mode": "payment", "success_url": "https://example.com/ok",
                                 "line_items": [{"price": one_off.id, "quantity": 2}]})
    v1.payment_links.create({"line_items": [{"price": one_off.id, "quantity": 1}]})
    v1.customers.delete(gone.id)
    return Shop(wang.id, gone.id, paid["id"], refund.id, dispute.id, active.id, doomed.id,
                one_off.id)


def server_objects(client: stripe.StripeClient, table: str) -> dict[str, dict[str, Any]]:
    """What Stripe itself lists for a cached type, read with the SDK (not the sync code)."""
    source = next(s for s in SOURCES if s.table == table)
    service: Any = client.v1
    for name in source.resource.split("."):
        service = getattr(service, name)
    params = {k: v for k, v in source.params.items() if k != "expand"}
    return {o.id: o.to_dict() for o in service.list({**params, "limit": 100})
            .auto_paging_iter()}


def assert_mirrors(cache: Cache, client: stripe.StripeClient) -> None:
    """The cache holds exactly the server's objects, with the same key fields."""
    for table in BACKFILLED:
        server = server_objects(client, table)
        cached = cache.ids(table)
        assert set(cached) == set(server), table
        for object_id, obj in server.items():
            for field in ("status", "amount", "name", "email", "active"):
                if field in obj:
                    assert cached[object_id].get(field) == obj[field], (table, object_id, field)
    attached = {pm.id for c in server_objects(client, "customers")
                for pm in client.v1.customers.payment_methods.list(c).auto_paging_iter()}
    live = cache.ids("customers")
    cached_attached = {i for i, pm in cache.ids("payment_methods").items()
                       if pm["customer"] in live}
    assert cached_attached == attached


# --- backfill --------------------------------------------------------------------------


def test_sync_once_mirrors_every_type(gateway: Gateway, cache: Cache,
                                     client: stripe.StripeClient) -> None:
    shop = seed_shop(client)
    out = io.StringIO()
    report = run_sync_once(gateway, cache, out=out)
    assert_mirrors(cache, client)
    assert cache.get("subscriptions", shop.canceled_subscription)["status"] == "canceled"
    assert cache.get("customers", shop.deleted_customer) is None
    assert cache.count("customers") == 2
    assert report.cached["subscriptions"] == 2
    assert report.requests == gateway.request_count
    printed = out.getvalue()
    assert "subscriptions" in printed and f"API requests: {report.requests}" in printed
    assert "time:" in printed
    assert cache.last_success is not None


def test_a_second_sync_once_lists_nothing_again(gateway: Gateway, cache: Cache,
                                                client: stripe.StripeClient) -> None:
    seed_shop(client)
    run_sync_once(gateway, cache)
    client.v1.customers.create({"name": "Newcomer"})
    again = run_sync_once(gateway, cache)
    assert again.listed == {}
    assert again.events_applied == 1
    assert again.requests == 1
    assert [r["name"] for r in cache.page("customers", filters={"name": "Newcomer"}).rows] == [
        "Newcomer"]


def test_backfill_pages_and_reports_progress(gateway: Gateway, cache: Cache,
                                             client: stripe.StripeClient) -> None:
    make_customers(client, 230)
    reports: list[BackfillProgress] = []
    requests = Requests(gateway)
    result = backfill(gateway, cache, progress=reports.append)
    assert result.complete and result.counts["customers"] == 230
    # Three pages, and at most one look into each window of older time the split handed out.
    assert requests.paths.count("/v1/customers") <= 3 + FAN_OUT
    customer_reports = [r.done["customers"] for r in reports if r.source == "customers"]
    assert customer_reports == sorted(customer_reports)
    assert {100, 200, 230} <= set(customer_reports) and customer_reports[-1] == 230
    assert reports[-1].finished == frozenset(s.name for s in SOURCES)
    assert is_complete(cache)


class Killed(Exception):
    """Stands in for the app dying in the middle of a request."""


def test_interrupted_backfill_resumes_where_it_stopped(gateway: Gateway, cache: Cache,
                                                        client: stripe.StripeClient) -> None:
    seed_shop(client)
    make_customers(client, 150)
    served = Requests(gateway)

    def kill_on_second_customers_page(record: RequestRecord) -> None:
        if record.path == "/v1/customers" and served.paths.count("/v1/customers") == 2:
            raise Killed

    gateway.add_request_hook(kill_on_second_customers_page)
    with pytest.raises(Killed):
        backfill(gateway, cache)
    assert not is_complete(cache)
    assert not cache.checkpoint("customers").done
    stored_before = cache.checkpoint("customers").count
    finished = {s.name for s in SOURCES if cache.checkpoint(s.name).done}

    resumed_gateway = Gateway(KEY, journal=gateway.journal, api_base=gateway.api_base,
                              rate_per_second=1000, max_retries=0)
    resumed = Requests(resumed_gateway)
    result = backfill(resumed_gateway, cache)
    assert result.complete
    assert set(result.skipped) == finished
    listed_paths = {f"/v1/{s.resource.replace('.', '/')}" for s in SOURCES
                    if s.name in finished}
    assert not listed_paths & set(resumed.paths)
    # Every customer was listed exactly once across the two runs.
    assert stored_before + result.counts["customers"] == 152
    assert_mirrors(cache, client)


def test_a_page_the_cache_could_not_write_is_listed_again_on_resume(
        tmp_path: Path) -> None:
    # A history long enough for several segments of each type to list at once: pages of
    # one type written after the failed one must not carry a checkpoint past it.
    with running("bench:5000") as server:
        gateway = Gateway(KEY, journal=Journal(tmp_path / "journal.db"), api_base=server.url,
                          rate_per_second=1000, max_retries=0)
        with Cache(tmp_path / "clean.db") as clean:
            backfill(gateway, clean, workers=PageWorkers(0))
            expected = {table: clean.ids(table) for table in BACKFILLED}
        newest_first = sorted(expected["payment_intents"].values(),
                              key=lambda pi: (-pi["created"], pi["id"]))
        # On the second page: the older windows are listing while it is written.
        refused = newest_first[150]["id"]
        with Cache(tmp_path / "cache.db") as cache:
            # The disk refuses one intent's row (as a full disk or an I/O error would).
            outside = sqlite3.connect(tmp_path / "cache.db")
            outside.execute(
                "CREATE TRIGGER refuse BEFORE INSERT ON payment_intents "
                f"WHEN NEW.id = '{refused}' BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END")
            outside.commit()
            # Long enough for pages of one type to be written in several transactions.
            server.options.latency_ms = 100
            with pytest.raises(sqlite3.IntegrityError, match="disk I/O error"):
                backfill(gateway, cache, workers=PageWorkers(0))
            server.options.latency_ms = 0
            assert refused not in cache.ids("payment_intents")
            outside.execute("DROP TRIGGER refuse")
            outside.commit()
            outside.close()
            assert backfill(gateway, cache, workers=PageWorkers(0)).complete
            assert {table: cache.ids(table) for table in BACKFILLED} == expected


BACKFILL = """
import sys
from pathlib import Path
from posapp.gateway.client import Gateway
from posapp.store.cache import Cache
from posapp.store.journal import Journal
from posapp.sync import backfill
from posapp.sync.workers import PageWorkers

data, api_base, key = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
gateway = Gateway(key, journal=Journal(data / "journal.db"), api_base=api_base,
                  rate_per_second=1000, max_retries=0)
with Cache(data / "cache.db") as cache:
    backfill(gateway, cache, workers=PageWorkers(0))
"""


def test_a_backfill_killed_mid_way_resumes_and_stores_every_object(tmp_path: Path) -> None:
    with running("bench:10000") as server:
        gateway = Gateway(KEY, journal=Journal(tmp_path / "journal.db"), api_base=server.url,
                          rate_per_second=1000, max_retries=0)
        with Cache(tmp_path / "clean.db") as clean:
            backfill(gateway, clean, workers=PageWorkers(0))
            expected = {table: set(clean.ids(table)) for table in BACKFILLED}
        server.options.latency_ms = 50  # the child's backfill takes a second or two
        data = tmp_path / "killed"
        data.mkdir()
        child = subprocess.Popen(  # noqa: S603  (our own script and arguments)
            [sys.executable, "-c", BACKFILL, str(data), server.url, KEY],
            env={**os.environ, "PYTHONPATH": str(Path(__file__).parents[2])})

        def stored_pages() -> bool:
            assert child.poll() is None, "the backfill finished before it could be killed"
            if not (data / "cache.db").exists():
                return False
            conn = sqlite3.connect(f"file:{data / 'cache.db'}?mode=ro", uri=True)
            try:
                states = [json.loads(value) for (value,) in conn.execute(
                    "SELECT value FROM sync_state WHERE key LIKE 'backfill.%'")]
            except sqlite3.OperationalError:  # the schema is still being created
                return False
            finally:
                conn.close()
            # Each source's checkpoint counts the objects stored with it.
            return sum(state["count"] for state in states if isinstance(state, dict)) > 0

        deadline = time.monotonic() + 60
        while not stored_pages():
            assert time.monotonic() < deadline, "no page was stored"
            time.sleep(0.005)
        child.send_signal(signal.SIGKILL)
        assert child.wait() == -signal.SIGKILL
        server.options.latency_ms = 0

        with Cache(data / "cache.db") as cache:
            assert not is_complete(cache)
            assert 0 < sum(cache.count(table) for table in expected) < sum(
                len(ids) for ids in expected.values())
            assert backfill(gateway, cache, workers=PageWorkers(0)).complete
            assert {table: set(cache.ids(table)) for table in BACKFILLED} == expected


def test_full_resync_marks_objects_gone_from_stripe_deleted(
        gateway: Gateway, cache: Cache, client: stripe.StripeClient) -> None:
    shop = seed_shop(client)
    run_sync_once(gateway, cache)
    client.v1.customers.delete(shop.customer)
    start_full_resync(cache)
    result = backfill(gateway, cache)
    assert result.swept == {"customers": 1}
    assert cache.get("customers", shop.customer)["deleted"] is True
    assert is_complete(cache)


def test_first_backfill_marks_deleted_what_the_app_stored_before_it(
        gateway: Gateway, cache: Cache, client: stripe.StripeClient) -> None:
    # The app stored a customer it created (before any sync), which was deleted on Stripe
    # before the first backfill began: no event will tell, so the backfill's sweep must.
    gone = client.v1.customers.create({"name": "Gone"})
    kept = client.v1.customers.create({"name": "Kept"})
    cache.upsert("customers", [gone.to_dict(), kept.to_dict()])
    client.v1.customers.delete(gone.id)
    result = backfill(gateway, cache)
    assert result.swept == {"customers": 1}
    assert cache.get("customers", gone.id)["deleted"] is True
    assert "deleted" not in cache.get("customers", kept.id)


def test_cancelled_backfill_stops_between_pages_and_resumes(
        gateway: Gateway, cache: Cache, client: stripe.StripeClient) -> None:
    make_customers(client, 210)
    cancel = threading.Event()
    # The user cancels while the first page of customers is on its way.
    gateway.add_request_hook(
        lambda record: cancel.set() if record.path == "/v1/customers" else None)
    first = backfill(gateway, cache, cancel=cancel)
    assert not first.complete
    assert cache.checkpoint("customers").count < 210
    second = backfill(gateway, cache)
    assert second.complete
    assert cache.count("customers") == 210


# --- poller ----------------------------------------------------------------------------


def test_changes_after_sync_arrive_through_the_poller(gateway: Gateway, cache: Cache,
                                                      client: stripe.StripeClient,
                                                      sandbox: Sandbox) -> None:
    shop = seed_shop(client)
    run_sync_once(gateway, cache)
    heard = Collected()
    changed: list[frozenset[str]] = []
    poller = Poller(gateway, cache, notify=heard, on_change=changed.append)

    client.v1.customers.update(shop.customer, {"name": "王小明 (VIP)"})
    paid = pay(client, 4200, shop.customer)
    declined = pay(client, 300, shop.customer, "pm_card_chargeDeclinedInsufficientFunds")
    refund = client.v1.refunds.create({"payment_intent": paid["id"]})
    failing = client.v1.refunds.create({"payment_intent": shop.paid_intent, "amount": 100})
    helper(sandbox, f"refunds/{failing.id}/fail", failure_reason="expired_or_canceled_card")
    disputed = pay(client, 777, shop.customer, "pm_card_createDispute")
    client.v1.subscriptions.cancel(shop.active_subscription)
    result = poller.poll_once()

    assert result.applied > 0 and result.duplicates == 0 and not result.resynced
    assert {"customers", "payment_intents", "refunds", "disputes", "subscriptions"} \
        <= changed[-1]
    assert cache.get("customers", shop.customer)["name"] == "王小明 (VIP)"
    assert PaymentSucceeded(paid["id"], 4200, "usd", shop.customer, "王小明 (VIP)") \
        in heard.of(PaymentSucceeded)
    [failed] = heard.of(PaymentFailed)
    assert (failed.payment_intent, failed.amount, failed.customer_name) == (
        declined["id"], 300, "王小明 (VIP)")
    assert failed.reason
    assert refund.id in [n.refund for n in heard.of(RefundSucceeded)]
    [refund_failed] = heard.of(RefundFailed)
    assert (refund_failed.refund, refund_failed.reason) == (failing.id,
                                                            "expired_or_canceled_card")
    [dispute] = heard.of(DisputeOpened)
    assert dispute.amount == 777 and dispute.due_by is not None
    assert cache.get("disputes", dispute.dispute)["payment_intent"] == disputed["id"]
    [canceled] = heard.of(SubscriptionCanceled)
    assert canceled.subscription == shop.active_subscription
    assert cache.get("subscriptions", shop.active_subscription)["status"] == "canceled"
    assert_mirrors(cache, client)


def test_payments_on_hosted_pages_arrive_through_the_poller(
        gateway: Gateway, cache: Cache, client: stripe.StripeClient) -> None:
    shop = seed_shop(client)
    run_sync_once(gateway, cache)
    session = client.v1.checkout.sessions.create({
        "mode": "payment", "customer": shop.customer, "success_url": "https://example.com/ok",
        "line_items": [{"price": shop.price, "quantity": 3}]})
    link = client.v1.payment_links.create({"line_items": [{"price": shop.price,
                                                           "quantity": 1}]})
    client.v1.invoice_items.create({"customer": shop.customer, "amount": 5000,
                                    "currency": "usd"})
    invoice = client.v1.invoices.create({"customer": shop.customer,
                                         "collection_method": "send_invoice",
                                         "days_until_due": 14, "pending_invoice_items_behavior":
                                         "include"})
    invoice = client.v1.invoices.finalize_invoice(invoice.id)
    assert submit_hosted_form(session.url or "", card="4242 4242 4242 4242") == 303
    assert submit_hosted_form(link.url, card="4242424242424242", email="walkin@example.com",
                              name="Walk-in") in (200, 303)
    assert submit_hosted_form(invoice.hosted_invoice_url or "", card="pm_card_visa") == 303
    heard = Collected()
    Poller(gateway, cache, notify=heard).poll_once()

    completed = {n.checkout_session: n for n in heard.of(CheckoutCompleted)}
    assert completed[session.id].amount == 3 * 1800
    assert completed[session.id].customer_name == "王小明"
    [from_link] = [n for n in completed.values() if n.payment_link == link.id]
    assert from_link.amount == 1800
    assert cache.get("checkout_sessions", session.id)["status"] == "complete"
    assert cache.get("invoices", invoice.id)["status"] == "paid"
    assert {5400, 1800, 5000} <= {n.amount for n in heard.of(PaymentSucceeded)}
    assert_mirrors(cache, client)


def test_deletions_arrive_as_deleted_rows(gateway: Gateway, cache: Cache,
                                          client: stripe.StripeClient) -> None:
    shop = seed_shop(client)
    run_sync_once(gateway, cache)
    client.v1.customers.delete(shop.customer)
    Poller(gateway, cache).poll_once()
    assert cache.get("customers", shop.customer)["deleted"] is True
    assert shop.customer not in [r["id"] for r in cache.page("customers").rows]
    assert cache.search("王小明", tables=["customers"]) == []


def test_events_read_again_apply_once(gateway: Gateway, cache: Cache,
                                      client: stripe.StripeClient) -> None:
    shop = seed_shop(client)
    run_sync_once(gateway, cache)
    rewind_to = cache.events_cursor
    assert rewind_to is not None
    pay(client, 1000, shop.customer)
    heard = Collected()
    poller = Poller(gateway, cache, notify=heard)
    first = poller.poll_once()
    # A cursor write lost in a crash: the same events come back on the next poll.
    cache.set_events_cursor(rewind_to)
    second = poller.poll_once()
    assert second.applied == 0 and second.duplicates == first.applied
    assert len(heard.of(PaymentSucceeded)) == 1
    assert cache.count("events") == first.applied


def test_same_second_events_all_apply_in_order(gateway: Gateway, cache: Cache,
                                               client: stripe.StripeClient) -> None:
    run_sync_once(gateway, cache)
    made = make_customers(client, 120, "Burst")
    for n in range(3):
        client.v1.customers.update(made[0], {"name": f"Renamed {n}"})
    events = client.v1.events.list({"limit": 100}).data
    assert len({e.created for e in events}) < len(events)  # many share a second
    result = Poller(gateway, cache).poll_once()
    assert result.applied == 123
    assert cache.count("customers") == 120
    assert cache.get("customers", made[0])["name"] == "Renamed 2"


def test_expired_cursor_triggers_full_resync_and_tells_the_user(
        gateway: Gateway, cache: Cache, client: stripe.StripeClient, sandbox: Sandbox) -> None:
    shop = seed_shop(client)
    run_sync_once(gateway, cache)
    client.v1.customers.delete(shop.customer)
    newcomer = client.v1.customers.create({"name": "Arrived during the gap"})
    helper(sandbox, "purge_events")  # the 30-day retention window passed
    heard = Collected()
    result = Poller(gateway, cache, notify=heard).poll_once()
    assert result.resynced
    assert len(heard.of(FullResyncStarted)) == 1
    assert cache.get("customers", shop.customer)["deleted"] is True
    assert cache.get("customers", newcomer.id)["name"] == "Arrived during the gap"
    assert_mirrors(cache, client)
    client.v1.customers.update(newcomer.id, {"name": "After the re-sync"})
    Poller(gateway, cache).poll_once()
    assert cache.get("customers", newcomer.id)["name"] == "After the re-sync"


def test_objects_of_events_at_another_api_version_are_fetched_again(
        gateway: Gateway, cache: Cache, client: stripe.StripeClient, sandbox: Sandbox) -> None:
    shop = seed_shop(client)
    run_sync_once(gateway, cache)
    helper(sandbox, "event_api_version", api_version="2024-06-20")
    client.v1.customers.update(shop.customer, {"email": "new@example.cn"})
    requests = Requests(gateway)
    Poller(gateway, cache).poll_once()
    assert f"/v1/customers/{shop.customer}" in requests.paths
    assert cache.get("customers", shop.customer)["email"] == "new@example.cn"


def test_invoices_keep_their_payments_which_events_never_carry(
        gateway: Gateway, cache: Cache, client: stripe.StripeClient) -> None:
    run_sync_once(gateway, cache)
    customer = client.v1.customers.create({"email": "pay@example.cn"})
    client.v1.invoice_items.create({"customer": customer.id, "amount": 900, "currency": "usd"})
    invoice = client.v1.invoices.create({"customer": customer.id,
                                         "pending_invoice_items_behavior": "include"})
    client.v1.invoices.finalize_invoice(invoice.id)
    client.v1.invoices.pay(invoice.id, {"payment_method": "pm_card_visa"})
    Poller(gateway, cache).poll_once()
    cached = cache.get("invoices", invoice.id)
    assert cached["status"] == "paid"
    assert [p["status"] for p in cached["payments"]["data"]] == ["paid"]


def test_reads_keep_working_with_stripe_unreachable(gateway: Gateway, cache: Cache,
                                                    client: stripe.StripeClient,
                                                    sandbox: Sandbox) -> None:
    shop = seed_shop(client)
    heard = Collected()
    poller = Poller(gateway, cache, notify=heard)
    poller.poll_once()
    sandbox.stop()
    with pytest.raises(GatewayError) as failure:
        poller.poll_once()
    assert failure.value.kind is ErrorKind.NETWORK
    assert poller.online is False
    assert heard.of(ConnectionChanged)[-1] == ConnectionChanged(False, str(failure.value))
    first_backoff = poller.next_delay()
    with pytest.raises(GatewayError):
        poller.poll_once()
    assert poller.next_delay() == 2 * first_backoff
    assert len(heard.of(ConnectionChanged)) == 2  # online once, offline once
    assert cache.get("customers", shop.customer)["name"] == "王小明"
    assert [h.id for h in cache.search("小明", tables=["customers"])] == [shop.customer]
    assert cache.page("payment_intents").rows
    assert cache.takings_per_day(since=0)


def test_run_forever_backfills_polls_and_stops(gateway: Gateway, cache: Cache,
                                               client: stripe.StripeClient) -> None:
    seed_shop(client)
    stop = threading.Event()
    heard = Collected()

    def stop_once_online(notification: Notification) -> None:
        heard(notification)
        if notification == ConnectionChanged(True, None):
            stop.set()

    out = io.StringIO()
    worker = threading.Thread(target=run_forever, args=(gateway, cache, stop),
                              kwargs={"out": out, "notify": stop_once_online})
    worker.start()
    worker.join(timeout=60)
    assert not worker.is_alive()
    assert is_complete(cache)
    assert_mirrors(cache, client)
    assert "updated:" in out.getvalue()


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_quiet_polls_stretch_the_interval_and_expected_activity_shortens_it(
        gateway: Gateway, cache: Cache, client: stripe.StripeClient) -> None:
    clock = FakeClock()
    poller = Poller(gateway, cache, active_interval=2.0, idle_interval=30.0, clock=clock)
    delays = []
    for _ in range(6):
        poller.poll_once()
        delays.append(poller.next_delay())
    assert delays == [4.0, 8.0, 16.0, 30.0, 30.0, 30.0]
    poller.expect_activity(60)
    assert poller.next_delay() == 2.0
    clock.now += 61
    assert poller.next_delay() == 30.0
    client.v1.customers.create({"name": "Walk-in"})
    assert poller.poll_once().applied == 1
    assert poller.next_delay() == 2.0


def test_a_waiting_cashier_hurries_the_poller_until_the_request_closes(
        gateway: Gateway, cache: Cache) -> None:
    clock = FakeClock()
    poller = Poller(gateway, cache, active_interval=2.0, idle_interval=30.0, clock=clock)
    for _ in range(5):
        poller.poll_once()
    assert poller.next_delay() == 30.0
    clock.now += 20
    request_open = [True]
    poller.hurry_while(lambda: request_open[0])
    assert poller.hurrying
    assert poller.next_delay() == poller.hurry_interval == 0.75  # nobody has paid yet
    clock.now += 1.0
    assert poller.next_delay() == 0.0
    poller.poll_once()
    clock.now += 0.25  # the poll took a quarter of a second: the rhythm holds
    assert poller.next_delay() == 0.5
    request_open[0] = False
    assert not poller.hurrying
    assert poller.next_delay() == 30.0


def test_failures_back_off_exponentially_to_a_ceiling(cache: Cache, tmp_path: Path) -> None:
    nowhere = Gateway(KEY, journal=Journal(tmp_path / "j2.db"), api_base="http://127.0.0.1:9",
                      max_retries=0)
    poller = Poller(nowhere, cache, active_interval=2.0, max_backoff=60.0)
    delays = []
    for _ in range(6):
        with pytest.raises(GatewayError):
            poller.poll_once()
        delays.append(poller.next_delay())
    assert delays == [4.0, 8.0, 16.0, 32.0, 60.0, 60.0]
    assert poller.online is False


# --- verify ----------------------------------------------------------------------------


def test_verify_finds_and_repairs_differences(gateway: Gateway, cache: Cache,
                                              client: stripe.StripeClient) -> None:
    shop = seed_shop(client)
    run_sync_once(gateway, cache)
    assert verify_and_repair(gateway, cache).differences == []
    stale = cache.get("payment_intents", shop.paid_intent)
    cache.upsert("payment_intents", [{**stale, "status": "processing"}])
    cache.mark_deleted("customers", [shop.customer])
    cache.upsert("products", [{"id": "prod_Phantom", "object": "product", "created": 1,
                               "name": "Never existed"}])
    report = verify_and_repair(gateway, cache)
    found = {(d.table, d.id): d for d in report.differences}
    assert found[("payment_intents", shop.paid_intent)].mismatch is Mismatch.CHANGED
    assert found[("payment_intents", shop.paid_intent)].fields == ("status",)
    assert found[("customers", shop.customer)].mismatch is Mismatch.MISSING
    assert found[("products", "prod_Phantom")].mismatch is Mismatch.GONE
    assert len(found) == 3
    assert report.checked["payment_methods"] >= 1
    assert_mirrors(cache, client)
    assert verify_and_repair(gateway, cache).differences == []


def test_verify_finds_a_card_attached_outside_any_listing(
        gateway: Gateway, cache: Cache, client: stripe.StripeClient) -> None:
    shop = seed_shop(client)
    run_sync_once(gateway, cache)
    # Attached through the API, before the events the poller reads: no list the backfill
    # makes shows it, only the per-customer pass of verify.
    card = client.v1.payment_methods.attach("pm_card_visa", {"customer": shop.customer})
    cache.set_events_cursor(client.v1.events.list({"limit": 1}).data[0].id)
    Poller(gateway, cache).poll_once()
    assert cache.get("payment_methods", card.id) is None
    report = verify_and_repair(gateway, cache)
    assert [(d.table, d.id, d.mismatch) for d in report.differences] == [
        ("payment_methods", card.id, Mismatch.MISSING)]
    assert cache.get("payment_methods", card.id)["customer"] == shop.customer


def test_verify_without_repair_changes_nothing(gateway: Gateway, cache: Cache,
                                               client: stripe.StripeClient) -> None:
    shop = seed_shop(client)
    run_sync_once(gateway, cache)
    cache.mark_deleted("customers", [shop.customer])
    report = verify_and_repair(gateway, cache, repair=False)
    assert [d.id for d in report.differences] == [shop.customer]
    assert cache.get("customers", shop.customer)["deleted"] is True


def test_page_workers_store_what_the_app_process_stores_and_a_dead_one_loses_nothing(
        gateway: Gateway, cache: Cache, client: stripe.StripeClient, tmp_path: Path,
        caplog: pytest.LogCaptureFixture) -> None:
    seed_shop(client)
    make_customers(client, 320)
    backfill(gateway, cache, workers=PageWorkers(0))
    expected = {table: cache.ids(table) for table in (*BACKFILLED, "payment_methods")}

    with Cache(tmp_path / "workers.db") as in_workers:
        workers = PageWorkers(2)
        assert workers.ready(timeout=120)
        backfill(gateway, in_workers, workers=workers)
        workers.close()
        assert workers.failure is None
        assert {table: in_workers.ids(table) for table in expected} == expected

    # A worker killed mid-backfill (the OOM killer, a user's kill): the pages it would have
    # prepared are prepared in the app's process instead, and the log says so.
    with Cache(tmp_path / "killed.db") as killed:
        workers = PageWorkers(2)
        assert workers.ready(timeout=120)

        served = Requests(gateway)

        def kill_workers(record: RequestRecord) -> None:
            # The first page of customers is prepared here, the next ones in the workers.
            if record.path == "/v1/customers" and served.paths.count("/v1/customers") == 2:
                for process in multiprocessing.active_children():
                    process.kill()

        gateway.add_request_hook(kill_workers)
        result = backfill(gateway, killed, workers=workers)
        workers.close()
        assert result.complete and is_complete(killed)
        assert workers.failure is not None
        assert "preparing pages in the app's process" in caplog.text
        assert {table: killed.ids(table) for table in expected} == expected

    # Workers that cannot even start (a script that runs the app without the `__main__`
    # guard makes the fork server's child start it again): the backfill goes on here.
    def refuse(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("a new process before the current one finished bootstrapping")

    caplog.clear()
    with Cache(tmp_path / "unstartable.db") as unstartable, pytest.MonkeyPatch.context() as mp:
        mp.setattr(ProcessPoolExecutor, "submit", refuse)
        workers = PageWorkers(2)
        result = backfill(gateway, unstartable, workers=workers)
        workers.close()
        assert result.complete and is_complete(unstartable)
        assert isinstance(workers.failure, RuntimeError)
        assert "preparing pages in the app's process" in caplog.text
        assert {table: unstartable.ids(table) for table in expected} == expected
