"""The front page after login: a respondent's own forms first, then the registry at a glance."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone

from klyngeradar.web.access import visible_to
from klyngeradar.web.accounts.roles import is_respondent
from klyngeradar.web.agreements.expiry import expiring_agreements
from klyngeradar.web.dashboard.navigation import SECTIONS
from klyngeradar.web.dashboard.standing import current_round, kpis_needing_attention, round_standing
from klyngeradar.web.registry.models import Actor, Area, Cluster, Municipality, Region
from klyngeradar.web.registry.programmes import designated_on, programme_on
from klyngeradar.web.reports.deliverables import round_date
from klyngeradar.web.surveys.respondents import open_responses


@login_required
def overview(request):
    user = request.user
    if is_respondent(user):
        # A respondent's front page holds only their own forms.
        ctx = {"section": "overview", "respondent": True, "own_responses": open_responses(user)}
        return render(request, "dashboard/respondent_home.html", ctx)
    today = timezone.localdate()
    round = current_round(user)
    clusters = visible_to(user, Cluster)
    # "The clusters" are the programme's current on the current round's date (else today),
    # as the deck and the appendices count them; the registry holds more.
    day = round_date(round, today) if round else today
    programme = programme_on(day)
    in_programme = designated_on(clusters, programme, day) if programme else None
    counted = in_programme if in_programme is not None else clusters
    areas = (
        visible_to(user, Area)
        .annotate(cluster_count=Count("clusters", filter=Q(clusters__in=counted), distinct=True))
        .filter(cluster_count__gt=0)
        .order_by("-cluster_count", "name")
    )
    ctx = {
        "section": "overview",
        "programme": programme,
        "programme_day": day,
        "programme_clusters": in_programme.count() if in_programme is not None else None,
        "programme_unverified": (
            in_programme.filter(Q(verified=False) | ~Q(unverified_fields=[])).count()
            if in_programme is not None
            else None
        ),
        "counts": {
            "clusters": clusters.count(),
            "fictitious": clusters.filter(fictitious=True).count(),
            "actors": visible_to(user, Actor).count(),
            "municipalities": visible_to(user, Municipality).count(),
            "regions": visible_to(user, Region).count(),
        },
        "areas": areas,
        "without_area": counted.filter(area__isnull=True).count(),
        "actors": visible_to(user, Actor).select_related("region")[:12],
        "expiring_agreements": expiring_agreements(user),
        "standing": round_standing(round, today=today) if round else None,
        "kpis_attention": kpis_needing_attention(user, today=today),
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
