"""Use cases: what a cashier or merchant does, as plain functions over a `Session`.

One module per area: `payments` (the cashier), `customers`, `refunds`, `subscriptions`,
`invoices`, `disputes`, `profiles`; `session` opens a profile's gateway, cache and journal;
`cli_sync` is the headless `sync` command.

Every change at Stripe goes through `session.perform`: the gateway journals an idempotency
key before sending, the result is upserted into the cache so the views see it at once, and
the audit log gets a row (who, what, amount, key, Stripe request id, outcome: `succeeded`,
the `ErrorKind` of a refusal, or `unknown` when Stripe could not be reached). Errors reach
the caller as `GatewayError` (Stripe said no, or could not be reached) or as a `ValueError`
subclass raised before anything was sent, each with a message fit to show. No Qt and no
`stripe` here.
"""
