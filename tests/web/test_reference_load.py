"""Loading the shipped reference data: complete, idempotent, and all-or-nothing."""

from __future__ import annotations

import dataclasses

import pytest
from django.core.management import CommandError, call_command

from klyngeradar.core.problems import InputError
from klyngeradar.web.registry.models import (
    Actor,
    Area,
    Cluster,
    Designation,
    Municipality,
    Programme,
    Region,
)
from klyngeradar.web.registry.reference import ReferenceData, load_reference

pytestmark = pytest.mark.django_db

MODELS = (Region, Municipality, Programme, Area, Cluster, Actor, Designation)


def counts():
    return {model.__name__: model.objects.count() for model in MODELS}


def test_it_loads_every_region_municipality_cluster_and_actor():
    load_reference()
    shipped = ReferenceData.shipped()
    assert counts() == {
        "Region": 5,
        "Municipality": 98,
        "Programme": 2,
        "Area": len(shipped.areas),
        "Cluster": len(shipped.clusters),
        "Actor": len(shipped.actors),
        "Designation": len(shipped.designations),
    }
    assert Municipality.objects.get(code="851").region.code == "1081"


def test_it_is_idempotent():
    load_reference()
    before = counts()
    history = Cluster.history.count()
    summary = load_reference(update=True)
    assert counts() == before
    assert Cluster.history.count() == history
    assert all(number == 0 for number in summary.created.values())
    assert all(number == 0 for number in summary.updated.values())


def test_it_keeps_an_analysts_correction_unless_asked_to_update():
    load_reference()
    cluster = Cluster.objects.get(slug="energy-cluster-denmark")
    shipped_name = cluster.name
    cluster.name = "Rettet navn"
    cluster.save()

    load_reference()
    assert Cluster.objects.get(pk=cluster.pk).name == "Rettet navn"

    load_reference(update=True)
    assert Cluster.objects.get(pk=cluster.pk).name == shipped_name


def test_it_keeps_the_verified_flags_and_unverified_fields_visible():
    load_reference()
    shipped = {c.slug: c for c in ReferenceData.shipped().clusters}
    for cluster in Cluster.objects.all():
        assert cluster.verified == shipped[cluster.slug].verified
        assert cluster.unverified_fields == list(shipped[cluster.slug].unverified_fields)
    assert Region.objects.filter(verified=False).exists()  # region codes not yet checked


def with_seat(code: str) -> ReferenceData:
    shipped = ReferenceData.shipped()
    first = dataclasses.replace(shipped.clusters[0], seat_municipality=code)
    return dataclasses.replace(shipped, clusters=(first, *shipped.clusters[1:]))


def with_region(code: str) -> ReferenceData:
    shipped = ReferenceData.shipped()
    first = dataclasses.replace(shipped.actors[0], region=code)
    return dataclasses.replace(shipped, actors=(first, *shipped.actors[1:]))


def with_municipality_region(code: str) -> ReferenceData:
    shipped = ReferenceData.shipped()
    first = dataclasses.replace(shipped.municipalities[0], region=code)
    return dataclasses.replace(shipped, municipalities=(first, *shipped.municipalities[1:]))


@pytest.mark.parametrize(
    ("data", "column", "code"),
    [
        (with_seat("999"), "seat_municipality", "999"),
        (with_region("1099"), "region", "1099"),
        (with_municipality_region("1000"), "region", "1000"),
    ],
    ids=["unknown-municipality", "unknown-actor-region", "unknown-municipality-region"],
)
def test_it_refuses_unknown_codes_and_stores_nothing(data, column, code):
    with pytest.raises(InputError) as refused:
        load_reference(data)
    message = str(refused.value)
    assert column in message and code in message
    assert len(message.splitlines()) == 1
    assert all(number == 0 for number in counts().values())


def test_the_command_reports_unknown_codes_in_one_line(monkeypatch):
    refused = with_seat("999")
    monkeypatch.setattr(ReferenceData, "shipped", classmethod(lambda cls: refused))
    with pytest.raises(CommandError, match="seat_municipality.*999.*is not a known code"):
        call_command("load_reference")
    assert Cluster.objects.count() == 0


def test_the_command_prints_what_it_loaded(capsys):
    call_command("load_reference")
    out = capsys.readouterr().out
    assert "municipalities: 98 created, 0 updated" in out


def test_it_ships_both_programmes_and_flags_the_unconfirmed_2025_designations():
    load_reference()
    programme = Programme.objects.get(slug="klyngeprogram-2025-2028")
    assert (programme.cluster_count, programme.grant_dkk, programme.grant_year) == (
        11,
        662_000_000,
        2025,
    )
    confirmed = programme.designations.filter(verified=True)
    assert {d.cluster.slug for d in confirmed} == {"made", "danish-sound-cluster"}
    assert programme.designations.filter(verified=False).exists()
    marlog = Designation.objects.get(cluster__slug="marlog")
    assert marlog.status == "bankrupt" and marlog.note("en").startswith("Went bankrupt")
    assert marlog.note("da").startswith("Gik konkurs")


def test_a_dry_run_says_what_an_update_would_change_and_changes_nothing():
    load_reference()
    cluster = Cluster.objects.get(slug="energy-cluster-denmark")
    shipped_name = cluster.name
    cluster.name = "Rettet navn"
    cluster.save()
    summary = load_reference(dry_run=True)
    assert f"clusters energy-cluster-denmark: name 'Rettet navn' → '{shipped_name}'" in (
        summary.changes
    )
    assert Cluster.objects.get(pk=cluster.pk).name == "Rettet navn"


def test_an_update_never_touches_a_field_an_analyst_edited(django_user_model):
    load_reference()
    analyst = django_user_model.objects.create_user("analyst")
    designation = Designation.objects.get(
        cluster__slug="made", programme__slug="klyngeprogram-2025-2028"
    )
    designation._history_user = analyst
    designation.grant_dkk = 12_000_000
    designation.grant_year = 2025
    designation.save()
    Designation.objects.filter(pk=designation.pk).update(note_en="stale")  # not via history

    summary = load_reference(update=True)
    designation.refresh_from_db()
    assert (designation.grant_dkk, designation.grant_year) == (12_000_000, 2025)
    assert designation.note_en.startswith("Cluster grant")  # not edited by a person: updated
    assert any("grant_dkk kept as edited by analyst" in line for line in summary.kept)
    # Its history keeps both the analyst's edit and the update.
    assert designation.history.count() == 3


def test_the_command_has_a_dry_run(capsys):
    load_reference()
    call_command("load_reference", "--dry-run")
    out = capsys.readouterr().out
    assert out.startswith("Dry run: nothing was changed.")
