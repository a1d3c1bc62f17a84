"""Stripe-shaped API errors raised by sandbox handlers and rendered as Stripe renders them."""

from __future__ import annotations

from typing import Any

DOC_URL = "https://stripe.com/docs/error-codes/{code}"
REQUEST_LOG_URL = "https://dashboard.stripe.com/test/logs/{request_id}"


class ApiError(Exception):
    """An error answered to the client as `{"error": {...}}` with Stripe's HTTP status."""

    def __init__(
        self,
        status: int,
        message: str,
        *,
        type: str = "invalid_request_error",
        code: str | None = None,
        param: str | None = None,
        decline_code: str | None = None,
        extra: dict[str, Any] | None = None,
        headers: dict[str, str] | None = None,
        executed: bool = True,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.type = type
        self.code = code
        self.param = param
        self.decline_code = decline_code
        self.extra = extra or {}
        self.headers = headers or {}
        self.missing_id: str | None = None
        # False when the request was refused before it started (no idempotent result saved).
        self.executed = executed

    def body(self, request_log_url: str | None = None) -> dict[str, Any]:
        """The JSON body Stripe sends for this error."""
        error: dict[str, Any] = {"type": self.type, "message": self.message}
        if self.code:
            error["code"] = self.code
            error["doc_url"] = DOC_URL.format(code=self.code.replace("_", "-"))
        if self.param:
            error["param"] = self.param
        if self.decline_code:
            error["decline_code"] = self.decline_code
        if request_log_url:
            error["request_log_url"] = request_log_url
        error.update(self.extra)
        return {"error": error}


def invalid(message: str, param: str | None = None, code: str | None = None) -> ApiError:
    """A 400 invalid_request_error."""
    return ApiError(400, message, param=param, code=code)


def missing_param(name: str) -> ApiError:
    return ApiError(400, f"Missing required param: {name}.", code="parameter_missing",
                    param=name, executed=False)


def unknown_param(name: str) -> ApiError:
    return ApiError(400, f"Received unknown parameter: {name}", code="parameter_unknown",
                    param=name, executed=False)


def not_found(noun: str, object_id: str, param: str = "id") -> ApiError:
    """Stripe's `No such customer: 'cus_x'` (the server answers 400 when the id came in a
    request parameter rather than the URL; see `ApiError.missing_id`)."""
    error = ApiError(404, f"No such {noun}: '{object_id}'", code="resource_missing",
                     param=param)
    error.missing_id = object_id
    return error


def state_error(message: str, code: str = "invalid_state", param: str | None = None) -> ApiError:
    """A 400 for an operation the object's current state does not allow."""
    return ApiError(400, message, code=code, param=param)
