"""The grep test: a fake live-format key given through every path (STRIPE_API_KEY, the
keyring, pasted into the settings file) and pointed at a server that is not Stripe. After
the CLI and the GUI have run, no file PosApp wrote and no request the other server received
holds the key or any 12-character piece of it, and no client_secret is stored anywhere."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
import qasync
import stripe
from cli_support import run_posapp, write_settings
from keyring_support import MemoryKeyring
from recording_server import RecordingServer, recording_server
from ui_support import run

from posapp.app import main
from posapp.config import Paths, Settings
from posapp.keys import KeyVault
from posapp.sandbox import Sandbox
from posapp.services.cli_sync import run_sync_command
from posapp.ui.shell.launch import GuiOptions, make_controller
from posapp.ui.shell.welcome_window import WelcomeWindow
from posapp.worker import Worker

LIVE = "sk_" + "live_" + "51Gr3pT3stK3yAbCdEfGhIjKlMnOpQrStUvWx"
PIECE = 12


def pieces(secret: str) -> set[bytes]:
    return {secret[i:i + PIECE].encode() for i in range(len(secret) - PIECE + 1)}


def leaks(data: bytes) -> list[bytes]:
    return sorted(p for p in pieces(LIVE) if p in data)


@pytest.fixture
def other_server() -> Iterator[RecordingServer]:
    with recording_server() as server:
        yield server


def test_a_live_key_leaks_nowhere_and_no_client_secret_is_kept(
        loop: qasync.QEventLoop, tmp_path: Path, sandbox: Sandbox, worker: Worker,
        client: stripe.StripeClient, other_server: RecordingServer,
        memory_keyring: MemoryKeyring, in_process: None,
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "posapp"
    paths = Paths.resolve(data)
    elsewhere = other_server.url
    outputs: list[str] = []

    # Through the environment: the CLI in its own process, then the GUI.
    done = run_posapp(["sync", "--once", "--data-dir", str(data), "--api-base", elsewhere],
                      env={"STRIPE_API_KEY": LIVE})
    assert done.returncode != 0 and "only ever sent to https://api.stripe.com" in done.stdout
    outputs += [done.stdout, done.stderr]
    monkeypatch.setenv("STRIPE_API_KEY", LIVE)
    controller = make_controller(GuiOptions(paths=paths, api_base=elsewhere), worker)
    run(loop, controller.start())
    assert isinstance(controller.window, WelcomeWindow)
    assert "only ever sent" in controller.window.message.text()
    controller.shutdown()
    monkeypatch.delenv("STRIPE_API_KEY")

    # Through the keyring: a live profile whose settings point elsewhere, and `profile add`.
    KeyVault().set("Shop", LIVE)
    settings = Settings.load(paths.settings_file)
    settings.profiles.append({"name": "Shop", "mode": "live", "account_id": "acct_1",
                              "account_name": "Shop", "api_base": elsewhere})
    settings.last_profile = "Shop"
    settings.save()
    out = io.StringIO()
    assert run_sync_command(paths, profile_name=None, api_base=None, once=True, verify=False,
                            environ={}, out=out) != 0
    outputs.append(out.getvalue())
    controller = make_controller(GuiOptions(paths=paths), worker)
    run(loop, controller.start())
    assert isinstance(controller.window, WelcomeWindow)
    controller.shutdown()
    monkeypatch.setattr("sys.stdin", io.StringIO(LIVE + "\n"))
    assert main(["profile", "add", "Till", "--data-dir", str(data), "--api-base", elsewhere]) != 0
    outputs += list(capsys.readouterr())

    # Pasted into the settings file, next to a test profile on the sandbox that has objects
    # with client secrets to sync.
    client.v1.payment_intents.create(params={"amount": 500, "currency": "usd"})
    client.v1.setup_intents.create(params={})
    write_settings(data, sandbox.url)
    raw = json.loads(paths.settings_file.read_text(encoding="utf-8"))
    raw["api_key"] = LIVE
    raw["profiles"][0]["secret_key"] = LIVE
    paths.settings_file.write_text(json.dumps(raw), encoding="utf-8")
    done = run_posapp(["sync", "--once", "--data-dir", str(data)],
                      env={"STRIPE_API_KEY": "sk_test_posapp_grep"})
    assert done.returncode == 0, done.stdout + done.stderr
    outputs += [done.stdout, done.stderr]

    written = {p: p.read_bytes() for p in data.rglob("*") if p.is_file()}
    assert any(p.name.endswith(".cache.sqlite3") for p in written)
    assert {str(p): leaks(b) for p, b in written.items() if leaks(b)} == {}
    assert [p for p, b in written.items() if b"client_secret" in b] == []
    assert other_server.requests == []
    assert [o for o in outputs if leaks(o.encode())] == []
