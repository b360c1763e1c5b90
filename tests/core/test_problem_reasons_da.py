"""Every reader names its problems in Danish too, while the English text stays as it was."""

import json
from datetime import date

import pytest

from klyngeradar.core.agreements.documentation import read_company_figures
from klyngeradar.core.agreements.participation import read_participation
from klyngeradar.core.findings.checks import check_round
from klyngeradar.core.numbers import parse_whole_number
from klyngeradar.core.problems import InputError, danish_reason
from klyngeradar.core.registry.reference import load_actors, load_cluster_reference
from klyngeradar.core.strategy.decisions import AnalystDecision
from klyngeradar.core.strategy.engagement import EngagementWeights
from klyngeradar.core.strategy.fit import fit_matrix
from klyngeradar.core.strategy.plan import read_strategy, strategy_from_dict
from klyngeradar.core.strategy.recommendations import Thresholds
from klyngeradar.core.surveys.exchange import parse_round
from klyngeradar.core.surveys.questionnaire import load, validate_answer, validate_basis
from klyngeradar.core.surveys.responses import Response, RoundData, RoundInfo
from klyngeradar.core.tables import Row, Table, read_tables
from klyngeradar.render.deck.template import load_template

PARTICIPATION_HEADER = "cvr;company;activity;date;cluster"
CLUSTERS = {"digital-lead": "Digital Lead", "energy-cluster-denmark": "Energy Cluster Denmark"}


def problems_of(call):
    with pytest.raises(InputError) as caught:
        call()
    return caught.value.problems


def texts(problems, lang):
    return [problem.text(lang) for problem in problems]


def answers(header, *rows):
    """The problems of an answers sheet read against a round in North Jutland."""
    body = tuple(Row(number, tuple(values)) for number, values in enumerate(rows, start=2))
    tables = {"svar": Table("svar", tuple(header), body, "svar")}
    return lambda: parse_round(tables, file="svar.xlsx", region="1081", clusters=CLUSTERS)


def csv_file(tmp_path, name, *lines, encoding="utf-8"):
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding=encoding)
    return path


@pytest.mark.parametrize(
    ("call", "english", "danish"),
    [
        (
            answers(
                ["cluster", "status", "members.region"], ["digital-lead", "complete", "ca. 40"]
            ),
            'svar.xlsx: svar!C2 members.region: "ca. 40" is not a whole number',
            'svar.xlsx: svar!C2 members.region: "ca. 40" er ikke et helt tal',
        ),
        (
            answers(["cluster", "status", "members.region"], ["digital-lead", "complete", "-4"]),
            'svar.xlsx: svar!C2 members.region: "-4" is negative; a whole number ≥ 0 is expected',
            'svar.xlsx: svar!C2 members.region: "-4" er negativt; et helt tal ≥ 0 forventes',
        ),
        (
            answers(
                ["cluster", "status"], ["digital-lead", "complete"], ["digital-lead", "delvis"]
            ),
            'svar.xlsx: svar!A3 cluster: "digital-lead" is a duplicate cluster row (also row 2)',
            'svar.xlsx: svar!A3 cluster: "digital-lead" står to gange (også række 2)',
        ),
        (
            answers(["cluster", "status"], ["ukendt-klynge", "complete"]),
            'svar.xlsx: svar!A2 cluster: "ukendt-klynge" is not a cluster of this round',
            'svar.xlsx: svar!A2 cluster: "ukendt-klynge" er ikke en klynge i denne runde',
        ),
        (
            answers(["cluster", "status"], ["digital-lead", "færdig"]),
            'svar.xlsx: svar!B2 status: "færdig" is not a status (complete, partial or none; '
            "gennemført, delvis or ingen)",
            'svar.xlsx: svar!B2 status: "færdig" er ikke en status (gennemført, delvis eller '
            "ingen; complete, partial eller none)",
        ),
        (
            answers(["cluster", "presence.municipalities"], ["digital-lead", "851"]),
            "svar.xlsx: svar row 1 status is a required column and is missing",
            "svar.xlsx: svar række 1 status er en påkrævet kolonne og mangler",
        ),
        (
            answers(
                ["cluster", "status", "presence.municipalities"],
                ["digital-lead", "complete", "851;101"],
            ),
            'svar.xlsx: svar!C2 presence.municipalities: "851;101" has "101", which is not a '
            "municipality in Region Nordjylland",
            'svar.xlsx: svar!C2 presence.municipalities: "851;101" indeholder "101", og det er '
            "ikke en kommune i Region Nordjylland",
        ),
        (
            answers(["cluster", "status", "presence.type"], ["digital-lead", "complete", "kontor"]),
            'svar.xlsx: svar!C2 presence.type: "kontor" is not an option of presence.type (use ',
            'svar.xlsx: svar!C2 presence.type: "kontor" er ikke en svarmulighed i presence.type '
            "(brug ",
        ),
        (
            answers(
                ["cluster", "status", "members.region", "members.region.basis"],
                ["digital-lead", "complete", 40, "cirka"],
            ),
            'svar.xlsx: svar!D2 members.region.basis: "cirka" is not a basis; use counted or '
            "estimated (opgjort or skønnet)",
            'svar.xlsx: svar!D2 members.region.basis: "cirka" er ikke et grundlag; brug opgjort '
            "eller skønnet (counted eller estimated)",
        ),
        (
            answers(["cluster", "status", "kommentar"], ["digital-lead", "complete", "x"]),
            "svar.xlsx: svar!C1 kommentar is not a known column (cluster, status, a question id "
            "or <id>.basis)",
            "svar.xlsx: svar!C1 kommentar er ikke en kendt kolonne (cluster, status, et "
            "spørgsmåls id eller <id>.basis)",
        ),
        (
            answers(["cluster", "status", "members.region"], ["digital-lead", "ingen", 4]),
            'svar.xlsx: svar!C2 members.region: "4" is an answer in a row whose status is none',
            'svar.xlsx: svar!C2 members.region: "4" er et svar i en række med status »ingen«',
        ),
    ],
)
def test_it_names_an_answer_sheets_problems_in_both_languages(call, english, danish):
    problems = problems_of(call)
    assert texts(problems, "en")[0].startswith(english)
    assert texts(problems, "da")[0].startswith(danish)


def test_it_gives_an_answer_sheets_warnings_in_danish_too():
    header = ["cluster", "status", "members.region"]
    data = answers(header, ["digital-lead", "complete", 40])()
    assert texts(data.warnings, "en") == [
        "svar.xlsx: svar members.region basis not stated for 1 answer(s): there is no "
        "members.region.basis column (counted or estimated)"
    ]
    assert texts(data.warnings, "da") == [
        "svar.xlsx: svar members.region grundlaget er ikke angivet for 1 svar: der er ingen "
        "members.region.basis-kolonne (opgjort eller skønnet)"
    ]


@pytest.mark.parametrize(
    ("lines", "english", "danish"),
    [
        (
            ["cvr;company;activity;date;cluster", "13748137;A/S;Temadag;2023-03-14;digital-lead"],
            'deltagere.csv: row 2 cvr: "13748137" is not a valid CVR number: the check digit is '
            "wrong (modulus 11)",
            'deltagere.csv: række 2 cvr: "13748137" er ikke et gyldigt CVR-nummer: '
            "kontrolcifferet er forkert (modulus 11)",
        ),
        (
            ["cvr;company;activity;date;cluster", "1374813;A/S;Temadag;2023-03-14;digital-lead"],
            'deltagere.csv: row 2 cvr: "1374813" is not a CVR number: it has 7 digits, 8 are '
            "expected",
            'deltagere.csv: række 2 cvr: "1374813" er ikke et CVR-nummer: det har 7 cifre, 8 '
            "forventes",
        ),
        (
            ["cvr;company;activity;date;cluster", "13748136;A/S;Temadag;31-02-2023;digital-lead"],
            'deltagere.csv: row 2 date: "31-02-2023" is not a calendar date',
            'deltagere.csv: række 2 date: "31-02-2023" er ikke en dato i kalenderen',
        ),
        (
            ["cvr;company;activity;date;cluster", "13748136;A/S;Temadag;i går;digital-lead"],
            'deltagere.csv: row 2 date: "i går" is not a date (YYYY-MM-DD, DD-MM-YYYY or '
            "DD.MM.YYYY)",
            'deltagere.csv: række 2 date: "i går" er ikke en dato (ÅÅÅÅ-MM-DD, DD-MM-ÅÅÅÅ eller '
            "DD.MM.ÅÅÅÅ)",
        ),
        (
            ["cvr;company;activity;date;cluster", "13748136;A/S;Temadag;2023-03-14;ukendt"],
            'deltagere.csv: row 2 cluster: "ukendt" is not a known cluster (slug)',
            'deltagere.csv: række 2 cluster: "ukendt" er ikke en kendt klynge (kort navn)',
        ),
        (
            ["cvr;company;activity;date;cluster", "13748136;;Temadag;2023-03-14;digital-lead"],
            "deltagere.csv: row 2 company is empty; the company's name is required",
            "deltagere.csv: række 2 company er tom; virksomhedens navn er påkrævet",
        ),
        (
            [
                "cvr;company;activity;date;cluster",
                "13748136;A/S;Temadag;2023-03-14;digital-lead",
                "13748136;A/S;Temadag;2023-03-14;digital-lead",
            ],
            'deltagere.csv: row 3 cvr: "13748136" is a duplicate of row 2 (same CVR, activity '
            "and date)",
            'deltagere.csv: række 3 cvr: "13748136" står også i række 2 (samme CVR, aktivitet '
            "og dato)",
        ),
        (
            ["cvr;activity;date;cluster", "13748136;Temadag;2023-03-14;digital-lead"],
            "deltagere.csv: row 1 company is a required column and is missing",
            "deltagere.csv: række 1 company er en påkrævet kolonne og mangler",
        ),
    ],
)
def test_it_names_a_participation_lists_problems_in_both_languages(
    tmp_path, lines, english, danish
):
    path = csv_file(tmp_path, "deltagere.csv", *lines)
    problems = problems_of(lambda: read_participation(path, clusters=CLUSTERS))
    assert texts(problems, "en") == [english]
    assert texts(problems, "da") == [danish]


@pytest.mark.parametrize(
    ("lines", "english", "danish"),
    [
        (
            ["cvr;år;omsætning", "13748136;2023;ca. 5 mio."],
            'tal.csv: row 2 omsætning: "ca. 5 mio." is not a whole number',
            'tal.csv: række 2 omsætning: "ca. 5 mio." er ikke et helt tal',
        ),
        (
            ["cvr;år;omsætning", "13748136;2023;5000", "13748136;2023;6000"],
            'tal.csv: row 3 cvr: "13748136" is given twice for 2023 (also row 2)',
            'tal.csv: række 3 cvr: "13748136" står to gange for 2023 (også række 2)',
        ),
        (
            ["cvr;omsætning", "13748136;5000"],
            "tal.csv: row 1 year is a required column and is missing",
            "tal.csv: række 1 year er en påkrævet kolonne og mangler",
        ),
        (
            ["cvr;år", "0;2023"],
            'tal.csv: row 2 cvr: "0" is not a CVR number: it has 1 digits, 8 are expected',
            'tal.csv: række 2 cvr: "0" er ikke et CVR-nummer: det har 1 cifre, 8 forventes',
        ),
    ],
)
def test_it_names_the_company_figures_problems_in_both_languages(tmp_path, lines, english, danish):
    path = csv_file(tmp_path, "tal.csv", *lines)
    problems = problems_of(lambda: read_company_figures(path))
    assert texts(problems, "en") == [english]
    assert texts(problems, "da") == [danish]


@pytest.mark.parametrize(
    ("name", "content", "english", "danish"),
    [
        ("svar.xls", b"x", "svar.xls is an old Excel .xls file; save it as .xlsx or .csv",
         "svar.xls er en gammel Excel .xls-fil; gem den som .xlsx eller .csv"),
        ("svar.pdf", b"x", "svar.pdf is not a supported file type; use .xlsx or .csv",
         "svar.pdf er ikke en understøttet filtype; brug .xlsx eller .csv"),
        ("svar.csv", b"\n\n", "svar.csv is empty", "svar.csv er tom"),
        ("svar.xlsx", b"not a zip", "svar.xlsx is not a readable .xlsx workbook",
         "svar.xlsx er ikke en .xlsx-projektmappe, der kan læses"),
        ("svar.csv", b"\x81\x8d\x8f", "svar.csv is neither UTF-8 nor Windows-1252 text",
         "svar.csv er hverken UTF-8- eller Windows-1252-tekst"),
    ],
)  # fmt: skip
def test_it_names_an_unreadable_file_in_both_languages(tmp_path, name, content, english, danish):
    path = tmp_path / name
    path.write_bytes(content)
    problems = problems_of(lambda: read_tables(path))
    assert texts(problems, "en") == [english]
    assert texts(problems, "da") == [danish]


def test_it_names_the_reference_datas_problems_in_both_languages():
    actors = {
        "actors": [
            {"slug": "brn", "name": "BRN", "kind": "lobby", "region": "1081", "source": "x",
             "verified": True, "note": None},
            {"slug": "brn", "name": "BRN", "kind": "other", "region": "1081", "source": "x",
             "verified": "ja", "note": None},
        ]
    }  # fmt: skip
    problems = problems_of(lambda: load_actors(actors))
    assert texts(problems, "en") == [
        'actors.json: actors row 1 kind: ""lobby"" is not one of regional_body, business_hub, '
        "municipality, university, hub_partnership, other",
        'actors.json: actors row 2 verified: ""ja"" is not true or false',
        'actors.json: actors row 2 slug: "brn" is used twice (also entry 1)',
    ]
    assert texts(problems, "da") == [
        'actors.json: actors række 1 kind: ""lobby"" er ikke en af regional_body, business_hub, '
        "municipality, university, hub_partnership, other",
        'actors.json: actors række 2 verified: ""ja"" er ikke true eller false',
        'actors.json: actors række 2 slug: "brn" er brugt to gange (også post 1)',
    ]


def test_it_names_a_rounds_problems_before_findings_in_both_languages():
    info = RoundInfo(region="1081", since=date(2021, 1, 1), organisation="BRN", title="Test")
    twice = Response("digital-lead", "complete", {"members.region": -1}, {})
    round = RoundData(info, (twice, twice))
    problems = problems_of(lambda: check_round(round))
    assert texts(problems, "en") == [
        'members.region: "-1" is negative; a whole number ≥ 0 is expected '
        "(cluster digital-lead, row 1)",
        "cluster appears twice (cluster digital-lead, row 2)",
        'members.region: "-1" is negative; a whole number ≥ 0 is expected '
        "(cluster digital-lead, row 2)",
    ]
    assert texts(problems, "da") == [
        'members.region: "-1" er negativt; et helt tal ≥ 0 forventes '
        "(klynge digital-lead, række 1)",
        "cluster står to gange (klynge digital-lead, række 2)",
        'members.region: "-1" er negativt; et helt tal ≥ 0 forventes '
        "(klynge digital-lead, række 2)",
    ]


def test_it_names_a_decisions_problems_in_both_languages():
    problems = problems_of(
        lambda: AnalystDecision(
            subject_kind="cluster", subject="klynge-a", verdict="rejected", model=None,
            recommended=None, reason=" ",
        )
    )  # fmt: skip
    assert texts(problems, "en") == [
        "reason a change or a rejection needs a written reason (decision on cluster klynge-a)"
    ]
    assert texts(problems, "da") == [
        "reason en ændring eller en afvisning skal have en skriftlig begrundelse "
        "(beslutning om cluster klynge-a)"
    ]


def test_it_names_a_template_that_is_not_a_presentation_in_both_languages(tmp_path):
    path = tmp_path / "skabelon.pptx"
    path.write_bytes(b"not a presentation")
    (problem,) = problems_of(lambda: load_template(path))
    assert problem.text("en").startswith("skabelon.pptx cannot be opened as a PowerPoint template")
    assert problem.text("da").startswith("skabelon.pptx kan ikke åbnes som PowerPoint-skabelon")


@pytest.mark.parametrize(
    ("call", "english", "danish"),
    [
        (lambda: parse_whole_number("ca. 40"), "is not a whole number", "er ikke et helt tal"),
        (lambda: parse_whole_number(2.5), "is not a whole number", "er ikke et helt tal"),
        (
            lambda: parse_whole_number("-3"),
            "is negative; a whole number ≥ 0 is expected",
            "er negativt; et helt tal ≥ 0 forventes",
        ),
        (
            lambda: validate_basis("cirka"),
            "is not a basis; use counted or estimated (opgjort or skønnet)",
            "er ikke et grundlag; brug opgjort eller skønnet (counted eller estimated)",
        ),
        (
            lambda: validate_answer(load().question("activities.types"), "none;network"),
            "combines none with other codes",
            "kombinerer ingen med andre koder",
        ),
        (
            lambda: validate_answer(load().question("partners.actors"), "brn;aau", choices={"brn"}),
            'has "aau", which is not one of the round\'s actors',
            'indeholder "aau", og det er ikke en af rundens aktører',
        ),
        (
            lambda: validate_answer(load().question("strategy.efforts"), "Grøn omstilling"),
            "is not a slug",
            "er ikke et kort navn (a-z, 0-9 og -)",
        ),
        (
            lambda: validate_answer(load().question("presence.municipalities"), "Aalborg"),
            "is not a 3-digit code",
            "er ikke en kode på 3 cifre",
        ),
    ],
)
def test_a_parsers_value_error_carries_the_danish_reason(call, english, danish):
    with pytest.raises(ValueError) as caught:
        call()
    assert (str(caught.value), danish_reason(caught.value)) == (english, danish)


def _every_problem_of_bad_inputs(tmp_path):
    """Problems from files with many mistakes at once, across the readers."""
    header = ["cluster", "status", "members.region", "members.region.basis", "presence.type", ""]
    bad_answers = answers(
        header,
        ["", "", "x", "cirka", "kontor", "løs"],
        ["digital-lead", "partial", "40", None, None],
        ["digital-lead", "ingen", 3, "opgjort", "own_office"],
        ["Å", "complete"],
    )
    yield from problems_of(bad_answers)
    participation = csv_file(
        tmp_path,
        "deltagere.csv",
        "cvr;pnr;company;activity;date;cluster;actor;kind",
        "x;12;;;;;;",
        "01234567;;A;B;2023-13-01;u;v;mad",
    )
    yield from problems_of(lambda: read_participation(participation, clusters=(), actors=()))
    columns = csv_file(tmp_path, "kolonner.csv", "cvr;cvr-nummer;aktør", "13748136;13748136;brn")
    yield from problems_of(lambda: read_participation(columns))
    figures = csv_file(tmp_path, "tal.csv", "cvr;år;ansatte", ";;mange", "13748136;-1;2")
    yield from problems_of(lambda: read_company_figures(figures))
    document = json.loads(json.dumps({"programme": 3, "extra": 1, "areas": "x"}))
    yield from problems_of(lambda: load_cluster_reference(document))


def test_it_gives_every_problem_of_a_bad_input_a_danish_reason(tmp_path):
    problems = list(_every_problem_of_bad_inputs(tmp_path))
    assert len(problems) > 20
    untranslated = [str(p) for p in problems if not p.reason_da or p.reason_da == p.reason]
    assert untranslated == []


def overriding(overrides):
    """The problems of the analyst's fit cells on a round with one cluster and one effort."""
    info = RoundInfo(region="1081", title="Test")
    ticked = Response("klynge-a", "complete", {"strategy.efforts": frozenset({"data"})})
    strategy = strategy_from_dict({"efforts": [{"slug": "data", "name": "Data"}]})
    return lambda: fit_matrix(RoundData(info, (ticked,)), strategy=strategy, overrides=overrides)


def strategy(document):
    return lambda: strategy_from_dict(document, file="strategy.json")


EFFORT = {"slug": "data", "name": "Data"}


@pytest.mark.parametrize(
    ("call", "english", "danish"),
    [
        (
            overriding({("ukendt", "data"): (3, "Møde")}),
            'cluster: "ukendt" is not a cluster in the round',
            'cluster: "ukendt" er ikke en klynge i runden',
        ),
        (
            overriding({("klynge-a", "ukendt"): (3, "Møde")}),
            'effort: "ukendt" is not an effort of the strategy',
            'effort: "ukendt" er ikke en indsats i strategien',
        ),
        (
            overriding({("klynge-a", "data"): (4, "Møde")}),
            'klynge-a × data: "4" fit must be a whole number 0–3',
            'klynge-a × data: "4" fit skal være et helt tal 0–3',
        ),
        (
            overriding({("klynge-a", "data"): (3, " ")}),
            "klynge-a × data the analyst's fit needs a note saying why",
            "klynge-a × data analytikerens fit skal have en note om hvorfor",
        ),
        (
            strategy({"vision": " ", "efforts": [EFFORT]}),
            "strategy.json vision vision must be a non-empty text",
            "strategy.json vision vision skal være en tekst, der ikke er tom",
        ),
        (
            strategy({"efforts": "data"}),
            "strategy.json efforts efforts must be a list",
            "strategy.json efforts efforts skal være en liste",
        ),
        (
            strategy({"efforts": ["data"]}),
            "strategy.json efforts[1] must be an object with slug and name",
            "strategy.json efforts[1] skal være et objekt med slug og name",
        ),
        (
            strategy({"efforts": [{"slug": "Grøn omstilling", "name": "Grøn"}]}),
            'strategy.json efforts[1].slug: "Grøn omstilling" slug must be lowercase ASCII '
            "letters, digits and -",
            'strategy.json efforts[1].slug: "Grøn omstilling" slug må kun indeholde små '
            "ASCII-bogstaver, cifre og -",
        ),
        (
            strategy({"efforts": [EFFORT, EFFORT]}),
            'strategy.json efforts[2].slug: "data" duplicate effort slug',
            'strategy.json efforts[2].slug: "data" indsatsens slug står to gange',
        ),
        (
            strategy({"efforts": [{"slug": "data", "name": " "}]}),
            "strategy.json efforts[1] name must be a non-empty text",
            "strategy.json efforts[1] name skal være en tekst, der ikke er tom",
        ),
        (
            strategy({"efforts": [EFFORT | {"description": 3}]}),
            "strategy.json efforts[1] description must be a text",
            "strategy.json efforts[1] description skal være en tekst",
        ),
        (
            strategy({"efforts": [EFFORT], "example": "ja"}),
            "strategy.json example example must be true or false",
            "strategy.json example example skal være true eller false",
        ),
        (
            strategy({"efforts": [EFFORT], "source": 2023}),
            "strategy.json source source must be a text",
            "strategy.json source source skal være en tekst",
        ),
        (
            lambda: Thresholds(high_fit="2"),
            'high_fit: "2" must be a whole number',
            'high_fit: "2" skal være et helt tal',
        ),
        (
            lambda: Thresholds(effort_call_min=0),
            'effort_call_min: "0" must be ≥ 1',
            'effort_call_min: "0" skal være ≥ 1',
        ),
        (
            lambda: Thresholds(members_above=-5),
            'members_above: "-5" must be ≥ 0',
            'members_above: "-5" skal være ≥ 0',
        ),
        (
            lambda: Thresholds(high_engagement=120),
            "high_engagement must be 0–100",
            "high_engagement skal være 0–100",
        ),
        (
            lambda: EngagementWeights(partners=-1),
            'partners: "-1" weight must be a number ≥ 0',
            'partners: "-1" vægten skal være et tal ≥ 0',
        ),
        (
            lambda: EngagementWeights(0, 0, 0, 0, 0, 0),
            "weights at least one weight must be above 0",
            "weights mindst én vægt skal være over 0",
        ),
    ],
)
def test_it_names_the_strategy_fit_and_rule_settings_problems_in_both_languages(
    call, english, danish
):
    problems = problems_of(call)
    assert texts(problems, "en") == [english]
    assert texts(problems, "da") == [danish]


@pytest.mark.parametrize(
    ("content", "english", "danish"),
    [
        (
            "{vision",
            "strategy.json is not valid JSON (Expecting property name enclosed in double quotes)",
            "strategy.json er ikke gyldig JSON (Expecting property name enclosed in double quotes)",
        ),
        (
            '["data"]',
            "strategy.json must hold a JSON object",
            "strategy.json skal indeholde et JSON-objekt",
        ),
    ],
)
def test_it_names_an_unreadable_strategy_file_in_both_languages(tmp_path, content, english, danish):
    path = tmp_path / "strategy.json"
    path.write_text(content, encoding="utf-8")
    problems = problems_of(lambda: read_strategy(path))
    assert texts(problems, "en") == [english]
    assert texts(problems, "da") == [danish]
