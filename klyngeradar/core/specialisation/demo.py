"""The demo's employment file: invented figures in the shape of a Statistikbanken export.

THE FIGURES ARE INVENTED. They are not Statistics Denmark's and must never be
read as a description of any municipality. They only let the "Erhvervsstruktur"
page, the rules and the deck show something out of the box. Every row says so
in its ``KILDE`` column; a real table is downloaded as docs/specialisation.md
describes.
"""

from __future__ import annotations

import random

from klyngeradar.core.registry import geography

DEMO_YEAR = 2023
DEMO_SOURCE = "Opdigtede tal til demoen – ikke Danmarks Statistiks"
DEMO_FILE = "beskaeftigelse-opdigtet.csv"
HEADER = ("OMRÅDE", "BRANCHE07", "KILDE", "TID", "INDHOLD")
# DB07 codes at one level each (no code under another), with an invented share of jobs.
_PROFILE = {
    "01": 0.020,
    "03": 0.002,
    "06": 0.001,
    "0910": 0.001,
    "10": 0.022,
    "11": 0.002,
    "13": 0.001,
    "14": 0.001,
    "15": 0.0005,
    "21": 0.008,
    "22": 0.004,
    "24": 0.002,
    "25": 0.010,
    "2611": 0.002,
    "2640": 0.001,
    "2651": 0.002,
    "2660": 0.001,
    "2711": 0.002,
    "2811": 0.006,
    "2829": 0.004,
    "2849": 0.003,
    "2899": 0.003,
    "29": 0.002,
    "3011": 0.001,
    "3030": 0.0003,
    "31": 0.003,
    "3250": 0.004,
    "35": 0.005,
    "36": 0.001,
    "37": 0.001,
    "38": 0.003,
    "39": 0.0005,
    "41": 0.025,
    "42": 0.008,
    "43": 0.035,
    "4941": 0.012,
    "50": 0.003,
    "52": 0.010,
    "58": 0.004,
    "5920": 0.0005,
    "61": 0.004,
    "62": 0.020,
    "63": 0.003,
    "64": 0.015,
    "66": 0.004,
    "7111": 0.003,
    "7112": 0.008,
    "7211": 0.002,
    "7410": 0.002,
    "46": 0.080,
    "47": 0.110,
    "56": 0.040,
    "84": 0.070,
    "85": 0.090,
    "86": 0.090,
    "87": 0.040,
    "88": 0.070,
}
# North Jutland's invented leanings, so that the demo region has strengths to show.
_NORTH = {
    "01": 1.6,
    "03": 3.0,
    "10": 1.7,
    "50": 2.4,
    "52": 1.5,
    "3011": 3.0,
    "2811": 1.9,
    "35": 1.3,
    "4941": 1.3,
    "62": 0.8,
    "64": 0.6,
    "21": 0.3,
    "2660": 0.5,
}
_LARGE = {"101": 6.0, "751": 4.0, "851": 3.5, "461": 3.0}


def demo_employment_rows(seed: int = 16) -> list[tuple[str, str, str, str, str]]:
    """The file's rows (without the header): the country, the regions and all 98 municipalities."""
    rng = random.Random(seed)
    by_place: dict[str, dict[str, int]] = {}
    for municipality in geography.municipalities():
        size = rng.uniform(8_000, 30_000) * _LARGE.get(municipality.code, 1.0)
        north = municipality.region == "1081"
        by_place[municipality.code] = {
            code: round(
                size * share * (_NORTH.get(code, 1.0) if north else 1.0) * rng.uniform(0.6, 1.4)
            )
            for code, share in _PROFILE.items()
        }
    names = {m.code: m.name for m in geography.municipalities()}
    rows = []
    for code in _PROFILE:
        total = sum(place[code] for place in by_place.values())
        rows.append(("Hele landet", code, DEMO_SOURCE, str(DEMO_YEAR), str(total)))
    for region in geography.regions():
        members = [m.code for m in geography.municipalities_in(region.code)]
        for code in _PROFILE:
            total = sum(by_place[m][code] for m in members)
            rows.append((region.name, code, DEMO_SOURCE, str(DEMO_YEAR), str(total)))
    for municipality, cells in by_place.items():
        for code, value in cells.items():
            # Small cells are suppressed, as in the real statistics.
            shown = ".." if value < 3 else str(value)
            rows.append((names[municipality], code, DEMO_SOURCE, str(DEMO_YEAR), shown))
    return rows


def demo_employment_csv(seed: int = 16) -> str:
    """The demo file as text: semicolons, one header row, as Statistikbanken exports it."""
    lines = [";".join(HEADER)] + [";".join(row) for row in demo_employment_rows(seed)]
    return "\r\n".join(lines) + "\r\n"
