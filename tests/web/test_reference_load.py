"""Loading the shipped reference data: complete, idempotent, and all-or-nothing."""

from __future__ import annotations

import dataclasses

import pytest
from django.core.management import CommandError, call_command

from klyngeradar.core.problems import InputError
from klyngeradar.web.registry.models import Actor, Area, Cluster, Municipality, Programme, Region
from klyngeradar.web.registry.reference import ReferenceData, load_reference

pytestmark = pytest.mark.django_db

MODELS = (Region, Municipality, Programme, Area, Cluster, Actor)


def counts():
    return {model.__name__: model.objects.count() for model in MODELS}


def test_it_loads_every_region_municipality_cluster_and_actor():
    load_reference()
    shipped = ReferenceData.shipped()
    assert counts() == {
        "Region": 5,
        "Municipality": 98,
        "Programme": 1,
        "Area": len(shipped.areas),
        "Cluster": len(shipped.clusters),
        "Actor": len(shipped.actors),
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
