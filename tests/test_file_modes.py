"""Files PosApp writes are readable by the user only (0600 in 0700 folders, on POSIX), and
folders or files found readable by others at start are tightened, with a log line."""

from __future__ import annotations

import stat
import sys
from pathlib import Path

import pytest
from cli_support import run_posapp, write_settings

from posapp.sandbox import Sandbox

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX modes")


def modes(root: Path) -> dict[str, int]:
    return {str(p.relative_to(root)): stat.S_IMODE(p.stat().st_mode)
            for p in [root, *root.rglob("*")]}


def test_everything_the_app_writes_is_private_and_loose_modes_are_tightened(
        sandbox: Sandbox, tmp_path: Path) -> None:
    data = tmp_path / "posapp"
    settings = write_settings(data, sandbox.url)
    (data / "logs").mkdir(mode=0o755)
    (data / "logs" / "posapp.log").write_text("old line\n", encoding="utf-8")
    (data / "config" / "notes.txt").write_text("the user's own", encoding="utf-8")
    for path in (data, data / "config", data / "logs"):
        path.chmod(0o755)
    for path in (settings, data / "logs" / "posapp.log", data / "config" / "notes.txt"):
        path.chmod(0o644)
    done = run_posapp(["sync", "--once", "--data-dir", str(data)],
                      env={"STRIPE_API_KEY": "sk_test_posapp_modes"})
    assert done.returncode == 0, done.stderr
    # The --data-dir folder itself and files PosApp did not write are the user's business.
    assert modes(data).pop(".") == 0o755
    assert modes(data).pop("config/notes.txt") == 0o644
    found = {k: v for k, v in modes(data).items() if k not in (".", "config/notes.txt")}
    assert any(name.endswith(".cache.sqlite3") for name in found)
    assert any(name.endswith(".journal.sqlite3") for name in found)
    wrong = {name: oct(mode) for name, mode in found.items()
             if mode != (0o700 if (data / name).is_dir() else 0o600)}
    assert wrong == {}
    log = (data / "logs" / "posapp.log").read_text(encoding="utf-8")
    assert "Tightened permissions of" in log and "settings.json" in log
