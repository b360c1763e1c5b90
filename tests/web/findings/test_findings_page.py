"""The findings page shows exactly what the core computes for the round, with its base."""

from __future__ import annotations

import json
import re

import pytest
from django.urls import reverse

from klyngeradar.core.findings.rules import FINDING_KEYS, compute_findings
from klyngeradar.core.findings.sentences import sentences
from klyngeradar.core.numbers import format_int
from klyngeradar.web.surveys.convert import round_data

pytestmark = pytest.mark.django_db


def findings_url(round) -> str:
    return reverse("findings:round", kwargs={"round_id": round.pk})


def detail_url(round, key) -> str:
    return reverse("findings:detail", kwargs={"round_id": round.pk, "key": key})


def text_of(html: str) -> str:
    """The page's visible text with whitespace collapsed, for asserting on sentences."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_it_shows_the_demo_round_figures_with_their_base(client_for, analyst, demo_round_db):
    response = client_for(analyst).get(findings_url(demo_round_db))

    assert response.status_code == 200
    page = text_of(response.content.decode())
    assert "12 af 13 (92 %)" in page
    assert "mindst 1.740" in page
    assert "10 af 12 klynger har oplyst et tal" in page
    assert "mindst 4.324" in page
    assert "ca. 375" in page
    assert "kan overlappe på tværs af klynger" in page


def test_it_shows_every_sentence_the_core_writes_for_the_round(client_for, analyst, demo_round_db):
    findings = compute_findings(round_data(demo_round_db))
    page = text_of(client_for(analyst).get(findings_url(demo_round_db)).content.decode())

    for sentence in sentences(findings, "da"):
        if sentence.key != "consistency":
            assert sentence.text in page
        if sentence.footnote:
            assert sentence.footnote in page


def test_its_figures_equal_the_core_findings_of_the_round(client_for, viewer, demo_round_db):
    findings = compute_findings(round_data(demo_round_db))
    response = client_for(viewer).get(findings_url(demo_round_db))

    shown = {figure.key: figure for figure in response.context["figures"]}
    assert list(shown) == [k for k in FINDING_KEYS if k != "consistency"]
    assert response.context["findings"].to_dict() == findings.to_dict()
    companies = shown["participation_companies"]
    assert companies.headline == f"mindst {format_int(findings.participation_companies.total)}"
    assert sum(bar.value for bar in companies.bars) == 1740
    assert all(bar.estimated for bar in companies.bars)


def test_it_embeds_each_chart_as_json_with_danish_labels(client_for, analyst, demo_round_db):
    html = client_for(analyst).get(findings_url(demo_round_db)).content.decode()

    match = re.search(
        r'<script id="chart-participation_companies" type="application/json">(.*?)</script>', html
    )
    options = json.loads(match.group(1))
    labels = [item["label"]["formatter"] for item in options["series"][0]["data"]]
    assert "420 (skøn)" in labels
    assert "vendor/echarts/echarts.min.js" in html
    assert "cdn" not in html.lower()


def test_it_shows_the_numbers_as_a_table_without_javascript(client_for, analyst, demo_round_db):
    html = client_for(analyst).get(findings_url(demo_round_db)).content.decode()

    assert "<caption>Oplyst pr. klynge</caption>" in html
    assert re.search(r"<th scope=\"row\">Klynge A</th><td class=\"number\">420</td>", html)


@pytest.mark.parametrize(
    ("key", "included", "unanswered"),
    [
        ("participation_companies", 10, 2),
        ("participation_persons", 7, 5),
        ("physical_presence", 7, 0),
    ],
)
def test_its_drilldown_lists_the_clusters_behind_a_figure(
    client_for, analyst, demo_round_db, key, included, unanswered
):
    findings = compute_findings(round_data(demo_round_db))
    response = client_for(analyst).get(detail_url(demo_round_db, key), HTTP_HX_REQUEST="true")

    assert response.status_code == 200
    assert "<html" not in response.content.decode()  # a fragment for htmx
    rows = response.context["drilldown"].rows
    assert [r.cluster for r in rows] == [e.cluster for e in findings.detail(key)]
    assert [r.cluster for r in rows if r.outcome == "included"] == [
        e.cluster for e in findings.detail(key) if e.outcome == "included"
    ]
    assert sum(1 for r in rows if r.outcome == "included") == included
    assert sum(1 for r in rows if r.outcome == "unanswered") == unanswered
    assert sum(1 for r in rows if r.outcome == "no_response") == 1


def test_its_drilldown_names_who_estimated_and_who_did_not_answer(
    client_for, analyst, demo_round_db
):
    page = text_of(
        client_for(analyst)
        .get(detail_url(demo_round_db, "participation_companies"))
        .content.decode()
    )

    assert "Klynge A Tæller med 420 skøn" in page
    assert "Har ikke svaret på runden" in page
    assert "Har ikke besvaret spørgsmålet" in page


def test_its_drilldown_is_a_full_page_without_htmx(client_for, viewer, demo_round_db):
    html = client_for(viewer).get(detail_url(demo_round_db, "members_region")).content.decode()

    assert html.startswith("<!DOCTYPE html>")
    assert "Alle fund" in html


def test_an_unknown_finding_is_not_found(client_for, analyst, demo_round_db):
    assert client_for(analyst).get(detail_url(demo_round_db, "nonsense")).status_code == 404


def test_it_lists_consistency_warnings_with_a_link_to_the_response(
    client_for, analyst, demo_round_db
):
    from klyngeradar.web.surveys.models import Response

    response = Response.objects.get(round=demo_round_db, cluster__slug="klynge-b")
    response.answers = response.answers | {"members.region_50plus": 50}
    response.save()

    page = client_for(analyst).get(findings_url(demo_round_db))

    (follow_up,) = page.context["follow_ups"]
    assert follow_up.cluster == "klynge-b"
    assert follow_up.url == reverse(
        "surveys:response", kwargs={"pk": demo_round_db.pk, "response": response.pk}
    )
    html = page.content.decode()
    assert "Til opfølgning" in html
    assert f'href="{follow_up.url}"' in html
    assert "Medlemmer fordelt på størrelse summer ikke til medlemmer i regionen" in html


def test_it_speaks_english_when_the_user_chooses_it(client_for, viewer, demo_round_db, settings):
    client = client_for(viewer)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"

    page = text_of(client.get(findings_url(demo_round_db)).content.decode())

    assert "at least 1,740" in page
    assert "10 of 12 clusters gave a figure" in page
    assert "See the answers behind the figure" in page
