"""The demo's employment statistics: an invented file, checked and stored like an upload."""

from __future__ import annotations

from klyngeradar.core.specialisation.demo import DEMO_FILE, DEMO_SOURCE, demo_employment_csv
from klyngeradar.core.specialisation.employment import read_employment
from klyngeradar.web.specialisation.convert import store


def give_demo_clusters_areas() -> int:
    """Give each fictitious demo cluster without an area one of the registry's areas, in order.

    The pairing is as invented as the clusters themselves; it only lets the
    demo show each cluster's area LQ beside its fit.
    """
    from klyngeradar.web.registry.models import Area, Cluster

    areas = list(Area.objects.order_by("pk"))
    clusters = Cluster.objects.filter(fictitious=True, area__isnull=True).order_by("slug")
    given = 0
    for cluster, area in zip(clusters, areas, strict=False):
        cluster.area = area
        cluster.save(update_fields=["area"])
        given += 1
    return given


def store_demo_statistics(demo) -> None:
    """Demo step: write the invented employment file and store it for the demo organisation."""
    from klyngeradar.core.demo import DEMO_ORGANISATION
    from klyngeradar.web.accounts.models import Organisation

    organisation = Organisation.objects.get(slug=DEMO_ORGANISATION["slug"])
    path = demo.out / DEMO_FILE
    # Windows-1252 with semicolons, as a download from Statistikbanken.
    path.write_bytes(demo_employment_csv().encode("cp1252"))
    stored = store(organisation, read_employment(path), None, source=DEMO_SOURCE, illustrative=True)
    given = give_demo_clusters_areas()
    demo.made.append(
        f"{path}: beskæftigelse {stored.year} efter kommune og branche (opdigtede tal, "
        f"ikke Danmarks Statistiks); {given} demoklynger fik et område"
    )
