"""The background worker, driven by a plain asyncio loop and by qasync's Qt loop."""

from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import Coroutine, Iterator
from typing import Any, TypeVar

import pytest
import qasync
from PySide6.QtWidgets import QApplication

from posapp.worker import Job, JobCancelled, Progress, Worker, WorkerClosed

T = TypeVar("T")

# Only a safety net so a broken worker fails the run instead of hanging it; never reached
# when the code works.
HANG = 30.0


@pytest.fixture(params=["asyncio", "qasync"])
def loop(request: pytest.FixtureRequest) -> Iterator[asyncio.AbstractEventLoop]:
    """A plain asyncio loop, then qasync's QEventLoop over pytest-qt's QApplication."""
    if request.param == "qasync":
        qapp: QApplication = request.getfixturevalue("qapp")
        event_loop: asyncio.AbstractEventLoop = qasync.QEventLoop(qapp)
    else:
        event_loop = asyncio.new_event_loop()
    yield event_loop
    event_loop.close()


@pytest.fixture
def worker(loop: asyncio.AbstractEventLoop) -> Iterator[Worker]:
    """A worker with two threads, shut down before its loop closes."""
    with Worker(max_workers=2) as running:
        yield running


def drive(loop: asyncio.AbstractEventLoop, coro: Coroutine[Any, Any, T]) -> T:
    """Run a test coroutine; under pytest-qt it only advances while the loop runs."""
    return loop.run_until_complete(coro)


async def occupy(worker: Worker, gate: threading.Event) -> asyncio.Future[bool]:
    """Start a job that holds a worker thread until ``gate`` is set; return once it runs."""
    running = asyncio.Event()

    def hold(job: Job) -> bool:
        job.progress(0, None, "holding a worker thread")
        return gate.wait(HANG)

    held = asyncio.ensure_future(worker.run_job(Job(lambda _progress: running.set()), hold))
    await running.wait()
    return held


def on_loop_thread() -> bool:
    """Whether the caller runs on the thread that drives the loop (the GUI thread)."""
    return threading.current_thread() is threading.main_thread()


def test_result_comes_back_on_the_loop_thread_from_a_worker_thread(
    loop: asyncio.AbstractEventLoop, worker: Worker
) -> None:
    ran_on: list[threading.Thread] = []

    def charge(amount: int, *, currency: str) -> str:
        ran_on.append(threading.current_thread())
        assert worker.is_worker_thread()
        return f"charged {amount} {currency}"

    async def scenario() -> tuple[str, bool]:
        result = await worker.run(charge, 1250, currency="eur")
        return result, on_loop_thread()

    assert drive(loop, scenario()) == ("charged 1250 eur", True)
    (job_thread,) = ran_on
    assert job_thread is not threading.main_thread()
    assert job_thread.name.startswith("stripe-worker")
    assert job_thread in worker.threads()
    assert not worker.is_worker_thread()


def test_exception_comes_back_on_the_loop_thread(
    loop: asyncio.AbstractEventLoop, worker: Worker
) -> None:
    def refund() -> None:
        raise ValueError("charge already refunded")

    async def scenario() -> bool:
        with pytest.raises(ValueError, match="already refunded"):
            await worker.run(refund)
        return on_loop_thread()

    assert drive(loop, scenario())
    assert worker.active_jobs == 0


def test_progress_is_coalesced_delivered_on_the_loop_thread_and_before_the_result(
    loop: asyncio.AbstractEventLoop, worker: Worker
) -> None:
    delivered: list[tuple[Progress, bool]] = []
    in_first_delivery = threading.Event()
    flood_sent = threading.Event()

    def show(progress: Progress) -> None:
        delivered.append((progress, on_loop_thread()))
        if progress.done == 0:
            # Hold the loop thread while the job floods it with reports.
            in_first_delivery.set()
            flood_sent.wait(HANG)

    def backfill(job: Job, total: int) -> str:
        job.progress(0, total, "starting")
        assert in_first_delivery.wait(HANG)
        for done in range(1, total + 1):
            job.progress(done, total, f"{done} customers")
        flood_sent.set()
        return "backfilled"

    async def scenario() -> tuple[str, int]:
        result = await worker.run_job(Job(on_progress=show), backfill, 1000)
        return result, len(delivered)

    # Every report made before the result was delivered before the awaiting code resumed.
    assert drive(loop, scenario()) == ("backfilled", 2)
    assert [(p.done, p.total, p.message) for p, _ in delivered] == [
        (0, 1000, "starting"),
        (1000, 1000, "1000 customers"),
    ]
    assert all(thread_ok for _, thread_ok in delivered)


def test_cancelling_the_awaiting_task_stops_a_cooperative_job(
    loop: asyncio.AbstractEventLoop, worker: Worker
) -> None:
    outcome: list[str] = []

    def list_every_page(job: Job) -> None:
        pages = 0
        try:
            while True:
                job.raise_if_cancelled()
                pages += 1
                job.progress(pages, None, "listing invoices")
                job.wait(0.001)  # stands in for one HTTP request
        except JobCancelled:
            outcome.append("cancelled")
            raise

    async def scenario() -> None:
        first_page = asyncio.Event()
        job = Job(on_progress=lambda _progress: first_page.set())
        task = asyncio.ensure_future(worker.run_job(job, list_every_page))
        await first_page.wait()
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        assert job.cancelled

    drive(loop, scenario())
    assert worker.shutdown(timeout=HANG)
    assert outcome == ["cancelled"]


def test_cancelling_a_queued_job_means_it_never_runs(loop: asyncio.AbstractEventLoop) -> None:
    gate = threading.Event()
    ran: list[str] = []

    async def scenario(worker: Worker) -> str:
        busy = await occupy(worker, gate)
        queued = asyncio.ensure_future(worker.run(ran.append, "queued job"))
        while worker.active_jobs < 2:
            await asyncio.sleep(0)
        queued.cancel()
        with pytest.raises(asyncio.CancelledError):
            await queued
        gate.set()
        assert await busy
        return "done"

    with Worker(max_workers=1) as single:
        assert drive(loop, scenario(single)) == "done"
        assert single.shutdown(timeout=HANG)
    assert ran == []


def test_a_job_still_running_when_its_loop_closes_finishes_quietly(
    loop: asyncio.AbstractEventLoop, worker: Worker
) -> None:
    gate = threading.Event()
    outcome: list[str] = []

    def report_after_quit(job: Job) -> None:
        job.progress(0, 1, "started")
        gate.wait(HANG)
        job.progress(1, 1, "sent after the window closed")
        outcome.append("finished")

    async def scenario() -> None:
        running = asyncio.Event()
        job = Job(on_progress=lambda _progress: running.set())
        task = asyncio.ensure_future(worker.run_job(job, report_after_quit))
        await running.wait()
        # Quitting cancels what the window awaited; the job itself is not cooperative.
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task

    drive(loop, scenario())
    loop.close()
    gate.set()
    assert worker.shutdown(timeout=HANG)
    assert outcome == ["finished"]


def test_many_concurrent_jobs_all_complete(loop: asyncio.AbstractEventLoop, worker: Worker) -> None:
    threads: set[threading.Thread] = set()
    lock = threading.Lock()

    def square(n: int) -> int:
        with lock:
            threads.add(threading.current_thread())
        return n * n

    async def scenario() -> list[int]:
        return await asyncio.gather(*(worker.run(square, n) for n in range(300)))

    assert drive(loop, scenario()) == [n * n for n in range(300)]
    assert threads and all(worker.is_worker_thread(thread) for thread in threads)
    assert len(worker.threads()) <= 2
    assert worker.active_jobs == 0


def test_a_job_handle_runs_only_once(loop: asyncio.AbstractEventLoop, worker: Worker) -> None:
    job = Job()

    async def scenario() -> None:
        assert await worker.run_job(job, lambda _job: "first") == "first"
        with pytest.raises(RuntimeError, match="only be run once"):
            await worker.run_job(job, lambda _job: "second")

    drive(loop, scenario())


def test_shutdown_cancels_queued_jobs_and_refuses_new_ones(
    loop: asyncio.AbstractEventLoop,
) -> None:
    gate = threading.Event()
    ran: list[str] = []

    async def scenario(worker: Worker) -> None:
        busy = await occupy(worker, gate)
        queued = asyncio.ensure_future(worker.run(ran.append, "queued job"))
        while worker.active_jobs < 2:
            await asyncio.sleep(0)
        worker.shutdown(wait=False)
        gate.set()
        with pytest.raises(JobCancelled):
            await queued
        # A job already running is not interrupted; its result still arrives.
        assert await busy
        with pytest.raises(WorkerClosed):
            await worker.run(ran.append, "after shutdown")

    single = Worker(max_workers=1)
    drive(loop, scenario(single))
    assert single.shutdown(timeout=HANG)
    assert ran == []
    with pytest.raises(WorkerClosed):
        single.start_background(lambda job: None)


def test_shutdown_stops_a_background_loop() -> None:
    polled = threading.Event()
    polls: list[int] = []

    def poll_events(job: Job, interval: float) -> None:
        while not job.wait(interval):
            polls.append(len(polls))
            polled.set()

    with Worker() as worker:
        poller = worker.start_background(poll_events, 0.001)
        assert polled.wait(HANG)
        assert poller.name == "stripe-worker-poll_events"
        assert worker.is_worker_thread(poller.thread)
        assert worker.shutdown(timeout=HANG)
    assert not poller.is_alive()
    assert poller.error is None
    assert polls


def test_stopping_one_background_loop_leaves_the_others_running() -> None:
    def wait_for_stop(job: Job) -> None:
        job.wait(None)

    with Worker() as worker:
        first = worker.start_background(wait_for_stop)
        second = worker.start_background(wait_for_stop)
        first.stop()
        assert first.join(HANG)
        assert second.is_alive()
        assert worker.is_worker_thread(second.thread)
        assert not worker.is_worker_thread(first.thread)
        assert worker.shutdown(timeout=HANG)
    assert not second.is_alive()


def test_a_failing_background_loop_is_logged_and_kept(caplog: pytest.LogCaptureFixture) -> None:
    def poll_events(job: Job) -> None:
        raise ConnectionError("api.stripe.com unreachable")

    with Worker() as worker, caplog.at_level(logging.ERROR, logger="posapp.worker"):
        poller = worker.start_background(poll_events)
        assert poller.join(HANG)
    assert isinstance(poller.error, ConnectionError)
    assert "stripe-worker-poll_events failed" in caplog.text
    assert "api.stripe.com unreachable" in caplog.text


def test_shutdown_reports_a_thread_that_does_not_stop_in_time() -> None:
    release = threading.Event()

    def ignores_stop(job: Job) -> None:
        release.wait(HANG)

    worker = Worker()
    stubborn = worker.start_background(ignores_stop)
    assert not worker.shutdown(timeout=0.01)
    assert stubborn.is_alive()
    release.set()
    assert worker.shutdown(timeout=HANG)
