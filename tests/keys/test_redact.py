"""posapp.keys.redact: secrets never survive into logs, tracebacks, URLs or JSON."""

from __future__ import annotations

import json
import logging

import pytest
from hypothesis import given
from hypothesis import strategies as st

from posapp.keys import RedactingFilter, redact, redact_key

SECRET = "sk_live_" + "51HxQ2eZvKYlo2C0aBcDeFgHiJkLmNoPqRsTuVwXyZ"
BODY = SECRET.removeprefix("sk_live_")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"Authorization: Bearer {SECRET}", "Authorization: Bearer sk_live_…wXyZ"),
        ("key rk_test_abcdefghijklmn4321.", "key rk_test_…4321."),
        ("pk_live_abcdefghijklmnop9876", "pk_live_…9876"),
        ("whsec_0123456789abcdefABCDEF==", "whsec_…CDEF"),
        (f"https://x.test/v1?api_key={SECRET}&limit=3", "https://x.test/v1?api_key=sk_live_…wXyZ&limit=3"),
        (f'{{"key": "{SECRET}"}}', '{"key": "sk_live_…wXyZ"}'),
        (f"config_{SECRET}", "config_sk_live_…wXyZ"),
        ("sk_test_123 and sk_test_posapp_tests", "sk_test_… and sk_test_…ests"),
        ("no secrets here: sk_other, task_test, pk_", "no secrets here: sk_other, task_test, pk_"),
    ],
)  # fmt: skip
def test_redact(text: str, expected: str) -> None:
    assert redact(text) == expected


def test_redact_key() -> None:
    assert redact_key(f" {SECRET}\n") == "sk_live_…wXyZ"
    assert redact_key("sk_test_123") == "sk_test_…"
    assert redact_key("not a key at all") == "…"


@given(
    prefix=st.sampled_from(["sk_test_", "sk_live_", "rk_test_", "rk_live_", "pk_test_", "whsec_"]),
    body=st.text("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", min_size=16,
                 max_size=99),
    before=st.text(
        st.characters(exclude_categories=("L", "N"), exclude_characters="_+/="), max_size=30
    ),
    after=st.sampled_from(["", " ", "\n", '"', "&x=1", "'", ")", ";"]),
)  # fmt: skip
def test_no_secret_body_survives(prefix: str, body: str, before: str, after: str) -> None:
    redacted = redact(before + prefix + body + after)
    assert redacted == f"{before}{prefix}…{body[-4:]}{after}"
    assert redact(redacted) == redacted


def _record(msg: str, *args: object, exc: bool = False) -> logging.LogRecord:
    exc_info = None
    if exc:
        try:
            raise ValueError(f"Invalid API Key provided: {SECRET}")
        except ValueError as error:
            exc_info = (ValueError, error, error.__traceback__)
    return logging.LogRecord("posapp", logging.ERROR, __file__, 1, msg, args, exc_info)


def test_filter_redacts_message_args_and_exception() -> None:
    record = _record("calling with %s for %s", SECRET, "acct_1", exc=True)
    assert RedactingFilter().filter(record) is True
    formatted = logging.Formatter("%(message)s").format(record)
    assert BODY[:-4] not in formatted
    assert formatted.startswith("calling with sk_live_…wXyZ for acct_1\n")
    assert "Invalid API Key provided: sk_live_…wXyZ" in formatted


def test_filter_redacts_dict_args_and_stack_info() -> None:
    record = _record("%(key)s", {"key": SECRET})
    record.stack_info = f"Stack (most recent call last):\n  key = {SECRET}"
    RedactingFilter().filter(record)
    formatted = logging.Formatter("%(message)s").format(record)
    assert formatted == "sk_live_…wXyZ\nStack (most recent call last):\n  key = sk_live_…wXyZ"


def test_filter_survives_bad_format_args() -> None:
    record = _record("two %s %s", SECRET)
    RedactingFilter().filter(record)
    assert BODY[:-4] not in record.getMessage()
    assert "sk_live_…wXyZ" in record.getMessage()


def test_filter_on_a_handler_keeps_json_logs_clean(caplog: pytest.LogCaptureFixture) -> None:
    caplog.handler.addFilter(RedactingFilter())
    logging.getLogger("posapp.gateway").warning(
        "request body %s", json.dumps({"api_key": SECRET, "amount": 1250})
    )
    assert caplog.messages == ['request body {"api_key": "sk_live_…wXyZ", "amount": 1250}']
