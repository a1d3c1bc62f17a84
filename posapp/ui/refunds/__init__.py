"""Refunds: panel, detail, refund dialog, list model."""
