"""Sandbox resources; importing this package registers every route."""

from . import account, customers, events

__all__ = ["account", "customers", "events"]
