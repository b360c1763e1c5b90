"""Reading the exchange format: values, round keys, lists and every error and warning."""

from datetime import date
from pathlib import Path

import pytest

from klyngeradar.core.exchange import parse_round, read_round, slugify
from klyngeradar.core.problems import InputError
from klyngeradar.core.responses import Choice
from klyngeradar.core.tables import Row, Table

FIXTURES = Path(__file__).parent.parent / "fixtures" / "exchange"


def sheet(header, *rows, name="svar"):
    """A table as a workbook sheet would give it: the header on row 1, data from row 2."""
    body = tuple(Row(number, tuple(values)) for number, values in enumerate(rows, start=2))
    return Table(name, tuple(header), body, name)


def parse(header, *rows, **options):
    tables = {"svar": sheet(header, *rows)}
    tables.update(options.pop("extra", {}))
    options.setdefault("region", "1081")
    return parse_round(tables, file="svar.xlsx", **options)


def errors(header, *rows, **options):
    with pytest.raises(InputError) as caught:
        parse(header, *rows, **options)
    return [str(problem) for problem in caught.value.problems]


def answer(column, value, basis=None, status="complete"):
    header = ["cluster", "status", column] + ([f"{column}.basis"] if basis else [])
    row = ["digital-lead", status, value] + ([basis] if basis else [])
    response = parse(header, row).responses[0]
    return response.answers.get(column), response.basis.get(column)


@pytest.mark.parametrize(
    ("column", "cell", "value"),
    [
        ("presence.type", "own_office", "own_office"),
        ("presence.type", "Samlokation med Erhvervshuset", "colocated_business_hub"),
        ("presence.municipalities", "851;813", frozenset({"851", "813"})),
        ("presence.municipalities", 851, frozenset({"851"})),
        ("presence.municipalities", "ingen", frozenset()),
        ("presence.colocated_with", "Nordjyllands Erhvervsfremme", "Nordjyllands Erhvervsfremme"),
        ("presence.planned", "måske", "maybe"),
        ("activities.in_region", "Ja", "yes"),
        ("activities.types", "network; course", frozenset({"network", "course"})),
        ("activities.types", "none", frozenset()),
        ("partners.actors", "brn;aau", frozenset({"brn", "aau"})),
        ("dialogue.willing", "yes", "yes"),
        ("dialogue.comment", "Gerne – især om grøn omstilling", "Gerne – især om grøn omstilling"),
        ("dialogue.comment", "", None),
    ],
)
def test_it_reads_each_value_type(column, cell, value):
    assert answer(column, cell)[0] == value


@pytest.mark.parametrize(
    ("cell", "basis", "value", "stated"),
    [
        ("1.740", "opgjort", 1740, "counted"),
        ("1 740", "counted", 1740, "counted"),
        (40, "skønnet", 40, "estimated"),
        (40.0, "estimated", 40, "estimated"),
        ("0", "counted", 0, "counted"),
    ],
)
def test_it_reads_whole_numbers_with_their_basis(cell, basis, value, stated):
    assert answer("members.region", cell, basis) == (value, stated)


def test_it_reads_the_danish_fixture_saved_by_excel():
    data = read_round(FIXTURES / "svar-excel-cp1252.csv", region="1081", since="2021-01-01")
    energy, digital, food = data.responses
    assert energy.name == "Energy Cluster Denmark"
    assert energy.status == "complete"
    assert energy.answers["members.national"] == 1740
    assert energy.basis == {"members.national": "counted", "members.region": "estimated"}
    assert "Ålborg" in energy.answers["activities.value_offers"]
    assert digital.status == "partial"
    assert digital.answers["partners.actors"] == frozenset()
    assert food.status == "none" and food.answers == {}
    assert data.info.since == date(2021, 1, 1)
    assert data.actors == (Choice("brn", "brn"),)
    assert len(data.municipalities) == 11


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Energy Cluster Denmark", "energy-cluster-denmark"),
        ("Food & Bio Cluster Denmark", "food-bio-cluster-denmark"),
        ("Dansk Søfart – Blå Danmark", "dansk-soefart-blaa-danmark"),
    ],
)
def test_it_slugifies_cluster_names(name, slug):
    assert slugify(name) == slug
