"""`GET /v1/account`."""

from __future__ import annotations

from ..router import Request, api
from ..state import Obj


@api("GET", "/v1/account")
def retrieve_account(req: Request) -> Obj:
    return req.state.account
