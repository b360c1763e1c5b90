"""The shortlist on the "Samarbejdsmodeller" page: the rule's order, the analyst's pins."""

from __future__ import annotations

import pytest
from django.urls import reverse

from klyngeradar.web.strategy.models import ShortlistChoice
from klyngeradar.web.strategy.priorities import round_priorities

pytestmark = pytest.mark.django_db


def models_url(round):
    return reverse("strategy:models", kwargs={"round_id": round.pk})


def shortlist_url(round):
    return reverse("strategy:shortlist", kwargs={"round_id": round.pk})


def choose(client, round, subject, action, kind="cluster", reason=""):
    return client.post(
        shortlist_url(round), {"kind": kind, "subject": subject, "action": action, "reason": reason}
    )


def listed(round):
    found = round_priorities(round)
    return [i.subject for i in (*found.clusters, *found.efforts)]


def test_it_shows_the_rules_shortlist_with_rank_and_reason(client_for, analyst, demo_round_db):
    page = client_for(analyst).get(models_url(demo_round_db)).content.decode()
    assert "Kortliste: det handler vi på først" in page
    assert "Regel: højt fit og højt engagement først" in page
    assert "Reglen (nr. 1)" in page
    assert 'id="shortlist-cluster-klynge-a"' in page
    assert "Fastgør" in page


def test_the_analyst_pins_a_cluster_first_and_it_keeps_its_history(
    client_for, analyst, demo_round_db
):
    client = client_for(analyst)
    assert "klynge-l" not in listed(demo_round_db)[:1]

    response = choose(client, demo_round_db, "klynge-l", "pin", reason="ny strategi")

    assert response.status_code == 302
    assert response["Location"].endswith("#shortlist")
    assert listed(demo_round_db)[0] == "klynge-l"
    stored = ShortlistChoice.objects.get(round=demo_round_db, subject="klynge-l")
    assert (stored.state, stored.reason, stored.changed_by) == ("pinned", "ny strategi", analyst)
    page = client.get(models_url(demo_round_db)).content.decode()
    assert "Analytikeren (reglen" in page and "ny strategi" in page

    choose(client, demo_round_db, "klynge-l", "reset")
    assert not ShortlistChoice.objects.filter(subject="klynge-l").exists()
    assert [h.history_type for h in ShortlistChoice.history.filter(subject="klynge-l")] == [
        "-",
        "+",
    ]


def test_the_analyst_reorders_the_pinned_and_removes_one(client_for, analyst, demo_round_db):
    client = client_for(analyst)
    for subject in ("klynge-b", "klynge-c"):
        choose(client, demo_round_db, subject, "pin")
    assert listed(demo_round_db)[:2] == ["klynge-b", "klynge-c"]

    choose(client, demo_round_db, "klynge-c", "up")
    assert listed(demo_round_db)[:2] == ["klynge-c", "klynge-b"]

    choose(client, demo_round_db, "klynge-a", "exclude", reason="har aftale")
    assert "klynge-a" not in listed(demo_round_db)
    page = client.get(models_url(demo_round_db)).content.decode()
    assert "Fjernet af analytikeren" in page and "har aftale" in page


def test_the_analyst_pins_an_effort(client_for, analyst, demo_round_db):
    client = client_for(analyst)
    response = choose(client, demo_round_db, "internationalisering", "pin", kind="effort")
    assert response.status_code == 302
    found = round_priorities(demo_round_db)
    assert found.efforts[0].subject == "internationalisering"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            {"kind": "cluster", "subject": "ukendt", "action": "pin"},
            "»ukendt« er ikke en klynge eller indsats i runden.",
        ),
        (
            {"kind": "cluster", "subject": "klynge-a", "action": "smid"},
            "Marker en gyldig valgmulighed",
        ),
    ],
)
def test_it_refuses_a_choice_for_nothing_on_the_page(
    client_for, analyst, demo_round_db, data, message
):
    response = client_for(analyst).post(shortlist_url(demo_round_db), data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not ShortlistChoice.objects.exists()


def test_it_moves_only_what_is_pinned(client_for, analyst, demo_round_db):
    client = client_for(analyst)
    response = choose(client, demo_round_db, "klynge-a", "up")
    assert response.status_code == 302
    page = client.get(models_url(demo_round_db)).content.decode()
    assert "Kun en fastgjort klynge eller indsats kan flyttes." in page


def test_a_viewer_sees_the_shortlist_but_cannot_change_it(client_for, viewer, demo_round_db):
    client = client_for(viewer)
    page = client.get(models_url(demo_round_db)).content.decode()
    assert "Kortliste: det handler vi på først" in page
    assert "Fastgør" not in page
    assert choose(client, demo_round_db, "klynge-l", "pin").status_code == 403
    assert not ShortlistChoice.objects.exists()


def test_a_respondent_gets_404(client_for, respondent_a, demo_round_db):
    assert choose(client_for(respondent_a), demo_round_db, "klynge-l", "pin").status_code == 404


def decide(round, subject, verdict, chosen="", reason=""):
    from klyngeradar.web.strategy.analysis import analyse
    from klyngeradar.web.strategy.models import Decision

    recommended = next(r.model for r in analyse(round).result.clusters if r.cluster == subject)
    return Decision.objects.create(
        round=round,
        level="cluster",
        subject=subject,
        recommended_model=recommended or "",
        verdict=verdict,
        chosen_model=chosen,
        reason=reason,
    )


def test_a_cluster_the_analyst_rejected_is_left_off_and_the_page_says_why(
    client_for, analyst, demo_round_db
):
    client = client_for(analyst)
    assert listed(demo_round_db)[0] == "klynge-a"

    decide(demo_round_db, "klynge-a", "rejected", reason="Ingen kapacitet i år")

    assert "klynge-a" not in listed(demo_round_db)
    page = client.get(models_url(demo_round_db)).content.decode()
    assert 'id="shortlist-cluster-klynge-a"' not in page
    assert "Ikke på listen: afvist af analytikeren" in page
    assert 'id="rejected-cluster-klynge-a"' in page and "Ingen kapacitet i år" in page

    # The analyst may still pin it: the pin wins over the rule.
    choose(client, demo_round_db, "klynge-a", "pin")
    assert listed(demo_round_db)[0] == "klynge-a"
    page = client.get(models_url(demo_round_db)).content.decode()
    assert 'id="rejected-cluster-klynge-a"' not in page
    assert "Analytikeren (reglen lister den ikke)" in page


def test_an_accepted_or_changed_model_is_shown_as_decided(client_for, viewer, demo_round_db):
    decide(demo_round_db, "klynge-a", "accepted")
    decide(demo_round_db, "klynge-b", "changed", chosen="targeted_call", reason="Udbud i 2026")

    page = client_for(viewer).get(models_url(demo_round_db)).content.decode()
    row_a = page.split('id="shortlist-cluster-klynge-a"')[1].split("</tr>")[0]
    row_b = page.split('id="shortlist-cluster-klynge-b"')[1].split("</tr>")[0]
    assert "Besluttet: " in row_a
    assert "Besluttet: Satsning/udbud inden for en central indsats" in row_b
    assert "(reglerne: " in row_b
    assert "Afvist af analytikeren" not in page


def test_a_decision_stored_past_the_pages_checks_does_not_break_the_shortlist(
    client_for, analyst, demo_round_db
):
    # A changed decision naming the recommended model: the core refuses it.
    decide(demo_round_db, "klynge-a", "changed", chosen="cross_municipal_agreement", reason="x")
    decide(demo_round_db, "klynge-b", "rejected", reason="Ikke i år")

    response = client_for(analyst).get(models_url(demo_round_db))

    assert response.status_code == 200
    assert listed(demo_round_db)[0] == "klynge-a"
    assert "klynge-b" not in listed(demo_round_db), "the sound decision still counts"
