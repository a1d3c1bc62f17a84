"""Kill/damage: each of the files PosApp keeps (cache, journal, settings), truncated or with
random bytes at its start, never stops the app or `sync --once`: both start, say what they
did, and no settled journal row that could still be read is lost."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
import qasync
from cli_support import run_posapp, write_settings
from test_journal_damage import random_bytes_at_start, readable_rows, truncate
from ui_support import run

from posapp.config import Paths
from posapp.keys import Profile
from posapp.sandbox import Sandbox
from posapp.services.session import open_session
from posapp.store.journal import Journal
from posapp.sync.commands import run_sync_once
from posapp.ui.shell.launch import GuiOptions, make_controller
from posapp.ui.shell.main_window import MainWindow
from posapp.worker import Worker

KEY = "sk_test_posapp_damage"
SAID = {"cache": "cache was damaged", "journal": "journal of money writes was damaged",
        "settings": "settings file could not be read"}


def settled_keys(journal_file: Path) -> set[str]:
    journal = Journal(journal_file)
    try:
        return {e.key for e in journal.entries() if e.state.value in ("succeeded", "failed")}
    finally:
        journal.close()


def prepare(sandbox: Sandbox, data: Path) -> dict[str, Path]:
    """A data dir as a day's work leaves it: a synced cache, settled journal rows, settings."""
    write_settings(data, sandbox.url)
    profile = Profile("Counter", "test", "acct_1PosAppSandbox0001", "Sandbox Coffee",
                      sandbox.url)
    session = open_session(Paths.resolve(data), profile, KEY)
    run_sync_once(session.gateway, session.cache)
    for n in range(30):
        session.journal.begin(f"key-{n}", "refund.create", {"ids": [], "params": {"n": n}})
        session.journal.succeed(f"key-{n}", object_id=f"re_{n}", request_id=None)
    files = {"cache": session.cache.path, "journal": Path(str(session.cache.path).replace(
        ".cache.", ".journal.")), "settings": Paths.resolve(data).settings_file}
    session.close()
    return files


def check_no_readable_settled_row_lost(journal_file: Path, before: set[str]) -> None:
    damaged = sorted(journal_file.parent.glob(journal_file.name + ".damaged-*"))
    damaged = [d for d in damaged if not d.name.endswith(("-wal", "-shm"))]
    readable = readable_rows(damaged[0], "idempotency", "key") if damaged else before
    assert before & readable <= settled_keys(journal_file)


@pytest.mark.parametrize("damage", [truncate, random_bytes_at_start])
@pytest.mark.parametrize("which", ["cache", "journal", "settings"])
def test_sync_once_starts_on_a_damaged_file_and_says_so(
        sandbox: Sandbox, tmp_path: Path, which: str, damage: Callable[[Path], None]) -> None:
    files = prepare(sandbox, tmp_path)
    before = settled_keys(files["journal"])
    damage(files[which])
    done = run_posapp(["sync", "--once", "--data-dir", str(tmp_path), "--api-base", sandbox.url],
                      env={"STRIPE_API_KEY": KEY})
    assert done.returncode == 0, done.stdout + done.stderr
    assert SAID[which] in done.stdout and "events applied" in done.stdout
    assert "Traceback" not in done.stderr
    check_no_readable_settled_row_lost(files["journal"], before)


@pytest.mark.parametrize("damage", [truncate, random_bytes_at_start])
@pytest.mark.parametrize("which", ["cache", "journal", "settings"])
def test_the_app_starts_on_a_damaged_file_and_says_so(
        loop: qasync.QEventLoop, sandbox: Sandbox, tmp_path: Path, worker: Worker,
        monkeypatch: pytest.MonkeyPatch, which: str,
        damage: Callable[[Path], None]) -> None:
    files = prepare(sandbox, tmp_path)
    before = settled_keys(files["journal"])
    damage(files[which])
    monkeypatch.setenv("STRIPE_API_KEY", KEY)
    controller = make_controller(GuiOptions(paths=Paths.resolve(tmp_path),
                                            api_base=sandbox.url), worker)
    run(loop, controller.start())
    assert isinstance(controller.window, MainWindow)
    assert controller.notice_box is not None and controller.notice_box.isVisible()
    assert SAID[which] in controller.notice_box.text()
    controller.shutdown()
    check_no_readable_settled_row_lost(files["journal"], before)
