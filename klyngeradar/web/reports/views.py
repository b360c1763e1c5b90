"""The "Rapporter" pages: a round's deck and appendices, the templates and the quotes.

Analysts and administrators download, upload templates and choose quotes;
viewers (board members) download with the choices made; respondents get 404,
as for every page of the organisation's rounds.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from functools import wraps
from pathlib import Path

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpResponse, HttpResponseBadRequest
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
from klyngeradar.core.reports.outline_quotes import SUGGESTED_THEMES
from klyngeradar.core.reports.outline_summary import default_decisions
from klyngeradar.core.strategy.priorities import default_next_steps
from klyngeradar.render.report import (
    APPENDICES_NAME,
    DECK_NAME,
)
from klyngeradar.web import saving
from klyngeradar.web.access import can, get_for_user, visible_to
from klyngeradar.web.confirm import confirmation, confirmed
from klyngeradar.web.findings.comparison import earlier_rounds
from klyngeradar.web.jobs.models import Job
from klyngeradar.web.jobs.queue import queue
from klyngeradar.web.reports import deliverables
from klyngeradar.web.reports.forms import (
    BoardAsksForm,
    DownloadForm,
    NextStepFormSet,
    QuoteForm,
    SlideTitlesForm,
    TemplateUploadForm,
)
from klyngeradar.web.reports.models import (
    BoardAsks,
    NextStep,
    QuoteChoice,
    ReportTemplate,
    SlideTitles,
)
from klyngeradar.web.reports.quotes import (
    deck_text,
    default_keys,
    name_lists,
    quote_options,
    unconfirmed,
)
from klyngeradar.web.reports.rules import is_staff_role
from klyngeradar.web.strategy.analysis import analyse
from klyngeradar.web.strategy.decisions import round_decisions
from klyngeradar.web.strategy.priorities import round_priorities
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


def _template_of(request, pk: int, template_pk: int, action: str) -> tuple[Round, ReportTemplate]:
    """The round and one of its organisation's templates; 404 outside the user's scope."""
    round = get_for_user(request.user, Round, action=action, pk=pk)
    template = get_for_user(
        request.user, _templates(request.user, round), action=action, pk=template_pk
    )
    return round, template


@staff_only
@require_GET
def template_file(request, pk, template):
    """The template as uploaded, under the name it was uploaded with (dashes, spaces, æøå)."""
    _round, template = _template_of(request, pk, template, "view")
    try:
        handle = template.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    return FileResponse(
        handle,
        as_attachment=True,
        filename=f"{template.name}.pptx",
        content_type=deliverables.DECK_CONTENT_TYPE,
    )


@staff_only
@require_POST
def delete_template(request, pk, template):
    round, template = _template_of(request, pk, template, "change")
    if not confirmed(request):
        return confirmation(
            request,
            title=_("Slet skabelonen »%(name)s«?") % {"name": template.name},
            consequence=_(
                "Skabelonen og dens fil slettes og kan ikke længere vælges til præsentationen. "
                "Allerede hentede præsentationer ændres ikke. Det kan ikke fortrydes, men du "
                "kan uploade filen igen."
            ),
            button=_("Slet skabelonen"),
            back_url=_round_url(round),
            section="reports",
        )
    name = template.name
    # The row first, then the file: a file left behind is harmless, a row without one is not.
    template.delete()
    template.file.delete(save=False)
    messages.success(request, _("Skabelonen »%(name)s« er slettet.") % {"name": name})
    return redirect(_round_url(round))


def _use_default(request, round, model, message: str, anchor: str = ""):
    """Forget the analyst's own `model` rows for `round`: the deck goes back to its default."""
    model.objects.filter(round=round).delete()
    messages.success(request, message)
    return redirect(f"{_round_url(round)}#{anchor}" if anchor else _round_url(round))


@staff_only
@require_POST
def choose_quotes(request, pk):
    round = get_for_user(request.user, Round, action="change", pk=pk)
    if "default" in request.POST:
        return _use_default(
            request, round, QuoteChoice, _("Præsentationen bruger igen standardvalget af citater.")
        )
    data = round_data(round)
    form = QuoteForm(request.POST, options=quote_options(data), lists=name_lists(data))
    if not form.is_valid():
        return _render_round(request, round, quote_form=form, status=400)
    try:
        saving.save(
            lambda: QuoteChoice.objects.update_or_create(
                round=round,
                defaults={"quotes": form.cleaned_data["items"], "chosen_by": request.user},
            ),
            what=f"the quotes of round {round.pk}",
        )
    except saving.SaveFailed:
        return _form_again(request, round, quote_form=form)
    messages.success(request, _("Citaterne er gemt."))
    return redirect(_round_url(round))


@staff_only
@require_POST
def board_asks(request, pk):
    round = get_for_user(request.user, Round, action="change", pk=pk)
    if "default" in request.POST:
        return _use_default(
            request, round, BoardAsks, _("Præsentationen bruger igen udkastet fra anbefalingerne.")
        )
    form = BoardAsksForm(request.POST)
    if not form.is_valid():
        return _render_round(request, round, asks_form=form, status=400)
    try:
        saving.save(
            lambda: BoardAsks.objects.update_or_create(
                round=round,
                defaults={"text": form.cleaned_data["text"], "written_by": request.user},
            ),
            what=f"the board asks of round {round.pk}",
        )
    except saving.SaveFailed:
        return _form_again(request, round, asks_form=form)
    messages.success(request, _("Teksten til »Bestyrelsen bedes …« er gemt."))
    return redirect(_round_url(round))


@staff_only
@require_POST
def next_steps(request, pk):
    """Save the round's next steps (all rows at once), or go back to the drafts."""
    round = get_for_user(request.user, Round, action="change", pk=pk)
    if "default" in request.POST:
        return _use_default(
            request,
            round,
            NextStep,
            _("Præsentationen bruger igen udkastet til næste skridt."),
            anchor="steps-heading",
        )
    formset = NextStepFormSet(request.POST, prefix="steps")
    if not formset.is_valid():
        return _render_round(request, round, steps_formset=formset, status=400)
    rows = [
        form.cleaned_data
        for form in formset.forms
        if form.cleaned_data and not form.cleaned_data.get("DELETE")
    ]

    def store() -> None:
        # Updated in place, row by row, so that each step's history reads as its changes.
        stored = list(NextStep.objects.filter(round=round).order_by("position", "pk"))
        for position, data in enumerate(rows, start=1):
            step = stored[position - 1] if position <= len(stored) else NextStep(round=round)
            values = {
                "position": position,
                "text": data["text"].strip(),
                "owner": data["owner"],
                "due": data["due"],
                "budget": data["budget"],
            }
            if step.pk is None or any(getattr(step, k) != v for k, v in values.items()):
                for key, value in values.items():
                    setattr(step, key, value)
                step.written_by = request.user
                step.save()
        for step in stored[len(rows) :]:
            step.delete()

    try:
        saving.save(store, what=f"the next steps of round {round.pk}")
    except saving.SaveFailed:
        return _form_again(request, round, steps_formset=formset)
    if rows:
        messages.success(request, _("Næste skridt er gemt."))
    else:
        messages.success(request, _("Næste skridt er tomme; præsentationen bruger udkastet."))
    return redirect(f"{_round_url(round)}#steps-heading")


@staff_only
@require_POST
def slide_titles(request, pk):
    round = get_for_user(request.user, Round, action="change", pk=pk)
    if "default" in request.POST:
        return _use_default(
            request, round, SlideTitles, _("Præsentationen bruger igen de beregnede titler.")
        )
    slides = _generated_slides(request, round)
    if slides is None:
        return redirect(_round_url(round))
    form = SlideTitlesForm(request.POST, slides=slides, prefix="title")
    if not form.is_valid():
        return _render_round(request, round, titles_form=form, status=400)
    if not form.titles:
        # Every field blank: the generated titles, as after "Brug de beregnede titler".
        return _use_default(
            request, round, SlideTitles, _("Præsentationen bruger igen de beregnede titler.")
        )
    try:
        saving.save(
            lambda: SlideTitles.objects.update_or_create(
                round=round, defaults={"titles": form.titles, "written_by": request.user}
            ),
            what=f"the slide titles of round {round.pk}",
        )
    except saving.SaveFailed:
        return _form_again(request, round, titles_form=form)
    messages.success(request, _("Slidetitlerne er gemt."))
    return redirect(_round_url(round))


def _generated_slides(request, round):
    """The slides of the deck as downloaded by default: (key, marker, generated title).

    None while a decision breaks the rules: no deck can be made then (the download
    says why), so there are no titles to list.
    """
    earlier = earlier_rounds(round)
    try:
        inputs = deliverables.report_inputs(
            round, user=request.user, earlier=earlier[0] if earlier else None
        )
    except InputError:
        return None
    return deliverables.generated_slides(
        inputs,
        as_of=deliverables.round_date(round, timezone.localdate()),
        lang="en" if get_language() == "en" else "da",
    )


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
        return HttpResponseBadRequest(_("Ukendt sprog, skabelon eller programperiode."))
    lang = form.cleaned_data["lang"]
    template = form.cleaned_data["template"]
    programme = form.cleaned_data["programme"]
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
                "programme": programme,
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
                programme=programme,
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
        current=deliverables.round_programme(round, timezone.localdate()),
    )


def _templates(user, round):
    return visible_to(user, ReportTemplate).filter(organisation=round.organisation)


def _round_url(round) -> str:
    return reverse("reports:round_report", kwargs={"pk": round.pk})


def _form_again(request, round, **forms):
    """The page with the posted form as typed after a failed save (`saving.form_again`)."""
    return saving.form_again(
        request, lambda status: _render_round(request, round, status=status, **forms)
    )


def _render_round(
    request,
    round,
    *,
    upload_form=None,
    quote_form=None,
    asks_form=None,
    steps_formset=None,
    titles_form=None,
    status=200,
):
    data = round_data(round)
    stored_steps = list(NextStep.objects.filter(round=round).order_by("position", "pk"))
    if steps_formset is None:
        steps_formset = NextStepFormSet(prefix="steps", initial=_steps_initial(round, stored_steps))
    own_titles = SlideTitles.objects.filter(round=round).first()
    if titles_form is None:
        slides = _generated_slides(request, round)
        titles_form = (
            SlideTitlesForm(
                initial=own_titles.titles if own_titles else {}, slides=slides, prefix="title"
            )
            if slides is not None
            else None
        )
    asks = BoardAsks.objects.filter(round=round).first()
    if asks_form is None:
        draft = asks.text if asks else "\n".join(_drafted_asks(round))
        asks_form = BoardAsksForm(initial={"text": draft})
    options = quote_options(data)
    choice = QuoteChoice.objects.filter(round=round).first()
    items = choice.items if choice else {}
    chosen = set(items) if choice else default_keys(data)
    lists = name_lists(data)
    if quote_form is None:
        quote_form = QuoteForm(options=options, lists=lists, initial=_quote_initial(options, items))
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
        "quote_groups": _quote_groups(options, chosen, items, quote_form, lists),
        "quote_themes": _themes(items),
        "quote_choice": choice,
        "asks_form": asks_form,
        "board_asks": asks,
        "steps_formset": steps_formset,
        "stored_steps": stored_steps,
        "titles_form": titles_form,
        "own_titles": own_titles,
    }
    return render(request, "reports/round_report.html", ctx, status=status)


def _drafted_asks(round) -> tuple[str, ...]:
    """The deck's draft of "Bestyrelsen bedes …", from the round's recommendations."""
    analysis = analyse(round)
    lang = "en" if get_language() == "en" else "da"
    ctx = Context(analysis.data, compute_findings(analysis.data), lang, timezone.localdate(), "")
    return default_decisions(ctx, analysis.result)


def _steps_initial(round, stored) -> list[dict]:
    """The form's rows: the stored steps, or the deck's drafts when none is written."""
    if stored:
        return [
            {"text": s.text, "owner": s.owner, "due": s.due, "budget": _kroner(s.budget)}
            for s in stored
        ]
    analysis = analyse(round)
    lang = "en" if get_language() == "en" else "da"
    drafts = default_next_steps(round_priorities(round, analysis), analysis.result, lang)
    return [{"text": step.text} for step in drafts]


def _kroner(budget: int | None) -> str:
    """250000 → "250.000", as the budget field reads it back."""
    return "" if budget is None else f"{budget:,}".replace(",", ".")


def _quote_initial(options, items) -> dict:
    """The quote form's values from the stored choice: deck text, theme and confirmation."""
    initial = {}
    for option in options:
        item = items.get((option.question, option.cluster))
        initial[f"text-{option.key}"] = deck_text(option, item)
        initial[f"theme-{option.key}"] = (item or {}).get("theme", "")
        initial[f"confirm-{option.key}"] = bool((item or {}).get("confirmed"))
    return initial


def _themes(items) -> list[str]:
    """The short list of themes: the round's own first, then the suggested ones."""
    used = [item["theme"] for item in items.values() if item["theme"]]
    return list(dict.fromkeys([*used, *SUGGESTED_THEMES]))


@dataclass(frozen=True)
class QuoteRow:
    """One answer in the picker, with its form fields and what keeps it out of the deck."""

    option: object
    ticked: bool
    text: object
    theme: object
    confirm: object
    flags: tuple
    blocked: tuple
    edited: bool
    answer_changed: bool


def _quote_groups(options, chosen, items, form, lists):
    """The picker's rows per question: (heading, [QuoteRow, ...]).

    `flags` are the names in the text as shown in the form; `blocked` the names that
    keep a stored quote out of the deck now (none for an answer not chosen).
    """
    headings = {
        "agreements.optimal": _("Den optimale samarbejdsaftale"),
        "agreements.description": _("Sådan ser aftalerne ud i dag"),
    }
    # A refused form shows the analyst's own ticks again, not the stored ones.
    posted = set(form.data.getlist("quotes")) if form.is_bound else None
    groups = []
    for question, heading in headings.items():
        rows = []
        for o in (o for o in options if o.question == question):
            item = items.get((o.question, o.cluster))
            text = form[f"text-{o.key}"]
            shown = (text.value() or "").strip() or o.text
            stored = deck_text(o, item)
            rows.append(
                QuoteRow(
                    option=o,
                    ticked=(
                        o.key in posted if posted is not None else (o.question, o.cluster) in chosen
                    ),
                    text=text,
                    theme=form[f"theme-{o.key}"],
                    confirm=form[f"confirm-{o.key}"],
                    flags=unconfirmed(shown, (), lists),
                    blocked=unconfirmed(stored, item["confirmed"], lists) if item else (),
                    edited=shown != o.text,
                    answer_changed=bool(item and item["answer"] and item["answer"] != o.text),
                )
            )
        groups.append((heading, rows))
    return groups
