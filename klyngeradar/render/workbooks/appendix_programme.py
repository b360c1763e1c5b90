"""The seed's first two appendices: the programme's designated clusters and its results.

``Udpegede klynger`` lists the clusters of the programme current at the round's
date (``current_programme``; its designations active that day, ``designated_on``),
so a 2023 round lists Innovationskraft 2021–2024's 12 clusters, as the deck does,
and a 2026 round the Klyngeprogram 2025–2028's. Each row carries its sources
(the designation's and the registry row's, in one cell) and says in words
whether it is confirmed; the lines under the table name the programme and its source.

``Programmets resultater`` gives the 2022 participant survey of Innovationskraft
(Uddannelses- og Forskningsstyrelsen and Danmarks Erhvervsfremmebestyrelse,
2023) exactly as the reference notes state it, each figure with its source.
"""

from __future__ import annotations

from datetime import date

from klyngeradar.core.dates import format_date
from klyngeradar.core.registry.geography import municipalities
from klyngeradar.core.registry.programmes import (
    Designation,
    Programme,
    ProgrammeReference,
    current_programme,
    designated_on,
)
from klyngeradar.core.registry.reference import AreaFacts, ClusterFacts, reference_areas
from klyngeradar.core.reports.landscape_clusters import chosen_programme, within
from klyngeradar.render.workbooks.appendix_labels import (
    CLUSTER_FIELDS,
    DESIGNATION_STATUS,
    label,
    yes_no,
)

SURVEY_SOURCE = (
    "https://ufm.dk/publikationer/2023/"
    "udbytte-af-innovationskraft-klyngeprogrammet-2021-2024-deltagersurvey-2022"
)
RESULTS_SOURCE = (
    "https://ufm.dk/aktuelt/nyheder/2023/"
    "virksomheder-og-videninstitutioner-er-godt-tilfredse-med-de-danske-klyngers-aktiviteter"
)
CLEAN_SOURCE = (
    "https://cleancluster.dk/nyheder/virksomheder-viser-stor-tilfredshed-med-klyngeindsatsen/"
)

# (topic da, topic en, text da, text en, source): the survey as the sources state it.
SURVEY_2022: tuple[tuple[str, str, str, str, str], ...] = (
    (
        "Undersøgelsen",
        "The survey",
        "Udbytte af 'Innovationskraft' klyngeprogrammet 2021–2024 – deltagersurvey 2022. "
        "Udgivet af Uddannelses- og Forskningsstyrelsen og Danmarks Erhvervsfremmebestyrelse "
        "29. juni 2023 (35 sider).",
        "Benefits of the 'Innovationskraft' cluster programme 2021–2024 – participant survey "
        "2022. Published by the Danish Agency for Higher Education and Science and the Danish "
        "Business Promotion Board on 29 June 2023 (35 pages).",
        SURVEY_SOURCE,
    ),
    (
        "Hvem blev spurgt",
        "Who was asked",
        "Virksomheder og videninstitutioner, der deltog i klyngernes aktiviteter i 2021 og "
        "første halvår 2022: 3.126 unikke virksomheder og 1.296 repræsentanter for "
        "videninstitutioner.",
        "Companies and knowledge institutions that took part in the clusters' activities in "
        "2021 and the first half of 2022: 3,126 unique companies and 1,296 representatives "
        "of knowledge institutions.",
        SURVEY_SOURCE,
    ),
    (
        "Svarprocent",
        "Response",
        "24 % fuldt besvaret og 6 % delvist besvaret.",
        "24% complete and 6% partial answers.",
        SURVEY_SOURCE,
    ),
    (
        "Tilfredshed",
        "Satisfaction",
        "Over tre fjerdedele af virksomheder og videninstitutioner er i høj eller nogen grad "
        "tilfredse med klyngernes udbud af aktiviteter; de finder dem relevante, dækkende og "
        "geografisk nemt tilgængelige.",
        "More than three quarters of companies and knowledge institutions are satisfied to a "
        "high or some degree with the activities on offer; they find them relevant, covering "
        "their needs and easy to reach geographically.",
        RESULTS_SOURCE,
    ),
    (
        "Innovation",
        "Innovation",
        "Knap halvdelen af virksomhedsdeltagerne oplever, at aktiviteterne i høj eller nogen "
        "grad bidrager eller vil bidrage til konkret innovation – mest for virksomheder i "
        "samarbejdsprojekter, herunder om bæredygtighed og grøn omstilling.",
        "Almost half of the company participants say the activities contribute, or will "
        "contribute, to concrete innovation to a high or some degree – most of all for "
        "companies in collaborative projects, including on sustainability and green "
        "transition.",
        RESULTS_SOURCE,
    ),
    (
        "Kontakter og netværk",
        "Contacts and networks",
        "Mere end fire ud af fem har fået relevante kontakter, netværk og matchmaking.",
        "More than four out of five got relevant contacts, networks or matchmaking.",
        RESULTS_SOURCE,
    ),
    (
        "Videninstitutioner",
        "Knowledge institutions",
        "Knap halvdelen af virksomhederne i samarbejdsprojekter har samarbejdet med en "
        "videninstitution, de ellers ikke ville have samarbejdet med.",
        "Almost half of the companies in collaborative projects worked with a knowledge "
        "institution they otherwise would not have worked with.",
        RESULTS_SOURCE,
    ),
    (
        "Henvisninger",
        "Referrals",
        "Godt to tredjedele har fået relevante henvisninger, information eller vejledning om "
        "andre ordninger eller finansieringsmuligheder.",
        "A good two thirds received relevant referrals, information or guidance on other "
        "schemes or financing.",
        RESULTS_SOURCE,
    ),
    (
        "Ny indsigt",
        "New insight",
        "Omkring halvdelen af de deltagende virksomheder har fået mere indsigt i andre "
        "brancher og mere viden om bæredygtighed og grøn omstilling (CLEANs sammenfatning).",
        "About half of the participating companies gained more insight into other industries "
        "and more knowledge of sustainability and green transition (CLEAN's summary).",
        CLEAN_SOURCE,
    ),
)


def programme_of(
    reference: ProgrammeReference, day: date | None, programme: str | None = None
) -> Programme | None:
    """The programme current on `day` (None without a day or a programme), or the chosen one.

    `programme`, a programme's slug, is the analyst's choice (ValueError when unknown).
    """
    if programme is not None:
        return chosen_programme(reference, programme)
    return current_programme(reference.programmes, day) if day is not None else None


def programme_day(programme: Programme, day: date | None, chosen: bool) -> date | None:
    """The day whose designations are listed: a chosen programme's within its own period."""
    if not chosen:
        return day
    return within(programme, day or programme.start)


def designated_clusters(
    clusters: tuple[ClusterFacts, ...],
    reference: ProgrammeReference,
    day: date | None,
    programme: str | None = None,
) -> tuple[Programme | None, tuple[tuple[ClusterFacts, Designation | None], ...]]:
    """The programme on `day` (or the chosen one) and its clusters with their designations.

    Without a day or a programme the registry's rows are all listed, undesignated.
    """
    programme = programme_of(reference, day, programme)
    if programme is None or day is None:
        return None, tuple((c, None) for c in clusters)
    designations = {d.cluster: d for d in designated_on(reference.designations, programme, day)}
    return programme, tuple((c, designations[c.slug]) for c in clusters if c.slug in designations)


def designated_sheet(
    writer,
    clusters: tuple[ClusterFacts, ...],
    reference: ProgrammeReference,
    day: date | None,
    programme: str | None = None,
    areas: tuple[AreaFacts, ...] | None = None,
) -> None:
    """Add ``Udpegede klynger`` to the appendices `writer` (`appendices._Sheets`).

    `programme`, a programme's slug, lists that programme's clusters instead of those of
    the programme current on `day`, on `day` moved into its period; `areas` names the
    clusters' areas (default: the shipped areas).
    """
    t, lang = writer.t, writer.lang
    chosen = programme is not None
    if chosen:
        day = programme_day(chosen_programme(reference, programme), day, chosen)
    programme, rows_in = designated_clusters(clusters, reference, day, programme)
    areas = {a.slug: a.name for a in (reference_areas() if areas is None else areas)}
    seats = {m.code: m.name for m in municipalities()}
    confirmed, unconfirmed = t("bekræftet", "confirmed"), t("ikke bekræftet", "not confirmed")
    header = (
        t("klynge", "cluster"),
        t("område", "area"),
        t("sæde", "seat"),
        t("status i programmet", "status in the programme"),
        t("ansatte", "staff"),
        t("medlemmer", "members"),
        t("budget (kr.)", "budget (DKK)"),
        t("bevilling (kr.)", "grant (DKK)"),
        t("tal fra år", "figures year"),
        t("bestyrelse (medlemmer)", "board (members)"),
        t("forperson fra erhvervslivet", "chair from business"),
        t("bekræftet", "confirmed"),
        t("ikke bekræftede felter", "unconfirmed fields"),
        t("note", "note"),
        t("kilder", "sources"),
    )
    rows = []
    for c, designation in rows_in:
        sure = (
            c.verified and not c.unverified_fields and (designation is None or designation.verified)
        )
        fields = [label(CLUSTER_FIELDS, f, lang) for f in c.unverified_fields]
        if designation is not None and not designation.verified:
            fields.append(t("udpegningen", "the designation"))
        rows.append(
            (
                c.name,
                areas.get(c.area, c.area),
                seats.get(c.seat_municipality or "", c.seat_municipality),
                label(DESIGNATION_STATUS, designation.status, lang) if designation else None,
                c.staff,
                c.members,
                c.budget_dkk,
                c.grant_dkk,
                c.figures_year,
                c.board_size,
                yes_no(c.chair_from_business, lang),
                confirmed if sure else unconfirmed,
                ", ".join(fields),
                _join(
                    c.text("note", lang),
                    designation.note(lang) if designation else "",
                    _period(designation, programme, lang),
                ),
                _sources(designation, c, lang),
            )
        )
    name = programme.name if programme else t("alle programperioder", "every programme period")
    writer.table(
        t("Udpegede klynger", "Designated clusters"),
        header,
        rows,
        caption=t(f"Udpegede klynger – {name}", f"Designated clusters – {name}"),
        below=_programme_lines(writer, programme, day, len(rows), chosen),
    )


def _programme_lines(
    writer, programme: Programme | None, day: date | None, n: int, chosen: bool = False
) -> list[str]:
    t, lang = writer.t, writer.lang
    if programme is None or day is None:
        return [
            t(
                "Ingen programperiode dækker rundens dato: registrets klynger er alle vist.",
                "No programme period covers the round's date: every cluster of the registry "
                "is shown.",
            )
        ]
    clusters = t("klynge", "cluster") if n == 1 else t("klynger", "clusters")
    when = format_date(day, lang)
    lines = [
        t(
            f"Programperiode: {programme.name} ({programme.start.year}–{programme.end.year}); "
            f"{n} {clusters} udpeget pr. {when}.",
            f"Programme period: {programme.name} ({programme.start.year}–{programme.end.year}); "
            f"{n} {clusters} designated on {when}.",
        ),
        t(f"Kilde: {programme.source}", f"Source: {programme.source}"),
        (
            t(
                "Programperioden er valgt til rapporten; den gælder ikke nødvendigvis på "
                "rundens dato.",
                "The programme period was chosen for the report; it need not be the one "
                "current at the round's date.",
            )
            if chosen
            else t(
                "Programperioden er den, der gælder på rundens dato.",
                "The programme period is the one current at the round's date.",
            )
        ),
    ]
    if programme.note(lang):
        lines.append(programme.note(lang))
    lines.append(
        t(
            '"Ikke bekræftet": rækken eller et af dens felter er ikke bekræftet i en offentlig '
            "kilde; tjek dem, før de bruges.",
            '"Not confirmed": the row or one of its fields is not confirmed by a public '
            "source; check it before use.",
        )
    )
    return lines


def results_sheet(writer) -> None:
    """Add ``Programmets resultater``: the 2022 participant survey with its sources."""
    t = writer.t
    da = writer.lang == "da"
    rows = [
        (topic_da if da else topic_en, text_da if da else text_en, source)
        for topic_da, topic_en, text_da, text_en, source in SURVEY_2022
    ]
    writer.table(
        t("Programmets resultater", "Programme results"),
        (t("emne", "topic"), t("resultat", "result"), t("kilde", "source")),
        rows,
        caption=t(
            "Udbytte af Innovationskraft – deltagersurvey 2022",
            "Benefits of Innovationskraft – participant survey 2022",
        ),
        below=[
            t(
                "Tallene er gengivet, som kilderne angiver dem; rapportens tabeller pr. klynge "
                "er ikke gengivet.",
                "The figures are given as the sources state them; the report's tables per "
                "cluster are not reproduced.",
            )
        ],
    )


def _period(designation: Designation | None, programme: Programme | None, lang: str) -> str:
    """The designation's period when it is not the programme's whole period."""
    if designation is None or programme is None:
        return ""
    start, end = designation.period_from or programme.start, designation.period_to or programme.end
    if (start, end) == (programme.start, programme.end):
        return ""
    word = "Udpeget" if lang == "da" else "Designated"
    return f"{word} {format_date(start, lang)} – {format_date(end, lang)}."


def _sources(designation: Designation | None, cluster: ClusterFacts, lang: str) -> str | None:
    """The designation's source, then the registry row's, each said once."""
    found: list[str] = []
    for source in (designation.source if designation else None, cluster.text("source", lang)):
        if source and source not in found:
            found.append(source)
    return " ; ".join(found) or None


def _join(*parts: str | None) -> str | None:
    text = " ".join(p for p in parts if p)
    return text or None
