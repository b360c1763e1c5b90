"""Map layers from the agreements register and the participation lists.

- agreements: how many registered agreements each municipality is party to;
- co-financing: the kroner each municipality has committed as a party, summed over
  the years registered (None where nothing is registered, never 0);
- companies: unique participating companies (CVR) by municipality, placed by the
  row's municipality or else by its P-unit's location; rows with neither are
  listed as "ikke på kortet", as are P-units whose location is unknown.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from klyngeradar.core.maps.geometry import municipality_shapes
from klyngeradar.core.maps.model import MapLayer, MapValue, OffMap, without_geometry
from klyngeradar.core.numbers import format_int


@dataclass(frozen=True)
class RegisteredAgreement:
    """An agreement as the map needs it: its municipal parties by code."""

    slug: str
    title: str
    cluster: str
    municipalities: tuple[str, ...]
    status: str | None = None


@dataclass(frozen=True)
class CoFinancingRow:
    """One party's co-financing in one year; `municipality` None for a non-municipal party."""

    agreement: str
    municipality: str | None
    year: int
    amount_dkk: int


@dataclass(frozen=True)
class CompanyRow:
    """One participation row: the company and, when known, where it is."""

    cvr: str
    municipality: str | None = None
    pnr: str | None = None
    # How many participation rows this one stands for: a database groups identical rows.
    rows: int = 1


def _lang(lang: str) -> str:
    return "da" if lang == "da" else "en"


def _outside(codes: Counter[str], region: Mapping[str, str], lang: str) -> list[OffMap]:
    """Codes outside the region or unknown, and the region's municipalities without a shape."""
    result = list(without_geometry(region, municipality_shapes(), lang))
    elsewhere = {c: n for c, n in codes.items() if c not in region and c in municipality_shapes()}
    gone = {c: n for c, n in codes.items() if c not in region and c not in municipality_shapes()}
    if elsewhere:
        reason = "kommune uden for regionen" if lang == "da" else "municipality outside the region"
        result.append(OffMap(f"{reason} ({', '.join(sorted(elsewhere))})", sum(elsewhere.values())))
    if gone:
        reason = "ukendt kommunekode" if lang == "da" else "unknown municipality code"
        result.append(OffMap(f"{reason} ({', '.join(sorted(gone))})", sum(gone.values())))
    return result


def agreements_layer(
    agreements: Iterable[RegisteredAgreement],
    region: Mapping[str, str],
    region_code: str | None = None,
    lang: str = "da",
) -> MapLayer:
    """How many registered agreements each municipality of the region is party to."""
    lang = _lang(lang)
    agreements = tuple(agreements)
    titles: dict[str, list[str]] = defaultdict(list)
    for agreement in agreements:
        for code in agreement.municipalities:
            titles[code].append(f"{agreement.title} ({agreement.cluster})")
    with_municipality = sum(1 for a in agreements if a.municipalities)
    n, m = format_int(len(agreements), lang), format_int(with_municipality, lang)
    base = (
        f"{n} aftaler i aftaleregistret, {m} med mindst én kommune som part"
        if lang == "da"
        else f"{n} agreements in the register, {m} with at least one municipality as a party"
    )
    qualifiers = (
        ("En aftale med flere kommuner tæller i hver af dem.",)
        if lang == "da"
        else ("An agreement with several municipalities counts in each of them.",)
    )
    return MapLayer(
        key="agreements",
        title="Aftaler i aftaleregistret" if lang == "da" else "Agreements in the register",
        unit="aftaler" if lang == "da" else "agreements",
        unit_one="aftale" if lang == "da" else "agreement",
        region=region_code,
        values=tuple(
            MapValue(code, name, len(titles[code]), tuple(sorted(titles[code])))
            for code, name in region.items()
        ),
        base=base,
        qualifiers=qualifiers,
        off_map=tuple(_outside(Counter({c: len(t) for c, t in titles.items()}), region, lang)),
        lang=lang,
    )


def cofinancing_layer(
    rows: Iterable[CoFinancingRow],
    agreements: Iterable[RegisteredAgreement],
    region: Mapping[str, str],
    region_code: str | None = None,
    lang: str = "da",
) -> MapLayer:
    """Each municipality's registered co-financing, in kroner, over all registered years."""
    lang = _lang(lang)
    rows = tuple(rows)
    parties = {(a.slug, c) for a in agreements for c in a.municipalities}
    amounts: dict[str, int] = defaultdict(int)
    years: set[int] = set()
    stated: set[tuple[str, str]] = set()
    for row in rows:
        if row.municipality is None:
            continue
        amounts[row.municipality] += row.amount_dkk
        years.add(row.year)
        stated.add((row.agreement, row.municipality))
    covered = len(parties & stated)
    n, p = format_int(covered, lang), format_int(len(parties), lang)
    base = (
        f"medfinansiering registreret for {n} af {p} kommunale aftaleparter"
        if lang == "da"
        else f"co-financing registered for {n} of {p} municipal agreement parties"
    )
    span = f"{min(years)}–{max(years)}" if len(years) > 1 else (f"{min(years)}" if years else "")
    qualifiers = []
    if span:
        qualifiers.append(
            f"Summen af de registrerede år ({span})."
            if lang == "da"
            else f"The sum over the registered years ({span})."
        )
    qualifiers.append(
        "Tom: ingen medfinansiering registreret (ikke 0 kr.)."
        if lang == "da"
        else "Empty: no co-financing registered (not DKK 0)."
    )
    counts = Counter({c: 1 for c in amounts})
    return MapLayer(
        key="cofinancing",
        title="Kommunal medfinansiering" if lang == "da" else "Municipal co-financing",
        unit="kr." if lang == "da" else "DKK",
        region=region_code,
        values=tuple(MapValue(code, name, amounts.get(code)) for code, name in region.items()),
        base=base,
        qualifiers=tuple(qualifiers),
        off_map=tuple(_outside(counts, region, lang)),
        lang=lang,
    )


def companies_layer(
    rows: Iterable[CompanyRow],
    region: Mapping[str, str],
    punit_locations: Mapping[str, str] | None = None,
    region_code: str | None = None,
    lang: str = "da",
) -> MapLayer:
    """Unique participating companies (CVR) by the municipality the rows place them in."""
    lang = _lang(lang)
    punit_locations = punit_locations or {}
    rows = tuple(rows)
    companies: dict[str, set[str]] = defaultdict(set)
    unplaced_rows = 0
    unknown_punits: set[str] = set()
    for row in rows:
        code = row.municipality or (punit_locations.get(row.pnr) if row.pnr else None)
        if code is None:
            unplaced_rows += row.rows
            if row.pnr:
                unknown_punits.add(row.pnr)
            continue
        companies[code].add(row.cvr)
    all_companies = {row.cvr for row in rows}
    placed = set().union(*companies.values()) if companies else set()
    n, m = format_int(len(all_companies), lang), format_int(len(placed), lang)
    base = (
        f"{n} unikke virksomheder (CVR) i deltagerlisterne, {m} placeret i en kommune"
        if lang == "da"
        else f"{n} unique companies (CVR) in the participation lists, {m} placed in a municipality"
    )
    qualifiers = (
        (
            "Placeret efter rækkens kommune eller P-enhedens beliggenhed.",
            "En virksomhed med deltagelse fra flere kommuner tælles i hver.",
        )
        if lang == "da"
        else (
            "Placed by the row's municipality or the P-unit's location.",
            "A company taking part from several municipalities counts in each.",
        )
    )
    off_map = _outside(Counter({c: len(v) for c, v in companies.items()}), region, lang)
    if unplaced_rows:
        reason = (
            "deltagelser uden kommune eller kendt P-enhed"
            if lang == "da"
            else "participations without a municipality or a known P-unit"
        )
        off_map.append(OffMap(reason, unplaced_rows))
    if unknown_punits:
        reason = (
            "P-enheder med ukendt beliggenhed" if lang == "da" else "P-units of unknown location"
        )
        off_map.append(OffMap(reason, len(unknown_punits)))
    # With nothing placed, every municipality is unknown rather than 0.
    known = bool(placed)
    return MapLayer(
        key="companies",
        title="Deltagende virksomheder" if lang == "da" else "Participating companies",
        unit="virksomheder" if lang == "da" else "companies",
        unit_one="virksomhed" if lang == "da" else "company",
        region=region_code,
        values=tuple(
            MapValue(code, name, len(companies[code]) if known else None)
            for code, name in region.items()
        ),
        base=base,
        qualifiers=qualifiers,
        off_map=tuple(off_map),
        lang=lang,
    )
