"""Backfill pages prepared in worker processes, so that the app's own process, with its one
GIL, only fetches pages and runs their SQL.

At live mode's 100 requests a second, parsing and encoding a page (`store.pages.prepare_page`,
about 6 ms of CPU) on the backfill's threads kept the whole process below the rate limit
on CPU under its GIL. The workers are started from a fork server (a fresh interpreter that
preloads `store.pages`), never by forking the app itself, whose Qt threads a fork would
copy mid-flight. A pool that fails (a worker killed, processes that cannot start) leaves
the rest of the backfill to the app's process: slower, never a lost page.
"""

from __future__ import annotations

import concurrent.futures
import logging
import multiprocessing
import os
import threading
from collections.abc import Mapping
from concurrent.futures import Future, ProcessPoolExecutor
from typing import cast

from posapp.store.pages import Paths, PreparedPage, prepare_page

log = logging.getLogger(__name__)

DEFAULT_PROCESSES = min(2, os.cpu_count() or 1)


class PageWorkers:
    """Prepares pages in up to `processes` worker processes (0: always in this process),
    started when the first page is handed to them and ended by `close`; pages are prepared
    in this process until the workers are up."""

    def __init__(self, processes: int = DEFAULT_PROCESSES) -> None:
        self.processes = processes
        self.failure: BaseException | None = None
        self._lock = threading.Lock()
        self._executor: ProcessPoolExecutor | None = None
        self._started: list[Future[int]] = []

    def prepare(self, body: bytes, expanded: Paths, generation: int,
                dictionaries: Mapping[str, tuple[int, bytes]], *,
                here: bool = False) -> PreparedPage:
        """`prepare_page` in a worker, or in this process when `here` is set (a single
        page is not worth starting the workers for) or the workers have failed."""
        executor = None if here else self._executor_or_none()
        if executor is not None:
            try:
                return executor.submit(prepare_page, body, expanded, generation,
                                       dict(dictionaries)).result()
            except Exception as error:
                # The pool broke or could not start. An error of the page itself is raised
                # again below, in this process.
                self._fail(error)
        return prepare_page(body, expanded, generation, dictionaries)

    def ready(self, timeout: float) -> bool:
        """Start the workers if they are not running, and wait up to `timeout` seconds for
        them; whether pages now go to them."""
        if self._executor_or_none() is None and self._started:
            concurrent.futures.wait(self._started, timeout)
        return self._executor_or_none() is not None

    def close(self) -> None:
        """End the worker processes (waiting for them); a later page starts new ones."""
        with self._lock:
            executor, self._executor = self._executor, None
        if executor is not None:
            executor.shutdown(wait=True, cancel_futures=True)

    def _executor_or_none(self) -> ProcessPoolExecutor | None:
        """The pool once its workers are up; None meanwhile (starting them takes a second or
        more on a busy machine, which pages should not wait for) or after a failure."""
        with self._lock:
            if self.failure is not None or self.processes < 1:
                return None
            starting = self._executor is None
            if starting:
                context = multiprocessing.get_context("forkserver")
                context.set_forkserver_preload(["__main__", "posapp.store.pages"])
                self._executor = ProcessPoolExecutor(self.processes, mp_context=context)
            executor, started = self._executor, self._started
        assert executor is not None
        if starting:
            try:
                started = [executor.submit(int) for _ in range(self.processes)]
            except Exception as error:  # e.g. a main module that starts the app unguarded
                self._fail(error)
                return None
            with self._lock:
                self._started = started
        if not all(future.done() for future in started):
            return None
        for future in started:
            if future.exception() is not None:
                self._fail(cast(BaseException, future.exception()))
                return None
        return executor

    def _fail(self, error: BaseException) -> None:
        with self._lock:
            if self.failure is not None:
                return
            self.failure = error
        log.warning("backfill page workers failed (%s); preparing pages in the app's "
                    "process from now on, which is slower", error)
