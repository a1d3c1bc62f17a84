"""Setup intents: create, retrieve, cancel (saving a payment method for later)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from stripe.params import (
        SetupIntentCancelParams,
        SetupIntentCreateParams,
        SetupIntentRetrieveParams,
    )

from posapp.gateway.client import Gateway, operation

_CREATE = operation(
    "setup_intents.create",
    lambda c, ids, p, o: c.v1.setup_intents.create(p, o),
    find_in="setup_intents",
)
_CANCEL = operation(
    "setup_intents.cancel", lambda c, ids, p, o: c.v1.setup_intents.cancel(ids[0], p, o)
)


def create_setup_intent(gw: Gateway, params: SetupIntentCreateParams) -> dict[str, Any]:
    """Create a setup intent."""
    return gw.write(_CREATE, params)


def retrieve_setup_intent(
    gw: Gateway, setup_intent_id: str, params: SetupIntentRetrieveParams | None = None
) -> dict[str, Any]:
    """One setup intent."""
    return gw.read(
        "setup_intents.retrieve", lambda c: c.v1.setup_intents.retrieve(setup_intent_id, params)
    )


def cancel_setup_intent(
    gw: Gateway, setup_intent_id: str, params: SetupIntentCancelParams | None = None
) -> dict[str, Any]:
    """Cancel a setup intent that has not succeeded."""
    return gw.write(_CANCEL, params, (setup_intent_id,))
