"""Find the template's layout for each of our slide kinds: by what it holds, names as hints.

A layout serves a kind when its placeholders are arranged for it:

- ``title``: a (centred) title and a subtitle or body under it;
- ``content``: a title and one large body (text, object, chart or table) below it;
- ``two``: a title and two bodies side by side below it;
- ``section``: a title and at most one small body; without one, the title layout.

Layout names (Danish or English, LibreOffice's "Title, Content" included, and
near-misses such as "Titel og Indhold 2") only choose among the layouts whose
arrangement fits; a name alone never makes a layout fit, so a renamed layout
cannot put a chart over its title. An explicit mapping (``--layout
content="Indhold med titel"``) takes the named layout for a kind and checks it.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping

from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.oxml.ns import qn
from pptx.slide import SlideLayout

from klyngeradar.core.problems import InputError, Problem

KINDS = ("title", "content", "section", "two")
# Our slide kinds and the layout names that serve them, in order of preference.
LAYOUT_NAMES: dict[str, tuple[str, ...]] = {
    "title": ("Title Slide", "Titelslide", "Titeldias", "Titel", "Forside", "Title"),
    "content": (
        "Title and Content",
        "Titel og indhold",
        "Titel og tekst",
        "Title and Text",
        "Title and Body",
        "Title, Content",
        "Indhold",
    ),
    "section": (
        "Section Header",
        "Sektionsoverskrift",
        "Afsnitsoverskrift",
        "Section Title",
        "Sektionsside",
        "Kapitel",
    ),
    "two": (
        "Two Content",
        "To indholdsobjekter",
        "To indhold",
        "To kolonner",
        "Two Columns",
        "Title, 2 Content",
        "Comparison",
        "Sammenligning",
    ),
}
KIND_NAMES_DA = {
    "title": "forside",
    "content": "indhold",
    "section": "sektion",
    "two": "to indhold",
}
TITLES = {PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE}
BODIES = {
    PP_PLACEHOLDER.BODY,
    PP_PLACEHOLDER.OBJECT,
    PP_PLACEHOLDER.CHART,
    PP_PLACEHOLDER.TABLE,
    PP_PLACEHOLDER.SUBTITLE,
    PP_PLACEHOLDER.ORG_CHART,
}
# A content body covers at least this share of the slide; a section's body at most.
LARGE, SMALL = 0.25, 0.2


def normalise(name: str) -> str:
    """Compare layout names without case, spacing or PowerPoint's "1_" copy prefix."""
    name = re.sub(r"^\d+_", "", name.strip())
    return re.sub(r"\s+", " ", name).casefold()


def _box(shape):
    return (shape.left or 0, shape.top or 0, shape.width or 0, shape.height or 0)


def _vertical(placeholder) -> bool:
    """Whether the placeholder's text runs vertically ("Title and Vertical Text")."""
    body = placeholder._element.find(f"{qn('p:txBody')}/{qn('a:bodyPr')}")
    return body is not None and body.get("vert", "horz") != "horz"


def _parts(layout: SlideLayout):
    title, bodies = None, []
    for placeholder in layout.placeholders:
        kind = placeholder.placeholder_format.type
        if kind in TITLES and title is None:
            title = placeholder
        elif kind in BODIES:
            bodies.append(placeholder)
    return title, bodies


def _has_vertical(layout: SlideLayout) -> bool:
    return any(_vertical(p) for p in layout.placeholders)


def _below(body, title) -> bool:
    """The body starts at or below the title's foot (a little overlap of margins is fine)."""
    left, top, width, height = _box(title)
    return _box(body)[1] >= top + height * 0.8


def fits(layout: SlideLayout, kind: str, slide_area: int) -> str | None:
    """None when `layout` is arranged for `kind`; else why not (in English)."""
    title, bodies = _parts(layout)
    if title is None:
        return "has no title placeholder"
    if _has_vertical(layout):
        return "has vertical text"
    areas = [_box(b)[2] * _box(b)[3] / slide_area for b in bodies]
    if kind == "title":
        if title.placeholder_format.type == PP_PLACEHOLDER.CENTER_TITLE or any(
            b.placeholder_format.type == PP_PLACEHOLDER.SUBTITLE for b in bodies
        ):
            return None
        return "has no centred title or subtitle"
    if kind == "section":
        if len(bodies) <= 1 and all(a <= SMALL for a in areas):
            return None
        return "has a large body"
    wanted = 1 if kind == "content" else 2
    large = [b for b, a in zip(bodies, areas, strict=True) if a >= LARGE / wanted]
    if len(bodies) != wanted or len(large) != wanted:
        return f"does not have {'one large body' if wanted == 1 else 'two large bodies'}"
    if not all(_below(b, title) for b in bodies):
        return "has a body over its title"
    if wanted == 2:
        first, second = sorted((_box(b) for b in bodies), key=lambda box: box[0])
        if first[0] + first[2] > second[0] + first[2] * 0.1:
            return "does not have its two bodies side by side"
    return None


def _name_rank(layout: SlideLayout, kind: str) -> float:
    """How well the layout's name says `kind`: 0 for an exact name, up to 1 for none."""
    name = normalise(layout.name)
    names = [normalise(n) for n in LAYOUT_NAMES[kind]]
    if name in names:
        return names.index(name) / 100
    best = max((difflib.SequenceMatcher(None, name, n).ratio() for n in names), default=0)
    return 1 - best if best >= 0.8 else 1.0


def find_layouts(
    presentation, source: str, mapping: Mapping[str, str] | None = None
) -> dict[str, SlideLayout]:
    """A layout for every slide kind; raise InputError naming each kind that has none."""
    layouts = list(presentation.slide_layouts)
    area = presentation.slide_width * presentation.slide_height
    have = ", ".join(f'"{layout.name}"' for layout in layouts) or "none"
    problems: list[Problem] = []
    found: dict[str, SlideLayout] = {}
    for kind, wanted in (mapping or {}).items():
        if kind not in KINDS:
            problems.append(
                Problem(
                    f"--layout {kind}=…: unknown slide kind (use {', '.join(KINDS)})",
                    file=source,
                    reason_da=f"--layout {kind}=…: ukendt slags dias (brug {', '.join(KINDS)})",
                )
            )
            continue
        layout = next((x for x in layouts if normalise(x.name) == normalise(wanted)), None)
        if layout is None:
            problems.append(
                Problem(
                    f'has no layout "{wanted}" (given for "{kind}" slides); '
                    f"its layouts are: {have}",
                    file=source,
                    reason_da=f'har intet layout "{wanted}" (angivet til {KIND_NAMES_DA[kind]}); '
                    f"skabelonens layouts er: {have}",
                )
            )
            continue
        why = fits(layout, kind, area)
        if why is not None:
            problems.append(_unfit(source, layout, kind, why))
            continue
        found[kind] = layout
    for kind in KINDS:
        if kind in found or (mapping and kind in mapping):
            continue
        candidates = [x for x in layouts if fits(x, kind, area) is None]
        best = min(candidates, key=lambda x: _name_rank(x, kind)) if candidates else None
        if kind == "section" and best is not None and _name_rank(best, kind) >= 1:
            # No layout is called a section: the title layout keeps the section's subtitle.
            best = None
        if best is not None:
            found[kind] = best
        elif kind != "section":
            problems.append(_missing(source, kind, have))
    if "section" not in found and "title" in found:
        found["section"] = found["title"]
    if problems:
        raise InputError(problems)
    return found


def _unfit(source: str, layout: SlideLayout, kind: str, why: str) -> Problem:
    return Problem(
        f'layout "{layout.name}" cannot serve "{kind}" slides: it {why}',
        file=source,
        reason_da=f'layoutet "{layout.name}" kan ikke bruges til {KIND_NAMES_DA[kind]}: '
        + _WHY_DA.get(why, why),
    )


def _missing(source: str, kind: str, have: str) -> Problem:
    looked_for = " / ".join(f'"{n}"' for n in LAYOUT_NAMES[kind])
    arrangement = {
        "title": "a title with a subtitle",
        "content": "a title with one large body below it",
        "two": "a title with two bodies side by side below it",
    }[kind]
    arrangement_da = {
        "title": "en titel med en undertitel",
        "content": "en titel med ét stort indholdsfelt under",
        "two": "en titel med to indholdsfelter side om side under",
    }[kind]
    return Problem(
        f'has no slide layout for "{kind}" slides ({arrangement}; names looked for: '
        f"{looked_for}); its layouts are: {have}; name one with --layout {kind}=NAME",
        file=source,
        reason_da=f"har intet slidelayout til {KIND_NAMES_DA[kind]} ({arrangement_da}; "
        f"ledte efter {looked_for}); skabelonens layouts er: {have}; "
        f"angiv et med --layout {kind}=NAVN",
    )


_WHY_DA = {
    "has no title placeholder": "det har ingen titelpladsholder",
    "has vertical text": "det har lodret tekst",
    "has no centred title or subtitle": "det har ingen centreret titel eller undertitel",
    "has a large body": "det har et stort indholdsfelt",
    "does not have one large body": "det har ikke ét stort indholdsfelt",
    "does not have two large bodies": "det har ikke to store indholdsfelter",
    "has a body over its title": "et indholdsfelt ligger over titlen",
    "does not have its two bodies side by side": "de to indholdsfelter står ikke side om side",
}
