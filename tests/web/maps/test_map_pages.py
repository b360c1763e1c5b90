"""The map on the findings page, the agreements list and a municipality's own page."""

from __future__ import annotations

import json
import re

import pytest
from django.urls import reverse

from klyngeradar.core.maps.geometry import ATTRIBUTION

pytestmark = pytest.mark.django_db


def _spec(html: str, map_id: str) -> dict:
    found = re.search(rf'<script id="{map_id}-spec" type="application/json">(.*?)</script>', html)
    assert found, f"no spec for {map_id}"
    return json.loads(found.group(1))


def _values(layer: dict) -> dict:
    return {item["label"]: item["value"] for item in layer["data"]}


def _map_html(html: str) -> str:
    start = html.index('<section class="card map-card"')
    return html[start : html.index("</section>", start)]


def test_it_draws_the_demo_rounds_presence_and_agreements_on_the_findings_page(
    client_for, analyst, demo_round_db
):
    url = reverse("findings:round", kwargs={"round_id": demo_round_db.pk})
    html = client_for(analyst).get(url).content.decode()
    spec = _spec(html, "map-round")
    assert len(spec["region"]) == 11
    presence, agreements = spec["layers"]
    assert _values(presence)["Aalborg"] == 7
    assert sum(v for v in _values(agreements).values() if v) == 7
    aalborg = next(i for i in presence["data"] if i["label"] == "Aalborg")
    assert "Aalborg: 7 klynger" in aalborg["tooltip"]
    assert "12 af 12 svarende klynger har svaret" in aalborg["tooltip"]
    assert spec["geometry"].endswith("geo/municipalities.json")
    assert ATTRIBUTION in html
    # The table alternative shows the same figure, with a link to the municipality.
    assert re.search(r'<a href="/kommuner/851/">Aalborg</a></th><td class="number">7</td>', html)


def test_it_keeps_the_map_free_of_inline_code_and_styles(client_for, analyst, demo_round_db):
    url = reverse("findings:round", kwargs={"round_id": demo_round_db.pk})
    fragment = _map_html(client_for(analyst).get(url).content.decode())
    assert "style=" not in fragment
    assert not re.search(r"\son[a-z]+=", fragment)
    scripts = re.findall(r"<script[^>]*>", fragment)
    assert scripts == ['<script id="map-round-spec" type="application/json">']


def test_it_draws_the_registered_agreements_and_cofinancing_on_the_agreements_list(
    client_for, analyst, agreements
):
    html = client_for(analyst).get(reverse("agreements:agreement_list")).content.decode()
    spec = _spec(html, "map-agreements")
    register, cofinancing, companies = spec["layers"]
    assert _values(register) == {
        **dict.fromkeys(_values(register), 0),
        "Aalborg": 1,
        "Hjørring": 1,
        "Thisted": 1,
    }
    assert _values(cofinancing)["Aalborg"] == 1_250_000
    assert _values(cofinancing)["Hjørring"] is None
    assert "Aalborg: 1.250.000 kr." in next(
        i["tooltip"] for i in cofinancing["data"] if i["label"] == "Aalborg"
    )
    assert all(v is None for v in _values(companies).values())
    assert ATTRIBUTION in html


def test_it_shows_what_one_municipality_has(client_for, analyst, agreements, demo_round_db):
    response = client_for(analyst).get(reverse("maps:municipality", kwargs={"code": "851"}))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Aalborg Kommune" in html
    assert "7 klynger er fysisk til stede." in html
    assert "Tværkommunal aftale" in html and "Kontordage i Thisted" not in html
    assert "Unikke virksomheder" in html
    assert "1.250.000" in html
    assert _spec(html, "map-municipality")["selected"] == "851"
    assert ATTRIBUTION in html


def test_it_sends_a_municipal_officer_to_their_own_municipality(client_for, aalborg_officer):
    response = client_for(aalborg_officer).get(reverse("maps:landing"))
    assert response.status_code == 302
    assert response.url == reverse("maps:municipality", kwargs={"code": "851"})


def test_it_sends_everyone_else_to_the_overview(client_for, analyst):
    response = client_for(analyst).get(reverse("maps:landing"))
    assert response.url == reverse("dashboard:overview")


def test_it_shows_an_officer_only_their_own_municipality(client_for, aalborg_officer, agreements):
    client = client_for(aalborg_officer)
    assert client.get(reverse("maps:municipality", kwargs={"code": "851"})).status_code == 200
    assert client.get(reverse("maps:municipality", kwargs={"code": "787"})).status_code == 404


def test_it_links_an_officer_only_to_the_municipality_pages_they_may_open(
    client_for, aalborg_officer, agreements
):
    html = (
        client_for(aalborg_officer)
        .get(reverse("maps:municipality", kwargs={"code": "851"}))
        .content.decode()
    )
    own = reverse("maps:municipality", kwargs={"code": "851"})
    other = reverse("maps:municipality", kwargs={"code": "787"})
    assert f'href="{own}"' in html
    assert f'href="{other}"' not in html


@pytest.mark.parametrize(("who", "status"), [("respondent_a", 403), ("analyst", 404)])
def test_it_refuses_respondents_and_unknown_codes(client_for, request, who, status, north_jutland):
    code = "851" if who == "respondent_a" else "999"
    user = request.getfixturevalue(who)
    response = client_for(user).get(reverse("maps:municipality", kwargs={"code": code}))
    assert response.status_code == status


def test_it_asks_a_visitor_to_log_in(client, north_jutland):
    response = client.get(reverse("maps:municipality", kwargs={"code": "851"}))
    assert response.status_code == 302 and "/konto/login/" in response.url


def test_it_serves_the_geometry_as_a_static_file(client, north_jutland):
    from django.templatetags.static import static

    response = client.get(static("geo/municipalities.json"))
    assert response.status_code == 200
    body = b"".join(response.streaming_content) if response.streaming else response.content
    assert len(json.loads(body)["features"]) == 98


def test_it_shows_the_municipality_page_in_english(
    client_for, analyst, agreements, demo_round_db, settings
):
    client = client_for(analyst)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    html = client.get(reverse("maps:municipality", kwargs={"code": "851"})).content.decode()
    assert "Aalborg Municipality" in html
    assert "7 clusters are physically present." in html
    assert "12 of 12 responding clusters answered (13 invited)" in html
    assert "1,250,000" in html
    spec = _spec(html, "map-municipality")
    assert spec["labels"]["country"] == "Whole country"
    assert spec["layers"][0]["title"] == "Clusters physically present"


def test_it_maps_only_the_agreements_the_filter_lists(client_for, analyst, agreements, cluster_b):
    client = client_for(analyst)
    url = reverse("agreements:agreement_list")
    html = client.get(url, {"cluster": cluster_b.slug}).content.decode()
    register = _spec(html, "map-agreements")["layers"][0]
    assert _values(register)["Thisted"] == 1 and _values(register)["Aalborg"] == 0
    # The htmx fragment of the filtered rows carries its map along.
    fragment = client.get(url, {"cluster": cluster_b.slug}, HTTP_HX_REQUEST="true")
    assert _spec(fragment.content.decode(), "map-agreements")["layers"][0] == register


def test_the_companies_layer_is_kept_until_the_organisations_imports_change(
    client_for, analyst, agreements, organisation
):
    from datetime import date as day

    from klyngeradar.web.agreements.models import Participation, ParticipationImport

    client = client_for(analyst)

    def companies_layer():
        html = client.get(reverse("agreements:agreement_list")).content.decode()
        return _spec(html, "map-agreements")["layers"][2]

    def imported(*cvrs):
        batch = ParticipationImport.objects.create(
            organisation=organisation, filename="liste.csv", row_count=len(cvrs)
        )
        for n, cvr in enumerate(cvrs):
            Participation.objects.create(
                batch=batch, cvr=cvr, company=f"V{n}", activity=f"A{n}", date=day(2024, 5, 1)
            )
        return batch

    before = companies_layer()
    assert companies_layer() == before
    batch = imported("12345678", "87654321")
    after = companies_layer()
    assert after != before  # the two new companies are counted (as not placed on the map)
    batch.delete()
    assert companies_layer() == before
