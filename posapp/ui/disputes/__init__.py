"""Disputes: panel, detail, evidence form, list model."""
