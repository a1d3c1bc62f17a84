"""`AppState`: what every panel shares for the open profile, and the bridge from the sync
engine's threads to Qt signals.

The sync loop (`Poller.run`: backfill with progress, then events) runs on a worker
background thread; everything it reports is re-emitted as Qt signals, which Qt delivers on
the GUI thread. Panels read the cache directly (short keyset queries) and send every Stripe
call through `run`, which awaits the worker under qasync and then announces the cache tables
the call changed (`tables_changed`), as the poller does for events: no panel or dialog
announces a change itself.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from typing import Any, ParamSpec, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, QSettings, Signal

from posapp.config import Paths, Settings
from posapp.gateway.errors import ErrorKind, GatewayError
from posapp.services.account import account_timezone, refresh_account
from posapp.services.session import Session, dashboard_url
from posapp.store.cache import Cache
from posapp.sync import Poller, PollResult
from posapp.sync.notifications import ConnectionChanged, Notification
from posapp.worker import BackgroundTask, Worker

from .format import Formats
from .theme import DisplayMode

P = ParamSpec("P")
T = TypeVar("T")


@dataclass(frozen=True)
class ProfileView:
    """How the open profile is presented: its name, account and display mode."""

    name: str
    account_name: str
    account_id: str
    mode: DisplayMode


class AppState(QObject):
    """Shared state of the open profile; lives on the GUI thread."""

    tables_changed = Signal(object)
    """frozenset of cache tables whose rows changed (lists reload)."""
    online_changed = Signal(bool, str)
    """Whether Stripe is reachable, and why not."""
    backfill_progress = Signal(object)
    """A `BackfillProgress` while the first sync lists everything."""
    backfill_finished = Signal()
    synced = Signal(float)
    """The Unix time of the latest completed sync."""
    notification = Signal(object)
    """A sync `Notification` (payment succeeded, dispute opened, ...)."""
    toast = Signal(str, object)
    """Something a panel did, for the window's toasts, with an optional (label, action)
    button, e.g. ("Undo", ...)."""
    _online_from_sync = Signal(bool, str)
    """The sync thread's word on reachability, carried to the GUI thread."""

    def __init__(self, *, paths: Paths, settings: Settings, session: Session,
                 worker: Worker, profile: ProfileView, formats: Formats,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.paths = paths
        self.settings = settings
        self.session = session
        self.worker = worker
        self.profile = profile
        self.formats = formats
        self.ui_settings = QSettings(str(paths.data_dir / "ui.ini"), QSettings.Format.IniFormat)
        self.online = True
        self.offline_reason = ""
        self.previews: dict[str, dict[str, Any]] = {}
        """Stripe's previews of subscriptions' next invoices fetched this run, by
        subscription id: the list and the detail tell the same next charge from them."""
        self.poller = Poller(session.gateway, session.cache, notify=self._notify_from_sync,
                             on_change=self.tables_changed.emit,
                             progress=self.backfill_progress.emit,
                             idle_interval=float(settings.poll_interval_seconds))
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._sync_task: BackgroundTask | None = None
        self._tasks: set[asyncio.Future[Any]] = set()
        self._closed = False
        self.online_changed.connect(self._remember_online)
        self._online_from_sync.connect(self._set_online_from_sync)
        # The GUI thread must never block on Stripe: the gateway refuses requests from it.
        session.gateway.forbid_thread(threading.current_thread())

    @property
    def cache(self) -> Cache:
        """The open profile's offline cache."""
        return self.session.cache

    @property
    def language(self) -> str:
        """The UI locale name (`en_US`, `zh_CN`)."""
        return self.formats.language

    async def run(self, fn: Callable[P, T], /, *args: P.args, **kwargs: P.kwargs) -> T:
        """Run a blocking call (a service) on the worker, then announce the cache tables it
        wrote (`tables_changed`), failed or not; a network failure marks the app offline
        before the error reaches the caller."""
        changed: set[str] = set()

        def call() -> T:
            with self.cache.recording_changes() as tables:
                try:
                    return fn(*args, **kwargs)
                finally:
                    changed.update(tables)

        try:
            result = await self.worker.run(call)
        except GatewayError as error:
            if error.kind in (ErrorKind.NETWORK, ErrorKind.STRIPE_UNAVAILABLE):
                self.online_changed.emit(False, error.message)
            raise
        finally:
            if changed:
                self.tables_changed.emit(frozenset(changed))
        if not self.online:
            self.online_changed.emit(True, "")
        return result

    def remember_preview(self, subscription_id: str, preview: dict[str, Any]) -> None:
        """Keep Stripe's preview of a subscription's next invoice; the list tells the next
        charge from it too."""
        self.previews[subscription_id] = preview
        self.tables_changed.emit(frozenset(("subscriptions",)))

    def forget_preview(self, subscription_id: str) -> None:
        """Drop a preview the subscription's change made stale."""
        if self.previews.pop(subscription_id, None) is not None:
            self.tables_changed.emit(frozenset(("subscriptions",)))

    def spawn(self, coro: Coroutine[Any, Any, Any]) -> None:
        """Run a panel's coroutine on the loop; `close` cancels it if still running, and
        after `close` nothing new starts (a late notification cannot reach a closed
        session)."""
        if self._closed:
            coro.close()
            return
        task = asyncio.ensure_future(coro)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    def close(self, grace_seconds: float = 5.0) -> None:
        """Stop syncing, cancel the panels' tasks and let jobs already running on the
        worker finish (briefly), so the session can be closed under nobody's feet."""
        self._closed = True
        self.blockSignals(True)
        self.stop_sync()
        for task in list(self._tasks):
            task.cancel()
        deadline = time.monotonic() + grace_seconds
        while self.worker.active_jobs and time.monotonic() < deadline:
            time.sleep(0.01)

    def money_blocked_reason(self) -> str:
        """Why actions that move money are disabled now ("" when they are allowed)."""
        if self.online:
            return ""
        return QCoreApplication.translate(
            "AppState", "Stripe unreachable: try again when online.")

    def dashboard_url(self, object_id: str) -> str:
        """The Stripe Dashboard page of `object_id`, test or live as the profile is."""
        return dashboard_url(self.session, object_id)

    def expect_activity(self) -> None:
        """A payment the app started is pending: poll fast, starting now."""
        self.poller.expect_activity()
        self._wake.set()

    def hurry_while(self, waiting: Callable[[], bool]) -> None:
        """A cashier waits on an open payment request: poll about once a second, starting
        now, for as long as `waiting()` says so (asked from the sync thread)."""
        self.poller.hurry_while(waiting)
        self._wake.set()

    async def refresh_account(self) -> None:
        """Fetch the profile's account into the cache (its time zone, its business
        details); when its time zone changed, every list shows and filters dates in the new
        one. Offline the cached account, or the machine's zone, stays."""
        try:
            found = await self.run(refresh_account, self.session)
        except GatewayError:
            return
        zone = account_timezone(found)
        if zone != self.formats.zone:
            self.formats.zone = zone
            self.tables_changed.emit(frozenset({"*"}))

    def start_sync(self) -> None:
        """Start the sync loop on a worker background thread (once)."""
        if self._sync_task is None or not self._sync_task.is_alive():
            self._stop.clear()
            self._sync_task = self.worker.start_background(
                lambda _job: self.poller.run(self._stop, wake=self._wake,
                                             after_poll=self._after_poll))

    def stop_sync(self) -> None:
        """Stop the sync loop and wait briefly for it to end."""
        if self._sync_task is not None:
            self._stop.set()
            self._sync_task.stop()
            self._wake.set()
            self._sync_task.join(5.0)
            self._sync_task = None

    def _after_poll(self, result: PollResult | None) -> None:
        """On the sync thread after each poll: what the poller does not report itself."""
        if result is None:
            # The poller says "offline" once; a service call may have said "online" since.
            if self.online and self.poller.last_error is not None:
                self._notify_from_sync(ConnectionChanged(False, str(self.poller.last_error)))
            return
        if result.backfilled:
            self.backfill_finished.emit()
        if not self.online:
            self._online_from_sync.emit(True, "")
        if self.cache.last_success is not None:
            self.synced.emit(self.cache.last_success)

    def _notify_from_sync(self, notification: Notification) -> None:
        if isinstance(notification, ConnectionChanged):
            self._online_from_sync.emit(notification.online, notification.error or "")
        else:
            self.notification.emit(notification)

    def follow_online(self, update: Callable[[], object]) -> None:
        """Call `update` now and whenever the app goes online or offline, so controls that
        move money start right even when the app went offline before they were built.

        `update` may be any callable, a lambda included: the sync thread's reports are
        re-emitted on the GUI thread after `online` is recorded, so every slot runs there
        and reads the new state."""
        self.online_changed.connect(update)
        update()

    def _set_online_from_sync(self, online: bool, reason: str) -> None:
        # Re-emitted from the GUI thread, so `_remember_online` (connected first) has
        # recorded the new state before any other slot, of whatever kind, reads it.
        if online != self.online or reason != self.offline_reason:
            self.online_changed.emit(online, reason)

    def _remember_online(self, online: bool, reason: str) -> None:
        self.online = online
        self.offline_reason = reason

    def connect_tables(self, tables: frozenset[str] | set[str],
                       slot: Callable[[], Any]) -> None:
        """Call `slot` whenever one of `tables` changed (or everything did)."""
        def changed(which: object) -> None:
            if self._closed:  # a change queued before close: the cache is gone
                return
            names = which if isinstance(which, frozenset) else frozenset()
            if "*" in names or names & tables:
                slot()
        self.tables_changed.connect(changed)
