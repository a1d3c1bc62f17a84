"""Shared bases for the entity packages: application state, table model, list view and panel,
action detail, dialog parts, confirmations, errors, display formats, theme, resources."""
