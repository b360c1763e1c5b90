"""Every Office upload is checked inside before it is accepted: a zip bomb is refused."""

from __future__ import annotations

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

BOMB_MESSAGE = "den ligner en zip-bombe"


def bomb(name: str) -> SimpleUploadedFile:
    """A 40 kB Office-looking file that would unpack to 12 MB."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("ppt/media/padding.xml", " " * (12 * 1024 * 1024))
    return SimpleUploadedFile(name, out.getvalue())


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    settings.DATA_DIR = tmp_path
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def survey_round(organisation, region):
    from datetime import date

    from klyngeradar.web.surveys.models import Round

    return Round.objects.create(
        organisation=organisation, region=region, title="Runde", deadline=date(2025, 9, 1)
    )


def test_it_refuses_a_zip_bomb_template(client_for, analyst, survey_round):
    from klyngeradar.web.reports.models import ReportTemplate

    response = client_for(analyst).post(
        reverse("reports:upload_template", args=[survey_round.pk]), {"file": bomb("skabelon.pptx")}
    )
    assert BOMB_MESSAGE in response.content.decode()
    assert ReportTemplate.objects.count() == 0


def test_it_refuses_a_zip_bomb_agreement_document(client_for, analyst, agreement):
    response = client_for(analyst).post(
        reverse("agreements:document_upload", args=[agreement.slug]),
        {"title": "Aftale", "file": bomb("aftale.docx")},
    )
    assert response.status_code == 200
    assert BOMB_MESSAGE in response.content.decode()
    assert agreement.documents.count() == 0


@pytest.mark.parametrize("what", ["participation", "figures"])
def test_it_refuses_a_zip_bomb_import(client_for, analyst, agreement, what):
    response = client_for(analyst).post(
        reverse("agreements:participation"), {"what": what, "file": bomb("liste.xlsx")}
    )
    assert BOMB_MESSAGE in response.content.decode()


def test_it_refuses_a_zip_bomb_answer_import(client_for, analyst, survey_round):
    response = client_for(analyst).post(
        reverse("surveys:import", args=[survey_round.pk]), {"file": bomb("svar.xlsx")}
    )
    assert BOMB_MESSAGE in response.content.decode()


def test_it_refuses_a_participation_list_over_the_size_limit(
    client_for, analyst, agreement, settings
):
    settings.IMPORT_MAX_BYTES = 1024 * 1024
    big = SimpleUploadedFile("liste.csv", b"cvr;company\n" + b"x" * (1024 * 1024 + 1))
    response = client_for(analyst).post(
        reverse("agreements:participation"), {"what": "participation", "file": big}
    )
    assert "Filen er for stor (højst 1 MB)." in response.content.decode()
