"""Local persistence: the offline cache (`cache.Cache`, one SQLite file per profile) and the
idempotency journal and audit log (`journal`), kept in a separate file so they survive a
rebuilt cache. This package is the only one that writes SQL."""
