"""Shared test fixtures: headless Qt with a qasync loop, the app's worker, a live sandbox
server, an SDK client, a services session on it, keyrings, `main()` run in this process."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")

import asyncio
import logging
from collections.abc import Iterator
from pathlib import Path

import contract_support
import keyring
import pytest
import qasync
import stripe
from keyring.backends import fail
from keyring_support import MemoryKeyring
from PySide6.QtCore import QLocale, QTranslator
from PySide6.QtWidgets import QApplication
from sdk_support import TEST_KEY, open_test_session

from posapp.sandbox import Sandbox, running
from posapp.services.session import Session
from posapp.worker import Worker


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


@pytest.fixture
def loop(qapp: QApplication) -> Iterator[qasync.QEventLoop]:
    """A qasync event loop over the test QApplication; async UI code runs inside it."""
    event_loop = qasync.QEventLoop(qapp)
    asyncio.set_event_loop(event_loop)
    yield event_loop
    event_loop.run_until_complete(settle_tasks())
    event_loop.close()
    asyncio.set_event_loop(None)
    # A test that switched to Chinese must not leave the next one in Chinese.
    for translator in qapp.findChildren(QTranslator):
        qapp.removeTranslator(translator)
    QLocale.setDefault(QLocale("en_US"))


async def settle_tasks() -> None:
    """Cancel what is still pending (a closed window's refreshes) and let it wind down."""
    pending = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
    for task in pending:
        task.cancel()
    await asyncio.gather(*pending, return_exceptions=True)


@pytest.fixture
def worker() -> Iterator[Worker]:
    """The app's worker, shut down after the test."""
    with Worker() as pool:
        yield pool


@pytest.fixture
def in_process(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """For tests that call `posapp.app.main()` in this process: STRIPE_API_KEY unset, and the
    umask and log handlers `main()` sets are undone afterwards."""
    umask = os.umask(0o022)
    os.umask(umask)
    handlers = list(logging.getLogger().handlers)
    monkeypatch.delenv("STRIPE_API_KEY", raising=False)
    yield
    os.umask(umask)
    for handler in logging.getLogger().handlers:
        if handler not in handlers:
            logging.getLogger().removeHandler(handler)
            handler.close()
