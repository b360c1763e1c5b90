"""Edges the rules must hold and texts users read, pinned so that a changed rule is noticed."""

from __future__ import annotations

from datetime import date

import pytest

from klyngeradar.core.findings.rules import compute_findings
from klyngeradar.core.surveys.responses import Response, RoundData, RoundInfo

NONE = frozenset()


def cluster(slug, **answers):
    answers = {key.replace("__", "."): value for key, value in answers.items()}
    return Response(slug, "complete", answers, {})


def findings_of(*responses):
    info = RoundInfo(region="1081", since=date(2021, 1, 1), organisation="BRN", title="Test")
    return compute_findings(RoundData(info, tuple(responses)))


def outcomes(findings, key):
    return {evidence.cluster: evidence.outcome for evidence in findings.detail(key)}


def test_it_does_not_count_a_cluster_with_zero_regional_members_as_having_members():
    findings = findings_of(
        cluster("a", members__region=0), cluster("b", members__region=1), cluster("c")
    )
    members = findings.members_any
    assert (members.count, members.answered) == (1, 2)
    assert outcomes(findings, "members_any") == {
        "a": "excluded",
        "b": "included",
        "c": "unanswered",
    }


@pytest.mark.parametrize(
    ("answers", "no_agreement"),
    [
        ({"agreements__actors": NONE, "agreements__municipalities": NONE}, True),
        ({"agreements__actors": NONE}, True),
        ({"agreements__municipalities": NONE}, True),
        ({"agreements__actors": NONE, "agreements__other": "Aalborg Havn"}, False),
        ({"agreements__other": "Aalborg Havn"}, False),
        ({"agreements__actors": frozenset({"brn"})}, False),
        ({"agreements__municipalities": frozenset({"851"}), "agreements__actors": NONE}, False),
        ({}, False),
    ],
)
def test_it_counts_no_agreement_only_when_every_answered_party_question_is_empty(
    answers, no_agreement
):
    findings = findings_of(cluster("a", **answers))
    assert findings.agreements_none.count == int(no_agreement)
    expected = "included" if no_agreement else ("unanswered" if not answers else "excluded")
    assert outcomes(findings, "agreements_none") == {"a": expected}
