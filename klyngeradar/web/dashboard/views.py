"""The front page after login: a respondent's own forms first, then the registry at a glance."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import render

from klyngeradar.web.access import visible_to
from klyngeradar.web.accounts.roles import is_respondent
from klyngeradar.web.agreements.expiry import expiring_agreements
from klyngeradar.web.dashboard.navigation import SECTIONS
from klyngeradar.web.registry.models import Actor, Area, Cluster, Municipality, Region
from klyngeradar.web.surveys.respondents import open_responses


@login_required
def overview(request):
    user = request.user
    clusters = visible_to(user, Cluster)
    areas = (
        visible_to(user, Area)
        .annotate(cluster_count=Count("clusters", filter=Q(clusters__in=clusters)))
        .filter(cluster_count__gt=0)
        .order_by("-cluster_count", "name")
    )
    ctx = {
        "section": "overview",
        "counts": {
            "clusters": clusters.count(),
            "fictitious": clusters.filter(fictitious=True).count(),
            "actors": visible_to(user, Actor).count(),
            "municipalities": visible_to(user, Municipality).count(),
            "regions": visible_to(user, Region).count(),
        },
        "areas": areas,
        "without_area": clusters.filter(area__isnull=True).count(),
        "actors": visible_to(user, Actor).select_related("region")[:12],
        "expiring_agreements": expiring_agreements(user),
        "respondent": is_respondent(user),
        "own_responses": open_responses(user),
    }
    return render(request, "dashboard/overview.html", ctx)


@login_required
def coming_soon(request, section):
    labels = {key: label for key, label, _route in SECTIONS}
    if section not in labels:
        raise Http404
    return render(
        request, "dashboard/coming_soon.html", {"section": section, "title": labels[section]}
    )
