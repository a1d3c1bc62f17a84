"""Customers as other resources need them: looked up alive, created, their invoice settings."""

from __future__ import annotations

from typing import Any

from ..errors import invalid, not_found
from ..params import merge_metadata
from ..state import Obj, State
from .cards import attach_payment_method, check_attachable, payment_method_for_token
from .clock import clock_time


def require_customer(state: State, customer_id: str, param: str = "id") -> Obj:
    """A customer that exists and is not deleted, or Stripe's 404."""
    customer = state.get(customer_id, "customer", param=param)
    if customer.get("deleted"):
        raise not_found("customer", customer_id, param)
    return customer


def invoice_settings(state: State, customer_id: str, current: Obj, update: Obj | None,
                     attaching: str | None = None) -> Obj:
    """`current` with `update` applied; the default must be (or be about to be) attached."""
    settings = dict(current)
    if update is None:
        return settings
    if "default_payment_method" in update:
        pm_id = update["default_payment_method"] or None
        if pm_id is not None:
            pm = state.get(pm_id, "payment_method",
                           param="invoice_settings[default_payment_method]")
            if pm.get("customer") != customer_id and pm_id != attaching:
                raise invalid(
                    f"The customer does not have a payment method with the ID {pm_id}. The "
                    "payment method must be attached to the customer.",
                    param="invoice_settings[default_payment_method]")
        settings["default_payment_method"] = pm_id
    for key in ("footer", "custom_fields", "rendering_options"):
        if key in update:
            settings[key] = update[key] or None
    return settings


def create_customer(state: State, fields: Obj | None = None, *, clock: Obj | None = None,
                    payment_method: str | None = None, settings: Obj | None = None,
                    metadata: Any = None, invoice_prefix: str | None = None,
                    next_invoice_sequence: int = 1) -> Obj:
    """Store a customer (`customer.created`) with `fields` (email, name, ...) set; one on a
    test `clock` is made, with its events, at the clock's time. A `payment_method` is checked
    before anything is stored (a declined card creates no customer), then attached."""
    with clock_time(state, None if clock is None else int(clock["frozen_time"])):
        customer_id = state.new_id("cus_", 14)
        customer: Obj = {
            "id": customer_id,
            "object": "customer",
            "address": None,
            "balance": 0,
            "created": state.now(),
            "currency": None,
            "default_source": None,
            "delinquent": False,
            "description": None,
            "discount": None,
            "email": None,
            "invoice_prefix": invoice_prefix or customer_id[4:12].upper(),
            "invoice_settings": {"custom_fields": None, "default_payment_method": None,
                                 "footer": None, "rendering_options": None},
            "livemode": False,
            "metadata": merge_metadata({}, metadata),
            "name": None,
            "next_invoice_sequence": next_invoice_sequence,
            "phone": None,
            "preferred_locales": [],
            "shipping": None,
            "tax_exempt": "none",
            "test_clock": clock["id"] if clock else None,
        }
        customer.update(fields or {})
        pm: Obj | None = None
        if payment_method:
            pm = payment_method_for_token(state, payment_method, "payment_method")
            check_attachable(pm, customer_id, "payment_method")
        customer["invoice_settings"] = invoice_settings(
            state, customer_id, customer["invoice_settings"], settings,
            attaching=pm["id"] if pm else None)
        state.insert(customer)
        state.emit("customer.created", customer)
        if pm is not None:
            attach_payment_method(state, pm["id"], customer, param="payment_method")
        return customer
