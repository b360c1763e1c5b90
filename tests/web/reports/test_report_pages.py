"""The "Rapporter" page: who sees what, the downloads, templates and quotes."""

from __future__ import annotations

import io
import tempfile
from datetime import UTC

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook
from pptx import Presentation

from klyngeradar.render.report import appendices_filename, deck_filename
from klyngeradar.web.accounts.models import Membership, Organisation
from klyngeradar.web.reports.deliverables import APPENDICES_CONTENT_TYPE, DECK_CONTENT_TYPE
from klyngeradar.web.reports.models import QuoteChoice, ReportTemplate

pytestmark = pytest.mark.django_db


def url(name, round):
    return reverse(f"reports:{name}", kwargs={"pk": round.pk})


def deck_texts(content: bytes) -> str:
    """Every text of the deck: shapes, table cells and speaker notes."""
    presentation = Presentation(io.BytesIO(content))
    texts = []
    for slide in presentation.slides:
        for shape in slide.shapes:
            if shape.has_text_frame:
                texts.append(shape.text_frame.text)
            if shape.has_table:
                texts += [cell.text for row in shape.table.rows for cell in row.cells]
        if slide.has_notes_slide:
            texts.append(slide.notes_slide.notes_text_frame.text)
    return "\n".join(texts)


def upload(client, round, path):
    with open(path, "rb") as file:
        return client.post(url("upload_template", round), {"file": file})


def test_it_lists_the_organisations_rounds_for_the_analyst(client_for, analyst, demo_db_round):
    response = client_for(analyst).get(reverse("reports:report_list"))

    assert response.status_code == 200
    assert demo_db_round.title in response.content.decode()
    assert url("round_report", demo_db_round) in response.content.decode()


def test_it_gives_the_analyst_the_deck_with_the_rounds_figures(client_for, analyst, demo_db_round):
    response = client_for(analyst).get(url("deck", demo_db_round))

    assert response.status_code == 200
    assert response["Content-Type"] == DECK_CONTENT_TYPE
    assert response["Content-Disposition"] == (
        f'attachment; filename="{deck_filename(demo_db_round.title)}"'
    )
    assert deck_filename(demo_db_round.title).startswith("klyngesamarbejde-")
    texts = deck_texts(response.content)
    assert "92 %" in texts
    assert "Samarbejde med de nationale klynger" in texts
    assert len(Presentation(io.BytesIO(response.content)).slides) > 20


def test_it_gives_the_analyst_the_appendices_workbook(client_for, analyst, demo_db_round):
    response = client_for(analyst).get(url("appendices", demo_db_round))

    assert response.status_code == 200
    assert response["Content-Type"] == APPENDICES_CONTENT_TYPE
    assert response["Content-Disposition"] == (
        f'attachment; filename="{appendices_filename(demo_db_round.title)}"'
    )
    book = load_workbook(io.BytesIO(response.content))
    expected = {"Udpegede klynger", "Besvarelser", "Fund", "Fit og anbefalinger", "svar"}
    assert expected <= set(book.sheetnames)
    answers = book["Besvarelser"].iter_rows(values_only=True)
    statuses = [row for row in answers if row[1] == "Status"]
    assert len(statuses) == 13
    findings = [row for row in book["Fund"].iter_rows(values_only=True)]
    assert any(12 in row and 13 in row for row in findings[1:]), "12 of 13 responded"


def test_it_speaks_english_on_request(client_for, analyst, demo_db_round):
    response = client_for(analyst).get(url("deck", demo_db_round), {"lang": "en"})

    assert "Working with the national clusters" in deck_texts(response.content)


def test_it_refuses_a_template_without_the_needed_layouts_on_the_form(
    client_for, analyst, demo_db_round, template_without_two_content, media
):
    response = upload(client_for(analyst), demo_db_round, template_without_two_content)

    assert response.status_code == 400
    page = response.content.decode()
    assert "Skabelonen kan ikke bruges" in page
    assert "har intet slidelayout til to indhold" in page
    assert "Title and Content" in page  # one of the layouts it has
    assert ReportTemplate.objects.count() == 0
    assert not media.exists() or not any(media.rglob("*.pptx"))


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("noter.txt", b"ikke en skabelon", "skal være en PowerPoint-fil"),
        ("ødelagt.pptx", b"ikke en zip-fil", "kan ikke åbnes som PowerPoint-skabelon"),
    ],
)
def test_it_refuses_a_file_that_is_not_a_template(
    client_for, analyst, demo_db_round, name, content, message
):
    file = SimpleUploadedFile(name, content)
    response = client_for(analyst).post(url("upload_template", demo_db_round), {"file": file})

    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert ReportTemplate.objects.count() == 0
    # Neither the server's temporary path nor the library's English message reaches the user.
    assert tempfile.gettempdir() not in html
    assert "zip file" not in html and "Package not found" not in html


def test_it_uses_the_organisations_own_template(
    client_for, analyst, demo_db_round, own_template, organisation
):
    client = client_for(analyst)
    response = upload(client, demo_db_round, own_template)

    stored = ReportTemplate.objects.get()
    assert response.status_code == 302
    assert stored.organisation == organisation
    assert stored.name == "BRN skabelon æøå"
    deck = client.get(url("deck", demo_db_round), {"template": stored.pk})
    layouts = {s.slide_layout.name for s in Presentation(io.BytesIO(deck.content)).slides}
    assert layouts == {
        "Titelslide",
        "Titel og indhold",
        "Sektionsoverskrift",
        "To indholdsobjekter",
    }


def test_it_refuses_another_organisations_template(
    client_for, analyst, demo_db_round, own_template, region
):
    other = Organisation.objects.create(slug="andre", name="Andre", region=region)
    with open(own_template, "rb") as file:
        template = ReportTemplate.objects.create(
            organisation=other, name="Andres", file=SimpleUploadedFile("a.pptx", file.read())
        )

    response = client_for(analyst).get(url("deck", demo_db_round), {"template": template.pk})

    assert response.status_code == 400


def test_it_puts_the_analysts_chosen_quotes_in_the_deck(client_for, analyst, demo_db_round):
    client = client_for(analyst)
    response = client.post(
        url("choose_quotes", demo_db_round), {"quotes": ["agreements.optimal:klynge-g"]}
    )

    assert response.status_code == 302
    assert QuoteChoice.objects.get().quotes == [
        {
            "question": "agreements.optimal",
            "cluster": "klynge-g",
            "theme": "",
            "text": None,
            "answer": None,
            "confirmed": [],
        }
    ]
    texts = deck_texts(client.get(url("deck", demo_db_round)).content)
    assert "»Henviser til vores samtale i dag :-)«" in texts
    assert "Idéelt set en forpligtende samarbejdsaftale" not in texts


def test_it_ticks_the_default_quotes_until_the_analyst_chooses(client_for, analyst, demo_db_round):
    page = client_for(analyst).get(url("round_report", demo_db_round)).content.decode()

    assert 'value="agreements.optimal:klynge-a" checked' in page
    assert 'value="agreements.optimal:klynge-g">' in page  # too short to say anything
    assert "Klynge G" in page


def test_it_returns_to_the_default_quotes(client_for, analyst, demo_db_round):
    client = client_for(analyst)
    client.post(url("choose_quotes", demo_db_round), {"quotes": []})

    client.post(url("choose_quotes", demo_db_round), {"default": "1"})

    assert not QuoteChoice.objects.exists()


def test_it_refuses_a_quote_that_is_not_an_answer(client_for, analyst, demo_db_round):
    response = client_for(analyst).post(
        url("choose_quotes", demo_db_round), {"quotes": ["agreements.optimal:klynge-x"]}
    )

    assert response.status_code == 400
    assert not QuoteChoice.objects.exists()


def test_it_lets_a_viewer_download_but_not_change(client_for, viewer, demo_db_round, own_template):
    client = client_for(viewer)

    page = client.get(url("round_report", demo_db_round))
    assert page.status_code == 200
    assert "upload-form" not in page.content.decode()
    assert client.get(url("deck", demo_db_round)).status_code == 200
    assert client.get(url("appendices", demo_db_round)).status_code == 200
    assert upload(client, demo_db_round, own_template).status_code == 403
    assert client.post(url("choose_quotes", demo_db_round), {"quotes": []}).status_code == 403
    assert not ReportTemplate.objects.exists() and not QuoteChoice.objects.exists()


@pytest.mark.parametrize(
    ("method", "name"),
    [
        ("get", "round_report"),
        ("get", "deck"),
        ("get", "appendices"),
        ("post", "upload_template"),
        ("post", "choose_quotes"),
    ],
)
def test_it_hides_the_reports_from_a_respondent(
    client_for, respondent_a, demo_db_round, method, name
):
    client = client_for(respondent_a)

    assert client.get(reverse("reports:report_list")).status_code == 404
    assert getattr(client, method)(url(name, demo_db_round)).status_code == 404


def test_it_hides_another_organisations_round(client_for, demo_db_round, region):
    other = Organisation.objects.create(slug="andre", name="Andre", region=region)
    user = get_user_model().objects.create_user(username="andre-analyst")
    Membership.objects.create(user=user, role="analyst", organisation=other)

    assert client_for(user).get(url("deck", demo_db_round)).status_code == 404


def test_it_sends_an_anonymous_visitor_to_the_login(client, demo_db_round):
    response = client.get(url("deck", demo_db_round))

    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


def test_it_speaks_english_to_an_english_reader(client_for, analyst, demo_db_round, settings):
    client = client_for(analyst)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"

    page = client.get(url("round_report", demo_db_round)).content.decode()

    assert "Download deck (klyngesamarbejde.pptx)" in page
    assert "12 of 13 invited clusters have responded." in page


@pytest.mark.parametrize(
    ("title", "name"),
    [
        (
            "Klyngernes engagement i Nordjylland 2023",
            "klyngesamarbejde-klyngernes-engagement-i-nordjylland-2023.pptx",
        ),
        ("Århus & Ærø: øer", "klyngesamarbejde-aarhus-aeroe-oeer.pptx"),
        ("", "klyngesamarbejde.pptx"),
        (None, "klyngesamarbejde.pptx"),
    ],
)
def test_it_names_the_deck_after_its_round(title, name):
    assert deck_filename(title) == name
    expected = "bilag" + name.removeprefix("klyngesamarbejde").replace(".pptx", ".xlsx")
    assert appendices_filename(title) == expected


def test_it_dates_a_closed_rounds_deck_on_the_day_it_closed(db, demo_db_round):
    from datetime import date, datetime

    from klyngeradar.web.reports.deliverables import round_date

    # Open, the 2023 round is dated by its deadline in 2023 (not the day it is downloaded).
    assert round_date(demo_db_round, date(2026, 12, 1)) == demo_db_round.deadline
    demo_db_round.closed_at = datetime(2023, 10, 2, 12, 0, tzinfo=UTC)
    assert round_date(demo_db_round, date(2026, 12, 1)) == date(2023, 10, 2)


def custom_template(tmp_path):
    """A template whose section layout has a name nobody would guess."""
    presentation = Presentation()
    for layout in presentation.slide_layouts:
        if layout.name == "Section Header":
            layout.name = "Mellemrubrik"
    path = tmp_path / "egen.pptx"
    presentation.save(str(path))
    return path


def test_it_takes_the_layouts_named_on_the_upload_and_uses_them_in_the_deck(
    client_for, analyst, demo_db_round, tmp_path, media
):
    path = custom_template(tmp_path)
    client = client_for(analyst)
    with open(path, "rb") as file:
        response = client.post(
            url("upload_template", demo_db_round),
            {"file": file, "layout_section": "Mellemrubrik"},
        )
    assert response.status_code == 302, response.content.decode()[:2000]
    template = ReportTemplate.objects.get()
    assert template.layouts == {"section": "Mellemrubrik"}
    deck = client.get(url("deck", demo_db_round), {"template": template.pk})
    assert deck.status_code == 200
    layouts = {s.slide_layout.name for s in Presentation(io.BytesIO(deck.content)).slides}
    assert "Mellemrubrik" in layouts


def test_it_refuses_a_layout_name_the_template_does_not_have_on_the_form(
    client_for, analyst, demo_db_round, tmp_path, media
):
    with open(custom_template(tmp_path), "rb") as file:
        response = client_for(analyst).post(
            url("upload_template", demo_db_round), {"file": file, "layout_content": "Findes ikke"}
        )
    assert response.status_code == 400
    assert "har intet layout &quot;Findes ikke&quot;" in response.content.decode()
    assert ReportTemplate.objects.count() == 0


def test_it_shows_a_draft_of_what_the_board_is_asked(client_for, analyst, demo_db_round):
    page = client_for(analyst).get(url("round_report", demo_db_round)).content.decode()
    assert "Bestyrelsen bedes …" in page
    assert "tage stilling til næste skridt" in page


def test_it_puts_the_analysts_text_for_the_board_into_the_deck(client_for, analyst, demo_db_round):
    client = client_for(analyst)
    text = "godkende aftalen med Klynge A\n\n- afsætte 200.000 kr. i 2024"
    response = client.post(url("board_asks", demo_db_round), {"text": text})
    assert response.status_code == 302
    texts = deck_texts(client.get(url("deck", demo_db_round)).content)
    assert "godkende aftalen med Klynge A\nafsætte 200.000 kr. i 2024" in texts
    assert "Formuleret af analytikeren." in texts
    client.post(url("board_asks", demo_db_round), {"default": "1"})
    drafted = deck_texts(client.get(url("deck", demo_db_round)).content)
    assert "Udkast ud fra anbefalingerne" in drafted


def test_it_lets_a_viewer_read_but_not_change_what_the_board_is_asked(
    client_for, viewer, demo_db_round
):
    client = client_for(viewer)
    assert "Bestyrelsen bedes …" in client.get(url("round_report", demo_db_round)).content.decode()
    assert client.post(url("board_asks", demo_db_round), {"text": "x"}).status_code in (403, 404)


def test_it_refuses_an_empty_text_for_the_board(client_for, analyst, demo_db_round):
    response = client_for(analyst).post(url("board_asks", demo_db_round), {"text": " - \n "})
    assert response.status_code == 400
    assert "Skriv mindst ét punkt." in response.content.decode()


@pytest.mark.parametrize(("lang", "kind"), [("da", "Rammeaftale"), ("en", "Framework agreement")])
def test_it_names_clusters_parties_and_kinds_in_the_agreements_sheet(lang, kind):
    from datetime import date

    from klyngeradar.core.agreements.documentation import AgreementFacts
    from klyngeradar.core.surveys.demo import demo_round
    from klyngeradar.web.reports.deliverables import agreement_rows

    facts = AgreementFacts(
        slug="aftale-1",
        title="Tværkommunal aftale",
        cluster="klynge-a",
        parties=("851", "erhvervshus-nordjylland"),
        start=date(2024, 1, 1),
        kind="framework",
    )
    (row,) = agreement_rows((facts,), lang, demo_round())
    values = list(row.values())
    assert values[:4] == [
        "Tværkommunal aftale",
        "Klynge A",
        "Aalborg, Erhvervshus Nordjylland",
        kind,
    ]
    assert "aftale-1" not in values
