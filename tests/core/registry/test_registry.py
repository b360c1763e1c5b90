import copy
import json
from datetime import date
from importlib import resources

import pytest

from klyngeradar.core.problems import InputError
from klyngeradar.core.registry import geography
from klyngeradar.core.registry.reference import (
    ACTOR_KINDS,
    ClusterFacts,
    load_actors,
    load_cluster_reference,
    reference_actors,
    reference_areas,
    reference_clusters,
    reference_landscape_facts,
    reference_programme,
)


def _shipped(name):
    text = resources.files("klyngeradar.data.reference").joinpath(name).read_text("utf-8")
    return json.loads(text)


def _cluster(slug):
    return next(c for c in reference_clusters() if c.slug == slug)


def _problems(call):
    with pytest.raises(InputError) as caught:
        call()
    return caught.value.problems


def test_it_ships_the_innovationskraft_programme():
    programme = reference_programme()
    assert programme.slug == "innovationskraft-2021-2024"
    assert (programme.start, programme.end) == (date(2021, 1, 1), date(2024, 12, 31))
    assert programme.source.startswith("https://")


def test_it_ships_the_clusters_in_the_public_sources():
    slugs = {c.slug for c in reference_clusters()}
    assert {
        "clean",
        "energy-cluster-denmark",
        "food-bio-cluster-denmark",
        "danish-life-science-cluster",
        "digitallead",
        "build-in-denmark",
        "lifestyle-design-cluster",
        "odense-robotics",
        "made",
        "danish-sound-cluster",
        "marlog",
    } <= slugs


@pytest.mark.parametrize(
    ("slug", "seat"),
    [
        ("clean", "540"),
        ("energy-cluster-denmark", "851"),
        ("build-in-denmark", "165"),
        ("odense-robotics", "461"),
        ("danish-sound-cluster", "671"),
    ],
)
def test_it_knows_the_verified_seats(slug, seat):
    cluster = _cluster(slug)
    assert cluster.seat_municipality == seat
    assert cluster.is_confirmed("seat_municipality")


def test_it_flags_unconfirmed_facts_instead_of_stating_them():
    assert not _cluster("digitallead").is_confirmed("seat_municipality")
    assert not _cluster("food-bio-cluster-denmark").verified
    assert _cluster("lifestyle-design-cluster").seat_municipality is None


def test_it_keeps_marlog_as_ended_in_2022_with_a_note_on_the_bankruptcy():
    marlog = _cluster("marlog")
    assert marlog.valid_to.year == 2022
    assert "bankrupt" in marlog.text("note", "en").lower()
    assert "konkurs" in marlog.note.lower()
    assert not marlog.is_active(date(2023, 1, 1))
    assert marlog.is_active(date(2021, 6, 1))


def test_it_keeps_copenhagen_fintech_only_as_an_unconfirmed_candidate():
    fintech = _cluster("copenhagen-fintech")
    assert not fintech.verified
    assert "candidate" in fintech.text("note", "en").lower()
    assert "kandidat" in fintech.note.lower()
    assert fintech.seat_municipality is None and fintech.website is None


def test_it_never_invents_figures_and_keeps_the_seed_ranges_off_the_clusters():
    # The seed's ranges ("all chairs from business", boards of 10–21) describe the landscape.
    assert all(c.chair_from_business is None for c in reference_clusters())
    assert all(c.board_size is None for c in reference_clusters())
    assert _cluster("clean").staff is None
    assert _cluster("danish-sound-cluster").grant_dkk == 5_500_000


def test_it_ships_the_seed_ranges_as_landscape_facts():
    facts = {f.key: f for f in reference_landscape_facts()}
    assert (facts["staff"].low, facts["staff"].high) == (7, 50)
    assert (facts["members"].low, facts["members"].high) == (85, 450)
    assert (facts["board_size"].low, facts["board_size"].high) == (10, 21)
    assert facts["chair_from_business"].value_da == "alle 13"
    assert all("Navigators" in f.source for f in facts.values())


def test_every_row_has_a_source_and_a_known_area_and_seat():
    areas = {a.slug for a in reference_areas()}
    codes = {m.code for m in geography.municipalities()}
    for cluster in reference_clusters():
        assert cluster.source
        assert cluster.area in areas
        assert cluster.seat_municipality is None or cluster.seat_municipality in codes
    assert all(a.source for a in reference_areas())


def test_it_ships_the_north_jutland_actors():
    actors = {a.slug: a for a in reference_actors()}
    assert {slug: a.kind for slug, a in actors.items()} == {
        "brn": "regional_body",
        "erhvervshus-nordjylland": "business_hub",
        "region-nordjylland": "regional_body",
        "aau": "university",
        "ucn": "university",
        "green-hub-denmark": "hub_partnership",
        "hydrogen-valley": "hub_partnership",
        "edih-add-smart": "hub_partnership",
    }
    assert all(a.region == "1081" and a.source for a in actors.values())
    assert not actors["hydrogen-valley"].verified
    assert not actors["edih-add-smart"].verified
    assert actors["brn"].verified


def test_it_returns_frozen_rows():
    with pytest.raises(AttributeError):
        reference_clusters()[0].staff = 10  # type: ignore[misc]
    assert isinstance(reference_clusters()[0], ClusterFacts)


def _with_cluster_change(change):
    document = copy.deepcopy(_shipped("clusters.json"))
    change(document)
    return document


@pytest.mark.parametrize(
    ("change", "sheet", "row", "column", "reason"),
    [
        (
            lambda d: d["clusters"][0].update(seat_municipality="999"),
            "clusters",
            1,
            "seat_municipality",
            "not a known municipality code",
        ),
        (
            lambda d: d["clusters"][1].update(area="tourism"),
            "clusters",
            2,
            "area",
            "not one of the areas",
        ),
        (
            lambda d: d["clusters"][0].update(slug="Clean Cluster"),
            "clusters",
            1,
            "slug",
            "not a slug",
        ),
        (
            lambda d: d["clusters"][1].update(slug="clean"),
            "clusters",
            2,
            "slug",
            "used twice (also entry 1)",
        ),
        (
            lambda d: d["clusters"][0].update(staff=-3),
            "clusters",
            1,
            "staff",
            "not a whole number",
        ),
        (
            lambda d: d["clusters"][0].update(members="ca. 100"),
            "clusters",
            1,
            "members",
            "not a whole number",
        ),
        (
            lambda d: d["clusters"][0].update(cvr="13748137"),
            "clusters",
            1,
            "cvr",
            "check digit",
        ),
        (
            lambda d: d["clusters"][0].update(valid_to="2020-01-01"),
            "clusters",
            1,
            "valid_to",
            "before valid_from",
        ),
        (
            lambda d: d["clusters"][0].update(valid_from="1. januar 2021"),
            "clusters",
            1,
            "valid_from",
            "not a date",
        ),
        (
            lambda d: d["clusters"][0].update(unverified_fields=["stafff"]),
            "clusters",
            1,
            "unverified_fields",
            "not a field",
        ),
        (
            lambda d: d["clusters"][0].pop("source"),
            "clusters",
            1,
            "source",
            "missing",
        ),
        (
            lambda d: d["clusters"][0].update(employees=7),
            "clusters",
            1,
            "employees",
            "not a known field",
        ),
        (
            lambda d: d["areas"][0].update(verified="yes"),
            "areas",
            1,
            "verified",
            "not true or false",
        ),
    ],
)
def test_it_refuses_bad_cluster_data_naming_where_and_why(change, sheet, row, column, reason):
    document = _with_cluster_change(change)
    problems = _problems(lambda: load_cluster_reference(document))
    assert any(
        p.file == "clusters.json"
        and p.sheet == sheet
        and p.row == row
        and p.column == column
        and reason in p.reason
        for p in problems
    ), problems


def test_it_reports_every_problem_not_just_the_first():
    def change(document):
        document["clusters"][0]["seat_municipality"] = "999"
        document["clusters"][2]["staff"] = "many"

    problems = _problems(lambda: load_cluster_reference(_with_cluster_change(change)))
    assert [(p.row, p.column) for p in problems] == [(1, "seat_municipality"), (3, "staff")]


@pytest.mark.parametrize(
    ("change", "column", "reason"),
    [
        (lambda a: a.update(kind="cluster"), "kind", "is not one of regional_body"),
        (lambda a: a.update(region="1099"), "region", "not a known region code"),
        (lambda a: a.update(slug="BRN"), "slug", "not a slug"),
        (lambda a: a.update(verified=None), "verified", "is empty"),
        (lambda a: a.pop("name"), "name", "is missing"),
    ],
)
def test_it_refuses_bad_actor_data(change, column, reason):
    document = copy.deepcopy(_shipped("actors.json"))
    change(document["actors"][0])
    problems = _problems(lambda: load_actors(document))
    assert [(p.sheet, p.row, p.column) for p in problems] == [("actors", 1, column)]
    assert reason in problems[0].reason


def test_it_refuses_a_document_that_is_not_an_object():
    problems = _problems(lambda: load_actors([]))
    assert problems[0].file == "actors.json"
    assert "not a JSON object" in problems[0].reason


def test_it_knows_the_actor_kinds():
    assert ACTOR_KINDS == (
        "regional_body",
        "business_hub",
        "municipality",
        "university",
        "hub_partnership",
        "other",
    )


def test_every_note_and_text_source_is_in_danish_and_english():
    for cluster in reference_clusters():
        for field in ("note", "maturity_note"):
            assert bool(getattr(cluster, field)) == bool(getattr(cluster, f"{field}_en")), (
                cluster.slug,
                field,
            )
        if not cluster.source.startswith("http"):
            assert cluster.source_en, cluster.slug
    energy = next(c for c in reference_clusters() if c.slug == "energy-cluster-denmark")
    assert "800 mio. kr." in energy.text("maturity_note", "da")
    assert "DKK 800m" in energy.text("maturity_note", "en")
