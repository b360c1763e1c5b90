"""Agreement pages: the list, an agreement's page, its forms and the parts around it.

Every agreement is fetched through `access.get_for_user`; everything attached
to an agreement (KPIs, follow-ups, co-financing, deliverables, meetings,
documents) is reached through it, so one rule decides who sees and changes all.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from klyngeradar.web import saving
from klyngeradar.web.access import can, get_for_user, require_role, visible_to
from klyngeradar.web.accounts.roles import can_edit, organisation_of
from klyngeradar.web.agreements import forms, summary
from klyngeradar.web.agreements.models import Agreement
from klyngeradar.web.agreements.rules import is_municipal_officer
from klyngeradar.web.history import history_listing
from klyngeradar.web.listing import Column, Listing
from klyngeradar.web.maps.pages import agreements_map
from klyngeradar.web.registry.models import Cluster, Municipality

# The parts of an agreement that share one add/edit/delete flow: form and related name.
PARTS = {
    "medfinansiering": (forms.CoFinancingForm, "cofinancing", gettext_lazy("medfinansiering")),
    "leverancer": (forms.DeliverableForm, "deliverables", gettext_lazy("leverance")),
    "moeder": (forms.MeetingForm, "meetings", gettext_lazy("koordineringsmøde")),
}


def _parties(agreement: Agreement) -> str:
    actors = ", ".join(actor.name for actor in agreement.actors.all())
    municipalities = ", ".join(m.name for m in agreement.municipalities.all())
    return "; ".join(part for part in (actors, municipalities) if part)


AGREEMENT_COLUMNS = (
    Column("title", gettext_lazy("Aftale"), order="title"),
    Column("cluster", gettext_lazy("Klynge"), order="cluster__name", value="cluster.name"),
    Column("parties", gettext_lazy("Parter"), value=_parties, css="hide-small"),
    Column("kind", gettext_lazy("Type"), order="kind", value="get_kind_display"),
    Column("start", gettext_lazy("Start"), order="start"),
    Column("end", gettext_lazy("Slut"), order="end"),
    Column("status", gettext_lazy("Status"), order="status", value="get_status_display"),
)


def _today():
    return timezone.localdate()


@login_required
def agreement_list(request):
    agreements = visible_to(request.user, Agreement)
    form = forms.AgreementFilterForm(
        request.GET or None,
        clusters=visible_to(request.user, Cluster).filter(agreements__in=agreements).distinct(),
        municipalities=Municipality.objects.filter(agreements__in=agreements).distinct(),
    )
    shown = form.filter(
        agreements.select_related("cluster").prefetch_related("actors", "municipalities"),
        today=_today(),
    )
    listing = Listing(
        request,
        shown,
        AGREEMENT_COLUMNS,
        search=("title", "slug", "cluster__name", "actors__name", "municipalities__name"),
        default="-start",
        caption=_("Aftaler"),
    )
    if listing.export:
        return listing.xlsx_response("aftaler")
    ctx = {
        "form": form,
        "listing": listing,
        "agreements": listing.page,
        "section": "agreements",
        "today": _today(),
        "can_add": bool(can_edit(request.user) and organisation_of(request.user)),
        "municipal_officer": is_municipal_officer(request.user),
    }
    # The map shows the agreements listed, so it follows the filter (it is part of the rows).
    ctx["map"] = agreements_map(request.user, shown)
    if request.headers.get("HX-Request"):
        return render(request, "agreements/agreement_rows.html", ctx)
    return render(request, "agreements/agreement_list.html", ctx)


@login_required
def agreement_detail(request, slug):
    agreement = get_for_user(request.user, Agreement, slug=slug)
    today = _today()
    ctx = {
        "agreement": agreement,
        "section": "agreements",
        "can_change": can(request.user, "change", agreement),
        "kpis": summary.kpi_views(agreement, as_of=today),
        "counts": summary.agreement_counts(agreement),
        "cofinancing": agreement.cofinancing.select_related("actor", "municipality"),
        "history": history_listing(request, agreement.history),
        "today": today,
        "years": _package_years(agreement, today),
    }
    if ctx["history"].export:
        return ctx["history"].xlsx_response(f"historik-{agreement.slug}")
    return render(request, "agreements/agreement_detail.html", ctx)


def _package_years(agreement: Agreement, today) -> list[int]:
    last = min(today.year, agreement.end.year if agreement.end else today.year)
    return list(range(last, agreement.start.year - 1, -1))


@require_role("analyst", "admin")
@require_http_methods(["GET", "POST"])
def agreement_create(request):
    organisation = organisation_of(request.user)
    if organisation is None:
        messages.error(request, _("Din bruger hører ikke til en organisation."))
        return redirect("agreements:agreement_list")
    form = forms.AgreementForm(
        request.POST or None,
        clusters=visible_to(request.user, Cluster),
        region=organisation.region,
    )
    ctx = {"form": form, "section": "agreements"}
    if request.method == "POST":
        try:
            if saving.save_form(form, what="a new agreement", organisation=organisation):
                messages.success(request, _("Aftalen er oprettet."))
                return redirect(form.instance)
        except saving.SaveFailed:
            return _form_again(request, "agreements/agreement_form.html", ctx)
    return render(request, "agreements/agreement_form.html", ctx)


def _form_again(request, template: str, ctx: dict):
    """The form as typed after a failed save: the message, 503 (`saving.form_again`)."""
    return saving.form_again(request, lambda status: render(request, template, ctx, status=status))


@login_required
@require_http_methods(["GET", "POST"])
def agreement_edit(request, slug):
    agreement = get_for_user(request.user, Agreement, action="change", slug=slug)
    form = forms.AgreementForm(
        request.POST or None,
        instance=agreement,
        clusters=visible_to(request.user, Cluster),
        region=agreement.organisation.region,
    )
    ctx = {"form": form, "agreement": agreement, "section": "agreements"}
    if request.method == "POST":
        try:
            if saving.save_form(form, what=f"agreement {agreement.pk}"):
                messages.success(request, _("Ændringerne er gemt."))
                return redirect(agreement)
        except saving.SaveFailed:
            return _form_again(request, "agreements/agreement_form.html", ctx)
    return render(request, "agreements/agreement_form.html", ctx)


@login_required
@require_http_methods(["GET", "POST"])
def part_form(request, slug, part, pk=None):
    """Add (or, with `pk`, edit) co-financing, a deliverable or a coordination meeting."""
    if part not in PARTS:
        raise Http404
    agreement = get_for_user(request.user, Agreement, action="change", slug=slug)
    form_class, related, label = PARTS[part]
    instance = get_object_or_404(getattr(agreement, related), pk=pk) if pk else None
    kwargs = {"agreement": agreement} if form_class is forms.CoFinancingForm else {}
    form = form_class(request.POST or None, instance=instance, **kwargs)
    ctx = {"form": form, "agreement": agreement, "label": label, "section": "agreements"}
    if request.method == "POST":
        try:
            if saving.save_form(
                form, what=f"{related} of agreement {agreement.pk}", agreement=agreement
            ):
                messages.success(request, _("Gemt."))
                return redirect(agreement)
        except saving.SaveFailed:
            return _form_again(request, "agreements/part_form.html", ctx)
    return render(request, "agreements/part_form.html", ctx)


@login_required
@require_POST
def part_delete(request, slug, part, pk):
    if part not in PARTS and part != "dokumenter":
        raise Http404
    agreement = get_for_user(request.user, Agreement, action="change", slug=slug)
    related = "documents" if part == "dokumenter" else PARTS[part][1]
    item = get_object_or_404(getattr(agreement, related), pk=pk)
    if related == "documents":
        item.file.delete(save=False)
    item.delete()
    messages.success(request, _("Slettet."))
    return redirect(agreement)


@login_required
@require_http_methods(["GET", "POST"])
def document_upload(request, slug):
    agreement = get_for_user(request.user, Agreement, action="change", slug=slug)
    form = forms.DocumentForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        document = form.save(commit=False)
        document.agreement = agreement
        document.uploaded_by = request.user
        document.save()
        messages.success(request, _("Dokumentet er vedhæftet."))
        return redirect(agreement)
    return render(
        request,
        "agreements/part_form.html",
        {
            "form": form,
            "agreement": agreement,
            "label": _("dokument"),
            "multipart": True,
            "section": "agreements",
        },
    )


@login_required
def document_download(request, slug, pk):
    agreement = get_for_user(request.user, Agreement, slug=slug)
    document = get_object_or_404(agreement.documents, pk=pk)
    return FileResponse(document.file.open("rb"), as_attachment=True, filename=document.filename)


@login_required
@require_http_methods(["GET", "POST"])
def kpi_form(request, slug, pk=None):
    agreement = get_for_user(request.user, Agreement, action="change", slug=slug)
    instance = get_object_or_404(agreement.kpis, pk=pk) if pk else None
    form = forms.KpiForm(request.POST or None, instance=instance)
    ctx = {"form": form, "agreement": agreement, "label": _("KPI"), "section": "agreements"}
    if request.method == "POST":
        try:
            if saving.save_form(
                form, what=f"a KPI of agreement {agreement.pk}", agreement=agreement
            ):
                messages.success(request, _("KPI'en er gemt."))
                return redirect(agreement)
        except saving.SaveFailed:
            return _form_again(request, "agreements/part_form.html", ctx)
    return render(request, "agreements/part_form.html", ctx)


@login_required
@require_http_methods(["GET", "POST"])
def followup_add(request, slug, kpi_pk):
    """Record a follow-up; with htmx the KPI's card is swapped in place."""
    agreement = get_for_user(request.user, Agreement, action="change", slug=slug)
    kpi = get_object_or_404(agreement.kpis, pk=kpi_pk)
    htmx = bool(request.headers.get("HX-Request"))
    form = forms.FollowUpForm(request.POST or None, initial={"year": _today().year})
    save_failed = False
    if request.method == "POST":
        try:
            saved = saving.save_form(
                form, what=f"a follow-up of KPI {kpi.pk}", kpi=kpi, recorded_by=request.user
            )
        except saving.SaveFailed:
            saved, save_failed = False, True
        if saved and not htmx:
            messages.success(request, _("Opfølgningen er gemt."))
            return redirect(agreement)
        if saved:
            form = None
    ctx = {
        "agreement": agreement,
        "item": summary.kpi_view(kpi, as_of=_today()),
        "can_change": True,
        "form": form,
        "section": "agreements",
        # A card swapped in by htmx says it itself; a whole page has the message at the top.
        "save_failed": saving.MESSAGE if save_failed and htmx else None,
    }
    template = "agreements/kpi_card.html" if htmx else "agreements/followup_page.html"
    if save_failed:
        return saving.form_again(
            request, lambda status: render(request, template, ctx, status=status), inline=htmx
        )
    return render(request, template, ctx)
