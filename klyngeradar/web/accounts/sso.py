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
    if claims.get("email") and claims.get("email_verified") is True:
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
