"""The sandbox's engine: state transitions that several resources share.

Settling, attempting and authenticating a payment (`payments`, `setups`, `charges`,
`balance`, `disputes`), attaching and detaching payment methods (`cards`), finalizing and
paying invoices (`invoices`), billing and renewing subscriptions (`subscriptions`,
`renewals`), completing Checkout (`checkout`, `links`), the catalogue and customers
(`catalog`, `customers`) and advancing test clocks (`clock`, `renewals`). Functions take
the `State` and run while the caller holds `state.lock`. Imports run one way: the route
modules in `resources/` and the hosted pages call the engine; the engine never imports
them (nor the router or the server).
"""
