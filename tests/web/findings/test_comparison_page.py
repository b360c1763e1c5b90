"""The comparison page: a round beside an earlier round of its region, for analyst and viewer."""

from __future__ import annotations

import re
from datetime import date

import pytest
from django.urls import reverse

from klyngeradar.core.findings.comparison import compare_rounds
from klyngeradar.core.findings.comparison_sentences import comparison_sentences
from klyngeradar.web.surveys.convert import round_data

pytestmark = pytest.mark.django_db


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


@pytest.fixture
def two_rounds(organisation):
    from klyngeradar.web.surveys.demo import create_demo_round
    from klyngeradar.web.surveys.demo_second_round import create_second_demo_round

    old, _ = create_demo_round(organisation, deadline=date(2031, 3, 1))
    new = create_second_demo_round(organisation)
    return old, new


def compare_url(new, old) -> str:
    return reverse("findings:compare", kwargs={"round_id": new.pk, "old_id": old.pk})


def test_the_round_page_offers_a_comparison_with_each_earlier_round(
    client_for, analyst, two_rounds
):
    old, new = two_rounds
    page = client_for(analyst).get(reverse("surveys:round_detail", kwargs={"pk": new.pk}))
    html = page.content.decode()
    assert "Sammenlign med 2023" in html
    assert compare_url(new, old) in html
    # The earlier round has nothing earlier to compare with.
    page = client_for(analyst).get(reverse("surveys:round_detail", kwargs={"pk": old.pk}))
    assert "Sammenlign med" not in page.content.decode()


@pytest.mark.parametrize("persona", ["analyst", "viewer"])
def test_it_shows_both_figures_the_panel_and_who_entered_and_left(
    client_for, request, persona, two_rounds
):
    old, new = two_rounds
    response = client_for(request.getfixturevalue(persona)).get(compare_url(new, old))
    assert response.status_code == 200
    page = text_of(response.content.decode())
    assert "Udvikling siden 2023" in page
    assert "Klynge K, Klynge L" in page  # left
    assert "Klynge H : har åbnet fysisk tilstedeværelse (hos Erhvervshuset)" in page
    result = compare_rounds(round_data(old), round_data(new))
    for sentence in comparison_sentences(result, "da"):
        assert sentence.text in page
    rows = {row.key: row for row in response.context["rows"]}
    assert (rows["members_region"].old, rows["members_region"].new) == ("375", "399")
    assert rows["members_region"].panel == "360 → 385 (10)"


def test_it_speaks_english_with_the_language_switch(client_for, viewer, two_rounds):
    old, new = two_rounds
    client = client_for(viewer)
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    page = text_of(client.get(compare_url(new, old)).content.decode())
    assert "Since 2023, 1 cluster has entered (Klynge M)" in page


def test_a_respondent_gets_404(client_for, respondent_a, two_rounds):
    old, new = two_rounds
    assert client_for(respondent_a).get(compare_url(new, old)).status_code == 404


def test_it_refuses_rounds_of_two_regions_with_a_message(client_for, analyst, two_rounds):
    from klyngeradar.web.registry.models import Region

    old, new = two_rounds
    old.region, _ = Region.objects.get_or_create(
        code="1082", defaults={"name": "Region Midtjylland"}
    )
    old.save()
    response = client_for(analyst).get(compare_url(new, old))
    assert response.status_code == 200
    assert "forskellige regioner" in response.content.decode()
