"""Findings as sentences a board can read, in Danish and English, with their base spelled out.

Each finding yields one `Sentence`. The qualifiers are honest: "mindst" / "at
least" when some responders did not report a figure (`minimum`), "ca." /
"about" when estimates are included, a footnote when per-cluster unique counts
may overlap or a basis was not stated. A figure nobody gave is never shown as 0.

>>> from klyngeradar.core.surveys.demo import demo_round
>>> from klyngeradar.core.findings.rules import compute_findings
>>> sentences(compute_findings(demo_round()))[0].text
'12 ud af 13 klynger har svaret (92 %)'
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from klyngeradar.core.dates import format_date
from klyngeradar.core.findings.model import (
    FINDING_KEYS,
    Choice3Count,
    Count,
    Findings,
    MembersGroup,
    Total,
)
from klyngeradar.core.findings.phrases import (
    COUNT_PHRASES,
    NO_CLUSTER_WITHOUT_AGREEMENT,
    TOTAL_PHRASES,
    TOTAL_TOPICS,
)
from klyngeradar.core.numbers import format_int, format_percent

Lang = Literal["da", "en"]
LANGS: tuple[Lang, ...] = ("da", "en")


@dataclass(frozen=True)
class Sentence:
    """One finding in words: `key` is the finding's JSON key."""

    key: str
    text: str
    footnote: str | None = None


class _Writer:
    """Phrases shared by the sentences of one language."""

    def __init__(self, findings: Findings, lang: Lang):
        self.f = findings
        self.lang = lang
        self.da = lang == "da"

    def n(self, number: int | None) -> str:
        return format_int(number, self.lang)

    def clusters(self, number: int) -> str:
        """ "1 klynge" / "12 klynger"."""
        if self.da:
            return f"{self.n(number)} {'klynge' if number == 1 else 'klynger'}"
        return f"{self.n(number)} {'cluster' if number == 1 else 'clusters'}"

    def join(self, items: list[str]) -> str:
        """ "A, B og C" / "A, B and C"."""
        if len(items) < 2:
            return "".join(items)
        return ", ".join(items[:-1]) + (" og " if self.da else " and ") + items[-1]

    def of(self, count: int, base: int) -> str:
        """The subject of a sentence with its base: "Alle 12 klynger", "7 af 12 klynger"."""
        if self.da:
            if count == base:
                return "Klyngen" if base == 1 else f"Alle {self.n(base)} klynger"
            if count == 0:
                return self.none_of(base)
            return f"{self.n(count)} af {self.n(base)} klynger"
        if count == base:
            return "The cluster" if base == 1 else f"All {self.n(base)} clusters"
        if count == 0:
            return self.none_of(base)
        return f"{self.n(count)} of {self.n(base)} clusters"

    def none_of(self, base: int) -> str:
        """ "Ingen af de 12 klynger"; for one cluster "Ingen klynge (af 1)", not "de 1 klynger"."""
        if self.da:
            return "Ingen klynge (af 1)" if base == 1 else f"Ingen af de {self.n(base)} klynger"
        return "No cluster (of 1)" if base == 1 else f"None of the {self.n(base)} clusters"

    def verb(self, count: int, base: int, singular: str, plural: str) -> str:
        """English agreement ("1 of 12 clusters has"); Danish verbs do not inflect."""
        if self.da:
            return singular
        subject_is_one = (count == 1 and count != base) or base == 1
        return singular if subject_is_one else plural

    def unanswered(self, answered: int, base: int) -> str:
        """ " (2 klynger har ikke besvaret spørgsmålet)" when some responders skipped it."""
        missing = base - answered
        if missing <= 0:
            return ""
        if self.da:
            return f" ({self.clusters(missing)} har ikke besvaret spørgsmålet)"
        verb = "has" if missing == 1 else "have"
        return f" ({self.clusters(missing)} {verb} not answered the question)"

    def nobody(self, what_da: str, what_en: str) -> str:
        """The honest sentence when there is no base at all."""
        if self.da:
            return f"Ingen klynger har svaret, så der er intet at sige om {what_da}"
        return f"No cluster has responded, so there is nothing to say about {what_en}"

    def no_answers(self, base: int, what_da: str, what_en: str) -> str:
        if self.da:
            return f"{self.none_of(base)} har besvaret spørgsmålet om {what_da}"
        return f"{self.none_of(base)} answered the question on {what_en}"

    @property
    def since(self) -> str:
        since = self.f.info.since
        if since is None:
            return ""
        return (
            f" siden {format_date(since, 'da')}"
            if self.da
            else f" since {format_date(since, 'en')}"
        )

    @property
    def organisation(self) -> str:
        if self.f.info.organisation:
            return self.f.info.organisation
        return "regionen" if self.da else "the region"


def _count_sentence(
    w: _Writer,
    key: str,
    finding: Count,
    what: tuple[str, str],
    predicate: tuple[str, str, str],
) -> Sentence:
    """ "7 af 12 klynger er fysisk til stede i regionen" with its unanswered note."""
    base, count = finding.base, finding.count
    if base == 0:
        return Sentence(key, w.nobody(*what))
    if finding.answered == 0:
        return Sentence(key, w.no_answers(base, *what))
    da, en_singular, en_plural = predicate
    verb_phrase = da if w.da else w.verb(count, base, en_singular, en_plural)
    text = f"{w.of(count, base)} {verb_phrase}"
    if isinstance(finding, Choice3Count) and finding.maybe:
        text += (
            f"; {w.n(finding.maybe)} svarer måske"
            if w.da
            else f"; {w.n(finding.maybe)} answered maybe"
        )
    return Sentence(key, text + w.unanswered(finding.answered, base))


def _count_words(
    w: _Writer, key: str, finding: Count
) -> tuple[tuple[str, str], tuple[str, str, str]]:
    topic, predicate = COUNT_PHRASES[key]
    if key == "agreements_none" and finding.count == 0:
        predicate = NO_CLUSTER_WITHOUT_AGREEMENT
    return topic, tuple(text.format(org=w.organisation) for text in predicate)


def _total_sentence(w: _Writer, key: str, finding: Total) -> Sentence:
    """ "10 af 12 klynger har oplyst et skøn: mindst 1.740 unikke virksomheder …"."""
    topic = TOTAL_TOPICS[key]
    if finding.base == 0:
        return Sentence(key, w.nobody(*topic))
    if finding.reported == 0:
        if w.da:
            return Sentence(key, f"{w.none_of(finding.base)} har oplyst {topic[0]}")
        return Sentence(key, f"{w.none_of(finding.base)} reported {topic[1]}")
    reported, base, estimated = finding.reported, finding.base, finding.estimated
    if w.da:
        if estimated == reported:
            gave = "et skøn"
        elif estimated:
            gave = f"et tal ({w.n(estimated)} af dem skøn)"
        else:
            gave = "et tal"
        lead = f"{w.of(reported, base)} har oplyst {gave}"
        qualifier = "mindst " if finding.minimum else ("ca. " if estimated else "")
    else:
        if estimated == reported:
            gave = "an estimate" if reported == 1 else "estimates"
        elif estimated:
            gave = f"a figure ({w.n(estimated)} of them estimates)"
        else:
            gave = "a figure"
        lead = f"{w.of(reported, base)} gave {gave}"
        qualifier = "at least " if finding.minimum else ("about " if estimated else "")
    phrase = TOTAL_PHRASES[key][0 if w.da else 1].format(
        q=qualifier, n=w.n(finding.total), since=w.since
    )
    return Sentence(key, f"{lead}: {phrase}", _total_footnote(w, finding))


def _total_footnote(w: _Writer, finding: Total) -> str | None:
    notes = []
    if finding.overlap_possible:
        notes.append(
            "Tallene er unikke pr. klynge; den samme virksomhed kan have deltaget hos flere "
            "klynger, så summen er ikke unik på tværs af klyngerne."
            if w.da
            else "The counts are unique per cluster; the same company may have taken part with "
            "several clusters, so the sum is not unique across clusters."
        )
    if finding.unstated:
        notes.append(
            f"For {w.n(finding.unstated)} af tallene er det ikke oplyst, "
            "om de er opgjort eller skønnet."
            if w.da
            else f"For {w.n(finding.unstated)} of the figures it was not stated "
            "whether they are counted or estimated."
        )
    return " ".join(notes) or None


def _physical_presence(w: _Writer) -> Sentence:
    finding = w.f.physical_presence
    sentence = _count_sentence(
        w, "physical_presence", finding, *_count_words(w, "physical_presence", finding)
    )
    if finding.count == 0:
        return sentence
    by_type = finding.by_type
    parts_da = {
        "own_office": "med eget kontor",
        "colocated_business_hub": "i samlokation med Erhvervshuset",
        "colocated_other": "i samlokation med en anden aktør",
    }
    parts_en = {
        "own_office": "with their own office",
        "colocated_business_hub": "co-located with the business hub",
        "colocated_other": "co-located with another actor",
    }
    parts = parts_da if w.da else parts_en
    listed = [f"{w.n(by_type[code])} {parts[code]}" for code in parts if by_type.get(code)]
    split = w.join(listed)
    head, _, rest = sentence.text.partition(" (")
    text = f"{head}: {split}" + (f" ({rest}" if rest else "")
    return Sentence(sentence.key, text)


def _municipal_agreements(w: _Writer) -> Sentence:
    key = "municipal_agreements"
    finding = w.f.municipal_agreements
    topic = ("samarbejdsaftaler med kommuner", "agreements with municipalities")
    if w.f.responded == 0:
        return Sentence(key, w.nobody(*topic))
    if finding.answered == 0:
        return Sentence(key, w.no_answers(w.f.responded, *topic))
    if finding.agreements == 0:
        if w.da:
            return Sentence(key, "Ingen af klyngerne har en samarbejdsaftale med en kommune")
        return Sentence(key, "None of the clusters has an agreement with a municipality")
    holders = [
        len(e.value) for e in w.f.detail(key) if e.outcome == "included" and e.value is not None
    ]
    top = holders.count(finding.max_per_cluster)
    if w.da:
        text = (
            f"{w.n(finding.agreements)} "
            f"{'samarbejdsaftale' if finding.agreements == 1 else 'samarbejdsaftaler'} med "
            f"{w.n(finding.municipalities)} "
            f"{'kommune' if finding.municipalities == 1 else 'kommuner'} er fordelt på "
            f"{w.clusters(finding.clusters)}"
        )
        if finding.clusters > 1 and top == 1:
            text += f"; én klynge har {w.n(finding.max_per_cluster)} af de "
            text += f"{w.n(finding.agreements)} aftaler"
    else:
        text = (
            f"{w.n(finding.agreements)} "
            f"{'agreement' if finding.agreements == 1 else 'agreements'} with "
            f"{w.n(finding.municipalities)} "
            f"{'municipality' if finding.municipalities == 1 else 'municipalities'} "
            f"{'is' if finding.agreements == 1 else 'are'} spread "
            f"over {w.clusters(finding.clusters)}"
        )
        if finding.clusters > 1 and top == 1:
            text += f"; one cluster holds {w.n(finding.max_per_cluster)} of the "
            text += f"{w.n(finding.agreements)}"
    return Sentence(key, text)


def _strategy_support(w: _Writer) -> Sentence:
    key = "strategy_support"
    finding = w.f.strategy_support
    topic = ("regionens indsatser", "the region's efforts")
    if finding.base == 0:
        return Sentence(key, w.nobody(*topic))
    if finding.answered == 0:
        return Sentence(key, w.no_answers(finding.base, *topic))
    if not finding.by_effort:
        text = (
            f"{w.of(finding.answered, finding.base)} har svaret, men ingen peger på en indsats"
            if w.da
            else f"{w.of(finding.answered, finding.base)} answered, but none names an effort"
        )
        return Sentence(key, text)
    most = max(finding.by_effort.values())
    top = [w.f.name_of("effort", slug) for slug, n in finding.by_effort.items() if n == most]
    names = w.join(top)
    if w.da:
        text = (
            f"{w.of(finding.answered, finding.base)} har peget på regionens indsatser, "
            f"de kan bidrage til; flest peger på {names} ({w.clusters(most)})"
        )
    else:
        text = (
            f"{w.of(finding.answered, finding.base)} named the region's efforts they can "
            f"contribute to; most named {names} ({w.clusters(most)})"
        )
    return Sentence(key, text + w.unanswered(finding.answered, finding.base))


def _group_phrase(w: _Writer, group: MembersGroup, da: str, en: str) -> str:
    """ "de 7 fysisk tilstedeværende klynger har tilsammen 323 medlemmer i regionen"."""
    label = f"{w.clusters(group.clusters)} {da if w.da else en}"
    if group.members_region is None:
        return f"{label} har ikke oplyst medlemstal" if w.da else f"{label} reported no members"
    at_least = group.reported < group.clusters
    if w.da:
        q = "mindst " if at_least else ""
        noun = "medlem" if group.members_region == 1 else "medlemmer"
        return f"{label} har tilsammen {q}{w.n(group.members_region)} {noun} i regionen"
    q = "at least " if at_least else ""
    verb = "has" if group.clusters == 1 else "have"
    noun = "member" if group.members_region == 1 else "members"
    return f"{label} {verb} {q}{w.n(group.members_region)} {noun} in the region"


def _presence_vs_members(w: _Writer) -> Sentence:
    key = "presence_vs_members"
    finding = w.f.presence_vs_members
    if w.f.responded == 0:
        return Sentence(key, w.nobody("medlemmer og tilstedeværelse", "members and presence"))
    if finding.present.clusters + finding.absent.clusters == 0:
        return Sentence(
            key, w.no_answers(w.f.responded, "fysisk tilstedeværelse", "physical presence")
        )
    present = _group_phrase(
        w, finding.present, "med fysisk tilstedeværelse", "with a physical presence"
    )
    absent = _group_phrase(
        w, finding.absent, "uden fysisk tilstedeværelse", "without a physical presence"
    )
    text = f"{present}; {absent}"
    return Sentence(key, text[0].upper() + text[1:])


def _consistency(w: _Writer) -> Sentence:
    key = "consistency"
    issues = w.f.consistency
    if w.f.responded == 0:
        return Sentence(key, w.nobody("medlemstallene", "the member figures"))
    if not issues:
        text = (
            "De oplyste medlemstal hænger sammen for alle klynger"
            if w.da
            else "The member figures given are consistent for every cluster"
        )
        return Sentence(key, text)
    names = {e.cluster: e.name for e in w.f.detail(key)}
    flagged = sorted({names.get(i.cluster, i.cluster) for i in issues})
    if w.da:
        text = f"De oplyste medlemstal hænger ikke sammen for {w.clusters(len(flagged))}"
    else:
        text = f"The member figures given are inconsistent for {w.clusters(len(flagged))}"
    footnote = "; ".join(f"{names.get(i.cluster, i.cluster)}: {i.detail}" for i in issues)
    return Sentence(key, f"{text}: {', '.join(flagged)}", footnote)


def _response_rate(w: _Writer) -> Sentence:
    r = w.f.response_rate
    if r.base == 0:
        return Sentence(
            "response_rate",
            "Ingen klynger er inviteret i runden" if w.da else "No cluster is invited in the round",
        )
    pct = format_percent(r.percent, w.lang)
    if w.da:
        text = f"{w.n(r.count)} ud af {w.clusters(r.base)} har svaret ({pct})"
        if r.partial:
            text += f", heraf {w.n(r.partial)} delvist"
    else:
        text = f"{w.n(r.count)} of {w.clusters(r.base)} responded ({pct})"
        if r.partial:
            text += f", {w.n(r.partial)} of them partially"
    return Sentence("response_rate", text)


def sentences(findings: Findings, lang: Lang = "da") -> tuple[Sentence, ...]:
    """One sentence per finding, in the spec's order, in Danish (default) or English."""
    if lang not in LANGS:
        raise ValueError(f"unknown language: {lang} (expected da or en)")
    w = _Writer(findings, lang)
    special = {
        "response_rate": _response_rate,
        "physical_presence": _physical_presence,
        "municipal_agreements": _municipal_agreements,
        "strategy_support": _strategy_support,
        "presence_vs_members": _presence_vs_members,
        "consistency": _consistency,
    }
    result = []
    for key in FINDING_KEYS:
        finding = getattr(findings, key)
        if key in special:
            result.append(special[key](w))
        elif key in TOTAL_PHRASES:
            result.append(_total_sentence(w, key, finding))
        else:
            result.append(_count_sentence(w, key, finding, *_count_words(w, key, finding)))
    return tuple(result)
