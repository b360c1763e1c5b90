"""The words of the findings sentences: Danish and English phrases per finding.

Kept apart from `klyngeradar.core.findings.sentences`, which decides how a sentence is
built (base, qualifiers, footnotes); this module only holds the wording.
"""

from __future__ import annotations

# Per count finding: the topic (for "nobody answered") and the predicate in Danish,
# English singular and English plural. "{org}" is the round's organisation.
COUNT_PHRASES: dict[str, tuple[tuple[str, str], tuple[str, str, str]]] = {
    "dialogue_willing": (
        ("dialog", "dialogue"),
        (
            "vil gerne indgå i en tættere dialog med {org} og kommunerne om et øget, "
            "målrettet samarbejde",
            "is willing to enter a closer dialogue with {org} and the municipalities",
            "are willing to enter a closer dialogue with {org} and the municipalities",
        ),
    ),
    "physical_presence": (
        ("fysisk tilstedeværelse", "physical presence"),
        (
            "er fysisk til stede i regionen",
            "is physically present in the region",
            "are physically present in the region",
        ),
    ),
    "presence_planned": (
        ("planlagt tilstedeværelse", "planned presence"),
        (
            "planlægger (mere) fysisk tilstedeværelse i regionen",
            "plans (more) physical presence in the region",
            "plan (more) physical presence in the region",
        ),
    ),
    "partners_any": (
        ("samarbejdspartnere", "partners"),
        (
            "samarbejder med én eller flere aktører i regionen",
            "works with one or more actors in the region",
            "work with one or more actors in the region",
        ),
    ),
    "members_any": (
        ("medlemmer", "members"),
        (
            "har virksomhedsmedlemmer i regionen",
            "has company members in the region",
            "have company members in the region",
        ),
    ),
    "activities_in_region": (
        ("aktiviteter", "activities"),
        (
            "har aktiviteter, projekter eller værditilbud i regionen",
            "has activities, projects or offers in the region",
            "have activities, projects or offers in the region",
        ),
    ),
    "agreements_any": (
        ("samarbejdsaftaler", "agreements"),
        (
            "har en samarbejdsaftale med én eller flere aktører eller kommuner i regionen",
            "has an agreement with one or more actors or municipalities in the region",
            "have an agreement with one or more actors or municipalities in the region",
        ),
    ),
    "agreements_none": (
        ("samarbejdsaftaler", "agreements"),
        (
            "har ikke en samarbejdsaftale med en aktør i regionen",
            "has no agreement with an actor in the region",
            "have no agreement with an actor in the region",
        ),
    ),
}
# "Ingen af de 12 klynger har ikke …" would be a double negative.
NO_CLUSTER_WITHOUT_AGREEMENT = (
    "står uden en samarbejdsaftale med en aktør i regionen",
    "is without an agreement with an actor in the region",
    "are without an agreement with an actor in the region",
)

# Per total: the Danish and English phrase after the lead; {q} is the qualifier
# ("mindst ", "ca. "), {n} the number, {since} the period start (or nothing).
TOTAL_PHRASES: dict[str, tuple[str, str]] = {
    "members_national": (
        "tilsammen {q}{n} virksomhedsmedlemmer i hele landet",
        "together {q}{n} company members nationwide",
    ),
    "members_region": (
        "tilsammen {q}{n} virksomhedsmedlemmer i regionen",
        "together {q}{n} company members in the region",
    ),
    "members_region_50plus": (
        "{q}{n} medlemmer i regionen med 50 ansatte eller flere",
        "{q}{n} members in the region with 50 or more employees",
    ),
    "members_region_under50": (
        "{q}{n} medlemmer i regionen med under 50 ansatte",
        "{q}{n} members in the region with fewer than 50 employees",
    ),
    "participation_companies": (
        "{q}{n} unikke virksomheder fra regionen har deltaget i klyngernes aktiviteter{since}",
        "{q}{n} unique companies from the region have taken part in the clusters' "
        "activities{since}",
    ),
    "participation_persons": (
        "{q}{n} deltagere fra regionen i klyngernes arrangementer og aktiviteter{since}",
        "{q}{n} participants from the region at the clusters' events and activities{since}",
    ),
}
# Per total: what it is about, for the sentence when nobody reported it.
TOTAL_TOPICS: dict[str, tuple[str, str]] = {
    "members_national": ("medlemmer i hele landet", "members nationwide"),
    "members_region": ("medlemmer i regionen", "members in the region"),
    "members_region_50plus": ("medlemmer med 50 ansatte eller flere", "members with 50+ staff"),
    "members_region_under50": ("medlemmer med under 50 ansatte", "members with under 50 staff"),
    "participation_companies": ("unikke virksomheder, der har deltaget", "unique companies"),
    "participation_persons": ("deltagere", "participants"),
}
