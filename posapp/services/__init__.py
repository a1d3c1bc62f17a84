"""Use cases: what a cashier or merchant does, as plain functions over a `Session`.

Each module is one area (payments, customers, refunds, subscriptions, invoices, disputes,
profiles). A money-moving call goes through the gateway (journaled idempotency key first),
leaves a row in the audit log, and upserts its result into the cache so the views see it at
once. Errors reach the caller as `GatewayError` (Stripe said no, or could not be reached) or
as a `ValueError` subclass raised before anything was sent. No Qt and no `stripe` here.
"""
