"""The priorities rule: groups by fit × engagement, the ranked shortlist and the analyst's pins."""

from __future__ import annotations

from datetime import date

import pytest

from klyngeradar.core.strategy.engagement import Engagement, EngagementScore, EngagementWeights
from klyngeradar.core.strategy.fit import FitCell, FitMatrix, FitRow
from klyngeradar.core.strategy.plan import Effort, Strategy
from klyngeradar.core.strategy.priorities import (
    SHORTLIST_CLUSTERS,
    NextStep,
    ShortlistOverride,
    default_next_steps,
    priorities,
    rank_calls,
)
from klyngeradar.core.strategy.recommendations import (
    EffortCall,
    Recommendation,
    Recommendations,
    Thresholds,
)

EFFORTS = (Effort("a", "Effort A"), Effort("b", "Effort B"), Effort("c", "Effort C"))


def recs(*clusters, calls=(), thresholds=None):
    """Recommendations from ``(slug, fit, engagement)`` triples; None is unknown.

    The fit is put in the first effort's cell, so a row's score is exactly `fit`.
    A cluster with fit ≥ 2 and engagement ≥ 50 gets the agreement model, with fit
    ≥ 2 otherwise something concrete, else none: the models are only carried along.
    """
    rows, scores, recommendations = [], [], []
    for slug, fit, score in clusters:
        cells = (("a", FitCell(fit, "survey") if fit is not None else FitCell()),)
        rows.append(FitRow(slug, slug.upper(), fit is not None or score is not None, cells))
        scores.append(EngagementScore(slug, slug.upper(), score, ()))
        code = None
        if fit is not None and fit >= 2:
            high = score is not None and score >= 50
            code = "cross_municipal_agreement" if high else "concrete_collaboration"
        recommendations.append(Recommendation(slug, slug.upper(), code, (), ()))
    effort_calls = tuple(
        EffortCall(next(e for e in EFFORTS if e.slug == effort), supporters, ())
        for effort, supporters in calls
    )
    return Recommendations(
        strategy=Strategy(None, EFFORTS),
        thresholds=thresholds or Thresholds(),
        fit=FitMatrix(EFFORTS, tuple(rows)),
        engagement=Engagement(tuple(scores), EngagementWeights(), None),
        members_bar=None,
        clusters=tuple(recommendations),
        effort_calls=effort_calls,
        region=(),
    )


def subjects(items):
    return [item.subject for item in items]


@pytest.mark.parametrize(
    ("clusters", "shortlist"),
    [
        # No clusters at all: nothing to rank.
        ((), []),
        # One cluster with high fit: it is the list (the median of one score is itself).
        ((("a", 3, 40),), ["a"]),
        # One cluster with low fit: keep informed, not on the list.
        ((("a", 1, 90),), []),
        # High fit and high engagement (≥ the median, 50) before high fit alone, whatever
        # the fit: "low_e" has the highest fit but comes last.
        ((("low_e", 9, 10), ("high_e", 2, 90), ("mid", 5, 50)), ["mid", "high_e", "low_e"]),
        # Within a group: fit first, then engagement (median 80; "w" has low fit).
        ((("x", 4, 80), ("y", 6, 80), ("z", 6, 90), ("w", 1, 10)), ["z", "y", "x"]),
        # A full tie on fit and engagement: by name, so the order never depends on input order.
        ((("b", 4, 60), ("c", 4, 60), ("a", 4, 60)), ["a", "b", "c"]),
        # Unknown fit or engagement: left out of the picture and the list.
        ((("known", 4, 60), ("nofit", None, 80), ("noeng", 6, None)), ["known"]),
    ],
)
def test_it_ranks_the_clusters_by_the_written_rule(clusters, shortlist):
    found = priorities(recs(*clusters))
    assert subjects(found.clusters) == shortlist
    assert [i.rank for i in found.clusters] == list(range(1, len(shortlist) + 1))
    assert all(i.source == "rule" and i.rule_rank == i.rank for i in found.clusters)


def test_it_places_each_cluster_in_one_of_four_groups_around_the_bars():
    found = priorities(
        recs(("first", 4, 80), ("build", 4, 20), ("engaged", 1, 80), ("inform", 1, 20))
    )
    assert found.fit_bar == 2
    assert found.engagement_bar == 50 and found.engagement_bar_is_median
    assert {p.cluster: p.group for p in found.placements} == {
        "first": "act_first",
        "build": "build",
        "engaged": "engaged",
        "inform": "inform",
    }


def test_it_uses_the_rules_engagement_bar_when_the_analyst_set_one():
    found = priorities(recs(("a", 4, 60), ("b", 4, 70), thresholds=Thresholds(high_engagement=65)))
    assert found.engagement_bar == 65 and not found.engagement_bar_is_median
    assert [p.group for p in found.placements] == ["build", "act_first"]


@pytest.mark.parametrize(
    ("clusters", "missing"),
    [
        ((("a", None, 40), ("b", 2, 40)), {"a": "fit"}),
        ((("a", 3, None), ("b", 2, 40)), {"a": "engagement"}),
        ((("a", None, None), ("b", 2, 40)), {"a": "both"}),
    ],
)
def test_it_leaves_a_cluster_without_fit_or_engagement_out_and_says_why(clusters, missing):
    found = priorities(recs(*clusters))
    assert {p.cluster: p.missing for p in found.left_out} == missing
    assert [p.cluster for p in found.placed] == ["b"]


def test_it_places_nobody_when_no_cluster_has_an_engagement_score():
    found = priorities(recs(("a", 3, None), ("b", 2, None)))
    assert found.engagement_bar is None
    assert found.placed == () and len(found.left_out) == 2


def test_it_keeps_the_shortlist_short():
    many = [(f"c{i:02}", 3, 50 + i) for i in range(10)]
    found = priorities(recs(*many))
    assert len(found.clusters) == SHORTLIST_CLUSTERS
    assert subjects(found.clusters)[0] == "c09"


@pytest.mark.parametrize(
    ("calls", "order"),
    [
        # More clusters behind it first.
        ((("a", ("x", "y", "z")), ("b", ("x", "y", "z", "w"))), ["b", "a"]),
        # The same support: the supporters' total fit with the effort decides.
        ((("b", ("x", "y")), ("a", ("x", "z"))), ["a", "b"]),
        # A full tie: the strategy's order.
        ((("c", ("x", "y")), ("b", ("x", "y"))), ["b", "c"]),
    ],
)
def test_it_ranks_targeted_calls_by_support_then_fit(calls, order):
    # Fit lives in effort a's cell, so only effort a's supporters add fit: x 3, y 1, z 3.
    rec = recs(("x", 3, 50), ("y", 1, 50), ("z", 3, 50), ("w", 0, 50), calls=calls)
    ranked = rank_calls(rec)
    assert [c.call.effort.slug for c in ranked] == order
    assert [c.rank for c in ranked] == list(range(1, len(order) + 1))
    assert ranked[0].support == len(ranked[0].call.clusters)


def test_it_puts_the_analysts_pins_first_in_their_order_and_drops_the_excluded():
    rec = recs(("a", 6, 90), ("b", 5, 80), ("c", 4, 70), ("d", 1, 10))
    found = priorities(
        rec,
        (
            ShortlistOverride("cluster", "d", "pinned", position=2, reason="ny strategi"),
            ShortlistOverride("cluster", "c", "pinned", position=1),
            ShortlistOverride("cluster", "a", "excluded", reason="har aftale allerede"),
            ShortlistOverride("cluster", "gone", "pinned", position=3),
        ),
    )
    assert subjects(found.clusters) == ["c", "d", "b"]
    c, d, b = found.clusters
    assert (c.source, c.rule_rank, c.rank) == ("analyst", 3, 1)
    assert (d.source, d.rule_rank, d.reason) == ("analyst", None, "ny strategi")
    assert (b.source, b.rule_rank, b.rank) == ("rule", 2, 3)
    assert subjects(found.excluded) == ["a"] and found.excluded[0].rule_rank == 1
    assert [o.subject for o in found.unmatched] == ["gone"]
    assert found.overridden


def test_it_lets_the_analyst_pin_an_effort_the_rule_does_not_call():
    rec = recs(("x", 3, 50), ("y", 3, 50), calls=(("a", ("x", "y")),))
    found = priorities(rec, (ShortlistOverride("effort", "b", "pinned"),))
    assert subjects(found.efforts) == ["b", "a"]
    assert found.efforts[0].rule_rank is None and found.efforts[0].support == 0


def test_it_drafts_next_steps_from_the_shortlist_marked_as_drafts():
    rec = recs(("a", 6, 90), ("b", 5, 10), calls=(("a", ("a", "b")),))
    steps = default_next_steps(priorities(rec), rec)
    assert all(step.draft and step.missing == ("owner", "due", "budget") for step in steps)
    texts = [step.text for step in steps]
    assert texts[0] == "Indled dialog om en tværkommunal aftale med A"
    assert texts[1].startswith("Aftal en konkret aktivitet") and texts[1].endswith("med B")
    assert texts[2] == "Forbered et målrettet udbud inden for »Effort A«"
    assert texts[-1].startswith("Gentag surveyen")


def test_it_drafts_only_the_follow_up_without_any_cluster():
    rec = recs()
    assert [s.text for s in default_next_steps(priorities(rec), rec, "en")] == [
        "Repeat the survey in a year and compare with this year"
    ]


@pytest.mark.parametrize(
    ("step", "missing"),
    [
        (NextStep("x", "Anna", date(2026, 3, 1), 100_000), ()),
        (NextStep("x", "  ", date(2026, 3, 1), 0), ("owner",)),
        (NextStep("x", None, None, None), ("owner", "due", "budget")),
    ],
)
def test_it_names_what_a_next_step_is_missing(step, missing):
    assert step.missing == missing


@pytest.mark.parametrize(("text", "budget"), [(" ", None), ("x", -1)])
def test_it_refuses_a_next_step_without_text_or_with_a_negative_budget(text, budget):
    with pytest.raises(ValueError):
        NextStep(text, budget=budget)


def decide(rec, *decisions):
    """The recommendations with the analyst's decisions: ``(kind, subject, verdict, model)``."""
    from klyngeradar.core.strategy.decisions import AnalystDecision, apply_decisions

    made = []
    for kind, subject, verdict, chosen in decisions:
        current = next(
            (r.model for r in rec.clusters if r.cluster == subject)
            if kind == "cluster"
            else (c.model for c in rec.effort_calls if c.effort.slug == subject),
            None,
        )
        made.append(
            AnalystDecision(
                subject_kind=kind,
                subject=subject,
                verdict=verdict,
                model=current if verdict == "accepted" else chosen,
                recommended=current,
                reason=None if verdict == "accepted" else "Ikke i år",
            )
        )
    return apply_decisions(rec, made)


# a, b and c have high fit and high engagement (bar 50), d high fit only, e low fit.
FOUR = (("a", 6, 90), ("b", 5, 80), ("c", 4, 85), ("d", 3, 10), ("e", 1, 90))


@pytest.mark.parametrize(
    ("decisions", "overrides", "shortlist", "rejected"),
    [
        # No decision: the rule alone.
        ((), (), ["a", "b", "c", "d"], []),
        # A rejected cluster is left off and set aside; the rest move up.
        ((("cluster", "a", "rejected", None),), (), ["b", "c", "d"], ["a"]),
        # Two rejected, in the rule's order.
        (
            (("cluster", "c", "rejected", None), ("cluster", "a", "rejected", None)),
            (),
            ["b", "d"],
            ["a", "c"],
        ),
        # Accepted and changed stay on the list where the rule puts them.
        (
            (
                ("cluster", "a", "accepted", None),
                ("cluster", "b", "changed", "concrete_collaboration"),
            ),
            (),
            ["a", "b", "c", "d"],
            [],
        ),
        # A rejected cluster outside the rule's groups is not "set aside": it was never in.
        ((("cluster", "e", "rejected", None),), (), ["a", "b", "c", "d"], []),
        # The analyst may still pin a rejected cluster: the pin wins, and it is not set aside.
        (
            (("cluster", "a", "rejected", None),),
            (ShortlistOverride("cluster", "a", "pinned"),),
            ["a", "b", "c", "d"],
            [],
        ),
        # Removed by the analyst as well: listed as removed, not twice.
        (
            (("cluster", "a", "rejected", None),),
            (ShortlistOverride("cluster", "a", "excluded"),),
            ["b", "c", "d"],
            [],
        ),
    ],
    ids=[
        "none",
        "rejected",
        "two-rejected",
        "accepted-changed",
        "not-eligible",
        "pinned",
        "removed",
    ],
)
def test_it_leaves_off_what_the_analyst_rejected(decisions, overrides, shortlist, rejected):
    rec = recs(*FOUR, thresholds=Thresholds(high_engagement=50))
    found = priorities(decide(rec, *decisions), overrides)
    assert subjects(found.clusters) == shortlist
    assert subjects(found.rejected) == rejected
    assert all(i.verdict == "rejected" and i.rule_rank is None for i in found.rejected)
    # The rule ranks what is left without gaps.
    rule_ranks = [i.rule_rank for i in found.clusters if i.source == "rule"]
    assert rule_ranks == list(range(1, len(rule_ranks) + 1))


def test_it_carries_an_accepted_or_changed_model_as_decided():
    rec = recs(*FOUR, thresholds=Thresholds(high_engagement=50))
    found = priorities(
        decide(
            rec,
            ("cluster", "a", "accepted", None),
            ("cluster", "b", "changed", "shared_environment"),
        )
    )
    a, b, c, _d = found.clusters
    assert (a.verdict, a.model, a.recommended, a.decided) == (
        "accepted",
        "cross_municipal_agreement",
        "cross_municipal_agreement",
        True,
    )
    assert (b.verdict, b.model, b.recommended, b.decided) == (
        "changed",
        "shared_environment",
        "cross_municipal_agreement",
        True,
    )
    assert b.decision_reason == "Ikke i år"
    assert (c.verdict, c.model, c.decided) == (None, "cross_municipal_agreement", False)


def test_a_pinned_rejected_cluster_is_the_analysts_and_not_the_rules():
    rec = recs(*FOUR, thresholds=Thresholds(high_engagement=50))
    found = priorities(
        decide(rec, ("cluster", "a", "rejected", None)),
        (ShortlistOverride("cluster", "a", "pinned", reason="alligevel"),),
    )
    first = found.clusters[0]
    assert (first.subject, first.source, first.rule_rank, first.verdict, first.model) == (
        "a",
        "analyst",
        None,
        "rejected",
        None,
    )


def test_it_leaves_off_a_targeted_call_the_analyst_rejected():
    rec = recs(
        ("x", 3, 50), ("y", 3, 50), ("z", 3, 50), calls=(("a", ("x", "y", "z")), ("b", ("x", "y")))
    )
    found = priorities(decide(rec, ("effort", "a", "rejected", None)))
    assert subjects(found.efforts) == ["b"]
    assert found.efforts[0].rule_rank == 1
    assert subjects(found.rejected) == ["a"] and found.rejected[0].kind == "effort"


def test_the_drafted_next_steps_follow_the_decided_model():
    rec = recs(("a", 6, 90), ("b", 5, 80))
    found = priorities(
        decide(
            rec,
            ("cluster", "a", "changed", "concrete_collaboration"),
            ("cluster", "b", "rejected", None),
        )
    )
    texts = [s.text for s in default_next_steps(found, rec)]
    assert texts[0] == "Aftal en konkret aktivitet (temadag, projekt) med A"
    assert not any("B" in text.split("med ")[-1] for text in texts if "med " in text)
