"""Seeds: `empty`, the `demo` shop, and `bench:N` objects for benchmarks."""

from __future__ import annotations

from .demo import Progress, seed_bench, seed_demo
from .errors import ApiError
from .state import State


def apply_seed(state: State, seed: str, progress: Progress | None = None) -> None:
    """Fill `state` as the seed names (a bench seed reports `progress`); raises ValueError
    for an unknown seed."""
    name, _, arg = seed.partition(":")
    if name == "empty":
        return
    if name == "demo":
        seed_demo(state)
        return
    if name == "bench":
        try:
            count = int(arg)
        except ValueError:
            raise ValueError(f"bench seed needs a count, e.g. bench:30000 (got {seed!r})") from None
        seed_bench(state, count, progress)
        return
    raise ValueError(f"unknown seed {seed!r}: use empty, demo or bench:N")


__all__ = ["ApiError", "apply_seed"]
