"""A local, in-memory, Stripe-compatible API server for the demo and the tests.

`running(seed=...)` starts one in this process on a free port (`.url` is its API base);
`python -m posapp.sandbox` runs it as a program. See docs/sandbox.md.
"""

from . import resources as _resources  # noqa: F401  (registers every route)
from .server import Options, Sandbox, running
from .state import API_VERSION, State

__all__ = ["API_VERSION", "Options", "Sandbox", "State", "running"]
