"""Registry pages: the cluster list, a cluster's profile, its edit form, the actors."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from klyngeradar.web.access import can, get_for_user, visible_to
from klyngeradar.web.listing import Column, Listing
from klyngeradar.web.registry.forms import ClusterFilterForm, ClusterForm
from klyngeradar.web.registry.models import Actor, Cluster
from klyngeradar.web.registry.profile import cluster_facts

CLUSTER_COLUMNS = (
    Column("name", gettext_lazy("Klynge"), order="name"),
    Column("area", gettext_lazy("Område"), order="area__name", value="area.name"),
    Column(
        "seat",
        gettext_lazy("Hjemkommune"),
        order="seat_municipality__name",
        value="seat_municipality.name",
        css="hide-small",
    ),
    Column(
        "programme",
        gettext_lazy("Periode"),
        order="programme__start",
        value=lambda cluster: str(cluster.programme) if cluster.programme else None,
        css="hide-small",
    ),
)


@login_required
def cluster_list(request):
    form = ClusterFilterForm(request.GET or None)
    clusters = visible_to(request.user, Cluster).select_related(
        "area", "programme", "seat_municipality"
    )
    clusters = form.filter(clusters)
    listing = Listing(
        request,
        clusters,
        CLUSTER_COLUMNS,
        search=("name", "slug", "area__name", "seat_municipality__name"),
        default="name",
        caption=_("Klynger"),
    )
    if listing.export:
        return listing.xlsx_response("klynger")
    ctx = {
        "form": form,
        "listing": listing,
        "clusters": listing.page,
        "section": "clusters",
        "any_unverified": clusters.filter(Q(verified=False) | ~Q(unverified_fields=[])).exists(),
    }
    if request.headers.get("HX-Request"):
        return render(request, "registry/cluster_rows.html", ctx)
    return render(request, "registry/cluster_list.html", ctx)


@login_required
def cluster_detail(request, slug):
    cluster = get_for_user(request.user, Cluster, slug=slug)
    ctx = {
        "cluster": cluster,
        "facts": cluster_facts(cluster),
        "history": cluster.history.select_related("history_user")[:20],
        "can_change": can(request.user, "change", cluster),
        "section": "clusters",
    }
    return render(request, "registry/cluster_detail.html", ctx)


@login_required
@require_http_methods(["GET", "POST"])
def cluster_edit(request, slug):
    cluster = get_for_user(request.user, Cluster, action="change", slug=slug)
    form = ClusterForm(request.POST or None, instance=cluster)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Ændringerne er gemt."))
        return redirect(cluster)
    return render(
        request,
        "registry/cluster_edit.html",
        {"cluster": cluster, "form": form, "section": "clusters"},
    )


@login_required
def actor_list(request):
    actors = visible_to(request.user, Actor).select_related("region")
    return render(request, "registry/actor_list.html", {"actors": actors, "section": "clusters"})
