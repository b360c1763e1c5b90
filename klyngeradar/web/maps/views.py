"""The municipality page (what one municipality has) and the landing page after login.

A municipality's page shows the clusters present there (from the newest round the
user may read), the agreements it is party to (those the user may see) with their
KPIs and co-financing, and the companies that took part in those agreements'
activities. A municipal officer sees only their own municipalities' pages and
lands on the first of them after logging in.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from klyngeradar.core.agreements.participation import count_unique_companies
from klyngeradar.core.findings.rules import compute_findings
from klyngeradar.core.maps.register import agreements_layer
from klyngeradar.core.maps.survey import presence_layer, survey_agreements_layer
from klyngeradar.core.problems import InputError
from klyngeradar.web.access import require_role, visible_to
from klyngeradar.web.agreements import convert as agreements_convert
from klyngeradar.web.agreements import summary
from klyngeradar.web.agreements.models import Agreement, CoFinancing
from klyngeradar.web.agreements.rules import municipality_ids_of
from klyngeradar.web.maps import convert
from klyngeradar.web.maps.pages import lang, linkable
from klyngeradar.web.maps.widget import map_view
from klyngeradar.web.registry.models import Municipality
from klyngeradar.web.surveys.convert import round_data
from klyngeradar.web.surveys.models import Round


@login_required
def landing(request):
    """After login: a municipal officer's own municipality, everyone else the overview."""
    ids = municipality_ids_of(request.user)
    municipality = Municipality.objects.filter(pk__in=ids).order_by("code").first()
    if municipality is not None:
        return redirect("maps:municipality", code=municipality.code)
    return redirect("dashboard:overview")


def _round_layers(user, municipality):
    """The newest readable round of the municipality's region as map layers, or ()."""
    rounds = visible_to(user, Round).filter(region=municipality.region).order_by("-created_at")
    for round in rounds:
        data = round_data(round)
        try:
            compute_findings(data)
        except InputError:
            # A round whose answers cannot be tallied has no figures to show here either.
            continue
        return round, (presence_layer(data, lang()), survey_agreements_layer(data, lang()))
    return None, ()


@require_role("analyst", "viewer", "admin")
def municipality(request, code: str):
    found = get_object_or_404(
        visible_to(request.user, Municipality).select_related("region"), code=code
    )
    own = municipality_ids_of(request.user)
    if own and found.pk not in own:
        raise Http404
    today = timezone.localdate()
    agreements = list(
        visible_to(request.user, Agreement)
        .filter(municipalities=found)
        .select_related("cluster", "organisation")
        .prefetch_related("municipalities")
    )
    rows = set()
    for agreement in agreements:
        rows.update(agreements_convert.rows_for(agreement))
    round, survey = _round_layers(request.user, found)
    municipalities = convert.region_municipalities(found.region)
    register = agreements_layer(
        convert.registered_agreements(agreements), municipalities, found.region.code, lang()
    )
    layers = [*survey, register]
    ctx = {
        "section": "agreements",
        "municipality": found,
        "round": round,
        "presence": survey[0].value_of(found.code) if survey else None,
        "presence_layer": survey[0] if survey else None,
        "survey_agreements": survey[1].value_of(found.code) if survey else None,
        "agreements": [(a, summary.kpi_views(a, as_of=today)) for a in agreements],
        "cofinancing": CoFinancing.objects.filter(
            municipality=found, agreement__in=agreements
        ).select_related("agreement"),
        "companies": count_unique_companies(tuple(rows)) if rows else None,
        "participations": len(rows),
        "map": map_view(
            "map-municipality",
            layers,
            found.region.name,
            selected=found.code,
            links=linkable(request.user),
        ),
    }
    return render(request, "maps/municipality.html", ctx)
