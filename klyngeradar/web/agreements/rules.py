"""Who may see and change agreements (loaded by rules' autodiscovery).

- Administrators: every agreement.
- Analysts: their organisation's agreements, and they change them.
- Viewers (board members): their organisation's agreements, read only.
- Municipal officers — viewers tied to municipalities by `MunicipalAccess` — see
  only the agreements their municipalities are party to, read only.
- Respondents: the agreements of their own cluster (the cluster is a party),
  read only.

Everything belonging to an agreement (KPIs, follow-ups, meetings, documents) is
reached through the agreement, so these rules cover it too.
"""

from __future__ import annotations

import rules

from klyngeradar.web import access
from klyngeradar.web.accounts.models import Role
from klyngeradar.web.accounts.roles import cluster_of, is_admin, organisation_of, role_of
from klyngeradar.web.agreements.models import Agreement, MunicipalAccess


def municipality_ids_of(user) -> list[int]:
    """The municipalities a municipal officer is tied to (empty for everyone else)."""
    if role_of(user) != Role.VIEWER:
        return []
    return list(MunicipalAccess.objects.filter(user=user).values_list("municipality_id", flat=True))


def is_municipal_officer(user) -> bool:
    return bool(municipality_ids_of(user))


def agreements_for(user, queryset):
    role = role_of(user)
    if role == Role.ADMIN:
        return queryset
    if role == Role.RESPONDENT:
        own = cluster_of(user)
        return queryset.filter(cluster=own) if own else queryset.none()
    if role == Role.VIEWER and (municipalities := municipality_ids_of(user)):
        parties = Agreement.municipalities.through.objects.filter(
            municipality_id__in=municipalities
        ).values("agreement_id")
        return queryset.filter(pk__in=parties)
    if role in (Role.ANALYST, Role.VIEWER):
        organisation = organisation_of(user)
        return queryset.filter(organisation=organisation) if organisation else queryset.none()
    return queryset.none()


@rules.predicate
def may_see(user, agreement) -> bool:
    if agreement is None:
        return role_of(user) is not None
    return agreements_for(user, Agreement.objects.filter(pk=agreement.pk)).exists()


@rules.predicate
def is_own_organisations_analyst(user, agreement) -> bool:
    if role_of(user) != Role.ANALYST:
        return False
    organisation = organisation_of(user)
    if agreement is None:
        return organisation is not None
    return organisation is not None and agreement.organisation_id == organisation.pk


may_change = is_admin | is_own_organisations_analyst

access.register(Agreement, agreements_for, view=may_see, change=may_change, delete=may_change)
