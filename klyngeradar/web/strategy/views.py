"""The strategy page and a round's "Samarbejdsmodeller" page, with the analyst's edits.

Reading: analysts and viewers of the organisation. Writing (strategy, fit
cells, thresholds, decisions): its analysts; a viewer's POST gets 403 and a
respondent gets 404 everywhere, through `klyngeradar.web.access`.

The fit cell and the decision forms work as plain pages without JavaScript;
with htmx the form opens in place and a saved change swaps the whole analysis
(``#analysis``), since one cell can change the recommendations.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from klyngeradar.web.access import can, get_for_user, visible_to
from klyngeradar.web.accounts.roles import organisation_of
from klyngeradar.web.history import history_listing
from klyngeradar.web.registry.models import Cluster
from klyngeradar.web.strategy import presentation
from klyngeradar.web.strategy.analysis import analyse
from klyngeradar.web.strategy.forms import (
    DecisionForm,
    EffortFormSet,
    FitOverrideForm,
    ShortlistChoiceForm,
    StrategyForm,
    ThresholdsForm,
)
from klyngeradar.web.strategy.models import (
    Decision,
    FitOverride,
    RoundThresholds,
    ShortlistChoice,
    Strategy,
)
from klyngeradar.web.strategy.priorities import round_priorities, shortlist_rows
from klyngeradar.web.surveys.models import Round


def _lang() -> str:
    return "en" if (get_language() or "da").startswith("en") else "da"


def _is_htmx(request) -> bool:
    return bool(request.headers.get("HX-Request"))


def _models_url(round, anchor: str = "") -> str:
    url = reverse("strategy:models", kwargs={"round_id": round.pk})
    return f"{url}#{anchor}" if anchor else url


def _require(user, action: str, obj) -> None:
    if not can(user, action, obj):
        raise PermissionDenied


# -- the strategy ------------------------------------------------------------------------------


def _own_strategy(request) -> tuple[object, Strategy | None]:
    """The user's organisation and its strategy (None if not written yet); 404 for respondents."""
    organisation = organisation_of(request.user)
    if organisation is None:
        raise Http404
    stored = Strategy.objects.filter(organisation=organisation).first()
    if stored is not None:
        stored = get_for_user(request.user, Strategy, pk=stored.pk)
    elif not can(request.user, "view", Strategy(organisation=organisation)):
        raise Http404
    return organisation, stored


@login_required
def strategy_page(request):
    organisation, stored = _own_strategy(request)
    candidate = stored or Strategy(organisation=organisation)
    ctx = {
        "organisation": organisation,
        "strategy": stored,
        "efforts": stored.efforts.all() if stored else [],
        "can_change": can(request.user, "change", candidate),
        "history": history_listing(request, stored.history) if stored else None,
        "section": "strategy",
    }
    if ctx["history"] is not None and ctx["history"].export:
        return ctx["history"].xlsx_response("historik-strategi")
    return render(request, "strategy/strategy.html", ctx)


@login_required
@require_http_methods(["GET", "POST"])
def strategy_edit(request):
    organisation, stored = _own_strategy(request)
    instance = stored or Strategy(organisation=organisation)
    _require(request.user, "change", instance)
    form = StrategyForm(request.POST or None, instance=instance)
    efforts = EffortFormSet(request.POST or None, instance=instance, prefix="efforts")
    if request.method == "POST" and form.is_valid() and efforts.is_valid():
        with transaction.atomic():
            saved = form.save()
            efforts.instance = saved
            efforts.save()
        messages.success(request, _("Strategien er gemt."))
        return redirect("strategy:strategy")
    ctx = {"form": form, "efforts": efforts, "organisation": organisation, "section": "strategy"}
    return render(request, "strategy/strategy_edit.html", ctx)


# -- the round's collaboration models ----------------------------------------------------------


def _models_context(request, round) -> dict:
    lang = _lang()
    analysis = analyse(round)
    result = analysis.result
    lqs = analysis.specialisation
    decisions = visible_to(request.user, Decision).filter(round=round)
    return {
        "round": round,
        "section": "rounds",
        "analysis": analysis,
        "result": result,
        "strategy": result.strategy,
        "efforts": result.fit.efforts,
        "matrix": presentation.matrix(result, lqs, lang),
        "specialisation_year": analysis.specialisation_year,
        "engagement": presentation.engagement_rows(result, lang),
        "items": presentation.items(result, decisions, lang),
        "catalogue": presentation.catalogue(lang),
        "checklist": presentation.checklist(lang),
        "can_edit": can(request.user, "change", FitOverride(round=round)),
        "thresholds_form": ThresholdsForm(instance=_thresholds(round)),
        "members_bar": result.members_bar,
        "priorities": (found := round_priorities(round, analysis)),
        "shortlist": shortlist_rows(round, found),
        "can_choose": can(request.user, "change", ShortlistChoice(round=round)),
        "efforts_to_pin": [
            e for e in result.fit.efforts if e.slug not in {i.subject for i in found.efforts}
        ],
    }


def _thresholds(round) -> RoundThresholds:
    return RoundThresholds.objects.filter(round=round).first() or RoundThresholds(round=round)


@login_required
def models_page(request, round_id: int):
    round = get_for_user(request.user, Round, pk=round_id)
    return render(request, "strategy/models.html", _models_context(request, round))


def _cell(request, round_id: int, cluster: str, effort: str):
    round = get_for_user(request.user, Round, pk=round_id)
    cluster_obj = Cluster.objects.filter(slug=cluster).first()
    data_efforts = {e["slug"] for e in round.efforts} if round.efforts else None
    invited = round.responses.filter(cluster__slug=cluster).exists()
    if (
        cluster_obj is None
        or not invited
        or (data_efforts is not None and effort not in data_efforts)
    ):
        raise Http404
    stored = FitOverride.objects.filter(round=round, cluster=cluster_obj, effort=effort).first()
    if stored is not None:
        stored = get_for_user(request.user, FitOverride, pk=stored.pk)
    return (
        round,
        cluster_obj,
        stored or FitOverride(round=round, cluster=cluster_obj, effort=effort),
    )


@login_required
@require_http_methods(["GET", "POST"])
def fit_cell(request, round_id: int, cluster: str, effort: str):
    round, cluster_obj, override = _cell(request, round_id, cluster, effort)
    _require(request.user, "change" if override.pk else "add", override)
    form = FitOverrideForm(request.POST or None, instance=override)
    if request.method == "POST" and form.is_valid():
        saved = form.save(commit=False)
        saved.changed_by = request.user
        saved.save()
        messages.success(
            request,
            _("Fit for %(cluster)s er sat til %(score)s.")
            % {"cluster": cluster_obj.name, "score": saved.score},
        )
        return redirect(_models_url(round, f"cell-{cluster}-{effort}"))
    ctx = {
        "round": round,
        "cluster": cluster_obj,
        "effort": effort,
        "effort_name": next((e["name"] for e in round.efforts if e["slug"] == effort), effort),
        "form": form,
        "override": override,
        "history": history_listing(request, override.history) if override.pk else None,
        "section": "rounds",
    }
    if _is_htmx(request):
        response = render(request, "strategy/fit_form.html", ctx)
        if request.method == "POST":
            # The form had errors: show it again in its cell instead of swapping the analysis.
            response["HX-Retarget"] = f"#cell-{cluster}-{effort}"
            response["HX-Reswap"] = "innerHTML"
            response["HX-Reselect"] = ".fit-form"
        return response
    if ctx["history"] is not None and ctx["history"].export:
        return ctx["history"].xlsx_response(f"historik-fit-{cluster}-{effort}")
    return render(request, "strategy/fit_page.html", ctx)


@login_required
@require_POST
def fit_cell_clear(request, round_id: int, cluster: str, effort: str):
    round, cluster_obj, override = _cell(request, round_id, cluster, effort)
    if override.pk is None:
        raise Http404
    _require(request.user, "delete", override)
    override.delete()
    messages.success(request, _("Analytikerens fit er fjernet; svaret gælder igen."))
    return redirect(_models_url(round, f"cell-{cluster}-{effort}"))


@login_required
@require_POST
def thresholds_edit(request, round_id: int):
    round = get_for_user(request.user, Round, pk=round_id)
    thresholds = _thresholds(round)
    _require(request.user, "change" if thresholds.pk else "add", thresholds)
    form = ThresholdsForm(request.POST, instance=thresholds)
    if form.is_valid():
        saved = form.save(commit=False)
        saved.changed_by = request.user
        saved.save()
        messages.success(request, _("Grænserne for rundens anbefalinger er gemt."))
        return redirect(_models_url(round, "thresholds"))
    ctx = _models_context(request, round)
    ctx["thresholds_form"] = form
    return render(request, "strategy/models.html", ctx, status=400)


@login_required
@require_http_methods(["GET", "POST"])
def decide(request, round_id: int, level: str, subject: str):
    round = get_for_user(request.user, Round, pk=round_id)
    item = presentation.find_item(analyse(round).result, level, subject, _lang())
    stored = Decision.objects.filter(round=round, level=level, subject=subject).first()
    if stored is not None:
        stored = get_for_user(request.user, Decision, pk=stored.pk)
    elif item is None:
        raise Http404
    decision = stored or Decision(round=round, level=level, subject=subject)
    _require(request.user, "change" if decision.pk else "add", decision)
    recommended = item.model if item else decision.recommended_model
    form = DecisionForm(request.POST or None, instance=decision, recommended_model=recommended)
    if request.method == "POST" and form.is_valid():
        saved = form.save(commit=False)
        saved.recommended_model = recommended or ""
        saved.decided_by = request.user
        saved.save()
        messages.success(request, _("Beslutningen er gemt."))
        return redirect(_models_url(round, f"{level}-{subject}"))
    ctx = {
        "round": round,
        "item": item,
        "form": form,
        "decision": decision,
        "history": history_listing(request, decision.history) if decision.pk else None,
        "section": "rounds",
    }
    if ctx["history"] is not None and ctx["history"].export:
        return ctx["history"].xlsx_response("historik-beslutning")
    template = "strategy/decision_form.html" if _is_htmx(request) else "strategy/decision_page.html"
    response = render(request, template, ctx)
    if _is_htmx(request) and request.method == "POST":
        response["HX-Retarget"] = f"#decide-{level}-{subject}"
        response["HX-Reswap"] = "innerHTML"
        response["HX-Reselect"] = ".decision-form"
    return response


@login_required
@require_POST
def shortlist_choice(request, round_id: int):
    """Pin, remove, reset or move one cluster or effort on the round's shortlist."""
    round = get_for_user(request.user, Round, pk=round_id)
    _require(request.user, "change", ShortlistChoice(round=round))
    data = round.responses.values_list("cluster__slug", flat=True)
    efforts = analyse(round).result.fit.efforts
    subjects = {"cluster": set(data), "effort": {e.slug for e in efforts}}
    form = ShortlistChoiceForm(request.POST, subjects=subjects)
    if not form.is_valid():
        ctx = _models_context(request, round)
        ctx["shortlist_form"] = form
        return render(request, "strategy/models.html", ctx, status=400)
    kind, subject = form.cleaned_data["kind"], form.cleaned_data["subject"]
    action, reason = form.cleaned_data["action"], form.cleaned_data["reason"]
    with transaction.atomic():
        stored = ShortlistChoice.objects.filter(round=round, kind=kind, subject=subject).first()
        pinned = list(
            ShortlistChoice.objects.filter(
                round=round, kind=kind, state=ShortlistChoice.State.PINNED
            ).order_by("position", "pk")
        )
        if action == "reset":
            if stored is not None:
                stored.delete()
        elif action in ("pin", "exclude"):
            choice = stored or ShortlistChoice(round=round, kind=kind, subject=subject)
            state = (
                ShortlistChoice.State.PINNED if action == "pin" else ShortlistChoice.State.EXCLUDED
            )
            if choice.state != state:
                choice.position = len(pinned) + 1 if action == "pin" else 0
            choice.state = state
            choice.reason = reason or choice.reason
            choice.changed_by = request.user
            choice.save()
        else:
            if stored is None or stored.state != ShortlistChoice.State.PINNED:
                messages.error(request, _("Kun en fastgjort klynge eller indsats kan flyttes."))
                return redirect(_models_url(round, "shortlist"))
            index = next(i for i, c in enumerate(pinned) if c.pk == stored.pk)
            other = index - 1 if action == "up" else index + 1
            if 0 <= other < len(pinned):
                pinned[index], pinned[other] = pinned[other], pinned[index]
            for position, choice in enumerate(pinned, start=1):
                if choice.position != position:
                    choice.position = position
                    choice.changed_by = request.user
                    choice.save()
    messages.success(request, _("Kortlisten er gemt."))
    return redirect(_models_url(round, "shortlist"))
