"""Map layers from a survey round: clusters present and municipal agreements by municipality.

The base is the round's responders (clusters that answered at all); a municipality
no responder named counts 0 of that base, which is a real count. Codes that are
not one of the region's municipalities, and answers without a municipality, go
into "ikke på kortet" with their count.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from klyngeradar.core.maps.geometry import municipality_shapes, region_shapes
from klyngeradar.core.maps.model import MapLayer, MapValue, OffMap, without_geometry
from klyngeradar.core.numbers import format_int
from klyngeradar.core.registry.geography import municipalities_in
from klyngeradar.core.surveys.questionnaire import load
from klyngeradar.core.surveys.responses import Response, RoundData

NO_PRESENCE = "none"


def _lang(lang: str) -> str:
    return "da" if lang == "da" else "en"


def region_municipalities(round: RoundData) -> dict[str, str]:
    """The round's municipalities, code -> name: the region's per the registry, else the round's."""
    found = {m.code: m.name for m in municipalities_in(round.info.region or "")}
    return found or {c.slug: c.name for c in round.municipalities}


def _codes(response: Response, question: str) -> frozenset[str]:
    value = response.get(question)
    return value if isinstance(value, frozenset) else frozenset()


def _base(round: RoundData, question: str, lang: str) -> str:
    responders = len(round.responders)
    answered = sum(1 for r in round.responders if r.answered(question))
    if lang == "da":
        return (
            f"{format_int(answered)} af {format_int(responders)} svarende klynger har svaret "
            f"({format_int(round.invited)} inviteret)"
        )
    return (
        f"{format_int(answered, 'en')} of {format_int(responders, 'en')} responding clusters "
        f"answered ({format_int(round.invited, 'en')} invited)"
    )


def _off_map_codes(codes: Counter[str], region: dict[str, str], lang: str) -> list[OffMap]:
    """Codes outside the region, as one entry per reason."""
    result = []
    unknown = {c: n for c, n in codes.items() if c not in region}
    elsewhere = {c: n for c, n in unknown.items() if c in municipality_shapes()}
    gone = {c: n for c, n in unknown.items() if c not in municipality_shapes()}
    if elsewhere:
        reason = "kommune uden for regionen" if lang == "da" else "municipality outside the region"
        result.append(OffMap(f"{reason} ({', '.join(sorted(elsewhere))})", sum(elsewhere.values())))
    if gone:
        reason = "ukendt kommunekode" if lang == "da" else "unknown municipality code"
        result.append(OffMap(f"{reason} ({', '.join(sorted(gone))})", sum(gone.values())))
    return result


def _no_geometry(round: RoundData, region: dict[str, str], lang: str) -> list[OffMap]:
    """The region's municipalities that have no shape to draw (none, for the shipped files)."""
    if round.info.region and round.info.region not in region_shapes():
        reason = "region uden kortdata" if lang == "da" else "region without geometry"
        return [OffMap(f"{reason} ({round.info.region})", len(region))]
    return list(without_geometry(region, municipality_shapes(), lang))


def presence_layer(round: RoundData, lang: str = "da") -> MapLayer:
    """How many clusters are physically present in each of the region's municipalities, by type."""
    lang = _lang(lang)
    region = region_municipalities(round)
    question = load().question("presence.type")
    clusters: dict[str, list[str]] = defaultdict(list)
    types: dict[str, Counter[str]] = defaultdict(Counter)
    unplaced = 0
    for response in round.responders:
        kind = response.get("presence.type")
        if not isinstance(kind, str) or kind == NO_PRESENCE:
            continue
        codes = _codes(response, "presence.municipalities")
        if not codes:
            unplaced += 1
        option = question.option(kind)
        label = option.label.get(lang) if option else kind
        for code in codes:
            clusters[code].append(response.label)
            types[code][label] += 1
    answered = any(r.answered("presence.type") for r in round.responders)
    values = tuple(
        MapValue(
            code,
            name,
            len(clusters[code]) if answered else None,
            tuple(sorted(clusters[code])),
            dict(types[code]),
        )
        for code, name in region.items()
    )
    counts = Counter({c: len(v) for c, v in clusters.items()})
    off_map = _off_map_codes(counts, region, lang) + _no_geometry(round, region, lang)
    if unplaced:
        reason = (
            "klynger til stede uden angivet kommune"
            if lang == "da"
            else "clusters present without a municipality stated"
        )
        off_map.append(OffMap(reason, unplaced))
    qualifiers = (
        (
            "En klynge kan være til stede i flere kommuner.",
            "Tallet er klynger, ikke kontorer.",
        )
        if lang == "da"
        else (
            "A cluster can be present in several municipalities.",
            "Counts clusters, not offices.",
        )
    )
    return MapLayer(
        key="presence",
        title="Klynger fysisk til stede" if lang == "da" else "Clusters physically present",
        unit="klynger" if lang == "da" else "clusters",
        unit_one="klynge" if lang == "da" else "cluster",
        region=round.info.region,
        values=values,
        base=_base(round, "presence.type", lang),
        qualifiers=qualifiers,
        off_map=tuple(off_map),
        lang=lang,
    )


def survey_agreements_layer(round: RoundData, lang: str = "da") -> MapLayer:
    """Municipal agreements the clusters reported, one per (cluster, municipality)."""
    lang = _lang(lang)
    region = region_municipalities(round)
    holders: dict[str, list[str]] = defaultdict(list)
    for response in round.responders:
        for code in _codes(response, "agreements.municipalities"):
            holders[code].append(response.label)
    answered = any(r.answered("agreements.municipalities") for r in round.responders)
    values = tuple(
        MapValue(code, name, len(holders[code]) if answered else None, tuple(sorted(holders[code])))
        for code, name in region.items()
    )
    counts = Counter({c: len(v) for c, v in holders.items()})
    off_map = _off_map_codes(counts, region, lang) + _no_geometry(round, region, lang)
    qualifiers = (
        ("Som klyngerne har oplyst det: én kommune = én aftale.",)
        if lang == "da"
        else ("As the clusters reported them: one municipality = one agreement.",)
    )
    return MapLayer(
        key="survey_agreements",
        title="Kommunale aftaler (surveyen)" if lang == "da" else "Municipal agreements (survey)",
        unit="aftaler" if lang == "da" else "agreements",
        unit_one="aftale" if lang == "da" else "agreement",
        region=round.info.region,
        values=values,
        base=_base(round, "agreements.municipalities", lang),
        qualifiers=qualifiers,
        off_map=tuple(off_map),
        lang=lang,
    )
