"""The administrator's "find and delete a person" page: preview, access request, deletion.

The same work as ``klyngeradar manage find_person`` (`klyngeradar.web.privacy.person`),
for administrators only (everyone else gets 404: the page is not theirs to know
of). The address travels in POST bodies only, so it never reaches a URL, an
access log or the browser's history. Deleting asks once more (`web.confirm`).

Participation lists can name a sole proprietorship, whose name is a person's
name. Given a name, the preview counts the rows whose company name contains it
and names their imports; they are not changed here, because they are the
documentation the agreements report: the analyst corrects or deletes the import
on the participation page.
"""

from __future__ import annotations

import json

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from klyngeradar.web.accounts.roles import is_admin
from klyngeradar.web.confirm import confirmation, confirmed
from klyngeradar.web.privacy import person


class PersonForm(forms.Form):
    email = forms.EmailField(label=gettext_lazy("E-mailadresse"), max_length=254)
    name = forms.CharField(
        label=gettext_lazy("Navn (valgfrit)"),
        max_length=200,
        required=False,
        help_text=gettext_lazy(
            "Søger også i deltagerlisterne efter enkeltmandsvirksomheder med navnet."
        ),
    )


def sole_proprietorships(name: str) -> list[dict]:
    """Participation imports with rows whose company name contains `name`, with row counts."""
    from django.db.models import Count

    from klyngeradar.web.agreements.models import Participation

    name = name.strip()
    if len(name) < 3:
        return []
    rows = (
        Participation.objects.filter(company__icontains=name)
        .values("batch_id", "batch__filename", "batch__imported", "batch__organisation__name")
        .annotate(rows=Count("pk"))
        .order_by("batch_id")
    )
    return list(rows)


@login_required
@require_http_methods(["GET", "POST"])
def find_person(request):
    if not is_admin(request.user):
        raise Http404
    if request.method == "GET":
        return render(request, "privacy/person.html", {"form": PersonForm()})
    form = PersonForm(request.POST)
    if not form.is_valid():
        return render(request, "privacy/person.html", {"form": form}, status=400)
    email, name = form.cleaned_data["email"], form.cleaned_data["name"]
    found = person.find(email)
    action = request.POST.get("action", "find")
    if action == "export" and not found.empty:
        body = json.dumps(person.export(found), ensure_ascii=False, indent=2)
        response = HttpResponse(body, content_type="application/json; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="persondata.json"'
        return response
    if action == "delete" and not found.empty:
        if not confirmed(request):
            return confirmation(
                request,
                title=_("Slet alt om %(email)s?") % {"email": found.email},
                consequence=_(
                    "Adressen fjernes fra invitationer, svar og deres historik, brugeren "
                    "slettes, og downloadloggen gemmer kun “slettet bruger”. Det kan ikke "
                    "fortrydes."
                ),
                button=_("Slet"),
                back_url=reverse("privacy:find_person"),
            )
        person.delete(found)
        messages.success(request, _("Alt om personen er slettet."))
        return redirect("privacy:find_person")
    ctx = {
        "form": form,
        "found": found,
        "summary": found.summary(),
        "searched": True,
        "sole": sole_proprietorships(name) if name else None,
    }
    return render(request, "privacy/person.html", ctx)
