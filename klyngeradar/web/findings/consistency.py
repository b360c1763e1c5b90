"""The consistency warnings of a round, as follow-ups for the analyst.

The core's findings name each cluster whose member counts do not add up
(`Findings.consistency`); this module words them for a reader, with the
numbers as the cluster gave them, and links to the cluster's response.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext as _

from klyngeradar.core.findings.rules import Findings
from klyngeradar.core.numbers import format_int
from klyngeradar.core.surveys.responses import RoundData
from klyngeradar.web.surveys.models import Response


@dataclass(frozen=True)
class FollowUp:
    cluster: str
    name: str
    check: str
    title: str
    detail: str
    url: str | None


def response_url(round, cluster: str) -> str | None:
    """The analyst's page of the cluster's response in the round."""
    response = Response.objects.filter(round=round, cluster__slug=cluster).only("pk").first()
    if response is None:
        return None
    return reverse("surveys:response", kwargs={"pk": round.pk, "response": response.pk})


def follow_ups(round, data: RoundData, findings: Findings, lang: str = "da") -> list[FollowUp]:
    """One follow-up per consistency issue, in the core's order."""
    responses = {r.cluster: r for r in data.responses}
    result = []
    for issue in findings.consistency:
        response = responses.get(issue.cluster)
        answers = response.answers if response else {}

        def n(question: str, answers=answers) -> str:
            return format_int(answers.get(question), lang)

        if issue.check == "members_split_sum":
            title = _("Medlemmer fordelt på størrelse summer ikke til medlemmer i regionen")
            detail = _("50+ ansatte: %(big)s + under 50 ansatte: %(small)s, men i alt: %(all)s") % {
                "big": n("members.region_50plus"),
                "small": n("members.region_under50"),
                "all": n("members.region"),
            }
        else:
            title = _("Flere medlemmer i regionen end i hele landet")
            detail = _("I regionen: %(region)s, i hele landet: %(national)s") % {
                "region": n("members.region"),
                "national": n("members.national"),
            }
        result.append(
            FollowUp(
                issue.cluster,
                response.label if response else issue.cluster,
                issue.check,
                title,
                detail,
                response_url(round, issue.cluster),
            )
        )
    return result
