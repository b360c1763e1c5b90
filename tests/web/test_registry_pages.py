"""The web shell: overview, cluster list and profile, language switch."""

from __future__ import annotations

import pytest
from django.urls import reverse

from klyngeradar.web.registry.models import Area, Cluster, Programme

pytestmark = pytest.mark.django_db


@pytest.fixture
def landscape(cluster_a, cluster_b):
    programme = Programme.objects.create(
        slug="innovationskraft",
        name="Innovationskraft 2021–2024",
        start="2021-01-01",
        end="2024-12-31",
    )
    energy = Area.objects.create(slug="energi", name="Energiteknologi")
    Cluster.objects.create(
        slug="energy",
        name="Energy Cluster Denmark",
        area=energy,
        programme=programme,
        verified=True,
        unverified_fields=["members"],
        members=400,
        source="https://example.org/kilde",
    )
    return programme, energy


def test_the_overview_shows_the_registry_at_a_glance(client_for, analyst, landscape):
    response = client_for(analyst).get(reverse("dashboard:overview"))
    assert response.status_code == 200
    text = response.text
    assert "Overblik" in text
    assert "heraf 2 fiktive" in text
    assert "Energiteknologi" in text


def test_the_navigation_names_every_section(client_for, analyst):
    text = client_for(analyst).get(reverse("dashboard:overview")).text
    for label in ("Overblik", "Klynger", "Runder", "Aftaler", "Rapporter"):
        assert f">{label}</a>" in text


@pytest.mark.parametrize("section", ["rounds", "agreements", "reports"])
def test_sections_not_built_yet_say_so_honestly(client_for, analyst, section):
    response = client_for(analyst).get(reverse("dashboard:coming_soon", args=[section]))
    assert "kommer i en senere version" in response.text


def test_the_cluster_list_filters_by_area(client_for, analyst, landscape):
    _programme, energy = landscape
    response = client_for(analyst).get(reverse("registry:cluster_list"), {"area": energy.slug})
    assert "Energy Cluster Denmark" in response.text
    assert "Klynge A" not in response.text


def test_the_cluster_list_answers_htmx_with_just_the_rows(client_for, analyst, landscape):
    response = client_for(analyst).get(
        reverse("registry:cluster_list"), {"programme": "innovationskraft"}, HTTP_HX_REQUEST="true"
    )
    assert "<html" not in response.text
    assert "Energy Cluster Denmark" in response.text
    assert "Klynge A" not in response.text


def test_the_cluster_list_marks_fictitious_and_unverified_clusters(client_for, analyst, landscape):
    text = client_for(analyst).get(reverse("registry:cluster_list")).text
    assert "fiktiv" in text
    assert "ikke verificeret" in text


def test_the_profile_flags_unverified_facts_and_shows_the_source(client_for, analyst, landscape):
    text = client_for(analyst).get(reverse("registry:cluster_detail", args=["energy"])).text
    members = text.index("Medlemmer")
    assert "400" in text[members : members + 300]
    assert "ikke verificeret" in text[members : members + 400]
    assert 'href="https://example.org/kilde"' in text
    assert "Historik" in text


def test_an_unknown_fact_is_shown_as_not_given_never_as_zero(client_for, analyst, landscape):
    text = client_for(analyst).get(reverse("registry:cluster_detail", args=["energy"])).text
    staff = text.index("Ansatte")
    assert "ikke oplyst" in text[staff : staff + 200]


def test_the_language_switch_turns_the_interface_english(client_for, analyst):
    client = client_for(analyst)
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    text = client.get(reverse("dashboard:overview")).text
    assert '<html lang="en">' in text
    assert "Overview" in text


def test_the_interface_stays_danish_for_an_english_browser(client_for, analyst):
    text = client_for(analyst).get(reverse("dashboard:overview"), HTTP_ACCEPT_LANGUAGE="en").text
    assert '<html lang="da">' in text


def test_a_clusters_note_is_danish_on_a_danish_page_and_english_after_the_switch(
    client_for, analyst
):
    from klyngeradar.web.registry.reference import load_reference

    load_reference()
    client = client_for(analyst)
    url = reverse("registry:cluster_detail", kwargs={"slug": "marlog"})
    page = client.get(url).content.decode()
    assert "Gik konkurs i 2022" in page and "Bankrupt in 2022" not in page
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    page = client.get(url).content.decode()
    assert "Bankrupt in 2022" in page
    url = reverse("registry:cluster_detail", kwargs={"slug": "danish-life-science-cluster"})
    assert "Not checked against a source" in client.get(url).content.decode()


def test_the_cluster_list_of_a_programme_says_which_and_counts_against_its_source(
    client_for, analyst
):
    from klyngeradar.web.registry.reference import load_reference

    load_reference()
    response = client_for(analyst).get(
        reverse("registry:cluster_list"), {"programme": "klyngeprogram-2025-2028"}
    )
    page = response.content.decode()
    shown = {c.slug for c in response.context["clusters"]}
    assert shown == {
        "made",
        "danish-sound-cluster",
        "energy-cluster-denmark",
        "food-bio-cluster-denmark",
        "danish-life-science-cluster",
    }
    assert "Klyngeprogram 2025–2028: 5 klynger i registret" in page
    assert "ifølge kilden har programmet 11 klynger" in page
