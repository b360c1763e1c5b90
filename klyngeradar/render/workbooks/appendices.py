"""The deck's appendices as one Excel workbook (XlsxWriter), one sheet per appendix.

The sheets follow the 2023 report's appendices and the deck: ``Udpegede klynger``
(the programme current at the round's date, with sources and what is not
confirmed), ``Programmets resultater`` (the 2022 participant survey), ``Besvarelser``
(the survey answers in words), ``Fund`` (every finding with its base),
``Citater`` (the deck's quotes with who wrote them), ``Fordelinger`` (the counts
behind the charts), ``Kort``, ``Fit og anbefalinger`` (and ``Beslutninger`` when
the analyst has decided), ``Kortliste`` and ``Næste skridt`` (the deck's
shortlist and next steps), ``Aftaler og KPI'er``,
``Vejledning medfinansiering`` and ``Medfinansiering`` (the guidance on municipal
co-financing), the comparison and specialisation sheets when there are data, and
last the technical sheets: ``Koder`` (the codes and slugs and their names) and the
round in the exchange format (``svar``, ``runde``, ``aktører``, ``indsatser``;
spec/exchange-format.md), which `read_round` reads back as the same round. Only
the technical sheets show codes and slugs.

Every sheet has a frozen, filterable header and prints landscape on A4, one page
wide, the header row on every page, the sheet's title above and the source and
the round's date below. Whole numbers use ``#,##0`` (Danish Excel shows 1.740),
years ``0`` (2021, not 2.021) and dates ``dd-mm-yyyy``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime
from pathlib import Path

import xlsxwriter

from klyngeradar.core.dates import format_date
from klyngeradar.core.findings.comparison import Comparison
from klyngeradar.core.findings.model import FINDING_KEYS, Findings
from klyngeradar.core.registry.geography import municipalities
from klyngeradar.core.registry.programmes import ProgrammeReference, reference_programmes
from klyngeradar.core.registry.reference import AreaFacts, ClusterFacts
from klyngeradar.core.reports.outline_guidance import register_of, rows_of
from klyngeradar.core.reports.outline_quotes import Quotes
from klyngeradar.core.reports.outline_specialisation import RegionalStrengths
from klyngeradar.core.strategy.catalogue import model
from klyngeradar.core.strategy.decisions import DecidedRecommendation, DecidedRecommendations
from klyngeradar.core.strategy.priorities import PriorityInputs
from klyngeradar.core.strategy.recommendations import Recommendations, reason_text
from klyngeradar.core.surveys.questionnaire import load
from klyngeradar.core.surveys.responses import RoundData
from klyngeradar.render.atomic import writes_atomically
from klyngeradar.render.workbooks.appendix_answers import answers_sheet
from klyngeradar.render.workbooks.appendix_codes import codes_sheet
from klyngeradar.render.workbooks.appendix_comparison import write_comparison_sheets
from klyngeradar.render.workbooks.appendix_guidance import guidance_sheets
from klyngeradar.render.workbooks.appendix_labels import (
    BREAKDOWNS,
    FINDING_FIELDS,
    FINDINGS,
    PRESENCE_SIDES,
    TYPE_QUESTIONS,
    label,
)
from klyngeradar.render.workbooks.appendix_layout import (
    DATE,
    DATETIME,
    INTEGER,
    LINE_HEIGHT,
    MAX_WIDTH,
    YEAR,
    escape,
    is_year_column,
    lines_of,
    widths_of,
)
from klyngeradar.render.workbooks.appendix_map import map_sheet
from klyngeradar.render.workbooks.appendix_priorities import priority_sheets
from klyngeradar.render.workbooks.appendix_programme import (
    designated_sheet,
    programme_of,
    results_sheet,
)
from klyngeradar.render.workbooks.appendix_quotes import quotes_sheet
from klyngeradar.render.workbooks.appendix_specialisation import specialisation_sheet
from klyngeradar.render.workbooks.exchange import add_exchange_sheets

FINDING_FIELD_ORDER = tuple(FINDING_FIELDS)
BREAKDOWN_KEYS = tuple(BREAKDOWNS)


@writes_atomically
def write_appendices(
    path: str | Path,
    *,
    round: RoundData,
    findings: Findings,
    recommendations: Recommendations | DecidedRecommendations | None = None,
    clusters: Iterable[ClusterFacts] = (),
    lang: str = "da",
    agreements: object | None = None,
    comparison: Comparison | None = None,
    specialisation: RegionalStrengths | None = None,
    as_of: date | None = None,
    programmes: ProgrammeReference | None = None,
    priorities: PriorityInputs | None = None,
    quotes: Quotes | None = None,
    programme: str | None = None,
    areas: Iterable[AreaFacts] | None = None,
) -> Path:
    """Write the appendices workbook to `path` and return it.

    `as_of` is the round's date: the programme current that day names the clusters,
    and it is the date in the printed pages' footer (without it, the last day of the
    round's year). `agreements` is the agreements register
    (`klyngeradar.core.reports.outline_guidance.AgreementRegister`) or plain rows.
    `programmes` defaults to the shipped programme periods and designations; `programme`,
    the slug of one of them, lists that programme's clusters instead of the current one's;
    `areas` names the clusters' areas (default: the shipped areas).

    `recommendations` may carry the analyst's decisions
    (`klyngeradar.core.strategy.decisions.apply_decisions`); they are shown only when at
    least one decision was made.

    `priorities` holds the analyst's shortlist choices and next steps and `quotes`
    the analyst's quotes, as for the deck; without them the sheets show the deck's
    defaults (the rule's shortlist, the drafted next steps, the default quotes).
    """
    shortlisted = recommendations
    decided = None
    if isinstance(recommendations, DecidedRecommendations):
        decided = recommendations if recommendations.decided else None
        recommendations = recommendations.recommendations
    path = Path(path)
    day = as_of or round_day(round)
    reference = programmes or reference_programmes()
    clusters = tuple(clusters)
    book = xlsxwriter.Workbook(str(path))
    writer = _Sheets(book, lang, day, round.info.title)
    writer.names = _names(round, clusters)
    designated_sheet(
        writer, clusters, reference, day, programme, None if areas is None else tuple(areas)
    )
    results_sheet(writer)
    answers_sheet(writer, round)
    quotes_sheet(writer, round, quotes)
    writer.findings(findings)
    writer.breakdowns(findings)
    writer.table(*map_sheet(round, lang))
    writer.fit(recommendations, decided)
    if decided is not None:
        writer.decisions(decided)
    priority_sheets(writer, shortlisted, priorities)
    writer.agreements(rows_of(agreements))
    guidance_sheets(writer, register_of(agreements))
    write_comparison_sheets(writer, comparison)
    specialisation_sheet(writer, specialisation)
    codes_sheet(writer, round, clusters, programme_of(reference, day, programme))
    add_exchange_sheets(book, round)
    book.close()
    return path


def round_day(round: RoundData) -> date | None:
    """The round's date when none is given: the last day of its year (None without one)."""
    return date(round.info.year, 12, 31) if round.info.year else None


def _names(round: RoundData, clusters: tuple[ClusterFacts, ...]) -> dict[str, str]:
    """Every code the appendices may meet in plain rows, by its name."""
    names = {m.code: m.name for m in municipalities()}
    names.update({c.slug: c.name for c in clusters})
    names.update({a.slug: a.name for a in round.actors})
    names.update({e.slug: e.name for e in round.efforts})
    names.update({r.cluster: r.label for r in round.responses})
    return names


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
        self.names: Mapping[str, str] = {}
        self.header_format = book.add_format(
            {
                "bold": True,
                "bg_color": "#1F5F8B",
                "font_color": "#FFFFFF",
                "text_wrap": True,
                "valign": "top",
            }
        )
        self.top = book.add_format({"valign": "top"})
        self.integer = book.add_format({"num_format": INTEGER, "valign": "top"})
        # A year is a number without a thousands separator ("2021", not "2.021").
        self.year = book.add_format({"num_format": YEAR, "valign": "top"})
        self.date = book.add_format({"num_format": DATE, "valign": "top"})
        self.datetime = book.add_format({"num_format": DATETIME, "valign": "top"})
        self.wrap = book.add_format({"text_wrap": True, "valign": "top"})
        self.note = book.add_format({"italic": True})

    def t(self, da: str, en: str) -> str:
        return da if self.lang == "da" else en

    def table(
        self,
        name: str,
        header: Sequence[str],
        rows: Iterable[Sequence[object]],
        *,
        caption: str | None = None,
        below: Sequence[str] = (),
        years: Iterable[int] = (),
    ):
        """Write a sheet with a frozen, filterable header; return it (for charts).

        `caption` is the printed page's title (default: the sheet's name), `below`
        lines of notes and sources under the table, `years` the columns holding
        years (besides those whose header says "år" or "year").
        """
        sheet = self.book.add_worksheet(name[:31])
        rows = [tuple(row) for row in rows]
        years = set(years) | {c for c, h in enumerate(header) if is_year_column(str(h))}
        widths = widths_of(header, rows)
        wrapped = {c for c, width in enumerate(widths) if width >= MAX_WIDTH}
        sheet.write_row(0, 0, header, self.header_format)
        for c, width in enumerate(widths):
            sheet.set_column(c, c, width, self.wrap if c in wrapped else self.top)
        for r, row in enumerate(rows, start=1):
            for c, value in enumerate(row):
                if value is None or value == "":
                    sheet.write_blank(r, c, None, self.wrap if c in wrapped else self.top)
                elif isinstance(value, bool):
                    sheet.write_boolean(r, c, value, self.top)
                elif isinstance(value, int | float):
                    sheet.write_number(r, c, value, self.year if c in years else self.integer)
                elif isinstance(value, datetime):
                    sheet.write_datetime(r, c, value.replace(tzinfo=None), self.datetime)
                elif isinstance(value, date):
                    day = datetime(value.year, value.month, value.day)
                    sheet.write_datetime(r, c, day, self.date)
                else:
                    sheet.write_string(r, c, str(value), self.wrap if c in wrapped else self.top)
        # Excel and LibreOffice do not grow a row for wrapped text written by XlsxWriter,
        # so each row gets the height of its longest wrapped cell.
        sheet.set_row(
            0, LINE_HEIGHT * max(lines_of(str(h), w) for h, w in zip(header, widths, strict=True))
        )
        for r, row in enumerate(rows, start=1):
            lines = max(
                (
                    lines_of(value, widths[c])
                    for c, value in enumerate(row)
                    if isinstance(value, str) and c in wrapped
                ),
                default=1,
            )
            if lines > 1:
                sheet.set_row(r, LINE_HEIGHT * lines)
        for offset, line in enumerate(below):
            sheet.write_string(len(rows) + 2 + offset, 0, line, self.note)
        sheet.freeze_panes(1, 0)
        sheet.autofilter(0, 0, max(len(rows), 1), max(len(header) - 1, 0))
        self._print_setup(sheet, caption or name)
        return sheet

    def _print_setup(self, sheet, caption: str) -> None:
        """Landscape, one page wide, the header on every page, a footer with source and date."""
        sheet.set_landscape()
        sheet.set_paper(9)  # A4
        sheet.fit_to_pages(1, 0)
        sheet.repeat_rows(0)
        sheet.set_margins(left=0.5, right=0.5, top=0.75, bottom=0.75)
        source = self.t("Kilde: Klyngeradar", "Source: Klyngeradar")
        if self.title:
            source += f" · {self.title}"
        day = format_date(self.as_of, self.lang) if self.as_of else ""
        page = self.t("Side &P af &N", "Page &P of &N")
        # "&" starts a code in Excel's header/footer syntax and must be doubled.
        sheet.set_header(f"&L&B{escape(caption)}")
        sheet.set_footer(f"&L{escape(source)}&C{escape(day)}&R{page}")

    def findings(self, findings: Findings) -> None:
        data = findings.to_dict()
        t, lang = self.t, self.lang
        header = (
            t("fund", "finding"),
            *(label(FINDING_FIELDS, f, lang) for f in FINDING_FIELD_ORDER),
        )
        rows = []
        for key in FINDING_KEYS:
            value = data[key]
            name = label(FINDINGS, key, lang)
            if key == "presence_vs_members":
                rows += [
                    (f"{name}: {label(PRESENCE_SIDES, side, lang)}", value[side])
                    for side in ("present", "absent")
                ]
            elif isinstance(value, dict):
                rows.append((name, value))
        self.table(
            t("Fund", "Findings"),
            header,
            [(name, *(value.get(f) for f in FINDING_FIELD_ORDER)) for name, value in rows],
            caption=t("Fund med deres base", "Findings with their bases"),
            below=[
                t(
                    "Base: de klynger, der har svaret. Et tomt felt er ikke oplyst (aldrig 0).",
                    "Base: the clusters that responded. An empty cell was not reported (never 0).",
                )
            ],
        )

    def breakdowns(self, findings: Findings) -> None:
        data = findings.to_dict()
        t, lang = self.t, self.lang
        kinds = {"by_actor": "actor", "by_municipality": "municipality", "by_effort": "effort"}
        questions = {q.id: q for q in load().questions}
        rows = []
        for key in FINDING_KEYS:
            value = data[key]
            if not isinstance(value, dict):
                continue
            for breakdown in BREAKDOWN_KEYS:
                for code, count in value.get(breakdown, {}).items():
                    kind = kinds.get(breakdown)
                    if kind:
                        name = findings.name_of(kind, code)
                    else:
                        question = questions.get(TYPE_QUESTIONS.get(key, ""))
                        option = question.option(code) if question else None
                        name = option.label.get(lang) if option else code
                    rows.append(
                        (
                            label(FINDINGS, key, lang),
                            label(BREAKDOWNS, breakdown, lang),
                            name,
                            count,
                        )
                    )
        header = (
            t("fund", "finding"),
            t("fordeling", "breakdown"),
            t("navn", "name"),
            t("klynger", "clusters"),
        )
        self.table(
            t("Fordelinger", "Breakdowns"),
            header,
            rows,
            caption=t("Fordelingerne bag graferne", "The counts behind the charts"),
        )

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
            *(e.name for e in efforts),
            self.t("fit-score", "fit score"),
            self.t("engagement-score", "engagement score"),
            self.t("input", "inputs"),
            self.t("anbefaling", "recommendation"),
            self.t("begrundelser", "reasons"),
            *(self._decision_header() if decided else ()),
        )
        rows = []
        for r in rec.clusters:
            row = rec.fit.row(r.cluster)
            score = rec.engagement.get(r.cluster)
            chosen = model(r.model) if r.model else None
            rows.append(
                (
                    r.label,
                    *(row.cell(e.slug).score if row else None for e in efforts),
                    row.score if row else None,
                    score.score if score else None,
                    f"{score.inputs}/{score.of}" if score else None,
                    (chosen.name_da if self.lang == "da" else chosen.name_en)
                    if chosen
                    else self.t("Hold orienteret", "Keep informed"),
                    " ".join(reason_text(x, self.lang) for x in r.reasons),
                    *(self._decision(decided.get("cluster", r.cluster)) if decided else ()),
                )
            )
        sheet = self.table(
            name,
            header,
            rows,
            below=[
                self.t(
                    "Fit: 0–3 pr. indsats; engagement-score af de oplyste input.",
                    "Fit: 0–3 per effort; engagement score of the inputs reported.",
                )
            ],
        )
        first, last = 1, len(efforts)
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
                    "categories": [sheet.name, 1, 0, len(rows), 0],
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
            sheet.insert_chart(len(rows) + 4, 1, chart, {"x_scale": 1.5, "y_scale": y_scale})

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
            named = item.label or (
                self.t("Regionen", "The region") if item.subject_kind == "region" else None
            )
            rows.append((levels[item.subject_kind], named, now, then, *self._decision(item)))
        self.table(self.t("Beslutninger", "Decisions"), header, rows)

    def agreements(self, agreements: Sequence[object]) -> None:
        name = self.t("Aftaler og KPI'er", "Agreements and KPIs")
        items = list(agreements)
        if not items:
            self.table(
                name,
                (self.t("note", "note"),),
                [(self.t("ingen aftaler registreret", "no agreements registered"),)],
            )
            return
        rows = [_as_row(item) for item in items]
        header = tuple(rows[0].keys())
        self.table(
            name,
            header,
            [tuple(_cell(row.get(h), self.names) for h in header) for row in rows],
        )


def _as_row(item: object) -> dict[str, object]:
    if dataclasses.is_dataclass(item) and not isinstance(item, type):
        return {f.name: getattr(item, f.name) for f in dataclasses.fields(item)}
    if isinstance(item, dict):
        return dict(item)
    return {"value": str(item)}


def _cell(value: object, names: Mapping[str, str]) -> object:
    """A plain row's value as a cell, a known code (cluster, actor, municipality) by name."""
    if isinstance(value, str):
        return names.get(value, value)
    if value is None or isinstance(value, bool | int | float | date):
        return value
    if isinstance(value, Iterable):
        return "; ".join(names.get(str(v), str(v)) for v in value)
    return str(value)
