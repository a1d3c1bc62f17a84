"""Redaction of Stripe secrets from any text: log lines, tracebacks, URLs, JSON, exports."""

from __future__ import annotations

import logging
import re

__all__ = ["RedactingFilter", "redact", "redact_key"]

# No word boundary on the left on purpose: a key glued to other text is still a key.
_SECRET = re.compile(
    r"(?P<prefix>(?:sk|rk|pk)_(?:test|live)_|whsec_)(?P<body>[A-Za-z0-9_+/]*[A-Za-z0-9])=*"
)
_VISIBLE_TAIL = 4
# Show the tail only when the rest still hides most of the secret.
_MIN_BODY_FOR_TAIL = 12


def _mask(prefix: str, body: str) -> str:
    tail = body[-_VISIBLE_TAIL:] if len(body) >= _MIN_BODY_FOR_TAIL else ""
    return f"{prefix}…{tail}"


def redact(text: str) -> str:
    """``text`` with every Stripe API key and webhook secret masked as ``sk_test_…abcd``."""
    return _SECRET.sub(lambda m: _mask(m["prefix"], m["body"]), text)


def redact_key(key: str) -> str:
    """The masked form of one key, safe to show; a string of unknown shape is hidden whole."""
    match = _SECRET.fullmatch(key.strip())
    if match is None:
        return "…"
    return _mask(match["prefix"], match["body"])


class RedactingFilter(logging.Filter):
    """Logging filter that masks secrets in the message, its arguments and exception text.

    Attach it to every handler: the record is rewritten in place, so formatters downstream
    only ever see the redacted text.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except (TypeError, ValueError):
            message = f"{record.msg} {record.args!r}"
        record.msg = redact(message)
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        return True
