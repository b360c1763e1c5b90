"""Multi-factor authentication required for the accounts that see all data.

With ``KLYNGERADAR_REQUIRE_MFA`` on (the default in production), an analyst or
administrator who has no second factor yet (an authenticator app — TOTP — or
a security key/passkey — WebAuthn) is sent to set one up before any other
page opens; only the set-up pages themselves, logging out and the language
switch stay open. Viewers and respondents may add a factor but need not.
Logging in with a factor, recovery codes and replay protection are allauth's
(``allauth.mfa``); an administrator resets a lost factor by deleting the
user's authenticators in the admin.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from klyngeradar.web.accounts.models import Role
from klyngeradar.web.accounts.roles import role_of

MFA_ROLES = frozenset({Role.ANALYST, Role.ADMIN})
# Paths that stay open to set up a factor (and to leave).
OPEN = (
    "/konto/2fa/",
    "/konto/logout/",
    "/konto/reauthenticate/",
    "/sprog/",
    "/static/",
    "/api/v1/",
)


def needs_mfa(user) -> bool:
    return role_of(user) in MFA_ROLES


def has_second_factor(user) -> bool:
    from allauth.mfa.models import Authenticator

    return Authenticator.objects.filter(
        user=user, type__in=(Authenticator.Type.TOTP, Authenticator.Type.WEBAUTHN)
    ).exists()


class RequireMFAMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            settings.KLYNGERADAR_REQUIRE_MFA
            and user is not None
            and user.is_authenticated
            and not request.path.startswith(OPEN)
            and needs_mfa(user)
            and not has_second_factor(user)
        ):
            messages.info(
                request,
                _("Din rolle kræver to-faktor-login. Opsæt en godkendelsesapp for at fortsætte."),
            )
            query = urlencode({"next": request.get_full_path()})
            return redirect(f"{reverse('mfa_activate_totp')}?{query}")
        return self.get_response(request)
