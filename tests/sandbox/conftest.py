"""Fixtures of the sandbox tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from posapp.sandbox import Sandbox, running


@pytest.fixture(scope="module")
def demo() -> Iterator[Sandbox]:
    """A sandbox seeded with the demo shop, shared by a module's tests (they only read)."""
    with running(seed="demo") as server:
        yield server
