"""The user's own API tokens: create one (shown once), see when each was last used, revoke."""

from __future__ import annotations

from datetime import timedelta

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from klyngeradar.web.accounts.roles import role_of
from klyngeradar.web.api.models import ApiToken

LIFETIMES = [
    (30, gettext_lazy("30 dage")),
    (90, gettext_lazy("90 dage")),
    (365, gettext_lazy("1 år")),
]


class TokenForm(forms.Form):
    name = forms.CharField(
        label=gettext_lazy("Navn"),
        max_length=100,
        help_text=gettext_lazy("Hvad nøglen bruges til, fx »Power BI, bestyrelsesrapport«."),
    )
    days = forms.TypedChoiceField(
        label=gettext_lazy("Gyldig i"), choices=LIFETIMES, coerce=int, initial=90
    )


@login_required
def token_list(request):
    secret = None
    if request.method == "POST":
        form = TokenForm(request.POST)
        if role_of(request.user) is None:
            messages.error(request, _("Du har endnu ingen rolle og kan ikke bruge API'et."))
        elif form.is_valid():
            expires = timezone.now() + timedelta(days=form.cleaned_data["days"])
            _token, secret = ApiToken.issue(request.user, form.cleaned_data["name"], expires)
            form = TokenForm()
    else:
        form = TokenForm()
    tokens = ApiToken.objects.filter(user=request.user)
    response = render(
        request,
        "api/tokens.html",
        {"form": form, "tokens": tokens, "secret": secret, "now": timezone.now()},
    )
    return response


@login_required
@require_POST
def token_revoke(request, pk: int):
    token = get_object_or_404(ApiToken, pk=pk, user=request.user)
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        messages.success(request, _("Nøglen »%(name)s« er tilbagekaldt.") % {"name": token.name})
    return redirect("api_tokens:token_list")
