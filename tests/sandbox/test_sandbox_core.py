"""The sandbox framework through the official SDK: lists and cursors, expand, parameter
validation, metadata limits, idempotency, auth, rate limits and injected faults."""

from __future__ import annotations

import base64
import json
import urllib.error
import urllib.request
from typing import Any

import pytest
import stripe
from sandbox_support import sdk

from posapp.sandbox import Sandbox, running


def http(server: Sandbox, method: str, path: str, headers: dict[str, str],
         body: str = "") -> tuple[int, dict[str, Any], dict[str, str]]:
    """A raw request, for what the SDK will not send (no key, odd headers)."""
    request = urllib.request.Request(server.url + path, data=body.encode() or None,
                                     headers=headers, method=method)
    try:
        with urllib.request.urlopen(request) as response:
            return response.status, json.loads(response.read()), dict(response.headers)
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read()), dict(error.headers)


def make_customers(client: stripe.StripeClient, count: int) -> list[str]:
    return [client.v1.customers.create(params={"name": f"C{n}"}).id for n in range(count)]


# lists and cursors -------------------------------------------------------------------------

def test_lists_are_newest_first_with_has_more_and_url(client: stripe.StripeClient) -> None:
    ids = make_customers(client, 5)
    page = client.v1.customers.list(params={"limit": 2})
    assert [c.id for c in page.data] == [ids[4], ids[3]]
    assert page.has_more is True
    assert page.url == "/v1/customers"


def test_cursors_page_older_and_newer(client: stripe.StripeClient) -> None:
    ids = make_customers(client, 5)
    older = client.v1.customers.list(params={"limit": 2, "starting_after": ids[3]})
    assert [c.id for c in older.data] == [ids[2], ids[1]]
    assert older.has_more is True
    newer = client.v1.customers.list(params={"limit": 2, "ending_before": ids[1]})
    assert [c.id for c in newer.data] == [ids[3], ids[2]]
    assert newer.has_more is True
    newest = client.v1.customers.list(params={"ending_before": ids[3]})
    assert [c.id for c in newest.data] == [ids[4]]
    assert newest.has_more is False


def test_auto_paging_walks_every_object_once(client: stripe.StripeClient) -> None:
    ids = make_customers(client, 7)
    seen = [c.id for c in client.v1.customers.list(params={"limit": 3}).auto_paging_iter()]
    assert seen == list(reversed(ids))


@pytest.mark.parametrize("limit", [0, 101])
def test_limit_outside_1_to_100_is_rejected(client: stripe.StripeClient, limit: int) -> None:
    with pytest.raises(stripe.InvalidRequestError) as caught:
        client.v1.customers.list(params={"limit": limit})
    assert caught.value.http_status == 400
    assert caught.value.param == "limit"


def test_both_cursors_or_an_unknown_cursor_are_errors(client: stripe.StripeClient) -> None:
    ids = make_customers(client, 2)
    with pytest.raises(stripe.InvalidRequestError) as both:
        client.v1.customers.list(params={"starting_after": ids[0], "ending_before": ids[1]})
    assert both.value.http_status == 400
    with pytest.raises(stripe.InvalidRequestError) as unknown:
        client.v1.customers.list(params={"starting_after": "cus_doesnotexist"})
    assert unknown.value.http_status == 404
    assert unknown.value.code == "resource_missing"
    assert unknown.value.param == "starting_after"


def test_created_filters_bound_the_list(client: stripe.StripeClient, sandbox: Sandbox) -> None:
    old = client.v1.customers.create(params={"name": "old"})
    sandbox.state.clock_offset = 1000
    new = client.v1.customers.create(params={"name": "new"})
    after = client.v1.customers.list(params={"created": {"gt": old.created}})
    assert [c.id for c in after.data] == [new.id]
    upto = client.v1.customers.list(params={"created": {"lte": old.created}})
    assert [c.id for c in upto.data] == [old.id]
    with pytest.raises(stripe.InvalidRequestError) as caught:
        client.raw_request("get", "/v1/customers", created={"gt": "yesterday"})
    assert caught.value.param == "created[gt]"


Row = tuple[str, int, str, bool]  # id, created, email, deleted


def listed_page(rows: list[Row], limit: int, created: int | dict[str, int] | None,
                email: str | None, after: str | None,
                before: str | None) -> tuple[list[str], bool]:
    """What a list page holds by definition: `rows` newest first (creation order reversed),
    deleted customers and those outside `created` or of another `email` left out, the page
    after or before a cursor's place, `has_more` when kept rows remain beyond it."""
    bounds = ({"gte": created, "lte": created} if isinstance(created, int)
              else created or {})

    def keep(row: Row) -> bool:
        _id, at, mail, deleted = row
        return (not deleted and (email is None or mail == email)
                and at > bounds.get("gt", at - 1) and at >= bounds.get("gte", at)
                and at < bounds.get("lt", at + 1) and at <= bounds.get("lte", at))
    ids = [row[0] for row in rows]
    if before is not None:
        kept = [row[0] for row in rows[:ids.index(before)] if keep(row)]
        return kept[-limit:], len(kept) > limit
    start = 0 if after is None else ids.index(after) + 1
    kept = [row[0] for row in rows[start:] if keep(row)]
    return kept[:limit], len(kept) > limit


@pytest.mark.parametrize("made_late", [0, 2], ids=["created_order", "some_made_late"])
def test_created_windows_with_cursors_page_as_defined_over_equal_seconds(
        client: stripe.StripeClient, made_late: int) -> None:
    """Every `created` window with every cursor over customers sharing `created` seconds
    (four a second, one deleted; with `some_made_late`, two made last on an older second)
    gives the page the definition gives: the backfill's windows rely on it."""
    base = 1_750_000_000
    clocks = [client.v1.test_helpers.test_clocks.create(params={"frozen_time": base + 10 * n})
              for n in range(5)]
    made = [(clock.id, n) for clock in clocks for n in range(4)]
    made += [(clocks[1].id, 4 + n) for n in range(made_late)]
    customers = [client.v1.customers.create(params={
        "test_clock": clock, "email": f"{'ab'[n % 2]}@example.com"}) for clock, n in made]
    client.v1.customers.delete(customers[6].id)
    rows = [(c.id, c.created, c.email or "", c.id == customers[6].id)
            for c in reversed(customers)]
    windows: list[int | dict[str, int] | None] = [
        None, {"gte": base + 10}, {"lt": base + 30}, {"gt": base + 10, "lte": base + 30},
        {"gte": base + 10, "lt": base + 40}, base + 20, {"gt": base + 40}]
    cursors = [(None, None)] + [(row[0], None) for row in rows] + [(None, row[0])
                                                                    for row in rows]
    for created in windows:
        for email in (None, "a@example.com"):
            for after, before in cursors if email is None else cursors[:1]:
                params: dict[str, Any] = {"limit": 3}
                for name, value in (("created", created), ("email", email),
                                    ("starting_after", after), ("ending_before", before)):
                    if value is not None:
                        params[name] = value
                page = client.v1.customers.list(params=params)  # type: ignore[arg-type]
                assert ([c.id for c in page.data], page.has_more) == listed_page(
                    rows, 3, created, email, after, before), params


# expand -----------------------------------------------------------------------------------

def paid_intent(client: stripe.StripeClient, customer: str | None = None) -> stripe.PaymentIntent:
    params: dict[str, Any] = {"amount": 1500, "currency": "usd",
                              "payment_method": "pm_card_visa", "confirm": True}
    if customer:
        params["customer"] = customer
    return client.v1.payment_intents.create(params=params)  # type: ignore[arg-type]


def test_expand_replaces_ids_with_objects_including_nested_paths(
        client: stripe.StripeClient) -> None:
    customer = client.v1.customers.create(params={"email": "ann@example.com"})
    pi = paid_intent(client, customer.id)
    plain = client.v1.payment_intents.retrieve(pi.id)
    assert isinstance(plain.latest_charge, str)
    expanded = client.v1.payment_intents.retrieve(
        pi.id, params={"expand": ["customer", "latest_charge.balance_transaction",
                                  "payment_method"]})
    assert isinstance(expanded.customer, stripe.Customer)
    assert expanded.customer.email == "ann@example.com"
    charge = expanded.latest_charge
    assert isinstance(charge, stripe.Charge)
    assert isinstance(charge.balance_transaction, stripe.BalanceTransaction)
    method: Any = expanded.payment_method
    assert isinstance(method, stripe.PaymentMethod)
    assert method.card is not None
    assert method.card.last4 == "4242"
    # As on Stripe, a charge's payment_method is an id that cannot be expanded.
    with pytest.raises(stripe.InvalidRequestError, match=r"\(payment_method\)"):
        client.v1.payment_intents.retrieve(
            pi.id, params={"expand": ["latest_charge.payment_method"]})
    # The stored object is untouched by rendering.
    assert isinstance(client.v1.payment_intents.retrieve(pi.id).latest_charge, str)


def test_expand_data_prefix_applies_to_every_list_item(client: stripe.StripeClient) -> None:
    customer = client.v1.customers.create(params={"name": "Bo"})
    paid_intent(client, customer.id)
    paid_intent(client, customer.id)
    page = client.v1.payment_intents.list(params={"expand": ["data.customer"], "limit": 10})
    assert len(page.data) == 2
    for pi in page.data:
        assert isinstance(pi.customer, stripe.Customer)
        assert pi.customer.name == "Bo"


# parameters ---------------------------------------------------------------------------------

def test_unknown_parameter_is_rejected_by_name(client: stripe.StripeClient,
                                               sandbox: Sandbox) -> None:
    with pytest.raises(stripe.InvalidRequestError) as caught:
        client.raw_request("post", "/v1/customers", nickname="x")
    assert caught.value.user_message == "Received unknown parameter: nickname"
    assert caught.value.param == "nickname"
    assert sandbox.state.count("customer") == 0


def test_missing_required_parameter_is_named(client: stripe.StripeClient) -> None:
    with pytest.raises(stripe.InvalidRequestError) as caught:
        client.v1.payment_intents.create(params={"amount": 500})  # type: ignore[typeddict-item]
    assert caught.value.user_message == "Missing required param: currency."
    assert caught.value.code == "parameter_missing"


def test_metadata_limits_and_unsetting(client: stripe.StripeClient) -> None:
    customer = client.v1.customers.create(params={"metadata": {"a": "1", "b": "2"}})
    updated = client.v1.customers.update(customer.id, params={"metadata": {"a": ""}})
    assert updated.metadata is not None and updated.metadata.to_dict() == {"b": "2"}
    with pytest.raises(stripe.InvalidRequestError) as long_key:
        client.v1.customers.update(customer.id, params={"metadata": {"k" * 41: "v"}})
    assert "40 characters" in (long_key.value.user_message or "")
    with pytest.raises(stripe.InvalidRequestError) as long_value:
        client.v1.customers.update(customer.id, params={"metadata": {"k": "v" * 501}})
    assert "500 characters" in (long_value.value.user_message or "")
    with pytest.raises(stripe.InvalidRequestError) as too_many:
        client.v1.customers.update(
            customer.id, params={"metadata": {f"k{n}": "v" for n in range(50)}})
    assert too_many.value.param == "metadata"
    kept = client.v1.customers.retrieve(customer.id).metadata
    assert kept is not None and kept.to_dict() == {"b": "2"}


# idempotency -------------------------------------------------------------------------------

def test_same_key_same_params_replays_the_stored_response(client: stripe.StripeClient,
                                                          sandbox: Sandbox) -> None:
    options: stripe.RequestOptions = {"idempotency_key": "key-1"}
    first = client.v1.customers.create(params={"name": "Ann"}, options=options)
    again = client.v1.customers.create(params={"name": "Ann"}, options=options)
    assert again.id == first.id
    assert sandbox.state.count("customer") == 1
    assert again.last_response is not None
    assert again.last_response.headers["Idempotent-Replayed"] == "true"
    assert first.last_response is not None
    assert "Idempotent-Replayed" not in first.last_response.headers
    assert first.last_response.headers["Request-Id"].startswith("req_")


def test_same_key_other_params_is_an_idempotency_error(client: stripe.StripeClient) -> None:
    options: stripe.RequestOptions = {"idempotency_key": "key-2"}
    client.v1.customers.create(params={"name": "Ann"}, options=options)
    with pytest.raises(stripe.IdempotencyError) as caught:
        client.v1.customers.create(params={"name": "Bob"}, options=options)
    assert caught.value.http_status == 400
    assert "key-2" in (caught.value.user_message or "")


def test_a_declined_payment_is_replayed_not_retried(client: stripe.StripeClient,
                                                    sandbox: Sandbox) -> None:
    options: stripe.RequestOptions = {"idempotency_key": "pay-1"}
    params: Any = {"amount": 900, "currency": "usd", "confirm": True,
                   "payment_method": "pm_card_chargeDeclined"}
    with pytest.raises(stripe.CardError) as first:
        client.v1.payment_intents.create(params=params, options=options)
    with pytest.raises(stripe.CardError) as again:
        client.v1.payment_intents.create(params=params, options=options)
    assert first.value.error is not None and again.value.error is not None
    assert first.value.error.payment_intent is not None
    assert again.value.error.payment_intent is not None
    assert again.value.error.payment_intent.id == first.value.error.payment_intent.id
    assert sandbox.state.count("payment_intent") == 1


def test_validation_errors_do_not_burn_the_key(client: stripe.StripeClient) -> None:
    options: stripe.RequestOptions = {"idempotency_key": "key-3"}
    with pytest.raises(stripe.InvalidRequestError):
        client.raw_request("post", "/v1/customers", nickname="x", idempotency_key="key-3")
    created = client.v1.customers.create(params={"name": "Ann"}, options=options)
    assert created.name == "Ann"


# auth -------------------------------------------------------------------------------------

@pytest.mark.parametrize(("headers", "words"), [
    ({}, "did not provide an API key"),
    ({"Authorization": "Bearer sk_test_"}, "Invalid API Key"),
    ({"Authorization": "Bearer pk_test_abc"}, "Invalid API Key"),
    ({"Authorization": "Basic bm90LWJhc2U2NA==!"}, "did not provide an API key"),
    ({"Authorization": "Token sk_test_abc"}, "did not provide an API key"),
])
def test_missing_or_malformed_keys_get_401(sandbox: Sandbox, headers: dict[str, str],
                                           words: str) -> None:
    status, body, response_headers = http(sandbox, "GET", "/v1/customers", headers)
    assert status == 401
    assert body["error"]["type"] == "invalid_request_error"
    assert words in body["error"]["message"]
    assert response_headers["Request-Id"].startswith("req_")


def test_live_keys_are_refused_with_a_sandbox_message(sandbox: Sandbox) -> None:
    with pytest.raises(stripe.AuthenticationError) as caught:
        sdk(sandbox, "sk_live_" + "abcdef123456").v1.customers.list()
    message = caught.value.user_message or ""
    assert "only accepts test mode keys" in message
    assert "abcdef123456" not in message


def test_restricted_readonly_key_may_read_but_not_write(sandbox: Sandbox) -> None:
    reader = sdk(sandbox, "rk_test_readonly_abc123")
    assert reader.v1.customers.list().data == []
    with pytest.raises(stripe.PermissionError) as caught:
        reader.v1.customers.create(params={"name": "x"})
    assert caught.value.http_status == 403
    assert sandbox.state.count("customer") == 0
    assert sdk(sandbox, "rk_test_writer123").v1.customers.create().id.startswith("cus_")


def test_a_sandbox_started_with_its_keys_refuses_others_as_stripe_does() -> None:
    with running(api_keys=("sk_test_known",)) as server:
        assert sdk(server, "sk_test_known").v1.customers.list().data == []
        with pytest.raises(stripe.AuthenticationError) as caught:
            sdk(server, "sk_test_unknown123").v1.customers.list()
        assert caught.value.http_status == 401
        assert caught.value.user_message == "Invalid API Key provided: sk_test_************n123"


def test_http_basic_auth_carries_the_key_as_curl_u_sends_it(sandbox: Sandbox) -> None:
    token = base64.b64encode(b"sk_test_abc:").decode()
    status, body, _ = http(sandbox, "GET", "/v1/customers", {"Authorization": f"Basic {token}"})
    assert (status, body["object"]) == (200, "list")


def test_stripe_version_is_read_and_another_one_refused(sandbox: Sandbox) -> None:
    auth = {"Authorization": "Bearer sk_test_abc"}
    status, _, headers = http(sandbox, "GET", "/v1/customers",
                              {**auth, "Stripe-Version": "2026-10-28.endive"})
    assert status == 200 and headers["Stripe-Version"] == "2026-10-28.endive"
    status, body, _ = http(sandbox, "GET", "/v1/customers",
                           {**auth, "Stripe-Version": "2020-08-27"})
    assert status == 400
    assert body["error"]["message"].startswith("Invalid Stripe API version: 2020-08-27")


# reliability knobs -------------------------------------------------------------------------

def test_rate_limit_answers_429_with_retry_hint() -> None:
    with running(rate_limit=2) as server:
        client = sdk(server)
        errors: list[stripe.RateLimitError] = []
        for _ in range(10):
            try:
                client.v1.customers.list()
            except stripe.RateLimitError as error:
                errors.append(error)
        assert errors
        assert errors[0].http_status == 429
        assert errors[0].error is not None
        assert errors[0].error.code == "rate_limit"
        assert errors[0].headers is not None
        assert errors[0].headers["Stripe-Should-Retry"] == "true"


def test_fail_rate_errors_and_drops_after_committing() -> None:
    with running(fail_rate=1.0, fail_seed=7) as server:
        client = sdk(server)
        server_errors = 0
        dropped: list[str] = []
        for n in range(12):
            try:
                client.v1.customers.create(params={"name": f"c{n}"},
                                           options={"idempotency_key": f"k{n}"})
            except stripe.APIConnectionError:
                dropped.append(f"k{n}")
            except stripe.APIError as error:
                assert error.http_status == 500
                server_errors += 1
        assert server_errors and dropped
        # 500s never executed; dropped requests committed before the connection was cut.
        assert server.state.count("customer") == len(dropped)
        server.options.fail_rate = 0.0
        retried = client.v1.customers.create(params={"name": "c" + dropped[0][1:]},
                                             options={"idempotency_key": dropped[0]})
        assert retried.last_response is not None
        assert retried.last_response.headers["Idempotent-Replayed"] == "true"
        assert server.state.count("customer") == len(dropped)


def test_unknown_route_is_stripe_404(client: stripe.StripeClient) -> None:
    with pytest.raises(stripe.InvalidRequestError) as caught:
        client.raw_request("get", "/v1/nonsense")
    assert caught.value.http_status == 404
    assert caught.value.code is None
    assert str(caught.value.user_message).startswith("Unrecognized request URL (GET: /v1/nonsense)")


# events -----------------------------------------------------------------------------------

def test_updated_events_carry_only_the_changed_keys_of_hashes(
        client: stripe.StripeClient) -> None:
    customer = client.v1.customers.create(params={"metadata": {"a": "1", "b": "2"}})
    client.v1.customers.update(customer.id, params={"name": "Ann",
                                                    "metadata": {"a": "", "c": "3"}})
    event = client.v1.events.list(params={"type": "customer.updated"}).data[0]
    assert event.data.object["name"] == "Ann"
    assert event.request is not None and event.request.id is not None
    previous = event.data.previous_attributes
    assert previous is not None
    assert previous.to_dict() == {"name": None, "metadata": {"a": "1", "c": None}}
