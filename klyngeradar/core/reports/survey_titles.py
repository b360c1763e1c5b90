"""The survey slides' titles: each slide's message, with its base and honest qualifiers.

"7 af 12 klynger er fysisk til stede i regionen – 5 med eget kontor": a title is
built from the same findings as the slide's chart, agrees with its numbers
("1 klynge", "alle 12 klynger", "ingen af de 12 klynger") and says so when the
answers behind it are missing ("Tilstedeværelse: ingen svar endnu").
"""

from __future__ import annotations

from collections import Counter

from klyngeradar.core.reports.outline_base import Context


def response_title(ctx: Context) -> str:
    """ "12 af 13 klynger har svaret (92 %) – 9 vil gerne i tættere dialog"."""
    t, f = ctx.t, ctx.findings
    rate, willing = f.response_rate, f.dialogue_willing
    answered = t(
        f"{ctx.share(rate.count, rate.base)} har svaret ({ctx.pct(rate.percent)})",
        f"{ctx.share(rate.count, rate.base)} responded ({ctx.pct(rate.percent)})",
    )
    if willing.answered == 0:
        return ctx.sentence(answered)
    return ctx.sentence(
        t(
            f"{answered} – {ctx.n(willing.count)} vil gerne i tættere dialog",
            f"{answered} – {ctx.n(willing.count)} "
            f"{ctx.noun(willing.count, 'wants', 'want')} a closer dialogue",
        )
    )


def presence_title(ctx: Context) -> str:
    """ "7 af 12 klynger er fysisk til stede – 5 med eget kontor"."""
    t, presence = ctx.t, ctx.findings.physical_presence
    if presence.answered == 0:
        return t("Tilstedeværelse: ingen svar endnu", "Presence: no answers yet")
    present = t(
        f"{ctx.share(presence.count, presence.base)} er fysisk til stede i regionen",
        f"{ctx.share(presence.count, presence.base)} "
        f"{'is' if presence.count == 1 else 'are'} physically present in the region",
    )
    if presence.count == 0:
        return ctx.sentence(present)
    office = presence.by_type.get("own_office", 0)
    with_office = (
        t(f"{ctx.n(office)} med eget kontor", f"{ctx.n(office)} with an own office")
        if office
        else t("ingen med eget kontor", "none with an own office")
    )
    return ctx.sentence(f"{present} – {with_office}")


def members_title(ctx: Context) -> str:
    """ "Klyngerne har ca. 375 medlemmer i regionen" – with who reported when not all did."""
    t, region = ctx.t, ctx.findings.members_region
    title = t(
        f"Klyngerne har {ctx.about(region)} {ctx.members(region.total)} i regionen",
        f"The clusters have {ctx.about(region)} {ctx.members(region.total)} in the region",
    )
    if region.reported < region.base:
        title += t(
            f" ({ctx.n(region.reported)} af {ctx.n(region.base)} har oplyst)",
            f" ({ctx.n(region.reported)} of {ctx.n(region.base)} reported)",
        )
    return title


def participation_title(ctx: Context) -> str:
    """ "Mindst 1.740 unikke virksomheder og mindst 4.324 deltagere siden 2021"."""
    t, f = ctx.t, ctx.findings
    companies, persons = f.participation_companies, f.participation_persons
    if companies.reported == 0 and persons.reported == 0:
        return t("Deltagelse: ingen tal oplyst endnu", "Participation: no figures reported yet")
    since = ctx.round.info.since
    since_text = f" {t('siden', 'since')} {since.year}" if since else ""
    parts = []
    if companies.reported:
        parts.append(
            t(
                f"{ctx.about(companies)} unikke virksomheder",
                f"{ctx.about(companies)} unique companies",
            )
        )
    if persons.reported:
        parts.append(t(f"{ctx.about(persons)} deltagere", f"{ctx.about(persons)} participants"))
    return ctx.sentence(t(" og ", " and ").join(parts) + since_text)


def agreements_title(ctx: Context) -> str:
    """ "8 af 12 klynger har en samarbejdsaftale i regionen – 7 aftaler med 5 kommuner"."""
    t, f = ctx.t, ctx.findings
    agreements, municipal = f.agreements_any, f.municipal_agreements
    if agreements.answered == 0:
        return t("Samarbejdsaftaler: ingen svar endnu", "Agreements: no answers yet")
    title = t(
        f"{ctx.share(agreements.count, agreements.base)} har en samarbejdsaftale i regionen",
        f"{ctx.share(agreements.count, agreements.base)} "
        f"{'has' if agreements.count == 1 else 'have'} an agreement in the region",
    )
    if municipal.agreements:
        title += t(
            f" – {ctx.n(municipal.agreements)} "
            f"{ctx.noun(municipal.agreements, 'aftale', 'aftaler')} med "
            f"{ctx.n(municipal.municipalities)} "
            f"{ctx.noun(municipal.municipalities, 'kommune', 'kommuner')}",
            f" – {ctx.n(municipal.agreements)} "
            f"{ctx.noun(municipal.agreements, 'agreement', 'agreements')} with "
            f"{ctx.n(municipal.municipalities)} "
            f"{ctx.noun(municipal.municipalities, 'municipality', 'municipalities')}",
        )
    return ctx.sentence(title)


def municipalities_title(ctx: Context, present: Counter) -> str:
    """ "Klyngerne er til stede i 6 af 11 kommuner – aftaler med 5"."""
    t, f = ctx.t, ctx.findings
    count = len(f.municipalities)
    if f.physical_presence.answered == 0:
        return t(
            "Kommunerne: ingen svar om tilstedeværelse endnu", "Municipalities: no answers yet"
        )
    with_presence = sum(1 for m in f.municipalities if present.get(m.slug))
    with_agreement = sum(
        1 for m in f.municipalities if f.municipal_agreements.by_municipality.get(m.slug)
    )
    municipalities = t(
        ctx.noun(count, "kommune", "kommuner"), ctx.noun(count, "municipality", "municipalities")
    )
    return t(
        f"Klyngerne er fysisk til stede i {ctx.n(with_presence)} af {ctx.n(count)} "
        f"{municipalities} og har aftaler med {ctx.n(with_agreement)}",
        f"The clusters are present in {ctx.n(with_presence)} of {ctx.n(count)} "
        f"{municipalities} and have agreements with {ctx.n(with_agreement)}",
    )


def presence_vs_members_title(ctx: Context, share: int | None) -> str:
    """ "De 7 klynger med fysisk tilstedeværelse har 80 % af medlemmerne i regionen"."""
    t, split = ctx.t, ctx.findings.presence_vs_members
    if share is None:
        return t(
            "Tilstedeværelse og medlemmer: for få medlemstal til en sammenligning",
            "Presence and members: too few member figures to compare",
        )
    present = split.present.clusters
    if present == 0:
        return t(
            "Ingen af klyngerne er fysisk til stede – medlemmerne er hos de øvrige",
            "None of the clusters is present – the members belong to the others",
        )
    if present == 1:
        return t(
            f"Den ene klynge med fysisk tilstedeværelse har {ctx.pct(share)} af medlemmerne",
            f"The one cluster that is present has {ctx.pct(share)} of the members",
        )
    return t(
        f"De {ctx.n(present)} klynger med fysisk tilstedeværelse har {ctx.pct(share)} af "
        "medlemmerne",
        f"The {ctx.n(present)} clusters that are present have {ctx.pct(share)} of the members",
    )


def partners_title(ctx: Context, items: list[tuple[str, int]]) -> str:
    """ "Alle 12 klynger samarbejder med aktører i regionen – flest med Erhvervshus … (8)"."""
    t, f = ctx.t, ctx.findings
    partners = f.partners_any
    if partners.answered == 0:
        return t("Samarbejdspartnere: ingen svar endnu", "Partners: no answers yet")
    title = t(
        f"{ctx.share(partners.count, partners.base)} samarbejder med aktører i regionen",
        f"{ctx.share(partners.count, partners.base)} "
        f"{'works' if partners.count == 1 else 'work'} with actors in the region",
    )
    if items:
        slug, most = items[0]
        title += t(
            f" – flest med {f.name_of('actor', slug)} ({ctx.n(most)})",
            f" – most with {f.name_of('actor', slug)} ({ctx.n(most)})",
        )
    return ctx.sentence(title)


def activities_title(ctx: Context, items: list[tuple[str, int]]) -> str:
    """ "Alle 12 klynger har aktiviteter i regionen – oftest netværksmøder (7)"."""
    t, activities = ctx.t, ctx.findings.activities_in_region
    if activities.answered == 0:
        return t("Aktiviteter: ingen svar endnu", "Activities: no answers yet")
    title = t(
        f"{ctx.share(activities.count, activities.base)} har aktiviteter i regionen",
        f"{ctx.share(activities.count, activities.base)} "
        f"{'has' if activities.count == 1 else 'have'} activities in the region",
    )
    if items:
        code, most = items[0]
        title += t(
            f" – oftest {ctx.option('activities.types', code).lower()} ({ctx.n(most)})",
            f" – most often {ctx.option('activities.types', code).lower()} ({ctx.n(most)})",
        )
    return ctx.sentence(title)
