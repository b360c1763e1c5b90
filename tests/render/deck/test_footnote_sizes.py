"""Every footnote of the deck is drawn at one size, the layout's, on every kind of slide."""

from datetime import date

import pytest
from pptx import Presentation

from klyngeradar.core.findings.comparison import compare_rounds
from klyngeradar.core.reports.layout import FOOTNOTE_SIZE
from klyngeradar.core.reports.scaled import scaled_round
from klyngeradar.core.strategy.plan import demo_strategy
from klyngeradar.core.surveys.demo import demo_round, demo_round_2025
from klyngeradar.render.report import write_report_deck

ROUNDS = {
    "2023": lambda: (demo_round(), date(2023, 12, 31), {}),
    "2025 with the comparison": lambda: (
        demo_round_2025(),
        date(2025, 12, 31),
        {"comparison": compare_rounds(demo_round(), demo_round_2025())},
    ),
    "50 clusters": lambda: (scaled_round(50, 15), date(2023, 12, 31), {}),
}


@pytest.mark.parametrize("lang", ["da", "en"])
@pytest.mark.parametrize("name", list(ROUNDS))
def test_every_footnote_has_the_same_size(tmp_path, name, lang):
    round, as_of, options = ROUNDS[name]()
    path = write_report_deck(
        round, tmp_path / "deck.pptx", as_of=as_of, lang=lang, strategy=demo_strategy(), **options
    )
    sizes, cut = {}, []
    for number, slide in enumerate(Presentation(str(path)).slides, 1):
        for shape in slide.shapes:
            if shape.name != "Footnote":
                continue
            runs = [r for p in shape.text_frame.paragraphs for r in p.runs]
            assert runs, f"slide {number}: an empty footnote"
            for run in runs:
                sizes.setdefault(run.font.size.pt, []).append(number)
            if shape.text_frame.text.endswith(
                ("flere forbehold i noterne", "more qualifiers in the notes")
            ):
                cut.append(number)
    # Tables, charts side by side, the map and the scatter chart: all of them have one.
    assert sum(len(slides) for slides in sizes.values()) >= 15
    assert set(sizes) == {FOOTNOTE_SIZE}, {size: slides[:5] for size, slides in sizes.items()}
    if not name.endswith("clusters"):
        # At that size the demo decks keep every qualifier on the slide.
        assert cut == [], f"footnotes cut to the notes on slides {cut}"
