"""The guidance on municipal co-financing of clusters: its rules, the register, one slide.

The 2023 report's appendix "Vejledning til kommunal medfinansiering af klynger"
was not found as a document; its legal substance is the Business Promotion Act
(erhvervsfremmeloven § 14) and KL's guidance, given here with their sources.
`RULES` and `AGREEMENT_KINDS` (the agreements register's kinds, in the register's
order) feed both the appendices' guidance sheet and the deck's slide;
`AgreementRegister` carries the register's agreements and co-financing lines,
as plain data, from the web to the appendices.

The slide leads with what the survey shows today (the municipal agreements the
clusters reported) and lists the steps: the legal frame, the kinds of agreement,
co-financing per party and year, and goals with follow-up.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from klyngeradar.core.reports.deck import ContentSlide, Footnote, Slide, TableSpec
from klyngeradar.core.reports.outline_base import Context

LAW_SOURCE = "https://www.lovguiden.dk/loven/bekendtgørelse-af-lov-om-erhvervsfremme/14"
KL_SOURCE = "https://www.kl.dk/kommunale-opgaver/erhvervsudvikling/erhvervsfremme/klynger/"
LAW = "Erhvervsfremmeloven, LBK nr. 230 af 29/02/2024, § 14"
REPORT = "Samarbejde med de nationale klynger (Navigators, oktober 2023)"

# The agreements register's kinds (the web's `Agreement.Kind`), code and labels.
AGREEMENT_KINDS: tuple[tuple[str, str, str], ...] = (
    ("framework", "Rammeaftale", "Framework agreement"),
    ("project", "Projektaftale", "Project agreement"),
    ("office", "Kontorfællesskab", "Shared office"),
    ("financing", "Finansieringsaftale", "Financing agreement"),
    ("other", "Anden aftale", "Other agreement"),
)

# What each kind is for, for a municipality that wants to co-finance a cluster.
KIND_USES: Mapping[str, tuple[str, str]] = {
    "framework": (
        "Fælles ramme med faste koordineringsmøder; konkrete aktiviteter aftales undervejs.",
        "A common frame with regular coordination meetings; activities are agreed as you go.",
    ),
    "project": (
        "Et afgrænset projekt med leverancer, periode og budget.",
        "A defined project with deliverables, a period and a budget.",
    ),
    "office": (
        "Klyngen får kontorplads eller faste kontordage hos en part i regionen.",
        "The cluster gets office space or regular office days with a party in the region.",
    ),
    "financing": (
        "Kommunens medfinansiering af klyngens aktiviteter i regionen pr. år.",
        "The municipality's co-financing of the cluster's activities in the region per year.",
    ),
    "other": ("Andre former for samarbejde.", "Other forms of collaboration."),
}

# (topic da, topic en, rule da, rule en, source)
RULES: tuple[tuple[str, str, str, str, str], ...] = (
    (
        "Hjemmel",
        "Legal basis",
        "Kommunen må medfinansiere en national klynges aktiviteter, når de går ud over lokal "
        "erhvervsudvikling og ligger inden for Danmarks Erhvervsfremmebestyrelses strategi "
        "for decentral erhvervsfremme (§ 14, stk. 3).",
        "A municipality may co-finance a national cluster's activities that go beyond local "
        "business development when they fall within the Danish Business Promotion Board's "
        "strategy for decentral business promotion (§ 14(3)).",
        f"{LAW}: {LAW_SOURCE}",
    ),
    (
        "Åbne aktiviteter",
        "Open activities",
        "Aktiviteterne skal være bredt tilgængelige for virksomhederne (§ 14, stk. 4).",
        "The activities must be broadly accessible to companies (§ 14(4)).",
        f"{LAW}: {LAW_SOURCE}",
    ),
    (
        "Ingen støtte til enkeltvirksomheder",
        "No support to single companies",
        "Ingen konkurrenceforvridning og ingen direkte økonomisk støtte til enkelte "
        "virksomheder (§ 14, stk. 5).",
        "No distortion of competition and no direct financial support to individual "
        "companies (§ 14(5)).",
        f"{LAW}: {LAW_SOURCE}",
    ),
    (
        "Medfinansiering og bestyrelser",
        "Co-financing and boards",
        "Kommuner kan medfinansiere de nationale klyngers aktiviteter og sidde i deres "
        "bestyrelser inden for den decentrale strategi og den økonomiske ramme for lokal "
        "erhvervsfremme og/eller gennem privat medfinansiering eller projektmidler.",
        "Municipalities may co-finance the national clusters' activities and sit on their "
        "boards within the decentral strategy and the economic frame for local business "
        "promotion, and/or through private co-financing or project funds.",
        f"KL: Klynger: {KL_SOURCE}",
    ),
    (
        "Lokale afdelinger",
        "Local branches",
        "Større kommunale klyngeaktiviteter kan blive lokale eller regionale afdelinger af en "
        "national klynge.",
        "Larger municipal cluster activities may become local or regional branches of a "
        "national cluster.",
        f"KL: Klynger: {KL_SOURCE}",
    ),
)


@dataclass(frozen=True)
class CoFinancingLine:
    """One party's co-financing of one agreement in one year; `role` is the party's kind."""

    agreement: str
    cluster: str
    kind: str | None
    party: str
    role: str  # "cluster", "actor" or "municipality"
    year: int
    amount_dkk: int


@dataclass(frozen=True)
class RegisteredAgreement:
    """An agreement of the register by name: its cluster, kind and parties."""

    title: str
    cluster: str
    kind: str | None
    parties: tuple[str, ...]
    municipalities: tuple[str, ...] = ()


@dataclass(frozen=True)
class AgreementRegister:
    """The agreements register for the appendices.

    `rows` are the ``Aftaler og KPI'er`` sheet's rows (one per agreement, by name);
    `agreements` and `cofinancing` feed the guidance.
    """

    rows: tuple[Mapping[str, object], ...]
    agreements: tuple[RegisteredAgreement, ...] = ()
    cofinancing: tuple[CoFinancingLine, ...] = field(default=())


def kind_label(code: str | None, lang: str) -> str | None:
    """The register's label of an agreement kind; an unknown code is kept as it is."""
    if code is None:
        return None
    for kind, da, en in AGREEMENT_KINDS:
        if kind == code:
            return da if lang == "da" else en
    return code


def register_of(agreements: object) -> AgreementRegister | None:
    """`agreements` as a register when it is one (the appendices also take plain rows)."""
    return agreements if isinstance(agreements, AgreementRegister) else None


def rows_of(agreements: Sequence[object] | AgreementRegister | None) -> list[object]:
    if agreements is None:
        return []
    if isinstance(agreements, AgreementRegister):
        return list(agreements.rows)
    return list(agreements)


def guidance_slides(ctx: Context) -> list[Slide]:
    """The slide "Vejledning til kommunal medfinansiering af klynger"."""
    t, lang = ctx.t, ctx.lang
    municipal = ctx.findings.municipal_agreements
    n, m = municipal.agreements, municipal.municipalities
    if n:
        today = t(
            f"i dag {n} {ctx.noun(n, 'aftale', 'aftaler')} med "
            f"{m} {ctx.noun(m, 'kommune', 'kommuner')}",
            f"today {n} {ctx.noun(n, 'agreement', 'agreements')} with "
            f"{m} {ctx.noun(m, 'municipality', 'municipalities')}",
        )
    else:
        today = t("i dag ingen aftaler med kommuner", "no agreements with municipalities today")
    kinds = ", ".join(da if lang == "da" else en for _, da, en in AGREEMENT_KINDS)
    rows = (
        (t("1. Hjemmel", "1. Legal basis"), _rule(0, lang)),
        (t("2. Rammer", "2. Limits"), f"{_rule(1, lang)} {_rule(2, lang)}"),
        (t("3. Aftaletype", "3. Kind of agreement"), kinds + "."),
        (
            t("4. Medfinansiering", "4. Co-financing"),
            t(
                "Beløb pr. part og år i aftalen; gerne på tværs af kommunegrænser gennem det "
                "fælles erhvervssamarbejde, hvor kommuner med særlige interesser kan bidrage "
                "yderligere.",
                "Amounts per party and year in the agreement; preferably across municipal "
                "borders through the joint business body, where municipalities with special "
                "interests can add more.",
            ),
        ),
        (
            t("5. Mål og opfølgning", "5. Goals and follow-up"),
            t(
                "Tydelige mål og KPI'er, som følges op hvert år.",
                "Clear goals and KPIs, followed up every year.",
            ),
        ),
    )
    base = ctx.t(
        f"Kilder: {LAW}; KL: Klynger. Aftaler i dag: {municipal.clusters} "
        f"{ctx.clusters(municipal.clusters)} har oplyst aftaler med kommuner",
        f"Sources: {LAW}; KL: Klynger. Agreements today: {municipal.clusters} "
        f"{ctx.clusters(municipal.clusters)} reported agreements with municipalities",
    )
    return [
        ContentSlide(
            key="cofinancing_guidance",
            marker=t(
                "Vejledning til kommunal medfinansiering af klynger",
                "Guidance on municipal co-financing of clusters",
            ),
            title=t(f"Kommunal medfinansiering: {today}", f"Municipal co-financing: {today}"),
            body=TableSpec(
                header=(t("Trin", "Step"), t("Sådan gør kommunen", "What the municipality does")),
                rows=rows,
                widths=(2.2, 7.0),
                footnote=Footnote(base),
            ),
            notes=t(
                "Bilagene har vejledningen med kilder, aftaletyperne, medfinansieringen pr. part "
                f"og år fra aftaleregistret og rapportens tjekliste ({REPORT}).",
                "The appendices hold the guidance with sources, the kinds of agreement, the "
                "co-financing per party and year from the agreements register and the report's "
                f"checklist ({REPORT}).",
            ),
        )
    ]


def _rule(index: int, lang: str) -> str:
    _, _, da, en, _ = RULES[index]
    return da if lang == "da" else en
