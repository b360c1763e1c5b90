"""Single sign-on through OpenID Connect (allauth's ``openid_connect`` provider).

Who gets in:

- someone whose provider-verified e-mail address belongs to an existing
  Klyngeradar account signs in as that account (the accounts are connected on
  first use); an unverified address is never matched;
- someone unknown, with a verified address in one of
  ``KLYNGERADAR_OIDC_DOMAINS``, gets a new account without a role: they see
  nothing until an administrator gives them one (roles stay Klyngeradar's);
- anyone else is refused ("sign-up closed") and nothing is created.
"""

from __future__ import annotations

import logging

from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from django.conf import settings
from django.contrib.auth import get_user_model

log = logging.getLogger("klyngeradar.sso")


def verified_email(sociallogin) -> str | None:
    """The provider-verified e-mail address of the login, lower-cased, or None."""
    for address in sociallogin.email_addresses:
        if address.verified and address.email:
            return address.email.strip().lower()
    claims = sociallogin.account.extra_data or {}
    trusted = settings.OIDC_TRUST_EMAIL or claims.get("email_verified") is True
    if claims.get("email") and trusted:
        return str(claims["email"]).strip().lower()
    return None


def allowed_domain(email: str | None) -> bool:
    if not email or "@" not in email:
        return False
    return email.rsplit("@", 1)[1] in settings.OIDC_ALLOWED_DOMAINS


class SingleSignOnAdapter(DefaultSocialAccountAdapter):
    def pre_social_login(self, request, sociallogin) -> None:
        if sociallogin.is_existing:
            return
        email = verified_email(sociallogin)
        if email is None:
            return
        user = get_user_model().objects.filter(email__iexact=email, is_active=True).first()
        if user is not None:
            sociallogin.connect(request, user)

    def is_open_for_signup(self, request, sociallogin) -> bool:
        email = verified_email(sociallogin)
        if allowed_domain(email):
            return True
        # One line, no claims or tokens: enough for an administrator to answer "why not me?".
        log.warning("sso: refused a sign-in from an address outside the allowed domains")
        return False


class ProviderUnreachableMiddleware:
    """A misconfigured or unreachable sign-in provider gives a message on the login page, not a 500.

    allauth fetches the provider's discovery document and tokens with
    `requests`; a wrong issuer URL, a provider that is down or answers nonsense
    raises there. The log gets one line naming the issuer, never a secret.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        import requests
        from django.contrib import messages
        from django.shortcuts import redirect
        from django.utils.translation import gettext as _

        if not request.path.startswith("/konto/oidc/"):
            return None
        if not isinstance(exception, requests.RequestException | ValueError | KeyError):
            return None
        log.warning(
            "sso: the sign-in provider %s could not be used (%s)",
            settings.OIDC_ISSUER or "(test)",
            type(exception).__name__,
        )
        messages.error(
            request,
            _(
                "Log ind via din organisation virker ikke lige nu: Klyngeradar kan ikke nå "
                "login-tjenesten. Prøv igen senere, eller kontakt din administrator."
            ),
        )
        return redirect("account_login")
