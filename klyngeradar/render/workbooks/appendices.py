"""The deck's appendices as one Excel workbook (XlsxWriter), one sheet per appendix.

Sheets: ``Klynger`` (the registry), the survey answers in the exchange format
(``svar``, ``runde``, ``aktører``, ``indsatser`` — so the workbook can be read
back as a round), ``Fund`` (every finding with its base), ``Fordelinger`` (the
counts behind the charts), ``Fit og anbefalinger`` and ``Aftaler og KPI'er``.
When the analyst has decided on recommendations, ``Fit og anbefalinger`` gets
the decision beside each cluster's recommendation and a ``Beslutninger`` sheet
lists every recommendation (cluster, effort and region level) with its decision.
Every sheet has a frozen, filterable header and fitted widths; whole numbers use
the built-in ``#,##0`` format, which Danish Excel shows as 1.740.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from pathlib import Path

import xlsxwriter

from klyngeradar.core.dates import format_date
from klyngeradar.core.findings.comparison import Comparison
from klyngeradar.core.findings.model import FINDING_KEYS, Findings
from klyngeradar.core.registry.geography import municipalities
from klyngeradar.core.registry.reference import ClusterFacts, reference_areas
from klyngeradar.core.reports.outline_specialisation import RegionalStrengths
from klyngeradar.core.strategy.catalogue import model
from klyngeradar.core.strategy.decisions import DecidedRecommendation, DecidedRecommendations
from klyngeradar.core.strategy.recommendations import Recommendations, reason_text
from klyngeradar.core.surveys.exchange_write import round_to_tables
from klyngeradar.core.surveys.responses import RoundData
from klyngeradar.render.atomic import writes_atomically
from klyngeradar.render.workbooks.appendix_comparison import write_comparison_sheets
from klyngeradar.render.workbooks.appendix_map import map_sheet
from klyngeradar.render.workbooks.appendix_specialisation import specialisation_sheet

INTEGER = "#,##0"
DATETIME = "yyyy-mm-dd hh:mm"
MAX_WIDTH = 60
FINDING_FIELDS = (
    "count",
    "total",
    "maybe",
    "answered",
    "reported",
    "base",
    "percent",
    "estimated",
    "unstated",
    "minimum",
    "overlap_possible",
    "agreements",
    "municipalities",
    "clusters",
    "max_per_cluster",
    "members_region",
)
BREAKDOWNS = ("by_type", "by_actor", "by_municipality", "by_effort")


@writes_atomically
def write_appendices(
    path: str | Path,
    *,
    round: RoundData,
    findings: Findings,
    recommendations: Recommendations | DecidedRecommendations | None = None,
    clusters: Iterable[ClusterFacts] = (),
    lang: str = "da",
    agreements: Sequence[object] | None = None,
    comparison: Comparison | None = None,
    specialisation: RegionalStrengths | None = None,
    as_of: date | None = None,
) -> Path:
    """Write the appendices workbook to `path` and return it.

    `as_of` is the date in the printed pages' footer (the round's date, not today's).

    `recommendations` may carry the analyst's decisions
    (`klyngeradar.core.strategy.decisions.apply_decisions`); they are shown only when at
    least one decision was made.
    """
    decided = None
    if isinstance(recommendations, DecidedRecommendations):
        decided = recommendations if recommendations.decided else None
        recommendations = recommendations.recommendations
    path = Path(path)
    book = xlsxwriter.Workbook(str(path))
    writer = _Sheets(book, lang, as_of, round.info.title)
    writer.clusters(tuple(clusters))
    for table in round_to_tables(round).values():
        writer.table(table.name, table.header, [row.values for row in table.rows])
    writer.findings(findings)
    writer.breakdowns(findings)
    writer.table(*map_sheet(round, lang))
    writer.fit(recommendations, decided)
    if decided is not None:
        writer.decisions(decided)
    writer.agreements(agreements)
    write_comparison_sheets(writer, comparison)
    specialisation_sheet(writer, specialisation)
    book.close()
    return path


class _Sheets:
    def __init__(
        self,
        book: xlsxwriter.Workbook,
        lang: str,
        as_of: date | None = None,
        title: str | None = None,
    ):
        self.book = book
        self.lang = lang
        self.as_of = as_of
        self.title = title
        self.header_format = book.add_format(
            {"bold": True, "bg_color": "#1F5F8B", "font_color": "#FFFFFF", "text_wrap": True}
        )
        self.integer = book.add_format({"num_format": INTEGER})
        # A year is a number without a thousands separator ("2021", not "2.021").
        self.year = book.add_format({"num_format": "0"})
        self.datetime = book.add_format({"num_format": DATETIME})
        self.wrap = book.add_format({"text_wrap": True, "valign": "top"})

    def t(self, da: str, en: str) -> str:
        return da if self.lang == "da" else en

    def table(self, name: str, header: Sequence[str], rows: Iterable[Sequence[object]]):
        """Write a sheet with a frozen, filterable header; return it (for charts)."""
        sheet = self.book.add_worksheet(name[:31])
        rows = [tuple(row) for row in rows]
        sheet.write_row(0, 0, header, self.header_format)
        widths = [len(str(h)) + 2 for h in header]
        years = {c for c, h in enumerate(header) if _is_year_column(str(h))}
        for r, row in enumerate(rows, start=1):
            for c, value in enumerate(row):
                if value is None or value == "":
                    sheet.write_blank(r, c, None)
                elif isinstance(value, bool):
                    sheet.write_boolean(r, c, value)
                elif isinstance(value, int | float):
                    sheet.write_number(r, c, value, self.year if c in years else self.integer)
                elif isinstance(value, datetime):
                    sheet.write_datetime(r, c, value.replace(tzinfo=None), self.datetime)
                    value = DATETIME
                else:
                    sheet.write_string(r, c, str(value))
                widths[c] = max(widths[c], min(len(str(value)) + 2, MAX_WIDTH))
        for c, width in enumerate(widths):
            long_text = width >= MAX_WIDTH
            sheet.set_column(c, c, width, self.wrap if long_text else None)
        sheet.freeze_panes(1, 0)
        sheet.autofilter(0, 0, max(len(rows), 1), max(len(header) - 1, 0))
        self._print_setup(sheet)
        return sheet

    def _print_setup(self, sheet) -> None:
        """Landscape, one page wide, the header on every page, a footer with source and date."""
        sheet.set_landscape()
        sheet.set_paper(9)  # A4
        sheet.fit_to_pages(1, 0)
        sheet.repeat_rows(0)
        source = self.t("Kilde: Klyngeradar", "Source: Klyngeradar")
        if self.title:
            source += f" · {self.title}"
        day = format_date(self.as_of, self.lang) if self.as_of else ""
        # "&" starts a code in Excel's header/footer syntax and must be doubled.
        source, day = source.replace("&", "&&"), day.replace("&", "&&")
        page = self.t("Side &P af &N", "Page &P of &N")
        sheet.set_footer(f"&L{source}&C{day}&R{page}")

    def clusters(self, clusters: tuple[ClusterFacts, ...]) -> None:
        areas = {a.slug: a.name for a in reference_areas()}
        seats = {m.code: m.name for m in municipalities()}
        header = (
            "slug",
            self.t("navn", "name"),
            self.t("område", "area"),
            self.t("sæde", "seat"),
            self.t("ansatte", "staff"),
            self.t("medlemmer", "members"),
            self.t("budget (kr.)", "budget (DKK)"),
            self.t("bevilling (kr.)", "grant (DKK)"),
            self.t("tal fra år", "figures year"),
            self.t("bestyrelse", "board size"),
            self.t("forperson fra erhvervslivet", "chair from business"),
            self.t("bekræftet", "verified"),
            self.t("ikke bekræftede felter", "unverified fields"),
            self.t("fra", "from"),
            self.t("til", "to"),
            self.t("note", "note"),
            self.t("kilde", "source"),
        )
        rows = [
            (
                c.slug,
                c.name,
                areas.get(c.area, c.area),
                seats.get(c.seat_municipality or "", c.seat_municipality),
                c.staff,
                c.members,
                c.budget_dkk,
                c.grant_dkk,
                c.figures_year,
                c.board_size,
                c.chair_from_business,
                c.verified,
                ", ".join(c.unverified_fields),
                c.valid_from.isoformat() if c.valid_from else None,
                c.valid_to.isoformat() if c.valid_to else None,
                c.text("note", self.lang),
                c.text("source", self.lang),
            )
            for c in clusters
        ]
        self.table(self.t("Klynger", "Clusters"), header, rows)

    def findings(self, findings: Findings) -> None:
        data = findings.to_dict()
        header = (self.t("fund", "finding"), *FINDING_FIELDS)
        rows = []
        for key in FINDING_KEYS:
            value = data[key]
            if key == "presence_vs_members":
                rows += [(f"{key}.{side}", value[side]) for side in ("present", "absent")]
            elif isinstance(value, dict):
                rows.append((key, value))
        self.table(
            self.t("Fund", "Findings"),
            header,
            [(key, *(value.get(name) for name in FINDING_FIELDS)) for key, value in rows],
        )

    def breakdowns(self, findings: Findings) -> None:
        data = findings.to_dict()
        kinds = {"by_actor": "actor", "by_municipality": "municipality", "by_effort": "effort"}
        rows = []
        for key in FINDING_KEYS:
            value = data[key]
            if not isinstance(value, dict):
                continue
            for breakdown in BREAKDOWNS:
                for code, count in value.get(breakdown, {}).items():
                    kind = kinds.get(breakdown)
                    name = findings.name_of(kind, code) if kind else code
                    rows.append((key, breakdown, code, name, count))
        header = (
            self.t("fund", "finding"),
            self.t("fordeling", "breakdown"),
            self.t("kode", "code"),
            self.t("navn", "name"),
            self.t("klynger", "clusters"),
        )
        self.table(self.t("Fordelinger", "Breakdowns"), header, rows)

    def fit(self, rec: Recommendations | None, decided: DecidedRecommendations | None) -> None:
        name = self.t("Fit og anbefalinger", "Fit and recommendations")
        if rec is None:
            self.table(
                name,
                (self.t("note", "note"),),
                [(self.t("ingen anbefalinger beregnet", "no recommendations computed"),)],
            )
            return
        efforts = rec.fit.efforts
        header = (
            self.t("klynge", "cluster"),
            self.t("navn", "name"),
            *(e.name for e in efforts),
            self.t("fit-score", "fit score"),
            self.t("engagement-score", "engagement score"),
            self.t("input", "inputs"),
            self.t("model", "model"),
            self.t("anbefaling", "recommendation"),
            self.t("begrundelser", "reasons"),
            *(self._decision_header() if decided else ()),
        )
        rows = []
        for r in rec.clusters:
            row = rec.fit.row(r.cluster)
            score = rec.engagement.get(r.cluster)
            label = model(r.model) if r.model else None
            rows.append(
                (
                    r.cluster,
                    r.label,
                    *(row.cell(e.slug).score if row else None for e in efforts),
                    row.score if row else None,
                    score.score if score else None,
                    f"{score.inputs}/{score.of}" if score else None,
                    r.model,
                    (label.name_da if self.lang == "da" else label.name_en)
                    if label
                    else self.t("Hold orienteret", "Keep informed"),
                    " ".join(reason_text(x, self.lang) for x in r.reasons),
                    *(self._decision(decided.get("cluster", r.cluster)) if decided else ()),
                )
            )
        sheet = self.table(name, header, rows)
        first, last = 2, 1 + len(efforts)
        if rows and efforts:
            sheet.conditional_format(
                1,
                first,
                len(rows),
                last,
                {
                    "type": "2_color_scale",
                    "min_color": "#F2F2F2",
                    "max_color": "#1F5F8B",
                    "min_type": "num",
                    "min_value": 0,
                    "max_type": "num",
                    "max_value": 3,
                },
            )
            chart = self.book.add_chart({"type": "bar"})
            score_column = last + 2
            chart.add_series(
                {
                    "name": self.t("Engagement-score", "Engagement score"),
                    "categories": [sheet.name, 1, 1, len(rows), 1],
                    "values": [sheet.name, 1, score_column, len(rows), score_column],
                    "fill": {"color": "#1F5F8B"},
                    "data_labels": {"value": True, "num_format": INTEGER},
                }
            )
            chart.set_title({"name": self.t("Engagement i regionen", "Engagement in the region")})
            chart.set_y_axis({"reverse": True})
            chart.set_legend({"none": True})
            chart.show_blanks_as("gap")
            # About 0.2 in per bar, so that a large round's labels do not overlap.
            y_scale = max(1.4, len(rows) * 0.2 * 96 / 288)
            sheet.insert_chart(len(rows) + 3, 1, chart, {"x_scale": 1.5, "y_scale": y_scale})

    def _decision_header(self) -> tuple[str, ...]:
        return (
            self.t("beslutning", "decision"),
            self.t("besluttet model", "decided model"),
            self.t("begrundelse for beslutningen", "reason for the decision"),
            self.t("besluttet af", "decided by"),
            self.t("besluttet", "decided at"),
            self.t("anbefaling ændret siden", "recommendation changed since"),
        )

    def _decision(self, item: DecidedRecommendation | None) -> tuple[object, ...]:
        """The decision's cells; "ikke behandlet" when there is none."""
        decision = item.decision if item else None
        if decision is None:
            return (self.t("ikke behandlet", "not reviewed"), None, None, None, None, None)
        verdicts = {
            "accepted": self.t("accepteret", "accepted"),
            "changed": self.t("anden model valgt", "another model chosen"),
            "rejected": self.t("afvist", "rejected"),
        }
        return (
            verdicts[decision.verdict],
            self._model_name(decision.model) if decision.model else None,
            decision.reason or None,
            decision.decided_by,
            decision.decided_at,
            item.stale,
        )

    def _model_name(self, code: str | None) -> str:
        if code is None:
            return self.t("Hold orienteret", "Keep informed")
        found = model(code)
        return found.name_da if self.lang == "da" else found.name_en

    def decisions(self, decided: DecidedRecommendations) -> None:
        """Every recommendation at every level with the analyst's decision on it."""
        levels = {
            "cluster": self.t("klynge", "cluster"),
            "effort": self.t("indsats", "effort"),
            "region": self.t("region", "region"),
        }
        header = (
            self.t("niveau", "level"),
            self.t("emne", "subject"),
            self.t("navn", "name"),
            self.t("anbefaling nu", "recommendation now"),
            self.t("anbefaling ved beslutningen", "recommendation when decided"),
            *self._decision_header(),
        )
        rows = []
        for item in decided.items:
            if item in decided.unmatched:
                now = self.t("gives ikke længere", "no longer given")
            else:
                now = self._model_name(item.recommended)
            then = self._model_name(item.decision.recommended) if item.decision else None
            label = item.label or (
                self.t("Regionen", "The region") if item.subject_kind == "region" else None
            )
            rows.append(
                (levels[item.subject_kind], item.subject, label, now, then, *self._decision(item))
            )
        self.table(self.t("Beslutninger", "Decisions"), header, rows)

    def agreements(self, agreements: Sequence[object] | None) -> None:
        name = self.t("Aftaler og KPI'er", "Agreements and KPIs")
        items = list(agreements or ())
        if not items:
            self.table(
                name,
                (self.t("note", "note"),),
                [(self.t("ingen aftaler registreret", "no agreements registered"),)],
            )
            return
        rows = [_as_row(item) for item in items]
        header = tuple(rows[0].keys())
        self.table(name, header, [tuple(_cell(row.get(h)) for h in header) for row in rows])


def _is_year_column(header: str) -> bool:
    return re.search(r"\b(år|årstal|year)\b", header.casefold()) is not None


def _as_row(item: object) -> dict[str, object]:
    if dataclasses.is_dataclass(item) and not isinstance(item, type):
        return {f.name: getattr(item, f.name) for f in dataclasses.fields(item)}
    if isinstance(item, dict):
        return dict(item)
    return {"value": str(item)}


def _cell(value: object) -> object:
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, Iterable):
        return "; ".join(str(v) for v in value)
    return str(value)
