"""What every part of the deck outline shares: language, bases as footnotes, names."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from klyngeradar.core.dates import format_month
from klyngeradar.core.findings.model import Count, Findings, Total
from klyngeradar.core.numbers import format_int, format_percent
from klyngeradar.core.reports.deck import Footnote, Lang, integer_format, percent_format
from klyngeradar.core.surveys.questionnaire import load
from klyngeradar.core.surveys.responses import RoundData


@dataclass(frozen=True)
class Context:
    """The inputs of one deck, passed to each part of the outline."""

    round: RoundData
    findings: Findings
    lang: Lang
    as_of: date
    organisation: str

    def t(self, da: str, en: str) -> str:
        return da if self.lang == "da" else en

    def names(self, names, most: int) -> str:
        """ "A, B og C"; past `most` names "A, B, C og 2 andre" (never "og 1 andre": one more
        name is simply named)."""
        names = list(names)
        if len(names) > most + 1:
            rest = len(names) - most
            return self.t(
                f"{', '.join(names[:most])} og {rest} andre",
                f"{', '.join(names[:most])} and {rest} others",
            )
        if len(names) <= 1:
            return "".join(names)
        return f"{', '.join(names[:-1])}{self.t(' og ', ' and ')}{names[-1]}"

    @staticmethod
    def noun(number: int | None, one: str, many: str) -> str:
        """ "klynge" after 1, "klynger" after anything else (0, 2, …, unknown)."""
        return one if number == 1 else many

    def clusters(self, number: int | None) -> str:
        """ "klynge"/"klynger" or "cluster"/"clusters", agreeing with `number`."""
        if self.lang == "da":
            return self.noun(number, "klynge", "klynger")
        return self.noun(number, "cluster", "clusters")

    def members(self, number: int | None) -> str:
        """ "medlem"/"medlemmer" or "member"/"members", agreeing with `number`."""
        if self.lang == "da":
            return self.noun(number, "medlem", "medlemmer")
        return self.noun(number, "member", "members")

    def count_clusters(self, number: int | None) -> str:
        """ "1 klynge", "2 klynger", "ingen klynger" / "1 cluster", "no clusters"."""
        if number == 0:
            return self.t("ingen klynger", "no clusters")
        return f"{self.n(number)} {self.clusters(number)}"

    def share(self, count: int | None, base: int | None) -> str:
        """ "7 af 12 klynger", "alle 12 klynger", "ingen af de 12 klynger", "1 af 1 klynge"."""
        if count == 0 and base is not None and base > 1:
            return self.t(f"ingen af de {self.n(base)} klynger", f"none of the {base} clusters")
        if count == base and base is not None and base > 1:
            return self.t(f"alle {self.n(base)} klynger", f"all {self.n(base)} clusters")
        return self.t(
            f"{self.n(count)} af {self.n(base)} {self.clusters(base)}",
            f"{self.n(count)} of {self.n(base)} {self.clusters(base)}",
        )

    @staticmethod
    def sentence(text: str) -> str:
        """The text with a capital first letter, as a slide title starts."""
        return text[:1].upper() + text[1:]

    def n(self, number: int | None) -> str:
        return format_int(number, self.lang)

    def pct(self, number: int | None) -> str:
        return format_percent(number, self.lang)

    @property
    def integers(self) -> str:
        return integer_format(self.lang)

    @property
    def percents(self) -> str:
        return percent_format(self.lang)

    @property
    def region_name(self) -> str:
        from klyngeradar.core.registry.geography import region

        found = region(self.round.info.region or "")
        return found.name if found else self.t("regionen", "the region")

    def month(self, day: date) -> str:
        return format_month(day, self.lang)

    def option(self, question: str, code: str) -> str:
        """The label of a questionnaire option code in the deck's language."""
        for q in load().questions:
            if q.id == question:
                option = q.option(code)
                return option.label.get(self.lang) if option else code
        return code

    def base_of_count(self, finding: Count) -> Footnote:
        """ "Base: 12 klynger har svaret; 12 har besvaret spørgsmålet"."""
        return Footnote(
            self.t(
                f"Base: {finding.base} "
                f"{self.clusters(finding.base)} har svaret; {finding.answered} har besvaret "
                "spørgsmålet",
                f"Base: {finding.base} "
                f"{self.clusters(finding.base)} responded; {finding.answered} answered "
                "the question",
            )
        )

    def base_of_total(self, total: Total, *, what_da: str, what_en: str) -> Footnote:
        """ "10 af 12 klynger har oplyst et tal" with minimum, estimate and overlap qualifiers."""
        base = self.t(
            f"{total.reported} af {total.base} {self.clusters(total.base)} har oplyst {what_da}",
            f"{total.reported} of {total.base} {self.clusters(total.base)} reported {what_en}",
        )
        qualifiers = []
        if total.minimum:
            qualifiers.append(
                self.t("summen er et minimum", "the sum is a minimum (not everyone reported)")
            )
        if total.estimated:
            qualifiers.append(
                self.t(
                    f"{total.estimated} af tallene er skøn",
                    f"{total.estimated} of the figures are estimates",
                )
            )
        if total.unstated:
            qualifiers.append(
                self.t(
                    f"{total.unstated} uden oplyst grundlag",
                    f"{total.unstated} without a stated basis",
                )
            )
        if total.overlap_possible:
            qualifiers.append(
                self.t(
                    "samme virksomhed kan indgå hos flere klynger",
                    "the same company may be counted by several clusters",
                )
            )
        return Footnote(base, tuple(qualifiers))

    def about(self, total: Total) -> str:
        """ "mindst 1.740" / "ca. 123" / "375": a total with its honest qualifier."""
        if total.total is None:
            return "–"
        if total.minimum:
            return self.t(f"mindst {self.n(total.total)}", f"at least {self.n(total.total)}")
        if total.estimated:
            return self.t(f"ca. {self.n(total.total)}", f"about {self.n(total.total)}")
        return self.n(total.total)

    def per_cluster(self, key: str) -> tuple[tuple[str, ...], tuple[int | None, ...]]:
        """Responders' names and their value behind finding `key` (None when not included)."""
        names, values = [], []
        for evidence in self.findings.detail(key):
            if evidence.outcome == "no_response":
                continue
            names.append(evidence.name)
            value = evidence.value
            values.append(
                value if isinstance(value, int) and evidence.outcome != "unanswered" else None
            )
        return tuple(names), tuple(values)
