"""Shared test fixtures: headless Qt, a live sandbox server, an SDK client, a services session
on it, keyrings."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")

from collections.abc import Iterator
from pathlib import Path

import contract_support
import keyring
import pytest
import stripe
from keyring.backends import fail
from keyring_support import MemoryKeyring
from sdk_support import TEST_KEY, open_test_session

from posapp.sandbox import Sandbox, running
from posapp.services.session import Session


@pytest.fixture
def sandbox() -> Iterator[Sandbox]:
    """An empty sandbox server on a free port, stopped after the test."""
    with running() as server:
        yield server


@pytest.fixture
def client(sandbox: Sandbox) -> stripe.StripeClient:
    """The official SDK pointed at the `sandbox` fixture, with SDK retries off."""
    return stripe.StripeClient(TEST_KEY, base_addresses={"api": sandbox.url},
                               max_network_retries=0)


@pytest.fixture
def session(sandbox: Sandbox, tmp_path: Path) -> Iterator[Session]:
    """An open services Session on the `sandbox` fixture, its SQLite files in tmp_path."""
    opened = open_test_session(sandbox, tmp_path)
    yield opened
    opened.close()


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    """An in-memory keyring set as the process's keyring; the previous one comes back after."""
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def failing_keyring() -> Iterator[None]:
    """keyring's own 'no recommended backend' keyring, as on a bare Linux box."""
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())  # type: ignore[no-untyped-call]
    yield
    keyring.set_keyring(previous)


def pytest_configure(config: pytest.Config) -> None:
    """Every sandbox the suite starts records its answers for the contract check."""
    contract_support.install()


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """The sandbox contract: everything it answered this session, and every request the SDK
    sent it, checked against stripe-python's classes and typed params (0 differences)."""
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    write = reporter.write_line if reporter is not None else print
    if contract_support.report(contract_support.RECORDED, write) and exitstatus == 0:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
