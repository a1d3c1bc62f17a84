"""Keeps the offline cache a faithful mirror of Stripe: a resumable backfill of every cached
type, then an Events API poller that applies each event exactly once.

Entry points: `backfill`, `Poller`, `verify_and_repair`, and the `sync` command's modes in
`commands` (`run_sync_once`, `run_forever`, `run_verify`). Notifications for the user are
the dataclasses in `notifications`. Imports the gateway, the store and nothing else.
"""

from .backfill import BackfillProgress, BackfillResult, backfill, is_complete, start_full_resync
from .commands import SyncReport, run_forever, run_sync_once, run_verify
from .poller import Poller, PollResult
from .verify import Difference, Mismatch, VerifyReport, verify_and_repair

__all__ = [
    "BackfillProgress",
    "BackfillResult",
    "Difference",
    "Mismatch",
    "PollResult",
    "Poller",
    "SyncReport",
    "VerifyReport",
    "backfill",
    "is_complete",
    "run_forever",
    "run_sync_once",
    "run_verify",
    "start_full_resync",
    "verify_and_repair",
]
