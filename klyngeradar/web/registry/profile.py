"""The facts shown on a cluster's profile page, each with whether it is verified."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import get_language
from django.utils.translation import gettext as _

from klyngeradar.core.numbers import format_int
from klyngeradar.web.registry.models import Cluster

# (field, how to show it) in the order the profile shows them.
FACT_FIELDS = (
    ("programme", "text"),
    ("area", "text"),
    ("seat_municipality", "text"),
    ("website", "text"),
    ("cvr", "text"),
    ("staff", "count"),
    ("members", "count"),
    ("budget_dkk", "kroner"),
    ("grant_dkk", "kroner"),
    ("figures_year", "text"),
    ("board_size", "count"),
    ("chair_from_business", "yes_no"),
    ("maturity_note", "text"),
    ("valid_from", "date"),
    ("valid_to", "date"),
)


@dataclass(frozen=True)
class Fact:
    field: str
    label: str
    value: str | None  # None when the fact is not known
    verified: bool
    is_link: bool = False


def cluster_facts(cluster: Cluster) -> list[Fact]:
    """The profile's facts, formatted for the active language; unknown is None."""
    lang = "en" if (get_language() or "da").startswith("en") else "da"
    facts = []
    for name, kind in FACT_FIELDS:
        field = Cluster._meta.get_field(name)
        raw = cluster.text(name, lang) if name == "maturity_note" else getattr(cluster, name)
        facts.append(
            Fact(
                field=name,
                label=_sentence_case(str(field.verbose_name)),
                value=_display(raw, kind, lang),
                verified=cluster.is_verified(name),
                is_link=name == "website" and bool(raw),
            )
        )
    return facts


def _display(raw, kind: str, lang: str) -> str | None:
    if raw is None or raw == "":
        return None
    if kind == "yes_no":
        return _("Ja") if raw else _("Nej")
    if kind == "count":
        return format_int(raw, lang)
    if kind == "kroner":
        return f"{format_int(raw, lang)} kr." if lang == "da" else f"DKK {format_int(raw, lang)}"
    if kind == "date":
        return raw.strftime("%d.%m.%Y") if lang == "da" else raw.isoformat()
    return str(raw)


def _sentence_case(label: str) -> str:
    # str.capitalize() would also lower-case the rest ("CVR-nummer" -> "Cvr-nummer").
    return label[:1].upper() + label[1:]
