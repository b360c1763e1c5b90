"""The maps other pages show: a round's findings, the agreements list, a municipality and
the region's specialisation ("Erhvervsstruktur").

Each function returns a `MapView` (or None when there is nothing to draw) for the
fragment ``maps/map.html``; the calling view only adds it to its context.
"""

from __future__ import annotations

from django.core.cache import cache
from django.utils.translation import get_language

from klyngeradar.core.maps.quotients import lq_layer
from klyngeradar.core.maps.register import agreements_layer, cofinancing_layer, companies_layer
from klyngeradar.core.maps.survey import presence_layer, survey_agreements_layer
from klyngeradar.core.registry.geography import municipalities_in
from klyngeradar.core.surveys.responses import RoundData
from klyngeradar.web.accounts.roles import organisation_of
from klyngeradar.web.agreements.rules import municipality_ids_of
from klyngeradar.web.maps import convert
from klyngeradar.web.maps.widget import MapView, map_view
from klyngeradar.web.registry.models import Municipality


def lang() -> str:
    return "en" if (get_language() or "da").startswith("en") else "da"


def linkable(user) -> bool | frozenset[str]:
    """The municipality pages `user` may open from a map: all, or a municipal officer's own."""
    own = municipality_ids_of(user)
    if not own:
        return True
    return frozenset(Municipality.objects.filter(pk__in=own).values_list("code", flat=True))


def round_map(round, data: RoundData, user=None) -> MapView | None:
    """Clusters present and municipal agreements (as reported) by municipality."""
    layers = [presence_layer(data, lang()), survey_agreements_layer(data, lang())]
    links = True if user is None else linkable(user)
    return map_view("map-round", layers, region_name=round.region.name, links=links)


def region_of(user):
    """The user's region: their organisation's, or a municipal officer's municipality's."""
    organisation = organisation_of(user)
    if organisation is not None and organisation.region_id:
        return organisation.region
    ids = municipality_ids_of(user)
    municipality = Municipality.objects.filter(pk__in=ids).select_related("region").first()
    return municipality.region if municipality else None


def agreements_map(user, agreements) -> MapView | None:
    """Registered agreements, municipal co-financing and companies by municipality."""
    region = region_of(user)
    municipalities = convert.region_municipalities(region)
    if not municipalities:
        return None
    registered = convert.registered_agreements_of(agreements)
    code = region.code
    layers = [
        agreements_layer(registered, municipalities, code, lang()),
        cofinancing_layer(
            convert.cofinancing_rows_of(agreements), registered, municipalities, code, lang()
        ),
    ]
    organisation = organisation_of(user)
    if organisation is not None:
        layers.append(_companies_layer(organisation, municipalities, code))
    return map_view("map-agreements", layers, region_name=region.name, links=linkable(user))


def _companies_layer(organisation, municipalities, code: str):
    """The companies layer, kept in the cache until the organisation's imports change: it
    groups every participation row, and the agreements page shows it on every view."""
    from klyngeradar.web.agreements.summary import imports_stamp

    count, newest = imports_stamp(organisation.pk)
    key = f"companies-layer:{organisation.pk}:{count}:{newest}:{code}:{lang()}"
    layer = cache.get(key)
    if layer is None:
        rows = convert.company_rows(organisation)
        layer = companies_layer(rows, municipalities, None, code, lang())
        cache.set(key, layer, 7 * 24 * 3600)
    return layer


def structure_map(user, region, result, names: dict[str, str], source: str) -> MapView | None:
    """Each business area's LQ by municipality of the region: one layer per area to choose.

    `result` is the page's `Specialisation`; the areas come in the page's order
    (highest regional LQ first), and an area none of the region's municipalities
    has figures for is left out, as on the page.
    """
    if region is None:
        return None
    municipalities = {m.code: m.name for m in municipalities_in(region.code)}
    ranked = list(result.by_region_lq())
    ordered = ranked + [a for a in result.areas if a not in ranked]
    layers = [
        lq_layer(
            area.area,
            names.get(area.area, area.area),
            area.municipalities,
            municipalities,
            year=result.year,
            source=source,
            region_code=region.code,
            lang=lang(),
        )
        for area in ordered
        if any(code in area.municipalities for code in municipalities)
    ]
    return map_view("map-structure", layers, region_name=region.name, links=linkable(user))
