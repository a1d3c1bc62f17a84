"""Customers: panel, detail, form and dialog, list model."""
