"""A round's actors and efforts as the analyst types them: names, one a line; slugs derived.

The analyst writes only names ("Aalborg Universitet"). Each gets a short name
(slug) used in the questionnaire and the exchange files: the slug it already
has (in the round, or in the suggestion the form was filled with), one the
analyst gave in the advanced field (``slug; Navn``), or one derived from the
name, with æ, ø and å as ae, oe and aa. A line may still be written
``slug; Navn``. Keeping an existing slug matters: answers and exported files
refer to it, so renaming an actor elsewhere must not silently change it.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from klyngeradar.core.surveys.exchange import slugify
from klyngeradar.core.surveys.questionnaire import SLUG


def _key(name: str) -> str:
    return " ".join(name.split()).casefold()


def _lines(text: str):
    for number, line in enumerate(text.splitlines(), start=1):
        line = line.strip()
        if line:
            yield number, line


def parse_slugs(text: str) -> dict[str, str]:
    """The advanced field's ``slug; Navn`` lines as {name key: slug}; ValidationError."""
    found, problems = {}, []
    for number, line in _lines(text):
        slug, sep, name = (part.strip() for part in line.partition(";"))
        if not sep or not name:
            problems.append(
                _("Linje %(n)s: skriv »kort navn; navn«, fx »aau; Aalborg Universitet«.")
                % {"n": number}
            )
        elif not SLUG.match(slug):
            problems.append(
                _("Linje %(n)s: »%(slug)s« er ikke et gyldigt kort navn (a-z, 0-9 og -).")
                % {"n": number, "slug": slug}
            )
        else:
            found[_key(name)] = slug
    if problems:
        raise ValidationError(problems)
    return found


def parse_names(
    text: str, *, slugs: dict[str, str] | None = None, known: list[dict] | None = None
) -> list[dict[str, str]]:
    """Names (or ``slug; Navn`` lines) as ``[{"slug", "name"}]``; ValidationError names each line.

    `slugs` are the advanced field's slugs by name and `known` the items the
    round (or the suggestion) already has; a name found in either keeps its slug.
    """
    given = dict(slugs or {})
    existing = {_key(item["name"]): item["slug"] for item in known or []}
    items, problems = [], []
    names_seen: dict[str, int] = {}
    slugs_seen: dict[str, tuple[int, str]] = {}
    for number, line in _lines(text):
        slug, sep, name = (part.strip() for part in line.partition(";"))
        if not sep or not name:
            name = " ".join(line.split())
            slug = given.get(_key(name)) or existing.get(_key(name)) or slugify(name)
        if _key(name) in names_seen:
            problems.append(
                _("Linje %(n)s: »%(name)s« står to gange (også linje %(first)s).")
                % {"n": number, "name": name, "first": names_seen[_key(name)]}
            )
            continue
        names_seen[_key(name)] = number
        if not slug:
            problems.append(
                _(
                    "Linje %(n)s: »%(name)s« giver intet kort navn; skriv et under "
                    "»Korte navne (avanceret)«."
                )
                % {"n": number, "name": name}
            )
            continue
        if not SLUG.match(slug):
            problems.append(
                _("Linje %(n)s: »%(slug)s« er ikke et gyldigt kort navn (a-z, 0-9 og -).")
                % {"n": number, "slug": slug}
            )
            continue
        if slug in slugs_seen:
            first, other = slugs_seen[slug]
            problems.append(
                _(
                    "Linje %(n)s: »%(name)s« får samme korte navn »%(slug)s« som »%(other)s« "
                    "(linje %(first)s); giv den ene et andet under »Korte navne (avanceret)«."
                )
                % {"n": number, "name": name, "slug": slug, "other": other, "first": first}
            )
            continue
        slugs_seen[slug] = (number, name)
        items.append({"slug": slug, "name": name})
    if problems:
        raise ValidationError(problems)
    return items


def format_names(items: list[dict[str, str]]) -> str:
    return "\n".join(item["name"] for item in items)


def format_slugs(items: list[dict[str, str]]) -> str:
    return "\n".join(f"{item['slug']}; {item['name']}" for item in items)
