"""The appendix sheet ``Kort`` (English ``Map``): the deck map's figures by municipality.

One row per municipality of the round's region, by name (its code is on the
technical sheet ``Koder``): clusters physically present (and
by type, and which), municipal agreements the clusters reported (and with which
clusters), each with its base; then one row per thing that is not on the map
("ikke på kortet") with its count. None stays an empty cell, never 0.
"""

from __future__ import annotations

from klyngeradar.core.maps.survey import presence_layer, survey_agreements_layer
from klyngeradar.core.surveys.responses import RoundData


def map_sheet(round: RoundData, lang: str = "da") -> tuple[str, tuple[str, ...], list[tuple]]:
    """The sheet's name, header and rows, for `_Sheets.table`."""
    da = lang == "da"
    presence = presence_layer(round, lang)
    agreements = survey_agreements_layer(round, lang)
    header = (
        "kommune" if da else "municipality",
        presence.title,
        "heraf efter type" if da else "by type",
        "klynger til stede" if da else "clusters present",
        agreements.title,
        "klynger med aftale" if da else "clusters with an agreement",
        "base (tilstedeværelse)" if da else "base (presence)",
        "base (aftaler)" if da else "base (agreements)",
    )
    rows: list[tuple] = []
    for value in presence.values:
        agreement = agreements.value_of(value.code)
        rows.append(
            (
                value.name,
                value.value,
                ", ".join(f"{label}: {n}" for label, n in value.parts.items()),
                ", ".join(value.items),
                agreement.value if agreement else None,
                ", ".join(agreement.items) if agreement else "",
                presence.base,
                agreements.base,
            )
        )
    off_label = "ikke på kortet" if da else "not on the map"
    for layer, column in ((presence, 1), (agreements, 4)):
        for item in layer.off_map:
            row = [None] * len(header)
            row[0] = f"{off_label}: {item.reason}"
            row[column] = item.count
            rows.append(tuple(row))
    return ("Kort" if da else "Map"), header, rows
