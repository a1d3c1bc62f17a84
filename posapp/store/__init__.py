"""Local SQLite storage: the cache and the idempotency journal with the audit log."""
