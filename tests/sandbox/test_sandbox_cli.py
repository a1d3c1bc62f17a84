"""The sandbox as a program: `python -m posapp.sandbox` and `python main.py sandbox` print their
URL first and serve the seeded data; bad options exit with status 2."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import stripe
from sdk_support import TEST_KEY

from posapp.sandbox import Options, State, cli
from posapp.sandbox.seed import apply_seed

ROOT = Path(__file__).resolve().parents[2]


@contextmanager
def serving(*command: str) -> Iterator[tuple[str, str]]:
    """Start the sandbox program; yields (first line, second line) and stops it afterwards."""
    process = subprocess.Popen([sys.executable, *command], cwd=ROOT,  # noqa: S603
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None
        first, second = process.stdout.readline().strip(), process.stdout.readline().strip()
        yield first, second
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_module_entry_point_serves_the_demo() -> None:
    with serving("-m", "posapp.sandbox", "--port", "0", "--seed", "demo",
                 "--api-key", TEST_KEY) as (url, banner):
        assert url.startswith("http://127.0.0.1:")
        assert TEST_KEY in banner
        client = stripe.StripeClient(TEST_KEY, base_addresses={"api": url},
                                     max_network_retries=0)
        names = [c.name for c in client.v1.customers.list(params={"limit": 100}).data]
        assert "王芳" in names and len(names) >= 60
        invoice = client.v1.invoices.list(params={"status": "open"}).data[0]
        assert str(invoice.hosted_invoice_url).startswith(f"{url}/invoice/")


def test_main_entry_point_with_options() -> None:
    with serving("main.py", "sandbox", "--port", "0", "--seed", "bench:200",
                 "--latency-ms", "1", "--rate-limit", "1000", "--any-test-key") as (url, _):
        client = stripe.StripeClient(TEST_KEY, base_addresses={"api": url},
                                     max_network_retries=0)
        assert len(client.v1.customers.list(params={"limit": 100}).data) == 20


@pytest.mark.parametrize("options", [
    ["--seed", "nonsense"], ["--seed", "bench:many"], ["--seed", "bench:-1"],
    ["--seed", "bench:99999999"], ["--seed", "demo:3"], ["--fail-rate", "2"],
    ["--fail-rate", "half"], ["--port", "eighty"], ["--port", "70000"], ["--port", "-1"],
    ["--latency-ms", "-5"], ["--rate-limit", "-1"], ["--rate-limit", "0"], ["--colour"],
    ["--api-key", "sk_live_x"], ["--api-key", "pk_test_x"],
])
def test_bad_options_exit_2(options: list[str]) -> None:
    done = subprocess.run([sys.executable, "-m", "posapp.sandbox", "--port", "0",  # noqa: S603
                           *options], check=False, cwd=ROOT, capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 2
    assert done.stdout == "" and done.stderr.strip()
    assert "Traceback" not in done.stderr
    if options[0] != "--colour":
        assert options[0] in done.stderr


def test_a_bench_seed_reports_its_progress(capsys: pytest.CaptureFixture[str]) -> None:
    state = State()
    apply_seed(state, "bench:2000", cli.report_progress)
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) >= 10
    assert lines[-1] == f"seeding: {len(state.objects):,} of 2,000 objects"


def test_options_refuse_values_that_would_break_every_request() -> None:
    for bad in ({"latency_ms": -5}, {"rate_limit": -1}, {"rate_limit": 0}, {"fail_rate": 2}):
        with pytest.raises(ValueError, match=next(iter(bad))):
            Options(**bad)  # type: ignore[arg-type]
