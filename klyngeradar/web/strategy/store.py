"""Read and write an organisation's strategy as the core's plain `Strategy`.

The demo stores `demo_strategy()` (the seed's vision and six example efforts)
for the demo organisation; a new round can take its efforts from
`strategy_for(organisation)`.
"""

from __future__ import annotations

from django.db import transaction

from klyngeradar.core.strategy import plan as core
from klyngeradar.web.strategy.models import Effort, Strategy


def strategy_for(organisation) -> core.Strategy | None:
    """The organisation's stored strategy, or None when it has none."""
    stored = Strategy.objects.filter(organisation=organisation).first()
    return stored.to_core() if stored else None


@transaction.atomic
def save_strategy(organisation, strategy: core.Strategy) -> Strategy:
    """Store `strategy` as the organisation's: vision, flags and exactly its efforts, in order."""
    stored, _created = Strategy.objects.update_or_create(
        organisation=organisation,
        defaults={
            "vision": strategy.vision or "",
            "example": strategy.example,
            "source": strategy.source or "",
        },
    )
    keep = set(strategy.slugs)
    for effort in stored.efforts.exclude(slug__in=keep):
        effort.delete()  # one by one, so that each deletion is in the history
    for position, effort in enumerate(strategy.efforts):
        Effort.objects.update_or_create(
            strategy=stored,
            slug=effort.slug,
            defaults={
                "name": effort.name,
                "description": effort.description or "",
                "position": position,
            },
        )
    return stored
