"""Registry pages: the cluster list, a cluster's profile, its edit form, the actors."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from klyngeradar.web.access import can, get_for_user, require_role, visible_to
from klyngeradar.web.history import history_listing
from klyngeradar.web.listing import Column, Listing
from klyngeradar.web.registry.forms import ClusterFilterForm, ClusterForm, RegistryUploadForm
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
        "can_edit_registry": request.user.has_perm("registry"),
        "programme": form.cleaned_data.get("programme") if form.is_valid() else None,
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
        "history": history_listing(request, cluster.history),
        "can_change": can(request.user, "change", cluster),
        "section": "clusters",
    }
    if ctx["history"].export:
        return ctx["history"].xlsx_response(f"historik-{cluster.slug}")
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


@require_role("analyst", "admin")
def registry_workbook(request):
    """The whole registry as the workbook the analyst edits (register.xlsx)."""
    import tempfile
    from pathlib import Path

    from django.http import HttpResponse
    from django.utils.http import content_disposition_header

    from klyngeradar.core.registry.workbook import registry_tables
    from klyngeradar.render.workbooks.registry import write_registry_xlsx
    from klyngeradar.web.registry.workbook import registry_data

    with tempfile.TemporaryDirectory() as folder:
        path = write_registry_xlsx(registry_tables(registry_data()), Path(folder) / "register.xlsx")
        content = path.read_bytes()
    response = HttpResponse(content, content_type=WORKBOOK_TYPE)
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename="register.xlsx"
    )
    return response


WORKBOOK_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@require_role("analyst", "admin")
@require_http_methods(["GET", "POST"])
def registry_import(request):
    """Upload an edited registry workbook: checked whole, every problem shown, then stored."""
    from klyngeradar.web.registry.workbook import store_registry

    form = RegistryUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        stored = store_registry(form.cleaned_data["file"])
        messages.success(
            request,
            _("Registret er opdateret: %(created)s nye og %(changed)s ændrede rækker.")
            % {"created": stored.created, "changed": stored.changed},
        )
        return redirect("registry:workbook_import")
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "registry/workbook.html",
        {"form": form, "section": "clusters"},
        status=status,
    )
