"""A respondent's own forms: the one query behind their "Runder" list and their front page."""

from __future__ import annotations

from django.db.models import QuerySet

from klyngeradar.web.access import visible_to
from klyngeradar.web.accounts.roles import is_respondent
from klyngeradar.web.surveys.models import Response, Round


def open_responses(user) -> QuerySet[Response]:
    """The forms of `user`'s cluster in open rounds, nearest deadline first.

    Empty for anyone but a respondent: staff may see every response of their
    organisation, but those are not their own forms to fill in.
    """
    if not is_respondent(user):
        return Response.objects.none()
    return (
        visible_to(user, Response)
        .filter(round__status=Round.Status.OPEN)
        .select_related("round", "cluster")
        .order_by("round__deadline", "round__title", "cluster__name")
    )
