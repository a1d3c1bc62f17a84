"""Customers: create, edit and delete them, manage their saved cards, and send a link where
they save a new card on a Stripe-hosted page (the app never sees card data)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from typing import Any

from posapp.gateway import METADATA_KEY, checkout, customers, payment_methods
from posapp.gateway.params import (
    CheckoutSessionCreateParams,
    CustomerCreateParams,
    CustomerUpdateParams,
)
from posapp.services.errors import ServiceError
from posapp.services.session import ParamsT, Session, perform, stripe_params

__all__ = [
    "METADATA_MAX_KEYS",
    "METADATA_MAX_KEY_LENGTH",
    "METADATA_MAX_VALUE_LENGTH",
    "ContactError",
    "MetadataError",
    "check_email",
    "check_metadata",
    "check_phone",
    "collect_card_link",
    "create_customer",
    "delete_customer",
    "detach_payment_method",
    "list_payment_methods",
    "set_default_payment_method",
    "update_customer",
]

# Stripe, "Metadata": up to 50 keys, key names up to 40 characters, values up to 500
# characters, no square brackets in keys.
METADATA_MAX_KEYS = 50
METADATA_MAX_KEY_LENGTH = 40
METADATA_MAX_VALUE_LENGTH = 500

_PROFILE_FIELDS = ("name", "email", "phone", "description", "address")

# Stripe's limits: an e-mail address up to 512 characters, a phone number up to 20.
EMAIL_MAX_LENGTH = 512
PHONE_MAX_LENGTH = 20
# local@domain: no spaces, one "@", a domain of two or more labels (letters of any script,
# digits, inner hyphens).
_EMAIL = re.compile(r"[^\s@]{1,64}@(?:(?!-)[\w-]{1,63}(?<!-)\.)+(?!-)[\w-]{2,63}(?<!-)")
# E.164 allows 15 digits; the shortest numbers in use have 5. Spaces, dots, hyphens and
# parentheses may group them, and "+" may start them.
_PHONE = re.compile(r"\+?[\d\s().-]+")


class ContactError(ServiceError):
    """An e-mail address or phone number that cannot reach anyone: ``code`` is "email" or
    "phone", ``params["text"]`` what was typed."""


def check_email(text: str) -> str:
    """``text`` (trimmed, NFKC-normalised) when it has the shape of an e-mail address,
    else ContactError."""
    address = unicodedata.normalize("NFKC", text).strip()
    if len(address) > EMAIL_MAX_LENGTH or not _EMAIL.fullmatch(address) \
            or "_" in address.rpartition("@")[2]:
        raise ContactError(f"“{text.strip()}” is not an e-mail address.", "email",
                           text=text.strip())
    return address


def check_phone(text: str) -> str:
    """``text`` (trimmed, NFKC-normalised: full-width digits become ASCII) when it is a
    phone number Stripe keeps (5 to 15 digits, at most 20 characters), else ContactError."""
    number = unicodedata.normalize("NFKC", text).strip()
    digits = sum(c.isdigit() for c in number)
    if len(number) > PHONE_MAX_LENGTH or not _PHONE.fullmatch(number) \
            or not 5 <= digits <= 15 or not number.isascii():
        raise ContactError(f"“{text.strip()}” is not a phone number.", "phone",
                           text=text.strip())
    return number


class MetadataError(ServiceError):
    """Metadata Stripe would refuse; the message names the key and the limit."""


def check_metadata(
    metadata: Mapping[str, str], current: Mapping[str, Any] | None = None
) -> dict[str, str]:
    """`metadata` as a plain dict when Stripe will accept it, else MetadataError.

    `current` is the metadata the object already has: Stripe merges the two (an empty
    value removes a key) and the 50-key limit applies to the result.
    """
    merged = {**(current or {}), **metadata}
    count = sum(1 for value in merged.values() if value != "")
    if count > METADATA_MAX_KEYS:
        raise MetadataError(
            f"Stripe keeps at most {METADATA_MAX_KEYS} metadata keys; this would make {count}.",
            "metadata_too_many", count=str(count), maximum=str(METADATA_MAX_KEYS),
        )
    for key, value in metadata.items():
        if not key.strip():
            raise MetadataError("A metadata key cannot be empty.", "metadata_empty_key")
        if len(key) > METADATA_MAX_KEY_LENGTH:
            raise MetadataError(
                f"Metadata key “{key}” has {len(key)} characters; "
                f"Stripe allows {METADATA_MAX_KEY_LENGTH}.",
                "metadata_key_long", key=key, length=str(len(key)),
                maximum=str(METADATA_MAX_KEY_LENGTH),
            )
        if "[" in key or "]" in key:
            raise MetadataError(f"Metadata key “{key}” cannot contain square brackets.",
                                "metadata_key_brackets", key=key)
        if len(value) > METADATA_MAX_VALUE_LENGTH:
            raise MetadataError(
                f"The value of metadata key “{key}” has {len(value)} characters; "
                f"Stripe allows {METADATA_MAX_VALUE_LENGTH}.",
                "metadata_value_long", key=key, length=str(len(value)),
                maximum=str(METADATA_MAX_VALUE_LENGTH),
            )
    return dict(metadata)


def _profile_params(
    kind: type[ParamsT], fields: Mapping[str, Any], current: Mapping[str, Any]
) -> ParamsT:
    unknown = set(fields) - {*_PROFILE_FIELDS, "metadata"}
    if unknown:
        raise ValueError(f"not a customer field PosApp edits: {', '.join(sorted(unknown))}")
    if "metadata" in fields:
        fields = {**fields, "metadata": check_metadata(fields["metadata"] or {}, current)}
    for name, check in (("email", check_email), ("phone", check_phone)):
        if fields.get(name):
            fields = {**fields, name: check(str(fields[name]))}
    return stripe_params(kind, **fields)


def create_customer(session: Session, **fields: Any) -> dict[str, Any]:
    """Create a customer from `name`, `email`, `phone`, `description`, `address`, `metadata`.

    The gateway tags the new customer with one metadata key of its own (`METADATA_KEY`, what
    makes the creation safe to retry), which leaves 49 for the merchant.
    """
    params = _profile_params(CustomerCreateParams, fields, {METADATA_KEY: "reserved"})
    return perform(
        session, "customer.create", lambda gw: customers.create_customer(gw, params)
    )


def update_customer(session: Session, customer_id: str, **fields: Any) -> dict[str, Any]:
    """Change the given profile fields; a metadata key set to "" is removed.

    The metadata limits are checked against the cached customer's metadata merged with the
    change.
    """
    cached = session.cache.get("customers", customer_id) or {}
    params = _profile_params(CustomerUpdateParams, fields, cached.get("metadata") or {})
    return perform(
        session,
        "customer.update",
        lambda gw: customers.update_customer(gw, customer_id, params),
        object_id=customer_id,
    )


def delete_customer(session: Session, customer_id: str) -> dict[str, Any]:
    """Delete a customer for good; Stripe cancels their subscriptions at once."""
    return perform(
        session,
        "customer.delete",
        lambda gw: customers.delete_customer(gw, customer_id),
        object_id=customer_id,
    )


def list_payment_methods(session: Session, customer_id: str) -> list[dict[str, Any]]:
    """The customer's saved cards, fetched from Stripe and stored in the cache."""
    methods, _ = customers.list_payment_methods(
        session.gateway, customer_id, {"type": "card", "limit": 100}
    )
    session.cache.upsert("payment_methods", methods)
    return methods


def set_default_payment_method(
    session: Session, customer_id: str, payment_method_id: str
) -> dict[str, Any]:
    """Make a saved card the one invoices and subscriptions charge by default."""
    return perform(
        session,
        "customer.set_default_payment_method",
        lambda gw: customers.update_customer(
            gw,
            customer_id,
            {"invoice_settings": {"default_payment_method": payment_method_id}},
        ),
        object_id=customer_id,
        detail=payment_method_id,
    )


def detach_payment_method(session: Session, payment_method_id: str) -> dict[str, Any]:
    """Remove a saved card from its customer; it can no longer be charged."""
    return perform(
        session,
        "payment_method.detach",
        lambda gw: payment_methods.detach_payment_method(gw, payment_method_id),
        object_id=payment_method_id,
    )


def collect_card_link(
    session: Session, customer_id: str, *, success_url: str | None = None
) -> dict[str, Any]:
    """A Stripe-hosted page (Checkout in setup mode) where the customer saves a card.

    Returns the Checkout session; show its `url` as a link or QR code. Once the customer is
    done the card is saved on the customer (event `checkout.session.completed`).
    `success_url` is where the page sends the customer afterwards (Stripe's own page if
    None).
    """
    params = stripe_params(
        CheckoutSessionCreateParams,
        mode="setup",
        customer=customer_id,
        currency=session.profile.default_currency,
        success_url=success_url,
    )
    return perform(
        session,
        "customer.collect_card",
        lambda gw: checkout.create_session(gw, params),
        detail=customer_id,
    )
