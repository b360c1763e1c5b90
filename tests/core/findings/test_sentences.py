"""Findings in words: base spelled out, honest qualifiers, Danish number and date format."""

from datetime import date

import pytest

from klyngeradar.core.findings.rules import FINDING_KEYS, compute_findings
from klyngeradar.core.findings.sentences import format_date, sentences
from klyngeradar.core.surveys.demo import demo_round
from klyngeradar.core.surveys.responses import Choice, Response, RoundData, RoundInfo

INFO = RoundInfo(region="1081", since=date(2021, 1, 1), organisation="BRN", title="Test")


def said(responses, lang="da", info=INFO, **kwargs):
    """The sentences of a round, by key."""
    found = compute_findings(RoundData(info, tuple(responses), **kwargs))
    return {s.key: s for s in sentences(found, lang)}


def total_round(values, bases, question="participation.companies"):
    rows = [Response("silent", "complete")]
    for i, (value, basis) in enumerate(zip(values, bases, strict=True)):
        rows.append(Response(f"k{i}", "complete", {question: value}, {question: basis}))
    return rows


@pytest.fixture(scope="module")
def demo():
    found = compute_findings(demo_round())
    return {lang: {s.key: s for s in sentences(found, lang)} for lang in ("da", "en")}


@pytest.mark.parametrize("lang", ["da", "en"])
def test_it_gives_one_sentence_per_finding_in_the_spec_order(lang):
    found = compute_findings(demo_round())
    assert tuple(s.key for s in sentences(found, lang)) == FINDING_KEYS


@pytest.mark.parametrize(
    ("lang", "key", "text"),
    [
        ("da", "response_rate", "12 ud af 13 klynger har svaret (92 %)"),
        ("en", "response_rate", "12 of 13 clusters responded (92%)"),
        (
            "da",
            "participation_companies",
            "10 af 12 klynger har oplyst et skøn: mindst 1.740 unikke virksomheder fra regionen "
            "har deltaget i klyngernes aktiviteter siden 1. januar 2021",
        ),
        (
            "en",
            "participation_companies",
            "10 of 12 clusters gave estimates: at least 1,740 unique companies from the region "
            "have taken part in the clusters' activities since 1 January 2021",
        ),
        (
            "da",
            "physical_presence",
            "7 af 12 klynger er fysisk til stede i regionen: 5 med eget kontor og 2 i "
            "samlokation med Erhvervshuset",
        ),
        (
            "da",
            "members_region",
            "Alle 12 klynger har oplyst et tal (4 af dem skøn): tilsammen ca. 375 "
            "virksomhedsmedlemmer i regionen",
        ),
        (
            "en",
            "members_region",
            "All 12 clusters gave a figure (4 of them estimates): together about 375 company "
            "members in the region",
        ),
        (
            "da",
            "agreements_none",
            "4 af 12 klynger har ikke en samarbejdsaftale med en aktør i regionen",
        ),
        (
            "da",
            "municipal_agreements",
            "7 samarbejdsaftaler med 5 kommuner er fordelt på 3 klynger; "
            "én klynge har 4 af de 7 aftaler",
        ),
        (
            "en",
            "municipal_agreements",
            "7 agreements with 5 municipalities are spread over 3 clusters; "
            "one cluster holds 4 of the 7",
        ),
    ],
)
def test_it_reads_like_the_seeds_slides(demo, lang, key, text):
    assert demo[lang][key].text == text


def test_it_names_the_organisation_in_the_dialogue_sentence(demo):
    assert "dialog med BRN og kommunerne" in demo["da"]["dialogue_willing"].text
    assert "dialogue with BRN and the municipalities" in demo["en"]["dialogue_willing"].text


@pytest.mark.parametrize(
    ("values", "bases", "da", "en"),
    [
        (
            [1740],
            ["counted"],
            "1 af 2 klynger har oplyst et tal: mindst 1.740",
            "1 of 2 clusters gave a figure: at least 1,740",
        ),
        (
            [1740],
            ["estimated"],
            "har oplyst et skøn: mindst 1.740",
            "gave an estimate: at least 1,740",
        ),
        (
            [1000, 740],
            ["estimated", "counted"],
            "har oplyst et tal (1 af dem skøn): mindst 1.740",
            "gave a figure (1 of them estimates): at least 1,740",
        ),
    ],
)
def test_it_says_at_least_when_some_responders_did_not_report(values, bases, da, en):
    assert da in said(total_round(values, bases))["participation_companies"].text
    assert en in said(total_round(values, bases), "en")["participation_companies"].text


@pytest.mark.parametrize(
    ("bases", "da", "en"),
    [
        (["estimated", "counted"], "tilsammen ca. 30 ", "together about 30 "),
        (["counted", "counted"], "tilsammen 30 ", "together 30 "),
    ],
)
def test_it_says_about_when_estimates_are_included(bases, da, en):
    rows = [
        Response(f"k{i}", "complete", {"members.region": 15}, {"members.region": basis})
        for i, basis in enumerate(bases)
    ]
    assert da in said(rows)["members_region"].text
    assert en in said(rows, "en")["members_region"].text
    assert "mindst" not in said(rows)["members_region"].text


def test_it_adds_an_overlap_footnote_only_when_several_clusters_report_unique_companies():
    several = said(total_round([10, 20], ["counted", "counted"]))["participation_companies"]
    one = said(total_round([10], ["counted"]))["participation_companies"]
    assert "ikke unik på tværs af klyngerne" in several.footnote
    assert one.footnote is None


def test_it_footnotes_figures_whose_basis_was_not_stated():
    sentence = said(total_round([10, 20], [None, "counted"]), "en")["participation_companies"]
    assert "For 1 of the figures it was not stated" in sentence.footnote


@pytest.mark.parametrize("lang", ["da", "en"])
def test_it_gives_honest_sentences_for_an_empty_round(lang):
    texts = [s.text for s in sentences(compute_findings(RoundData(INFO, ())), lang)]
    assert len(texts) == len(FINDING_KEYS)
    assert texts[0] == (
        "Ingen klynger er inviteret i runden"
        if lang == "da"
        else "No cluster is invited in the round"
    )
    assert not any(" 0 " in text or text.startswith("0 ") for text in texts)


@pytest.mark.parametrize("lang", ["da", "en"])
def test_it_gives_honest_sentences_when_nobody_answered_a_question(lang):
    texts = said([Response("a", "complete"), Response("b", "complete")], lang)
    nobody = "Ingen af de 2 klynger" if lang == "da" else "None of the 2 clusters"
    for key in (
        "dialogue_willing",
        "members_region",
        "participation_companies",
        "strategy_support",
        "municipal_agreements",
    ):
        assert texts[key].text.startswith(nobody), texts[key].text
        assert " 0 " not in texts[key].text


def test_it_says_no_cluster_has_responded_when_all_invited_are_silent():
    texts = said([Response("a", "none")])
    assert texts["response_rate"].text == "0 ud af 1 klynge har svaret (0 %)"
    assert texts["members_region"].text.startswith("Ingen klynger har svaret")


@pytest.mark.parametrize(
    ("answers", "da", "en"),
    [
        (["yes", "no"], "1 af 2 klynger vil gerne", "1 of 2 clusters is willing"),
        (["yes", "yes"], "Alle 2 klynger vil gerne", "All 2 clusters are willing"),
        (["no", "maybe"], "Ingen af de 2 klynger vil gerne", "None of the 2 clusters are willing"),
    ],
)
def test_it_spells_out_the_base_of_a_count(answers, da, en):
    rows = [Response(f"k{i}", "complete", {"dialogue.willing": a}) for i, a in enumerate(answers)]
    assert said(rows)["dialogue_willing"].text.startswith(da)
    assert said(rows, "en")["dialogue_willing"].text.startswith(en)


def test_it_mentions_maybe_and_clusters_that_skipped_the_question():
    rows = [
        Response("a", "complete", {"presence.planned": "yes"}),
        Response("b", "complete", {"presence.planned": "maybe"}),
        Response("c", "partial"),
    ]
    text = said(rows)["presence_planned"].text
    assert text == (
        "1 af 3 klynger planlægger (mere) fysisk tilstedeværelse i regionen; 1 svarer måske "
        "(1 klynge har ikke besvaret spørgsmålet)"
    )


def test_it_avoids_a_double_negative_when_every_cluster_has_an_agreement():
    rows = [Response("a", "complete", {"agreements.actors": frozenset({"brn"})})]
    assert "står uden" in said(rows)["agreements_none"].text
    assert "har ikke" not in said(rows)["agreements_none"].text


def test_it_names_the_most_chosen_efforts():
    rows = [
        Response("a", "complete", {"strategy.efforts": frozenset({"x", "y"})}),
        Response("b", "complete", {"strategy.efforts": frozenset({"x", "y"})}),
    ]
    efforts = (Choice("x", "Digitalisering"), Choice("y", "Grøn omstilling"))
    assert said(rows, efforts=efforts)["strategy_support"].text.endswith(
        "flest peger på Digitalisering og Grøn omstilling (2 klynger)"
    )


def test_it_names_the_clusters_whose_member_figures_do_not_hang_together():
    rows = [
        Response("a", "complete", {"members.region": 50, "members.national": 40}, name="Klynge A"),
    ]
    sentence = said(rows, "en")["consistency"]
    assert sentence.text == "The member figures given are inconsistent for 1 cluster: Klynge A"
    assert "region (50) is above national (40)" in sentence.footnote


def test_it_leaves_out_the_period_when_the_round_has_no_start():
    info = RoundInfo(region="1081")
    rows = total_round([10], ["counted"], question="participation.persons")
    assert said(rows, info=info)["participation_persons"].text.endswith("aktiviteter")


def test_it_falls_back_to_the_region_when_the_round_names_no_organisation():
    rows = [Response("a", "complete", {"dialogue.willing": "yes"})]
    text = said(rows, info=RoundInfo(region="1081"))["dialogue_willing"].text
    assert "dialog med regionen og kommunerne" in text


@pytest.mark.parametrize(
    ("day", "da", "en"),
    [
        (date(2021, 1, 1), "1. januar 2021", "1 January 2021"),
        (date(2023, 10, 31), "31. oktober 2023", "31 October 2023"),
    ],
)
def test_it_writes_dates_the_danish_way(day, da, en):
    assert (format_date(day), format_date(day, "en")) == (da, en)


def test_it_refuses_an_unknown_language():
    with pytest.raises(ValueError):
        sentences(compute_findings(demo_round()), "de")


@pytest.mark.parametrize(
    ("lang", "wrong", "right"),
    [
        ("da", "de 1 klynger", "Ingen klynge (af 1)"),
        ("en", "the 1 clusters", "No cluster (of 1)"),
    ],
)
def test_it_speaks_of_a_single_cluster_in_the_singular(lang, wrong, right):
    texts = [s.text for s in said([Response("alone", "complete")], lang).values()]

    assert not [t for t in texts if wrong in t]
    assert any(t.startswith(right) for t in texts)
