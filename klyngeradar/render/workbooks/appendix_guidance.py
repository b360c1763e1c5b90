"""The appendix "Vejledning til kommunal medfinansiering af klynger" as two sheets.

``Vejledning medfinansiering`` (English ``Co-financing guidance``) gives the
rules with their sources, the agreements register's kinds with how many
agreements of each kind are registered, and the 2023 report's checklist, said
to be the report's. ``Medfinansiering`` (``Co-financing``) lists every party's
co-financing per agreement and year from the register, with each party's total
per year under the table. Without a register both say so; nothing is invented.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from klyngeradar.core.numbers import format_int
from klyngeradar.core.reports.outline_guidance import (
    AGREEMENT_KINDS,
    KIND_USES,
    REPORT,
    RULES,
    AgreementRegister,
    kind_label,
)
from klyngeradar.core.strategy.catalogue import CHECKLIST

ROLES = {
    "cluster": ("Klynge", "Cluster"),
    "actor": ("Regional aktør", "Regional actor"),
    "municipality": ("Kommune", "Municipality"),
}
TITLE = (
    "Vejledning til kommunal medfinansiering af klynger",
    "Guidance on municipal co-financing of clusters",
)


def guidance_sheets(writer, register: AgreementRegister | None) -> None:
    """Add the guidance and the co-financing sheets to the appendices `writer`."""
    t, lang = writer.t, writer.lang
    da = lang == "da"
    kinds = Counter(a.kind for a in register.agreements) if register else Counter()
    rows: list[tuple[object, ...]] = []
    for topic_da, topic_en, rule_da, rule_en, source in RULES:
        rows.append(
            (
                t("Regler", "Rules"),
                topic_da if da else topic_en,
                rule_da if da else rule_en,
                None,
                source,
            )
        )
    for code, name_da, name_en in AGREEMENT_KINDS:
        use_da, use_en = KIND_USES[code]
        rows.append(
            (
                t("Aftaletyper", "Kinds of agreement"),
                name_da if da else name_en,
                use_da if da else use_en,
                kinds.get(code, 0) if register is not None else None,
                t("Aftaleregistret", "The agreements register"),
            )
        )
    for number, item in enumerate(CHECKLIST, start=1):
        rows.append(
            (
                t("Rapportens tjekliste", "The report's checklist"),
                f"{number}.",
                item.text(lang),
                None,
                REPORT,
            )
        )
    below = [
        t(
            "Rapportens bilag med denne titel er ikke fundet som dokument; reglerne ovenfor er "
            "dets juridiske indhold, hver med sin kilde. Tjeklisten er rapportens egen.",
            "The report's appendix of this title was not found as a document; the rules above "
            "are its legal substance, each with its source. The checklist is the report's own.",
        )
    ]
    if register is None:
        below.append(
            t(
                "Intet aftaleregister: antal aftaler pr. type er ikke opgjort.",
                "No agreements register: the number of agreements per kind is not counted.",
            )
        )
    writer.table(
        t("Vejledning medfinansiering", "Co-financing guidance"),
        (
            t("afsnit", "section"),
            t("emne", "topic"),
            t("tekst", "text"),
            t("aftaler i registret", "agreements in the register"),
            t("kilde", "source"),
        ),
        rows,
        caption=t(*TITLE),
        below=below,
    )
    _cofinancing_sheet(writer, register)


def _cofinancing_sheet(writer, register: AgreementRegister | None) -> None:
    t, lang = writer.t, writer.lang
    name = t("Medfinansiering", "Co-financing")
    caption = t(
        "Medfinansiering pr. part og år (aftaleregistret)",
        "Co-financing per party and year (the agreements register)",
    )
    lines = sorted(
        register.cofinancing if register else (),
        key=lambda line: (line.role != "municipality", line.party, line.year, line.agreement),
    )
    if not lines:
        why = (
            t("ingen medfinansiering registreret", "no co-financing registered")
            if register is not None
            else t("intet aftaleregister", "no agreements register")
        )
        writer.table(name, (t("note", "note"),), [(why,)], caption=caption)
        return
    header = (
        t("part", "party"),
        t("partstype", "kind of party"),
        t("år", "year"),
        t("beløb (kr.)", "amount (DKK)"),
        t("aftale", "agreement"),
        t("klynge", "cluster"),
        t("aftaletype", "kind of agreement"),
    )
    rows = [
        (
            line.party,
            ROLES.get(line.role, (line.role, line.role))[0 if lang == "da" else 1],
            line.year,
            line.amount_dkk,
            line.agreement,
            line.cluster,
            kind_label(line.kind, lang),
        )
        for line in lines
    ]
    totals: dict[str, dict[int, int]] = defaultdict(lambda: defaultdict(int))
    for line in lines:
        totals[line.party][line.year] += line.amount_dkk
    kr = t("kr.", "DKK")
    below = [t("I alt pr. part og år:", "Total per party and year:")]
    for party, years in totals.items():
        amounts = ", ".join(
            f"{year}: {format_int(amount, lang)} {kr}" for year, amount in sorted(years.items())
        )
        below.append(f"{party} – {amounts}")
    writer.table(name, header, rows, caption=caption, below=below, years=(2,))
