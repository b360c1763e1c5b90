"""A round as exchange-format tables (the cell values the writers lay out)."""

from datetime import date

from klyngeradar.core.surveys.exchange import parse_round
from klyngeradar.core.surveys.exchange_write import answer_columns, round_to_tables
from klyngeradar.core.surveys.questionnaire import load
from klyngeradar.core.surveys.responses import Choice, Response, RoundData, RoundInfo

ROUND = RoundData(
    info=RoundInfo(
        region="1081", since=date(2021, 1, 1), organisation="BRN", title="Runde 2023", year=2023
    ),
    responses=(
        Response(
            cluster="energy-cluster-denmark",
            status="complete",
            name="Energy Cluster Denmark",
            answers={
                "presence.type": "own_office",
                "presence.municipalities": frozenset({"851", "813"}),
                "members.region": 120,
                "activities.types": frozenset({"webinar", "network"}),
                "agreements.actors": frozenset(),
                "dialogue.comment": "Gerne – især i Ålborg",
            },
            basis={"members.region": "estimated"},
        ),
        Response(cluster="digital-lead", status="none", name="DigitalLead"),
    ),
    municipalities=(Choice("813", "Frederikshavn"), Choice("851", "Aalborg")),
    actors=(Choice("brn", "Business Region North Denmark"),),
)


def test_it_puts_questions_in_questionnaire_order_with_the_basis_after_each_number():
    columns = answer_columns()
    assert columns[:4] == (
        "presence.type",
        "presence.municipalities",
        "presence.colocated_with",
        "presence.planned",
    )
    at = columns.index("members.national")
    assert columns[at : at + 3] == ("members.national", "members.national.basis", "members.region")
    assert len(columns) == len(load().ids) + 6


def test_it_writes_codes_joined_by_semicolons_and_none_for_an_answered_empty_set():
    table = round_to_tables(ROUND)["svar"]
    assert table.header[:3] == ("cluster", "name", "status")
    row = dict(zip(table.header, table.rows[0].values, strict=True))
    assert row["presence.municipalities"] == "813;851"
    assert row["activities.types"] == "network;webinar"  # The questionnaire's option order.
    assert row["agreements.actors"] == "none"
    assert row["members.region"] == 120
    assert row["members.region.basis"] == "estimated"
    assert row["partners.actors"] is None
    assert table.rows[1].number == 3


def test_it_writes_the_round_keys_and_the_regions_lists():
    tables = round_to_tables(ROUND)
    assert [row.values for row in tables["runde"].rows] == [
        ("region", "1081"),
        ("since", "2021-01-01"),
        ("organisation", "BRN"),
        ("title", "Runde 2023"),
        ("year", 2023),
    ]
    assert [row.values for row in tables["aktører"].rows] == [
        ("brn", "Business Region North Denmark")
    ]
    assert tables["indsatser"].rows == ()


def test_its_tables_read_back_to_the_same_round():
    back = parse_round(round_to_tables(ROUND), file="svar.xlsx")
    expected_municipalities = back.municipalities  # The region's full list.
    assert back.responses == ROUND.responses
    assert back.info == ROUND.info
    assert back.actors == ROUND.actors
    assert len(expected_municipalities) == 11
