"""Payments: the collect screen, panel, detail, capture, list models (payments, saved cards),
open requests, takings."""
