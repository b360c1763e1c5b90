"""Which programme period is current on a day, and its clusters, in the database.

The database's side of `klyngeradar.core.registry.programmes.current_programme`
and `designated_on`: the programme whose period covers the day (else the latest
that started before it), and the clusters designated in it on that day (or, for
rows from before designations existed, linked to it by their programme field).
Pages that say "the clusters" count these, and say which programme it is.
"""

from __future__ import annotations

from datetime import date

from django.db.models import Q, QuerySet

from klyngeradar.web.registry.models import Programme


def programme_on(day: date) -> Programme | None:
    covering = Programme.objects.filter(start__lte=day, end__gte=day).order_by("-start").first()
    if covering is not None:
        return covering
    return Programme.objects.filter(start__lte=day).order_by("-start").first()


def designated_on(clusters: QuerySet, programme: Programme, day: date) -> QuerySet:
    """The clusters of `clusters` that belong to `programme` on `day`."""
    active = (
        Q(designations__programme=programme)
        & (Q(designations__period_from__isnull=True) | Q(designations__period_from__lte=day))
        & (Q(designations__period_to__isnull=True) | Q(designations__period_to__gte=day))
    )
    legacy = Q(programme=programme) & Q(designations__isnull=True)
    return clusters.filter(active | legacy).distinct()
