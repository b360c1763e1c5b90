"""Part 1 of the deck: the Danish cluster landscape (registry, core narrative, programme)."""

from __future__ import annotations

from klyngeradar.core.registry.geography import municipalities
from klyngeradar.core.registry.landscape import BusinessModels, Range
from klyngeradar.core.registry.reference import ClusterFacts, reference_areas
from klyngeradar.core.reports.deck import (
    ContentSlide,
    Footnote,
    SectionSlide,
    Slide,
    TableSpec,
    Text,
    placeholder_text,
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
PROGRAMME_EN = (
    "Innovationskraft 2021–2024: a simple cluster effort with consolidated, professional, "
    "nationwide cluster organisations that gather their ecosystems.",
    "The Danish Business Promotion Board's four lines: one nationwide organisation per area, "
    "private anchoring working with the business hubs, neutral platforms open to all, and "
    "activities with private co-funding.",
    "The 2025–2028 cluster programme and the new business-promotion strategy may sharpen the "
    "clusters' target group and efforts: hold the dialogue against the new strategy.",
)


def landscape_slides(
    ctx: Context, clusters: tuple[ClusterFacts, ...], landscape: BusinessModels | None
) -> list[Slide]:
    t = ctx.t
    slides: list[Slide] = [
        SectionSlide(
            title=t("Det danske klyngelandskab", "The Danish cluster landscape"),
            subtitle=t(
                "Hvem er klyngerne, og hvad er de sat i verden for?",
                "Who are the clusters, and what are they for?",
            ),
        ),
        _clusters_table(ctx, clusters),
        ContentSlide(
            title=t("Klynger er …", "Clusters are …"),
            body=Text.of(*(NARRATIVE_DA if ctx.lang == "da" else NARRATIVE_EN)),
            notes=t(
                "Klyngernes kernefortælling; teksten kan redigeres.",
                "The clusters' core narrative; the text can be edited.",
            ),
        ),
        _business_models(ctx, landscape),
        ContentSlide(
            title=t("Programmet og strategien", "The programme and the strategy"),
            body=Text.of(*(PROGRAMME_DA if ctx.lang == "da" else PROGRAMME_EN)),
            notes=t(
                "Programmets og strategiens rammer; teksten kan redigeres.",
                "The frame of the programme and strategy; the text can be edited.",
            ),
        ),
    ]
    return slides


def _clusters_table(ctx: Context, clusters: tuple[ClusterFacts, ...]) -> Slide:
    t = ctx.t
    title = t("De nationale klynger", "The national clusters")
    active = tuple(c for c in clusters if c.is_active(ctx.as_of))
    if not active:
        return ContentSlide(
            title=title,
            placeholder_note=placeholder_text(
                t("ingen klynger i registret", "no clusters in the registry"), ctx.lang
            ),
        )
    areas = {a.slug: a.name for a in reference_areas()}
    seats = {m.code: m.name for m in municipalities()}
    rows = []
    unconfirmed = False
    for c in active:
        mark = "" if c.verified else " *"
        unconfirmed = unconfirmed or not c.verified
        rows.append(
            (
                c.name + mark,
                areas.get(c.area, c.area),
                seats.get(c.seat_municipality or "", "–"),
                ctx.n(c.staff),
                ctx.n(c.members),
            )
        )
    qualifiers = (
        (t("* ikke bekræftet i en offentlig kilde", "* not confirmed by a public source"),)
        if unconfirmed
        else ()
    )
    missing = sum(1 for c in active if c.staff is None or c.members is None)
    base = t(
        f"Kilde: klyngeregistret, {len(active)} klynger; – = ikke oplyst ({missing} klynger "
        "mangler ansatte eller medlemmer)",
        f"Source: the cluster registry, {len(active)} clusters; – = not reported ({missing} "
        "lack staff or members)",
    )
    return ContentSlide(
        title=title,
        body=TableSpec(
            header=(
                t("Klynge", "Cluster"),
                t("Erhvervs- og teknologiområde", "Business and technology area"),
                t("Sæde", "Seat"),
                t("Ansatte", "Staff"),
                t("Medlemmer", "Members"),
            ),
            rows=tuple(rows),
            widths=(3.2, 3.2, 1.6, 1.0, 1.2),
            align=("left", "left", "left", "right", "right"),
            footnote=Footnote(base, qualifiers),
        ),
        notes=t(
            f"{len(active)} klynger i programperioden pr. {ctx.as_of:%d.%m.%Y}.",
            f"{len(active)} clusters in the programme period as of {ctx.as_of:%Y-%m-%d}.",
        ),
    )


def _range(ctx: Context, value: Range, unit: str = "") -> tuple[str, str]:
    if value.low is None:
        text = "–"
    elif value.low == value.high:
        text = f"{ctx.n(value.low)}{unit}"
    else:
        text = ctx.t(
            f"{ctx.n(value.low)}–{ctx.n(value.high)}{unit}",
            f"{ctx.n(value.low)}–{ctx.n(value.high)}{unit}",
        )
    base = ctx.t(f"{value.reported} af {value.base}", f"{value.reported} of {value.base}") + (
        " *" if value.includes_unverified else ""
    )
    return text, base


def _business_models(ctx: Context, landscape: BusinessModels | None) -> Slide:
    t = ctx.t
    title = t("Klyngernes forretningsmodeller i tal", "The clusters' business models in figures")
    if landscape is None:
        return ContentSlide(
            title=title,
            placeholder_note=placeholder_text(
                t("registrets nøgletal er ikke beregnet", "the registry figures are not computed"),
                ctx.lang,
            ),
        )
    seed = {f.key: (f.value_da if ctx.lang == "da" else f.value_en) for f in landscape.seed_facts}
    measures = (
        (t("Medarbejdere pr. klynge", "Staff per cluster"), landscape.staff, "", "staff"),
        (t("Medlemmer pr. klynge", "Members per cluster"), landscape.members, "", "members"),
        (t("Bestyrelsesmedlemmer", "Board members"), landscape.board_size, "", "board_size"),
        (
            t("Programbevilling i % af budget", "Programme grant as % of budget"),
            landscape.funding_ratio_percent,
            t(" %", "%"),
            "funding_ratio",
        ),
    )
    rows = []
    for label, value, unit, key in measures:
        text, base = _range(ctx, value, unit)
        rows.append((label, text, base, seed.get(key, "–")))
    spread = landscape.budget_dkk.spread
    rows.append(
        (
            t("Finansiering: største ift. mindste", "Funding: largest vs smallest"),
            t(f"{spread:.0f} gange", f"{spread:.0f} times") if spread else "–",
            t(
                f"{landscape.budget_dkk.reported} af {landscape.budget_dkk.base}",
                f"{landscape.budget_dkk.reported} of {landscape.budget_dkk.base}",
            ),
            seed.get("funding_spread", "–"),
        )
    )
    chair = landscape.chair_from_business
    rows.append(
        (
            t("Forperson fra erhvervslivet", "Chair from business"),
            ctx.n(chair.count),
            t(f"{chair.reported} af {chair.base}", f"{chair.reported} of {chair.base}"),
            seed.get("chair_from_business", "–"),
        )
    )
    return ContentSlide(
        title=title,
        body=TableSpec(
            header=(
                t("Nøgletal", "Figure"),
                t("Registret", "Registry"),
                t("Har oplyst", "Reported"),
                t("Rapporten 2023", "2023 report"),
            ),
            rows=tuple(rows),
            widths=(3.0, 1.6, 1.4, 2.4),
            align=("left", "right", "right", "left"),
            footnote=Footnote(
                t(
                    f"Registret: spænd blandt de klynger, der har oplyst tallet (base "
                    f"{landscape.base} klynger)",
                    f"Registry: range across the clusters that reported the figure (base "
                    f"{landscape.base} clusters)",
                ),
                (t("* inkl. ikke-bekræftede tal", "* includes unconfirmed figures"),),
            ),
        ),
        notes=t(
            "Klyngerne er meget forskellige: det muliges kunst. Tallene fra rapporten 2023 "
            "står ved siden af registrets.",
            "The clusters differ a lot. The 2023 report's figures stand next to the registry's.",
        ),
    )
