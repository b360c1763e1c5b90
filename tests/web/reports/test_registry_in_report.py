"""The deck and the appendices count the registry the analyst keeps in the database.

An analyst's designation edit or an imported registry workbook reaches the downloaded
deck's landscape table and the appendices' "Udpegede klynger"; the download form's
"Programperiode" chooses another programme period; the overview, the deck's title and
table and the appendices count the same clusters for the same day.
"""

from __future__ import annotations

import io
from datetime import date

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook
from pptx import Presentation

from klyngeradar.web.registry.models import Cluster, Designation, Programme
from klyngeradar.web.registry.reference import load_reference

pytestmark = pytest.mark.django_db

INNOVATIONSKRAFT = "Innovationskraft – danske klynger for viden og erhverv 2021–2024"


@pytest.fixture
def registry(db):
    """The shipped reference data in the database, as `klyngeradar manage load_reference`."""
    load_reference()


def url(name, round):
    return reverse(f"reports:{name}", kwargs={"pk": round.pk})


def landscape_table(content: bytes) -> tuple[str, list[str], str]:
    """The deck's table of the national clusters: (title, cluster names, every text)."""
    for slide in Presentation(io.BytesIO(content)).slides:
        texts = [shape.text_frame.text for shape in slide.shapes if shape.has_text_frame]
        if not any(text.startswith("De nationale klynger") for text in texts):
            continue
        table = next(shape.table for shape in slide.shapes if shape.has_table)
        names = [row.cells[0].text.removesuffix(" *") for row in list(table.rows)[1:]]
        return slide.shapes.title.text, names, "\n".join(texts)
    raise AssertionError("the deck has no table of the national clusters")


def table_rows(content: bytes) -> list[tuple[str, str]]:
    """The (cluster, area) of each row of the deck's table of the national clusters."""
    for slide in Presentation(io.BytesIO(content)).slides:
        texts = [shape.text_frame.text for shape in slide.shapes if shape.has_text_frame]
        if any(text.startswith("De nationale klynger") for text in texts):
            table = next(shape.table for shape in slide.shapes if shape.has_table)
            return [(row.cells[0].text, row.cells[1].text) for row in list(table.rows)[1:]]
    raise AssertionError("the deck has no table of the national clusters")


def designated_sheet(content: bytes) -> tuple[list[str], list[str]]:
    """The appendices' "Udpegede klynger": (cluster names, the lines under the table)."""
    sheet = load_workbook(io.BytesIO(content))["Udpegede klynger"]
    rows = list(sheet.iter_rows(values_only=True))
    names = []
    for row in rows[1:]:
        if all(value is None for value in row[1:]):
            break
        names.append(row[0])
    notes = [row[0] for row in rows if row[0] and not any(row[1:])]
    return names, notes


def download(client, round, **query) -> tuple[tuple[str, list[str], str], tuple]:
    deck = client.get(url("deck", round), query)
    appendices = client.get(url("appendices", round), query)
    assert deck.status_code == appendices.status_code == 200
    return landscape_table(deck.content), designated_sheet(appendices.content)


def test_a_designation_the_analyst_ends_leaves_the_deck_and_the_appendices(
    client_for, analyst, registry, demo_db_round
):
    client = client_for(analyst)
    (title, names, _), (rows, _) = download(client, demo_db_round)
    assert "Odense Robotics" in names and "Odense Robotics" in rows
    assert len(names) == len(rows) == 12

    # The analyst records that the cluster left the programme before the round's date.
    designation = Designation.objects.get(
        cluster__slug="odense-robotics", programme__slug="innovationskraft-2021-2024"
    )
    designation.status = Designation.Status.DROPPED
    designation.period_to = date(2023, 6, 30)
    designation.save()

    (title, names, texts), (rows, notes) = download(client, demo_db_round)
    assert "Odense Robotics" not in names and "Odense Robotics" not in rows
    assert len(names) == len(rows) == 11
    assert title.startswith("11 ")
    assert "; 11 klynger" in texts
    assert notes[0].endswith("11 klynger udpeget pr. 15. oktober 2023.")


def test_a_cluster_added_by_the_registry_workbook_reaches_the_deck_and_the_appendices(
    client_for, analyst, registry, demo_db_round
):
    client = client_for(analyst)
    response = client.get(reverse("registry:workbook"))
    book = openpyxl.load_workbook(io.BytesIO(response.content))
    areas, clusters, designations = book["områder"], book["klynger"], book["udpegninger"]
    header = [cell.value for cell in areas[1]]
    first = dict(zip(header, next(areas.iter_rows(min_row=2, values_only=True)), strict=True))
    row = first | {"slug": "havteknologi", "name": "Havteknologi", "source": "BRN"}
    areas.append([row[name] for name in header])
    header = [cell.value for cell in clusters[1]]
    made = next(r for r in clusters.iter_rows(min_row=2, values_only=True) if r[0] == "made")
    row = dict(zip(header, made, strict=True)) | {
        "slug": "nordisk-havklynge",
        "name": "Nordisk Havklynge",
        "area": "havteknologi",
        "staff": None,
        "members": None,
    }
    clusters.append([row[name] for name in header])
    header = [cell.value for cell in designations[1]]
    made = next(r for r in designations.iter_rows(min_row=2, values_only=True) if r[0] == "made")
    row = dict(zip(header, made, strict=True)) | {"cluster": "nordisk-havklynge"}
    designations.append([row[name] for name in header])
    data = io.BytesIO()
    book.save(data)
    file = SimpleUploadedFile("register.xlsx", data.getvalue())
    assert client.post(reverse("registry:workbook_import"), {"file": file}).status_code == 302

    (title, names, texts), (rows, _) = download(client, demo_db_round)
    assert "Nordisk Havklynge" in names and "Nordisk Havklynge" in rows
    assert len(names) == len(rows) == 13
    assert title.startswith("13 ")
    deck = client.get(url("deck", demo_db_round))
    assert ("Nordisk Havklynge", "Havteknologi") in table_rows(deck.content)
    appendices = client.get(url("appendices", demo_db_round))
    sheet = load_workbook(io.BytesIO(appendices.content))["Udpegede klynger"]
    assert ("Nordisk Havklynge", "Havteknologi") in [
        r[:2] for r in sheet.iter_rows(values_only=True)
    ]


def test_the_overview_the_deck_and_the_appendices_count_the_same_clusters(
    client_for, analyst, registry, demo_db_round
):
    client = client_for(analyst)
    Designation.objects.filter(cluster__slug="vision-denmark").update(verified=False)
    overview = client.get(reverse("dashboard:overview"))
    (title, names, texts), (rows, notes) = download(client, demo_db_round)
    count = overview.context["programme_clusters"]
    assert overview.context["programme"].name == INNOVATIONSKRAFT
    assert count == len(names) == len(rows)
    assert title.startswith(f"{count} ")
    assert f"Kilde: klyngeregistret, {INNOVATIONSKRAFT} pr. 15.10.2023; {count} klynger" in texts
    assert notes[0] == (
        f"Programperiode: {INNOVATIONSKRAFT} (2021–2024); "
        f"{count} klynger udpeget pr. 15. oktober 2023."
    )
    assert "Programperioden er den, der gælder på rundens dato." in notes


def test_the_chosen_programme_period_is_counted_and_named(
    client_for, analyst, registry, demo_db_round
):
    client = client_for(analyst)
    (title, names, texts), (rows, notes) = download(
        client, demo_db_round, programme="klyngeprogram-2025-2028"
    )
    later = set(
        Cluster.objects.filter(designations__programme__slug="klyngeprogram-2025-2028").values_list(
            "name", flat=True
        )
    )
    assert set(names) == set(rows) == later
    assert len(names) == len(later) < 12
    assert "De nationale klynger · Klyngeprogram 2025–2028" in texts
    assert "Klyngeprogram 2025–2028 (valgt programperiode) pr. 01.01.2025" in texts
    assert title.startswith(f"{len(later)} af programmets 11 klynger")
    assert notes[0].startswith(
        f"Programperiode: Klyngeprogram 2025–2028 (2025–2028); {len(later)} klynger udpeget"
    )
    assert any(note.startswith("Programperioden er valgt til rapporten") for note in notes)


def test_a_programme_period_the_analyst_added_can_be_chosen(
    client_for, analyst, registry, demo_db_round
):
    own = Programme.objects.create(
        slug="regional-2023",
        name="Regionalt udvalg 2023",
        start=date(2023, 1, 1),
        end=date(2023, 12, 31),
        source="BRN's eget valg",
        verified=True,
    )
    Designation.objects.create(
        cluster=Cluster.objects.get(slug="made"), programme=own, source="BRN", verified=True
    )
    (title, names, texts), (rows, notes) = download(
        client_for(analyst), demo_db_round, programme="regional-2023"
    )
    assert names == rows == ["MADE – Manufacturing Academy of Denmark"]
    assert "Regionalt udvalg 2023 (valgt programperiode) pr. 15.10.2023" in texts


def test_the_download_form_offers_the_programme_periods_and_names_the_current_one(
    client_for, analyst, registry, demo_db_round
):
    page = client_for(analyst).get(url("round_report", demo_db_round)).content.decode()
    assert "Programperiode" in page
    assert f"Den gældende på rundens dato ({INNOVATIONSKRAFT})" in page
    assert 'value="klyngeprogram-2025-2028"' in page


def test_an_unknown_programme_period_is_refused(client_for, analyst, registry, demo_db_round):
    response = client_for(analyst).get(url("deck", demo_db_round), {"programme": "ukendt"})
    assert response.status_code == 400
    assert "programperiode" in response.content.decode()


def test_a_cluster_linked_only_by_its_programme_field_counts_as_on_the_overview(registry):
    from klyngeradar.core.reports.landscape_clusters import programme_clusters
    from klyngeradar.web.registry.facts import registry_clusters, registry_programmes
    from klyngeradar.web.registry.programmes import designated_on, programme_on

    day = date(2023, 10, 15)
    Cluster.objects.create(
        slug="gammel-klynge",
        name="Gammel Klynge",
        programme=Programme.objects.get(slug="innovationskraft-2021-2024"),
        source="BRN",
        verified=True,
    )
    counted = programme_clusters(registry_clusters(), registry_programmes(), day)
    on_overview = designated_on(Cluster.objects.all(), programme_on(day), day)
    assert "gammel-klynge" in {c.slug for c in counted.clusters}
    assert {c.slug for c in counted.clusters} == set(on_overview.values_list("slug", flat=True))
