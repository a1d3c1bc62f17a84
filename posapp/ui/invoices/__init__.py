"""Invoices: panel, detail, dialog, list model, PDF."""
