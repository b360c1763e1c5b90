from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from klyngeradar.core.agreements.documentation import (
    AgreementFacts,
    AgreementKpi,
    CompanyFigures,
    Total,
    documentation_package,
    read_company_figures,
    summary_lines,
)
from klyngeradar.core.agreements.kpi import FollowUp, kpi_from_catalogue
from klyngeradar.core.agreements.participation import read_participation
from klyngeradar.core.problems import InputError

FIXTURES = Path(__file__).parents[2] / "fixtures" / "participation"
END_OF_2023 = date(2023, 12, 31)


@pytest.fixture
def rows():
    return read_participation(FIXTURES / "deltagere-2023.csv")


@pytest.fixture
def energy():
    return AgreementFacts(
        slug="energi-nord",
        title="Tværkommunal aftale om energi",
        cluster="energy-cluster-denmark",
        parties=("brn", "851", "813", "860", "810"),
        kpis=(
            AgreementKpi(
                kpi_from_catalogue("unique_companies", targets={2023: 2}),
                (FollowUp(2023, 2, "counted", period="H2"),),
            ),
            AgreementKpi(
                kpi_from_catalogue("events_held", targets={2023: 4}),
                (FollowUp(2023, 1, "estimated", period="H1"),),
            ),
        ),
        start=date(2023, 1, 1),
        end=date(2024, 12, 31),
        kind="framework",
    )


@pytest.fixture
def robots():
    return AgreementFacts(
        slug="robot-projekt",
        title="Projektaftale om robotter",
        cluster="odense-robotics",
        parties=("aau",),
    )


def test_it_lists_the_participating_companies_of_one_agreement(rows, energy, robots):
    package = documentation_package(
        2023, [energy, robots], rows, agreement="energi-nord", as_of=END_OF_2023
    )
    assert package.agreements == (energy,)
    assert [(c.cvr, c.company) for c in package.companies] == [
        ("20000007", "Nordjysk Stål ApS"),
        ("20000015", "Limfjord Software A/S"),
    ]
    steel = package.companies[0]
    assert steel.activities == ("Temadag om brint (14.03.2023)", "Innovationssprint (05.09.2023)")
    assert steel.kinds == ("innovation", "event")
    assert steel.participations == 2
    assert (steel.first_date, steel.last_date) == (date(2023, 3, 14), date(2023, 9, 5))
    assert package.unique_companies == 2 and package.participations == 3


def test_it_covers_every_agreement_and_counts_a_company_once(rows, energy, robots):
    package = documentation_package(2023, [energy, robots], rows, as_of=END_OF_2023)
    # Limfjord Software took part under both agreements: one company, two agreements.
    software = next(c for c in package.companies if c.cvr == "20000015")
    assert software.agreements == ("energi-nord", "robot-projekt")
    assert package.unique_companies == 3
    # The 2024 row and the food cluster's rows are outside the year or the agreements.
    assert {c.cvr for c in package.companies} == {"20000007", "20000015", "20000031"}


def test_it_counts_by_kind_of_support(rows, energy, robots):
    package = documentation_package(2023, [energy, robots], rows, as_of=END_OF_2023)
    assert [(k.kind, k.label_da, k.companies, k.participations) for k in package.by_kind] == [
        ("innovation", "Innovationsaktivitet", 1, 1),
        ("event", "Arrangement", 2, 2),
        ("project", "Projekt", 2, 2),
    ]


def test_it_counts_a_party_s_own_activity_without_a_cluster(rows):
    own = replace(rows[0], cluster=None, activity="BRN-møde")
    agreement = AgreementFacts("a", "A", "clean", ("brn",))
    package = documentation_package(2023, [agreement], [own], as_of=END_OF_2023)
    assert package.unique_companies == 1


def test_it_leaves_out_rows_outside_the_agreement_period(rows, energy):
    late = replace(energy, start=date(2023, 6, 1))
    package = documentation_package(2023, [late], rows, as_of=END_OF_2023)
    assert package.participations == 1


def test_it_shows_kpi_actuals_against_targets_with_the_counted_figure(rows, energy):
    package = documentation_package(2023, [energy], rows, as_of=date(2024, 3, 1))
    companies, events = package.kpis
    assert (companies.target, companies.actual, companies.basis) == (2, 2, "counted")
    assert companies.counted == 2
    assert companies.status == "on_track"
    assert (events.target, events.actual, events.counted) == (4, 1, None)
    assert events.status == "behind" and events.status_da == "Bagud"
    assert "Mål for 2023: 4 arrangementer" in events.explanation_da


def test_it_evaluates_kpis_as_of_the_end_of_the_documented_year(rows, energy):
    package = documentation_package(2023, [energy], rows, as_of=date(2025, 5, 1))
    assert package.kpis[0].explanation_da.startswith("På sporet. Mål for 2023")


def test_it_refuses_an_unknown_agreement(rows, energy):
    with pytest.raises(InputError) as caught:
        documentation_package(2023, [energy], rows, agreement="x", as_of=END_OF_2023)
    assert "known: energi-nord" in caught.value.problems[0].reason


def test_it_leaves_development_out_when_no_figures_are_supplied(rows, energy):
    package = documentation_package(2023, [energy], rows, as_of=END_OF_2023)
    assert package.development is None and package.revenue is None
    assert package.notes_da[-1] == "Ingen virksomhedstal (omsætning, ansatte) er indlæst."


def test_it_reads_company_figures_with_danish_columns_and_missing_as_none():
    figures = read_company_figures(FIXTURES / "virksomhedstal.csv")
    assert figures[0] == CompanyFigures("20000007", 2022, 10_000_000, 20)
    assert figures[2] == CompanyFigures("20000015", 2022, 5_000_000, None)


def test_it_computes_the_development_with_its_base(rows, energy, robots):
    figures = read_company_figures(FIXTURES / "virksomhedstal.csv")
    package = documentation_package(
        2023, [energy, robots], rows, as_of=END_OF_2023, company_figures=figures
    )
    assert package.figures_years == (2022, 2023)
    steel, software, sea = package.development
    assert (steel.revenue_change, steel.employees_change) == (2_000_000, 5)
    assert (software.revenue_change, software.employees_change) == (-1_000_000, None)
    assert sea.revenue_before is None and sea.revenue_change is None
    assert package.revenue == Total(15_000_000, 16_000_000, 2, 3)
    assert package.revenue.change_percent == 7
    assert package.employees == Total(20, 25, 1, 3)
    assert "2 af 3 virksomheder har tal for begge år" in package.notes_da[-1]


@pytest.mark.parametrize(
    ("before", "after", "change"),
    [(100, 90, -10), (100, 100, 0), (0, 10, None), (None, 10, None)],
)
def test_it_computes_the_change_in_percent(before, after, change):
    assert Total(before, after, 1, 1).change_percent == change


def test_it_refuses_bad_company_figures_naming_every_problem(tmp_path):
    path = tmp_path / "tal.csv"
    path.write_text(
        "cvr;år;omsætning;ansatte\n"
        "20000008;2023;1.000;2\n"
        "20000007;sidste år;1.000;2\n"
        "20000007;2023;ca. 5 mio;2\n"
        "20000015;2023;1.000;2\n"
        "20000015;2023;2.000;3\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError) as caught:
        read_company_figures(path)
    assert [(p.row, p.column) for p in caught.value.problems] == [
        (2, "cvr"),
        (3, "år"),
        (4, "omsætning"),
        (6, "cvr"),
    ]
    assert "given twice for 2023 (also row 5)" in caught.value.problems[-1].reason


def test_it_refuses_company_figures_without_cvr_or_year(tmp_path):
    path = tmp_path / "tal.csv"
    path.write_text("navn;omsætning\nA;1\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_company_figures(path)
    assert [p.column for p in caught.value.problems] == ["cvr", "year"]


def test_it_summarises_the_package(rows, energy):
    package = documentation_package(
        2023, [energy], rows, agreement="energi-nord", as_of=END_OF_2023
    )
    assert summary_lines(package)[0] == "Dokumentation 2023 – energi-nord: 2 unikke virksomheder."
    assert summary_lines(package, "en")[0].startswith("Documentation 2023 – energi-nord: 2 unique")


@pytest.mark.parametrize(
    ("agreement", "lang", "head"),
    [
        ("energi-nord", "da", "Dokumentation 2023 – energi-nord: 2 unikke virksomheder."),
        ("energi-nord", "en", "Documentation 2023 – energi-nord: 2 unique companies."),
        (None, "da", "Dokumentation 2023 – alle aftaler: 3 unikke virksomheder."),
        (None, "en", "Documentation 2023 – all agreements: 3 unique companies."),
    ],
)
def test_it_opens_the_summary_with_the_year_the_scope_and_the_unique_companies(
    rows, energy, robots, agreement, lang, head
):
    package = documentation_package(
        2023, [energy, robots], rows, agreement=agreement, as_of=END_OF_2023
    )
    lines = summary_lines(package, lang)
    assert lines[0] == head
    assert lines[1:] == (package.notes_da if lang == "da" else package.notes_en)
    assert lines[-1] == (
        "Ingen virksomhedstal (omsætning, ansatte) er indlæst."
        if lang == "da"
        else "No company figures (revenue, employees) were supplied."
    )


def test_it_applies_each_agreement_s_period_and_parties_as_the_rule_says():
    """Many agreements over shared clusters and parties, some starting or ending within the
    year: each company's agreements and each KPI's count are those of `covers`, row by row."""
    import random

    from klyngeradar.core.agreements.participation import ParticipationRow

    rng = random.Random(18)
    clusters, parties = ["a", "b", "c"], ["p1", "p2", "p3", "851"]
    periods = [
        (None, None),
        (date(2023, 4, 1), None),
        (None, date(2023, 8, 31)),
        (date(2023, 3, 1), date(2023, 3, 31)),
        (date(2024, 1, 1), None),
        (date(2020, 1, 1), date(2022, 12, 31)),
    ]
    agreements = [
        AgreementFacts(
            f"aftale-{n:02d}",
            f"Aftale {n}",
            rng.choice(clusters),
            tuple(rng.sample(parties, 2)),
            kpis=(
                AgreementKpi(kpi_from_catalogue("unique_companies", targets={})),
                AgreementKpi(kpi_from_catalogue("companies_advised", targets={})),
            ),
            start=periods[n % len(periods)][0],
            end=periods[n % len(periods)][1],
        )
        for n in range(24)
    ]
    cvrs = ["20000007", "20000015", "20000023", "20000031", "13748136", "25313763"]
    rows = []
    for n in range(400):
        cluster = rng.choice([*clusters, None, None])
        rows.append(
            ParticipationRow(
                rng.choice(cvrs),
                None,
                "Virksomhed",
                f"Aktivitet {n % 7}",
                date(rng.choice([2022, 2023, 2023, 2023]), rng.randint(1, 12), rng.randint(1, 28)),
                cluster,
                rng.choice([*parties, "other"]) if cluster is None else None,
                rng.choice(["advice", "event", None]),
            )
        )

    package = documentation_package(2023, agreements, rows, as_of=date(2024, 1, 1))

    in_year = [r for r in rows if r.year == 2023]
    covered = {a.slug: [r for r in in_year if a.covers(r)] for a in agreements}
    expected_agreements = {
        cvr: tuple(a.slug for a in agreements if any(r.cvr == cvr for r in covered[a.slug]))
        for cvr in cvrs
    }
    assert {c.cvr: c.agreements for c in package.companies} == {
        cvr: slugs for cvr, slugs in expected_agreements.items() if slugs
    }
    expected_counts = []
    for a in agreements:
        expected_counts.append(len({r.cvr for r in covered[a.slug]}))
        expected_counts.append(len({r.cvr for r in covered[a.slug] if r.kind == "advice"}))
    assert [line.counted for line in package.kpis] == expected_counts
    unique_rows = {(r.cvr, r.activity.casefold(), r.date) for rs in covered.values() for r in rs}
    assert package.participations == len(unique_rows)
