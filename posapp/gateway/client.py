"""The Gateway: one Stripe client per profile, with journaled, retried, rate-limited requests.

Every mutating request goes through `Gateway.write`: a journal row (new idempotency key,
operation, parameters) is written *before* anything is sent, the key is reused on every
retry, and the row is settled with the result. A row still pending when the app starts
again (it crashed between sending and hearing back) is settled by `resolve_pending`.

Outcomes of a mutating request, as the journal records them:

- *succeeded*: Stripe answered 2xx (possibly replaying an earlier attempt with the key).
- *failed*: Stripe answered with a 4xx that ends the key; nothing was done.
- *unknown*: retries ran out on a network error, 409, 429 or 5xx; Stripe may or may not
  have done it. The raised `GatewayError` carries the key, and `resend(key)` finishes it
  with the same key while the cashier is there ("Check again"). Such rows are never
  re-sent by themselves: a cashier who gave up on a payment must not find the customer
  charged the next morning. `reconcile(key)` settles them later without sending a money
  write again: creates are looked up by the `posapp_idempotency_key` metadata the gateway
  adds to them.
- *pending*: the process stopped mid-request; `resolve_pending` settles these at the next
  start. A write that moves money is looked up first and never re-sent there: when it is not
  found it stays pending until the cashier says whether to send it again
  (`awaiting_confirmation`, then `resend` or `abandon`). Other writes younger than Stripe's
  24-hour idempotency window are re-sent with the same key. Older rows cannot be re-sent
  (the key has expired, so a re-send could do it twice): creates are looked up and marked
  succeeded (found) or failed (not found); anything else is marked unknown for a person to
  check.
"""

from __future__ import annotations

import logging
import random
import threading
import time
import uuid
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Final, TypeVar
from urllib.parse import urlsplit

import orjson
import stripe

from posapp.gateway.errors import ErrorKind, ForbiddenThreadError, GatewayError, translate
from posapp.gateway.hosts import api_base_problem, destination_problem
from posapp.gateway.keepalive import KeepAliveGets
from posapp.gateway.paging import ListResource, iter_all
from posapp.gateway.ratelimit import RateLimiter
from posapp.gateway.retry import backoff_delay, retry_after, should_retry
from posapp.keys import KeyFormatError, Mode, mode_from_key
from posapp.store.journal import Journal, JournalEntry, JournalState, params_hash

log = logging.getLogger(__name__)

# The SDK otherwise writes ~/.config/stripe/telemetry_id (ignoring --data-dir) and reports
# request timings and the platform to Stripe with every request.
stripe.enable_telemetry = False

API_VERSION: Final[str] = stripe.api_version
METADATA_KEY: Final = "posapp_idempotency_key"
IDEMPOTENCY_WINDOW: Final = 24 * 3600.0
UNSAFE_API_BASE: Final = "unsafe_api_base"
DEFAULT_RATES: Final[dict[Mode, float]] = {"test": 25.0, "live": 100.0}
# Stripe's `created` and the journal's clock come from different machines.
_CLOCK_SLACK = 3600.0
# An unknown create not found this long after its last attempt never reached Stripe.
RECONCILE_GRACE: Final = 120.0

Call = Callable[
    [stripe.StripeClient, tuple[str, ...], Any, stripe.RequestOptions], stripe.StripeObject
]
Refetch = Callable[[stripe.StripeClient, tuple[str, ...]], Any]
Done = Callable[["Gateway", tuple[str, ...]], bool]
_Answer = TypeVar("_Answer")


@dataclass(frozen=True)
class Operation:
    """A mutating Stripe call the journal can name and `resolve_pending` can send again.

    `call(client, ids, params, options)` performs it; `ids` are the path parameters.
    `find_in` names the list where a create tagged with `METADATA_KEY` shows up (creates
    whose object has metadata). `refetch(client, ids)` is set for DELETE requests, which
    Stripe does not make idempotent: when a repeated attempt hears "no such object", the
    first one did the job, and `refetch` reads the object as it now is. `moves_money`: a
    charge, capture or refund, which is never sent again without a person's word.
    `done(gateway, ids)` says whether an interrupted money write on an existing object
    (paying an invoice) is already done at Stripe, found by reading that object.
    """

    name: str
    call: Call
    find_in: ListResource | None = None
    refetch: Refetch | None = None
    moves_money: bool = False
    done: Done | None = None


_OPERATIONS: dict[str, Operation] = {}


def moves_money(operation_name: str) -> bool:
    """Whether the registered operation `operation_name` charges, captures or refunds."""
    op = _OPERATIONS.get(operation_name)
    return op is not None and op.moves_money


def operation(
    name: str,
    call: Call,
    *,
    find_in: ListResource | None = None,
    refetch: Refetch | None = None,
    moves_money: bool = False,
    done: Done | None = None,
) -> Operation:
    """Define and register a mutating operation under a unique name."""
    if name in _OPERATIONS:
        raise ValueError(f"operation {name!r} is defined twice")
    op = Operation(name, call, find_in, refetch, moves_money, done)
    _OPERATIONS[name] = op
    return op


@dataclass(frozen=True)
class RequestRecord:
    """One HTTP exchange with Stripe, as request hooks see it (no key, no query string)."""

    method: str
    path: str
    status: int | None
    request_id: str | None
    replayed: bool


RequestHook = Callable[[RequestRecord], None]


@dataclass(frozen=True)
class PostRecord:
    """One journaled mutating request as `Gateway.recording_posts` reports it.

    `request_id` is Stripe's id of the last answer heard (None when none came).
    """

    operation: str
    idempotency_key: str
    request_id: str | None


class _HttpClient(stripe.RequestsClient):
    """The SDK's requests client with the gateway's checks before and hooks after each call."""

    def __init__(
        self,
        timeout: float,
        api_key: str,
        before: Callable[[], None],
        after: Callable[[RequestRecord], None],
    ) -> None:
        super().__init__(timeout=timeout)
        self._api_key = api_key
        self._before = before
        self._after = after
        self._kept = threading.local()
        self._gets = KeepAliveGets(timeout)

    @contextmanager
    def keeping_bodies(self) -> Iterator[list[bytes]]:
        """Collect the bodies of this thread's 2xx answers inside the block, handing the SDK
        an empty object instead: its parse (stdlib JSON into OrderedDicts) of a list page
        costs more CPU than the caller's own `orjson` parse of the body. Their GETs go over
        this thread's kept-alive connection (`KeepAliveGets`) instead of `requests`."""
        kept: list[bytes] = []
        self._kept.bodies = kept
        try:
            yield kept
        finally:
            self._kept.bodies = None

    def request(
        self,
        method: str,
        url: str,
        headers: Mapping[str, str] | None,
        post_data: Any = None,
        *,
        _usage: list[str] | None = None,
    ) -> tuple[Any, int, Mapping[str, str]]:
        # `_usage` and the Any content reconcile the SDK's two differing base signatures.
        problem = destination_problem(self._api_key, url)
        if problem is not None:
            # Raised as Stripe would answer a bad request: nothing was sent, the key ends.
            raise stripe.InvalidRequestError(  # type: ignore[no-untyped-call]
                problem, "api_base", code=UNSAFE_API_BASE, http_status=400,
                json_body={"error": {"message": problem, "code": UNSAFE_API_BASE}})
        self._before()
        path = urlsplit(url).path
        kept: list[bytes] | None = getattr(self._kept, "bodies", None)
        try:
            if kept is not None and method == "get" and self._gets.usable:
                content, status, rheaders = self._gets.get(url, headers or {})
            else:
                content, status, rheaders = super().request(method, url, headers, post_data)
        except stripe.APIConnectionError:
            self._after(RequestRecord(method.upper(), path, None, None, False))
            raise
        replayed = rheaders.get("Idempotent-Replayed", "").lower() == "true"
        self._after(
            RequestRecord(method.upper(), path, status, rheaders.get("Request-Id"), replayed)
        )
        if kept is not None and 200 <= status < 300:
            kept.append(content)
            content = b"{}"
        return content, status, rheaders


def _mode(api_key: str) -> Mode:
    # A malformed key is still sent: Stripe's 401 then tells the user what is wrong.
    try:
        return mode_from_key(api_key)
    except KeyFormatError:
        return "test"


class Gateway:
    """All of PosApp's traffic with Stripe for one profile.

    `rate_per_second` defaults to Stripe's limit for the key's mode (test 25, live 100).
    An `api_base` the key must not be sent to (see `hosts`) raises GatewayError
    (INVALID_REQUEST, code `unsafe_api_base`) here, before anything is sent.
    `max_retries` counts retries after the first attempt. `sleep` waits between retries
    (tests pass one that does not). `stripe_account`: a platform's gateway for one of its
    connected accounts; every request carries it as the `Stripe-Account` header, as every
    request carries the key.
    """

    def __init__(
        self,
        api_key: str,
        *,
        journal: Journal,
        api_base: str | None = None,
        rate_per_second: float | None = None,
        timeout: float = 20.0,
        max_retries: int = 4,
        sleep: Callable[[float], None] = time.sleep,
        stripe_account: str | None = None,
    ) -> None:
        problem = api_base_problem(api_key, api_base)
        if problem is not None:
            raise GatewayError(ErrorKind.INVALID_REQUEST, problem, code=UNSAFE_API_BASE)
        self.mode: Mode = _mode(api_key)
        self.journal = journal
        self.api_base = api_base
        self.stripe_account = stripe_account
        self._api_key = api_key
        self._timeout = timeout
        self.max_retries = max_retries
        self._sleep = sleep
        self.rate_per_second = rate_per_second or DEFAULT_RATES[self.mode]
        self._limiter = RateLimiter(self.rate_per_second)
        self._lock = threading.Lock()
        self._request_count = 0
        self._forbidden: set[threading.Thread] = set()
        self._hooks: list[RequestHook] = []
        self._recorders = threading.local()
        self._http = _HttpClient(timeout, api_key, self._before_request, self._after_request)
        self.client = stripe.StripeClient(
            api_key,
            stripe_account=stripe_account,
            base_addresses={"api": api_base} if api_base else None,
            max_network_retries=0,
            http_client=self._http,
        )

    def __repr__(self) -> str:
        acting = f", stripe_account={self.stripe_account!r}" if self.stripe_account else ""
        return f"Gateway(mode={self.mode!r}, api_base={self.api_base!r}{acting})"

    def for_account(self, stripe_account: str, *, journal: Journal) -> Gateway:
        """A gateway with this one's key and settings acting for the connected account
        `stripe_account` (its own `journal`: its writes are re-sent with its header)."""
        gateway = Gateway(self._api_key, journal=journal, api_base=self.api_base,
                          rate_per_second=self.rate_per_second, timeout=self._timeout,
                          max_retries=self.max_retries, sleep=self._sleep,
                          stripe_account=stripe_account)
        with self._lock:
            gateway._forbidden = set(self._forbidden)
        return gateway

    # -- observation and guards ----------------------------------------------------------

    @property
    def request_count(self) -> int:
        """HTTP requests sent so far, retries and pages included."""
        with self._lock:
            return self._request_count

    def forbid_thread(self, thread: threading.Thread) -> None:
        """Make every request from `thread` raise ForbiddenThreadError (the GUI thread)."""
        with self._lock:
            self._forbidden.add(thread)

    def add_request_hook(self, hook: RequestHook) -> None:
        """Call `hook` after every HTTP exchange, on the requesting thread.

        An exception from a hook propagates to the caller as it is.
        """
        with self._lock:
            self._hooks.append(hook)

    @contextmanager
    def recording_posts(self) -> Iterator[list[PostRecord]]:
        """Collect, in order, a `PostRecord` for every mutating request (`write`, `resend`)
        this thread finishes inside the block, whether it succeeded or raised.

        For callers that keep their own record of a change (the audit log) next to the
        object the typed operation returns.
        """
        posts: list[PostRecord] = []
        if not hasattr(self._recorders, "active"):
            self._recorders.active = []
        active: list[list[PostRecord]] = self._recorders.active
        active.append(posts)
        try:
            yield posts
        finally:
            active.remove(posts)

    def _check_thread(self) -> None:
        current = threading.current_thread()
        with self._lock:
            forbidden = current in self._forbidden
        if forbidden:
            raise ForbiddenThreadError(
                f"Stripe request from thread {current.name!r}, which must not block on the "
                "network: run it through the worker"
            )

    def _before_request(self) -> None:
        self._check_thread()
        self._limiter.acquire()
        with self._lock:
            self._request_count += 1

    def _after_request(self, record: RequestRecord) -> None:
        log.debug(
            "%s %s -> %s %s%s",
            record.method,
            record.path,
            record.status if record.status is not None else "no answer",
            record.request_id or "",
            " (replayed)" if record.replayed else "",
        )
        with self._lock:
            hooks = list(self._hooks)
        for hook in hooks:
            hook(record)

    # -- requests ------------------------------------------------------------------------

    def read(
        self, operation: str, call: Callable[[stripe.StripeClient], stripe.StripeObject]
    ) -> dict[str, Any]:
        """Perform a read-only request, retrying transient failures; the result as a dict."""
        self._check_thread()
        obj, exc, _ = self._attempts(lambda: call(self.client))
        if exc is not None:
            raise translate(exc, operation)
        assert obj is not None
        return obj.to_dict(for_json=True)

    def read_json(self, operation: str, path: str, params: Mapping[str, Any]) -> dict[str, Any]:
        """`read` of `GET path?params`, the answer's JSON taken as it is, without building
        the SDK's objects (for list pages, where those cost more CPU than the request)."""
        data: dict[str, Any] = orjson.loads(self.read_body(operation, path, params))
        return data

    def read_body(self, operation: str, path: str, params: Mapping[str, Any]) -> bytes:
        """`read_json`'s answer unparsed: the JSON bytes, to be parsed elsewhere (the
        backfill's page workers)."""
        self._check_thread()
        with self._http.keeping_bodies() as bodies:
            _, exc, _ = self._attempts(lambda: self.client.raw_request("get", path, **params))
        if exc is not None:
            raise translate(exc, operation)
        # Only a 2xx answer ends the attempts without an error, and it is the last one kept.
        return bodies[-1]

    def write(
        self,
        op: Operation,
        params: Mapping[str, Any] | None,
        ids: Sequence[str] = (),
        *,
        key: str | None = None,
    ) -> dict[str, Any]:
        """Perform the mutating request `op` with a journaled idempotency key.

        `ids` are the path parameters (the object acted on). `key` is the caller's own key
        for one tender attempt (default: a new one): writing with it again, even while the
        first write is in flight, sends the same request with the same key, so Stripe does it once.
        Raises ValueError when `key` was used for a different request. Raises GatewayError;
        when its `idempotency_key` is set the outcome is unknown and `resend` may finish it.
        """
        self._check_thread()
        key = key or str(uuid.uuid4())
        body = dict(params or {})
        if op.find_in is not None:
            metadata = body.get("metadata")
            body["metadata"] = {
                **(metadata if isinstance(metadata, Mapping) else {}),
                METADATA_KEY: key,
            }
        request = {"ids": list(ids), "params": body}
        entry, new = self.journal.claim(key, op.name, request)
        if not new and (entry.operation, entry.params_hash) != (op.name, params_hash(request)):
            raise ValueError("this idempotency key was used for another request")
        if not new and self.journal.now() - entry.created >= IDEMPOTENCY_WINDOW:
            raise ValueError("this request is older than 24 hours and cannot be re-sent safely")
        # Send what the journal holds, so a later re-send is byte-for-byte the same request.
        return self._send(op, entry, sent_before=not new)

    def resend(self, key: str) -> dict[str, Any]:
        """Send the journaled request `key` again with the same key and parameters.

        For a request whose outcome is unknown ("try again"): Stripe replays the first
        result if it got that far, so nothing happens twice. Refused (ValueError) once the
        key is older than Stripe's 24-hour idempotency window.
        """
        self._check_thread()
        entry = self.journal.get(key)
        if entry is None:
            raise ValueError(f"no journaled request with key {key!r}")
        if self.journal.now() - entry.created >= IDEMPOTENCY_WINDOW:
            raise ValueError("this request is older than 24 hours and cannot be re-sent safely")
        return self._send(_OPERATIONS[entry.operation], entry, sent_before=True)

    def resolve_pending(self) -> list[JournalEntry]:
        """Settle journal rows left pending by a crash; returns them as settled.

        As the module docstring explains: money writes are looked up, never re-sent (those
        not found stay pending for `awaiting_confirmation`); other rows younger than 24 hours
        are re-sent with their key; older rows are looked up or marked unknown. Once Stripe
        cannot be reached (or no longer accepts the key) the remaining rows stay pending for
        the next start: this raises only ForbiddenThreadError.
        """
        self._check_thread()
        settled: list[JournalEntry] = []
        for entry in self.journal.pending():
            op = _OPERATIONS.get(entry.operation)
            unreachable = False
            try:
                self._settle_interrupted(op, entry)
            except GatewayError:
                unreachable = True  # unless the row says what happened
            except Exception:
                # A row that cannot be sent must not stop every later start-up.
                log.exception("could not settle journaled %s", entry.operation)
                self.journal.mark_unknown(entry.key, error="could not be re-sent: see log")
            now = self.journal.get(entry.key)
            assert now is not None
            if now.state is not JournalState.PENDING:
                settled.append(now)
            elif unreachable:
                return settled
        return settled

    def awaiting_confirmation(self) -> list[JournalEntry]:
        """Money writes a crash interrupted that `resolve_pending` could not find at Stripe:
        only a person may have them sent again (`resend`) or dropped (`abandon`)."""
        return [
            e
            for e in self.journal.pending()
            if (op := _OPERATIONS.get(e.operation)) is not None and op.moves_money
        ]

    def abandon(self, key: str) -> None:
        """The cashier chose not to send the interrupted money write `key` again.

        It is marked unknown, not failed: the interrupted attempt may still land, and
        `reconcile` finds it then.
        """
        self.journal.mark_unknown(key, error="not sent again: the cashier said no")

    def reconcile(self, key: str) -> JournalEntry:
        """Settle the unknown row `key` without sending a money write again, and return it.

        Creates are looked up by their metadata tag: found is succeeded; not found
        `RECONCILE_GRACE` seconds after the last attempt is failed (it never reached Stripe).
        Other writes that move no money are re-sent with their key within 24 hours. What
        cannot be settled stays unknown. Raises GatewayError when Stripe cannot be reached.
        """
        self._check_thread()
        entry = self.journal.get(key)
        if entry is None:
            raise ValueError(f"no journaled request with key {key!r}")
        op = _OPERATIONS.get(entry.operation)
        if entry.state is not JournalState.UNKNOWN or op is None:
            return entry
        if op.find_in is not None:
            found = self._find_tagged(op.find_in, entry)
            if found is not None:
                self.journal.succeed(key, object_id=found["id"], request_id=None)
            elif self.journal.now() - entry.updated >= RECONCILE_GRACE:
                self.journal.fail(key, error="never reached Stripe: no object carries its key")
        elif not op.moves_money and self.journal.now() - entry.created < IDEMPOTENCY_WINDOW:
            self._send(op, entry, sent_before=True)
        settled = self.journal.get(key)
        assert settled is not None
        return settled

    def _settle_interrupted(self, op: Operation | None, entry: JournalEntry) -> None:
        if op is None:
            self.journal.mark_unknown(entry.key, error=f"unknown operation {entry.operation}")
            return
        young = self.journal.now() - entry.created < IDEMPOTENCY_WINDOW
        if op.find_in is not None and (op.moves_money or not young):
            found = self._find_tagged(op.find_in, entry)
            if found is not None:
                self.journal.succeed(entry.key, object_id=found["id"], request_id=None)
            elif not (op.moves_money and young):
                self.journal.fail(
                    entry.key, error="never reached Stripe: no object carries its key"
                )
        elif op.done is not None and op.moves_money and op.done(
                self, tuple(entry.params["ids"])):
            self.journal.succeed(entry.key, object_id=entry.params["ids"][0], request_id=None)
        elif op.moves_money and young:
            return  # a person decides
        elif young:
            self._send(op, entry, sent_before=True, keep_pending=True)
        else:
            self.journal.mark_unknown(
                entry.key,
                error="left pending for more than 24 hours: check the object in the Dashboard",
            )

    def _send(
        self,
        op: Operation,
        entry: JournalEntry,
        *,
        sent_before: bool,
        keep_pending: bool = False,
    ) -> dict[str, Any]:
        """Send a journaled request and settle its row.

        `sent_before`: an earlier process or call may already have sent it. `keep_pending`:
        when retries run out, leave the row pending (for the next start) instead of unknown.
        """
        ids = tuple(entry.params["ids"])
        params = entry.params["params"]
        options: stripe.RequestOptions = {"idempotency_key": entry.key}
        obj, exc, attempts = self._attempts(lambda: op.call(self.client, ids, params, options))
        if exc is None:
            assert obj is not None
            result = obj.to_dict(for_json=True)
            response = obj.last_response
            request_id = response.request_id if response is not None else None
            self.journal.succeed(entry.key, object_id=result.get("id"), request_id=request_id)
            self._note_post(op, entry, request_id)
            return result
        error = translate(exc, op.name)
        self._note_post(op, entry, error.request_id)
        if op.refetch and error.kind is ErrorKind.NOT_FOUND and (sent_before or attempts > 1):
            result = self._refetch(op.name, op.refetch, ids)
            self.journal.succeed(entry.key, object_id=ids[0], request_id=error.request_id)
            return result
        if sent_before and error.kind in (ErrorKind.AUTHENTICATION, ErrorKind.PERMISSION):
            # Refused at the door this time: says nothing about what an earlier attempt did.
            raise error
        if should_retry(exc):
            # Out of retries with the outcome undetermined, unless an earlier attempt with
            # this key was already settled (a look-up found it): that stays as it was.
            error.idempotency_key = entry.key
            now = self.journal.get(entry.key)
            settled = now is not None and now.state in (
                JournalState.SUCCEEDED, JournalState.FAILED)
            if not keep_pending and not settled:
                self.journal.mark_unknown(entry.key, error=f"{error.kind}: {error.message}")
        else:
            self.journal.fail(
                entry.key,
                error=f"{error.code or error.kind}: {error.message}",
                request_id=error.request_id,
            )
        raise error

    def _note_post(self, op: Operation, entry: JournalEntry, request_id: str | None) -> None:
        record = PostRecord(op.name, entry.key, request_id)
        for posts in getattr(self._recorders, "active", ()):
            posts.append(record)

    def _refetch(self, name: str, refetch: Refetch, ids: tuple[str, ...]) -> dict[str, Any]:
        try:
            return self.read(name, lambda c: refetch(c, ids))
        except GatewayError as error:
            if error.kind is not ErrorKind.NOT_FOUND:
                raise
            return {"id": ids[0], "deleted": True}

    def _attempts(
        self, send: Callable[[], _Answer]
    ) -> tuple[_Answer | None, stripe.StripeError | None, int]:
        """Call `send` until it succeeds, fails for good or runs out of retries.

        Returns the object or the last error, and the number of attempts. The error is
        returned, not raised, so the caller's exception carries no SDK context (the raw
        HTTP body of an SDK error may echo part of the key).
        """
        attempt = 0
        while True:
            attempt += 1
            try:
                return send(), None, attempt
            except stripe.StripeError as exc:
                if attempt > self.max_retries or not should_retry(exc):
                    return None, exc, attempt
                delay = backoff_delay(attempt, retry_after=retry_after(exc), rand=random.random)
            log.info("retrying a Stripe request in %.2f s (attempt %d)", delay, attempt + 1)
            self._sleep(delay)

    def _find_tagged(self, resource: ListResource, entry: JournalEntry) -> dict[str, Any] | None:
        oldest = entry.created - _CLOCK_SLACK
        for obj in iter_all(self, resource, {}):
            if obj.get("created", oldest) < oldest:
                return None
            metadata = obj.get("metadata") or {}
            if metadata.get(METADATA_KEY) == entry.key:
                return obj
        return None
