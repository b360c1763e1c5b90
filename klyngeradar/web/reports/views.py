"""The "Rapporter" pages: a round's deck and appendices, the templates and the quotes.

Analysts and administrators download, upload templates and choose quotes;
viewers (board members) download with the choices made; respondents get 404,
as for every page of the organisation's rounds.
"""

from __future__ import annotations

import tempfile
from functools import wraps
from pathlib import Path

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from klyngeradar.core.findings.rules import compute_findings
from klyngeradar.core.problems import InputError
from klyngeradar.core.reports.outline_base import Context
from klyngeradar.core.reports.outline_summary import default_decisions
from klyngeradar.render.report import APPENDICES_NAME, DECK_NAME
from klyngeradar.web.access import can, get_for_user, visible_to
from klyngeradar.web.findings.comparison import earlier_rounds
from klyngeradar.web.jobs.models import Job
from klyngeradar.web.jobs.queue import queue
from klyngeradar.web.reports import deliverables
from klyngeradar.web.reports.forms import (
    BoardAsksForm,
    DownloadForm,
    QuoteForm,
    TemplateUploadForm,
)
from klyngeradar.web.reports.models import BoardAsks, QuoteChoice, ReportTemplate
from klyngeradar.web.reports.quotes import default_keys, quote_options
from klyngeradar.web.reports.rules import is_staff_role
from klyngeradar.web.strategy.analysis import analyse
from klyngeradar.web.strategy.decisions import round_decisions
from klyngeradar.web.surveys.convert import round_data
from klyngeradar.web.surveys.models import Round


def staff_only(view):
    """Log in first; anyone but analysts, viewers and administrators gets 404."""

    @wraps(view)
    @login_required
    def wrapped(request, *args, **kwargs):
        if not is_staff_role(request.user):
            raise Http404
        return view(request, *args, **kwargs)

    return wrapped


@staff_only
def report_list(request):
    rounds = visible_to(request.user, Round).select_related("region", "organisation")
    return render(request, "reports/report_list.html", {"rounds": rounds, "section": "reports"})


@staff_only
def round_report(request, pk):
    round = get_for_user(request.user, Round, pk=pk)
    return _render_round(request, round)


@staff_only
@require_POST
def upload_template(request, pk):
    round = get_for_user(request.user, Round, action="change", pk=pk)
    form = TemplateUploadForm(request.POST, request.FILES)
    if not form.is_valid():
        return _render_round(request, round, upload_form=form, status=400)
    upload = form.cleaned_data["file"]
    template = ReportTemplate.objects.create(
        organisation=round.organisation,
        name=Path(upload.name).stem,
        file=upload,
        uploaded_by=request.user,
        layouts=form.cleaned_data["layouts"],
    )
    messages.success(
        request, _("Skabelonen »%(name)s« er gemt og kan vælges.") % {"name": template.name}
    )
    return redirect(f"{_round_url(round)}?template={template.pk}")


@staff_only
@require_POST
def choose_quotes(request, pk):
    round = get_for_user(request.user, Round, action="change", pk=pk)
    if "default" in request.POST:
        QuoteChoice.objects.filter(round=round).delete()
        messages.success(request, _("Præsentationen bruger igen standardvalget af citater."))
        return redirect(_round_url(round))
    form = QuoteForm(request.POST, options=quote_options(round_data(round)))
    if not form.is_valid():
        return _render_round(request, round, quote_form=form, status=400)
    QuoteChoice.objects.update_or_create(
        round=round,
        defaults={
            "quotes": [{"question": q, "cluster": c} for q, c in form.cleaned_data["quotes"]],
            "chosen_by": request.user,
        },
    )
    messages.success(request, _("Citaterne er gemt."))
    return redirect(_round_url(round))


@staff_only
@require_POST
def board_asks(request, pk):
    round = get_for_user(request.user, Round, action="change", pk=pk)
    if "default" in request.POST:
        BoardAsks.objects.filter(round=round).delete()
        messages.success(request, _("Præsentationen bruger igen udkastet fra anbefalingerne."))
        return redirect(_round_url(round))
    form = BoardAsksForm(request.POST)
    if not form.is_valid():
        return _render_round(request, round, asks_form=form, status=400)
    BoardAsks.objects.update_or_create(
        round=round, defaults={"text": form.cleaned_data["text"], "written_by": request.user}
    )
    messages.success(request, _("Teksten til »Bestyrelsen bedes …« er gemt."))
    return redirect(_round_url(round))


@staff_only
@require_GET
def download_deck(request, pk):
    return _download(request, pk, DECK_NAME)


@staff_only
@require_GET
def download_appendices(request, pk):
    return _download(request, pk, APPENDICES_NAME)


def _download(request, pk, name: str) -> HttpResponse:
    round = get_for_user(request.user, Round, pk=pk)
    form = _download_form(request, round)
    if not form.is_valid():
        return HttpResponseBadRequest(_("Ukendt sprog eller skabelon."))
    lang = form.cleaned_data["lang"]
    template = form.cleaned_data["template"]
    try:
        # Checked on its own, so that the message points at the decision, not the template.
        round_decisions(round)
    except InputError as error:
        for problem in error.problems:
            messages.error(
                request,
                _(
                    "En beslutning om samarbejdsmodellerne bryder reglerne, så præsentation og "
                    "bilag kan ikke laves. Ret eller slet beslutningen (Samarbejdsmodeller eller "
                    "administrationen): %(problem)s"
                )
                % {"problem": problem.text(get_language())},
            )
        return redirect(_round_url(round))
    earlier = form.cleaned_data["compare"]
    if deliverables.made_in_background(round):
        what = _("Præsentation") if name == DECK_NAME else _("Bilag")
        job = queue(
            Job.Kind.ROUND_FILE,
            organisation=round.organisation,
            user=request.user,
            title=_("%(what)s: %(round)s") % {"what": what, "round": round.title},
            params={
                "round": round.pk,
                "file": name,
                "lang": lang,
                "template": template.pk if template else None,
                "compare": earlier.pk if earlier else None,
            },
        )
        return redirect(job)
    with tempfile.TemporaryDirectory() as folder:
        try:
            path = deliverables.write_round_file(
                round,
                name,
                folder,
                user=request.user,
                lang=lang,
                template=template,
                earlier=earlier,
                today=timezone.localdate(),
            )
        except InputError as error:
            # Only a template stored past the upload form (e.g. in the admin) gets here.
            for problem in error.problems:
                messages.error(
                    request,
                    _("Skabelonen kan ikke bruges: %(problem)s")
                    % {"problem": problem.text(get_language())},
                )
            return redirect(_round_url(round))
        content = path.read_bytes()
    content_type = (
        deliverables.DECK_CONTENT_TYPE
        if name == DECK_NAME
        else deliverables.APPENDICES_CONTENT_TYPE
    )
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename=path.name
    )
    return response


def _download_form(request, round) -> DownloadForm:
    """The download form; it compares with the latest earlier round of the region by default."""
    earlier = earlier_rounds(round)
    return DownloadForm.from_query(
        request.GET,
        templates=_templates(request.user, round),
        earlier=Round.objects.filter(pk__in=[r.pk for r in earlier]),
        default_compare=earlier[0] if earlier else None,
    )


def _templates(user, round):
    return visible_to(user, ReportTemplate).filter(organisation=round.organisation)


def _round_url(round) -> str:
    return reverse("reports:round_report", kwargs={"pk": round.pk})


def _render_round(request, round, *, upload_form=None, quote_form=None, asks_form=None, status=200):
    data = round_data(round)
    asks = BoardAsks.objects.filter(round=round).first()
    if asks_form is None:
        draft = asks.text if asks else "\n".join(_drafted_asks(round))
        asks_form = BoardAsksForm(initial={"text": draft})
    options = quote_options(data)
    choice = QuoteChoice.objects.filter(round=round).first()
    chosen = choice.keys if choice else default_keys(data)
    templates = _templates(request.user, round)
    ctx = {
        "round": round,
        "data": data,
        "section": "reports",
        "can_change": can(request.user, "change", round),
        "download_form": _download_form(request, round),
        "templates": templates,
        "upload_form": upload_form or TemplateUploadForm(),
        "quote_form": quote_form,
        "quote_groups": _quote_groups(options, chosen),
        "quote_choice": choice,
        "asks_form": asks_form,
        "board_asks": asks,
    }
    return render(request, "reports/round_report.html", ctx, status=status)


def _drafted_asks(round) -> tuple[str, ...]:
    """The deck's draft of "Bestyrelsen bedes …", from the round's recommendations."""
    analysis = analyse(round)
    lang = "en" if get_language() == "en" else "da"
    ctx = Context(analysis.data, compute_findings(analysis.data), lang, timezone.localdate(), "")
    return default_decisions(ctx, analysis.result)


def _quote_groups(options, chosen):
    """The picker's rows per question: (heading, [(option, ticked), ...])."""
    headings = {
        "agreements.optimal": _("Den optimale samarbejdsaftale"),
        "agreements.description": _("Sådan ser aftalerne ud i dag"),
    }
    groups = []
    for question, heading in headings.items():
        rows = [(o, (o.question, o.cluster) in chosen) for o in options if o.question == question]
        groups.append((heading, rows))
    return groups
