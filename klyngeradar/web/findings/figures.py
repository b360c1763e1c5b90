"""Findings as figures for the page: a headline, its base and qualifiers, the sentence and bars.

Everything is read from the core's `Findings` and `sentences`; nothing is
computed here beyond laying out what the core found (a "not answered" bar is
``base - answered``). The bars are the data of the chart and of the table that
stands in for it without JavaScript and for screen readers.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import get_language, gettext_lazy, ngettext
from django.utils.translation import gettext as _

from klyngeradar.core.findings.model import (
    Choice3Count,
    Count,
    MunicipalAgreements,
    PresenceVsMembers,
    ResponseRate,
    StrategySupport,
    Total,
)
from klyngeradar.core.findings.rules import TOTALS, Findings
from klyngeradar.core.findings.sentences import sentences
from klyngeradar.core.numbers import format_int, format_percent
from klyngeradar.core.surveys.questionnaire import Questionnaire, load
from klyngeradar.web.findings.charts import bar_chart, chart_height

TITLES = {
    "response_rate": gettext_lazy("Svarprocent"),
    "dialogue_willing": gettext_lazy("Vilje til tættere dialog"),
    "physical_presence": gettext_lazy("Fysisk tilstedeværelse i regionen"),
    "presence_planned": gettext_lazy("Planer om (mere) fysisk tilstedeværelse"),
    "partners_any": gettext_lazy("Samarbejdspartnere i regionen"),
    "members_any": gettext_lazy("Klynger med medlemmer i regionen"),
    "members_national": gettext_lazy("Medlemmer i hele landet"),
    "members_region": gettext_lazy("Medlemmer i regionen"),
    "members_region_50plus": gettext_lazy("Medlemmer i regionen med 50 ansatte eller flere"),
    "members_region_under50": gettext_lazy("Medlemmer i regionen med under 50 ansatte"),
    "participation_companies": gettext_lazy("Unikke virksomheder, der har deltaget"),
    "participation_persons": gettext_lazy("Deltagere i klyngernes aktiviteter"),
    "activities_in_region": gettext_lazy("Aktiviteter i regionen"),
    "agreements_any": gettext_lazy("Samarbejdsaftaler med regionens aktører"),
    "agreements_none": gettext_lazy("Klynger uden samarbejdsaftale"),
    "municipal_agreements": gettext_lazy("Aftaler med kommuner"),
    "strategy_support": gettext_lazy("Bidrag til regionens indsatser"),
    "presence_vs_members": gettext_lazy("Tilstedeværelse og medlemmer"),
    "consistency": gettext_lazy("Sammenhæng i medlemstallene"),
}

# The question behind each finding, whose option labels name the codes in the drill-down.
QUESTIONS = {
    "dialogue_willing": "dialogue.willing",
    "physical_presence": "presence.type",
    "presence_planned": "presence.planned",
    "activities_in_region": "activities.in_region",
    "presence_vs_members": "presence.type",
    **TOTALS,
}


@dataclass(frozen=True)
class Bar:
    """One bar of a chart and one row of its table; `estimated` marks an estimate."""

    label: str
    value: int | None
    note: str = ""
    estimated: bool = False

    @property
    def display(self) -> str:
        """The value the Danish (or English) way: 1.740; "–" when not given."""
        return format_int(self.value, "en" if (get_language() or "da").startswith("en") else "da")


@dataclass(frozen=True)
class Figure:
    key: str
    title: str
    headline: str
    qualifiers: tuple[str, ...]
    base: str
    sentence: str
    footnote: str | None
    bars: tuple[Bar, ...]
    bars_caption: str

    @property
    def chart(self) -> dict | None:
        """ECharts options for the bars (None when there is nothing to draw)."""
        return bar_chart(self.bars) if any(b.value for b in self.bars) else None

    @property
    def chart_id(self) -> str:
        return f"chart-{self.key}"

    @property
    def chart_height(self) -> int:
        return chart_height(self.bars)


class Labels:
    """Display names for the codes of a round: questionnaire options, actors, municipalities."""

    def __init__(self, findings: Findings, lang: str, questionnaire: Questionnaire | None = None):
        self.findings = findings
        self.lang = lang
        self.questionnaire = questionnaire or load()

    def option(self, question: str, code: str) -> str:
        try:
            option = self.questionnaire.question(question).option(code)
        except KeyError:
            option = None
        return option.label.get(self.lang) if option else code

    def actor(self, slug: str) -> str:
        return self.findings.name_of("actor", slug)

    def municipality(self, code: str) -> str:
        return self.findings.name_of("municipality", code)

    def effort(self, slug: str) -> str:
        return self.findings.name_of("effort", slug)

    def any(self, key: str, code: str) -> str:
        """A code in the drill-down of finding `key`, named as well as we can."""
        question = QUESTIONS.get(key)
        if question:
            named = self.option(question, code)
            if named != code:
                return named
        for kind in ("actor", "municipality", "effort"):
            named = self.findings.name_of(kind, code)
            if named != code:
                return named
        for question in ("activities.types", "dialogue.willing"):
            named = self.option(question, code)
            if named != code:
                return named
        return code


def figures(findings: Findings, lang: str = "da") -> list[Figure]:
    """One figure per finding, in the spec's order (the consistency checks are listed apart)."""
    labels = Labels(findings, lang)
    said = {s.key: s for s in sentences(findings, lang)}
    n = lambda number: format_int(number, lang)  # noqa: E731 - a short local formatter
    result = []
    for key, title in TITLES.items():
        if key == "consistency":
            continue
        finding = getattr(findings, key)
        headline, qualifiers, base, bars, caption = _layout(key, finding, findings, labels, n)
        sentence = said[key]
        result.append(
            Figure(
                key=key,
                title=str(title),
                headline=headline,
                qualifiers=tuple(qualifiers),
                base=base,
                sentence=sentence.text,
                footnote=sentence.footnote,
                bars=tuple(bars),
                bars_caption=caption,
            )
        )
    return result


def _layout(key, finding, findings: Findings, labels: Labels, n):
    if isinstance(finding, ResponseRate):
        return _response_rate(finding, n, labels.lang)
    if isinstance(finding, Total):
        return _total(key, finding, findings, n)
    if isinstance(finding, MunicipalAgreements):
        return _municipal(finding, labels, n)
    if isinstance(finding, StrategySupport):
        return _strategy(finding, labels, n)
    if isinstance(finding, PresenceVsMembers):
        return _presence_vs_members(finding, n)
    return _count(key, finding, labels, n)


def _of(count: int, base: int, n) -> str:
    return _("%(count)s af %(base)s") % {"count": n(count), "base": n(base)}


def _not_answered(finding: Count) -> list[str]:
    missing = finding.base - finding.answered
    if missing <= 0:
        return []
    return [
        ngettext(
            "%(n)s klynge har ikke besvaret spørgsmålet",
            "%(n)s klynger har ikke besvaret spørgsmålet",
            missing,
        )
        % {"n": missing}
    ]


def _responders(base: int, n) -> str:
    return ngettext(
        "Base: %(n)s klynge, der har svaret",
        "Base: %(n)s klynger, der har svaret",
        base,
    ) % {"n": n(base)}


def _response_rate(f: ResponseRate, n, lang: str):
    qualifiers = []
    if f.partial:
        qualifiers.append(
            ngettext("%(n)s delvis besvarelse", "%(n)s delvise besvarelser", f.partial)
            % {"n": n(f.partial)}
        )
    headline = f"{_of(f.count, f.base, n)} ({format_percent(f.percent, lang)})"
    base = ngettext("Base: %(n)s inviteret klynge", "Base: %(n)s inviterede klynger", f.base) % {
        "n": n(f.base)
    }
    bars = [
        Bar(_("Fuldt besvaret"), f.complete),
        Bar(_("Delvist besvaret"), f.partial),
        Bar(_("Ikke svaret"), f.base - f.count),
    ]
    return headline, qualifiers, base, bars, _("Klynger efter status")


def _count(key: str, f: Count, labels: Labels, n):
    headline = _of(f.count, f.base, n)
    qualifiers = _not_answered(f)
    base = _responders(f.base, n)
    bars: list[Bar]
    caption = _("Klynger efter svar")
    if isinstance(f, Choice3Count):
        question = QUESTIONS[key]
        bars = [
            Bar(labels.option(question, "yes"), f.count),
            Bar(labels.option(question, "maybe"), f.maybe),
            Bar(labels.option(question, "no"), f.answered - f.count - f.maybe),
        ]
        if f.maybe:
            qualifiers.append(
                ngettext("%(n)s svarer måske", "%(n)s svarer måske", f.maybe) % {"n": n(f.maybe)}
            )
    elif key == "physical_presence":
        bars = [Bar(labels.option("presence.type", code), v) for code, v in f.by_type.items()]
        caption = _("Klynger efter type af tilstedeværelse")
    elif key == "activities_in_region":
        bars = [Bar(labels.option("activities.types", code), v) for code, v in f.by_type.items()]
        caption = _("Klynger efter type af aktivitet (flere svar mulige)")
    elif key in ("partners_any", "agreements_any"):
        bars = [Bar(labels.actor(slug), v) for slug, v in f.by_actor.items()]
        if key == "partners_any":
            bars += [Bar(labels.municipality(code), v) for code, v in f.by_municipality.items()]
        caption = _("Klynger pr. aktør eller kommune (flere svar mulige)")
    else:
        yes, no = {
            "members_any": (_("Har medlemmer i regionen"), _("Ingen medlemmer i regionen")),
            "agreements_none": (_("Ingen aftale"), _("Har en aftale")),
        }[key]
        bars = [Bar(yes, f.count), Bar(no, f.answered - f.count)]
    # Multiple-answer counts have no "not answered" bar: their bars are not clusters.
    single_answer = key not in ("activities_in_region", "partners_any", "agreements_any")
    if single_answer and f.base - f.answered > 0:
        bars.append(Bar(_("Ikke besvaret"), f.base - f.answered))
    return headline, qualifiers, base, bars, caption


def _total(key: str, f: Total, findings: Findings, n):
    if f.total is None:
        headline = _("ikke oplyst")
    elif f.minimum:
        headline = _("mindst %(total)s") % {"total": n(f.total)}
    elif f.estimated:
        headline = _("ca. %(total)s") % {"total": n(f.total)}
    else:
        headline = n(f.total)
    qualifiers = []
    if f.minimum:
        qualifiers.append(_("mindst: ikke alle klynger har oplyst et tal"))
    if f.estimated:
        qualifiers.append(
            ngettext("%(n)s tal er et skøn", "%(n)s tal er skøn", f.estimated) % {"n": f.estimated}
        )
    if f.unstated:
        qualifiers.append(
            ngettext("%(n)s tal uden oplyst grundlag", "%(n)s tal uden oplyst grundlag", f.unstated)
            % {"n": f.unstated}
        )
    if f.overlap_possible:
        qualifiers.append(_("kan overlappe på tværs af klynger"))
    base = ngettext(
        "%(reported)s af %(base)s klynge har oplyst et tal",
        "%(reported)s af %(base)s klynger har oplyst et tal",
        f.base,
    ) % {
        "reported": n(f.reported),
        "base": n(f.base),
    }
    bars = [
        Bar(
            e.name,
            e.value if isinstance(e.value, int) else None,
            basis_label(e.basis),
            e.basis == "estimated",
        )
        for e in findings.detail(key)
        if e.outcome == "included"
    ]
    return headline, qualifiers, base, bars, _("Oplyst pr. klynge")


def _municipal(f: MunicipalAgreements, labels: Labels, n):
    headline = ngettext("%(n)s aftale", "%(n)s aftaler", f.agreements) % {"n": n(f.agreements)}
    qualifiers = []
    if f.max_per_cluster and f.agreements:
        qualifiers.append(
            _("den største klynge har %(max)s af de %(n)s aftaler")
            % {"max": n(f.max_per_cluster), "n": n(f.agreements)}
        )
    base = (
        ngettext("%(m)s kommune", "%(m)s kommuner", f.municipalities)
        + ", "
        + ngettext("%(c)s klynge med en aftale", "%(c)s klynger med en aftale", f.clusters)
    ) % {
        "m": n(f.municipalities),
        "c": n(f.clusters),
    }
    bars = [Bar(labels.municipality(code), v) for code, v in f.by_municipality.items()]
    return headline, qualifiers, base, bars, _("Aftaler pr. kommune")


def _strategy(f: StrategySupport, labels: Labels, n):
    headline = _of(f.answered, f.base, n)
    qualifiers = []
    if f.base - f.answered:
        qualifiers = _not_answered(Count(f.answered, f.answered, f.base))
    base = _responders(f.base, n)
    bars = [Bar(labels.effort(slug), v) for slug, v in f.by_effort.items()]
    return headline, qualifiers, base, bars, _("Klynger pr. indsats (flere svar mulige)")


def _presence_vs_members(f: PresenceVsMembers, n):
    headline = _("%(present)s mod %(absent)s") % {
        "present": n(f.present.members_region),
        "absent": n(f.absent.members_region),
    }
    qualifiers = []
    for group in (f.present, f.absent):
        if group.reported < group.clusters:
            qualifiers.append(_("ikke alle klynger har oplyst medlemstal"))
            break
    base = ngettext(
        "%(p)s klynge til stede, %(a)s uden fysisk tilstedeværelse",
        "%(p)s klynger til stede, %(a)s uden fysisk tilstedeværelse",
        f.present.clusters,
    ) % {
        "p": n(f.present.clusters),
        "a": n(f.absent.clusters),
    }
    bars = [
        Bar(
            ngettext("Til stede (%(n)s klynge)", "Til stede (%(n)s klynger)", f.present.clusters)
            % {"n": n(f.present.clusters)},
            f.present.members_region,
        ),
        Bar(
            ngettext(
                "Ikke til stede (%(n)s klynge)", "Ikke til stede (%(n)s klynger)", f.absent.clusters
            )
            % {"n": n(f.absent.clusters)},
            f.absent.members_region,
        ),
    ]
    return headline, qualifiers, base, bars, _("Medlemmer i regionen")


def basis_label(basis: str | None) -> str:
    return {"counted": _("opgjort"), "estimated": _("skøn")}.get(basis or "", _("ikke angivet"))
