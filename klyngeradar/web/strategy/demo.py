"""The demo's strategy: the seed's vision and six example efforts, for the demo organisation."""

from __future__ import annotations

from klyngeradar.core.strategy.plan import demo_strategy
from klyngeradar.web.strategy.store import save_strategy


def store_demo_strategy(organisation):
    """Store `demo_strategy()` (flagged as an example) as the organisation's strategy."""
    return save_strategy(organisation, demo_strategy())


def store_strategy(demo) -> None:
    """Demo step: the example strategy for the demo organisation (see klyngeradar.cli.demo)."""
    from klyngeradar.core.demo import DEMO_ORGANISATION
    from klyngeradar.web.accounts.models import Organisation

    organisation = Organisation.objects.get(slug=DEMO_ORGANISATION["slug"])
    stored = store_demo_strategy(organisation)
    demo.made.append(f"strategi: vision og {stored.efforts.count()} indsatser (eksempel)")
