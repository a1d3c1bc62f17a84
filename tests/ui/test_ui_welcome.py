"""First run: the welcome window adds a profile whose key goes to the keyring only; then
the main window opens for it. Bad keys are explained and nothing is stored."""

from __future__ import annotations

from pathlib import Path

import pytest
import qasync
from keyring_support import MemoryKeyring
from ui_support import first_sync, run, wait_until

from posapp.config import Paths
from posapp.sandbox import Sandbox
from posapp.ui.shell.launch import GuiOptions, make_controller
from posapp.ui.shell.main_window import MainWindow
from posapp.ui.shell.welcome_window import WelcomeWindow
from posapp.worker import Worker

KEY = "sk_test_123welcomekey"


def _files_containing(root: Path, text: str) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file() and text.encode() in p.read_bytes()]


def test_welcome_stores_key_in_keyring_never_in_a_file(
        loop: qasync.QEventLoop, tmp_path: Path, sandbox: Sandbox, worker: Worker,
        memory_keyring: MemoryKeyring) -> None:
    controller = make_controller(GuiOptions(paths=Paths.resolve(tmp_path)), worker)
    run(loop, controller.start())
    welcome = controller.window
    assert isinstance(welcome, WelcomeWindow)
    assert welcome.demo.text() == "Try the demo"

    dialog = controller.add_profile(welcome)
    dialog.name.setText("Counter 1")
    dialog.key.setText(KEY)
    dialog.api_base.setText(sandbox.url)
    profile = run(loop, dialog.save())
    assert profile is not None and profile.mode == "test"
    assert dialog.badge.text() == "TEST"
    assert profile.account_id in dialog.status.text()
    assert dialog.key.text() == ""
    assert memory_keyring.store[("posapp", "Counter 1")] == KEY

    dialog.accept()
    wait_until(loop, lambda: isinstance(controller.window, MainWindow), "the main window")
    main = controller.window
    assert isinstance(main, MainWindow)
    assert main.top_bar.badge.text() == "TEST"
    first_sync(loop, main)
    controller.shutdown()
    assert _files_containing(tmp_path, KEY) == []
    assert _files_containing(tmp_path, "Counter 1")  # the profile itself is in settings


def test_bad_key_is_explained_and_nothing_is_stored(
        loop: qasync.QEventLoop, tmp_path: Path, worker: Worker,
        memory_keyring: MemoryKeyring) -> None:
    controller = make_controller(GuiOptions(paths=Paths.resolve(tmp_path)), worker)
    run(loop, controller.start())
    dialog = controller.add_profile()
    dialog.key.setText("pk_test_publishable")
    assert run(loop, dialog.save()) is None
    assert "publishable" in dialog.status.text()
    assert dialog.save_button.isEnabled()
    assert memory_keyring.store == {}
    controller.shutdown()


def test_without_keyring_the_message_names_what_to_install(
        loop: qasync.QEventLoop, tmp_path: Path, sandbox: Sandbox, worker: Worker,
        failing_keyring: None) -> None:
    controller = make_controller(GuiOptions(paths=Paths.resolve(tmp_path)), worker)
    run(loop, controller.start())
    dialog = controller.add_profile()
    dialog.key.setText(KEY)
    dialog.api_base.setText(sandbox.url)
    assert run(loop, dialog.save()) is None
    assert "STRIPE_API_KEY" in dialog.status.text()
    assert _files_containing(tmp_path, KEY) == []
    controller.shutdown()


def test_unknown_profile_opens_the_welcome_saying_so(
        loop: qasync.QEventLoop, tmp_path: Path, worker: Worker,
        memory_keyring: MemoryKeyring) -> None:
    controller = make_controller(GuiOptions(paths=Paths.resolve(tmp_path),
                                            profile_name="Nope"), worker)
    run(loop, controller.start("Nope"))
    welcome = controller.window
    assert isinstance(welcome, WelcomeWindow)
    assert "Nope" in welcome.message.text()
    controller.shutdown()


def test_with_stripe_api_key_set_the_app_opens_on_it_without_a_keyring(
        loop: qasync.QEventLoop, tmp_path: Path, sandbox: Sandbox, worker: Worker,
        failing_keyring: None, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STRIPE_API_KEY", KEY)
    controller = make_controller(GuiOptions(paths=Paths.resolve(tmp_path),
                                            api_base=sandbox.url), worker)
    run(loop, controller.start())
    main = controller.window
    assert isinstance(main, MainWindow)
    assert main.top_bar.badge.text() == "TEST"
    assert main.top_bar.profiles.currentText() == main.top_bar.account.text() != ""
    first_sync(loop, main)

    dialog = controller.add_profile()
    dialog.key.setText(KEY)
    assert run(loop, dialog.save()) is None
    assert "STRIPE_API_KEY is set" in dialog.status.text()
    assert "set STRIPE_API_KEY for this run" not in dialog.status.text()
    controller.shutdown()
    assert controller.settings.profiles == []
    assert _files_containing(tmp_path, KEY) == []
