"""The map's weight over the wire and the deck's map slide build time.

Run: .venv/bin/python benchmarks/map.py

- The map page's geometry (the static ``geo/municipalities.json``) and its data
  (the JSON the page embeds for the findings map) gzipped, as WhiteNoise serves
  them: the target is under 500 kB together.
- The deck's map slide written on its own (template, 22 named freeforms, save):
  the target is well under a second (median of 5 runs).

Exits 1 when a target is missed.
"""

from __future__ import annotations

import gzip
import json
import os
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from klyngeradar.core.findings.rules import compute_findings
from klyngeradar.core.maps.geometry import geometry_text
from klyngeradar.core.maps.survey import presence_layer, survey_agreements_layer
from klyngeradar.core.reports.deck import Deck
from klyngeradar.core.reports.outline import build_deck
from klyngeradar.core.surveys.demo import demo_round
from klyngeradar.render.deck.writer import write_deck

WIRE_LIMIT = 500_000
SLIDE_LIMIT = 1.0


def page_data(round) -> bytes:
    """The findings page's map spec as the page embeds it (Django only for URLs and labels)."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "klyngeradar.web.settings")
    os.environ.setdefault("KLYNGERADAR_DATA_DIR", tempfile.mkdtemp())
    import django

    django.setup()
    from klyngeradar.web.maps.widget import map_view

    view = map_view("map-round", [presence_layer(round), survey_agreements_layer(round)])
    return json.dumps(view.spec, ensure_ascii=False).encode()


def map_slide_seconds(round) -> float:
    deck = build_deck(round, findings=compute_findings(round), as_of=date(2023, 10, 1))
    only = Deck(
        deck.title,
        deck.organisation,
        deck.date,
        deck.lang,
        tuple(s for s in deck.slides if getattr(s, "map", None)),
    )
    runs = []
    with tempfile.TemporaryDirectory() as out:
        for _ in range(5):
            started = time.perf_counter()
            write_deck(only, Path(out) / "kort.pptx")
            runs.append(time.perf_counter() - started)
    return statistics.median(runs)


def main() -> int:
    round = demo_round()
    geometry = geometry_text().encode()
    data = page_data(round)
    wire = len(gzip.compress(geometry, 9)) + len(gzip.compress(data, 9))
    seconds = map_slide_seconds(round)
    zipped_geometry, zipped_data = len(gzip.compress(geometry, 9)), len(gzip.compress(data, 9))
    print(
        f"map geometry {len(geometry) / 1000:.1f} kB ({zipped_geometry / 1000:.1f} kB gzip), "
        f"page data {len(data) / 1000:.1f} kB ({zipped_data / 1000:.1f} kB gzip): "
        f"{wire / 1000:.1f} kB over the wire (target < {WIRE_LIMIT // 1000} kB)"
    )
    print(f"map slide (demo, 2 maps x 11 municipalities): {seconds:.2f} s (target < 1 s)")
    return 0 if wire < WIRE_LIMIT and seconds < SLIDE_LIMIT else 1


if __name__ == "__main__":
    sys.exit(main())
