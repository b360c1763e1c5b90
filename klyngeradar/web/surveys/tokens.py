"""Personal links: unguessable tokens that are stored only as their SHA-256 hash.

The plaintext token exists once, in the link that is e-mailed (or shown) when
the invitation is issued. The database keeps the hash, so a copy of the
database does not open anyone's form; the price is that a lost link cannot be
shown again, only replaced by a new one.
"""

from __future__ import annotations

import hashlib
import secrets

# 32 random bytes: 256 bits, well above the 128 bits the design asks for.
TOKEN_BYTES = 32


def new_token() -> str:
    """A fresh URL-safe token (43 characters)."""
    return secrets.token_urlsafe(TOKEN_BYTES)


def hash_token(token: str) -> str:
    """The token's SHA-256 hex digest, as stored in `Invitation.token_hash`."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()
