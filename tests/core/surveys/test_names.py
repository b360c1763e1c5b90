"""Names in a free-text answer: what the analyst is asked to look at before a quote is shown."""

from __future__ import annotations

import pytest

from klyngeradar.core.surveys.names import NameLists, find_names, shipped_name_lists

LISTS = NameLists.of(
    clusters=("Energy Cluster Denmark", "MADE", "Klynge A"),
    municipalities=("Aalborg", "Høje-Taastrup", "Læsø", "Odder"),
    generic=("Nordjylland",),
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Nothing name-like: lower-case Danish nouns, a sentence's first word, generic words.
        ("Vi vil gerne have faste koordineringsmøder to gange årligt.", []),
        ("Faste møder. Konkrete projekter giver mest.", []),
        ("Aftalen bør have KPI'er og fokus på SMV'er i hele EU.", []),
        ("I Nordjylland samarbejder vi med Klyngen om projekter.", []),
        # Cluster names, also in the genitive and in any case but an all-capital name's.
        ("Vi arbejder tæt med energy cluster denmark.", [("energy cluster denmark", "cluster")]),
        ("Klynge A's aftale er god.", [("Klynge A's", "cluster")]),
        ("Det er MADE der leder projektet.", [("MADE", "cluster")]),
        ("Et projekt der er made in Denmark.", [("Denmark", "name")]),
        # Municipalities: capitalised, in the genitive, or lower-case before "kommune".
        ("Vi har en aftale med Aalborg.", [("Aalborg", "municipality")]),
        ("Aalborgs erhvervsliv er stærkt.", [("Aalborgs", "municipality")]),
        ("Aftalen med aalborg kommune udløb.", [("aalborg kommune", "municipality")]),
        ("Også Høje-Taastrup Kommune deltager.", [("Høje-Taastrup Kommune", "municipality")]),
        ("Læsø har et kontor.", [("Læsø", "municipality")]),
        # A lower-case word that happens to be a municipality's name is a word.
        ("En odder i fjorden.", []),
        # E-mail addresses.
        ("Skriv til lars.hansen@klynge.dk for mere.", [("lars.hansen@klynge.dk", "email")]),
        # Persons and organisations by capitalisation: mid-sentence, or after a first word.
        ("Vi mødes med Lars Erik Jønsson hver måned.", [("Lars Erik Jønsson", "name")]),
        ("Lars Hansen står for aftalen.", [("Hansen", "name")]),
        ("Aftalen med BRN er strategisk.", [("BRN", "name")]),
        ("Vi er med i EDIH'en Add Smart.", [("Add Smart", "name")]),
        ("En medarbejder sidder tæt på AAU-programmerne.", [("AAU-programmerne", "name")]),
        # A new sentence, bullet or parenthesis' sequel opens with a capital anyway.
        ("Møder (fx 2 gange årligt) Ved dedikerede aktiviteter.", []),
        ("Elementer: - Tæt kobling mellem ydelserne.", []),
        # A known name wins over the capitalised words inside it, and flags never overlap.
        (
            "Samarbejdet med Energy Cluster Denmark og Aalborg kommune.",
            [("Energy Cluster Denmark", "cluster"), ("Aalborg kommune", "municipality")],
        ),
    ],
)
def test_it_flags_what_looks_like_a_name(text, expected):
    assert [(f.text, f.kind) for f in find_names(text, LISTS)] == expected


def test_it_gives_where_each_name_is():
    text = "Vi taler med Lars Hansen."
    (flag,) = find_names(text, LISTS)
    assert text[flag.start : flag.end] == "Lars Hansen"


def test_it_checks_the_shipped_names_of_clusters_and_municipalities():
    lists = shipped_name_lists(["Klynge Ø"])

    assert len(lists.municipalities) == 98
    found = find_names(
        "Vi arbejder med Food & Bio Cluster Denmark, Klynge Ø og Vesthimmerland.", lists
    )
    assert [(f.text, f.kind) for f in found] == [
        ("Food & Bio Cluster Denmark", "cluster"),
        ("Klynge Ø", "cluster"),
        ("Vesthimmerland", "municipality"),
    ]


def test_it_knows_a_clusters_short_name_and_its_regions_are_generic():
    lists = shipped_name_lists()

    found = find_names("Et projekt med MADE i Region Nordjylland.", lists)
    assert [(f.text, f.kind) for f in found] == [("MADE", "cluster")]
