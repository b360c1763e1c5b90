"""Part 1 of the deck: the Danish cluster landscape (registry, core narrative, programme).

Every slide of the part counts the same clusters: those of the programme current at
the deck's date (`programme_clusters`), named in the footnotes. The business models
are computed over exactly the clusters the table lists, a range only from two or
more clusters, and what the registry does not hold is said in one line.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from klyngeradar.core.registry.geography import municipalities
from klyngeradar.core.registry.landscape import BusinessModels, Range, business_models
from klyngeradar.core.registry.programmes import ProgrammeReference
from klyngeradar.core.registry.reference import AreaFacts, ClusterFacts, reference_areas
from klyngeradar.core.reports.deck import (
    ContentSlide,
    Footnote,
    SectionSlide,
    Slide,
    TableSpec,
    Text,
    placeholder_text,
)
from klyngeradar.core.reports.landscape_clusters import (
    ProgrammeClusters,
    landscape_day,
    programme_clusters,
)
from klyngeradar.core.reports.outline_base import Context

# The core narrative of the Danish clusters and the programme context, from the 2023
# report; they go on the slides as editable text for the analyst to adapt.
NARRATIVE_DA = (
    "Klynger er åbne og neutrale platforme, der faciliterer samarbejder, booster "
    "partnerskaber og accelererer vidensbaseret innovation.",
    "De samler virksomheder, videninstitutioner, offentlige aktører og andre om muligheder "
    "og udfordringer, som én aktør ikke kan løse alene.",
    "Kerneopgaven er samarbejde om innovation mellem virksomheder og med forsknings- og "
    "videnmiljøer – med særligt fokus på små og mellemstore virksomheder.",
    "Klyngerne er overvejende projekt- og kontingentfinansierede; de har ingen "
    "driftsbevilling, og deres aktiviteter skal være åbne for alle i hele landet.",
)
NARRATIVE_EN = (
    "Clusters are open, neutral platforms that facilitate collaboration, boost partnerships "
    "and accelerate knowledge-based innovation.",
    "They bring companies, knowledge institutions, public bodies and others together on "
    "opportunities and challenges no single actor can solve alone.",
    "Their core task is collaboration on innovation between companies and with research and "
    "knowledge institutions, with a particular focus on small and medium-sized companies.",
    "Clusters are mainly funded by projects and membership fees; they have no operating "
    "grant, and their activities must be open to everyone across the country.",
)
PROGRAMME_DA = (
    "Innovationskraft 2021–2024: en enkel klyngeindsats med konsoliderede, professionelle "
    "og landsdækkende klyngeorganisationer, der samler deres økosystemer.",
    "Danmarks Erhvervsfremmebestyrelses fire sigtelinjer: én landsdækkende organisation pr. "
    "område, privat forankring i samarbejde med erhvervshusene, neutrale platforme for alle "
    "og aktiviteter med privat medfinansiering.",
    "Klyngeprogrammet 2025–2028 og den nye strategi for erhvervsfremme kan præcisere "
    "klyngernes målgruppe og indsatser: tag dialogen med afsæt i den nye strategi.",
)
# Before the 2025–2028 programme began, the 2023 report's own words: the new call.
PROGRAMME_BEFORE_2025_DA = (
    *PROGRAMME_DA[:2],
    "I det nye klyngeudbud tyder det på, at klyngernes målgruppe og indsatser bliver "
    "præciseret: overvej at tage dialogen i forhold til den nye strategi.",
)
PROGRAMME_EN = (
    "Innovationskraft 2021–2024: a simple cluster effort with consolidated, professional, "
    "nationwide cluster organisations that gather their ecosystems.",
    "The Danish Business Promotion Board's four lines: one nationwide organisation per area, "
    "private anchoring working with the business hubs, neutral platforms open to all, and "
    "activities with private co-funding.",
    "The 2025–2028 cluster programme and the new business-promotion strategy may sharpen the "
    "clusters' target group and efforts: hold the dialogue against the new strategy.",
)
PROGRAMME_BEFORE_2025_EN = (
    *PROGRAMME_EN[:2],
    "The new cluster call looks set to sharpen the clusters' target group and efforts: "
    "consider holding the dialogue against the new strategy.",
)


# A range needs at least two clusters' figures; one cluster's figure is not a spread.
RANGE_MIN = 2


def landscape_slides(
    ctx: Context,
    clusters: tuple[ClusterFacts, ...],
    landscape: BusinessModels | None,
    programmes: ProgrammeReference | None = None,
    programme: str | None = None,
    areas: Iterable[AreaFacts] | None = None,
) -> list[Slide]:
    """The part's slides; `landscape`'s figures are recomputed over the listed clusters.

    `programme`, a programme's slug, counts that programme's clusters instead of those of
    the programme current at the deck's date; `areas` names the clusters' areas (default:
    the shipped areas).
    """
    t = ctx.t
    chosen = programme_clusters(clusters, programmes, landscape_day(ctx), programme)
    if landscape is not None:
        landscape = business_models(chosen.clusters, landscape.seed_facts)
    slides: list[Slide] = [
        SectionSlide(
            title=t("Det danske klyngelandskab", "The Danish cluster landscape"),
            subtitle=t(
                "Hvem er klyngerne, og hvad er de sat i verden for?",
                "Who are the clusters, and what are they for?",
            ),
        ),
        _clusters_table(ctx, chosen, reference_areas() if areas is None else tuple(areas)),
        ContentSlide(
            title=t(
                "Klynger er åbne, neutrale platforme for innovation mellem virksomheder og viden",
                "Clusters are open, neutral platforms for innovation between companies and "
                "knowledge",
            ),
            marker=t("Klynger er …", "Clusters are …"),
            key="landscape.narrative",
            body=Text.of(*(NARRATIVE_DA if ctx.lang == "da" else NARRATIVE_EN)),
            notes=t(
                "Klyngernes kernefortælling; teksten kan redigeres.",
                "The clusters' core narrative; the text can be edited.",
            ),
        ),
        _business_models(ctx, chosen, landscape),
        ContentSlide(
            title=t(
                "Programmet og den nye strategi sætter rammen for dialogen med klyngerne",
                "The programme and the new strategy frame the dialogue with the clusters",
            ),
            marker=t("Programmet og strategien", "The programme and the strategy"),
            key="landscape.programme",
            body=Text.of(*programme_lines(ctx)),
            notes=t(
                "Programmets og strategiens rammer; teksten kan redigeres.",
                "The frame of the programme and strategy; the text can be edited.",
            ),
        ),
    ]
    return slides


def _source(ctx: Context, chosen: ProgrammeClusters) -> str:
    """ "klyngeregistret, Klyngeprogram 2025–2028 pr. 01.11.2025"."""
    day = chosen.day.strftime("%d.%m.%Y") if ctx.lang == "da" else chosen.day.isoformat()
    if chosen.programme is None:
        return ctx.t(f"klyngeregistret pr. {day}", f"the cluster registry as of {day}")
    if chosen.chosen:
        return ctx.t(
            f"klyngeregistret, {chosen.programme.name} (valgt programperiode) pr. {day}",
            f"the cluster registry, {chosen.programme.name} (chosen programme period) as of {day}",
        )
    return ctx.t(
        f"klyngeregistret, {chosen.programme.name} pr. {day}",
        f"the cluster registry, {chosen.programme.name} as of {day}",
    )


def _clusters_title(ctx: Context, chosen: ProgrammeClusters, unconfirmed: int) -> str:
    """ "12 nationale klynger i programmet – 1 ikke bekræftet af en kilde"."""
    t, count, stated = ctx.t, len(chosen.clusters), chosen.stated
    if stated is not None and stated != count:
        title = t(
            f"{ctx.n(count)} af programmets {ctx.n(stated)} klynger er i registret",
            f"{ctx.n(count)} of the programme's {ctx.n(stated)} clusters are in the registry",
        )
    elif chosen.programme is not None:
        title = t(
            f"{ctx.n(count)} {ctx.noun(count, 'national', 'nationale')} {ctx.clusters(count)} "
            "i programmet",
            f"{ctx.n(count)} national {ctx.clusters(count)} in the programme",
        )
    else:
        title = t(
            f"{ctx.n(count)} {ctx.noun(count, 'national', 'nationale')} {ctx.clusters(count)} "
            "i registret",
            f"{ctx.n(count)} national {ctx.clusters(count)} in the registry",
        )
    if unconfirmed:
        title += t(
            f" – {ctx.n(unconfirmed)} ikke bekræftet af en kilde",
            f" – {ctx.n(unconfirmed)} not confirmed by a source",
        )
    return title


def _clusters_table(
    ctx: Context, chosen: ProgrammeClusters, known_areas: tuple[AreaFacts, ...]
) -> Slide:
    t = ctx.t
    marker = t("De nationale klynger", "The national clusters")
    if chosen.programme is not None:
        marker = f"{marker} · {chosen.programme.name}"
    active = chosen.clusters
    if not active:
        return ContentSlide(
            title=t(
                "De nationale klynger: ingen i registret endnu",
                "The national clusters: none in the registry yet",
            ),
            marker=marker,
            key="landscape.clusters",
            placeholder_note=placeholder_text(
                t("ingen klynger i registret", "no clusters in the registry"), ctx.lang
            ),
        )
    areas = {a.slug: a.name for a in known_areas}
    seats = {m.code: m.name for m in municipalities()}

    def confirmed(c: ClusterFacts) -> bool:
        return c.verified and c.slug not in chosen.unconfirmed

    # A figure column is shown when at least half the clusters have the figure; otherwise
    # the table would be a column of dashes, and one line below says who reported it.
    figures = [
        (label, name, [c for c in active if getattr(c, name) is not None])
        for label, name in (
            (t("Ansatte", "Staff"), "staff"),
            (t("Medlemmer", "Members"), "members"),
        )
    ]
    shown = [(label, name) for label, name, have in figures if 2 * len(have) >= len(active)]
    rows = tuple(
        (
            c.name + ("" if confirmed(c) else " *"),
            areas.get(c.area, c.area),
            seats.get(c.seat_municipality or "", "–"),
            *(ctx.n(getattr(c, name)) for _, name in shown),
        )
        for c in active
    )
    unconfirmed = sum(1 for c in active if not confirmed(c))
    qualifiers = []
    if unconfirmed:
        qualifiers.append(
            t("* ikke bekræftet i en offentlig kilde", "* not confirmed by a public source")
        )
    for label, name, have in figures:
        if (label, name) in shown:
            missing = len(active) - len(have)
            if missing:
                qualifiers.append(
                    t(
                        f"– = ikke oplyst ({label.lower()}: {missing})",
                        f"– = not reported ({label.lower()}: {missing})",
                    )
                )
            continue
        qualifiers.append(_reported_line(ctx, label, have, len(active)))
    base = t(
        f"Kilde: {_source(ctx, chosen)}; {ctx.count_clusters(len(active))}",
        f"Source: {_source(ctx, chosen)}; {ctx.count_clusters(len(active))}",
    )
    programme = chosen.programme
    if programme is not None and programme.clusters is not None:
        qualifiers.insert(
            0,
            t(
                f"programmet har {programme.clusters} klynger ifølge kilden"
                + (f", {chosen.ended} ophørt" if chosen.ended else ""),
                f"the programme has {programme.clusters} clusters according to its source"
                + (f", {chosen.ended} ended" if chosen.ended else ""),
            ),
        )
    header = (
        t("Klynge", "Cluster"),
        t("Erhvervs- og teknologiområde", "Business and technology area"),
        t("Sæde", "Seat"),
        *(label for label, _ in shown),
    )
    return ContentSlide(
        title=_clusters_title(ctx, chosen, unconfirmed),
        marker=marker,
        key="landscape.clusters",
        body=TableSpec(
            header=header,
            rows=rows,
            widths=(3.2, 3.2, 1.6, *((1.0, 1.2)[: len(shown)])),
            align=("left", "left", "left", *(("right",) * len(shown))),
            footnote=Footnote(base, tuple(qualifiers)),
        ),
        notes=t(
            f"{ctx.count_clusters(len(active))} i {_source(ctx, chosen)}.",
            f"{ctx.count_clusters(len(active))} in {_source(ctx, chosen)}.",
        ),
    )


def _reported_line(ctx: Context, label: str, have: list[ClusterFacts], base: int) -> str:
    """ "Ansatte oplyst for 1 af 12 klynger (MADE)"; names only while they are few."""
    names = f" ({', '.join(c.name for c in have)})" if 0 < len(have) <= 3 else ""
    return ctx.t(
        f"{label} oplyst for {len(have)} af {base} {ctx.clusters(base)}{names}",
        f"{label} reported for {len(have)} of {base} {ctx.clusters(base)}{names}",
    )


def _range(ctx: Context, value: Range, unit: str = "") -> str | None:
    """ "7–45" across the clusters that reported; None from fewer than two clusters."""
    if value.low is None or value.reported < RANGE_MIN:
        return None
    if value.low == value.high:
        return f"{ctx.n(value.low)}{unit}"
    return f"{ctx.n(value.low)}–{ctx.n(value.high)}{unit}"


def _business_models(
    ctx: Context, chosen: ProgrammeClusters, landscape: BusinessModels | None
) -> Slide:
    t = ctx.t
    marker = t("Klyngernes forretningsmodeller i tal", "The clusters' business models in figures")
    key = "landscape.business_models"
    if landscape is None:
        return ContentSlide(
            title=t(
                "Forretningsmodeller: registrets nøgletal er ikke beregnet",
                "Business models: the registry figures are not computed",
            ),
            marker=marker,
            key=key,
            placeholder_note=placeholder_text(
                t("registrets nøgletal er ikke beregnet", "the registry figures are not computed"),
                ctx.lang,
            ),
        )
    seed = {f.key: (f.value_da if ctx.lang == "da" else f.value_en) for f in landscape.seed_facts}
    chair = landscape.chair_from_business
    spread = landscape.budget_dkk.spread if landscape.budget_dkk.reported >= RANGE_MIN else None
    measures = [
        (
            t("Medarbejdere pr. klynge", "Staff per cluster"),
            landscape.staff,
            _range(ctx, landscape.staff),
            "staff",
        ),
        (
            t("Medlemmer pr. klynge", "Members per cluster"),
            landscape.members,
            _range(ctx, landscape.members),
            "members",
        ),
        (
            t("Bestyrelsesmedlemmer", "Board members"),
            landscape.board_size,
            _range(ctx, landscape.board_size),
            "board_size",
        ),
        (
            t("Programbevilling i % af budget", "Programme grant as % of budget"),
            landscape.funding_ratio_percent,
            _range(ctx, landscape.funding_ratio_percent, t(" %", "%")),
            "funding_ratio",
        ),
        (
            t("Finansiering: største ift. mindste", "Funding: largest vs smallest"),
            landscape.budget_dkk,
            t(f"{spread:.0f} gange", f"{spread:.0f} times") if spread else None,
            "funding_spread",
        ),
        (
            t("Forperson fra erhvervslivet", "Chair from business"),
            chair,
            ctx.n(chair.count) if chair.reported >= RANGE_MIN else None,
            "chair_from_business",
        ),
    ]
    with_registry = any(text is not None for _, _, text, _ in measures)
    rows, lacking = [], []
    for label, value, text, name in measures:
        if text is None:
            lacking.append(label.lower())
        if text is None and name not in seed:
            continue
        reported = t(f"{value.reported} af {value.base}", f"{value.reported} of {value.base}")
        reported += " *" if value.includes_unverified else ""
        registry = (text or "", reported if text else "") if with_registry else ()
        rows.append((label, *registry, seed.get(name, "")))
    count = ctx.count_clusters(landscape.base)
    if not rows:
        return ContentSlide(
            title=t(
                "Forretningsmodeller: ingen nøgletal i registret endnu",
                "Business models: no figures in the registry yet",
            ),
            marker=marker,
            key=key,
            placeholder_note=placeholder_text(
                t(
                    f"registret har ingen nøgletal for de {count}",
                    f"the registry has no figures for the {count}",
                ),
                ctx.lang,
            ),
        )
    qualifiers = []
    if lacking and with_registry:
        qualifiers.append(
            t(
                f"Ikke oplyst i registret for mindst {RANGE_MIN} klynger: {', '.join(lacking)}",
                f"Not in the registry for at least {RANGE_MIN} clusters: {', '.join(lacking)}",
            )
        )
    if with_registry:
        qualifiers.append(t("* inkl. ikke-bekræftede tal", "* includes unconfirmed figures"))
        base = t(
            f"Registret: spænd blandt de klynger, der har oplyst tallet ({_source(ctx, chosen)}; "
            f"{count})",
            f"Registry: range across the clusters that reported the figure "
            f"({_source(ctx, chosen)}; {count})",
        )
        header = (
            t("Nøgletal", "Figure"),
            t("Registret", "Registry"),
            t("Har oplyst", "Reported"),
            t("Rapporten 2023", "2023 report"),
        )
        widths, align = (3.0, 1.6, 1.4, 2.4), ("left", "right", "right", "left")
    else:
        base = t(
            f"Rapporten 2023. Registret ({_source(ctx, chosen)}; {count}) har ingen af "
            f"nøgletallene for mindst {RANGE_MIN} klynger",
            f"The 2023 report. The registry ({_source(ctx, chosen)}; {count}) has none of the "
            f"figures for at least {RANGE_MIN} clusters",
        )
        header = (t("Nøgletal", "Figure"), t("Rapporten 2023", "2023 report"))
        widths, align = (3.0, 2.4), ("left", "left")
    return ContentSlide(
        title=_business_models_title(ctx, landscape, with_registry),
        marker=marker,
        key=key,
        body=TableSpec(
            header=header,
            rows=tuple(rows),
            widths=widths,
            align=align,
            footnote=Footnote(base, tuple(qualifiers)),
        ),
        notes=t(
            "Klyngerne er meget forskellige: det muliges kunst. Tallene fra rapporten 2023 "
            "står ved siden af registrets.",
            "The clusters differ a lot. The 2023 report's figures stand next to the registry's.",
        ),
    )


def _business_models_title(ctx: Context, landscape: BusinessModels, with_registry: bool) -> str:
    """ "Fra 7 til 45 medarbejdere pr. klynge (9 af 12 klynger)", or what the registry lacks."""
    t = ctx.t
    for value, da, en in (
        (landscape.staff, "medarbejdere", "staff"),
        (landscape.members, "medlemmer", "members"),
    ):
        if value.low is not None and value.reported >= RANGE_MIN and value.low != value.high:
            return t(
                f"Klyngerne er meget forskellige: fra {ctx.n(value.low)} til {ctx.n(value.high)} "
                f"{da} ({value.reported} af {value.base} {ctx.clusters(value.base)})",
                f"The clusters differ a lot: from {ctx.n(value.low)} to {ctx.n(value.high)} "
                f"{en} ({value.reported} of {value.base} {ctx.clusters(value.base)})",
            )
    if with_registry:
        return t(
            "Klyngernes forretningsmodeller i registrets tal",
            "The clusters' business models in the registry's figures",
        )
    return t(
        "Registret har endnu for få nøgletal – tallene er fra rapporten 2023",
        "The registry has too few figures yet – the figures are from the 2023 report",
    )


def programme_lines(ctx: Context) -> tuple[str, ...]:
    """The programme slide's text as of the deck's date: a 2023 deck does not name 2025–2028."""
    if ctx.as_of < date(2025, 1, 1):
        return PROGRAMME_BEFORE_2025_DA if ctx.lang == "da" else PROGRAMME_BEFORE_2025_EN
    return PROGRAMME_DA if ctx.lang == "da" else PROGRAMME_EN
