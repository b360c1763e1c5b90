"""Export a round in the exchange format; import answers: checked whole, previewed, all or none."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from klyngeradar.core.surveys.demo import demo_round
from klyngeradar.web.registry.models import Cluster
from klyngeradar.web.surveys.convert import round_data
from klyngeradar.web.surveys.demo import create_demo_round
from klyngeradar.web.surveys.invitations import invite
from klyngeradar.web.surveys.models import Response, Round

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(organisation, north_jutland):
    round, _links = create_demo_round(organisation, deadline=date(2025, 3, 15))
    return round


@pytest.fixture
def fresh_round(organisation, north_jutland, demo):
    """A new round with the same region, lists and invited clusters, and no answers yet."""
    round = Round.objects.create(
        organisation=organisation,
        region=north_jutland,
        title=demo.title,
        since=demo.since,
        deadline=date(2026, 3, 15),
        actors=demo.actors,
        efforts=demo.efforts,
    )
    for response in demo.responses.all():
        invite(round, response.cluster, ["x@example.org"])
    return round


def test_the_demo_round_in_the_database_gives_the_demo_rounds_answers(demo):
    data = round_data(demo)

    expected = demo_round()
    assert [(r.cluster, r.status) for r in data.responses] == [
        (r.cluster, r.status) for r in expected.responses
    ]
    assert [r.answers for r in data.responses] == [r.answers for r in expected.responses]
    assert [dict(r.basis) for r in data.responses] == [dict(r.basis) for r in expected.responses]


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_export_then_import_into_a_fresh_round_gives_identical_answers(
    client_for, analyst, demo, fresh_round, fmt
):
    client = client_for(analyst)
    exported = client.get(reverse("surveys:export", args=[demo.pk, fmt]))
    assert exported.status_code == 200
    content = b"".join(exported.streaming_content)
    upload = SimpleUploadedFile(f"svar.{fmt}", content)

    preview = client.post(reverse("surveys:import", args=[fresh_round.pk]), {"file": upload})
    assert preview.status_code == 200, preview.content.decode()[:2000]
    changes = preview.context["changes"]
    assert len(changes) == 13
    assert sum(1 for c in changes if c.changes_anything) == 12
    assert round_data(fresh_round).responders == ()  # Nothing is stored by the preview.

    confirmed = client.post(
        reverse("surveys:import_confirm", args=[fresh_round.pk]),
        {"sha256": preview.context["sha256"]},
    )

    assert confirmed.status_code == 302
    before, after = round_data(demo), round_data(fresh_round)
    assert [(r.cluster, r.status, r.answers, dict(r.basis)) for r in after.responses] == [
        (r.cluster, r.status, r.answers, dict(r.basis)) for r in before.responses
    ]
    history = Response.objects.get(round=fresh_round, cluster__slug="klynge-a").history.first()
    assert history.history_change_reason == f"import: svar.{fmt}"


MISTAKES = (
    "cluster;status;members.region;members.region.basis;presence.type;partners.actors;colour\n"
    "klynge-a;complete;ca. 40;counted;own_office;brn;\n"
    "klynge-zz;complete;10;counted;;;\n"
    "klynge-b;none;12;;;;\n"
    "klynge-c;complete;5;counted;bad_code;unknown-actor;\n"
).encode("cp1252")


def test_a_file_with_mistakes_is_refused_with_every_mistake_named_and_nothing_stored(
    client_for, analyst, demo
):
    before = round_data(demo)
    client = client_for(analyst)

    page = client.post(
        reverse("surveys:import", args=[demo.pk]),
        {"file": SimpleUploadedFile("svar.csv", MISTAKES)},
    )

    assert page.status_code == 422
    located = [(p.row, p.column, p.value) for p in page.context["problems"]]
    assert located == [
        (1, "colour", None),  # unknown column
        (2, "members.region", "ca. 40"),  # not a whole number
        (3, "cluster", "klynge-zz"),  # not a cluster of this round
        (4, "members.region", "12"),  # an answer in a row whose status is none
        (5, "presence.type", "bad_code"),  # not an option
        (5, "partners.actors", "unknown-actor"),  # not one of the round's actors
    ]
    html = page.content.decode()
    assert "Filen blev afvist" in html
    assert "ca. 40" in html
    assert round_data(demo) == before


def test_an_import_may_not_name_an_actor_the_round_does_not_know(client_for, analyst, demo):
    # A well-formed slug is not enough: the round's list of actors is what counts.
    content = b"cluster;status;partners.actors\nklynge-a;complete;not-in-round\n"

    page = client_for(analyst).post(
        reverse("surveys:import", args=[demo.pk]), {"file": SimpleUploadedFile("svar.csv", content)}
    )

    assert page.status_code == 422
    assert [p.value for p in page.context["problems"]] == ["not-in-round"]


def test_the_preview_lists_what_would_change_per_cluster(client_for, analyst, demo):
    content = "cluster;status;members.region;members.region.basis\nklynge-m;partial;7;estimated\n"

    page = client_for(analyst).post(
        reverse("surveys:import", args=[demo.pk]),
        {"file": SimpleUploadedFile("svar.csv", content.encode())},
    )

    (change,) = page.context["changes"]
    assert (change.cluster, change.status_before, change.status_after) == (
        "klynge-m",
        "none",
        "partial",
    )
    assert change.answers == (("members.region", None, "7 (estimated)"),)
    assert Response.objects.get(round=demo, cluster__slug="klynge-m").answers == {}


def test_a_viewer_may_export_but_not_import(client_for, viewer, demo):
    client = client_for(viewer)

    assert client.get(reverse("surveys:export", args=[demo.pk, "xlsx"])).status_code == 200
    assert client.get(reverse("surveys:import", args=[demo.pk])).status_code == 403


def test_demo_clusters_are_reused_not_duplicated(organisation, north_jutland):
    Cluster.objects.create(slug="klynge-a", name="Klynge A", fictitious=True)

    create_demo_round(organisation, deadline=date(2025, 3, 15))

    assert Cluster.objects.filter(slug="klynge-a").count() == 1


def test_the_preview_warns_when_a_confirmed_import_would_blank_existing_answers(
    client_for, analyst, demo
):
    existing = Response.objects.get(round=demo, cluster__slug="klynge-a").answers
    assert existing.get("members.region") is not None
    content = "cluster;status;members.region;members.region.basis\nklynge-a;complete;;\n"

    page = client_for(analyst).post(
        reverse("surveys:import", args=[demo.pk]),
        {"file": SimpleUploadedFile("svar.csv", content.encode())},
    )

    assert page.status_code == 200
    html = page.content.decode()
    # The file has no column for the other questions either: all of them would be blanked.
    blanked, clusters = page.context["blanked"]
    assert clusters == 1 and blanked == len(existing)
    assert f"Bemærk: importen sletter {blanked} svar, der findes nu, hos 1 klynge(r)" in html
    assert '<strong class="blanked">slettes</strong>' in html
