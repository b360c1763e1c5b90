"""Map layers of location quotients: one business area's LQ in each municipality of the region.

The values are decimals (LQ 1,23), so the legend is not the counts' "0, then
equal ranges to the maximum" but fixed classes around 1, where a municipality
has the same share of its jobs in the area as the whole country:

- under 0,80: clearly less than the country;
- 0,80–1,20: about as the country (a band of ±20 %, the usual reading of
  "neither specialised nor under-represented");
- 1,21–2,00: specialised;
- over 2,00: strongly specialised (at least twice the country's share).

The classes are the same on every area's map, so colours compare across
areas. Values are rounded to two decimals before they are classed, so a
municipality's class always agrees with the number shown. A municipality whose
figure is unknown (not in the file, or every cell suppressed) is "ikke
oplyst", never 0; one with some suppressed cells shows the LQ of the cells
given and says so.

The figures are passed in as plain objects with ``lq`` (Decimal or None) and
``suppressed`` (bool), such as `klyngeradar.core.specialisation.quotients.Figure`.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from decimal import ROUND_HALF_UP, Decimal
from typing import Protocol

from klyngeradar.core.maps.model import Band, MapLayer, MapValue
from klyngeradar.core.numbers import format_fixed, format_int

# The inner limits of the classes; see the module's docstring.
LQ_LIMITS = (Decimal("0.80"), Decimal("1.20"), Decimal("2.00"))
_STEP = Decimal("0.01")


class LqFigure(Protocol):
    lq: Decimal | None
    suppressed: bool


def lq_scale(lang: str = "da") -> tuple[Band, ...]:
    """The legend's classes: under 0,80 · 0,80–1,20 · 1,21–2,00 · over 2,00."""
    low, middle, high = LQ_LIMITS

    def f(value: Decimal) -> str:
        return format_fixed(value, 2, lang)

    under, over = ("under", "over") if lang == "da" else ("below", "above")
    return (
        Band(-math.inf, float(low - _STEP), f"{under} {f(low)}"),
        Band(float(low), float(middle), f"{f(low)}–{f(middle)}"),
        Band(float(middle + _STEP), float(high), f"{f(middle + _STEP)}–{f(high)}"),
        Band(float(high + _STEP), math.inf, f"{over} {f(high)}"),
    )


def lq_layer(
    area: str,
    area_name: str,
    figures: Mapping[str, LqFigure],
    region: Mapping[str, str],
    *,
    year: int,
    source: str,
    region_code: str | None = None,
    lang: str = "da",
) -> MapLayer:
    """The area's LQ in each municipality of `region` ({code: name}), for the map."""
    lang = "da" if lang == "da" else "en"
    values = []
    for code, name in region.items():
        figure = figures.get(code)
        lq = figure.lq if figure is not None else None
        suppressed = bool(figure is not None and figure.suppressed)
        items: tuple[str, ...] = ()
        if suppressed and lq is None:
            items = ("diskretioneret i statistikken" if lang == "da" else "suppressed",)
        elif suppressed:
            items = (
                ("diskretionerede celler: LQ af de oplyste",)
                if lang == "da"
                else ("suppressed cells: the LQ of the cells given",)
            )
        value = None if lq is None else float(lq.quantize(_STEP, rounding=ROUND_HALF_UP))
        values.append(MapValue(code, name, value, items, estimated=suppressed and lq is not None))
    known = sum(1 for v in values if v.value is not None)
    n, m = format_int(known, lang), format_int(len(values), lang)
    base = (
        f"LQ for beskæftigelsen i {area_name}, {year}: {n} af {m} kommuner oplyst"
        if lang == "da"
        else f"LQ of employment in {area_name}, {year}: {n} of {m} municipalities known"
    )
    qualifiers = (
        (
            "LQ 1 = samme andel af beskæftigelsen som i hele landet.",
            f"Kilde: {source}, {year}.",
        )
        if lang == "da"
        else (
            "LQ 1 = the same share of employment as the whole country.",
            f"Source: {source}, {year}.",
        )
    )
    return MapLayer(
        key=f"lq-{area}",
        title=area_name,
        unit="LQ",
        region=region_code,
        values=tuple(values),
        base=base,
        qualifiers=qualifiers,
        lang=lang,
        places=2,
        scale=lq_scale(lang),
        unit_first=True,
    )
