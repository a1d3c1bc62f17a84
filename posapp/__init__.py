"""PosApp: a desktop point-of-sale and billing-admin application for Stripe merchants."""

__version__ = "0.1.0"
