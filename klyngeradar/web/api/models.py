"""Personal API tokens: created and revoked by their owner, stored only as a hash.

The token itself (``kr_`` + 43 URL-safe characters, 256 random bits) is shown
once when it is created. The database keeps its SHA-256 hash and the first
characters (``prefix``) so the owner can tell tokens apart; a backup of the
database opens nothing.
"""

from __future__ import annotations

import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

PREFIX = "kr_"


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


class ApiToken(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="api_tokens",
        verbose_name=_("bruger"),
    )
    name = models.CharField(_("navn"), max_length=100)
    prefix = models.CharField(_("begynder med"), max_length=12, editable=False)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("oprettet"), default=timezone.now)
    expires_at = models.DateTimeField(_("udløber"))
    last_used_at = models.DateTimeField(_("senest brugt"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("tilbagekaldt"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("API-nøgle")
        verbose_name_plural = _("API-nøgler")

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @classmethod
    def issue(cls, user, name: str, expires_at) -> tuple[ApiToken, str]:
        """Create a token for `user`; return it and the secret, which is never stored."""
        secret = PREFIX + secrets.token_urlsafe(32)
        token = cls.objects.create(
            user=user,
            name=name,
            prefix=secret[:8],
            token_hash=hash_token(secret),
            expires_at=expires_at,
        )
        return token, secret

    @property
    def active(self) -> bool:
        return self.revoked_at is None and self.expires_at > timezone.now()
