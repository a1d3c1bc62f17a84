"""A working session with one profile: its gateway, cache and journal, and `perform`, the one
path every service takes to change something at Stripe."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, TypeVar

from posapp.config import Paths
from posapp.gateway import Gateway, GatewayError
from posapp.keys import Profile
from posapp.store.cache import Cache
from posapp.store.journal import Journal, JournalEntry
from posapp.sync.sources import split_expanded

__all__ = [
    "AUDIT_SUCCEEDED",
    "AUDIT_UNKNOWN",
    "ParamsT",
    "Session",
    "cache_path",
    "clear_cache",
    "dashboard_url",
    "journal_path",
    "open_connected_session",
    "open_session",
    "perform",
    "stripe_params",
]

ParamsT = TypeVar("ParamsT", bound=Mapping[str, Any])

AUDIT_SUCCEEDED = "succeeded"
AUDIT_UNKNOWN = "unknown"
_AMOUNT_FIELDS = ("amount", "amount_total", "total")

_DASHBOARD = "https://dashboard.stripe.com"
# Id prefix -> the Dashboard page of that object (anything else opens the Dashboard search).
_DASHBOARD_PAGES = (
    ("pi_", "payments"),
    ("ch_", "payments"),
    ("py_", "payments"),
    ("cus_", "customers"),
    ("sub_", "subscriptions"),
    ("in_", "invoices"),
    ("dp_", "disputes"),
    ("du_", "disputes"),
    ("prod_", "products"),
    ("price_", "prices"),
    ("plink_", "payment-links"),
    ("evt_", "events"),
)


@dataclass
class Session:
    """Everything a service needs to act for one profile.

    `locale` formats amounts in the messages services raise (Babel locale name).
    `recovered`: journal rows a crash had left pending that opening the session settled
    (the start-up screen tells the cashier how they ended).
    """

    profile: Profile
    paths: Paths
    gateway: Gateway
    cache: Cache
    journal: Journal
    locale: str = "en_US"
    recovered: list[JournalEntry] = field(default_factory=list)
    # Acting as a connected account: the platform's own profile (`profile` then names the
    # connected account, whose files are its own).
    platform: Profile | None = None
    _closed: bool = field(default=False, repr=False)

    @property
    def actor(self) -> str:
        """Who the audit log says acted: the profile's name."""
        return self.profile.name

    @property
    def acting_as(self) -> str | None:
        """The connected account this session acts for (every request carries it in the
        `Stripe-Account` header), or None for the profile's own account."""
        return self.gateway.stripe_account

    def close(self) -> None:
        """Close the cache and the journal; the session cannot be used afterwards."""
        if self._closed:
            return
        self._closed = True
        self.cache.close()
        self.journal.close()


def _file_stem(profile: Profile, api_base: str | None) -> str:
    # Named by account and mode, not by profile name: a renamed profile keeps its cache and,
    # more importantly, its journal. Another server (a sandbox) gets files of its own.
    if profile.account_id:
        stem = f"{profile.account_id}-{profile.mode}"
    else:
        slug = re.sub(r"[^A-Za-z0-9_-]+", "_", profile.name)[:40]
        digest = hashlib.sha256(profile.name.encode()).hexdigest()[:8]
        stem = f"profile-{slug}-{digest}-{profile.mode}"
    if api_base:
        stem += "-" + hashlib.sha256(api_base.encode()).hexdigest()[:8]
    return stem


def cache_path(paths: Paths, profile: Profile, api_base: str | None = None) -> Path:
    """The cache file of `profile` (talking to `api_base`, default its own)."""
    base = api_base or profile.api_base
    return paths.data_dir / f"{_file_stem(profile, base)}.cache.sqlite3"


def journal_path(paths: Paths, profile: Profile, api_base: str | None = None) -> Path:
    """The journal and audit log file of `profile`, beside its cache."""
    base = api_base or profile.api_base
    return paths.data_dir / f"{_file_stem(profile, base)}.journal.sqlite3"


def open_session(
    paths: Paths,
    profile: Profile,
    api_key: str,
    *,
    api_base: str | None = None,
    locale: str = "en_US",
    rate_per_second: float | None = None,
) -> Session:
    """Open the cache and journal of `profile` and a gateway with `api_key`.

    `api_base` overrides the profile's (a sandbox or proxy); `rate_per_second` the
    gateway's default rate limit for the key's mode. Requests a crash left pending
    are settled first, each with an audit row, and kept in `recovered`; money writes Stripe
    does not have stay pending for the cashier (`services.recovery.interrupted_writes`).
    When Stripe cannot be reached they stay pending for the next start and the session
    opens anyway (offline, read-only use).
    """
    paths.create()
    base = api_base or profile.api_base
    journal = Journal(journal_path(paths, profile, base))
    gateway = Gateway(api_key, journal=journal, api_base=base, rate_per_second=rate_per_second)
    return _settled(Session(profile, paths, gateway, Cache(cache_path(paths, profile, base)),
                            journal, locale))


def open_connected_session(platform: Session, account_id: str, account_name: str) -> Session:
    """A session acting as the platform's connected account `account_id`: the platform's
    key with the `Stripe-Account` header on every request, and the account's own cache,
    events cursor, journal and audit log (files named by its id), so its objects never mix
    with the platform's or another account's."""
    if platform.platform is not None:
        raise ValueError("a connected account's session cannot act as another account")
    base = platform.gateway.api_base
    profile = replace(platform.profile, account_id=account_id, account_name=account_name)
    journal = Journal(journal_path(platform.paths, profile, base))
    gateway = platform.gateway.for_account(account_id, journal=journal)
    session = Session(profile, platform.paths, gateway,
                      Cache(cache_path(platform.paths, profile, base)), journal,
                      platform.locale, platform=platform.profile)
    return _settled(session)


def _settled(session: Session) -> Session:
    """`session` once the requests a crash left pending are settled (see `open_session`)."""
    gateway, journal = session.gateway, session.journal
    try:
        settled = gateway.resolve_pending()
    except GatewayError:
        session.close()
        raise
    for entry in settled:
        # The crash came before the audit row was written: the log gets it now.
        journal.record_audit(
            actor=session.actor,
            action=entry.operation,
            outcome=entry.state.value,
            object_id=entry.object_id,
            idempotency_key=entry.key,
            request_id=entry.request_id,
            detail="settled when the app started again after an interruption",
        )
    session.recovered = settled
    return session


def clear_cache(session: Session) -> None:
    """Delete the cache file and start an empty one (the next sync refills it).

    The journal and audit log are kept.
    """
    path = session.cache.path
    session.cache.close()
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    session.cache = Cache(path)


def dashboard_url(session: Session, object_id: str) -> str:
    """The Stripe Dashboard page of `object_id`, in test or live mode as the profile is."""
    mode = "/test" if session.profile.mode == "test" else ""
    for prefix, page in _DASHBOARD_PAGES:
        if object_id.startswith(prefix):
            return f"{_DASHBOARD}{mode}/{page}/{object_id}"
    return f"{_DASHBOARD}{mode}/search?query={object_id}"


def stripe_params(kind: type[ParamsT], **fields: Any) -> ParamsT:
    """Request parameters of type `kind` (an SDK TypedDict from `posapp.gateway.params`)
    from keyword arguments, leaving out those that are None.

    For parameters built conditionally. Keyword names cannot be checked against `kind`;
    literals passed straight to a gateway function are checked fully.
    """
    return kind(**{name: value for name, value in fields.items() if value is not None})


def perform(
    session: Session,
    action: str,
    send: Callable[[Gateway], dict[str, Any]],
    *,
    object_id: str | None = None,
    amount: int | None = None,
    currency: str | None = None,
    detail: str = "",
    expanded: tuple[tuple[str, ...], ...] = (),
) -> dict[str, Any]:
    """Send one mutating request, store its result in the cache and write the audit row.

    `action` names what the user did (`refund.create`); `object_id` is the object acted on
    (by default the result's id); `amount` and `currency` default to the result's (its
    `amount`, `amount_total` or `total`). The result is cached, with the objects expanded at
    the `expanded` paths stored apart, innermost first. A `GatewayError` is audited with its
    kind as the outcome (`unknown` when Stripe may or may not have done it) and raised again.
    """
    journal = session.journal
    with session.gateway.recording_posts() as posts:
        try:
            result = send(session.gateway)
        except GatewayError as error:
            post = posts[-1] if posts else None
            journal.record_audit(
                actor=session.actor,
                action=action,
                outcome=AUDIT_UNKNOWN if error.idempotency_key else error.kind.value,
                object_id=object_id or error.payment_intent_id,
                amount=amount,
                currency=currency,
                idempotency_key=post.idempotency_key if post else None,
                request_id=error.request_id or (post.request_id if post else None),
                detail=error.message,
            )
            raise
    post = posts[-1] if posts else None
    flat, inner = split_expanded(result, expanded)
    for obj in [*inner, flat]:
        session.cache.upsert_object(obj)
    if amount is None:
        amount = next(
            (result[k] for k in _AMOUNT_FIELDS if isinstance(result.get(k), int)), None
        )
        currency = currency or result.get("currency")
    journal.record_audit(
        actor=session.actor,
        action=action,
        outcome=AUDIT_SUCCEEDED,
        object_id=object_id or result.get("id"),
        amount=amount,
        currency=currency,
        idempotency_key=post.idempotency_key if post else None,
        request_id=post.request_id if post else None,
        detail=detail,
    )
    return result
