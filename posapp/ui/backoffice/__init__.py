"""The back office and platform screens: balance and its transactions, payouts with what
each settled, and a platform's connected accounts (with "Act as")."""
