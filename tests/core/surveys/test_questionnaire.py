from datetime import date

import pytest

from klyngeradar.core.surveys.questionnaire import (
    consistency_warnings,
    from_dict,
    load,
    validate_answer,
    validate_basis,
    versions,
)

SPEC_IDS = [
    "presence.type",
    "presence.municipalities",
    "presence.colocated_with",
    "presence.planned",
    "partners.actors",
    "partners.municipalities",
    "partners.other",
    "members.national",
    "members.region",
    "members.region_50plus",
    "members.region_under50",
    "participation.companies",
    "participation.persons",
    "activities.in_region",
    "activities.types",
    "activities.value_offers",
    "agreements.actors",
    "agreements.municipalities",
    "agreements.other",
    "agreements.description",
    "agreements.optimal",
    "strategy.efforts",
    "strategy.comment",
    "dialogue.willing",
    "dialogue.comment",
]

Q = load("v1")


def question(qid):
    return Q.question(qid)


def test_it_has_every_question_of_the_spec_in_order():
    assert Q.ids == tuple(SPEC_IDS)


def test_it_loads_the_latest_version_by_default():
    assert versions()[0] == "v1"
    assert load().version == versions()[-1]


def test_it_refuses_an_unknown_version():
    with pytest.raises(ValueError, match="unknown questionnaire version"):
        load("v99")


def test_it_has_sections_a_to_h_with_danish_and_english_titles():
    assert [s.id for s in Q.sections] == list("ABCDEFGH")
    assert Q.sections[0].title.da == "Tilstedeværelse"
    assert Q.sections[0].title.en == "Presence"
    assert question("members.region").section == "C"


@pytest.mark.parametrize(
    ("qid", "kind", "source"),
    [
        ("presence.type", "single", None),
        ("presence.municipalities", "multi", "municipalities"),
        ("presence.planned", "choice3", None),
        ("partners.actors", "multi", "actors"),
        ("members.national", "int", None),
        ("activities.in_region", "yesno", None),
        ("activities.types", "multi", None),
        ("agreements.description", "text", None),
        ("strategy.efforts", "multi", "efforts"),
    ],
)
def test_it_types_each_question(qid, kind, source):
    assert question(qid).type == kind
    assert question(qid).options_from == source


def test_it_has_the_static_option_codes_of_the_spec():
    assert question("presence.type").codes == (
        "own_office",
        "colocated_business_hub",
        "colocated_other",
        "none",
    )
    assert len(question("activities.types").codes) == 11
    assert question("dialogue.willing").codes == ("yes", "no", "maybe")


def test_every_label_and_option_is_in_danish_and_english():
    for q in Q.questions:
        assert q.label.da and q.label.en
        for option in q.options:
            assert option.label.da and option.label.en


@pytest.mark.parametrize(
    ("qid", "answers", "shown"),
    [
        ("presence.municipalities", {}, True),
        ("presence.municipalities", {"presence.type": "own_office"}, True),
        ("presence.municipalities", {"presence.type": "none"}, False),
        ("presence.colocated_with", {}, False),
        ("presence.colocated_with", {"presence.type": "own_office"}, False),
        ("presence.colocated_with", {"presence.type": "colocated_other"}, True),
        ("activities.types", {}, False),
        ("activities.types", {"activities.in_region": "no"}, False),
        ("activities.types", {"activities.in_region": "yes"}, True),
        ("activities.value_offers", {"activities.in_region": "yes"}, True),
        ("members.region", {}, True),
    ],
)
def test_it_shows_and_hides_questions_by_earlier_answers(qid, answers, shown):
    assert Q.visible(qid, answers) is shown


@pytest.mark.parametrize(
    ("lang", "since", "text"),
    [
        ("da", date(2021, 1, 1), "siden 1. januar 2021"),
        ("en", date(2021, 1, 1), "since 1 January 2021"),
        ("da", "2021", "siden 2021"),
        ("da", None, "siden periodens start"),
    ],
)
def test_it_fills_the_since_placeholder(lang, since, text):
    assert Q.label("participation.companies", lang, since=since).endswith(text)


def test_it_fills_the_organisation_placeholder():
    label = Q.label("dialogue.willing", "da", organisation="BRN")
    assert "dialog med BRN og kommunerne" in label
    assert "{organisation}" not in Q.label("dialogue.willing", "en")


@pytest.mark.parametrize(
    ("qid", "raw", "value"),
    [
        ("members.region", "40", 40),
        ("members.region", "1.740", 1740),
        ("members.region", "1 740", 1740),
        ("members.region", 40.0, 40),
        ("members.region", 0, 0),
        ("members.region", "", None),
        ("members.region", None, None),
        ("presence.type", "own_office", "own_office"),
        ("presence.type", " Eget kontor ", "own_office"),
        ("presence.planned", "ja", "yes"),
        ("presence.planned", "Måske", "maybe"),
        ("activities.in_region", "nej", "no"),
        ("activities.types", "network;webinar", frozenset({"network", "webinar"})),
        ("activities.types", ["network", "course"], frozenset({"network", "course"})),
        ("activities.types", "ingen", frozenset()),
        ("activities.types", "none", frozenset()),
        ("presence.municipalities", "851; 813", frozenset({"851", "813"})),
        ("presence.municipalities", 851, frozenset({"851"})),
        ("partners.actors", "brn;aau", frozenset({"brn", "aau"})),
        ("dialogue.comment", "  Gerne, især om grøn omstilling i Ålborg  ", None),
    ],
)
def test_it_turns_raw_input_into_a_typed_value(qid, raw, value):
    result = validate_answer(question(qid), raw, choices=None)
    if qid == "dialogue.comment":
        value = "Gerne, især om grøn omstilling i Ålborg"
    assert result == value


@pytest.mark.parametrize(
    ("qid", "raw", "choices", "reason"),
    [
        ("members.region", "ca. 40", None, "is not a whole number"),
        ("members.region", "-3", None, "is negative"),
        ("members.region", "4,5", None, "is not a whole number"),
        ("members.region", 4.5, None, "is not a whole number"),
        ("presence.type", "office", None, "is not an option of presence.type"),
        ("activities.in_region", "maybe", None, "is not an option"),
        ("activities.types", "network;dinner", None, "dinner"),
        ("activities.types", "none;network", None, "combines none"),
        ("presence.municipalities", "101", {"851", "813"}, "not one of the round's"),
        ("presence.municipalities", "Aalborg", None, "is not a 3-digit code"),
        ("partners.actors", "Erhvervshus Nord", None, "is not a slug"),
        ("partners.actors", "aau", {"brn"}, "not one of the round's actors"),
    ],
)
def test_it_refuses_invalid_input_with_a_reason(qid, raw, choices, reason):
    with pytest.raises(ValueError, match=reason):
        validate_answer(question(qid), raw, choices=choices)


@pytest.mark.parametrize(
    ("raw", "basis"),
    [("counted", "counted"), ("Opgjort", "counted"), ("skønnet", "estimated"), ("", None)],
)
def test_it_reads_a_basis_in_english_or_danish(raw, basis):
    assert validate_basis(raw) == basis


def test_it_refuses_an_unknown_basis():
    with pytest.raises(ValueError, match="is not a basis"):
        validate_basis("cirka")


@pytest.mark.parametrize(
    ("answers", "checks"),
    [
        ({"members.region": 40, "members.region_50plus": 10, "members.region_under50": 30}, []),
        (
            {"members.region": 40, "members.region_50plus": 10, "members.region_under50": 20},
            ["members_split_sum"],
        ),
        ({"members.region": 40, "members.region_50plus": 10}, []),
        ({"members.region": 40, "members.national": 40}, []),
        ({"members.region": 41, "members.national": 40}, ["members_region_above_national"]),
        ({"members.national": 40}, []),
    ],
)
def test_it_finds_inconsistent_member_counts(answers, checks):
    assert [check for check, _ in consistency_warnings(answers)] == checks


def test_it_explains_a_broken_check_with_the_numbers():
    answers = {"members.region": 1740, "members.region_50plus": 10, "members.region_under50": 20}
    [(_, detail)] = consistency_warnings(answers)
    assert "10 + 20 = 30" in detail and "1,740" in detail
    [(_, dansk)] = consistency_warnings(answers, lang="da")
    assert "1.740" in dansk


def test_it_refuses_a_definition_whose_condition_names_an_unknown_question():
    data = {
        "version": "v0",
        "title": {"da": "x", "en": "x"},
        "sections": [
            {
                "id": "A",
                "key": "a",
                "title": {"da": "A", "en": "A"},
                "questions": [
                    {
                        "id": "a.text",
                        "type": "text",
                        "label": {"da": "x", "en": "x"},
                        "show_if": {"question": "a.missing", "in": ["yes"]},
                    }
                ],
            }
        ],
    }
    with pytest.raises(ValueError, match="unknown question"):
        from_dict(data)
