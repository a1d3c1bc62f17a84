"""Shared test fixtures: headless Qt, a live sandbox server and an SDK client for it."""

from __future__ import annotations

import os
from collections.abc import Iterator

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")

import pytest  # noqa: E402
import stripe  # noqa: E402

from posapp.sandbox import Sandbox, running  # noqa: E402

TEST_KEY = "sk_test_posapp_tests"


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
