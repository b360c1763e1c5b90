"""Programmes, designations and lineage: the shipped facts and the checks on edited rows."""

from datetime import date

import pytest

from klyngeradar.core.registry.programmes import (
    Designation,
    Lineage,
    Place,
    Programme,
    check_registry,
    current_programme,
    designated_on,
    reference_programmes,
)

IK = Programme("ik", "Innovationskraft", date(2021, 1, 1), date(2024, 12, 31), "src", True)
KP = Programme("kp", "Klyngeprogram", date(2025, 1, 1), date(2028, 12, 31), "src", True)
PROGRAMMES = {"ik": IK, "kp": KP}


def designation(cluster="a", programme="ik", status="designated", start=None, end=None):
    return Designation(cluster, programme, status, start, end, "src", True)


def link(cluster, successor, kind="merged_into"):
    return Lineage(cluster, kind, successor, None, "src", True)


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2023, 10, 1), "ik"),
        (date(2025, 3, 1), "kp"),
        (date(2029, 6, 1), "kp"),  # After the last period: the latest programme.
        (date(2019, 1, 1), None),
    ],
)
def test_it_finds_the_programme_current_on_a_day(day, expected):
    found = current_programme([KP, IK], day)
    assert (found.slug if found else None) == expected


CHECK_CASES = [
    pytest.param([designation()], [], [], id="valid"),
    pytest.param(
        [designation("zz")],
        [],
        ['designations row 2 cluster: "zz" is not a known cluster'],
        id="unknown-cluster",
    ),
    pytest.param(
        [designation(programme="xx")],
        [],
        ['designations row 2 programme: "xx" is not a known programme'],
        id="unknown-programme",
    ),
    pytest.param(
        [designation(start=date(2020, 10, 1))],
        [],
        ['designations row 2 period_from: "2020-10-01" is outside the period of ik'],
        id="designation-outside-its-programme",
    ),
    pytest.param(
        [designation(), designation()],
        [],
        ['designations row 3 cluster: "a" has a designation in ik already (row 2)'],
        id="duplicate-designation",
    ),
    pytest.param(
        [designation(status="paused")], [], ['status: "paused" is not a status'], id="status"
    ),
    pytest.param([], [link("a", "b"), link("b", "c")], [], id="a-chain-is-fine"),
    pytest.param(
        [],
        [link("a", "b"), link("b", "c"), link("c", "a", "renamed_to")],
        ['lineage row 4 successor: "a" makes a loop in the lineage (c → a leads back to c)'],
        id="lineage-loop",
    ),
    pytest.param([], [link("a", "a")], ['successor: "a" makes a loop'], id="lineage-onto-itself"),
    pytest.param([], [link("a", "b", "bought_by")], ['kind: "bought_by" is not a kind'], id="kind"),
]


@pytest.mark.parametrize(("designations", "lineage", "messages"), CHECK_CASES)
def test_it_checks_designations_and_lineage_whole(designations, lineage, messages):
    found = check_registry(
        PROGRAMMES,
        ["a", "b", "c"],
        [(Place(sheet="designations", row=n), d) for n, d in enumerate(designations, start=2)],
        [(Place(sheet="lineage", row=n), x) for n, x in enumerate(lineage, start=2)],
    )
    texts = [str(p) for p in found]
    assert len(texts) == len(messages), texts
    for message, text in zip(messages, texts, strict=True):
        assert message in text


def test_it_ships_both_programmes_with_sources():
    shipped = reference_programmes()
    by_slug = {p.slug: p for p in shipped.programmes}
    assert set(by_slug) == {"innovationskraft-2021-2024", "klyngeprogram-2025-2028"}
    kp = by_slug["klyngeprogram-2025-2028"]
    assert (kp.clusters, kp.grant_dkk, kp.grant_year) == (11, 662_000_000, 2025)
    assert "dfirbrief-55" in kp.source
    assert "662 mio. kr." in kp.note("da") and "DKK 662m" in kp.note("en")
    assert all(p.source for p in shipped.programmes)
    assert all(d.source for d in shipped.designations)


def test_it_confirms_only_made_and_danish_sound_cluster_for_2025_2028():
    shipped = reference_programmes()
    kp = [d for d in shipped.designations if d.programme == "klyngeprogram-2025-2028"]
    assert {d.cluster for d in kp if d.verified} == {"made", "danish-sound-cluster"}
    assert all(not d.verified for d in kp if d.cluster not in {"made", "danish-sound-cluster"})
    # No more rows than the 11 the source names, and every note in both languages.
    assert len(kp) <= 11
    assert all(bool(d.note_da) == bool(d.note_en) for d in shipped.designations)


def test_it_counts_the_clusters_of_a_programme_on_a_day():
    shipped = reference_programmes()
    ik = next(p for p in shipped.programmes if p.slug == "innovationskraft-2021-2024")
    before = {d.cluster for d in designated_on(shipped.designations, ik, date(2022, 1, 1))}
    after = {d.cluster for d in designated_on(shipped.designations, ik, date(2023, 10, 1))}
    assert "marlog" in before and "marlog" not in after
    assert "vision-denmark" in after
