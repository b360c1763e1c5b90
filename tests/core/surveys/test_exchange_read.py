"""Reading the exchange format: values, round keys, lists and every error and warning."""

from datetime import date
from pathlib import Path

import pytest

from klyngeradar.core.problems import InputError
from klyngeradar.core.surveys.exchange import parse_round, read_round, slugify
from klyngeradar.core.surveys.responses import Choice
from klyngeradar.core.tables import Row, Table

FIXTURES = Path(__file__).parents[2] / "fixtures" / "exchange"


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


HEADER = ["cluster", "status", "members.region", "members.region.basis", "presence.municipalities"]


@pytest.mark.parametrize(
    ("header", "row", "message"),
    [
        (
            HEADER,
            ["digital-lead", "complete", "ca. 40", "counted", None],
            'svar.xlsx: svar!C2 members.region: "ca. 40" is not a whole number',
        ),
        (
            HEADER,
            ["digital-lead", "complete", "-3", "counted", None],
            'svar.xlsx: svar!C2 members.region: "-3" is negative',
        ),
        (
            HEADER,
            ["digital-lead", "complete", "4,5", "counted", None],
            'svar.xlsx: svar!C2 members.region: "4,5" is not a whole number',
        ),
        (
            HEADER,
            ["digital-lead", "complete", 4.5, "counted", None],
            'svar.xlsx: svar!C2 members.region: "4.5" is not a whole number',
        ),
        (
            HEADER,
            ["digital-lead", "complete", None, "skønnet", None],
            'svar.xlsx: svar!D2 members.region.basis: "skønnet" is a basis given without a value',
        ),
        (
            HEADER,
            ["digital-lead", "complete", 40, "cirka", None],
            'svar.xlsx: svar!D2 members.region.basis: "cirka" is not a basis',
        ),
        (
            HEADER,
            ["digital-lead", "complete", None, None, "851;101"],
            'svar!E2 presence.municipalities: "851;101" has "101", which is not a municipality '
            "in Region Nordjylland",
        ),
        (
            HEADER,
            ["digital-lead", "ingen", 40, "counted", None],
            'svar!C2 members.region: "40" is an answer in a row whose status is none',
        ),
        (
            HEADER,
            ["digital-lead", "ingen", None, "counted", None],
            'svar!D2 members.region.basis: "counted" is an answer in a row whose status is none',
        ),
        (
            HEADER,
            ["digital-lead", "færdig", None, None, None],
            'svar!B2 status: "færdig" is not a status',
        ),
        (HEADER, ["digital-lead", None, None, None, None], "svar!B2 status is empty"),
        (HEADER, [None, "complete", 40, "counted", None], "svar!A2 cluster is empty"),
        (
            ["cluster", "status", "presence.type"],
            ["digital-lead", "complete", "kontor"],
            'svar!C2 presence.type: "kontor" is not an option of presence.type',
        ),
        (
            ["cluster", "status", "activities.types"],
            ["digital-lead", "complete", "network;ingen"],
            "combines none with other codes",
        ),
        (
            ["cluster", "status", "members.regoin"],
            ["digital-lead", "complete", 40],
            "svar!C1 members.regoin is not a known column",
        ),
        (
            ["cluster", "status", "dialogue.comment.basis"],
            ["digital-lead", "complete", "counted"],
            "svar!C1 dialogue.comment.basis is not a known column",
        ),
        (
            ["cluster", "status", "members.region", "members.region"],
            ["digital-lead", "complete", 40, 41],
            "svar!D1 members.region is a duplicate column (also C)",
        ),
        (
            ["cluster", "status", ""],
            ["digital-lead", "complete", "lost"],
            'svar!C2 "lost" is in a column without a header',
        ),
        (
            ["cluster", "status"],
            ["digital-lead", "complete", "lost"],
            'svar!C2 "lost" is in a column without a header',
        ),
        (
            ["cluster", "members.region"],
            ["digital-lead", 40],
            "svar row 1 status is a required column and is missing",
        ),
        (
            ["status", "members.region"],
            ["complete", 40],
            "svar row 1 cluster is a required column and is missing",
        ),
    ],
)
def test_it_refuses_bad_input_naming_where_and_why(header, row, message):
    assert any(message in problem for problem in errors(header, row)), errors(header, row)


def test_it_refuses_a_duplicate_cluster_row():
    found = errors(
        ["cluster", "status"],
        ["digital-lead", "complete"],
        ["digital-lead", "partial"],
    )
    assert found == [
        'svar.xlsx: svar!A3 cluster: "digital-lead" is a duplicate cluster row (also row 2)'
    ]


def test_it_refuses_a_cluster_that_is_not_in_the_round():
    clusters = {"digital-lead": "DigitalLead"}
    found = errors(["cluster", "status"], ["energy-cluster-denmark", "none"], clusters=clusters)
    assert found == [
        'svar.xlsx: svar!A2 cluster: "energy-cluster-denmark" is not a cluster of this round'
    ]


def test_it_maps_an_exact_cluster_name_to_its_slug():
    clusters = {"food-bio-cluster-denmark": "Food & Bio Cluster Denmark", "digital-lead": "DL"}
    data = parse(
        ["cluster", "status"],
        ["Food & Bio Cluster Denmark", "complete"],
        ["digital-lead", "none"],
        clusters=clusters,
    )
    assert [(r.cluster, r.name) for r in data.responses] == [
        ("food-bio-cluster-denmark", "Food & Bio Cluster Denmark"),
        ("digital-lead", "DL"),
    ]


def test_without_known_clusters_it_makes_a_slug_from_a_name():
    data = parse(["cluster", "status"], ["Dansk Søfart", "complete"])
    assert (data.responses[0].cluster, data.responses[0].name) == ("dansk-soefart", "Dansk Søfart")


def test_it_lists_every_mistake_of_a_file_not_just_the_first():
    with pytest.raises(InputError) as caught:
        read_round(FIXTURES / "svar-several-mistakes.csv", region="1081")
    assert [str(p) for p in caught.value.problems] == [
        "svar-several-mistakes.csv: row 1 members.regoin is not a known column "
        "(cluster, status, a question id or <id>.basis)",
        'svar-several-mistakes.csv: row 2 members.region: "ca. 40" is not a whole number',
        'svar-several-mistakes.csv: row 3 cluster: "energy-cluster-denmark" is a duplicate '
        "cluster row (also row 2)",
        'svar-several-mistakes.csv: row 3 presence.municipalities: "101" is not a municipality '
        "in Region Nordjylland",
        'svar-several-mistakes.csv: row 3 presence.type: "kontor" is not an option of '
        "presence.type (use own_office, colocated_business_hub, colocated_other, none)",
        'svar-several-mistakes.csv: row 4 members.region: "5" is an answer in a row whose '
        "status is none",
        'svar-several-mistakes.csv: row 5 status: "færdig" is not a status (complete, partial '
        "or none; gennemført, delvis or ingen)",
        'svar-several-mistakes.csv: row 5 members.region: "-3" is negative; a whole number ≥ 0 '
        "is expected",
        "svar-several-mistakes.csv: row 6 cluster is empty",
        'svar-several-mistakes.csv: row 6 members.region.basis: "opgjort" is a basis given '
        "without a value",
    ]
    assert all(p.row and p.column and p.severity == "error" for p in caught.value.problems)


def warnings(header, *rows, **options):
    return [str(w) for w in parse(header, *rows, **options).warnings]


@pytest.mark.parametrize(
    ("header", "row", "expected"),
    [
        (
            ["cluster", "status", "members.region", "members.region.basis"],
            ["digital-lead", "complete", 40, None],
            ["svar.xlsx: svar!D2 members.region.basis basis not stated (counted or estimated)"],
        ),
        (
            ["cluster", "status", "members.region"],
            ["digital-lead", "complete", 40],
            [
                "svar.xlsx: svar members.region basis not stated for 1 answer(s): "
                "there is no members.region.basis column (counted or estimated)"
            ],
        ),
        (
            [
                "cluster",
                "status",
                "members.region",
                "members.region.basis",
                "members.region_50plus",
                "members.region_50plus.basis",
                "members.region_under50",
                "members.region_under50.basis",
            ],
            ["digital-lead", "complete", 40, "counted", 10, "counted", 20, "counted"],
            [
                "svar.xlsx: svar!C2 members.region members with 50+ and under 50 employees "
                "(10 + 20 = 30) do not add up to members in the region (40)"
            ],
        ),
        (
            [
                "cluster",
                "status",
                "members.national",
                "members.national.basis",
                "members.region",
                "members.region.basis",
            ],
            ["digital-lead", "complete", 30, "counted", 40, "estimated"],
            [
                "svar.xlsx: svar!E2 members.region members in the region (40) exceed "
                "members in all of Denmark (30)"
            ],
        ),
        (
            ["cluster", "status", "presence.type", "presence.municipalities"],
            ["digital-lead", "complete", "none", "851"],
            [
                "svar.xlsx: svar!D2 presence.municipalities is answered although the form "
                "shows it only when presence.type is not none"
            ],
        ),
    ],
)
def test_it_accepts_doubtful_answers_with_a_warning(header, row, expected):
    assert warnings(header, row) == expected


def test_it_reads_the_round_keys_and_lists_from_their_sheets():
    extra = {
        "runde": sheet(
            ["key", "value"],
            ["region", 1081],
            ["since", "2021-01-01"],
            ["organisation", "BRN"],
            ["title", "Klyngernes engagement i Nordjylland 2023"],
            ["year", 2023],
            name="runde",
        ),
        "aktører": sheet(
            ["slug", "name"],
            ["brn", "Business Region North Denmark"],
            ["aau", None],
            name="aktører",
        ),
        "indsatser": sheet(
            ["slug", "name"], ["groen-omstilling", "Grøn omstilling"], name="indsatser"
        ),
    }
    data = parse(["cluster", "status"], ["digital-lead", "none"], extra=extra, region=None)
    assert data.info.region == "1081"
    assert data.info.since == date(2021, 1, 1)
    assert data.info.organisation == "BRN"
    assert (data.info.year, data.info.label) == (2023, "2023")
    assert data.actors == (Choice("brn", "Business Region North Denmark"), Choice("aau", "aau"))
    assert data.efforts == (Choice("groen-omstilling", "Grøn omstilling"),)
    assert [m.slug for m in data.municipalities][:2] == ["773", "787"]


def test_options_override_the_round_sheet():
    extra = {"runde": sheet(["key", "value"], ["region", "1081"], ["since", "2021-01-01"])}
    data = parse(
        ["cluster", "status"], ["digital-lead", "none"], extra=extra, region="1084", since=None
    )
    assert (data.info.region, data.info.since) == ("1084", date(2021, 1, 1))
    assert len(data.municipalities) == 29


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ([["region", "1099"]], 'runde!B2 value: "1099" is not a region code'),
        ([["since", "1.1.2021"]], 'runde!B2 value: "1.1.2021" is not a date'),
        ([["start", "2021"]], 'runde!A2 key: "start" is not a round key'),
        ([["year", "2025/26"]], 'runde!B2 value: "2025/26" is not a year'),
        ([["year", "25"]], 'runde!B2 value: "25" is not a year'),
        (
            [["since", "2021-01-01"], ["since", "2022-01-01"]],
            'runde!A3 key: "since" is given twice',
        ),
    ],
)
def test_it_refuses_bad_round_keys(rows, message):
    extra = {"runde": sheet(["key", "value"], *rows, name="runde")}
    found = errors(["cluster", "status"], ["digital-lead", "none"], extra=extra, region=None)
    assert any(message in problem for problem in found), found


def test_it_checks_actor_slugs_against_the_actors_sheet():
    extra = {"aktører": sheet(["slug", "name"], ["brn", "BRN"], name="aktører")}
    found = errors(
        ["cluster", "status", "partners.actors"],
        ["digital-lead", "complete", "brn;aau"],
        extra=extra,
    )
    assert found == [
        'svar.xlsx: svar!C2 partners.actors: "brn;aau" has "aau", which is not one of the '
        "round's actors"
    ]


def test_without_an_actors_sheet_the_round_lists_the_slugs_it_sees():
    data = parse(
        ["cluster", "status", "partners.actors", "agreements.actors", "strategy.efforts"],
        ["digital-lead", "complete", "ucn;brn", "aau", "groen-omstilling"],
    )
    assert [a.slug for a in data.actors] == ["aau", "brn", "ucn"]
    assert data.efforts == (Choice("groen-omstilling", "groen-omstilling"),)


def test_without_a_region_any_danish_municipality_is_accepted():
    data = parse(
        ["cluster", "status", "partners.municipalities"],
        ["digital-lead", "complete", "101;851"],
        region=None,
    )
    assert data.responses[0].answers["partners.municipalities"] == frozenset({"101", "851"})
    assert len(data.municipalities) == 98


def test_it_accepts_columns_in_any_order_and_keeps_unanswered_questions_absent():
    data = parse(
        ["members.region", "status", "members.region.basis", "cluster"],
        [None, "delvis", None, "digital-lead"],
    )
    response = data.responses[0]
    assert (response.cluster, response.status, response.answers, response.basis) == (
        "digital-lead",
        "partial",
        {},
        {},
    )
    assert data.warnings == ()


def test_it_reads_a_workbook_whose_round_sheet_holds_a_real_date(tmp_path):
    from datetime import datetime

    from openpyxl import Workbook

    workbook = Workbook()
    answers = workbook.active
    answers.title = "Ark1"
    answers.append(["Cluster", "Status", "members.region", "members.region.basis"])
    answers.append(["digital-lead", "Gennemført", 40, "Opgjort"])
    runde = workbook.create_sheet("runde")
    runde.append(["key", "value"])
    runde.append(["since", datetime(2021, 1, 1)])
    runde.append(["region", "Region Nordjylland"])
    workbook.save(tmp_path / "svar.xlsx")
    data = read_round(tmp_path / "svar.xlsx")
    assert (data.info.since, data.info.region) == (date(2021, 1, 1), "1081")
    assert data.responses[0].answers == {"members.region": 40}
    assert data.responses[0].basis == {"members.region": "counted"}
