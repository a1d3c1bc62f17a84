"""The gateway against the sandbox over HTTP through the real SDK: every error kind,
retries with one idempotency key, and crash recovery from the journal."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from posapp.gateway import (
    METADATA_KEY,
    ErrorKind,
    Gateway,
    GatewayError,
    RequestRecord,
    account,
    customers,
    invoice_items,
    invoices,
    iter_all,
    payment_intents,
    payment_methods,
)
from posapp.sandbox import Sandbox, running
from posapp.store.journal import Journal, JournalState

KEY = "sk_test_posapp_gateway"
DAY = 24 * 3600.0


class Clock:
    """Wall-clock time for the journal that the test can move forward."""

    def __init__(self) -> None:
        self.offset = 0.0

    def __call__(self) -> float:
        return time.time() + self.offset


class SimulatedCrash(BaseException):
    """The process dies: nothing in the app may catch this."""


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def journal(tmp_path: Path, clock: Clock) -> Iterator[Journal]:
    j = Journal(tmp_path / "journal.sqlite", now=clock)
    yield j
    j.close()


@pytest.fixture
def sleeps() -> list[float]:
    return []


@pytest.fixture
def gateway(sandbox: Sandbox, journal: Journal, sleeps: list[float]) -> Gateway:
    return Gateway(KEY, journal=journal, api_base=sandbox.url, sleep=sleeps.append)


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
    return port


def only_entry(journal: Journal) -> JournalState:
    entries = journal.entries()
    assert len(entries) == 1
    return entries[0].state


# A read through the SDK's objects, and a backfill's list page read as raw JSON over the
# gateway's own kept-alive connection: both must fail the same way.
READS: dict[str, Callable[[Gateway], object]] = {
    "sdk": account.retrieve_account,
    "page": lambda gw: gw.read_json("list customers", "/v1/customers", {"limit": 1}),
}


# -- every error kind, provoked for real -------------------------------------------------


def test_declined_card(gateway: Gateway, journal: Journal) -> None:
    with pytest.raises(GatewayError) as caught:
        payment_intents.create_payment_intent(
            gateway,
            {
                "amount": 1250,
                "currency": "eur",
                "payment_method": "pm_card_chargeDeclined",
                "confirm": True,
            },
        )
    error = caught.value
    assert error.kind is ErrorKind.CARD_DECLINED
    assert str(error) == "Your card was declined."
    assert error.decline_code == "generic_decline"
    assert error.payment_intent_id is not None and error.payment_intent_id.startswith("pi_")
    assert error.request_id is not None and error.request_id.startswith("req_")
    assert error.idempotency_key is None
    # A decline is a final answer: the key is spent and nothing will re-send it.
    entry = journal.entries()[0]
    assert entry.state is JournalState.FAILED
    assert entry.error is not None and entry.error.startswith("card_declined")
    assert gateway.resolve_pending() == []


def test_recording_posts_gives_each_write_its_key_and_request_id(
    gateway: Gateway, journal: Journal
) -> None:
    answers: list[RequestRecord] = []
    gateway.add_request_hook(answers.append)
    with gateway.recording_posts() as posts:
        created = customers.create_customer(gateway, {"name": "Recorded"})
        account.retrieve_account(gateway)
        with pytest.raises(GatewayError):
            payment_intents.create_payment_intent(
                gateway,
                {"amount": 900, "currency": "eur", "payment_method": "pm_card_chargeDeclined",
                 "confirm": True},
            )
        elsewhere = threading.Thread(
            target=lambda: customers.create_customer(gateway, {"name": "Other thread"})
        )
        elsewhere.start()
        elsewhere.join()
    customers.create_customer(gateway, {"name": "After the block"})

    # Reads, other threads and requests after the block are not this block's writes.
    assert [p.operation for p in posts] == ["customers.create", "payment_intents.create"]
    by_key = {e.key: e for e in journal.entries()}
    assert by_key[posts[0].idempotency_key].object_id == created["id"]
    assert by_key[posts[1].idempotency_key].state is JournalState.FAILED
    post_answers = [a.request_id for a in answers if a.method == "POST"]
    assert [p.request_id for p in posts] == post_answers[:2]
    assert all(p.request_id and p.request_id.startswith("req_") for p in posts)


def test_card_needing_authentication_off_session(gateway: Gateway) -> None:
    customer = customers.create_customer(gateway, {"name": "Ana"})
    with pytest.raises(GatewayError) as caught:
        payment_intents.create_payment_intent(
            gateway,
            {
                "amount": 4000,
                "currency": "eur",
                "customer": customer["id"],
                "payment_method": "pm_card_authenticationRequired",
                "confirm": True,
                "off_session": True,
            },
        )
    assert caught.value.kind is ErrorKind.AUTHENTICATION_REQUIRED
    assert "payment link" in str(caught.value)
    # On session the same card is no error: the intent waits for the customer.
    intent = payment_intents.create_payment_intent(
        gateway,
        {
            "amount": 4000,
            "currency": "eur",
            "payment_method": "pm_card_authenticationRequired",
            "confirm": True,
            "return_url": "https://example.com/back",
        },
    )
    assert intent["status"] == "requires_action"


def test_missing_parameter_names_it(gateway: Gateway, journal: Journal) -> None:
    with pytest.raises(GatewayError) as caught:
        payment_methods.attach_payment_method(gateway, "pm_card_visa", {})
    assert caught.value.kind is ErrorKind.INVALID_REQUEST
    assert caught.value.param == "customer"
    assert str(caught.value) == "Missing required param: customer."
    assert only_entry(journal) is JournalState.FAILED


# Live keys never reach a sandbox at all (tests/test_gateway_hosts.py).
@pytest.mark.parametrize("bad_key", ["sk_test_has-a-dash!", "sk_test_"])
def test_rejected_keys_are_authentication_errors_without_the_key(
    sandbox: Sandbox, journal: Journal, bad_key: str
) -> None:
    gw = Gateway(bad_key, journal=journal, api_base=sandbox.url)
    errors = []
    with pytest.raises(GatewayError) as caught:
        account.retrieve_account(gw)
    errors.append(caught.value)
    with pytest.raises(GatewayError) as caught:
        customers.create_customer(gw, {"name": "x"})
    errors.append(caught.value)
    body = bad_key.split("_", 2)[2]
    for error in errors:
        assert error.kind is ErrorKind.AUTHENTICATION
        assert "profile settings" in str(error)
        assert not body or (body not in str(error) and body not in repr(error))
    assert only_entry(journal) is JournalState.FAILED


def test_read_only_restricted_key_may_read_but_not_write(
    sandbox: Sandbox, journal: Journal
) -> None:
    key = "rk_test_readonly_shopfloor1234567890"
    gw = Gateway(key, journal=journal, api_base=sandbox.url)
    assert customers.list_customers(gw) == ([], False)
    with pytest.raises(GatewayError) as caught:
        customers.create_customer(gw, {"name": "x"})
    error = caught.value
    assert error.kind is ErrorKind.PERMISSION
    assert str(error).startswith("This key lacks permission for customers.create")
    assert key not in repr(error) and "1234567890" not in str(error)
    assert only_entry(journal) is JournalState.FAILED


@pytest.mark.parametrize("read", READS.values(), ids=READS.keys())
def test_rate_limited_after_retries_run_out(journal: Journal,
                                            read: Callable[[Gateway], object]) -> None:
    with running(rate_limit=2) as sb:
        gw = Gateway(KEY, journal=journal, api_base=sb.url, rate_per_second=1000, max_retries=0)
        kinds = set()
        for _ in range(10):
            try:
                read(gw)
            except GatewayError as error:
                kinds.add(error.kind)
        assert kinds == {ErrorKind.RATE_LIMITED}


def test_rate_limited_write_succeeds_on_retry_with_the_same_key(journal: Journal) -> None:
    seen: list[RequestRecord] = []
    with running(rate_limit=2) as sb:
        # Real sleeps: the backoff must outlast the sandbox's one-second window.
        gw = Gateway(KEY, journal=journal, api_base=sb.url, rate_per_second=1000, max_retries=6)
        gw.add_request_hook(seen.append)
        account.retrieve_account(gw)
        account.retrieve_account(gw)
        created = customers.create_customer(gw, {"name": "Queued"})
        assert [c["id"] for c in iter_all(gw, "customers")] == [created["id"]]
    assert 429 in [r.status for r in seen]
    entry = journal.entries()[0]
    assert (entry.state, entry.object_id) == (JournalState.SUCCEEDED, created["id"])


def test_network_error_leaves_an_unknown_row_that_resend_completes(
    journal: Journal, sleeps: list[float]
) -> None:
    port = closed_port()
    gw = Gateway(
        KEY,
        journal=journal,
        api_base=f"http://127.0.0.1:{port}",
        max_retries=2,
        sleep=sleeps.append,
    )
    with pytest.raises(GatewayError) as caught:
        customers.create_customer(gw, {"name": "Offline"})
    error = caught.value
    assert error.kind is ErrorKind.NETWORK
    assert str(error) == "Stripe unreachable: try again when online"
    assert gw.request_count == 3
    assert len(sleeps) == 2 and sleeps[0] < sleeps[1]
    assert error.idempotency_key is not None
    assert only_entry(journal) is JournalState.UNKNOWN
    # An unknown row is not re-sent behind the user's back ...
    assert gw.resolve_pending() == []
    # ... but "try again" re-sends it, with the same key, once Stripe is back.
    with running(port=port):
        created = gw.resend(error.idempotency_key)
        assert [c["id"] for c in iter_all(gw, "customers")] == [created["id"]]
    entry = journal.entries()[0]
    assert (entry.state, entry.object_id) == (JournalState.SUCCEEDED, created["id"])


@pytest.mark.parametrize("read", READS.values(), ids=READS.keys())
def test_a_stalled_answer_times_out_as_a_network_error(
        journal: Journal, read: Callable[[Gateway], object]) -> None:
    with running(latency_ms=2000) as sb:
        gw = Gateway(KEY, journal=journal, api_base=sb.url, timeout=0.2, max_retries=0)
        with pytest.raises(GatewayError) as caught:
            read(gw)
    assert caught.value.kind is ErrorKind.NETWORK


@pytest.mark.parametrize("read", READS.values(), ids=READS.keys())
def test_an_unreachable_stripe_is_retried_then_a_network_error(
        journal: Journal, sleeps: list[float], read: Callable[[Gateway], object]) -> None:
    gw = Gateway(KEY, journal=journal, api_base=f"http://127.0.0.1:{closed_port()}",
                 max_retries=2, sleep=sleeps.append)
    with pytest.raises(GatewayError) as caught:
        read(gw)
    assert caught.value.kind is ErrorKind.NETWORK
    assert gw.request_count == 3 and len(sleeps) == 2


def test_pages_are_read_on_after_stripe_closed_the_kept_connection(journal: Journal) -> None:
    port = closed_port()
    with running(port=port, seed="demo") as sb:
        gw = Gateway(KEY, journal=journal, api_base=sb.url, max_retries=0)
        first = gw.read_json("list customers", "/v1/customers", {"limit": 2})
    # The server went away and came back: the connection this thread kept is dead, and the
    # next page is read on a new one without costing the caller an error or a retry.
    with running(port=port, seed="demo"):
        again = gw.read_json("list customers", "/v1/customers", {"limit": 2})
    assert len(first["data"]) == len(again["data"]) == 2
    assert gw.request_count == 2


@pytest.mark.parametrize("read", READS.values(), ids=READS.keys())
def test_stripe_failing_is_unavailable_or_unreachable(
        journal: Journal, read: Callable[[Gateway], object]) -> None:
    with running(fail_rate=1.0, fail_seed=7) as sb:
        gw = Gateway(KEY, journal=journal, api_base=sb.url, max_retries=0)
        errors = []
        for _ in range(12):
            with pytest.raises(GatewayError) as caught:
                read(gw)
            errors.append(caught.value)
    kinds = {e.kind for e in errors}
    assert kinds == {ErrorKind.STRIPE_UNAVAILABLE, ErrorKind.NETWORK}
    unavailable = next(e for e in errors if e.kind is ErrorKind.STRIPE_UNAVAILABLE)
    assert unavailable.http_status == 500
    assert "HTTP 500" in str(unavailable)


def test_reused_key_with_other_parameters_is_an_idempotency_error(
    gateway: Gateway, journal: Journal
) -> None:
    key = "shared-key-1"
    # Another program used this key first, with other parameters.
    gateway.client.v1.customers.create({"name": "First"}, {"idempotency_key": key})
    journal.begin(key, "customers.create", {"ids": [], "params": {"name": "Second"}})
    with pytest.raises(GatewayError) as caught:
        gateway.resend(key)
    assert caught.value.kind is ErrorKind.IDEMPOTENCY
    assert journal.entries()[0].state is JournalState.FAILED


def test_unknown_object_is_not_found(gateway: Gateway) -> None:
    with pytest.raises(GatewayError) as caught:
        customers.retrieve_customer(gateway, "cus_doesnotexist")
    assert caught.value.kind is ErrorKind.NOT_FOUND
    assert str(caught.value) == "No such customer: 'cus_doesnotexist'"


# -- retries with one key: exactly once ------------------------------------------------------


def test_flaky_stripe_still_creates_each_object_exactly_once(journal: Journal) -> None:
    seen: list[RequestRecord] = []
    with running(fail_rate=0.5, fail_seed=1234) as sb:
        gw = Gateway(
            KEY,
            journal=journal,
            api_base=sb.url,
            max_retries=40,
            rate_per_second=1000,
            sleep=lambda s: None,
        )
        gw.add_request_hook(seen.append)
        made = [customers.create_customer(gw, {"name": f"Customer {n}"}) for n in range(12)]
        paid = [
            payment_intents.create_payment_intent(
                gw,
                {
                    "amount": 100 + n,
                    "currency": "eur",
                    "payment_method": "pm_card_visa",
                    "confirm": True,
                },
            )
            for n in range(8)
        ]
        for customer in made[:4]:
            customers.delete_customer(gw, customer["id"])

        remaining = {c["id"] for c in iter_all(gw, "customers")}
        intents = list(iter_all(gw, "payment_intents"))

    assert remaining == {c["id"] for c in made[4:]}
    assert {i["id"] for i in intents} == {p["id"] for p in paid}
    assert sorted(i["amount"] for i in intents) == [100 + n for n in range(8)]
    assert {i["status"] for i in intents} == {"succeeded"}
    assert {e.state for e in journal.entries()} == {JournalState.SUCCEEDED}
    assert len(journal.entries()) == 12 + 8 + 4
    # The faults really happened: dropped answers were re-sent and replayed, not redone.
    assert any(r.status is None for r in seen)
    assert any(r.status == 500 for r in seen)
    assert any(r.replayed for r in seen)


def test_an_invoice_preview_is_sent_as_a_read(journal: Journal) -> None:
    seen: list[RequestRecord] = []
    with running(fail_rate=0.5, fail_seed=1234) as sb:
        gw = Gateway(KEY, journal=journal, api_base=sb.url, max_retries=40,
                     rate_per_second=1000, sleep=lambda s: None)
        customer = customers.create_customer(gw, {"name": "Preview"})
        invoice_items.create_invoice_item(
            gw, {"customer": customer["id"], "amount": 2500, "currency": "eur"}
        )
        gw.add_request_hook(seen.append)
        previews = [invoices.create_preview(gw, {"customer": customer["id"]}) for _ in range(6)]

    assert {p["amount_due"] for p in previews} == {2500}
    # Only the two creates are journaled; the previews' failed attempts were simply retried.
    assert [e.operation for e in journal.entries()] == ["customers.create", "invoice_items.create"]
    assert {r.path for r in seen} == {"/v1/invoices/create_preview"}
    assert any(r.status != 200 for r in seen)


def test_one_gateway_shared_by_worker_threads(journal: Journal) -> None:
    errors: list[BaseException] = []
    with running(fail_rate=0.3, fail_seed=99) as sb:
        gw = Gateway(
            KEY,
            journal=journal,
            api_base=sb.url,
            max_retries=30,
            rate_per_second=1000,
            sleep=lambda s: None,
        )

        def work(n: int) -> None:
            try:
                for i in range(6):
                    customers.create_customer(gw, {"name": f"T{n}-{i}"})
            except BaseException as exc:
                errors.append(exc)

        threads = [threading.Thread(target=work, args=(n,)) for n in range(5)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        names = sorted(c["name"] for c in iter_all(gw, "customers"))

    assert errors == []
    assert names == sorted(f"T{n}-{i}" for n in range(5) for i in range(6))
    assert [e.state for e in journal.entries()] == [JournalState.SUCCEEDED] * 30


def test_crash_after_a_charge_is_looked_up_not_resent(
    sandbox: Sandbox, journal: Journal
) -> None:
    crashing = Gateway(KEY, journal=journal, api_base=sandbox.url)

    def die_on_answer(record: RequestRecord) -> None:
        if record.method == "POST":
            raise SimulatedCrash

    crashing.add_request_hook(die_on_answer)
    with pytest.raises(SimulatedCrash):
        payment_intents.create_payment_intent(
            crashing,
            {"amount": 2500, "currency": "usd", "payment_method": "pm_card_visa", "confirm": True},
        )
    [pending] = journal.pending()

    seen: list[RequestRecord] = []
    restarted = Gateway(KEY, journal=journal, api_base=sandbox.url)
    restarted.add_request_hook(seen.append)
    [settled] = restarted.resolve_pending()

    intents = list(iter_all(restarted, "payment_intents"))
    assert len(intents) == 1
    assert (settled.key, settled.state, settled.object_id) == (
        pending.key,
        JournalState.SUCCEEDED,
        intents[0]["id"],
    )
    assert [r.method for r in seen] == ["GET"] * len(seen)  # looked up: no charge re-sent
    assert intents[0]["metadata"][METADATA_KEY] == pending.key


def test_an_interrupted_charge_not_found_waits_for_the_cashier(
    sandbox: Sandbox, gateway: Gateway, journal: Journal
) -> None:
    params = {"amount": 450, "currency": "usd", "customer": "cus_x", "confirm": True}
    journal.begin(
        "never-sent", "payment_intents.create", {"ids": [], "params": params}
    )
    journal.begin("name", "customers.create", {"ids": [], "params": {"name": "Late"}})
    settled = gateway.resolve_pending()
    assert [e.key for e in settled] == ["name"]  # a customer is re-sent; a charge is not
    [waiting] = gateway.awaiting_confirmation()
    assert waiting.key == "never-sent"
    assert list(iter_all(gateway, "payment_intents")) == []
    gateway.abandon("never-sent")
    assert gateway.awaiting_confirmation() == []
    entry = journal.get("never-sent")
    assert entry is not None and entry.state is JournalState.UNKNOWN


def test_one_key_per_tender_attempt_charges_once_even_when_sent_twice_at_once(
    gateway: Gateway, journal: Journal
) -> None:
    params: payment_intents.PaymentIntentCreateParams = {
        "amount": 450, "currency": "usd", "payment_method": "pm_card_visa", "confirm": True}
    results: list[str] = []

    def charge() -> None:
        results.append(
            payment_intents.create_payment_intent(gateway, params, idempotency_key="tender-1")[
                "id"]
        )

    clicks = [threading.Thread(target=charge) for _ in range(2)]
    for click in clicks:
        click.start()
    for click in clicks:
        click.join()
    assert len(set(results)) == 1 and len(results) == 2
    assert len(list(iter_all(gateway, "payment_intents"))) == 1
    assert only_entry(journal) is JournalState.SUCCEEDED
    with pytest.raises(ValueError, match="another request"):
        payment_intents.create_payment_intent(
            gateway, {**params, "amount": 999}, idempotency_key="tender-1")


def test_reconcile_settles_unknown_rows_by_their_tag(journal: Journal, clock: Clock) -> None:
    # Seed 0: the first answer is dropped after the commit, the second is a 500 before one.
    with running(fail_rate=1.0, fail_seed=0) as flaky:
        gw = Gateway(KEY, journal=journal, api_base=flaky.url, max_retries=0)
        keys = []
        for amount in (450, 990):
            with pytest.raises(GatewayError) as caught:
                payment_intents.create_payment_intent(
                    gw, {"amount": amount, "currency": "usd", "payment_method": "pm_card_visa",
                         "confirm": True})
            keys.append(caught.value.idempotency_key or "")
        flaky.options.fail_rate = 0.0
        assert [e.key for e in journal.entries(JournalState.UNKNOWN)] == keys
        [made] = iter_all(gw, "payment_intents")
        assert made["amount"] == 450
        assert [gw.reconcile(k).state for k in keys] == [
            JournalState.SUCCEEDED, JournalState.UNKNOWN]  # not found yet: maybe in flight
        clock.offset = 600  # long after the last attempt: what is not found never arrived
        assert [gw.reconcile(k).state for k in keys] == [
            JournalState.SUCCEEDED, JournalState.FAILED]
        assert journal.get(keys[0]).object_id == made["id"]  # type: ignore[union-attr]


def test_crash_before_sending_is_resolved_by_sending_once(
    gateway: Gateway, journal: Journal
) -> None:
    # The row was journaled, then the process died before the request left.
    journal.begin("never-sent", "customers.create", {"ids": [], "params": {"name": "Late"}})
    [settled] = gateway.resolve_pending()
    found = list(iter_all(gateway, "customers"))
    assert [c["name"] for c in found] == ["Late"]
    assert (settled.state, settled.object_id) == (JournalState.SUCCEEDED, found[0]["id"])
    assert gateway.resolve_pending() == []


def test_a_row_that_cannot_be_sent_is_set_aside(gateway: Gateway, journal: Journal) -> None:
    journal.begin("garbled", "customers.create", {"name": "no ids, no params"})
    journal.begin("retired", "loyalty.points.add", {"ids": [], "params": {}})
    journal.begin("fine", "customers.create", {"ids": [], "params": {"name": "Fine"}})
    settled = {e.key: e.state for e in gateway.resolve_pending()}
    assert settled == {
        "garbled": JournalState.UNKNOWN,
        "retired": JournalState.UNKNOWN,
        "fine": JournalState.SUCCEEDED,
    }


def test_a_revoked_key_leaves_pending_rows_for_later(sandbox: Sandbox, journal: Journal) -> None:
    journal.begin("k1", "customers.create", {"ids": [], "params": {"name": "A"}})
    revoked = Gateway("sk_test_expired_key", journal=journal, api_base=sandbox.url)
    assert revoked.resolve_pending() == []
    assert [e.key for e in journal.pending()] == ["k1"]


def test_pending_rows_stay_pending_while_offline(journal: Journal) -> None:
    journal.begin("k1", "customers.create", {"ids": [], "params": {"name": "A"}})
    journal.begin("k2", "customers.create", {"ids": [], "params": {"name": "B"}})
    gw = Gateway(
        KEY,
        journal=journal,
        api_base=f"http://127.0.0.1:{closed_port()}",
        max_retries=1,
        sleep=lambda s: None,
    )
    assert gw.resolve_pending() == []
    assert [e.key for e in journal.pending()] == ["k1", "k2"]
    # Gave up at the first row rather than waiting out every row's retries.
    assert gw.request_count == 2


def test_old_rows_stay_pending_while_the_look_up_cannot_run(journal: Journal, clock: Clock) -> None:
    clock.offset = -(DAY + 60)
    journal.begin("old", "customers.create", {"ids": [], "params": {"name": "A"}})
    clock.offset = 0
    gw = Gateway(
        KEY,
        journal=journal,
        api_base=f"http://127.0.0.1:{closed_port()}",
        max_retries=0,
    )
    assert gw.resolve_pending() == []
    assert [e.key for e in journal.pending()] == ["old"]


def test_rows_older_than_a_day_are_looked_up_not_resent(
    sandbox: Sandbox, journal: Journal, clock: Clock
) -> None:
    crashing = Gateway(KEY, journal=journal, api_base=sandbox.url)

    def die_on_answer(record: RequestRecord) -> None:
        if record.method == "POST":
            raise SimulatedCrash

    crashing.add_request_hook(die_on_answer)
    with pytest.raises(SimulatedCrash):
        customers.create_customer(crashing, {"name": "Made before the crash"})
    [made] = journal.pending()
    # Rows journaled but never sent: a create (findable by its tag) and an update (not).
    journal.begin(
        "lost-create",
        "customers.create",
        {"ids": [], "params": {"name": "Lost", "metadata": {METADATA_KEY: "lost-create"}}},
    )
    journal.begin("lost-update", "customers.update", {"ids": ["cus_x"], "params": {"name": "Z"}})

    clock.offset = DAY + 60  # the app was not started again for a day
    restarted = Gateway(KEY, journal=journal, api_base=sandbox.url)
    settled = {e.key: e for e in restarted.resolve_pending()}

    [customer] = iter_all(restarted, "customers")
    assert settled[made.key].state is JournalState.SUCCEEDED
    assert settled[made.key].object_id == customer["id"]
    assert settled["lost-create"].state is JournalState.FAILED
    assert settled["lost-update"].state is JournalState.UNKNOWN
    assert journal.pending() == []


def test_resend_refuses_keys_past_the_idempotency_window(
    gateway: Gateway, journal: Journal, clock: Clock
) -> None:
    clock.offset = -(DAY + 1)
    journal.begin("stale", "customers.create", {"ids": [], "params": {"name": "Old"}})
    clock.offset = 0
    with pytest.raises(ValueError, match="24 hours"):
        gateway.resend("stale")
    with pytest.raises(ValueError, match="no journaled request"):
        gateway.resend("missing")
