"""Part 2 of the deck: the survey, "Klyngerne og regionen", every number from the findings."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping

from klyngeradar.core.findings.model import PRESENCE_TYPES
from klyngeradar.core.numbers import percent
from klyngeradar.core.reports.deck import (
    Bullet,
    ChartSpec,
    ContentSlide,
    Footnote,
    SectionSlide,
    Series,
    Slide,
    Text,
    TwoContentSlide,
    integer_format,
    placeholder_text,
)
from klyngeradar.core.reports.outline_base import Context
from klyngeradar.core.reports.outline_quotes import Quotes, quote_slides
from klyngeradar.core.reports.survey_bases import members_footnote
from klyngeradar.core.reports.survey_titles import (
    activities_title,
    agreements_title,
    members_title,
    municipalities_title,
    participation_title,
    partners_title,
    presence_title,
    presence_vs_members_title,
    response_title,
)


def survey_slides(ctx: Context, notes: Mapping[str, str], quotes: Quotes | None) -> list[Slide]:
    t, f = ctx.t, ctx.findings
    slides: list[Slide] = [
        SectionSlide(
            title=t("Klyngerne og regionen", "The clusters and the region"),
            subtitle=t(
                f"Survey blandt {f.invited} "
                f"{ctx.clusters(f.invited)} om deres engagement i {ctx.region_name}",
                f"A survey of {f.invited} "
                f"{ctx.clusters(f.invited)} on their engagement in {ctx.region_name}",
            ),
        )
    ]
    if f.responded == 0:
        slides.append(
            ContentSlide(
                title=t(
                    f"Surveyen: ingen svar endnu fra de {ctx.count_clusters(f.invited)} inviterede",
                    f"The survey: no responses yet from the {ctx.count_clusters(f.invited)} "
                    "invited",
                )
                if f.invited
                else t("Surveyen: ingen klynger inviteret endnu", "The survey: no cluster invited"),
                marker=t("Surveyen", "The survey"),
                key="survey.response",
                placeholder_note=placeholder_text(
                    t("ingen klynger har svaret endnu", "no cluster has responded yet"), ctx.lang
                ),
            )
        )
        return slides
    slides += [
        _response(ctx, notes),
        _presence(ctx, notes),
        _partners(ctx, notes),
        _members(ctx, notes),
        _participation(ctx, notes),
        _activities(ctx, notes),
        _agreements(ctx, notes),
        _municipalities(ctx),
        _presence_vs_members(ctx, notes),
    ]
    slides += quote_slides(ctx, quotes)
    return slides


def _response(ctx: Context, notes: Mapping[str, str]) -> Slide:
    t, f = ctx.t, ctx.findings
    rate, willing = f.response_rate, f.dialogue_willing
    chart = ChartSpec(
        "doughnut",
        (t("Har svaret", "Responded"), t("Har ikke svaret", "Did not respond")),
        (Series(t("Klynger", "Clusters"), (rate.count, rate.base - rate.count)),),
        number_format=ctx.integers,
        footnote=Footnote(t(f"Base: {rate.base} inviterede klynger", f"Base: {rate.base} invited")),
    )
    text = Text.of(
        Bullet(
            t(
                f"{rate.count} ud af {rate.base} "
                f"{ctx.clusters(rate.base)} har svaret ({ctx.pct(rate.percent)})",
                f"{rate.count} of {rate.base} "
                f"{ctx.clusters(rate.base)} responded ({ctx.pct(rate.percent)})",
            ),
            bold=True,
        ),
        t(
            f"{rate.complete} gennemførte og {rate.partial} delvise besvarelser",
            f"{rate.complete} complete and {rate.partial} partial responses",
        ),
        t(
            f"{willing.count} af {willing.base} vil gerne indgå i en tættere dialog med "
            f"{ctx.organisation} og kommunerne ({willing.maybe} måske)",
            f"{willing.count} of {willing.base} {ctx.noun(willing.count, 'wants', 'want')} "
            "a closer dialogue with "
            f"{ctx.organisation} and the municipalities ({willing.maybe} maybe)",
        ),
    )
    return TwoContentSlide(
        title=response_title(ctx),
        marker=t("Svarprocent og vilje til dialog", "Response rate and willingness to talk"),
        key="survey.response",
        left=chart,
        right=text,
        notes=_notes(notes, "response_rate", "dialogue_willing"),
    )


def _presence(ctx: Context, notes: Mapping[str, str]) -> Slide:
    t, f = ctx.t, ctx.findings
    presence, planned = f.physical_presence, f.presence_planned
    chart = ChartSpec(
        "column",
        tuple(ctx.option("presence.type", code) for code in PRESENCE_TYPES),
        (
            Series(
                t("Klynger", "Clusters"),
                tuple(presence.by_type.get(code, 0) for code in PRESENCE_TYPES),
            ),
        ),
        number_format=ctx.integers,
        footnote=ctx.base_of_count(presence),
    )
    text = Text.of(
        Bullet(
            t(
                f"{presence.count} af {presence.base} "
                f"{ctx.clusters(presence.base)} er fysisk til stede i regionen",
                f"{presence.count} of {presence.base} "
                f"{ctx.clusters(presence.base)} {ctx.noun(presence.count, 'is', 'are')} "
                "physically present",
            ),
            bold=True,
        ),
        t(
            f"{planned.count} planlægger (mere) fysisk tilstedeværelse, {planned.maybe} måske",
            f"{planned.count} {ctx.noun(planned.count, 'plans', 'plan')} (more) physical "
            f"presence, {planned.maybe} maybe",
        ),
    )
    return TwoContentSlide(
        title=presence_title(ctx),
        marker=t("Fysisk tilstedeværelse", "Physical presence"),
        key="survey.presence",
        left=chart,
        right=text,
        notes=_notes(notes, "physical_presence", "presence_planned"),
    )


def _partners(ctx: Context, notes: Mapping[str, str]) -> Slide:
    t, f = ctx.t, ctx.findings
    partners = f.partners_any
    items = sorted(partners.by_actor.items(), key=lambda kv: -kv[1])
    marker = t("Samarbejdspartnere i regionen", "Partners in the region")
    title = partners_title(ctx, items)
    if not items:
        return ContentSlide(
            title=title,
            marker=marker,
            key="survey.partners",
            placeholder_note=placeholder_text(
                t("ingen samarbejdspartnere oplyst", "no partners reported"), ctx.lang
            ),
        )
    return ContentSlide(
        title=title,
        marker=marker,
        key="survey.partners",
        body=ChartSpec(
            "bar",
            tuple(f.name_of("actor", slug) for slug, _ in items),
            (Series(t("Klynger", "Clusters"), tuple(n for _, n in items)),),
            number_format=ctx.integers,
            footnote=ctx.base_of_count(partners),
        ),
        notes=_notes(notes, "partners_any"),
    )


def _members(ctx: Context, notes: Mapping[str, str]) -> Slide:
    t, f = ctx.t, ctx.findings
    region = f.members_region
    names, big = ctx.per_cluster("members_region_50plus")
    _, small = ctx.per_cluster("members_region_under50")
    marker = t("Medlemmer i regionen", "Members in the region")
    if region.reported == 0:
        return ContentSlide(
            title=t("Medlemmer i regionen: ingen har oplyst endnu", "Members: none reported yet"),
            marker=marker,
            key="survey.members",
            placeholder_note=placeholder_text(
                t("ingen klynger har oplyst medlemmer", "no members reported"), ctx.lang
            ),
        )
    chart = ChartSpec(
        "stacked",
        names,
        (
            Series(t("50 ansatte eller flere", "50 employees or more"), big),
            Series(t("Under 50 ansatte", "Under 50 employees"), small),
        ),
        number_format=ctx.integers,
        footnote=members_footnote(ctx),
    )
    return ContentSlide(
        title=members_title(ctx),
        marker=marker,
        key="survey.members",
        body=chart,
        notes=_notes(notes, "members_region", "members_region_50plus", "members_region_under50"),
    )


def _participation(ctx: Context, notes: Mapping[str, str]) -> Slide:
    t, f = ctx.t, ctx.findings
    companies, persons = f.participation_companies, f.participation_persons
    names, company_values = ctx.per_cluster("participation_companies")
    _, person_values = ctx.per_cluster("participation_persons")
    left = ChartSpec(
        "bar",
        names,
        (Series(t("Unikke virksomheder", "Unique companies"), company_values),),
        number_format=ctx.integers,
        title=t("Unikke virksomheder", "Unique companies"),
        footnote=ctx.base_of_total(companies, what_da="et tal", what_en="a figure"),
    )
    right = ChartSpec(
        "bar",
        names,
        (Series(t("Deltagere", "Participants"), person_values),),
        number_format=ctx.integers,
        title=t("Deltagere (personer)", "Participants (persons)"),
        footnote=ctx.base_of_total(persons, what_da="et tal", what_en="a figure"),
    )
    return TwoContentSlide(
        title=participation_title(ctx),
        marker=t("Deltagelse i klyngernes aktiviteter", "Participation in activities"),
        key="survey.participation",
        left=left,
        right=right,
        notes=_notes(notes, "participation_companies", "participation_persons"),
    )


def _activities(ctx: Context, notes: Mapping[str, str]) -> Slide:
    t, f = ctx.t, ctx.findings
    activities = f.activities_in_region
    items = sorted(
        ((code, n) for code, n in activities.by_type.items() if n), key=lambda kv: -kv[1]
    )
    marker = t("Aktiviteter i regionen", "Activities in the region")
    title = activities_title(ctx, items)
    if not items:
        return ContentSlide(
            title=title,
            marker=marker,
            key="survey.activities",
            placeholder_note=placeholder_text(
                t("ingen aktivitetstyper oplyst", "no activity types reported"), ctx.lang
            ),
        )
    return ContentSlide(
        title=title,
        marker=marker,
        key="survey.activities",
        body=ChartSpec(
            "bar",
            tuple(ctx.option("activities.types", code) for code, _ in items),
            (Series(t("Klynger", "Clusters"), tuple(n for _, n in items)),),
            number_format=ctx.integers,
            footnote=ctx.base_of_count(activities),
        ),
        notes=_notes(notes, "activities_in_region"),
    )


def _agreements(ctx: Context, notes: Mapping[str, str]) -> Slide:
    t, f = ctx.t, ctx.findings
    agreements, none, municipal = f.agreements_any, f.agreements_none, f.municipal_agreements
    items = sorted(agreements.by_actor.items(), key=lambda kv: -kv[1])
    chart = (
        ChartSpec(
            "bar",
            tuple(f.name_of("actor", slug) for slug, _ in items),
            (
                Series(
                    t("Klynger med aftale", "Clusters with an agreement"),
                    tuple(n for _, n in items),
                ),
            ),
            number_format=ctx.integers,
            footnote=ctx.base_of_count(agreements),
        )
        if items
        else None
    )
    lines = [
        Bullet(
            t(
                f"{agreements.count} af {agreements.base} "
                f"{ctx.clusters(agreements.base)} har en samarbejdsaftale i "
                "regionen",
                f"{agreements.count} of {agreements.base} "
                f"{ctx.clusters(agreements.base)} {ctx.noun(agreements.count, 'has', 'have')} "
                "an agreement in the region",
            ),
            bold=True,
        ),
        Bullet(
            t(
                f"{none.count} "
                f"{ctx.clusters(none.count)} har ingen samarbejdsaftale med en aktør i regionen",
                f"{none.count} "
                f"{ctx.clusters(none.count)} {ctx.noun(none.count, 'has', 'have')} no agreement "
                "with an actor in the region",
            )
        ),
    ]
    if municipal.agreements:
        lines.append(
            Bullet(
                t(
                    f"{municipal.agreements} {ctx.noun(municipal.agreements, 'aftale', 'aftaler')} "
                    f"med {municipal.municipalities} "
                    f"{ctx.noun(municipal.municipalities, 'kommune', 'kommuner')} "
                    f"fordelt på {municipal.clusters} {ctx.clusters(municipal.clusters)}; "
                    "én klynge har "
                    f"{municipal.max_per_cluster} af de {municipal.agreements}",
                    f"{municipal.agreements} "
                    f"{ctx.noun(municipal.agreements, 'agreement', 'agreements')} "
                    f"with {municipal.municipalities} "
                    f"{ctx.noun(municipal.municipalities, 'municipality', 'municipalities')} "
                    f"spread over {municipal.clusters} {ctx.clusters(municipal.clusters)}; "
                    "one cluster "
                    f"holds {municipal.max_per_cluster} of the {municipal.agreements}",
                )
            )
        )
    return TwoContentSlide(
        title=agreements_title(ctx),
        marker=t("Samarbejdsaftaler – med hvem?", "Agreements – with whom?"),
        key="survey.agreements",
        left=chart,
        right=Text(tuple(lines)),
        placeholder_note=None
        if chart
        else placeholder_text(t("ingen aftaler oplyst", "no agreements reported"), ctx.lang),
        notes=_notes(notes, "agreements_any", "agreements_none", "municipal_agreements"),
    )


def _municipalities(ctx: Context) -> Slide:
    t, f = ctx.t, ctx.findings
    marker = t(
        "Kommunerne: tilstedeværelse og aftaler", "The municipalities: presence and agreements"
    )
    if not f.municipalities:
        return ContentSlide(
            title=t("Kommunerne: rundens region har ingen", "Municipalities: none in the region"),
            marker=marker,
            key="survey.municipalities",
            placeholder_note=placeholder_text(
                t("rundens region har ingen kommuner", "the round's region has no municipalities"),
                ctx.lang,
            ),
        )
    # Presence per municipality is counted from the answers the presence finding rests on.
    present = Counter(
        code
        for response in ctx.round.responders
        for code in (response.get("presence.municipalities") or ())
    )
    rows = tuple(
        (
            m.name,
            present.get(m.slug, 0),
            f.partners_any.by_municipality.get(m.slug, 0),
            f.municipal_agreements.by_municipality.get(m.slug, 0),
        )
        for m in f.municipalities
    )
    return ContentSlide(
        title=municipalities_title(ctx, present),
        marker=marker,
        key="survey.municipalities",
        body=ChartSpec(
            "column",
            tuple(r[0] for r in rows),
            (
                Series(t("Fysisk til stede", "Physically present"), tuple(r[1] for r in rows)),
                Series(t("Samarbejdspartner", "Partner"), tuple(r[2] for r in rows)),
                Series(t("Samarbejdsaftale", "Agreement"), tuple(r[3] for r in rows)),
            ),
            number_format=integer_format(ctx.lang, hide_zero=True),
            footnote=Footnote(
                t(
                    f"Antal klynger pr. kommune; base: {f.responded} "
                    f"{ctx.clusters(f.responded)} har svaret",
                    f"Clusters per municipality; base: {f.responded} "
                    f"{ctx.clusters(f.responded)} responded",
                )
            ),
        ),
        notes=t(
            "Kommunerne, hvor klyngerne er fysisk til stede, samarbejder og har aftaler.",
            "The municipalities where clusters are present, work with partners and have "
            "agreements.",
        ),
    )


def _presence_vs_members(ctx: Context, notes: Mapping[str, str]) -> Slide:
    t, f = ctx.t, ctx.findings
    split = f.presence_vs_members
    total = f.members_region.total
    share = (
        percent(split.present.members_region, total)
        if split.present.members_region is not None and total
        else None
    )
    chart = ChartSpec(
        "column",
        (
            t(
                f"Fysisk til stede ({split.present.clusters})",
                f"Present ({split.present.clusters})",
            ),
            t(
                f"Ikke til stede ({split.absent.clusters})",
                f"Not present ({split.absent.clusters})",
            ),
        ),
        (
            Series(
                t("Medlemmer i regionen", "Members in the region"),
                (split.present.members_region, split.absent.members_region),
            ),
        ),
        number_format=ctx.integers,
        footnote=ctx.base_of_total(f.members_region, what_da="medlemstal", what_en="members"),
    )
    present = split.present.clusters
    who = (
        t("Den ene klynge med fysisk tilstedeværelse har", "The one cluster that is present has")
        if present == 1
        else t(
            f"De {present} klynger med fysisk tilstedeværelse har",
            f"The {present} clusters that are present have",
        )
    )
    text = Text.of(
        Bullet(
            t(
                f"{who} {ctx.n(split.present.members_region)} af de {ctx.n(total)} "
                f"{ctx.members(total)} ({ctx.pct(share)})",
                f"{who} {ctx.n(split.present.members_region)} of the {ctx.n(total)} "
                f"{ctx.members(total)} ({ctx.pct(share)})",
            ),
            bold=True,
        ),
        t(
            "Tilstedeværelse og medlemmer hænger sammen: det er de samme klynger, der har "
            "kontor og flest medlemmer i regionen.",
            "Presence and members go together: the clusters with an office also have the most "
            "members in the region.",
        ),
    )
    return TwoContentSlide(
        title=presence_vs_members_title(ctx, share),
        marker=t("Tilstedeværelse og medlemmer", "Presence and members"),
        key="survey.presence_members",
        left=chart,
        right=text,
        notes=_notes(notes, "presence_vs_members"),
    )


def _notes(notes: Mapping[str, str], *keys: str) -> str:
    return "\n".join(notes[key] for key in keys if notes.get(key))
