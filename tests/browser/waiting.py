"""Waiting in a page that runs under the app's strict Content-Security-Policy."""

from __future__ import annotations


def wait_until(page, expression: str, timeout: float = 15.0) -> None:
    """Wait until `expression` is true in the page.

    Playwright's `wait_for_function` compiles its expression with `new Function`, which
    the app's Content-Security-Policy (no 'unsafe-eval') refuses; `evaluate` is not
    affected, so poll with it instead.
    """
    import time

    deadline = time.monotonic() + timeout
    while not page.evaluate(expression):
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {expression}")
        page.wait_for_timeout(50)
