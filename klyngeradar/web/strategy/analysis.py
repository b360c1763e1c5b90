"""A round's collaboration-model analysis: the database's inputs handed to the core's `recommend`.

The efforts of the fit matrix are the round's efforts (the ones the clusters
were asked about); their descriptions and the vision come from the
organisation's stored strategy when it has one. The analyst's fit cells and the
round's thresholds are read from the database; everything else is computed by
`klyngeradar.core.strategy.recommendations.recommend`, never here.
"""

from __future__ import annotations

from dataclasses import dataclass

from klyngeradar.core.strategy.fit import Overrides
from klyngeradar.core.strategy.plan import Effort, Strategy, strategy_from_round
from klyngeradar.core.strategy.recommendations import Recommendations, Thresholds, recommend
from klyngeradar.core.surveys.responses import RoundData
from klyngeradar.web.strategy.models import FitOverride, RoundThresholds
from klyngeradar.web.strategy.store import strategy_for
from klyngeradar.web.surveys.convert import round_data


@dataclass(frozen=True)
class Analysis:
    """What the "Samarbejdsmodeller" page shows for a round."""

    data: RoundData
    result: Recommendations
    thresholds_stored: bool
    # Each cluster's area LQ in the region ({cluster: AreaLq}); None without statistics.
    specialisation: dict | None = None
    specialisation_year: int | None = None


def round_strategy(round, data: RoundData) -> Strategy:
    """The round's efforts, described by the organisation's strategy where the slugs match."""
    from_round = strategy_from_round(data)
    stored = strategy_for(round.organisation)
    if stored is None:
        return from_round
    described = {e.slug: e.description for e in stored.efforts}
    return Strategy(
        vision=stored.vision,
        efforts=tuple(Effort(e.slug, e.name, described.get(e.slug)) for e in from_round.efforts),
        example=stored.example,
        source=stored.source,
    )


def overrides_for(round, data: RoundData, strategy: Strategy) -> Overrides:
    """The analyst's cells ``{(cluster, effort): (score, note)}`` that still fit the round.

    A cell for a cluster no longer invited, or an effort no longer in the
    round's list, is kept in the database (and its history) but left out.
    """
    clusters = {r.cluster for r in data.responses}
    efforts = set(strategy.slugs)
    return {
        (o.cluster.slug, o.effort): (o.score, o.note)
        for o in FitOverride.objects.filter(round=round).select_related("cluster")
        if o.cluster.slug in clusters and o.effort in efforts
    }


def thresholds_for(round) -> Thresholds:
    stored = RoundThresholds.objects.filter(round=round).first()
    return stored.to_core() if stored else Thresholds()


def analyse(round) -> Analysis:
    """Fit, engagement and recommendations of `round` with the analyst's inputs."""
    data = round_data(round)
    strategy = round_strategy(round, data)
    lqs = specialisation_for(round, data)
    result = recommend(
        data,
        strategy=strategy,
        overrides=overrides_for(round, data, strategy),
        thresholds=thresholds_for(round),
        specialisation=lqs,
    )
    year = next(iter(lqs.values())).year if lqs else None
    stored = RoundThresholds.objects.filter(round=round).exists()
    return Analysis(data, result, stored, lqs, year)


def specialisation_for(round, data: RoundData) -> dict | None:
    """The invited clusters' area LQ in the region, from the organisation's newest statistics."""
    from klyngeradar.web.registry.models import Cluster
    from klyngeradar.web.specialisation.convert import cluster_lqs

    slugs = [r.cluster for r in data.responses]
    clusters = Cluster.objects.filter(slug__in=slugs).select_related("area")
    return cluster_lqs(round.organisation, clusters)
