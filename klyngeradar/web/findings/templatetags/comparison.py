"""``{% compare_links round %}``: "Sammenlign med …" for each earlier round of the region."""

from django import template

from klyngeradar.web.findings.comparison import earlier_rounds

register = template.Library()


@register.inclusion_tag("findings/compare_links.html")
def compare_links(round):
    return {"round": round, "earlier": earlier_rounds(round)}
