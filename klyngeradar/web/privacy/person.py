"""Find, export and delete what the product holds about one person, by e-mail address.

Looked through: user accounts (and their role), the contact addresses of every
invitation, answers that name the address, every history copy
(django-simple-history) of those answers and every history record the user
made, and the download log. `find` only reads (the preview), `export` is the
access request's answer (JSON), `delete` removes it all in one transaction:

- the address is taken out of every invitation's contact list;
- inside answers and their history copies the address is replaced by
  ``[slettet]`` (the rest of the answer — the cluster's figures — stays);
- history records the user made keep the change but no longer name the user;
- the download log keeps the entry under "slettet bruger";
- the user account is deleted (or, if something still protects it,
  deactivated with its name and address removed).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import ProtectedError

REMOVED = "[slettet]"


@dataclass
class Found:
    email: str
    users: list = field(default_factory=list)
    invitations: list = field(default_factory=list)
    responses: list = field(default_factory=list)
    response_history: list = field(default_factory=list)
    history_by_user: dict = field(default_factory=dict)
    downloads: list = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (
            self.users
            or self.invitations
            or self.responses
            or self.response_history
            or any(self.history_by_user.values())
            or self.downloads
        )

    def summary(self) -> list[str]:
        return [
            f"brugere: {len(self.users)}",
            f"invitationer med adressen: {len(self.invitations)}",
            f"svar der nævner adressen: {len(self.responses)}",
            f"historik-kopier af svar der nævner adressen: {len(self.response_history)}",
            "historikposter lavet af brugeren: "
            f"{sum(len(v) for v in self.history_by_user.values())}",
            f"downloads: {len(self.downloads)}",
        ]


def _mentions(value, email: str) -> bool:
    return email in json.dumps(value, ensure_ascii=False).lower()


def _scrub(value, email: str):
    if isinstance(value, str):
        lowered = value.lower()
        while email in lowered:
            start = lowered.index(email)
            value = value[:start] + REMOVED + value[start + len(email) :]
            lowered = value.lower()
        return value
    if isinstance(value, list):
        return [_scrub(v, email) for v in value]
    if isinstance(value, dict):
        return {k: _scrub(v, email) for k, v in value.items()}
    return value


def _historical_models():
    return [m for m in apps.get_models() if m.__name__.startswith("Historical")]


def find(email: str) -> Found:
    from klyngeradar.web.privacy.models import DownloadLog
    from klyngeradar.web.surveys.models import Invitation, Response

    email = email.strip().lower()
    found = Found(email)
    found.users = list(get_user_model().objects.filter(email__iexact=email))
    found.invitations = [
        i
        for i in Invitation.objects.select_related("round", "cluster")
        if any(e.lower() == email for e in i.emails)
    ]
    found.responses = [
        r
        for r in Response.objects.select_related("round", "cluster")
        if _mentions(r.answers, email)
    ]
    found.response_history = [h for h in Response.history.all() if _mentions(h.answers, email)]
    for model in _historical_models():
        rows = list(model.objects.filter(history_user__in=found.users)) if found.users else []
        if rows:
            found.history_by_user[model._meta.label] = rows
    found.downloads = list(DownloadLog.objects.filter(user__in=found.users)) if found.users else []
    return found


def export(found: Found) -> dict:
    """What the product holds about the person, as plain data (the access request)."""
    from klyngeradar.web.accounts.roles import membership_of

    return {
        "email": found.email,
        "users": [
            {
                "username": u.username,
                "first_name": u.first_name,
                "last_name": u.last_name,
                "email": u.email,
                "date_joined": u.date_joined.isoformat(),
                "last_login": u.last_login.isoformat() if u.last_login else None,
                "role": getattr(membership_of(u), "role", None),
            }
            for u in found.users
        ],
        "invitations": [
            {
                "round": i.round.title,
                "cluster": i.cluster.name,
                "emails": i.emails,
                "sent_at": i.sent_at.isoformat() if i.sent_at else None,
                "opened_at": i.opened_at.isoformat() if i.opened_at else None,
                "last_seen_at": i.last_seen_at.isoformat() if i.last_seen_at else None,
            }
            for i in found.invitations
        ],
        "answers": [
            {"round": r.round.title, "cluster": r.cluster.name, "answers": r.answers}
            for r in found.responses
        ],
        "answer_history": [
            {"history_date": h.history_date.isoformat(), "answers": h.answers}
            for h in found.response_history
        ],
        "changes_made": {
            label: [
                {"history_date": h.history_date.isoformat(), "type": h.history_type} for h in rows
            ]
            for label, rows in found.history_by_user.items()
        },
        "downloads": [{"at": d.at.isoformat(), "file": d.filename} for d in found.downloads],
    }


def delete(found: Found) -> None:
    email = found.email
    with transaction.atomic():
        for invitation in found.invitations:
            invitation.emails = [e for e in invitation.emails if e.lower() != email]
            invitation.save(update_fields=["emails"])
        for response in found.responses:
            type(response).objects.filter(pk=response.pk).update(
                answers=_scrub(response.answers, email)
            )
        for copy in found.response_history:
            type(copy).objects.filter(pk=copy.pk).update(answers=_scrub(copy.answers, email))
        for model_label, rows in found.history_by_user.items():
            model = apps.get_model(model_label)
            model.objects.filter(pk__in=[r.pk for r in rows]).update(history_user=None)
        for download in found.downloads:
            type(download).objects.filter(pk=download.pk).update(
                username="slettet bruger", user=None
            )
        for user in found.users:
            try:
                with transaction.atomic():
                    user.delete()
            except ProtectedError:
                user.username = f"slettet-{user.pk}"
                user.email = user.first_name = user.last_name = ""
                user.is_active = False
                user.set_unusable_password()
                user.save()
