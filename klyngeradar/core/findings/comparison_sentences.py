"""A comparison of two rounds in sentences a board can read, in Danish and English.

Each change names both years and, when the panel differs from the respondents,
the like-for-like figure over the clusters that gave it in both rounds. The
findings' qualifiers apply: "mindst" / "at least" for a minimum, "ca." /
"about" when estimates are included. A change where either side is a minimum
is said to be one, never read as growth or decline alone.

>>> from klyngeradar.core.surveys.demo import demo_round
>>> from klyngeradar.core.findings.comparison import compare_rounds
>>> comparison_sentences(compare_rounds(demo_round(), demo_round()))[0].text[:25]
'12 klynger har svaret beg'
"""

from __future__ import annotations

from klyngeradar.core.dates import format_date
from klyngeradar.core.findings.comparison import (
    COUNT_KEYS,
    TOTAL_KEYS,
    AgreementsChange,
    Comparison,
    CountChange,
    TotalChange,
)
from klyngeradar.core.findings.phrases import COUNT_PHRASES
from klyngeradar.core.findings.sentences import Lang, Sentence
from klyngeradar.core.numbers import format_int, format_percent

# Per total: what the figure counts, in Danish and English.
TOTAL_WORDS: dict[str, tuple[str, str]] = {
    "members_national": ("virksomhedsmedlemmer i hele landet", "company members nationwide"),
    "members_region": ("medlemmer i regionen", "members in the region"),
    "members_region_50plus": (
        "medlemmer i regionen med 50 ansatte eller flere",
        "members in the region with 50 or more employees",
    ),
    "members_region_under50": (
        "medlemmer i regionen med under 50 ansatte",
        "members in the region with fewer than 50 employees",
    ),
    "participation_companies": (
        "unikke deltagende virksomheder fra regionen",
        "unique participating companies from the region",
    ),
    "participation_persons": ("deltagere fra regionen", "participants from the region"),
}
# The same words after exactly one ("1 medlem i regionen").
TOTAL_WORDS_ONE: dict[str, tuple[str, str]] = {
    "members_national": ("virksomhedsmedlem i hele landet", "company member nationwide"),
    "members_region": ("medlem i regionen", "member in the region"),
    "members_region_50plus": (
        "medlem i regionen med 50 ansatte eller flere",
        "member in the region with 50 or more employees",
    ),
    "members_region_under50": (
        "medlem i regionen med under 50 ansatte",
        "member in the region with fewer than 50 employees",
    ),
    "participation_companies": (
        "unik deltagende virksomhed fra regionen",
        "unique participating company from the region",
    ),
    "participation_persons": ("deltager fra regionen", "participant from the region"),
}
PRESENCE_WORDS: dict[str, tuple[str, str]] = {
    "own_office": ("egen adresse", "own office"),
    "colocated_business_hub": ("hos Erhvervshuset", "at the business hub"),
    "colocated_other": ("hos en anden aktør", "with another actor"),
}


def signed(number: int | None, lang: Lang = "da") -> str:
    """+35, -12 or ±0 (Danish thousands separators); "–" when unknown."""
    if number is None:
        return "–"
    if number == 0:
        return "±0"
    return ("+" if number > 0 else "-") + format_int(abs(number), lang)


class _Writer:
    def __init__(self, comparison: Comparison, lang: Lang):
        self.c = comparison
        self.lang = lang
        self.da = lang == "da"
        self.old = comparison.old.label
        self.new = comparison.new.label

    def n(self, number: int | None) -> str:
        return format_int(number, self.lang)

    def clusters(self, number: int) -> str:
        if self.da:
            return f"{self.n(number)} {'klynge' if number == 1 else 'klynger'}"
        return f"{self.n(number)} {'cluster' if number == 1 else 'clusters'}"

    def names(self, slugs: tuple[str, ...]) -> str:
        items = [self.c.name_of(slug) for slug in slugs]
        if len(items) < 2:
            return "".join(items)
        return ", ".join(items[:-1]) + (" og " if self.da else " and ") + items[-1]

    def of(self, count: int, base: int) -> str:
        return f"{self.n(count)} {'af' if self.da else 'of'} {self.n(base)}"


def _panel(w: _Writer) -> Sentence:
    c = w.c
    count = len(c.panel)
    if w.da:
        text = (
            f"{w.clusters(count)} har svaret begge år: {w.of(count, c.old.responded)} "
            f"svarede i {w.old}, {w.of(count, c.new.responded)} i {w.new}"
        )
        if count == 0:
            text = (
                f"Ingen klynge har svaret i både {w.old} og {w.new}, så ingen ændring kan "
                "sammenlignes klynge for klynge"
            )
    else:
        verb = "has" if count == 1 else "have"
        text = (
            f"{w.clusters(count)} {verb} responded in both years: {w.of(count, c.old.responded)} "
            f"in {w.old}, {w.of(count, c.new.responded)} in {w.new}"
        )
        if count == 0:
            text = (
                f"No cluster responded in both {w.old} and {w.new}, so no change can be "
                "compared cluster by cluster"
            )
    return Sentence("panel", text)


def _entered_left(w: _Writer) -> Sentence:
    c = w.c
    entered, left = len(c.entered), len(c.left)
    if w.da:
        came = f"{w.clusters(entered)} kommet til ({w.names(c.entered)})"
        went = f"{w.clusters(left)} faldet fra ({w.names(c.left)})"
        if entered and left:
            text = (
                f"Siden {w.old} er {came}, og {w.clusters(left)} er faldet fra ({w.names(c.left)})"
            )
        elif entered:
            text = f"Siden {w.old} er {came}; ingen er faldet fra"
        elif left:
            text = f"Siden {w.old} er {went}; ingen er kommet til"
        else:
            text = f"Siden {w.old} er ingen klynger kommet til eller faldet fra"
        return Sentence("entered_left", text)
    came = (
        f"{w.clusters(entered)} {'has' if entered == 1 else 'have'} entered ({w.names(c.entered)})"
    )
    went = f"{w.clusters(left)} {'has' if left == 1 else 'have'} left ({w.names(c.left)})"
    if entered and left:
        text = f"Since {w.old}, {came} and {went}"
    elif entered:
        text = f"Since {w.old}, {came}; none has left"
    elif left:
        text = f"Since {w.old}, {went}; none has entered"
    else:
        text = f"Since {w.old}, no cluster has entered or left"
    return Sentence("entered_left", text)


def _panel_differs(w: _Writer) -> bool:
    c = w.c
    return bool(c.panel) and not (len(c.panel) == c.old.responded == c.new.responded)


def _among(w: _Writer, count: int, *, reported: bool) -> str:
    """ ". Blandt de 9 klynger, der har oplyst tallet begge år: " (the like-for-like lead)."""
    if w.da:
        did = "har oplyst tallet" if reported else "har svaret"
        if count == 1:
            return f". Hos den ene klynge, der {did} begge år: "
        return f". Blandt de {w.clusters(count)}, der {did} begge år: "
    did = "reported the figure in both years" if reported else "responded in both years"
    if count == 1:
        return f". For the one cluster that {did}: "
    return f". Among the {w.clusters(count)} that {did}: "


def _organisation(w: _Writer) -> str:
    info = w.c.new.info
    return info.organisation or ("regionen" if w.da else "the region")


def _count(w: _Writer, key: str, change: CountChange) -> Sentence:
    pct_new = format_percent(change.new_percent, w.lang)
    pct_old = format_percent(change.old_percent, w.lang)
    delta = signed(change.delta, w.lang)
    if key == "response_rate":
        if w.da:
            text = (
                f"{w.of(change.new, change.new_base)} inviterede klynger har svaret i {w.new} "
                f"({pct_new}) mod {w.of(change.old, change.old_base)} i {w.old} ({pct_old})"
            )
        else:
            text = (
                f"{w.of(change.new, change.new_base)} invited clusters responded in {w.new} "
                f"({pct_new}), against {w.of(change.old, change.old_base)} in {w.old} ({pct_old})"
            )
        return Sentence(key, text)
    _, predicate = COUNT_PHRASES[key]
    da, singular, plural = (text.format(org=_organisation(w)) for text in predicate)
    if w.da:
        text = (
            f"{w.of(change.new, change.new_base)} klynger {da} i {w.new} ({pct_new}) "
            f"mod {w.of(change.old, change.old_base)} i {w.old} ({pct_old}; {delta})"
        )
    else:
        verb = singular if change.new == 1 else plural
        text = (
            f"{w.of(change.new, change.new_base)} clusters {verb} in {w.new} ({pct_new}), "
            f"against {w.of(change.old, change.old_base)} in {w.old} ({pct_old}; {delta})"
        )
    if _panel_differs(w):
        panel = f"{w.n(change.panel_old)} → {w.n(change.panel_new)} ({signed(change.panel_delta)})"
        text += _among(w, len(w.c.panel), reported=False) + panel
    return Sentence(key, text)


def _qualified(w: _Writer, key: str, side: str, value: int | None) -> str:
    """ "mindst 1.740" / "ca. 375" / "1.740" for one round's total."""
    finding = getattr(w.c.old_findings if side == "old" else w.c.new_findings, key)
    if finding.minimum:
        qualifier = "mindst " if w.da else "at least "
    elif finding.estimated or finding.unstated:
        qualifier = "ca. " if w.da else "about "
    else:
        qualifier = ""
    return f"{qualifier}{w.n(value)}"


def _period(w: _Writer) -> str:
    old, new = w.c.old.info.since, w.c.new.info.since

    def since(day) -> str:
        if day is None:
            return "ikke oplyst" if w.da else "not given"
        return format_date(day, w.lang)

    if w.da:
        return f" (perioderne er forskellige: fra {since(old)} og fra {since(new)})"
    return f" (the periods differ: from {since(old)} and from {since(new)})"


def _total(w: _Writer, key: str, change: TotalChange) -> Sentence:
    words = TOTAL_WORDS[key][0 if w.da else 1]
    if change.old is None and change.new is None:
        if w.da:
            return Sentence(key, f"Ingen klynger har oplyst {words} i {w.old} eller {w.new}")
        return Sentence(key, f"No cluster reported {words} in {w.old} or {w.new}")
    if change.old is None or change.new is None:
        year, other = (w.new, w.old) if change.new is not None else (w.old, w.new)
        side = "new" if change.new is not None else "old"
        number = change.new if side == "new" else change.old
        value = _qualified(w, key, side, number)
        if number == 1:
            words = TOTAL_WORDS_ONE[key][0 if w.da else 1]
        if w.da:
            text = f"Klyngerne har {value} {words} i {year}; i {other} oplyste ingen tallet"
        else:
            text = f"The clusters have {value} {words} in {year}; in {other} nobody reported it"
        return Sentence(key, text)
    if change.new == 1:
        words = TOTAL_WORDS_ONE[key][0 if w.da else 1]
    new = _qualified(w, key, "new", change.new)
    old = _qualified(w, key, "old", change.old)
    delta = signed(change.delta, w.lang)
    if "minimum" in change.qualifiers:
        delta = (
            f"forskel {delta}, men mindst ét af tallene er et minimum, så det er ikke "
            "nødvendigvis en vækst eller et fald"
            if w.da
            else f"difference {delta}, but at least one figure is a minimum, so it is not "
            "necessarily growth or decline"
        )
    if w.da:
        text = f"Klyngerne har {new} {words} i {w.new} mod {old} i {w.old} ({delta})"
    else:
        text = f"The clusters have {new} {words} in {w.new}, against {old} in {w.old} ({delta})"
    if "period_changed" in change.qualifiers:
        text += _period(w)
    if change.panel_reported != change.old_reported or change.panel_reported != change.new_reported:
        if change.panel_reported == 0:
            text += (
                ". Ingen klynge har oplyst tallet begge år"
                if w.da
                else ". No cluster reported the figure in both years"
            )
        else:
            panel = (
                f"{w.n(change.panel_old)} → {w.n(change.panel_new)} "
                f"({signed(change.panel_delta, w.lang)})"
            )
            text += _among(w, change.panel_reported, reported=True) + panel
    return Sentence(key, text)


def _agreements(w: _Writer, change: AgreementsChange) -> Sentence:
    key = "municipal_agreements"
    delta = signed(change.delta, w.lang)

    def one(number, singular, plural):
        return singular if number == 1 else plural

    if w.da:
        text = (
            f"Klyngerne har {w.n(change.new)} "
            f"{one(change.new, 'samarbejdsaftale', 'samarbejdsaftaler')} med "
            f"{w.n(change.new_municipalities)} "
            f"{one(change.new_municipalities, 'kommune', 'kommuner')} "
            f"({w.clusters(change.new_clusters)}) "
            f"i {w.new} mod {w.n(change.old)} med {w.n(change.old_municipalities)} "
            f"{one(change.old_municipalities, 'kommune', 'kommuner')} "
            f"({w.clusters(change.old_clusters)}) i {w.old} ({delta})"
        )
    else:
        text = (
            f"The clusters have {w.n(change.new)} {one(change.new, 'agreement', 'agreements')} "
            f"with {w.n(change.new_municipalities)} "
            f"{one(change.new_municipalities, 'municipality', 'municipalities')} "
            f"({w.clusters(change.new_clusters)}) "
            f"in {w.new}, against {w.n(change.old)} with {w.n(change.old_municipalities)} "
            f"{one(change.old_municipalities, 'municipality', 'municipalities')} "
            f"({w.clusters(change.old_clusters)}) in {w.old} ({delta})"
        )
    return Sentence(key, text)


def _movements(w: _Writer) -> Sentence:
    by_kind: dict[str, list[str]] = {}
    for movement in w.c.movements:
        by_kind.setdefault(movement.change, []).append(movement.cluster)
    opened = tuple(dict.fromkeys(by_kind.get("presence_opened", ())))
    closed = tuple(dict.fromkeys(by_kind.get("presence_closed", ())))
    added = len(by_kind.get("agreement_added", ()))
    ended = len(by_kind.get("agreement_ended", ()))
    parts: list[str] = []
    if w.da:
        if opened:
            parts.append(
                f"{w.clusters(len(opened))} har åbnet fysisk tilstedeværelse ({w.names(opened)})"
            )
        if closed:
            parts.append(f"{w.clusters(len(closed))} har lukket den ({w.names(closed)})")
        if added or ended:
            parts.append(f"{w.n(added)} kommuneaftaler er kommet til og {w.n(ended)} er ophørt")
        if not parts:
            return Sentence(
                "movements",
                "Blandt klyngerne, der har svaret begge år, har ingen åbnet eller lukket fysisk "
                "tilstedeværelse eller ændret deres kommuneaftaler",
            )
        return Sentence(
            "movements", "Blandt klyngerne, der har svaret begge år: " + "; ".join(parts)
        )
    if opened:
        parts.append(f"{w.clusters(len(opened))} opened a physical presence ({w.names(opened)})")
    if closed:
        parts.append(f"{w.clusters(len(closed))} closed it ({w.names(closed)})")
    if added or ended:
        parts.append(f"{w.n(added)} municipal agreements were added and {w.n(ended)} ended")
    if not parts:
        return Sentence(
            "movements",
            "Among the clusters that responded both years, none opened or closed a physical "
            "presence or changed their municipal agreements",
        )
    return Sentence(
        "movements", "Among the clusters that responded both years: " + "; ".join(parts)
    )


def comparison_sentences(comparison: Comparison, lang: Lang = "da") -> tuple[Sentence, ...]:
    """The panel, who entered and left, one sentence per change, then the movements."""
    if lang not in ("da", "en"):
        raise ValueError(f"unknown language: {lang} (expected da or en)")
    w = _Writer(comparison, lang)
    result = [_panel(w), _entered_left(w)]
    for key in COUNT_KEYS:
        result.append(_count(w, key, comparison.changes[key]))
    for key in TOTAL_KEYS:
        result.append(_total(w, key, comparison.changes[key]))
    result.append(_agreements(w, comparison.changes["municipal_agreements"]))
    result.append(_movements(w))
    return tuple(result)


def comparison_document(old, new) -> dict:
    """The comparison of round `new` with the earlier `old` as `klyngeradar compare` prints it.

    The spec's keys (spec/comparison.md), the sentences in both languages, and the
    warnings: the rounds' own (as read) first, then the comparison's. Raises
    InputError when the rounds cannot be compared (two regions).
    """
    from klyngeradar.core.findings.comparison import compare_rounds

    result = compare_rounds(old, new)
    warnings = [str(problem) for round in (old, new) for problem in round.warnings]
    warnings += [str(problem) for problem in result.warnings]
    said = {code: comparison_sentences(result, code) for code in ("da", "en")}
    return {
        **result.to_dict(),
        "sentences": {code: [s.text for s in items] for code, items in said.items()},
        "warnings": warnings,
    }
