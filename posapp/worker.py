"""Background worker: runs blocking jobs (gateway calls, services, sync) off the GUI thread.

GUI code running under qasync awaits ``result = await worker.run(fn, *args)``; the job runs on
one of the worker's threads and its result or exception comes back on the awaiting loop's
thread. A job that wants progress reporting or cooperative cancellation is started with
``worker.run_job(job, fn, *args)`` and receives the :class:`Job` as its first argument.
Long-running loops (the sync poller) get a dedicated thread via
:meth:`Worker.start_background`. Standard library only, so it runs without a display.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from types import TracebackType
from typing import Concatenate, ParamSpec, TypeVar

__all__ = [
    "BackgroundTask",
    "Job",
    "JobCancelled",
    "Progress",
    "ProgressCallback",
    "Worker",
    "WorkerClosed",
]

_log = logging.getLogger(__name__)

P = ParamSpec("P")
T = TypeVar("T")

THREAD_NAME_PREFIX = "stripe-worker"


class JobCancelled(Exception):
    """The job was cancelled (its awaiting task was cancelled, or the worker shut down)."""


class WorkerClosed(RuntimeError):
    """The worker has been shut down and accepts no more jobs."""


@dataclass(frozen=True)
class Progress:
    """One progress report: ``done`` of ``total`` units (``total`` None when unknown)."""

    done: int
    total: int | None
    message: str = ""


ProgressCallback = Callable[[Progress], None]


class Job:
    """Handle a job uses to report progress and to notice that it was cancelled.

    Create one per run, optionally with ``on_progress``, which is called on the loop thread
    that awaits the job. Progress reports are coalesced: while one delivery is waiting for the
    loop, newer reports replace it, so a flood of reports cannot swamp the GUI. The last report
    sent before the job returns is delivered before the awaiting code resumes.
    """

    def __init__(self, on_progress: ProgressCallback | None = None) -> None:
        self._on_progress = on_progress
        self._cancel = threading.Event()
        self._lock = threading.Lock()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._latest: Progress | None = None
        self._delivery_pending = False
        self._started = False

    @property
    def cancelled(self) -> bool:
        """Whether cancellation was requested."""
        return self._cancel.is_set()

    def cancel(self) -> None:
        """Request cancellation; safe from any thread. A running job stops at its next check."""
        self._cancel.set()

    def raise_if_cancelled(self) -> None:
        """Raise :class:`JobCancelled` if cancellation was requested."""
        if self._cancel.is_set():
            raise JobCancelled("cancelled")

    def wait(self, timeout: float | None) -> bool:
        """Sleep up to ``timeout`` seconds, waking early on cancellation; True if cancelled."""
        return self._cancel.wait(timeout)

    def progress(self, done: int, total: int | None, message: str = "") -> None:
        """Report progress from the job's thread (a no-op when nobody listens)."""
        loop = self._loop
        if self._on_progress is None or loop is None:
            return
        with self._lock:
            self._latest = Progress(done, total, message)
            if self._delivery_pending:
                return
            self._delivery_pending = True
        _call_on_loop(loop, self._deliver_progress)

    def _start(self, loop: asyncio.AbstractEventLoop | None) -> None:
        with self._lock:
            if self._started:
                raise RuntimeError("a Job can only be run once")
            self._started = True
            self._loop = loop

    def _deliver_progress(self) -> None:
        with self._lock:
            latest, self._latest = self._latest, None
            self._delivery_pending = False
        if latest is not None and self._on_progress is not None and not self.cancelled:
            self._on_progress(latest)


class BackgroundTask:
    """A long-running loop on its own thread; :meth:`stop` cancels its :class:`Job`."""

    def __init__(self, name: str, call: Callable[[Job], object]) -> None:
        self.job = Job()
        self._call = call
        self._error: Exception | None = None
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)

    @property
    def name(self) -> str:
        """The thread's name."""
        return self._thread.name

    @property
    def thread(self) -> threading.Thread:
        """The dedicated thread."""
        return self._thread

    @property
    def error(self) -> Exception | None:
        """The exception that ended the loop, if any (it is also logged)."""
        return self._error

    def stop(self) -> None:
        """Ask the loop to stop (sets its job's cancel flag)."""
        self.job.cancel()

    def join(self, timeout: float | None = None) -> bool:
        """Wait for the thread to end; True if it has."""
        self._thread.join(timeout)
        return not self._thread.is_alive()

    def is_alive(self) -> bool:
        """Whether the loop is still running."""
        return self._thread.is_alive()

    def _run(self) -> None:
        try:
            self._call(self.job)
        except JobCancelled:
            pass
        except Exception as exc:
            self._error = exc
            _log.exception("background task %s failed", self.name)


class Worker:
    """Background threads that run blocking jobs for code on an asyncio (qasync) loop."""

    def __init__(self, max_workers: int = 4) -> None:
        self._lock = threading.Lock()
        self._threads: list[threading.Thread] = []
        self._jobs: set[Job] = set()
        self._backgrounds: list[BackgroundTask] = []
        self._closed = False
        self._executor = concurrent.futures.ThreadPoolExecutor(
            max_workers=max_workers,
            thread_name_prefix=THREAD_NAME_PREFIX,
            initializer=self._register_current_thread,
        )

    def __enter__(self) -> Worker:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.shutdown()

    async def run(self, fn: Callable[P, T], /, *args: P.args, **kwargs: P.kwargs) -> T:
        """Run ``fn(*args, **kwargs)`` on a worker thread and return its result.

        Cancelling the awaiting task drops the job if it has not started yet; a job already
        running (e.g. an HTTP request) finishes and its result is discarded.
        """

        def call(job: Job) -> T:
            return fn(*args, **kwargs)

        return await self._submit(Job(), call)

    async def run_job(
        self,
        job: Job,
        fn: Callable[Concatenate[Job, P], T],
        /,
        *args: P.args,
        **kwargs: P.kwargs,
    ) -> T:
        """Run ``fn(job, *args, **kwargs)`` on a worker thread and return its result.

        Cancelling the awaiting task cancels ``job``: the job stops at its next
        ``job.raise_if_cancelled()`` (or never starts, if still queued).
        """

        def call(job: Job) -> T:
            return fn(job, *args, **kwargs)

        return await self._submit(job, call)

    def start_background(
        self, fn: Callable[Concatenate[Job, P], object], /, *args: P.args, **kwargs: P.kwargs
    ) -> BackgroundTask:
        """Start ``fn(job, *args, **kwargs)`` on a dedicated thread, for long-running loops.

        The loop should sleep with ``job.wait(seconds)`` and return once it reports True;
        :meth:`BackgroundTask.stop` and :meth:`shutdown` cancel the job. An exception that
        ends the loop is logged and kept in :attr:`BackgroundTask.error`. There is no awaiting
        loop, so ``job.progress`` is a no-op; a loop reports through its own (thread-safe)
        callback, such as a Qt signal.
        """

        def call(job: Job) -> object:
            return fn(job, *args, **kwargs)

        name = f"{THREAD_NAME_PREFIX}-{getattr(fn, '__name__', 'background')}"
        task = BackgroundTask(name, call)
        with self._lock:
            if self._closed:
                raise WorkerClosed("the worker is shut down")
            self._backgrounds = [bg for bg in self._backgrounds if bg.is_alive()]
            self._threads = [thread for thread in self._threads if thread.is_alive()]
            self._backgrounds.append(task)
            self._threads.append(task.thread)
        task.job._start(None)
        task.thread.start()
        return task

    @property
    def active_jobs(self) -> int:
        """Jobs submitted with run/run_job that have not finished (queued or running)."""
        with self._lock:
            return len(self._jobs)

    def threads(self) -> list[threading.Thread]:
        """The worker's live threads (pool threads and background loops)."""
        with self._lock:
            return [thread for thread in self._threads if thread.is_alive()]

    def is_worker_thread(self, thread: threading.Thread | None = None) -> bool:
        """Whether ``thread`` (default: the current thread) belongs to this worker."""
        thread = thread or threading.current_thread()
        return thread in self.threads()

    def shutdown(self, wait: bool = True, timeout: float | None = None) -> bool:
        """Stop background loops, cancel queued and running jobs, and refuse new ones.

        Awaiters of jobs that never started get :class:`JobCancelled`. With ``wait``, block up
        to ``timeout`` seconds (None: no limit) for the threads to end. Returns True when every
        worker thread has ended. Calling it again is harmless.
        """
        with self._lock:
            self._closed = True
            jobs = list(self._jobs)
            backgrounds = list(self._backgrounds)
        for job in jobs:
            job.cancel()
        for task in backgrounds:
            task.stop()
        self._executor.shutdown(wait=False, cancel_futures=True)
        if wait:
            deadline = None if timeout is None else time.monotonic() + timeout
            with self._lock:
                threads = list(self._threads)
            for thread in threads:
                if thread is threading.current_thread():
                    continue  # a job shutting the worker down cannot wait for itself
                remaining = None if deadline is None else max(0.0, deadline - time.monotonic())
                thread.join(remaining)
        return not self.threads()

    def _register_current_thread(self) -> None:
        with self._lock:
            self._threads.append(threading.current_thread())

    async def _submit(self, job: Job, call: Callable[[Job], T]) -> T:
        loop = asyncio.get_running_loop()
        job._start(loop)
        with self._lock:
            if self._closed:
                raise WorkerClosed("the worker is shut down")
            self._jobs.add(job)
            # Submitting under the lock keeps shutdown() from slipping in between.
            future = self._executor.submit(_execute, job, call)
        result: asyncio.Future[T] = loop.create_future()

        def forget(done: concurrent.futures.Future[T]) -> None:
            with self._lock:
                self._jobs.discard(job)
            _call_on_loop(loop, _settle, job, done, result)

        future.add_done_callback(forget)
        try:
            return await result
        except asyncio.CancelledError:
            job.cancel()
            future.cancel()
            raise


def _call_on_loop(
    loop: asyncio.AbstractEventLoop, callback: Callable[..., object], *args: object
) -> None:
    """Schedule ``callback`` on ``loop`` from any thread; dropped if the loop is closed."""
    if loop.is_closed():
        return
    with contextlib.suppress(RuntimeError):  # closed in between: nobody is listening
        loop.call_soon_threadsafe(callback, *args)


def _execute(job: Job, call: Callable[[Job], T]) -> T:
    job.raise_if_cancelled()
    return call(job)


def _settle(job: Job, done: concurrent.futures.Future[T], result: asyncio.Future[T]) -> None:
    """Copy a finished job's outcome to the awaiting future, on the loop thread.

    The awaiting task resumes in a later loop iteration, so flushing the last progress report
    after setting the outcome still delivers it first.
    """
    if not result.done():
        if done.cancelled():
            result.set_exception(JobCancelled("the worker shut down before the job started"))
        elif (exc := done.exception()) is not None:
            result.set_exception(exc)
        else:
            result.set_result(done.result())
    job._deliver_progress()
