"""The "Samarbejdsmodeller" page's rows, read from the core's `Recommendations`.

Nothing is decided here: fit, engagement, models and reasons come from
`klyngeradar.core.strategy.recommendations.recommend`; this module only names them in
the reader's language and puts the analyst's decisions next to them.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from klyngeradar.core.numbers import format_int
from klyngeradar.core.specialisation.quotients import format_decimal
from klyngeradar.core.strategy.catalogue import CHECKLIST, MODELS, model
from klyngeradar.core.strategy.engagement import Component
from klyngeradar.core.strategy.recommendations import Recommendations, reason_text
from klyngeradar.web.strategy.models import Decision

FIT_LABELS = {0: _("ingen"), 1: _("svag"), 2: _("tydelig"), 3: _("stærk")}
SOURCE_LABELS = {"survey": _("fra svaret"), "analyst": _("sat af analytiker")}
COMPONENT_LABELS = {
    "presence": _("Fysisk tilstedeværelse"),
    "members": _("Medlemmer i regionen"),
    "companies": _("Unikke virksomheder"),
    "partners": _("Samarbejdspartnere"),
    "agreements": _("Aftaler"),
    "dialogue": _("Vilje til dialog"),
}
PRESENCE_VALUES = {
    "own_office": _("eget kontor"),
    "colocated_business_hub": _("samlokation med Erhvervshuset"),
    "colocated_other": _("samlokation med anden aktør"),
    "none": _("ingen"),
}
DIALOGUE_VALUES = {"yes": _("ja"), "maybe": _("måske"), "no": _("nej")}


@dataclass(frozen=True)
class Cell:
    cluster: str
    effort: str
    score: int | None
    level: str
    source: str | None
    source_label: str
    note: str | None


@dataclass(frozen=True)
class MatrixRow:
    cluster: str
    label: str
    cells: tuple[Cell, ...]
    score: int | None
    # The region's LQ in the cluster's area ("1,32"), when statistics are uploaded.
    area_lq: str | None = None
    area_name: str | None = None
    area_lq_lower_bound: bool = False


@dataclass(frozen=True)
class ComponentRow:
    label: str
    value: str
    level: str
    weight: str
    answered: bool


@dataclass(frozen=True)
class EngagementRow:
    cluster: str
    label: str
    score: int | None
    inputs: int
    of: int
    components: tuple[ComponentRow, ...]


@dataclass(frozen=True)
class Item:
    """One recommendation (cluster, effort or region) with its reasons and the decision on it."""

    level: str
    subject: str
    label: str
    model: str | None
    model_name: str
    reasons: tuple[str, ...]
    decision: Decision | None

    @property
    def decision_outdated(self) -> bool:
        """The recommendation has changed since the analyst decided on it."""
        return self.decision is not None and self.decision.recommended_model != (self.model or "")


def model_name(code: str | None, lang: str) -> str:
    return model(code).name(lang) if code else str(_("Ingen model – hold klyngen orienteret"))


def matrix(result: Recommendations, lqs=None, lang: str = "da") -> list[MatrixRow]:
    """The fit matrix's rows; with ``lqs`` ({cluster: AreaLq}) each row has its area's LQ."""
    rows = []
    for row in result.fit.rows:
        cells = tuple(
            Cell(
                row.cluster,
                slug,
                cell.score,
                str(FIT_LABELS[cell.score]) if cell.score is not None else str(_("ukendt")),
                cell.source,
                str(SOURCE_LABELS[cell.source]) if cell.source else str(_("ikke besvaret")),
                cell.note,
            )
            for slug, cell in row.cells
        )
        fact = (lqs or {}).get(row.cluster)
        rows.append(
            MatrixRow(
                row.cluster,
                row.label,
                cells,
                row.score,
                area_lq=format_decimal(fact.lq, 2, lang) if fact else None,
                area_name=fact.name if fact else None,
                area_lq_lower_bound=bool(fact and fact.suppressed),
            )
        )
    return rows


def _component(c: Component, lang: str) -> ComponentRow:
    if c.value is None:
        value = str(_("ikke oplyst"))
    elif c.name == "presence":
        value = str(PRESENCE_VALUES.get(str(c.value), c.value))
    elif c.name == "dialogue":
        value = str(DIALOGUE_VALUES.get(str(c.value), c.value))
    else:
        value = format_int(int(c.value), lang)
        if c.share is not None:
            value += f" ({c.share} %)" if lang == "da" else f" ({c.share}%)"
    level = "–" if c.level is None else f"{c.level:.2f}"
    if lang == "da":
        level = level.replace(".", ",")
    weight = format_int(int(c.weight), lang) if float(c.weight).is_integer() else str(c.weight)
    return ComponentRow(str(COMPONENT_LABELS[c.name]), value, level, weight, c.answered)


def engagement_rows(result: Recommendations, lang: str) -> list[EngagementRow]:
    return [
        EngagementRow(
            s.cluster,
            s.label,
            s.score,
            s.inputs,
            s.of,
            tuple(_component(c, lang) for c in s.components),
        )
        for s in result.engagement.scores
    ]


def items(result: Recommendations, decisions, lang: str) -> dict[str, list[Item]]:
    """The recommendations at each level, each with the analyst's decision (if any)."""
    decided = {(d.level, d.subject): d for d in decisions}
    labels = {r.cluster: r.label for r in result.fit.rows}

    def item(level, subject, label, code, reasons):
        return Item(
            level,
            subject,
            label,
            code,
            model_name(code, lang),
            tuple(reason_text(r, lang) for r in reasons),
            decided.get((level, subject)),
        )

    return {
        "clusters": [
            item("cluster", r.cluster, r.label, r.model, r.reasons) for r in result.clusters
        ],
        "efforts": [
            item(
                "effort",
                c.effort.slug,
                c.effort.name,
                c.model,
                c.reasons,
            )
            for c in result.effort_calls
        ],
        "region": [
            item("region", r.model, str(_("Regionen")), r.model, r.reasons) for r in result.region
        ],
        "labels": labels,
    }


def find_item(result: Recommendations, level: str, subject: str, lang: str) -> Item | None:
    """The current recommendation a decision is about, or None when there is no such item."""
    found = items(result, (), lang)
    key = {"cluster": "clusters", "effort": "efforts", "region": "region"}.get(level)
    if key is None:
        return None
    return next((i for i in found[key] if i.subject == subject), None)


def catalogue(lang: str) -> list[tuple[str, str, str]]:
    """(code, name, description) of the four collaboration models."""
    return [(m.code, m.name(lang), m.description(lang)) for m in MODELS]


def checklist(lang: str) -> list[str]:
    return [item.text(lang) for item in CHECKLIST]
