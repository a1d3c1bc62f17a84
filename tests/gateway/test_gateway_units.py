"""Gateway parts that need no server: rate limiter, retry policy, backoff, error translation,
guards."""

from __future__ import annotations

import bisect
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import stripe
from hypothesis import example, given, settings
from hypothesis import strategies as st

from posapp.gateway import ErrorKind, ForbiddenThreadError, Gateway, customers, iter_all
from posapp.gateway.errors import GatewayError, translate
from posapp.gateway.ratelimit import RateLimiter
from posapp.gateway.retry import backoff_delay, retry_after, should_retry
from posapp.store.journal import Journal

SECRET = "sk_test_51Hx9QkLmNoPqRsTuVwXyZ0123456789abcdEFGH"


class FakeClock:
    """Monotonic time the test controls; `sleep` advances it instead of waiting."""

    def __init__(self) -> None:
        self.now = 100.0
        self.slept: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds


# -- rate limiter ------------------------------------------------------------------------


def busiest_second(moments: list[float]) -> int:
    """The most requests sent within any half-open one-second window (Stripe's count);
    requests a nanosecond short of a second apart (float rounding) count as a second."""
    moments = sorted(moments)
    return max(bisect.bisect_left(moments, t + 1.0 - 1e-9) - i for i, t in enumerate(moments))


def test_back_to_back_requests_keep_the_rate_from_the_first_one() -> None:
    clock = FakeClock()
    limiter = RateLimiter(10, slack=0, clock=clock, sleep=clock.sleep)
    sent = []
    for _ in range(100):
        limiter.acquire()
        sent.append(clock.now)
    assert sent[:3] == pytest.approx([100, 100.08, 100.16])  # spread out, no burst
    assert busiest_second(sent) == 10
    assert clock.now == pytest.approx(109.72)  # 10 per second throughout


def test_idle_time_buys_no_burst() -> None:
    clock = FakeClock()
    limiter = RateLimiter(4, slack=0, clock=clock, sleep=clock.sleep)
    limiter.acquire()
    clock.now += 0.1  # part of the spacing has passed
    assert limiter.acquire() == pytest.approx(0.1)
    clock.now += 3600  # an hour idle still allows one request at once, then spacing
    assert [limiter.acquire() for _ in range(3)] == pytest.approx([0, 0.2, 0.2])


@settings(max_examples=200, deadline=None)
@given(rate=st.integers(1, 100), slack=st.sampled_from([0.0, 0.05]),
       gaps=st.lists(st.floats(0, 0.5, allow_nan=False), min_size=1, max_size=300),
       late=st.lists(st.floats(0, 0.5, allow_nan=False), min_size=1, max_size=300))
# A caller woken late, then one woken on time: spacing by booked moments would send three.
@example(rate=2, slack=0.0, gaps=[0.0] * 4, late=[0.45, 0.0, 0.0])
def test_no_one_second_window_ever_holds_more_than_the_rate(
    rate: int, slack: float, gaps: list[float], late: list[float]
) -> None:
    clock = FakeClock()

    def oversleep(seconds: float) -> None:
        # A process stalled past the wake-up time (GC, scheduling) must not catch up.
        clock.sleep(seconds + late[len(clock.slept) % len(late)])

    limiter = RateLimiter(rate, slack=slack, clock=clock, sleep=oversleep)
    sent = []
    for gap in gaps:
        clock.now += gap
        limiter.acquire()
        sent.append(clock.now)
    assert busiest_second(sent) <= rate
    # Jitter of up to `slack` that brings requests closer still keeps Stripe's count.
    assert busiest_second([t - slack * (n % 2) for n, t in enumerate(sent)]) <= rate


def test_requests_after_a_stall_go_at_the_rate_not_all_at_once() -> None:
    clock = FakeClock()
    limiter = RateLimiter(10, slack=0, clock=clock, sleep=clock.sleep)
    limiter.acquire()
    clock.now += 0.55  # the process stalls while requests queue up
    assert [limiter.acquire() for _ in range(4)] == pytest.approx([0, 0.08, 0.08, 0.08])


def test_limiter_shared_by_threads_lets_them_through_one_at_a_time() -> None:
    clock = FakeClock()  # moves only when a waiting caller sleeps
    limiter = RateLimiter(20, slack=0.05, clock=clock, sleep=clock.sleep)
    waits: list[float] = []
    lock = threading.Lock()

    def take() -> None:
        wait = limiter.acquire()
        with lock:
            waits.append(wait)

    threads = [threading.Thread(target=take) for _ in range(12)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(waits) == pytest.approx([0] + [0.8 * 1.05 / 20] * 11)
    assert clock.now == pytest.approx(100 + 11 * 0.8 * 1.05 / 20)


def test_rate_must_be_positive_and_slack_not_negative() -> None:
    with pytest.raises(ValueError):
        RateLimiter(0)
    with pytest.raises(ValueError):
        RateLimiter(25, slack=-0.1)


# -- retry policy and backoff --------------------------------------------------------------


def make(cls: Callable[..., stripe.StripeError], *args: Any, **kwargs: Any) -> stripe.StripeError:
    """An SDK exception, built as the SDK builds it from an HTTP answer."""
    return cls(*args, **kwargs)


def _api_error(status: int, headers: dict[str, str] | None = None) -> stripe.StripeError:
    body = {"error": {"type": "api_error", "message": "boom"}}
    return stripe.APIError("boom", "{}", status, body, headers or {})


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (make(stripe.APIConnectionError, "refused", should_retry=True), True),
        (make(stripe.APIConnectionError, "bad certificate", should_retry=False), False),
        (_api_error(500), True),
        (_api_error(503), True),
        (_api_error(409), True),
        (stripe.RateLimitError("slow down", "{}", 429, {}, {}), True),
        (make(stripe.InvalidRequestError, "Missing param", "amount", http_status=400), False),
        (make(stripe.CardError, "declined", None, "card_declined", http_status=402), False),
        (_api_error(500, {"Stripe-Should-Retry": "false"}), False),
        (_api_error(400, {"stripe-should-retry": "true"}), True),
    ],
)
def test_which_failures_are_retried(error: stripe.StripeError, expected: bool) -> None:
    assert should_retry(error) is expected


def test_backoff_doubles_from_half_a_second_up_to_eight_with_jitter() -> None:
    low = [backoff_delay(n, retry_after=None, rand=lambda: 0.0) for n in range(1, 8)]
    high = [backoff_delay(n, retry_after=None, rand=lambda: 1.0) for n in range(1, 8)]
    assert low == [0.25, 0.5, 1, 2, 4, 4, 4]
    assert high == [0.5, 1, 2, 4, 8, 8, 8]


def test_retry_after_is_a_floor_capped_at_a_minute() -> None:
    error = stripe.RateLimitError("slow", "{}", 429, {}, {"Retry-After": "3"})
    assert retry_after(error) == 3
    assert backoff_delay(1, retry_after=retry_after(error), rand=lambda: 0.5) == 3
    assert backoff_delay(5, retry_after=3, rand=lambda: 1.0) == 8
    huge = stripe.RateLimitError("slow", "{}", 429, {}, {"Retry-After": "86400"})
    assert retry_after(huge) == 60
    assert retry_after(stripe.RateLimitError("x", "{}", 429, {}, {"Retry-After": "soon"})) is None


# -- error translation ---------------------------------------------------------------------


def _card_error(**error: Any) -> stripe.StripeError:
    body = {"error": {"type": "card_error", **error}}
    return make(
        stripe.CardError,
        error.get("message"),
        error.get("param"),
        error.get("code"),
        http_body="{}",
        http_status=402,
        json_body=body,
        headers={"request-id": "req_123"},
    )


def test_declined_card_keeps_stripes_message_and_the_details() -> None:
    error = translate(
        _card_error(
            code="card_declined",
            decline_code="insufficient_funds",
            message="Your card has insufficient funds.",
            payment_intent={"id": "pi_42", "status": "requires_payment_method"},
        ),
        "payment_intents.confirm",
    )
    assert error.kind is ErrorKind.CARD_DECLINED
    assert str(error) == "Your card has insufficient funds."
    assert (error.code, error.decline_code, error.payment_intent_id, error.request_id) == (
        "card_declined",
        "insufficient_funds",
        "pi_42",
        "req_123",
    )


def test_off_session_authentication_is_its_own_kind() -> None:
    error = translate(
        _card_error(
            code="authentication_required",
            decline_code="authentication_required",
            message="This payment requires authentication.",
        ),
        "payment_intents.create",
    )
    assert error.kind is ErrorKind.AUTHENTICATION_REQUIRED
    assert "payment link" in str(error)


@pytest.mark.parametrize(
    ("error", "kind", "phrase"),
    [
        (make(stripe.APIConnectionError, "Network error: refused"), ErrorKind.NETWORK, "try again"),
        (_api_error(502), ErrorKind.STRIPE_UNAVAILABLE, "HTTP 502"),
        (_api_error(409), ErrorKind.STRIPE_UNAVAILABLE, "HTTP 409"),
        (
            stripe.APIError(
                "Another request is using this key",
                "{}",
                409,
                {"error": {"type": "idempotency_error", "code": "idempotency_key_in_use"}},
                {},
            ),
            ErrorKind.STRIPE_UNAVAILABLE,
            "try again",
        ),
        (stripe.RateLimitError("slow", "{}", 429, {}, {}), ErrorKind.RATE_LIMITED, "moment"),
        (stripe.PermissionError("nope", "{}", 403, {}, {}), ErrorKind.PERMISSION, "refunds.create"),
        (stripe.IdempotencyError("keys", "{}", 400, {}, {}), ErrorKind.IDEMPOTENCY, "nothing"),
        (
            make(
                stripe.InvalidRequestError,
                "No such charge: 'ch_1'",
                "charge",
                "resource_missing",
                http_status=404,
                json_body={"error": {"code": "resource_missing", "param": "charge"}},
            ),
            ErrorKind.NOT_FOUND,
            "No such charge",
        ),
    ],
)
def test_kinds_and_cashier_messages(
    error: stripe.StripeError, kind: ErrorKind, phrase: str
) -> None:
    translated = translate(error, "refunds.create")
    assert translated.kind is kind
    assert phrase in str(translated)


def test_network_message_is_the_offline_sentence() -> None:
    error = translate(make(stripe.APIConnectionError, "HTTPConnectionPool ..."), "customers.list")
    assert str(error) == "Stripe unreachable: try again when online"


def test_invalid_request_names_the_parameter() -> None:
    body = {
        "error": {
            "type": "invalid_request_error",
            "code": "parameter_missing",
            "param": "amount",
            "message": "Missing required param: amount.",
        }
    }
    error = translate(
        make(
            stripe.InvalidRequestError,
            "Missing required param: amount.",
            "amount",
            "parameter_missing",
            "{}",
            400,
            body,
        ),
        "payment_intents.create",
    )
    assert error.kind is ErrorKind.INVALID_REQUEST
    assert (error.param, error.code) == ("amount", "parameter_missing")
    assert str(error) == "Missing required param: amount."


def test_no_key_survives_in_message_or_repr() -> None:
    echoed = f"Invalid API Key provided: {SECRET}"
    auth = translate(stripe.AuthenticationError(echoed, "{}", 401, {}, {}), "account.retrieve")
    invalid = translate(
        make(
            stripe.InvalidRequestError,
            echoed,
            None,
            http_status=400,
            json_body={"error": {"type": "invalid_request_error", "message": echoed}},
        ),
        "customers.create",
    )
    for error in (auth, invalid):
        for text in (str(error), repr(error), error.message, str(error.args)):
            assert SECRET not in text
            assert "0123456789" not in text
    assert "sk_test_…EFGH" in str(invalid)
    assert auth.kind is ErrorKind.AUTHENTICATION


# -- gateway guards that act before any request ----------------------------------------------


@pytest.fixture
def journal(tmp_path: Path) -> Journal:
    return Journal(tmp_path / "journal.sqlite")


def test_gateway_repr_never_shows_the_key(journal: Journal) -> None:
    gw = Gateway(SECRET, journal=journal, api_base="http://127.0.0.1:9")
    assert SECRET not in repr(gw)
    assert "0123456789" not in repr(gw)
    assert gw.mode == "test"


def test_live_keys_get_the_live_rate(journal: Journal) -> None:
    live = Gateway("rk_live_" + "a" * 30, journal=journal)
    test = Gateway("sk_test_abc", journal=journal)
    assert (live.mode, live.rate_per_second) == ("live", 100.0)
    assert (test.mode, test.rate_per_second) == ("test", 25.0)
    assert Gateway("sk_test_abc", journal=journal, rate_per_second=3).rate_per_second == 3


def test_forbidden_thread_is_refused_before_anything_is_journaled(journal: Journal) -> None:
    gw = Gateway("sk_test_abc", journal=journal, api_base="http://127.0.0.1:9")
    gw.forbid_thread(threading.current_thread())
    with pytest.raises(ForbiddenThreadError):
        customers.create_customer(gw, {"name": "A"})
    with pytest.raises(ForbiddenThreadError):
        customers.list_customers(gw)
    with pytest.raises(ForbiddenThreadError):
        gw.resolve_pending()
    with pytest.raises(ForbiddenThreadError):
        list(iter_all(gw, "customers"))
    with pytest.raises(ForbiddenThreadError):
        gw.client.v1.customers.list()  # even the SDK used directly
    assert journal.entries() == []
    assert gw.request_count == 0


def test_list_pages_are_retried_counted_and_translated_like_other_reads(
    journal: Journal,
) -> None:
    slept: list[float] = []
    gw = Gateway("sk_test_abc", journal=journal, api_base="http://127.0.0.1:9",
                 max_retries=2, sleep=slept.append)
    with pytest.raises(GatewayError) as raised:
        next(iter_all(gw, "checkout.sessions", {"status": "open"}))
    assert raised.value.kind is ErrorKind.NETWORK
    assert str(raised.value) == "Stripe unreachable: try again when online"
    assert gw.request_count == 3
    assert len(slept) == 2
