"""Customers against a live sandbox: edits reach Stripe and the cache, metadata limits are
enforced before sending, saved cards are managed, and new cards are collected on a hosted
page."""

from __future__ import annotations

import urllib.parse
import urllib.request

import pytest
from services_support import assert_audited, cached, customer_with_card

from posapp.gateway import METADATA_KEY, ErrorKind, GatewayError, checkout
from posapp.services import customers
from posapp.services.customers import ContactError, MetadataError, check_metadata
from posapp.services.session import Session


def test_create_update_and_delete_a_customer(session: Session) -> None:
    created = customers.create_customer(
        session,
        name="李雷",
        email="lilei@example.com",
        phone="+86 10 5555 0100",
        address={"city": "Beijing", "country": "CN"},
        metadata={"loyalty": "gold"},
    )
    assert cached(session, "customers", created["id"])["name"] == "李雷"

    customers.update_customer(
        session, created["id"], description="Regular", metadata={"loyalty": "", "table": "4"}
    )
    updated = cached(session, "customers", created["id"])
    assert updated["description"] == "Regular"
    assert updated["metadata"] == {"table": "4", METADATA_KEY: created["metadata"][METADATA_KEY]}

    customers.delete_customer(session, created["id"])
    assert cached(session, "customers", created["id"]).get("deleted") is True
    assert session.cache.page("customers").rows == []
    for action in ("customer.create", "customer.update", "customer.delete"):
        assert_audited(session, action)


def test_deleting_a_customer_twice_is_refused(session: Session) -> None:
    created = customers.create_customer(session, name="Gone Soon")
    customers.delete_customer(session, created["id"])

    with pytest.raises(GatewayError) as raised:
        customers.delete_customer(session, created["id"])

    assert raised.value.kind is ErrorKind.NOT_FOUND


def test_only_profile_fields_are_edited(session: Session) -> None:
    with pytest.raises(ValueError, match="balance"):
        customers.update_customer(session, "cus_123", balance=-500)


@pytest.mark.parametrize(
    ("metadata", "message"),
    [
        ({f"key{i}": "v" for i in range(50)}, "at most 50 metadata keys; this would make 51"),
        ({"k" * 41: "v"}, "has 41 characters; Stripe allows 40"),
        ({"note": "x" * 501}, "has 501 characters; Stripe allows 500"),
        ({"a[b]": "v"}, "square brackets"),
        ({" ": "v"}, "cannot be empty"),
    ],
)
def test_metadata_over_stripe_limits_is_refused_before_sending(
    session: Session, metadata: dict[str, str], message: str
) -> None:
    sent = session.gateway.request_count

    with pytest.raises(MetadataError, match=message.replace("[", r"\[")):
        customers.create_customer(session, name="Too Much", metadata=metadata)

    assert session.gateway.request_count == sent


def test_metadata_at_the_limits_is_accepted(session: Session) -> None:
    # 49 keys: the gateway's idempotency tag is the 50th.
    metadata = {f"{i:02d}".ljust(40, "k"): "v" * 500 for i in range(49)}

    created = customers.create_customer(session, name="Full", metadata=metadata)

    assert len(created["metadata"]) == 50
    assert {k: v for k, v in created["metadata"].items() if k != METADATA_KEY} == metadata
    with pytest.raises(MetadataError, match="would make 51"):
        customers.update_customer(session, created["id"], metadata={"one more": "v"})
    customers.update_customer(session, created["id"], metadata={"00".ljust(40, "k"): ""})
    assert len(cached(session, "customers", created["id"])["metadata"]) == 49


def test_check_metadata_counts_what_the_merge_leaves() -> None:
    current = {f"k{i}": "v" for i in range(50)}
    assert check_metadata({"k0": "", "new": "v"}, current) == {"k0": "", "new": "v"}
    with pytest.raises(MetadataError):
        check_metadata({"new": "v"}, current)


def test_default_card_is_set_and_a_card_detached(session: Session) -> None:
    customer_id, first = customer_with_card(session)
    second = customers.list_payment_methods(session, customer_id)[0]["id"]
    assert second == first

    customers.set_default_payment_method(session, customer_id, first)
    customer = cached(session, "customers", customer_id)
    assert customer["invoice_settings"]["default_payment_method"] == first

    customers.detach_payment_method(session, first)
    assert customers.list_payment_methods(session, customer_id) == []
    assert cached(session, "payment_methods", first)["customer"] is None
    assert_audited(session, "payment_method.detach")


def test_collect_card_link_saves_a_card_on_the_customer(session: Session) -> None:
    customer_id, _ = customer_with_card(session)

    setup = customers.collect_card_link(session, customer_id)

    assert setup["mode"] == "setup" and setup["customer"] == customer_id
    assert cached(session, "checkout_sessions", setup["id"])["status"] == "open"
    form = urllib.parse.urlencode({"card": "5555555555554444"}).encode()
    with urllib.request.urlopen(urllib.request.Request(setup["url"], data=form), timeout=10):
        pass
    assert checkout.retrieve_session(session.gateway, setup["id"])["status"] == "complete"
    brands = {m["card"]["brand"] for m in customers.list_payment_methods(session, customer_id)}
    assert brands == {"visa", "mastercard"}


@pytest.mark.parametrize(("fields", "code"), [
    ({"email": "wang.fang@"}, "email"), ({"email": "a b@example.com"}, "email"),
    ({"phone": "call me"}, "phone"), ({"phone": "+1 2"}, "phone"),
    ({"phone": "1" * 21}, "phone"),
])
def test_contact_fields_stripe_would_not_reach_are_refused_before_sending(
        session: Session, fields: dict[str, str], code: str) -> None:
    sent = session.gateway.request_count
    with pytest.raises(ContactError) as raised:
        customers.create_customer(session, name="Wang", **fields)
    assert raised.value.code == code
    assert session.gateway.request_count == sent


def test_contact_fields_are_kept_as_typed_once_checked(session: Session) -> None:
    created = customers.create_customer(session, name="Wang", email="wang.fang@例子.中国",
                                        phone="+86 10 1234 5678")
    assert (created["email"], created["phone"]) == ("wang.fang@例子.中国", "+86 10 1234 5678")
    cleared = customers.update_customer(session, created["id"], email="", phone="")
    assert not cleared["email"] and not cleared["phone"]
