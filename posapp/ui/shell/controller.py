"""`GuiController`: which window is open (welcome or main), for which profile, and the
transitions between them (add profile, switch, settings, language, clear cache).

Opening a profile resolves its key (keyring or STRIPE_API_KEY) and opens its session on the
worker; the main window is then built around a fresh `AppState` and the sync loop started.
"""

from __future__ import annotations

import asyncio
import logging
import os
import sys
from collections.abc import Coroutine
from dataclasses import dataclass

from PySide6.QtCore import QObject, QProcess, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from posapp.config import Paths, Settings
from posapp.keys import (
    ENV_API_KEY,
    KeyVault,
    Profile,
    ProfileStore,
    UnknownProfile,
    resolve_api_key,
)
from posapp.services.account import account_timezone, cached_account
from posapp.services.connect import act_as
from posapp.services.profiles import session_profile
from posapp.services.session import Session, clear_cache, open_session
from posapp.worker import Worker

from ..common.app_state import AppState, ProfileView
from ..common.errors import error_text
from ..common.format import Formats
from ..common.i18n import Translations, choose_language
from ..common.theme import DisplayMode
from ..payments.station_reader import StationReaderPage
from .add_profile_dialog import AddProfileDialog
from .main_window import MainWindow
from .panels import Panel
from .recovery_dialog import RecoveryDialog, needs_recovery
from .settings_dialog import SettingsDialog
from .welcome_window import WelcomeWindow

log = logging.getLogger(__name__)

DEMO_PROFILE = "Demo"


@dataclass(frozen=True)
class DemoServer:
    """A sandbox the composition root started for `--demo` (never a real account)."""

    api_base: str
    api_key: str


class GuiController(QObject):
    """Owns the open window, the open session and its `AppState`."""

    window_changed = Signal(QWidget)

    def __init__(self, *, paths: Paths, settings: Settings, vault: KeyVault, worker: Worker,
                 translations: Translations, api_base: str | None = None,
                 demo: DemoServer | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.paths = paths
        self.settings = settings
        self.vault = vault
        self.store = ProfileStore(settings, vault)
        self.worker = worker
        self.translations = translations
        self.api_base = api_base
        self.demo = demo
        self.window: QWidget | None = None
        self.state: AppState | None = None
        self._profile_name: str | None = None
        self._recovery_asked: Session | None = None
        # While the window acts as a connected account: the platform's session, kept open.
        self._platform_session: Session | None = None
        self._tasks: set[asyncio.Future[object]] = set()
        self.notice_box: QMessageBox | None = None

    @property
    def language(self) -> str:
        """The UI language in use."""
        return self.translations.language

    async def start(self, profile_name: str | None = None) -> None:
        """Open the demo, the named profile, the last used one, the account of
        STRIPE_API_KEY (when no profile is stored), or the welcome window."""
        if self.demo is not None:
            await self.open_demo()
            return
        try:
            profile = self.store.get(profile_name) if profile_name else self.store.last_used()
        except UnknownProfile as error:
            self.show_welcome(str(error))
        else:
            env_key = os.environ.get(ENV_API_KEY, "").strip()
            if profile is None and env_key:
                await self.open_session_profile(env_key)
            elif profile is None:
                self.show_welcome()
            else:
                await self.open_profile(profile)
        self.tell_repairs([self.settings.recovery_notice])

    def tell_repairs(self, notices: list[str | None]) -> None:
        """Say, in a window that does not block, what was done about damaged files."""
        text = "\n\n".join(n for n in notices if n)
        if not text or self.window is None:
            return
        if self.notice_box is not None and self.notice_box.isVisible():
            self.notice_box.setText(f"{self.notice_box.text()}\n\n{text}")
            return
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Damaged files were repaired"),
                          text, QMessageBox.StandardButton.Ok, self.window)
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.open()
        self.notice_box = box

    def show_welcome(self, message: str = "") -> WelcomeWindow:
        """Show the first-run window (with `message` explaining a failed open)."""
        self._release_state()
        welcome = WelcomeWindow()
        welcome.demo_requested.connect(self.relaunch_as_demo)
        welcome.add_key_requested.connect(lambda: self.add_profile(welcome))
        welcome.show_message(message)
        self._show(welcome)
        return welcome

    async def open_demo(self) -> MainWindow:
        """Open the demo sandbox the composition root started."""
        assert self.demo is not None
        profile = Profile(DEMO_PROFILE, "test", "", "Demo shop", self.demo.api_base,
                          self.settings.default_currency)
        session = await self.worker.run(open_session, self.paths, profile, self.demo.api_key,
                                        locale=self.language)
        return self._open_window(session, DisplayMode.DEMO, [DEMO_PROFILE])

    async def open_session_profile(self, key: str) -> QWidget:
        """Open the account of `key` (from STRIPE_API_KEY) for this run only: a profile named
        after the account, never saved, no keyring needed."""
        try:
            profile = await self.worker.run(session_profile, key, self.api_base)
        except Exception as error:  # shown on the welcome window: bad key, offline
            log.warning("cannot open %s: %s", ENV_API_KEY, error_text(error))
            return self.show_welcome(f"{ENV_API_KEY}: {error_text(error)}")
        return await self.open_profile(profile)

    async def open_profile(self, profile: Profile) -> QWidget:
        """Open `profile`'s session and main window; on failure the welcome window says why."""
        try:
            key = resolve_api_key(profile, self.vault)
            session = await self.worker.run(open_session, self.paths, profile, key,
                                            api_base=self.api_base, locale=self.language)
        except Exception as error:  # shown on the welcome window: missing key, no keyring
            log.warning("cannot open profile %s: %s", profile.name, error_text(error))
            return self.show_welcome(error_text(error))
        names = [p.name for p in self.store.list_profiles()]
        if profile.name in names:
            self.store.set_last_used(profile.name)
        else:  # a profile for this run only (STRIPE_API_KEY)
            names.append(profile.name)
        window = self._open_window(session, DisplayMode(profile.mode), names)
        self.tell_repairs([session.cache.notice, session.journal.notice])
        return window

    def add_profile(self, parent: QWidget | None = None) -> AddProfileDialog:
        """Ask for a key; once saved, open the new profile."""
        dialog = AddProfileDialog(self.store, self.vault, self.worker, parent or self.window)
        dialog.accepted.connect(lambda: self._opened_new(dialog))
        dialog.open()
        return dialog

    def relaunch_as_demo(self) -> None:
        """Start PosApp again with --demo (the sandbox is started by the command line)."""
        program, args = _demo_command()
        if QProcess.startDetached(program, args)[0] and self.window is not None:
            self.window.close()

    async def switch_profile(self, name: str) -> None:
        """Close the open profile and open `name`."""
        await self.open_profile(self.store.get(name))

    async def act_as(self, account_id: str) -> MainWindow | None:
        """Work on the platform's connected account `account_id` in a window of its own
        (its own cache and sync); the platform's session stays open for going back."""
        if self.state is None:
            return None
        platform = self.state.session
        mode = self.state.profile.mode
        names = [p.name for p in self.store.list_profiles()] or [self.state.profile.name]
        try:
            session = await self.worker.run(act_as, platform, account_id)
        except Exception as error:  # the window stays on the platform and says why
            log.warning("cannot act as %s: %s", account_id, error_text(error))
            QMessageBox.warning(self.window, self.tr("Act as"), error_text(error))
            return None
        self._release_state(close_session=False)
        self._platform_session = platform
        return self._open_window(session, mode, names)

    async def back_to_platform(self) -> MainWindow | None:
        """Close the connected account's session and show the platform again."""
        platform, self._platform_session = self._platform_session, None
        if platform is None or self.state is None:
            return None
        mode = self.state.profile.mode
        names = [p.name for p in self.store.list_profiles()] or [platform.profile.name]
        self._release_state()
        return self._open_window(platform, mode, names)

    def open_settings(self) -> SettingsDialog:
        """Show the settings; apply language, poll interval and profile changes after."""
        reader_page = StationReaderPage(self.state) if self.state is not None else None
        dialog = SettingsDialog(self.settings, self.paths, self.store, self._profile_name,
                                self.window, reader_page)
        before = self.settings.language
        dialog.accepted.connect(lambda: self._settings_saved(before))
        dialog.profile_chosen.connect(
            lambda name: self._spawn(self.switch_profile(name)))
        dialog.clear_cache_requested.connect(lambda: self._spawn(self.clear_cache()))
        dialog.open()
        return dialog

    def set_language(self, language: str) -> None:
        """Switch the UI language now: install its translation and rebuild the window,
        which keeps the old one's place, size, notifications and panel."""
        self.translations.install(language)
        if self.state is not None and self.window is not None:
            session = self.state.session
            mode = self.state.profile.mode
            names = [p.name for p in self.store.list_profiles()] or [self.state.profile.name]
            previous = self.window if isinstance(self.window, MainWindow) else None
            self._release_state(close_session=False)
            self._open_window(session, mode, names, previous)
        elif isinstance(self.window, WelcomeWindow):
            self.show_welcome()

    async def clear_cache(self) -> None:
        """Empty the open profile's cache and reopen it (the sync refills it)."""
        if self.state is None:
            return
        session = self.state.session
        mode = self.state.profile.mode
        names = [p.name for p in self.store.list_profiles()] or [self.state.profile.name]
        self._release_state(close_session=False)
        if self.window is not None:
            self.window.setEnabled(False)
        await self.worker.run(clear_cache, session)
        self._open_window(session, mode, names)

    def _spawn(self, coro: Coroutine[object, object, object]) -> None:
        task = asyncio.ensure_future(coro)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    def shutdown(self) -> None:
        """Stop syncing and close the session and window."""
        self._release_state()
        self._show(None)

    def _settings_saved(self, language_before: str) -> None:
        if self.state is not None:
            self.state.poller.idle_interval = float(self.settings.poll_interval_seconds)
        if isinstance(self.window, MainWindow):
            self.window.collect.reader.choose_station_reader()
        if self.settings.language != language_before:
            self.set_language(choose_language(self.settings.language))
        if self.state is not None and isinstance(self.window, MainWindow) \
                and self.window.is_built(Panel.SALE):  # one built later chooses it then
            self.state.spawn(self.window.sale.choose_tax())

    def _opened_new(self, dialog: AddProfileDialog) -> None:
        if dialog.profile is not None:
            self._spawn(self.open_profile(dialog.profile))

    def _open_window(self, session: Session, mode: DisplayMode, names: list[str],
                     previous: MainWindow | None = None) -> MainWindow:
        self._release_state()
        profile = session.profile
        view = ProfileView(profile.name, profile.account_name, profile.account_id, mode)
        zone = account_timezone(cached_account(session.cache))
        state = AppState(paths=self.paths, settings=self.settings, session=session,
                         worker=self.worker, profile=view, formats=Formats(self.language, zone))
        window = MainWindow(state, names)
        window.profile_chosen.connect(lambda n: self._spawn(self.switch_profile(n)))
        window.add_profile_requested.connect(self.add_profile)
        window.settings_requested.connect(self.open_settings)
        window.act_as_requested.connect(lambda a: self._spawn(self.act_as(a)))
        window.platform_requested.connect(lambda: self._spawn(self.back_to_platform()))
        if previous is not None:
            window.carry_over(previous)
        self.state = state
        self._profile_name = profile.name
        self._show(window)
        # Once the window is on screen: before its first paint, the sync (a first backfill
        # above all) took the CPU from it.
        window.painted.connect(lambda: self._start_syncing(state))
        state.spawn(state.refresh_account())
        # Once per opened session: a window rebuilt for a language switch must not take a
        # charge in flight for an interrupted one.
        if session is not self._recovery_asked and needs_recovery(state):
            self._recovery_asked = session
            window.recovery = RecoveryDialog(state, window)
            window.recovery.open()
        return window

    def _start_syncing(self, state: AppState) -> None:
        """Start `state`'s sync, unless its window was replaced meanwhile."""
        if state is self.state:
            state.start_sync()

    def _show(self, window: QWidget | None) -> None:
        """Show `window` (None: none), then close the previous one, so the app never passes
        through a moment without a window."""
        previous, self.window = self.window, window
        if window is not None:
            window.show()
            self.window_changed.emit(window)
        if previous is not None and previous is not window:
            previous.close()
            previous.deleteLater()

    def _release_state(self, close_session: bool = True) -> None:
        """Stop the open profile's sync and tasks (and close its session)."""
        state, self.state = self.state, None
        if state is not None:
            state.close()
            if close_session:
                state.session.close()
                platform, self._platform_session = self._platform_session, None
                if platform is not None:
                    platform.close()

def _demo_command() -> tuple[str, list[str]]:
    script = sys.argv[0] if sys.argv and sys.argv[0] else ""
    if script.endswith(".py"):
        return sys.executable, [script, "--demo"]
    if script:
        return script, ["--demo"]
    return sys.executable, ["-m", "posapp", "--demo"]

