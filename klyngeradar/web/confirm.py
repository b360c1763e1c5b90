"""Destructive actions are confirmed: a POST without ``confirm=yes`` shows a confirmation page.

The buttons that close, reopen, revoke or delete post to their action as
usual; the view answers with a page that says what will happen and asks again
(a form with the same fields and ``confirm=yes``, and a way back). This works
without JavaScript and needs no inline script.
"""

from __future__ import annotations

from django.shortcuts import render

CONFIRM_FIELD = "confirm"


def confirmed(request) -> bool:
    return request.POST.get(CONFIRM_FIELD) == "yes"


def confirmation(
    request,
    *,
    title: str,
    consequence: str,
    button: str,
    back_url: str,
    section: str | None = None,
):
    """The page that asks once more before `request.path` is posted with ``confirm=yes``."""
    fields = [
        (name, value)
        for name in request.POST
        if name not in (CONFIRM_FIELD, "csrfmiddlewaretoken")
        for value in request.POST.getlist(name)
    ]
    ctx = {
        "title": title,
        "consequence": consequence,
        "button": button,
        "action": request.path,
        "fields": fields,
        "back_url": back_url,
        "section": section,
    }
    return render(request, "confirm.html", ctx)
