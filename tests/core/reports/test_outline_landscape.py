"""The landscape slides count the clusters of the programme current at the deck's date."""

from dataclasses import replace
from datetime import date

import pytest

from klyngeradar.core.findings.rules import compute_findings
from klyngeradar.core.registry.landscape import business_models
from klyngeradar.core.registry.programmes import reference_programmes
from klyngeradar.core.registry.reference import reference_clusters, reference_landscape_facts
from klyngeradar.core.reports.landscape_clusters import programme_clusters
from klyngeradar.core.reports.outline import build_deck
from klyngeradar.core.surveys.demo import demo_round, demo_round_2025

AS_OF_2023, AS_OF_2025 = date(2023, 10, 1), date(2025, 11, 1)


def deck(as_of=AS_OF_2023, clusters=None, programmes=True, lang="da"):
    round = demo_round_2025() if as_of == AS_OF_2025 else demo_round()
    clusters = reference_clusters() if clusters is None else clusters
    return build_deck(
        round,
        findings=compute_findings(round),
        clusters=clusters,
        landscape=business_models(clusters, reference_landscape_facts()),
        programmes=reference_programmes() if programmes else None,
        as_of=as_of,
        lang=lang,
    )


def slide(built, key):
    (found,) = [s for s in built.slides if s.key == key]
    return found


@pytest.mark.parametrize(
    ("as_of", "count", "programme"),
    [(AS_OF_2023, 12, "innovationskraft-2021-2024"), (AS_OF_2025, 5, "klyngeprogram-2025-2028")],
)
def test_it_picks_the_programme_current_on_the_day(as_of, count, programme):
    chosen = programme_clusters(reference_clusters(), reference_programmes(), as_of)
    assert chosen.programme.slug == programme
    assert len(chosen.clusters) == count


def test_without_programmes_it_takes_the_clusters_active_on_the_day():
    chosen = programme_clusters(reference_clusters(), None, AS_OF_2023)
    assert chosen.programme is None
    assert "marlog" not in {c.slug for c in chosen.clusters}
    assert len(chosen.clusters) == 12


@pytest.mark.parametrize(
    ("as_of", "rows", "title", "programme"),
    [
        (
            AS_OF_2023,
            12,
            "12 af programmets 13 klynger er i registret – 4 ikke bekræftet af en kilde",
            "Innovationskraft – danske klynger for viden og erhverv 2021–2024",
        ),
        (
            AS_OF_2025,
            5,
            "5 af programmets 11 klynger er i registret – 3 ikke bekræftet af en kilde",
            "Klyngeprogram 2025–2028",
        ),
    ],
)
def test_its_counts_agree_in_table_title_footnote_and_figures(as_of, rows, title, programme):
    built = deck(as_of)
    table = slide(built, "landscape.clusters")
    assert len(table.body.rows) == rows
    assert table.title == title
    assert programme in table.marker
    assert f"{programme} pr. " in table.body.footnote.base
    assert table.body.footnote.base.endswith(f"; {rows} klynger")
    figures = slide(built, "landscape.business_models")
    assert f"; {rows} klynger)" in figures.body.footnote.base


def test_it_summarises_unreported_figures_in_one_line_instead_of_a_column_of_dashes():
    table = slide(deck(), "landscape.clusters").body
    assert table.header == ("Klynge", "Erhvervs- og teknologiområde", "Sæde")
    assert "Ansatte oplyst for 1 af 12 klynger (MADE – Manufacturing Academy of Denmark)" in (
        table.footnote.qualifiers
    )


def test_it_keeps_a_figure_column_that_most_clusters_report():
    clusters = tuple(replace(c, staff=10 + i) for i, c in enumerate(reference_clusters()))
    clusters = (*clusters[:-2], replace(clusters[-1], staff=None))
    table = slide(deck(clusters=clusters, programmes=False), "landscape.clusters").body
    assert table.header[-1] == "Ansatte"
    assert "– = ikke oplyst (ansatte: 1)" in table.footnote.qualifiers


def test_it_builds_no_range_from_one_cluster():
    figures = slide(deck(), "landscape.business_models")
    # Only MADE reports staff and members: no registry column, the 2023 report's figures.
    assert figures.body.header == ("Nøgletal", "Rapporten 2023")
    assert figures.title == "Registret har endnu for få nøgletal – tallene er fra rapporten 2023"
    assert all("13–13" not in cell and cell != "13" for row in figures.body.rows for cell in row)


def test_it_shows_a_range_from_two_clusters_and_names_what_is_missing():
    clusters = tuple(
        replace(c, staff={"clean": 7, "made": 45}.get(c.slug, c.staff))
        for c in reference_clusters()
    )
    figures = slide(deck(clusters=clusters), "landscape.business_models")
    assert figures.title == (
        "Klyngerne er meget forskellige: fra 7 til 45 medarbejdere (2 af 12 klynger)"
    )
    staff = next(row for row in figures.body.rows if row[0] == "Medarbejdere pr. klynge")
    assert staff[1:3] == ("7–45", "2 af 12")
    members = next(row for row in figures.body.rows if row[0] == "Medlemmer pr. klynge")
    assert members[1:3] == ("", "")
    assert any(
        q.startswith("Ikke oplyst i registret for mindst 2 klynger: medlemmer pr. klynge")
        for q in figures.body.footnote.qualifiers
    )


@pytest.mark.parametrize(
    ("count", "lang", "title"),
    [
        (0, "da", "De nationale klynger: ingen i registret endnu"),
        (1, "da", "1 national klynge i registret"),
        (2, "da", "2 nationale klynger i registret"),
        (1, "en", "1 national cluster in the registry"),
    ],
)
def test_it_titles_a_tiny_registry_in_correct_danish(count, lang, title):
    clusters = tuple(c for c in reference_clusters() if c.verified)[:count]
    built = deck(clusters=clusters, programmes=False, lang=lang)
    assert slide(built, "landscape.clusters").title == title


def test_a_round_reported_years_later_shows_the_programme_of_its_own_year():
    # The 2023 round, still open, is dated the day its deck is made.
    table = slide(deck(as_of=date(2026, 12, 1)), "landscape.clusters")
    assert "Innovationskraft" in table.marker
    assert "2021–2024 pr. 31.12.2023" in table.body.footnote.base
    assert len(table.body.rows) == 12


@pytest.mark.parametrize(
    ("as_of", "named"),
    [(date(2023, 10, 1), False), (date(2024, 12, 31), False), (date(2025, 3, 1), True)],
)
def test_the_programme_slide_names_2025_2028_only_once_it_has_begun(as_of, named):
    round = demo_round()
    deck = build_deck(round, findings=compute_findings(round), as_of=as_of)
    slide = next(s for s in deck.slides if s.marker == "Programmet og strategien")
    text = str(slide.body)
    assert ("2025–2028" in text) is named
    assert ("nye klyngeudbud" in text) is not named


@pytest.mark.parametrize(
    ("as_of", "slug", "day", "count"),
    [
        # A later programme chosen for a 2023 round: its clusters on its first day.
        (AS_OF_2023, "klyngeprogram-2025-2028", date(2025, 1, 1), 5),
        # An earlier programme chosen for a 2025 round: its clusters on its last day.
        (AS_OF_2025, "innovationskraft-2021-2024", date(2024, 12, 31), 12),
        # The current programme chosen explicitly: the round's own day.
        (AS_OF_2023, "innovationskraft-2021-2024", AS_OF_2023, 12),
    ],
)
def test_a_chosen_programme_counts_its_clusters_on_a_day_of_its_period(as_of, slug, day, count):
    chosen = programme_clusters(reference_clusters(), reference_programmes(), as_of, slug)
    assert chosen.programme.slug == slug
    assert chosen.chosen
    assert chosen.day == day
    assert len(chosen.clusters) == count


def test_the_deck_names_the_chosen_programme_and_counts_it_everywhere():
    round = demo_round()
    clusters = reference_clusters()
    built = build_deck(
        round,
        findings=compute_findings(round),
        clusters=clusters,
        landscape=business_models(clusters, reference_landscape_facts()),
        programmes=reference_programmes(),
        programme="klyngeprogram-2025-2028",
        as_of=AS_OF_2023,
    )
    table = slide(built, "landscape.clusters")
    models = slide(built, "landscape.business_models")
    assert table.marker == "De nationale klynger · Klyngeprogram 2025–2028"
    assert len(table.body.rows) == 5
    assert table.title.startswith("5 af programmets 11 klynger")
    assert "Klyngeprogram 2025–2028 (valgt programperiode) pr. 01.01.2025; 5 klynger" in (
        table.body.footnote.base
    )
    assert "(valgt programperiode) pr. 01.01.2025; 5 klynger" in models.body.footnote.base


def test_an_unknown_chosen_programme_is_refused_naming_the_known_ones():
    with pytest.raises(ValueError, match="innovationskraft-2021-2024, klyngeprogram-2025-2028"):
        programme_clusters(reference_clusters(), reference_programmes(), AS_OF_2023, "ukendt")
