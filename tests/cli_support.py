"""Running `posapp` as a user does: a separate process, its own environment, a data dir."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def run_posapp(args: Sequence[str], *, env: Mapping[str, str] | None = None,
               stdin: str | None = None, umask: int = 0o022,
               timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """`python -m posapp ARGS` with only `env` (plus PATH, a throwaway HOME if not given, and
    the test's Qt settings) in its environment and the given umask; output captured."""
    full = {"PATH": "/usr/bin:/bin", "QT_QPA_PLATFORM": "offscreen",
            "PYTHONPATH": str(REPO), **(env or {})}
    return subprocess.run(  # noqa: S603
        [sys.executable, "-m", "posapp", *args], input=stdin, capture_output=True, text=True,
        env=full, timeout=timeout, cwd=REPO, preexec_fn=lambda: os.umask(umask), check=False)


def write_settings(data_dir: Path, sandbox_url: str, *, name: str = "Counter") -> Path:
    """A settings file with one test profile on the sandbox, as the app would have saved it."""
    path = data_dir / "config" / "settings.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({
        "profiles": [{"name": name, "mode": "test", "account_id": "acct_1PosAppSandbox0001",
                      "account_name": "Sandbox Coffee", "api_base": sandbox_url,
                      "default_currency": "usd"}],
        "last_profile": name}), encoding="utf-8")
    return path


