"""Typed readers for settings taken from environment variables.

Each reader fails loudly with a one-line ``SettingsError`` naming the variable,
so that a misconfigured server stops at start-up with a message an operator can
act on, instead of running with a silently wrong value.
"""

from __future__ import annotations

import os

from django.core.exceptions import ImproperlyConfigured

TRUE = ("1", "true", "yes", "on")
FALSE = ("0", "false", "no", "off")


class SettingsError(ImproperlyConfigured):
    """A setting from the environment is missing or malformed (one-line message)."""


def env_str(name: str, default: str = "") -> str:
    """Return the variable's value, or `default` when it is unset or empty."""
    value = os.environ.get(name, "").strip()
    return value or default


def env_required(name: str, why: str) -> str:
    """Return the variable's value, or fail when it is unset or empty."""
    value = env_str(name)
    if not value:
        raise SettingsError(f"{name} must be set {why}")
    return value


def env_bool(name: str, default: bool) -> bool:
    """Read a yes/no variable (true/false, yes/no, on/off, 1/0)."""
    value = env_str(name).lower()
    if not value:
        return default
    if value in TRUE:
        return True
    if value in FALSE:
        return False
    raise SettingsError(f"{name}={os.environ[name]!r} is not a yes/no value; use true or false")


def env_int(name: str, default: int) -> int:
    """Read a whole number."""
    value = env_str(name)
    if not value:
        return default
    try:
        return int(value)
    except ValueError:
        raise SettingsError(f"{name}={value!r} is not a whole number") from None


def env_list(name: str, default: list[str]) -> list[str]:
    """Read a comma-separated list; blanks around items are dropped."""
    value = env_str(name)
    if not value:
        return list(default)
    return [item.strip() for item in value.split(",") if item.strip()]


def env_choice(name: str, choices: tuple[str, ...], default: str) -> str:
    """Read one of a fixed set of words."""
    value = env_str(name, default)
    if value not in choices:
        raise SettingsError(f"{name}={value!r} is not one of: {', '.join(choices)}")
    return value


def database_config(url: str) -> dict:
    """Turn a database URL into Django's DATABASES entry, or fail with one line."""
    import dj_database_url

    scheme = url.split("://", 1)[0] if "://" in url else ""
    if scheme not in dj_database_url.ENGINE_SCHEMES:
        raise SettingsError(
            f"DATABASE_URL is not a database URL (expected e.g. postgres://user@host:5432/name "
            f"or sqlite:///path/to/file.sqlite3), got {_without_password(url)!r}"
        )
    try:
        config = dj_database_url.parse(url, conn_max_age=60, conn_health_checks=True)
    except Exception as exc:  # dj-database-url raises bare ValueErrors and friends.
        raise SettingsError(f"DATABASE_URL could not be read: {exc}") from None
    if not config.get("NAME"):
        raise SettingsError(f"DATABASE_URL names no database: {_without_password(url)!r}")
    return config


def local_secret_key(path) -> str:
    """Read the secret key stored at `path`, creating it (mode 0600) on first use."""
    from django.core.management.utils import get_random_secret_key

    if path.exists():
        key = path.read_text("utf-8").strip()
        if key:
            return key
    path.parent.mkdir(parents=True, exist_ok=True)
    key = get_random_secret_key()
    # Create the file private from the start rather than chmod-ing it afterwards.
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(key + "\n")
    return key


def _without_password(url: str) -> str:
    head, sep, rest = url.partition("://")
    if sep and "@" in rest:
        credentials, _, host = rest.rpartition("@")
        user = credentials.split(":", 1)[0]
        return f"{head}://{user}:***@{host}" if ":" in credentials else url
    return url
