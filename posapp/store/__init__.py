"""Local SQLite storage: the cache and the idempotency journal with the audit log.

`cache.Cache` is the offline mirror (one file per profile); `journal` keeps the idempotency
journal and audit log in a separate file so they survive a rebuilt cache. This package is the
only one that writes SQL."""
