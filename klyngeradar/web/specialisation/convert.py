"""Stored employment statistics as the core's inputs, and the core's result for a page.

`store` turns what the core read into an `EmploymentUpload`; `latest_for` and
`specialisation_for` give an organisation's newest upload and its computed
specialisation for the organisation's region. Nothing is computed here.
"""

from __future__ import annotations

from decimal import Decimal
from types import MappingProxyType

from klyngeradar.core.registry.reference import reference_areas
from klyngeradar.core.specialisation.employment import Employment
from klyngeradar.core.specialisation.mapping import AreaMapping, MappingRow, default_mapping
from klyngeradar.core.specialisation.quotients import AreaLq, Specialisation, compute
from klyngeradar.web.specialisation.models import EmploymentUpload


def store(
    organisation,
    employment: Employment,
    mapping: AreaMapping | None,
    *,
    source: str,
    user=None,
    illustrative: bool = False,
) -> EmploymentUpload:
    """Keep what the core read and checked; ``mapping`` None means the shipped default."""
    return EmploymentUpload.objects.create(
        organisation=organisation,
        file_name=employment.file,
        source=source,
        year=employment.year,
        years=list(employment.years),
        layout=employment.layout,
        cells=[[k, i, v] for (k, i), v in employment.cells.items()],
        labels=dict(employment.labels),
        mapping_name=mapping.source if mapping else "",
        mapping_rows=(
            [[r.area, r.industry, str(r.weight), r.note] for r in mapping.rows] if mapping else None
        ),
        illustrative=illustrative,
        uploaded_by=user if getattr(user, "is_authenticated", False) else None,
    )


def employment_of(upload: EmploymentUpload) -> Employment:
    cells = {(k, i): v for k, i, v in upload.cells}
    return Employment(
        file=upload.file_name,
        year=upload.year,
        years=tuple(upload.years),
        layout=upload.layout,
        municipalities=tuple(dict.fromkeys(k for k, _ in cells)),
        industries=tuple(sorted({i for _, i in cells})),
        cells=MappingProxyType(cells),
        labels=MappingProxyType(dict(upload.labels)),
    )


def mapping_of(upload: EmploymentUpload) -> AreaMapping:
    if upload.mapping_rows is None:
        return default_mapping()
    rows = tuple(
        MappingRow(area, code, Decimal(weight), note)
        for area, code, weight, note in upload.mapping_rows
    )
    return AreaMapping(rows, source=upload.mapping_name)


def latest_for(organisation) -> EmploymentUpload | None:
    if organisation is None:
        return None
    return EmploymentUpload.objects.filter(organisation=organisation).first()


def compute_for(upload: EmploymentUpload, region_code: str | None) -> Specialisation:
    return compute(employment_of(upload), mapping_of(upload), region=region_code)


def specialisation_for(organisation) -> tuple[EmploymentUpload, Specialisation] | None:
    """The organisation's newest statistics and its region's specialisation; None without any."""
    upload = latest_for(organisation)
    if upload is None:
        return None
    return upload, compute_for(upload, organisation.region.code)


def area_names() -> dict[str, str]:
    """The areas' names by slug: the registry's reference, overridden by the database's."""
    from klyngeradar.web.registry.models import Area

    names = {area.slug: area.name for area in reference_areas()}
    names.update(dict(Area.objects.values_list("slug", "name")))
    return names


def cluster_lqs(organisation, clusters) -> dict[str, AreaLq] | None:
    """Each cluster's area LQ in the organisation's region; None when no statistics exist.

    ``clusters`` are registry `Cluster` rows (their area decides).
    """
    found = specialisation_for(organisation)
    if found is None:
        return None
    _, result = found
    areas = {c.slug: (c.area.slug if c.area_id else None) for c in clusters}
    return result.area_lqs(areas, area_names())
