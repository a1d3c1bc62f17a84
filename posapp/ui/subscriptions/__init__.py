"""Subscriptions: panel, detail, dialogs (new, change, cancel, links), list model."""
