"""Headless first run: `sync` works from STRIPE_API_KEY alone (a profile for that run, named
after the account), and `posapp profile add/list/remove` manage keyring profiles without
the GUI, the key read from a hidden prompt or stdin, never from the command line."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from cli_support import run_posapp
from keyring_support import MemoryKeyring

from posapp.app import main
from posapp.sandbox import Sandbox

KEY = "sk_test_posapp_cli_profiles"


def posapp(args: list[str], stdin: str, monkeypatch: pytest.MonkeyPatch,
           capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = main(args)
    return code, capsys.readouterr().out


def test_sync_once_works_from_the_key_alone(sandbox: Sandbox, tmp_path: Path) -> None:
    done = run_posapp(["sync", "--once", "--data-dir", str(tmp_path), "--api-base", sandbox.url],
                      env={"STRIPE_API_KEY": KEY})
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Using STRIPE_API_KEY for " in done.stdout and "events applied" in done.stdout
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "config" / "settings.json").exists()  # nothing saved for it


def test_sync_without_a_profile_or_key_says_how_to_get_one(tmp_path: Path) -> None:
    done = run_posapp(["sync", "--once", "--data-dir", str(tmp_path)])
    assert done.returncode == 2
    assert "posapp profile add" in done.stdout and "STRIPE_API_KEY" in done.stdout


def test_profiles_are_added_listed_and_removed_without_the_gui(
        sandbox: Sandbox, tmp_path: Path, memory_keyring: MemoryKeyring, in_process: None,
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    data = ["--data-dir", str(tmp_path)]
    code, out = posapp(["profile", "add", "Shop", *data, "--api-base", sandbox.url],
                       f"{KEY}\n", monkeypatch, capsys)
    assert code == 0, out
    assert "acct_1PosAppSandbox0001" in out and KEY not in out
    assert memory_keyring.store[("posapp", "Shop")] == KEY
    assert KEY not in (tmp_path / "config" / "settings.json").read_text(encoding="utf-8")
    code, out = posapp(["profile", "list", *data], "", monkeypatch, capsys)
    assert code == 0
    name, mode, account, account_name, base = out.splitlines()[-1].split("\t")
    assert (name, mode, account, base) == ("Shop", "test", "acct_1PosAppSandbox0001",
                                           sandbox.url)
    assert account_name
    code, out = posapp(["profile", "add", "Till", *data], "pk_test_abc\n", monkeypatch, capsys)
    assert code == 2 and "publishable key" in out
    code, out = posapp(["sync", "--once", *data], "", monkeypatch, capsys)
    assert code == 0 and "events applied" in out
    code, out = posapp(["profile", "remove", "Shop", *data], "", monkeypatch, capsys)
    assert code == 0
    assert memory_keyring.store == {}
    settings = json.loads((tmp_path / "config" / "settings.json").read_text(encoding="utf-8"))
    assert settings["profiles"] == []


def test_profile_add_refuses_a_key_on_the_command_line(tmp_path: Path) -> None:
    done = run_posapp(["profile", "add", "Shop", KEY, "--data-dir", str(tmp_path)])
    assert done.returncode == 2
    assert "unrecognized arguments: sk_test_…" in done.stderr and KEY not in done.stderr


def test_profile_problems_are_one_line(
        sandbox: Sandbox, tmp_path: Path, failing_keyring: None, in_process: None,
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    data = ["--data-dir", str(tmp_path)]
    code, out = posapp(["profile", "add", "Shop", *data, "--api-base", sandbox.url],
                       f"{KEY}\n", monkeypatch, capsys)
    assert code == 2 and "keyring" in out and len(out.strip().splitlines()) == 1
    code, out = posapp(["profile", "remove", "Nobody", *data], "", monkeypatch, capsys)
    assert code == 2 and "no profile named" in out
    code, out = posapp(["profile", "list", *data], "", monkeypatch, capsys)
    assert code == 0 and "No profiles yet" in out
