import dataclasses
import re
from decimal import Decimal

import pytest

from klyngeradar.core.problems import InputError
from klyngeradar.core.strategy.catalogue import CHECKLIST, MODELS, model
from klyngeradar.core.strategy.plan import Effort, Strategy
from klyngeradar.core.strategy.recommendations import (
    _TEXTS,
    Reason,
    Thresholds,
    _variant,
    reason_text,
    recommend,
)
from klyngeradar.core.surveys.responses import Response, RoundData, RoundInfo

STRATEGY = Strategy("V", (Effort("a", "Effort A"), Effort("b", "Effort B")))


def cluster(slug, *, efforts=None, presence=None, members=None, agreements=None, **more):
    """A complete response; `efforts`/`agreements` are sets of slugs, None leaves them out."""
    answers = {
        "strategy.efforts": efforts,
        "presence.type": presence,
        "members.region": members,
        "agreements.actors": agreements,
        **{k.replace("__", "."): v for k, v in more.items()},
    }
    answers = {
        k: frozenset(v) if isinstance(v, set) else v for k, v in answers.items() if v is not None
    }
    return Response(slug, "complete", answers, name=slug.upper())


def absent(slug):
    return Response(slug, "none", name=slug.upper())


def run(*responses, thresholds=None, overrides=None, strategy=STRATEGY):
    thresholds = thresholds or Thresholds()
    round = RoundData(RoundInfo(), tuple(responses))
    return recommend(round, strategy=strategy, overrides=overrides, thresholds=thresholds)


def codes(recommendation):
    return [r.code for r in recommendation.reasons]


# Two peers with 10 and 30 members: a subject with 40 is above the median (30); with 20 it is
# the median itself, a tie, which is not above.
LOW_PEER = cluster("low", members=10)
HIGH_PEER = cluster("high", members=30)


@pytest.mark.parametrize(
    ("subject", "model_code", "reason_codes"),
    [
        (
            cluster("x", efforts={"a"}, presence="own_office", members=40),
            "cross_municipal_agreement",
            ["fit_high", "presence", "members_above"],
        ),
        (
            cluster("x", efforts={"a"}, presence="colocated_business_hub", members=40),
            "cross_municipal_agreement",
            ["fit_high", "presence", "members_above"],
        ),
        (
            cluster("x", efforts={"a"}, presence="none", agreements={"brn"}, members=40),
            "cross_municipal_agreement",
            ["fit_high", "agreement", "members_above"],
        ),
        (
            cluster("x", efforts={"a", "b"}, presence="own_office", agreements={"brn"}, members=40),
            "cross_municipal_agreement",
            ["fit_high", "presence", "agreement", "members_above"],
        ),
        (
            cluster("x", efforts={"a"}, presence="own_office", members=20),
            "concrete_collaboration",
            ["fit_high", "members_not_above"],
        ),
        (
            cluster("x", efforts={"a"}, presence="none", agreements=set(), members=40),
            "concrete_collaboration",
            ["fit_high", "no_presence", "no_agreement"],
        ),
        (
            cluster("x", efforts={"a"}, members=40),
            "concrete_collaboration",
            ["fit_high", "presence_unknown", "agreement_unknown"],
        ),
        (
            cluster("x", efforts={"a"}, presence="own_office"),
            "concrete_collaboration",
            ["fit_high", "members_unknown"],
        ),
        (
            cluster("x", efforts=set(), presence="own_office", members=40),
            None,
            ["fit_low", "keep_informed"],
        ),
        (
            cluster("x", presence="own_office", members=40),
            None,
            ["fit_unknown", "keep_informed"],
        ),
        (absent("x"), None, ["no_response", "keep_informed"]),
    ],
    ids=[
        "fit+office+members-above",
        "fit+colocated+members-above",
        "fit+agreement+members-above",
        "fit+office+agreement+members-above",
        "fit+office+members-at-median",
        "fit+no-presence-no-agreement",
        "fit+presence-and-agreements-unreported",
        "fit+members-unreported",
        "ticked-no-effort",
        "efforts-unanswered",
        "did-not-respond",
    ],
)
def test_it_chooses_the_model_by_the_specs_rules(subject, model_code, reason_codes):
    result = run(subject, LOW_PEER, HIGH_PEER).for_cluster("x")
    assert result.model == model_code
    assert codes(result) == reason_codes


def test_it_lists_the_checklist_with_a_model_and_none_without():
    result = run(
        cluster("x", efforts={"a"}, presence="own_office", members=40),
        cluster("y", efforts=set()),
    )
    assert result.for_cluster("x").checklist == CHECKLIST
    assert result.for_cluster("y").checklist == ()


def test_it_puts_the_facts_that_fired_a_rule_in_the_reasons():
    result = run(
        cluster("x", efforts={"a", "b"}, agreements={"brn", "aau"}, members=40), LOW_PEER, HIGH_PEER
    )
    fit, agreement, members = result.for_cluster("x").reasons
    assert fit == Reason(
        "fit_high", {"score": 4, "threshold": 2, "efforts": ("Effort A", "Effort B")}
    )
    assert agreement == Reason("agreement", {"count": 2})
    assert members == Reason("members_above", {"members": 40, "bar": 30, "median": True})


@pytest.mark.parametrize(
    ("high_fit", "model_code"),
    [(2, "concrete_collaboration"), (4, "concrete_collaboration"), (5, None)],
)
def test_it_takes_high_fit_at_or_above_the_threshold(high_fit, model_code):
    subject = cluster("x", efforts={"a", "b"}, presence="none")
    result = run(subject, thresholds=Thresholds(high_fit=high_fit)).for_cluster("x")
    assert result.model == model_code


def test_it_counts_the_analysts_fit_with_its_note_over_the_survey():
    subject = cluster("x", efforts={"a"}, presence="own_office", members=40)
    result = run(subject, LOW_PEER, HIGH_PEER, overrides={("x", "a"): (0, "Not relevant here")})
    assert result.for_cluster("x").model is None
    assert result.fit.row("x").cell("a").note == "Not relevant here"


def test_it_can_recommend_a_model_for_a_silent_cluster_the_analyst_rated():
    result = run(absent("x"), overrides={("x", "a"): (3, "Known partner")})
    assert result.for_cluster("x").model == "concrete_collaboration"
    assert codes(result.for_cluster("x")) == [
        "fit_high",
        "presence_unknown",
        "agreement_unknown",
        "members_unknown",
    ]


@pytest.mark.parametrize(
    ("members", "median", "above"),
    [
        ((10, 20, 30), 20, (False, False, True)),
        ((10, 20, 20, 30), 20, (False, False, False, True)),
        ((10, 15, 30, 40), 22.5, (False, False, True, True)),
        ((20, 20, 20), 20, (False, False, False)),
        ((0, 0, 5), 0, (False, False, True)),
    ],
    ids=["odd", "tie-at-median", "even", "all-equal", "zeros"],
)
def test_it_needs_members_strictly_above_the_median_so_ties_do_not_count(members, median, above):
    responses = [
        cluster(f"c{i}", efforts={"a"}, presence="own_office", members=m)
        for i, m in enumerate(members)
    ]
    result = run(*responses)
    assert result.members_bar == median
    assert tuple(r.model == "cross_municipal_agreement" for r in result.clusters) == above


def test_it_leaves_clusters_with_unreported_members_out_of_the_median():
    result = run(cluster("x", members=10), cluster("y", members=30), cluster("z"))
    assert result.members_bar == 20


def test_it_can_use_a_fixed_members_bar_instead_of_the_median():
    subject = cluster("x", efforts={"a"}, presence="own_office", members=12)
    result = run(subject, LOW_PEER, HIGH_PEER, thresholds=Thresholds(members_above=11))
    assert result.members_bar == 11
    assert result.for_cluster("x").model == "cross_municipal_agreement"
    assert result.for_cluster("x").reasons[-1].params["median"] is False


@pytest.mark.parametrize(
    ("high_engagement", "model_code", "last_code"),
    [
        (None, "cross_municipal_agreement", "members_above"),
        (60, "cross_municipal_agreement", "engagement_high"),
        (90, "concrete_collaboration", "engagement_low"),
    ],
)
def test_it_can_also_require_an_engagement_score(high_engagement, model_code, last_code):
    # presence 1, members 40/40 = 1, dialogue "no" 0 → (20 + 20) / 50 = 80
    subject = cluster("x", efforts={"a"}, presence="own_office", members=40, dialogue__willing="no")
    thresholds = Thresholds(high_engagement=high_engagement)
    result = run(subject, LOW_PEER, HIGH_PEER, thresholds=thresholds).for_cluster("x")
    assert result.model == model_code
    assert codes(result)[-1] == last_code


def test_it_names_an_unknown_engagement_score_as_below_the_bar():
    result = run(
        absent("x"), overrides={("x", "a"): (2, "n")}, thresholds=Thresholds(high_engagement=10)
    )
    assert result.for_cluster("x").reasons[-1] == Reason(
        "engagement_low", {"score": None, "threshold": 10}
    )


# -- effort level -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("supporters", "minimum", "called"),
    [(2, 3, False), (3, 3, True), (4, 3, True), (2, 2, True), (1, 1, True), (0, 1, False)],
)
def test_it_calls_for_an_effort_supported_by_enough_clusters(supporters, minimum, called):
    responses = [cluster(f"c{i}", efforts={"a"}) for i in range(supporters)]
    responses.append(cluster("other", efforts={"b"}))
    result = run(*responses, thresholds=Thresholds(effort_call_min=minimum))
    calls = {c.effort.slug: c.clusters for c in result.effort_calls}
    assert ("a" in calls) is called
    if called:
        assert calls["a"] == tuple(f"c{i}" for i in range(supporters))


def test_it_counts_only_fit_at_or_above_the_support_level_for_a_call():
    result = run(
        cluster("x", efforts={"a"}),
        cluster("y", efforts={"a"}),
        absent("z"),
        overrides={("z", "a"): (1, "weak"), ("y", "b"): (3, "strong")},
        thresholds=Thresholds(effort_call_min=2),
    )
    assert [(c.effort.slug, c.clusters) for c in result.effort_calls] == [("a", ("x", "y"))]
    call = result.effort_calls[0]
    assert call.model == "targeted_call"
    assert call.reasons == (
        Reason(
            "effort_supported",
            {"effort": "Effort A", "count": 2, "support": 2, "minimum": 2, "clusters": ("X", "Y")},
        ),
    )
    assert call.checklist == CHECKLIST


# -- region level -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("without_presence", "fires"),
    [(2, False), (3, True), (4, True)],
)
def test_it_recommends_a_shared_environment_when_many_high_fit_clusters_are_not_present(
    without_presence, fires
):
    responses = [cluster(f"c{i}", efforts={"a"}, presence="none") for i in range(without_presence)]
    responses += [
        cluster("office", efforts={"a"}, presence="own_office"),
        cluster("low-fit", efforts=set(), presence="none"),
        cluster("unreported", efforts={"a"}),
    ]
    result = run(*responses)
    assert [r.model for r in result.region] == (["shared_environment"] if fires else [])
    if fires:
        (reason,) = result.region[0].reasons
        assert reason.code == "high_fit_without_presence"
        assert reason.params["clusters"] == tuple(f"C{i}" for i in range(without_presence))


def test_it_takes_many_from_the_thresholds():
    responses = [cluster("x", efforts={"a"}, presence="none")]
    assert run(*responses, thresholds=Thresholds(shared_environment_min=1)).region
    assert not run(*responses).region


# -- edge cases ---------------------------------------------------------------------------------


def test_it_keeps_every_cluster_informed_when_no_efforts_were_answered():
    result = run(
        cluster("x", presence="own_office", members=40), cluster("y", presence="none", members=1)
    )
    assert [r.model for r in result.clusters] == [None, None]
    assert [codes(r) for r in result.clusters] == [["fit_unknown", "keep_informed"]] * 2
    assert result.effort_calls == ()
    assert result.region == ()


def test_it_handles_a_round_where_every_cluster_is_absent():
    result = run(absent("x"), absent("y"), absent("z"))
    assert [codes(r) for r in result.clusters] == [["no_response", "keep_informed"]] * 3
    assert result.members_bar is None
    assert result.effort_calls == ()
    assert result.region == ()
    assert all(s.score is None for s in result.engagement.scores)


def test_it_handles_an_empty_round():
    result = run()
    assert result.clusters == ()
    assert result.as_dict()["recommendations"] == []


def test_it_never_finds_the_only_cluster_above_its_own_median():
    result = run(cluster("x", efforts={"a"}, presence="own_office", members=40))
    assert result.members_bar == 40
    assert result.for_cluster("x").model == "concrete_collaboration"
    assert codes(result.for_cluster("x"))[-1] == "members_not_above"


def test_it_takes_the_efforts_from_the_round_without_a_strategy():
    round = RoundData(RoundInfo(), (cluster("x", efforts={"q"}),))
    result = recommend(round)
    assert [e.slug for e in result.fit.efforts] == ["q"]
    assert result.for_cluster("x").model == "concrete_collaboration"


def test_it_is_pure_and_frozen():
    responses = (cluster("x", efforts={"a"}, presence="own_office", members=4), LOW_PEER)
    first, second = run(*responses), run(*responses)
    assert first == second
    with pytest.raises(dataclasses.FrozenInstanceError):
        first.clusters = ()


@pytest.mark.parametrize(
    "fields",
    [
        {"high_fit": 0},
        {"effort_call_min": 0},
        {"shared_environment_min": -1},
        {"members_above": -1},
        {"high_engagement": 101},
        {"high_fit": 2.5},
        {"effort_support": True},
    ],
)
def test_it_refuses_bad_thresholds(fields):
    with pytest.raises(InputError):
        Thresholds(**fields)


# -- sentences and the catalogue ----------------------------------------------------------------

EXAMPLES = [
    Reason("no_response"),
    Reason("fit_unknown"),
    Reason("fit_high", {"score": 4, "threshold": 2, "efforts": ("Grøn og cirkulær omstilling",)}),
    Reason("fit_high", {"score": 4, "threshold": 4, "efforts": ()}),
    Reason("fit_low", {"score": 1, "threshold": 2}),
    Reason("keep_informed"),
    Reason("presence", {"type": "colocated_business_hub"}),
    Reason("no_presence"),
    Reason("presence_unknown"),
    Reason("agreement", {"count": 1}),
    Reason("agreement", {"count": 3}),
    Reason("no_agreement"),
    Reason("agreement_unknown"),
    Reason("members_above", {"members": 1740, "bar": 22.5, "median": True}),
    Reason("members_above", {"members": 40, "bar": 30, "median": False}),
    Reason("members_not_above", {"members": 20, "bar": 20, "median": True}),
    Reason("members_not_above", {"members": 20, "bar": 30, "median": False}),
    Reason("members_unknown"),
    Reason("engagement_high", {"score": 80, "threshold": 60}),
    Reason("engagement_low", {"score": 40, "threshold": 60}),
    Reason("engagement_low", {"score": None, "threshold": 60}),
    Reason(
        "effort_supported",
        {"effort": "Effort A", "count": 3, "support": 2, "minimum": 3, "clusters": ("A", "B", "C")},
    ),
    Reason("high_fit_without_presence", {"count": 3, "minimum": 3, "clusters": ("A", "B", "C")}),
    Reason(
        "specialised",
        {
            "area": "Energiteknologi",
            "lq": Decimal("1.32"),
            "threshold": Decimal("1.2"),
            "year": 2023,
        },
    ),
]


@pytest.mark.parametrize("lang", ["da", "en"])
@pytest.mark.parametrize("reason", EXAMPLES, ids=lambda r: r.code)
def test_it_says_every_reason_as_a_full_sentence(reason, lang):
    text = reason_text(reason, lang)
    assert text[0].isupper() or text[0].isdigit()
    assert text.endswith(".")
    assert not re.search(r"[{}]", text)


def test_it_has_an_example_for_every_sentence():
    assert {_variant(r) for r in EXAMPLES} == set(_TEXTS)


@pytest.mark.parametrize(
    ("reason", "lang", "text"),
    [
        (EXAMPLES[13], "da", "1.740 medlemmer i regionen – over rundens median på 22,5."),
        (EXAMPLES[13], "en", "1,740 members in the region, above the round's median of 22.5."),
        (EXAMPLES[9], "da", "1 samarbejdsaftale med en aktør eller kommune i regionen."),
        (
            EXAMPLES[2],
            "da",
            "Højt fit med strategien: fit-score 4 (grænse 2); "
            "bidrager til »Grøn og cirkulær omstilling«.",
        ),
        (
            EXAMPLES[21],
            "en",
            "3 clusters contribute to the effort “Effort A” (fit ≥ 2; at least 3 needed): "
            "A, B and C.",
        ),
        (
            EXAMPLES[21],
            "da",
            "3 klynger bidrager til indsatsen »Effort A« (fit ≥ 2; mindst 3 kræves): A, B og C.",
        ),
    ],
)
def test_it_writes_danish_and_english_numbers_and_lists(reason, lang, text):
    assert reason_text(reason, lang) == text


def test_it_refuses_an_unknown_language():
    with pytest.raises(ValueError):
        reason_text(Reason("no_response"), "de")


def test_it_describes_the_four_models_in_danish_and_english():
    assert [m.code for m in MODELS] == [
        "cross_municipal_agreement",
        "targeted_call",
        "shared_environment",
        "concrete_collaboration",
    ]
    assert model("targeted_call").name() == "Satsning/udbud inden for en central indsats"
    assert model("shared_environment").name("en").startswith("A shared physical")
    assert all(m.description("da") and m.description("en") for m in MODELS)
    assert len(CHECKLIST) == 5
    with pytest.raises(KeyError):
        model("operating_grant")


def test_it_recommends_sensibly_on_the_demo_round():
    demo = pytest.importorskip("klyngeradar.core.surveys.demo")
    result = recommend(demo.demo_round())
    models = {r.cluster: r.model for r in result.clusters}
    # Every model appears; the one silent cluster is kept informed.
    assert set(models.values()) == {"cross_municipal_agreement", "concrete_collaboration", None}
    assert [c for c, m in models.items() if m is None] == ["klynge-m"]
    assert models["klynge-a"] == "cross_municipal_agreement"
    assert {c.effort.slug for c in result.effort_calls} >= {"digitalisering", "groen-omstilling"}
    assert [r.model for r in result.region] == ["shared_environment"]
    assert all(r.reasons for r in result.clusters)
    assert result.engagement.get("klynge-m").inputs == 0
