"""Payment methods: retrieve, attach to a customer, detach."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from stripe.params import PaymentMethodAttachParams, PaymentMethodRetrieveParams

from posapp.gateway.client import Gateway, operation

_ATTACH = operation(
    "payment_methods.attach", lambda c, ids, p, o: c.v1.payment_methods.attach(ids[0], p, o)
)
_DETACH = operation(
    "payment_methods.detach", lambda c, ids, p, o: c.v1.payment_methods.detach(ids[0], p, o)
)


def retrieve_payment_method(
    gw: Gateway, payment_method_id: str, params: PaymentMethodRetrieveParams | None = None
) -> dict[str, Any]:
    """One payment method (brand, last four digits, expiry; never the card number)."""
    return gw.read(
        "payment_methods.retrieve",
        lambda c: c.v1.payment_methods.retrieve(payment_method_id, params),
    )


def attach_payment_method(
    gw: Gateway, payment_method_id: str, params: PaymentMethodAttachParams
) -> dict[str, Any]:
    """Save a payment method on a customer (`params["customer"]`)."""
    return gw.write(_ATTACH, params, (payment_method_id,))


def detach_payment_method(gw: Gateway, payment_method_id: str) -> dict[str, Any]:
    """Remove a saved payment method from its customer."""
    return gw.write(_DETACH, {}, (payment_method_id,))
