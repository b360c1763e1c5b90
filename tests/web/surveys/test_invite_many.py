"""Invite several clusters at once from a contact list: checked whole, previewed, then sent."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from klyngeradar.web.surveys.models import Invitation, Response

pytestmark = pytest.mark.django_db


@pytest.fixture
def clusters(cluster_a, cluster_b):
    from klyngeradar.web.registry.models import Cluster

    cluster_c = Cluster.objects.create(
        slug="energi-klyngen", name="Energiklyngen Ærø", fictitious=True
    )
    return cluster_a, cluster_b, cluster_c


def url(round, name="invite_many"):
    return reverse(f"surveys:{name}", args=[round.pk])


def problems_of(page) -> list[tuple]:
    return [(p.row, p.column, p.value, p.reason_in("da")) for p in page.context["problems"]]


def check_then_confirm(client, round, data):
    preview = client.post(url(round), data)
    assert preview.status_code == 200, preview.content.decode()[:2000]
    sha = preview.context["sha256"]
    return preview, client.post(url(round, "invite_many_confirm"), {"sha256": sha})


def test_the_round_page_leads_to_the_contact_list(client_for, analyst, survey_round):
    page = client_for(analyst).get(reverse("surveys:round_detail", args=[survey_round.pk]))

    assert url(survey_round) in page.content.decode()


def test_a_pasted_list_is_previewed_then_invited_and_e_mailed(
    smtp_inbox, client, client_for, analyst, survey_round, clusters
):
    text = (
        "Klynge\tE-mail\n"
        "Klynge A\tanne@klynge-a.dk, bo@klynge-a.dk\n"
        "klynge-b\tcarl@klynge-b.dk\n"
        "energiklyngen ærø\tdorte@aeroe.dk\n"
    )

    preview, done = check_then_confirm(
        client_for(analyst), survey_round, {"text": text, "send": "on"}
    )

    rows = [(c.row, c.cluster.name, c.emails) for c in preview.context["contacts"]]
    assert rows == [
        (2, "Klynge A", ("anne@klynge-a.dk", "bo@klynge-a.dk")),
        (3, "Klynge B", ("carl@klynge-b.dk",)),
        (4, "Energiklyngen Ærø", ("dorte@aeroe.dk",)),
    ]
    assert done.status_code == 200
    assert Response.objects.filter(round=survey_round).count() == 3
    assert Invitation.objects.get(cluster=clusters[0]).emails == [
        "anne@klynge-a.dk",
        "bo@klynge-a.dk",
    ]
    received = {rcpt: message for rcpt, message in smtp_inbox.messages}
    assert set(received) == {
        ("anne@klynge-a.dk", "bo@klynge-a.dk"),
        ("carl@klynge-b.dk",),
        ("dorte@aeroe.dk",),
    }
    body = received[("carl@klynge-b.dk",)].get_body(("plain",)).get_content()
    assert "Kære Klynge B" in body
    link = body.split("/svar/", 1)[1].split()[0]
    assert client.get(f"/svar/{link}").status_code == 200
    assert all(r["sent"] for r in done.context["results"])
    assert (
        'data-copy="link-1"' in done.content.decode()
        and "klyngeradar/copy.js" in done.content.decode()
    )
    assert all(Invitation.objects.filter(sent_at__isnull=False).values_list("pk", flat=True))


def test_nothing_is_stored_or_sent_before_the_confirmation(
    smtp_inbox, client_for, analyst, survey_round, clusters
):
    client_for(analyst).post(url(survey_round), {"text": "Klynge A; a@klynge-a.dk", "send": "on"})

    assert not Response.objects.exists()
    assert smtp_inbox.messages == []


def test_a_danish_excel_csv_upload_is_read(smtp_inbox, client_for, analyst, survey_round, clusters):
    content = "Klynge;E-mail\r\nEnergiklyngen Ærø;soeren@example.org;\r\n".encode("cp1252")
    upload = SimpleUploadedFile("kontakter.csv", content, content_type="text/csv")

    preview, done = check_then_confirm(client_for(analyst), survey_round, {"file": upload})

    assert [c.cluster.slug for c in preview.context["contacts"]] == ["energi-klyngen"]
    assert Invitation.objects.get().emails == ["soeren@example.org"]
    # Not ticked: no e-mail, the links shown instead.
    assert smtp_inbox.messages == []
    assert "/svar/" in done.context["results"][0]["issued"].link


def test_an_xlsx_with_several_e_mail_columns_is_read(client_for, analyst, survey_round, clusters):
    book = Workbook()
    sheet = book.active
    sheet.append(["Klynge", "E-mail 1", "E-mail 2"])
    sheet.append(["Klynge A", "anne@klynge-a.dk", "bo@klynge-a.dk"])
    buffer = io.BytesIO()
    book.save(buffer)
    upload = SimpleUploadedFile("kontakter.xlsx", buffer.getvalue())

    preview = client_for(analyst).post(url(survey_round), {"file": upload})

    (contact,) = preview.context["contacts"]
    assert contact.emails == ("anne@klynge-a.dk", "bo@klynge-a.dk")


def test_every_problem_is_named_with_row_column_and_value_and_nothing_is_stored(
    smtp_inbox, client_for, analyst, survey_round, clusters
):
    text = (
        "klynge;e-mail\n"
        "Klynge A;anne@klynge-a.dk\n"
        "Energiklyngen Æro;x@example.org\n"
        "Klynge B;ikke-en-adresse\n"
        "klynge-a;bo@klynge-a.dk\n"
        "Ukendt Forening;y@example.org\n"
        "energi-klyngen;\n"
    )

    page = client_for(analyst).post(url(survey_round), {"text": text, "send": "on"})

    assert page.status_code == 422
    assert problems_of(page) == [
        (
            3,
            "klynge",
            "Energiklyngen Æro",
            "er ikke en kendt klynge; mente du »Energiklyngen Ærø«?",
        ),
        (4, "e-mail", "ikke-en-adresse", "er ikke en gyldig e-mailadresse"),
        (5, "klynge", "klynge-a", "er samme klynge som række 2; giv hver klynge én række"),
        (6, "klynge", "Ukendt Forening", "er ikke en kendt klynge (navn eller kort navn)"),
        (7, "e-mail", None, "har ingen e-mailadresse"),
    ]
    html = page.content.decode()
    assert "Listen blev afvist: 5 fejl" in html and "mente du »Energiklyngen Ærø«?" in html
    assert not Response.objects.exists() and smtp_inbox.messages == []


def test_a_cluster_already_invited_is_refused(client_for, analyst, survey_round, link_a, clusters):
    page = client_for(analyst).post(url(survey_round), {"text": "Klynge A; ny@klynge-a.dk"})

    assert problems_of(page) == [
        (1, "A", "Klynge A", "er allerede inviteret til runden; brug »Send nyt link« på dens række")
    ]


def test_a_list_changed_since_the_preview_is_checked_again(
    client_for, analyst, survey_round, clusters
):
    from klyngeradar.web.surveys.invitations import invite

    client = client_for(analyst)
    preview = client.post(url(survey_round), {"text": "Klynge A; a@klynge-a.dk"})
    invite(survey_round, clusters[0], ["other@klynge-a.dk"])  # invited by a colleague meanwhile

    done = client.post(
        url(survey_round, "invite_many_confirm"), {"sha256": preview.context["sha256"]}
    )

    assert done.status_code == 422
    assert Invitation.objects.get().emails == ["other@klynge-a.dk"]


def test_an_empty_form_is_refused(client_for, analyst, survey_round):
    page = client_for(analyst).post(url(survey_round), {"text": "  "})

    assert page.status_code == 422
    assert "Indsæt en kontaktliste eller vælg en fil." in page.content.decode()


def test_a_viewer_cannot_invite(client_for, viewer, survey_round, clusters):
    client = client_for(viewer)

    assert client.get(url(survey_round)).status_code == 403
    assert client.post(url(survey_round), {"text": "Klynge A; a@klynge-a.dk"}).status_code == 403
    assert client.post(url(survey_round, "invite_many_confirm"), {"sha256": "x"}).status_code == 403
    assert not Response.objects.exists()


def test_a_respondent_never_reaches_the_contact_list(client_for, respondent_a, survey_round):
    client = client_for(respondent_a)

    # As every analyst page of a round (require_role): 403.
    assert client.get(url(survey_round)).status_code == 403
    assert client.post(url(survey_round, "invite_many_confirm"), {"sha256": "x"}).status_code == 403


def test_an_e_mail_that_cannot_be_sent_is_said_plainly_and_the_link_still_works(
    settings, client, client_for, analyst, survey_round, clusters, unused_port
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", unused_port  # nobody listens
    settings.EMAIL_USE_TLS = False

    _preview, done = check_then_confirm(
        client_for(analyst), survey_round, {"text": "Klynge A; a@klynge-a.dk", "send": "on"}
    )

    html = done.content.decode()
    assert "kunne ikke sendes" in html and "Nogle e-mails kunne ikke sendes." in html
    assert "Connection refused" not in html  # no library text reaches the page
    link = done.context["results"][0]["issued"].link
    assert client.get("/svar/" + link.split("/svar/", 1)[1]).status_code == 200


def test_the_contact_list_page_speaks_english_on_request(client_for, analyst, survey_round):
    client = client_for(analyst)
    client.cookies["django_language"] = "en"

    html = client.get(url(survey_round)).content.decode()

    assert "Invite several clusters" in html and "Paste the contact list" in html
    assert "Indsæt kontaktlisten" not in html
