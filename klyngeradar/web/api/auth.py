"""Bearer authentication with a personal API token, and the API's JSON errors.

Every refusal is a JSON body ``{"error": CODE, "detail": TEXT}`` with the
status a client can act on: 401 for a missing, malformed, unknown, expired or
revoked token (with ``WWW-Authenticate: Bearer``), 403 for a user without a
role. Nothing about the token is logged. A token belongs to a user, and the
API then applies that user's access rules (`klyngeradar.web.access`): a token
of another organisation gets 404 on this organisation's objects, as on the page.
"""

from __future__ import annotations

import re

from django.utils import timezone
from ninja.security import HttpBearer

from klyngeradar.web.accounts.roles import role_of
from klyngeradar.web.api.models import ApiToken, hash_token

_BEARER = re.compile(r"^Bearer ([A-Za-z0-9_\-]{20,100})$")


class ApiError(Exception):
    def __init__(self, status: int, code: str, detail: str):
        super().__init__(detail)
        self.status, self.code, self.detail = status, code, detail


def unauthorized(code: str, detail: str) -> ApiError:
    return ApiError(401, code, detail)


def authenticate(request):
    """Return the token's user, or raise ApiError with why not."""
    header = request.headers.get("Authorization", "")
    if not header:
        raise unauthorized("missing_token", "Send a personal API token: Authorization: Bearer …")
    match = _BEARER.match(header.strip())
    if match is None:
        raise unauthorized(
            "malformed_authorization", "The Authorization header must be 'Bearer <token>'."
        )
    token = (
        ApiToken.objects.select_related("user")
        .filter(token_hash=hash_token(match.group(1)))
        .first()
    )
    if token is None or not token.user.is_active:
        raise unauthorized("invalid_token", "The token is not known.")
    if token.revoked_at is not None:
        raise unauthorized("revoked_token", "The token has been revoked.")
    now = timezone.now()
    if token.expires_at <= now:
        raise unauthorized("expired_token", "The token has expired.")
    if role_of(token.user) is None:
        raise ApiError(403, "no_role", "The token's user has no role yet.")
    # One write a minute at most, so a BI tool's burst of requests stays cheap.
    if token.last_used_at is None or (now - token.last_used_at).total_seconds() > 60:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    request.user = token.user
    request.api_token = token
    return token.user


class BearerToken(HttpBearer):
    """django-ninja auth, documented in the OpenAPI schema as HTTP bearer.

    It reads the header itself (rather than ninja's parsing) so that each way
    of failing gets its own error code.
    """

    def __call__(self, request):
        return authenticate(request)

    def authenticate(self, request, token):  # pragma: no cover - __call__ does the work
        return authenticate(request)
