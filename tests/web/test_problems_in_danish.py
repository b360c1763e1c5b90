"""A refused file's problems are shown in the page's language: Danish first, English on request."""

from __future__ import annotations

import html
from datetime import date

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def files_in_tmp(settings, tmp_path):
    settings.DATA_DIR = tmp_path
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def demo(organisation, region):
    """The demo round: 13 fictitious clusters (klynge-a … klynge-m) in North Jutland."""
    from klyngeradar.web.surveys.demo import create_demo_round

    round, _links = create_demo_round(organisation, deadline=date(2025, 3, 15))
    return round


@pytest.fixture
def analyst_in(client_for, analyst):
    """The analyst's client with the interface language chosen as with the language switch."""

    def client_in(lang):
        client = client_for(analyst)
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = lang
        return client

    return client_in


def page_text(response) -> str:
    return html.unescape(response.content.decode())


ANSWERS = "cluster;status;members.region\nklynge-a;complete;ca. 40\n"
PARTICIPATION = (
    "cvr;virksomhed;aktivitet;dato;klynge\n41000008;Fiktiv Fejl A/S;Temadag;2025-03-14;klynge-a\n"
)
FIGURES = "cvr;år;omsætning\n41000007;2024;ca. 5 mio.\n"


@pytest.mark.parametrize(
    ("lang", "shown", "hidden"),
    [
        ("da", "er ikke et helt tal", "is not a whole number"),
        ("en", "is not a whole number", "er ikke et helt tal"),
    ],
)
def test_a_refused_survey_import_names_its_problems_in_the_pages_language(
    analyst_in, demo, lang, shown, hidden
):
    upload = SimpleUploadedFile("svar.csv", ANSWERS.encode())

    response = analyst_in(lang).post(reverse("surveys:import", args=[demo.pk]), {"file": upload})

    assert response.status_code == 422
    text = page_text(response)
    assert shown in text
    assert hidden not in text
    assert "ca. 40" in text


@pytest.mark.parametrize(
    ("lang", "shown"),
    [
        ("da", "grundlaget er ikke angivet for 1 svar"),
        ("en", "basis not stated for 1 answer(s)"),
    ],
)
def test_the_survey_import_preview_gives_its_warnings_in_the_pages_language(
    analyst_in, demo, lang, shown
):
    upload = SimpleUploadedFile("svar.csv", b"cluster;status;members.region\nklynge-m;partial;7\n")

    response = analyst_in(lang).post(reverse("surveys:import", args=[demo.pk]), {"file": upload})

    assert response.status_code == 200
    assert f"svar.csv members.region {shown}" in page_text(response)


@pytest.mark.parametrize(
    ("lang", "what", "content", "shown", "hidden"),
    [
        (
            "da",
            "participation",
            PARTICIPATION,
            'række 2 cvr: "41000008" er ikke et gyldigt CVR-nummer: kontrolcifferet er forkert',
            "is not a valid CVR number",
        ),
        (
            "en",
            "participation",
            PARTICIPATION,
            'row 2 cvr: "41000008" is not a valid CVR number: the check digit is wrong',
            "er ikke et gyldigt CVR-nummer",
        ),
        (
            "da",
            "figures",
            FIGURES,
            'række 2 omsætning: "ca. 5 mio." er ikke et helt tal',
            "is not a whole number",
        ),
        (
            "en",
            "figures",
            FIGURES,
            'row 2 omsætning: "ca. 5 mio." is not a whole number',
            "er ikke et helt tal",
        ),
    ],
)
def test_a_refused_list_names_its_problems_in_the_pages_language(
    analyst_in, cluster_a, lang, what, content, shown, hidden
):
    from klyngeradar.web.agreements.models import CompanyFigures, Participation

    upload = SimpleUploadedFile("liste.csv", content.encode())

    response = analyst_in(lang).post(
        reverse("agreements:participation"), {"what": what, "file": upload}
    )

    assert response.status_code == 400
    text = page_text(response)
    assert f"liste.csv: {shown}" in text
    assert hidden not in text
    assert not Participation.objects.exists()
    assert not CompanyFigures.objects.exists()


@pytest.mark.parametrize(
    ("lang", "shown", "hidden"),
    [
        (
            "da",
            "Skabelonen kan ikke bruges: skabelon.pptx kan ikke åbnes som PowerPoint-skabelon",
            "cannot be opened",
        ),
        (
            "en",
            "skabelon.pptx cannot be opened as a PowerPoint template",
            "kan ikke åbnes",
        ),
    ],
)
def test_a_refused_template_is_named_in_the_pages_language(analyst_in, demo, lang, shown, hidden):
    from klyngeradar.web.reports.models import ReportTemplate

    upload = SimpleUploadedFile("skabelon.pptx", b"not a presentation")

    response = analyst_in(lang).post(
        reverse("reports:upload_template", kwargs={"pk": demo.pk}), {"file": upload}
    )

    assert response.status_code == 400
    text = page_text(response)
    assert shown in text
    assert hidden not in text
    assert not ReportTemplate.objects.exists()
