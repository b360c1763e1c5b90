"""History lists: who changed a record and when (django-simple-history), as a list that can grow.

A record edited every week for years has hundreds of history entries; the detail pages show
them 20 a page through `klyngeradar.web.listing` (sort by time, change or person, search by
person or reason, Excel export), with the ``historik-`` parameter prefix so that they never
clash with the page's own parameters. Template: ``listing/history.html``.
"""

from __future__ import annotations

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from klyngeradar.web.listing import Column, Listing

PER_PAGE = 20
PREFIX = "historik"

CHANGE_LABELS = {"+": _("oprettet"), "~": _("ændret"), "-": _("slettet")}


def change_label(record) -> str:
    return str(CHANGE_LABELS.get(record.history_type, record.history_type))


def person(record) -> str:
    return str(record.history_user) if record.history_user else ""


COLUMNS = (
    Column("when", _("Tidspunkt"), order="history_date"),
    Column("change", _("Ændring"), order="history_type", value=change_label),
    Column("who", _("Af"), order="history_user__username", value=person),
)


def history_listing(request, history: QuerySet, columns=COLUMNS) -> Listing:
    """One page of ``history`` (a simple-history manager or queryset), newest first."""
    return Listing(
        request,
        history.select_related("history_user"),
        columns,
        search=("history_user__username", "history_change_reason"),
        default="-when",
        per_page=PER_PAGE,
        caption=_("Historik"),
        prefix=PREFIX,
    )
