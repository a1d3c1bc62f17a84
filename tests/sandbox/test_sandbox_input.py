"""Hostile client input (issue 10, item 11): a malformed length, a body that is not UTF-8 or
a flood of metadata keys get Stripe's 400 `invalid_request_error` on a connection that stays
usable, and the sandbox prints no traceback for them."""

from __future__ import annotations

import http.client
import json
from typing import Any
from urllib.parse import urlsplit

import pytest
import stripe
from sdk_support import TEST_KEY

from posapp.sandbox import Sandbox

AUTH = {"Authorization": f"Bearer {TEST_KEY}"}
FORM = {**AUTH, "Content-Type": "application/x-www-form-urlencoded"}


def raw(sandbox: Sandbox, method: str, path: str, headers: dict[str, str],
        body: bytes = b"") -> tuple[int, dict[str, Any]]:
    """Send exactly these headers and bytes (http.client adds no Content-Length of its own)."""
    address = urlsplit(sandbox.url)
    connection = http.client.HTTPConnection(address.hostname or "", address.port, timeout=10)
    try:
        connection.putrequest(method, path, skip_accept_encoding=True)
        for name, value in headers.items():
            connection.putheader(name, value)
        connection.endheaders(body or None)
        response = connection.getresponse()
        return response.status, json.loads(response.read())
    finally:
        connection.close()


def assert_invalid_request(status: int, body: dict[str, Any], words: str) -> None:
    assert status == 400
    assert body["error"]["type"] == "invalid_request_error"
    assert words in body["error"]["message"]


@pytest.mark.parametrize("length", ["abc", "-5", "1e3"])
def test_malformed_content_length_is_a_400(sandbox: Sandbox, capfd: pytest.CaptureFixture[str],
                                           length: str) -> None:
    status, body = raw(sandbox, "POST", "/v1/customers",
                       {**FORM, "Content-Length": length}, b"name=Ann")
    assert_invalid_request(status, body, "Content-Length")
    assert "Traceback" not in capfd.readouterr().err


def test_a_body_that_is_not_utf8_is_a_400(sandbox: Sandbox,
                                          capfd: pytest.CaptureFixture[str]) -> None:
    body = b"name=\xff\xfe\xc3"
    status, answer = raw(sandbox, "POST", "/v1/customers",
                         {**FORM, "Content-Length": str(len(body))}, body)
    assert_invalid_request(status, answer, "UTF-8")
    assert sandbox.state.count("customer") == 0
    assert "Traceback" not in capfd.readouterr().err


def test_a_query_string_that_is_not_utf8_is_a_400(sandbox: Sandbox) -> None:
    status, body = raw(sandbox, "GET", "/v1/customers?email=%ff%fe", AUTH)
    assert_invalid_request(status, body, "UTF-8")


def test_five_thousand_metadata_keys_are_refused_at_fifty(
        sandbox: Sandbox, capfd: pytest.CaptureFixture[str]) -> None:
    body = "&".join(f"metadata[k{n}]=v" for n in range(5000)).encode()
    status, answer = raw(sandbox, "POST", "/v1/customers",
                         {**FORM, "Content-Length": str(len(body))}, body)
    assert_invalid_request(status, answer, "50")
    assert answer["error"]["param"] == "metadata"
    assert sandbox.state.count("customer") == 0
    assert "Traceback" not in capfd.readouterr().err


def test_fifty_metadata_keys_are_fine_and_fifty_one_are_not(sandbox: Sandbox) -> None:
    def create(count: int) -> tuple[int, dict[str, Any]]:
        body = "&".join(f"metadata[k{n}]=v" for n in range(count)).encode()
        return raw(sandbox, "POST", "/v1/customers",
                   {**FORM, "Content-Length": str(len(body))}, body)
    status, customer = create(50)
    assert status == 200 and len(customer["metadata"]) == 50
    assert create(51)[0] == 400


def test_a_huge_form_is_refused_before_it_is_decoded(sandbox: Sandbox) -> None:
    body = b"&".join(b"description[%d]=x" % n for n in range(200_000))
    status, answer = raw(sandbox, "POST", "/v1/customers",
                         {**FORM, "Content-Length": str(len(body))}, body)
    assert status == 400
    assert answer["error"]["type"] == "invalid_request_error"


def test_an_unreadable_body_does_not_burn_its_idempotency_key(sandbox: Sandbox) -> None:
    bad = b"name=\xff"
    headers = {**FORM, "Idempotency-Key": "once"}
    assert raw(sandbox, "POST", "/v1/customers",
               {**headers, "Content-Length": str(len(bad))}, bad)[0] == 400
    good = b"name=Ann"
    status, customer = raw(sandbox, "POST", "/v1/customers",
                           {**headers, "Content-Length": str(len(good))}, good)
    assert status == 200 and customer["name"] == "Ann"


def test_a_number_beyond_64_bits_and_non_ascii_text_come_back_as_sent(
        client: stripe.StripeClient, capfd: pytest.CaptureFixture[str]) -> None:
    """Answers are written by orjson, which refuses integers beyond 64 bits: those answers
    are still written (by json), not a 500."""
    customer = client.v1.customers.create(params={"name": "Anna 陈 ☕",
                                                  "next_invoice_sequence": 2**70})
    again = client.v1.customers.retrieve(customer.id)
    assert (again.name, again.next_invoice_sequence) == ("Anna 陈 ☕", 2**70)
    assert "Traceback" not in capfd.readouterr().err
