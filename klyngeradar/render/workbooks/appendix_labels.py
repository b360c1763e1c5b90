"""The appendices' words: Danish and English labels for the codes the core speaks in.

A board member reads "Fysisk tilstedeværelse i regionen", not ``physical_presence``;
the codes themselves are listed once, on the technical sheet ``Koder`` at the end
(`appendix_codes`). Every table here is keyed by the core's code and gives
``(da, en)``; `label` falls back to the code only for a code the table does not know.
"""

from __future__ import annotations

from collections.abc import Mapping

Labels = Mapping[str, tuple[str, str]]

FINDINGS: Labels = {
    "response_rate": ("Svarprocent", "Response rate"),
    "dialogue_willing": ("Vilje til tættere dialog", "Willing to closer dialogue"),
    "physical_presence": ("Fysisk tilstedeværelse i regionen", "Physical presence in the region"),
    "presence_planned": (
        "Planer om (mere) fysisk tilstedeværelse",
        "Plans for (more) physical presence",
    ),
    "partners_any": ("Samarbejdspartnere i regionen", "Partners in the region"),
    "members_any": ("Klynger med medlemmer i regionen", "Clusters with members in the region"),
    "members_national": ("Medlemmer i hele landet", "Members nationwide"),
    "members_region": ("Medlemmer i regionen", "Members in the region"),
    "members_region_50plus": (
        "Medlemmer i regionen med 50 ansatte eller flere",
        "Members in the region with 50 or more employees",
    ),
    "members_region_under50": (
        "Medlemmer i regionen med under 50 ansatte",
        "Members in the region with fewer than 50 employees",
    ),
    "participation_companies": (
        "Unikke virksomheder, der har deltaget",
        "Unique companies that took part",
    ),
    "participation_persons": (
        "Deltagere i klyngernes aktiviteter",
        "Participants in the clusters' activities",
    ),
    "activities_in_region": ("Aktiviteter i regionen", "Activities in the region"),
    "agreements_any": (
        "Samarbejdsaftaler med regionens aktører",
        "Agreements with the region's actors",
    ),
    "agreements_none": ("Klynger uden samarbejdsaftale", "Clusters without an agreement"),
    "municipal_agreements": ("Aftaler med kommuner", "Agreements with municipalities"),
    "strategy_support": ("Bidrag til regionens indsatser", "Support for the region's efforts"),
    "presence_vs_members": ("Tilstedeværelse og medlemmer", "Presence and members"),
    "consistency": ("Sammenhæng i medlemstallene", "Consistency of the member figures"),
}

# The two halves of "presence vs members".
PRESENCE_SIDES: Labels = {
    "present": ("fysisk til stede", "physically present"),
    "absent": ("ikke fysisk til stede", "not physically present"),
}

FINDING_FIELDS: Labels = {
    "count": ("antal", "count"),
    "total": ("i alt", "total"),
    "maybe": ("måske", "maybe"),
    "answered": ("har besvaret spørgsmålet", "answered the question"),
    "reported": ("har oplyst et tal", "reported a figure"),
    "base": ("base (klynger, der har svaret)", "base (clusters that responded)"),
    "percent": ("procent", "percent"),
    "estimated": ("heraf skøn", "of which estimates"),
    "unstated": ("uden oplyst grundlag", "basis not stated"),
    "minimum": ("minimum (ikke alle har oplyst)", "minimum (not all reported)"),
    "overlap_possible": (
        "samme virksomhed kan tælle flere gange",
        "a company may be counted more than once",
    ),
    "agreements": ("aftaler", "agreements"),
    "municipalities": ("kommuner", "municipalities"),
    "clusters": ("klynger", "clusters"),
    "max_per_cluster": ("flest hos én klynge", "most held by one cluster"),
    "members_region": ("medlemmer i regionen", "members in the region"),
}

BREAKDOWNS: Labels = {
    "by_type": ("efter type", "by type"),
    "by_actor": ("efter aktør", "by actor"),
    "by_municipality": ("efter kommune", "by municipality"),
    "by_effort": ("efter indsats", "by effort"),
}

# The question whose option labels name a finding's `by_type` codes.
TYPE_QUESTIONS: Mapping[str, str] = {
    "physical_presence": "presence.type",
    "presence_vs_members": "presence.type",
    "activities_in_region": "activities.types",
    "dialogue_willing": "dialogue.willing",
    "presence_planned": "presence.planned",
}

RESPONSE_STATUS: Labels = {
    "complete": ("besvaret", "complete"),
    "partial": ("delvist besvaret", "partly answered"),
    "none": ("ikke besvaret", "no response"),
}

BASIS: Labels = {
    "counted": ("opgjort", "counted"),
    "estimated": ("skønnet", "estimated"),
}

# The registry's fields, for "ikke bekræftede felter".
CLUSTER_FIELDS: Labels = {
    "name": ("navn", "name"),
    "area": ("område", "area"),
    "seat_municipality": ("sæde", "seat"),
    "website": ("hjemmeside", "website"),
    "staff": ("ansatte", "staff"),
    "members": ("medlemmer", "members"),
    "budget_dkk": ("budget", "budget"),
    "grant_dkk": ("bevilling", "grant"),
    "figures_year": ("tal fra år", "figures year"),
    "board_size": ("bestyrelse", "board size"),
    "chair_from_business": ("forperson fra erhvervslivet", "chair from business"),
    "valid_from": ("fra", "from"),
    "valid_to": ("til", "to"),
    "start": ("start", "start"),
    "end": ("slut", "end"),
}

DESIGNATION_STATUS: Labels = {
    "designated": ("udpeget", "designated"),
    "funded": ("bevilget", "funded"),
    "ended": ("ophørt", "ended"),
    "dropped": ("udgået", "dropped"),
    "bankrupt": ("gået konkurs", "bankrupt"),
}

COMPARISON_FIELDS: Labels = {
    "old": ("før", "before"),
    "new": ("nu", "now"),
    "delta": ("ændring", "change"),
    "old_base": ("base før", "base before"),
    "new_base": ("base nu", "base now"),
    "old_percent": ("procent før", "percent before"),
    "new_percent": ("procent nu", "percent now"),
    "old_reported": ("har oplyst før", "reported before"),
    "new_reported": ("har oplyst nu", "reported now"),
    "panel_reported": ("panel: har oplyst begge gange", "panel: reported both times"),
    "panel_old": ("panel før", "panel before"),
    "panel_new": ("panel nu", "panel now"),
    "panel_delta": ("panel: ændring", "panel: change"),
    "old_municipalities": ("kommuner før", "municipalities before"),
    "new_municipalities": ("kommuner nu", "municipalities now"),
    "old_clusters": ("klynger før", "clusters before"),
    "new_clusters": ("klynger nu", "clusters now"),
}

QUALIFIERS: Labels = {
    "estimates": ("indeholder skøn", "includes estimates"),
    "minimum": ("minimum", "minimum"),
    "period_changed": ("perioden er ændret", "the period changed"),
}

MOVEMENTS: Labels = {
    "panel": ("svarede begge gange", "responded both times"),
    "entered": ("ny siden sidst", "new since last time"),
    "left": ("svarede ikke denne gang", "did not respond this time"),
    "presence_opened": ("fysisk tilstedeværelse åbnet", "presence opened"),
    "presence_closed": ("fysisk tilstedeværelse lukket", "presence closed"),
    "agreement_added": ("aftale indgået", "agreement added"),
    "agreement_ended": ("aftale ophørt", "agreement ended"),
}


def label(table: Labels, code: str, lang: str) -> str:
    """The label of `code` in `lang`; the code itself when the table does not know it."""
    found = table.get(code)
    if found is None:
        return code
    return found[0] if lang == "da" else found[1]


def yes_no(value: bool | None, lang: str) -> str | None:
    """ "ja"/"nej" (or "yes"/"no"); None stays None."""
    if value is None:
        return None
    if lang == "da":
        return "ja" if value else "nej"
    return "yes" if value else "no"
