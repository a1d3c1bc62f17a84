"""The test key and account every test's SDK client and session use, and a services
session on a sandbox (importable from any test folder: `conftest` names more than one
module, so tests import these from here)."""

from __future__ import annotations

from pathlib import Path

from posapp.config import Paths
from posapp.keys import Profile
from posapp.sandbox import Sandbox
from posapp.services.session import Session, open_session

TEST_KEY = "sk_test_posapp_tests"
SANDBOX_ACCOUNT = "acct_1PosAppSandbox0001"


def sandbox_profile(name: str = "Counter", mode: str = "test") -> Profile:
    """A profile of the sandbox's account, as `add_profile` would have stored it."""
    return Profile(name, "live" if mode == "live" else "test", SANDBOX_ACCOUNT, "Sandbox Coffee")


def open_test_session(sandbox: Sandbox, data_dir: Path) -> Session:
    """A services session on the sandbox with its files under `data_dir`."""
    return open_session(Paths.resolve(data_dir), sandbox_profile(), TEST_KEY, api_base=sandbox.url)
