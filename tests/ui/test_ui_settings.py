"""Settings and profiles: preferences saved and applied, clearing the cache refills it from
Stripe, profiles renamed and removed; `launch_gui` runs the demo until its window closes."""

from __future__ import annotations

import json
from pathlib import Path

import qasync
import stripe
from keyring_support import MemoryKeyring
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from ui_support import DEMO_KEY, demo_controller, run, wait_until

from posapp.config import Paths
from posapp.keys import KeyVault, Profile, ProfileStore
from posapp.sandbox import Sandbox
from posapp.ui.shell.launch import GuiOptions, launch_gui
from posapp.ui.shell.main_window import MainWindow
from posapp.ui.shell.settings_dialog import SettingsDialog
from posapp.worker import Worker


def test_preferences_are_saved_and_applied(
        loop: qasync.QEventLoop, tmp_path: Path, sandbox: Sandbox, worker: Worker) -> None:
    controller = demo_controller(tmp_path, sandbox, worker, language="en_US")
    run(loop, controller.start())
    dialog = controller.open_settings()
    dialog.poll.setValue(45)
    dialog.currency.setCurrentIndex(dialog.currency.findData("eur"))
    dialog._save()
    saved = json.loads(controller.paths.settings_file.read_text(encoding="utf-8"))
    assert saved["poll_interval_seconds"] == 45 and saved["default_currency"] == "eur"
    assert controller.state is not None and controller.state.poller.idle_interval == 45.0

    dialog = controller.open_settings()
    dialog.language.setCurrentIndex(dialog.language.findData("zh_CN"))
    dialog._save()
    chinese = controller.window
    assert isinstance(chinese, MainWindow)
    assert chinese.navigation.item(1).text() == "收款"
    controller.shutdown()


def test_clear_cache_rebuilds_it_from_stripe(
        loop: qasync.QEventLoop, tmp_path: Path, sandbox: Sandbox, worker: Worker,
        client: stripe.StripeClient) -> None:
    client.v1.customers.create(params={"name": "Kept at Stripe"})
    controller = demo_controller(tmp_path, sandbox, worker)
    run(loop, controller.start())
    first = controller.window
    assert isinstance(first, MainWindow)
    wait_until(loop, lambda: first.state.cache.count("customers") == 1, "the first sync")
    run(loop, controller.clear_cache())
    second = controller.window
    assert isinstance(second, MainWindow) and second is not first
    wait_until(loop, lambda: second.customers.model.rowCount() == 1, "the refill")
    controller.shutdown()


def test_rename_and_remove_profiles(qapp: QApplication, tmp_path: Path,
                                    memory_keyring: MemoryKeyring) -> None:
    from posapp.config import Settings
    paths = Paths.resolve(tmp_path)
    settings = Settings(paths.settings_file)
    store = ProfileStore(settings, KeyVault())
    store.add(Profile("Till 1", "test", "acct_1", "Shop"), "sk_test_till1")
    store.add(Profile("Till 2", "test", "acct_1", "Shop", "http://127.0.0.1:12111"),
              "sk_test_till2")
    dialog = SettingsDialog(settings, paths, store, "Till 1")
    assert [dialog.profiles.item(i).text() for i in range(dialog.profiles.count())] == \
        ["Till 1 — Shop (test) · https://api.stripe.com",
         "Till 2 — Shop (test) · http://127.0.0.1:12111"]
    assert store.rename("Till 2", "Back office").name == "Back office"
    assert memory_keyring.store[("posapp", "Back office")] == "sk_test_till2"
    store.remove("Back office")
    dialog._fill_profiles()
    assert [dialog.profiles.item(i).text() for i in range(dialog.profiles.count())] == \
        ["Till 1 — Shop (test) · https://api.stripe.com"]
    assert ("posapp", "Back office") not in memory_keyring.store


def test_launch_gui_runs_the_demo_until_the_window_closes(
        qapp: QApplication, tmp_path: Path, sandbox: Sandbox) -> None:
    seen: list[str] = []

    def close_when_shown() -> None:
        windows = [w for w in qapp.topLevelWidgets()
                   if isinstance(w, MainWindow) and w.isVisible()]
        if not windows:
            QTimer.singleShot(50, close_when_shown)
            return
        seen.append(windows[0].top_bar.badge.text())
        windows[0].close()

    QTimer.singleShot(50, close_when_shown)
    code = launch_gui(GuiOptions(paths=Paths.resolve(tmp_path), demo_api_base=sandbox.url,
                                 demo_api_key=DEMO_KEY))
    assert code == 0
    assert seen == ["DEMO"]


def test_stripe_tax_is_chosen_per_profile_and_the_counter_checks_the_account(
        loop: qasync.QEventLoop, tmp_path: Path, sandbox: Sandbox, worker: Worker) -> None:
    controller = demo_controller(tmp_path, sandbox, worker, language="en_US")
    run(loop, controller.start())
    dialog = controller.open_settings()
    assert not dialog.stripe_tax.isChecked()
    dialog.stripe_tax.setChecked(True)
    dialog._save()
    saved = json.loads(controller.paths.settings_file.read_text(encoding="utf-8"))
    assert list(saved["stripe_tax"].values()) == [True]
    window = controller.window
    assert isinstance(window, MainWindow)
    # the sandbox account has no head office yet: its Stripe Tax is pending
    wait_until(loop, lambda: "Stripe Tax is not active" in window.sale.message.text(),
               "the counter told Stripe Tax cannot be used")
    assert window.sale.tax.isEnabled() and not window.sale.cart.automatic_tax
    assert controller.open_settings().stripe_tax.isChecked()
    controller.shutdown()
