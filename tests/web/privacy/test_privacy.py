"""GDPR tools: retention after a round's close, find/export/delete a person, the download log."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

pytestmark = pytest.mark.django_db

EMAIL = "Kontakt.Person@Klynge-A.dk"


def make_person(username: str, role: str, *, organisation=None):
    from django.contrib.auth import get_user_model

    from klyngeradar.web.accounts.models import Membership

    user = get_user_model().objects.create_user(
        username=username, email=f"{username}@example.org", password="correct horse battery"
    )
    Membership.objects.create(user=user, role=role, organisation=organisation)
    return user


@pytest.fixture
def stored_round(organisation, cluster_a, cluster_b):
    from klyngeradar.web.surveys.demo import create_demo_round

    round, _links = create_demo_round(organisation, deadline=date(2031, 3, 1))
    round.invitations.update(
        emails=[EMAIL, "anden@klynge-b.dk"], opened_at=timezone.now(), last_seen_at=timezone.now()
    )
    return round


def close(round, days_ago: int) -> None:
    round.status = "closed"
    round.closed_at = timezone.now() - timedelta(days=days_ago)
    round.save()


def run(*args) -> str:
    from io import StringIO

    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def everything_text(round) -> str:
    """Every invitation, answer and history copy of the round, as one searchable text."""
    from klyngeradar.web.surveys.models import Response

    parts = [json.dumps(i.emails) for i in round.invitations.all()]
    parts += [json.dumps(r.answers, ensure_ascii=False) for r in round.responses.all()]
    parts += [json.dumps(h.answers, ensure_ascii=False) for h in Response.history.all()]
    return " ".join(parts).lower()


def test_retention_anonymises_a_round_closed_longer_ago_than_the_period_once(stored_round):
    answers_before = {r.pk: r.answers for r in stored_round.responses.all()}
    close(stored_round, days_ago=400)
    out = run("apply_retention")
    assert "1 runder anonymiseret" in out
    for invitation in stored_round.invitations.all():
        assert invitation.emails == []
        assert invitation.opened_at is None and invitation.last_seen_at is None
    assert {r.pk: r.answers for r in stored_round.responses.all()} == answers_before
    assert "0 runder anonymiseret" in run("apply_retention")


def test_retention_keeps_a_recently_closed_round_and_follows_the_organisations_period(
    stored_round, organisation
):
    from klyngeradar.web.privacy.models import RetentionPolicy

    close(stored_round, days_ago=10)
    assert "0 runder anonymiseret" in run("apply_retention")
    assert stored_round.invitations.filter(emails=[]).count() == 0
    RetentionPolicy.objects.create(organisation=organisation, days_after_close=7)
    assert "1 runder anonymiseret" in run("apply_retention")
    assert stored_round.invitations.exclude(emails=[]).count() == 0


def test_an_open_round_is_never_anonymised(stored_round):
    assert "0 runder anonymiseret" in run("apply_retention")


@pytest.fixture
def person(stored_round, organisation):
    """The contact person: a user account, invitation addresses, an answer naming them."""
    user = make_person("kontakt", "viewer", organisation=organisation)
    user.email = EMAIL.lower()
    user.save()
    response = stored_round.responses.first()
    response.answers = {**response.answers, "contact": f"Skriv til {EMAIL} for mere"}
    response._history_user = user
    response.save()  # a history copy naming the address, made by the user
    return user


def test_finding_a_person_previews_and_exports_without_changing_anything(
    person, stored_round, tmp_path
):
    before = everything_text(stored_round)
    target = tmp_path / "indsigt.json"
    out = run("find_person", EMAIL.upper(), "--export", str(target))
    assert "brugere: 1" in out and "Intet er ændret" in out
    assert everything_text(stored_round) == before
    exported = json.loads(target.read_text("utf-8"))
    assert exported["users"][0]["username"] == "kontakt"
    assert len(exported["invitations"]) == stored_round.invitations.count()
    assert exported["answers"] and exported["answer_history"]
    assert exported["changes_made"]


def test_deleting_a_person_leaves_no_trace_in_rounds_history_or_users(person, stored_round):
    from django.contrib.auth import get_user_model

    from klyngeradar.web.surveys.models import Response

    assert EMAIL.lower() in everything_text(stored_round)
    run("find_person", EMAIL, "--delete")
    assert EMAIL.lower() not in everything_text(stored_round)
    assert "anden@klynge-b.dk" in everything_text(stored_round)  # others stay
    assert not get_user_model().objects.filter(email__iexact=EMAIL).exists()
    assert not Response.history.filter(history_user__username="kontakt").exists()
    assert "[slettet]" in json.dumps(
        stored_round.responses.get(pk=stored_round.responses.first().pk).answers
    )
    with pytest.raises(CommandError, match="nothing is held"):
        run("find_person", EMAIL)


def test_an_unknown_address_is_refused_and_nothing_changes(stored_round):
    before = everything_text(stored_round)
    with pytest.raises(CommandError, match="nothing is held about ingen@example.org"):
        run("find_person", "ingen@example.org", "--delete")
    with pytest.raises(CommandError, match="not an e-mail address"):
        run("find_person", "ingen")
    assert everything_text(stored_round) == before


def test_every_download_is_in_the_log_an_administrator_reads(
    client, analyst, admin_user, stored_round
):
    from klyngeradar.web.privacy.models import DownloadLog

    client.force_login(analyst)
    assert client.get(f"/runder/{stored_round.pk}/eksport.xlsx").status_code == 200
    entry = DownloadLog.objects.get()
    assert entry.username == "analyst" and entry.filename.endswith(".xlsx")
    assert entry.path == f"/runder/{stored_round.pk}/eksport.xlsx"
    analyst.is_staff = True
    analyst.save()
    assert client.get("/admin/privacy/downloadlog/").status_code == 403
    client.force_login(admin_user)
    page = client.get("/admin/privacy/downloadlog/")
    assert page.status_code == 200 and "analyst" in page.content.decode()


# -- the administrator's page ---------------------------------------------------------------

PERSON_PAGE = "/persondata/person/"


@pytest.mark.parametrize("persona", ["analyst", "viewer", "respondent_a"])
def test_only_an_administrator_finds_the_person_page(client_for, request, persona, stored_round):
    client = client_for(request.getfixturevalue(persona))
    assert client.get(PERSON_PAGE).status_code == 404
    assert client.post(PERSON_PAGE, {"email": EMAIL, "action": "delete"}).status_code == 404
    assert "Persondata" not in client.get("/").content.decode()


def test_the_person_page_needs_a_login(client):
    response = client.get(PERSON_PAGE)
    assert response.status_code == 302 and "/konto/login/" in response["Location"]


def test_the_administrator_previews_exports_and_deletes_a_person_after_confirming(
    client_for, admin_user, person, stored_round
):
    from django.contrib.auth import get_user_model

    from klyngeradar.web.privacy.models import DownloadLog

    client = client_for(admin_user)
    assert "Persondata" in client.get("/").content.decode()
    before = everything_text(stored_round)
    preview = client.post(PERSON_PAGE, {"email": EMAIL.upper(), "action": "find"})
    assert preview.status_code == 200
    page = preview.content.decode()
    assert f"Om {EMAIL.lower()}" in page and "brugere: 1" in page
    assert everything_text(stored_round) == before  # a preview changes nothing
    exported = client.post(PERSON_PAGE, {"email": EMAIL, "action": "export"})
    assert exported["Content-Disposition"] == 'attachment; filename="persondata.json"'
    assert json.loads(exported.content)["users"][0]["username"] == "kontakt"
    assert DownloadLog.objects.filter(filename="persondata.json").exists()
    # Deleting asks once more, and only the confirmed post deletes.
    asked = client.post(PERSON_PAGE, {"email": EMAIL, "action": "delete"})
    assert asked.status_code == 200 and 'name="confirm" value="yes"' in asked.content.decode()
    assert EMAIL.lower() in everything_text(stored_round)
    done = client.post(PERSON_PAGE, {"email": EMAIL, "action": "delete", "confirm": "yes"})
    assert done.status_code == 302
    assert EMAIL.lower() not in everything_text(stored_round)
    assert not get_user_model().objects.filter(email__iexact=EMAIL).exists()
    after = client.post(PERSON_PAGE, {"email": EMAIL, "action": "find"}).content.decode()
    assert "Klyngeradar har intet om denne adresse" in after


def test_a_bad_address_is_named_on_the_form_and_nothing_changes(
    client_for, admin_user, stored_round
):
    before = everything_text(stored_round)
    response = client_for(admin_user).post(PERSON_PAGE, {"email": "ingen", "action": "delete"})
    assert response.status_code == 400
    assert "Indtast en gyldig e-mail-adresse." in response.content.decode()
    assert everything_text(stored_round) == before


def test_the_preview_names_participation_lists_naming_a_sole_proprietorship(
    client_for, admin_user, organisation, stored_round
):
    from datetime import date as day

    from klyngeradar.web.agreements.models import Participation, ParticipationImport

    batch = ParticipationImport.objects.create(
        organisation=organisation, filename="deltagere-2024.csv", row_count=2
    )
    for cvr, company in (("12345678", "Jens Hansen Tømrer"), ("87654321", "Nordisk Stål A/S")):
        Participation.objects.create(
            batch=batch, cvr=cvr, company=company, activity="Workshop", date=day(2024, 3, 1)
        )
    response = client_for(admin_user).post(
        PERSON_PAGE, {"email": "jens@example.org", "name": "jens hansen", "action": "find"}
    )
    page = response.content.decode()
    assert "deltagere-2024.csv" in page and ">1</td>" in page
    assert Participation.objects.count() == 2  # named, not changed
