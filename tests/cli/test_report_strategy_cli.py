"""``klyngeradar report FILE --strategy S.json``: the vision and the notes survive a file.

The strategy slide quotes the region's vision when a strategy is given, and its speaker
notes say where the efforts come from in words, never a code such as "round".
"""

import json
import sys

import pytest
from pptx import Presentation

from klyngeradar.cli import main
from klyngeradar.core.surveys.demo import demo_round
from klyngeradar.render.workbooks.exchange import write_xlsx

VISION = "Nordjylland vil være en innovativ hub for grøn omstilling af erhvervslivet"
STRATEGY = {
    "vision": VISION,
    "source": "Regionens erhvervsstrategi 2023",
    "efforts": [
        {"slug": "digitalisering", "name": "Digitalisering og nye teknologier"},
        {"slug": "groen-omstilling", "name": "Grøn og cirkulær omstilling"},
    ],
}
MARKERS = {"da": "Regionens vision og indsatser", "en": "The region's vision and efforts"}
# Speaker notes a board member must never read: a bare code, or a placeholder left in.
CODES = {"round", "registry", "seed", "example"}


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    folder = tmp_path_factory.mktemp("runde")
    (folder / "strategi.json").write_text(json.dumps(STRATEGY), encoding="utf-8")
    return write_xlsx(demo_round(), folder / "svar.xlsx"), folder / "strategi.json"


def deck_of(capsys, tmp_path, *args):
    with pytest.raises(SystemExit) as stopped:
        main(["report", *map(str, args), "--out", str(tmp_path)])
        sys.exit(0)
    capsys.readouterr()
    assert (stopped.value.code or 0) == 0
    (path,) = tmp_path.glob("*.pptx")
    return Presentation(str(path))


def strategy_slide(deck, lang):
    for slide in deck.slides:
        texts = [s.text_frame.text for s in slide.shapes if s.has_text_frame]
        if MARKERS[lang] in texts:
            return slide, texts
    raise AssertionError("no strategy slide")


CASES = [
    # (language, with the strategy, the vision as quoted, what the notes say)
    ("da", True, f"»{VISION}«", ("Visionen: " + VISION, "Kilde: Regionens erhvervsstrategi")),
    ("en", True, f"“{VISION}”", ("The vision: " + VISION, "Source: Regionens erhvervsstrategi")),
    ("da", False, None, ("Indsatserne er rundens egne",)),
    ("en", False, None, ("The efforts are the round's own",)),
]


@pytest.mark.parametrize(("lang", "given", "quoted", "notes"), CASES)
def test_the_strategy_slide_quotes_the_vision_and_says_its_source(
    capsys, tmp_path, files, lang, given, quoted, notes
):
    answers, strategy = files
    options = ["--lang", lang, *(["--strategy", strategy] if given else [])]
    deck = deck_of(capsys, tmp_path, answers, *options)
    slide, texts = strategy_slide(deck, lang)
    body = "\n".join(texts)
    if quoted:
        assert quoted in body
    else:
        assert VISION not in body
    spoken = slide.notes_slide.notes_text_frame.text
    for part in notes:
        assert part in spoken
    for number, each in enumerate(deck.slides, 1):
        if each.has_notes_slide:
            text = each.notes_slide.notes_text_frame.text
            lines = {
                line.strip().removeprefix("Kilde: ").removeprefix("Source: ")
                for line in text.splitlines()
            }
            words = set(text.replace("(", " ").replace(")", " ").split())
            assert not lines & CODES, (number, text)
            assert not words & {"None", "TODO", "nan"}, (number, text)
            assert "{" not in text and "}" not in text, (number, text)
