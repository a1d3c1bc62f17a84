"""Stripe Terminal, server-driven: locations, readers, reader actions and test helpers.

Reader actions are journaled writes like any other: sending one again with its key (a
second click, a re-send after a crash) makes Stripe replay the first answer instead of
starting a second action. None of them moves money by itself: a card tapped on the reader
does, and that shows on the PaymentIntent the action processes.
"""

from __future__ import annotations

from typing import Any

from stripe.params.terminal import (
    LocationCreateParams,
    LocationListParams,
    LocationRetrieveParams,
    LocationUpdateParams,
    ReaderCreateParams,
    ReaderListParams,
    ReaderProcessPaymentIntentParams,
    ReaderRetrieveParams,
    ReaderSetReaderDisplayParams,
    ReaderUpdateParams,
)
from stripe.params.test_helpers.terminal import ReaderPresentPaymentMethodParams

from posapp.gateway.client import Gateway, operation

_CREATE_LOCATION = operation(
    "terminal.locations.create", lambda c, ids, p, o: c.v1.terminal.locations.create(p, o)
)
_UPDATE_LOCATION = operation(
    "terminal.locations.update",
    lambda c, ids, p, o: c.v1.terminal.locations.update(ids[0], p, o),
)
_DELETE_LOCATION = operation(
    "terminal.locations.delete",
    lambda c, ids, p, o: c.v1.terminal.locations.delete(ids[0], p, o),
    refetch=lambda c, ids: c.v1.terminal.locations.retrieve(ids[0]),
)
_REGISTER_READER = operation(
    "terminal.readers.create", lambda c, ids, p, o: c.v1.terminal.readers.create(p, o)
)
_UPDATE_READER = operation(
    "terminal.readers.update", lambda c, ids, p, o: c.v1.terminal.readers.update(ids[0], p, o)
)
_DELETE_READER = operation(
    "terminal.readers.delete",
    lambda c, ids, p, o: c.v1.terminal.readers.delete(ids[0], p, o),
    refetch=lambda c, ids: c.v1.terminal.readers.retrieve(ids[0]),
)
_PROCESS = operation(
    "terminal.readers.process_payment_intent",
    lambda c, ids, p, o: c.v1.terminal.readers.process_payment_intent(ids[0], p, o),
)
_DISPLAY = operation(
    "terminal.readers.set_reader_display",
    lambda c, ids, p, o: c.v1.terminal.readers.set_reader_display(ids[0], p, o),
)
_CANCEL_ACTION = operation(
    "terminal.readers.cancel_action",
    lambda c, ids, p, o: c.v1.terminal.readers.cancel_action(ids[0], p, o),
)
_PRESENT = operation(
    "test_helpers.terminal.readers.present_payment_method",
    lambda c, ids, p, o: c.v1.test_helpers.terminal.readers.present_payment_method(
        ids[0], p, o
    ),
)


def create_location(gw: Gateway, params: LocationCreateParams) -> dict[str, Any]:
    """Create a location (a display name and an address) to register readers at."""
    return gw.write(_CREATE_LOCATION, params)


def update_location(
    gw: Gateway, location_id: str, params: LocationUpdateParams
) -> dict[str, Any]:
    """Rename a location or change its address."""
    return gw.write(_UPDATE_LOCATION, params, (location_id,))


def delete_location(gw: Gateway, location_id: str) -> dict[str, Any]:
    """Delete a location."""
    return gw.write(_DELETE_LOCATION, None, (location_id,))


def list_locations(
    gw: Gateway, params: LocationListParams | None = None
) -> tuple[list[dict[str, Any]], bool]:
    """One page of locations, newest first, and whether more follow."""
    page = gw.read("terminal.locations.list", lambda c: c.v1.terminal.locations.list(params))
    return page["data"], page["has_more"]


def retrieve_location(
    gw: Gateway, location_id: str, params: LocationRetrieveParams | None = None
) -> dict[str, Any]:
    """One location."""
    return gw.read(
        "terminal.locations.retrieve",
        lambda c: c.v1.terminal.locations.retrieve(location_id, params),
    )


def register_reader(gw: Gateway, params: ReaderCreateParams) -> dict[str, Any]:
    """Register a reader with the code it shows (`simulated-wpe` in test mode)."""
    return gw.write(_REGISTER_READER, params)


def retrieve_reader(
    gw: Gateway, reader_id: str, params: ReaderRetrieveParams | None = None
) -> dict[str, Any]:
    """One reader: its status and its current (or last) action."""
    return gw.read(
        "terminal.readers.retrieve", lambda c: c.v1.terminal.readers.retrieve(reader_id, params)
    )


def update_reader(gw: Gateway, reader_id: str, params: ReaderUpdateParams) -> dict[str, Any]:
    """Rename a reader."""
    return gw.write(_UPDATE_READER, params, (reader_id,))


def delete_reader(gw: Gateway, reader_id: str) -> dict[str, Any]:
    """Delete (unregister) a reader."""
    return gw.write(_DELETE_READER, None, (reader_id,))


def list_readers(
    gw: Gateway, params: ReaderListParams | None = None
) -> tuple[list[dict[str, Any]], bool]:
    """One page of readers, newest first, and whether more follow."""
    page = gw.read("terminal.readers.list", lambda c: c.v1.terminal.readers.list(params))
    return page["data"], page["has_more"]


def process_payment_intent(
    gw: Gateway,
    reader_id: str,
    params: ReaderProcessPaymentIntentParams,
    *,
    idempotency_key: str | None = None,
) -> dict[str, Any]:
    """Have the reader collect a card for the PaymentIntent; the same key never starts a
    second action."""
    return gw.write(_PROCESS, params, (reader_id,), key=idempotency_key)


def set_reader_display(
    gw: Gateway, reader_id: str, params: ReaderSetReaderDisplayParams
) -> dict[str, Any]:
    """Show a cart (line items, tax, total) on the reader's screen."""
    return gw.write(_DISPLAY, params, (reader_id,))


def cancel_action(
    gw: Gateway, reader_id: str, *, idempotency_key: str | None = None
) -> dict[str, Any]:
    """Cancel the reader's action in progress (its screen goes back to idle)."""
    return gw.write(_CANCEL_ACTION, None, (reader_id,), key=idempotency_key)


def present_payment_method(
    gw: Gateway, reader_id: str, params: ReaderPresentPaymentMethodParams | None = None
) -> dict[str, Any]:
    """Test mode: tap a test card on a simulated reader."""
    return gw.write(_PRESENT, params, (reader_id,))
