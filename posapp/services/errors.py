"""`ServiceError`: a request the services refuse before anything is sent, with a code and
parameters so the UI can say it in the user's language (`str(error)` is English)."""

from __future__ import annotations

__all__ = ["ServiceError"]


class ServiceError(ValueError):
    """Refused locally: ``code`` names the case, ``params`` fill its blanks (amounts already
    formatted, names as typed); ``str(error)`` is an English sentence."""

    def __init__(self, message: str, code: str, **params: str) -> None:
        super().__init__(message)
        self.code = code
        self.params = params
