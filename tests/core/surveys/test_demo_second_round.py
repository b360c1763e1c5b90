"""The demo's second round (2025, fictitious) tells the two-round story against 2023."""

from klyngeradar.core.findings.comparison import compare_rounds
from klyngeradar.core.findings.rules import compute_findings
from klyngeradar.core.surveys.demo import demo_data, demo_round, demo_round_2025


def test_it_is_labelled_as_fictitious_and_as_2025():
    note = demo_data("round-2025.json")["note"]
    assert "Fiktive data" in note and "fictitious" in note.lower()
    info = demo_round_2025().info
    assert (info.region, info.year, info.organisation) == ("1081", 2025, "BRN")
    assert "demo" in info.title and "2025" in info.title


def test_it_invites_the_eleven_clusters_of_the_new_programme_all_of_which_answered():
    round = demo_round_2025()
    assert round.invited == 11 and len(round.responders) == 11
    assert compute_findings(round).consistency == ()


def test_it_compares_with_2023_showing_who_entered_left_and_moved():
    result = compare_rounds(demo_round(), demo_round_2025())
    assert (result.entered, result.left) == (("klynge-m",), ("klynge-k", "klynge-l"))
    assert len(result.panel) == 10
    moves = {(m.cluster, m.change) for m in result.movements}
    assert moves == {
        ("klynge-a", "agreement_added"),
        ("klynge-a", "agreement_ended"),
        ("klynge-c", "agreement_added"),
        ("klynge-e", "presence_closed"),
        ("klynge-h", "presence_opened"),
    }
    assert "period_changed" in result.changes["participation_persons"].qualifiers
    assert result.warnings == ()
