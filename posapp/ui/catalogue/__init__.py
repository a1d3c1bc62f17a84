"""The catalogue and the counter sale: the sale screen (grid and cart)."""
