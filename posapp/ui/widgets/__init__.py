"""Reusable widgets: amount edit, customer picker, link view with QR code, card link dialog."""
