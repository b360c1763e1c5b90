"""Saving what someone typed: tried again after a passing database error, else kept on the page.

A save runs in one transaction, so a failure stores nothing of it. An
operational error (a lock, a dropped connection) is tried again after a short
pause; when the last try fails too, or on any other database error, `save`
raises `SaveFailed`, and the view shows the form again with what was typed,
`MESSAGE` and status 503 (`form_again`). A 500 page would lose the typing.

The log names what was being saved and the kind of error, never what was
typed, nor the database's own text (it may quote the data).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import TypeVar

from django.contrib import messages
from django.db import DatabaseError, OperationalError, transaction
from django.http import HttpResponse
from django.utils.translation import gettext_lazy

log = logging.getLogger(__name__)

T = TypeVar("T")

# Pauses before trying a save again after an operational error; after the last,
# the person is told and keeps what was typed.
RETRIES = (0.2, 0.5)

# Seconds a client is asked to wait before sending the form again.
RETRY_AFTER = "10"

# A response carrying this header is a form shown again: htmx swaps it in (page.js).
KEPT_HEADER = "X-Form-Kept"

MESSAGE = gettext_lazy(
    "Vi kunne ikke gemme lige nu – det, du skrev, står stadig i formularen; prøv igen."
)


class SaveFailed(Exception):
    """The database could not save; nothing of the save was stored."""


def save(action: Callable[[], T], *, what: str) -> T:
    """Run `action` in a transaction and return its result; tried again on an operational error.

    `what` names the object in the log ("agreement 12", "section members of
    response 5"), never its content. Exceptions other than database errors (a
    concurrency conflict, a refusal) pass through after the rollback.
    """
    for attempt in range(len(RETRIES) + 1):
        try:
            with transaction.atomic():
                return action()
        except OperationalError as error:
            if attempt < len(RETRIES):
                time.sleep(RETRIES[attempt])
                continue
            failure = error
        except DatabaseError as error:
            failure = error
        log.error("could not save %s (%s, tries: %d)", what, type(failure).__name__, attempt + 1)
        raise SaveFailed from None
    raise AssertionError("unreachable")  # pragma: no cover


def save_form(form, *, what: str, **attributes) -> bool:
    """Validate and save a model form in one transaction (`save`); False if it is invalid.

    Validated inside the transaction on every try, so that a version check sees
    the database as it is then. `attributes` are set on the object before it is
    saved (the owner, the parent). Before each try and after a failure, the
    object gets back the values it had before the first, so that a row written
    by a try that was rolled back (its id, its counted-up version) is not taken
    for a stored one.
    """
    instance = form.instance
    fields = [field.attname for field in instance._meta.concrete_fields]
    before = {name: getattr(instance, name) for name in fields}
    adding = instance._state.adding

    def reset() -> None:
        for name, value in before.items():
            setattr(instance, name, value)
        instance._state.adding = adding

    def check_and_save() -> bool:
        reset()
        form.full_clean()
        if form.errors:
            return False
        saved = form.save(commit=False)
        for name, value in attributes.items():
            setattr(saved, name, value)
        saved.save()
        form.save_m2m()
        return True

    try:
        return save(check_and_save, what=what)
    except SaveFailed:
        reset()
        raise


def form_again(
    request, show: Callable[[int], HttpResponse], *, inline: bool = False
) -> HttpResponse:
    """The page `show(status)` with the form as typed, `MESSAGE`, status 503 and Retry-After.

    The message joins the messages at the top of the page, unless `inline`: a
    fragment that htmx swaps in shows `MESSAGE` itself (a queued message would
    turn up on the next page instead).
    """
    if not inline:
        messages.error(request, MESSAGE)
    response = show(503)
    response["Retry-After"] = RETRY_AFTER
    response[KEPT_HEADER] = "1"
    return response
