"""The survey slides' footnotes that say more than one finding's base.

The members slide's title is the total ("Klyngerne har ca. 375 medlemmer i
regionen") while its bars are the split by size: its footnote names the total's
base and estimates first, then the split's own, and then every cluster whose parts
do not add up to its total, as the findings page's follow-ups do.
"""

from __future__ import annotations

from klyngeradar.core.reports.deck import Footnote
from klyngeradar.core.reports.outline_base import Context
from klyngeradar.core.surveys.responses import Response


def members_footnote(ctx: Context) -> Footnote:
    """ "12 af 12 klynger har oplyst et medlemstal · 4 af tallene er skøn · fordelingen …"."""
    t, f = ctx.t, ctx.findings
    total = ctx.base_of_total(f.members_region, what_da="et medlemstal", what_en="members")
    big, small = f.members_region_50plus, f.members_region_under50
    reported = min(big.reported, small.reported)
    estimated = max(big.estimated, small.estimated)
    split = t(
        f"fordelingen på størrelse: {ctx.n(reported)} af {ctx.n(big.base)} har oplyst den",
        f"the split by size: {ctx.n(reported)} of {ctx.n(big.base)} reported it",
    )
    if estimated:
        split += t(f", {ctx.n(estimated)} af dem skøn", f", {ctx.n(estimated)} of them estimates")
    qualifiers = list(total.qualifiers)
    responses = {r.cluster: r for r in ctx.round.responses}
    mismatches = [
        _mismatch(ctx, responses[issue.cluster])
        for issue in f.consistency
        if issue.check == "members_split_sum" and issue.cluster in responses
    ]
    # Before the split: a footnote too long for its room loses its last qualifiers first.
    if mismatches:
        qualifiers.append(
            t("delene summer ikke til totalen: ", "the parts do not add up to the total: ")
            + "; ".join(mismatches)
        )
    qualifiers.append(split)
    return Footnote(total.base, tuple(qualifiers))


def _mismatch(ctx: Context, response: Response) -> str:
    """ "Klynge C (50+: 26 + under 50: 54 = 80, i alt: 85)"."""
    big = response.get("members.region_50plus")
    small = response.get("members.region_under50")
    parts = f"50+: {ctx.n(big)} + under 50: {ctx.n(small)} = {ctx.n(big + small)}"
    whole = ctx.n(response.get("members.region"))
    return ctx.t(
        f"{response.label} ({parts}, i alt: {whole})", f"{response.label} ({parts}, total: {whole})"
    )
