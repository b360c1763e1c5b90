"""The findings page of a round and the answers behind each figure.

Both pages compute `compute_findings(round_data(round))`, the same engine the
`klyngeradar findings` command runs on a spreadsheet. Analysts and viewers of
the round's organisation read them; a respondent gets 404 (the round is outside
their scope).
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.utils.translation import get_language

from klyngeradar.core.findings.comparison import compare_rounds
from klyngeradar.core.findings.rules import FINDING_KEYS, compute_findings
from klyngeradar.core.problems import InputError
from klyngeradar.web.access import can, get_for_user
from klyngeradar.web.findings import comparison as layout
from klyngeradar.web.findings.consistency import follow_ups
from klyngeradar.web.findings.evidence import drilldown
from klyngeradar.web.findings.figures import TITLES, figures
from klyngeradar.web.maps.pages import round_map
from klyngeradar.web.surveys.convert import round_data
from klyngeradar.web.surveys.models import Round


def _lang() -> str:
    return "en" if (get_language() or "da").startswith("en") else "da"


def _findings_or_problems(round):
    data = round_data(round)
    try:
        return data, compute_findings(data), ()
    except InputError as error:
        return data, None, error.problems


@login_required
def round_findings(request, round_id: int):
    round = get_for_user(request.user, Round, pk=round_id)
    data, findings, problems = _findings_or_problems(round)
    shown = [problem.text(_lang()) for problem in problems]
    ctx = {"round": round, "section": "rounds", "problems": shown}
    if findings is not None:
        lang = _lang()
        ctx |= {
            "findings": findings,
            "figures": figures(findings, lang),
            "follow_ups": follow_ups(round, data, findings, lang),
            "warnings": [warning.text(lang) for warning in data.warnings],
            "can_follow_up": can(request.user, "change", round),
            "map": round_map(round, data, request.user),
        }
    return render(request, "findings/round_findings.html", ctx)


@login_required
def finding_detail(request, round_id: int, key: str):
    round = get_for_user(request.user, Round, pk=round_id)
    if key not in FINDING_KEYS:
        raise Http404
    _data, findings, problems = _findings_or_problems(round)
    if findings is None:
        raise Http404
    ctx = {
        "round": round,
        "section": "rounds",
        "key": key,
        "title": TITLES[key],
        "drilldown": drilldown(findings, key, _lang()),
    }
    if request.headers.get("HX-Request"):
        return render(request, "findings/detail_table.html", ctx)
    return render(request, "findings/detail.html", ctx)


@login_required
def round_comparison(request, round_id: int, old_id: int):
    """Round `round_id` beside the earlier round `old_id` of its region (spec/comparison.md)."""
    round = get_for_user(request.user, Round, pk=round_id)
    old = get_for_user(request.user, Round, pk=old_id)
    lang = _lang()
    ctx = {
        "round": round,
        "old": old,
        "section": "rounds",
        "old_label": old.round_year or old.title,
        "new_label": round.round_year or round.title,
        "problems": (),
    }
    try:
        result = compare_rounds(round_data(old), round_data(round))
    except InputError as error:
        ctx["problems"] = [problem.text(lang) for problem in error.problems]
        return render(request, "findings/compare.html", ctx)
    ctx |= {
        "comparison": result,
        "rows": layout.rows(result, lang),
        "moves": layout.moves(result),
        "sentences": layout.sentences(result, lang),
        "warnings": [warning.text(lang) for warning in result.warnings],
        "panel_names": [result.name_of(slug) for slug in result.panel],
        "entered_names": [result.name_of(slug) for slug in result.entered],
        "left_names": [result.name_of(slug) for slug in result.left],
    }
    return render(request, "findings/compare.html", ctx)
