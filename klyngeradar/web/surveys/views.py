"""The analyst's pages: rounds, invitations and each cluster's status, response and history."""

from __future__ import annotations

from django.contrib import messages
from django.db.models import Count, Max, Q
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import get_language, gettext_lazy, ngettext
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from klyngeradar.web import saving
from klyngeradar.web.access import can, get_for_user, require_role, visible_to
from klyngeradar.web.accounts.roles import is_respondent, organisation_of
from klyngeradar.web.confirm import confirmation, confirmed
from klyngeradar.web.history import history_listing
from klyngeradar.web.listing import Column, Listing
from klyngeradar.web.registry.models import Actor
from klyngeradar.web.strategy.store import strategy_for
from klyngeradar.web.surveys import answers, invitations, reminders
from klyngeradar.web.surveys.forms import InviteForm, RemindForm, RoundForm
from klyngeradar.web.surveys.models import Invitation, Response, Round
from klyngeradar.web.surveys.respondents import open_responses
from klyngeradar.web.surveys.summary import response_lines

STAFF = ("analyst", "viewer", "admin")
EDITORS = ("analyst", "admin")


def _lang() -> str:
    return "en" if (get_language() or "da").startswith("en") else "da"


ROUND_COLUMNS = (
    Column("title", gettext_lazy("Runde"), order="title"),
    Column("region", gettext_lazy("Region"), order="region__name", value="region.name"),
    Column("deadline", gettext_lazy("Svarfrist"), order="deadline"),
    Column("status", gettext_lazy("Status"), order="status", value="get_status_display"),
    Column("invited", gettext_lazy("Inviteret"), order="invited", number=True, total=True),
    Column("submitted", gettext_lazy("Indsendt"), order="submitted", number=True, total=True),
)


@require_role(*STAFF, "respondent")
def round_list(request):
    if is_respondent(request.user):
        # A respondent's "Runder" is the list of their own cluster's forms.
        ctx = {"responses": open_responses(request.user), "section": "rounds"}
        return render(request, "surveys/own_list.html", ctx)
    rounds = (
        visible_to(request.user, Round)
        .select_related("organisation", "region")
        .annotate(
            invited=Count("responses"),
            submitted=Count("responses", filter=Q(responses__status="submitted")),
        )
    )
    listing = Listing(
        request,
        rounds,
        ROUND_COLUMNS,
        search=("title", "region__name"),
        default="-deadline",
        caption=_("Runder"),
    )
    if listing.export:
        return listing.xlsx_response("runder")
    ctx = {
        "listing": listing,
        "rounds": listing.page,
        "can_create": can(request.user, "add", Round()) and organisation_of(request.user),
        "section": "rounds",
    }
    return render(request, "surveys/round_list.html", ctx)


@require_role(*EDITORS)
@require_http_methods(["GET", "POST"])
def round_create(request):
    organisation = organisation_of(request.user)
    if organisation is None:
        messages.error(request, _("Du skal høre til en organisation for at oprette en runde."))
        return redirect("surveys:round_list")
    region = organisation.region
    actors = [{"slug": a.slug, "name": a.name} for a in Actor.objects.filter(region=region)]
    form = RoundForm(
        request.POST or None,
        instance=Round(organisation=organisation, region=region),
        actors=actors,
        strategy=strategy_for(organisation),
    )
    ctx = {"form": form, "region": region, "section": "rounds", "creating": True}
    if request.method == "POST":
        try:
            saved = saving.save_form(form, what="a new round")
        except saving.SaveFailed:
            return _form_again(request, ctx)
        if saved:
            round = form.instance
            messages.success(request, _("Runden er oprettet. Invitér nu klyngerne."))
            _warn_of_a_past_deadline(request, round)
            return redirect("surveys:round_detail", pk=round.pk)
    return render(request, "surveys/round_form.html", ctx)


def _form_again(request, ctx: dict):
    """The round form as typed after a failed save: the message, 503 (`saving.form_again`)."""
    return saving.form_again(
        request, lambda status: render(request, "surveys/round_form.html", ctx, status=status)
    )


def _warn_of_a_past_deadline(request, round: Round) -> None:
    """A past deadline is allowed (a round may be recorded afterwards), but said plainly."""
    if round.deadline < timezone.localdate():
        messages.warning(
            request,
            _(
                "Svarfristen %(deadline)s er allerede overskredet. Klyngerne kan stadig svare, "
                "så længe runden er åben, men e-mails og påmindelser nævner en frist i fortiden."
            )
            % {"deadline": date_format(round.deadline, "DATE_FORMAT")},
        )


@require_role(*EDITORS)
@require_http_methods(["GET", "POST"])
def round_edit(request, pk: int):
    round = get_for_user(request.user, Round, action="change", pk=pk)
    form = RoundForm(request.POST or None, instance=round)
    ctx = {"form": form, "round": round, "region": round.region, "section": "rounds"}
    if request.method == "POST":
        try:
            saved = saving.save_form(form, what=f"round {round.pk}")
        except saving.SaveFailed:
            return _form_again(request, ctx)
        if saved:
            messages.success(request, _("Ændringerne er gemt."))
            _warn_of_a_past_deadline(request, round)
            return redirect("surveys:round_detail", pk=round.pk)
    return render(request, "surveys/round_form.html", ctx)


@require_role(*STAFF)
def round_detail(request, pk: int):
    round = get_for_user(request.user, Round, pk=pk)
    ctx = _round_context(request, round)
    if ctx["listing"].export:
        return ctx["listing"].xlsx_response("klynger")
    return render(request, "surveys/round_detail.html", ctx)


RESPONSE_COLUMNS = (
    Column("cluster", gettext_lazy("Klynge"), order="cluster__name", value="cluster.name"),
    Column("status", gettext_lazy("Status"), order="status", value="get_status_display"),
    Column("links", gettext_lazy("Links"), order="live_links", value="live_links", number=True),
    Column("seen", gettext_lazy("Senest set"), order="last_seen", value="last_seen"),
)


def _round_context(request, round: Round, invite_form: InviteForm | None = None) -> dict:
    """The round page's context; the same after a refused invitation (links, counts)."""
    responses = round.responses.select_related("cluster").annotate(
        live_links=Count("cluster__invitations", filter=_live(round)),
        last_seen=Max(
            "cluster__invitations__last_seen_at", filter=Q(cluster__invitations__round=round)
        ),
    )
    listing = Listing(
        request,
        responses,
        RESPONSE_COLUMNS,
        search=("cluster__name", "cluster__slug"),
        default="cluster",
        caption=_("Klynger"),
    )
    # The counts are the database's, over every response, not the page's.
    counts = {status: 0 for status, _label in Response.Status.choices}
    for status, n in round.responses.order_by().values_list("status").annotate(n=Count("pk")):
        counts[status] = n
    ctx = {
        "round": round,
        "listing": listing,
        "responses": listing.page,
        "counts": [(label, counts[status]) for status, label in Response.Status.choices],
        "can_change": can(request.user, "change", round),
        "invite_form": invite_form or InviteForm(round=round),
        "section": "rounds",
    }
    return ctx


def _live(round: Round) -> Q:
    return Q(cluster__invitations__round=round, cluster__invitations__revoked_at__isnull=True)


@require_role(*EDITORS)
@require_POST
def round_close(request, pk: int):
    round = get_for_user(request.user, Round, action="change", pk=pk)
    if round.is_open and not confirmed(request):
        return confirmation(
            request,
            title=_("Luk runden »%(title)s«?") % {"title": round.title},
            consequence=_(
                "Alle personlige links holder op med at virke, og klyngerne kan ikke længere "
                "svare. Det, en klynge er i gang med at skrive, gemmes som kladde. "
                "Runden kan genåbnes bagefter."
            ),
            button=_("Luk runden"),
            back_url=reverse("surveys:round_detail", kwargs={"pk": round.pk}),
            section="rounds",
        )
    if round.is_open:
        round.status = Round.Status.CLOSED
        round.closed_at = timezone.now()
        round.save()
        messages.success(request, _("Runden er lukket. Linkene virker ikke længere."))
    return redirect("surveys:round_detail", pk=round.pk)


@require_role(*EDITORS)
@require_POST
def round_reopen(request, pk: int):
    """Open a closed round again: the links that were not revoked work again."""
    round = get_for_user(request.user, Round, action="change", pk=pk)
    if not round.is_open and not confirmed(request):
        return confirmation(
            request,
            title=_("Genåbn runden »%(title)s«?") % {"title": round.title},
            consequence=_(
                "Klyngernes personlige links virker igen (undtagen tilbagekaldte), og klynger, "
                "der ikke har indsendt, kan svare videre på deres kladde."
            ),
            button=_("Genåbn runden"),
            back_url=reverse("surveys:round_detail", kwargs={"pk": round.pk}),
            section="rounds",
        )
    if not round.is_open:
        round.status = Round.Status.OPEN
        round.closed_at = None
        round.save()
        messages.success(request, _("Runden er genåbnet. Linkene virker igen."))
    return redirect("surveys:round_detail", pk=round.pk)


@require_role(*EDITORS)
@require_POST
def invite(request, pk: int):
    round = get_for_user(request.user, Round, action="change", pk=pk)
    form = InviteForm(request.POST, round=round)
    if not form.is_valid():
        ctx = _round_context(request, round, form)
        return render(request, "surveys/round_detail.html", ctx, status=422)
    issued = invitations.invite(round, form.cleaned_data["cluster"], form.cleaned_data["addresses"])
    return _issued(request, round, issued, send=form.cleaned_data["send"])


SKIP_REASONS = {
    reminders.Skip.REMINDED_TODAY: gettext_lazy("påmindet i dag"),
    reminders.Skip.SUBMITTED: gettext_lazy("har indsendt"),
    reminders.Skip.NO_LINK: gettext_lazy("intet aktivt link med en e-mailadresse"),
    reminders.Skip.FAILED: gettext_lazy("e-mailen kunne ikke sendes"),
}


def _names(responses) -> str:
    return ", ".join(response.cluster.name for response in responses)


def _skipped_line(skipped) -> str:
    """ "Springes over: Klynge C (påmindet i dag); Klynge A (har indsendt)"."""
    by_reason: dict = {}
    for response, reason in skipped:
        by_reason.setdefault(reason, []).append(response)
    parts = [f"{_names(found)} ({SKIP_REASONS[reason]})" for reason, found in by_reason.items()]
    return _("Springes over: %(clusters)s.") % {"clusters": "; ".join(parts)}


@require_role(*EDITORS)
@require_POST
def remind(request, pk: int):
    """ "Send påmindelse nu" for the ticked clusters: confirm, then send as the daily job does."""
    round = get_for_user(request.user, Round, action="change", pk=pk)
    back = reverse("surveys:round_detail", kwargs={"pk": round.pk})
    if not round.is_open:
        messages.error(request, _("Runden er lukket; der sendes ingen påmindelser."))
        return redirect(back)
    form = RemindForm(request.POST, round=round)
    if not form.is_valid():
        for error in form.errors.get("response", []):
            messages.error(request, error)
        return redirect(back)
    chosen = list(form.cleaned_data["response"])
    today = timezone.localdate()
    if not confirmed(request):
        plan = reminders.plan_now(round, chosen, today)
        if not plan.send:
            messages.warning(
                request,
                _("Ingen påmindelse sendt. %(skipped)s") % {"skipped": _skipped_line(plan.skipped)},
            )
            return redirect(back)
        consequence = ngettext(
            "En påmindelse med et nyt personligt link sendes nu til %(n)s klynge: "
            "%(clusters)s. De tidligere links virker stadig.",
            "En påmindelse med et nyt personligt link sendes nu til %(n)s klynger: "
            "%(clusters)s. De tidligere links virker stadig.",
            len(plan.send),
        ) % {"n": len(plan.send), "clusters": _names(r for r, _live in plan.send)}
        if plan.skipped:
            consequence = f"{consequence} {_skipped_line(plan.skipped)}"
        return confirmation(
            request,
            title=_("Send påmindelse nu?"),
            consequence=consequence,
            button=_("Send påmindelse"),
            back_url=back,
            section="rounds",
        )
    sent, plan = reminders.send_now(round, chosen, today)
    if sent:
        names = {item.cluster for item in sent}
        messages.success(
            request,
            ngettext(
                "Påmindelse sendt til %(n)s klynge: %(clusters)s.",
                "Påmindelse sendt til %(n)s klynger: %(clusters)s.",
                len(sent),
            )
            % {"n": len(sent), "clusters": _names(r for r in chosen if r.cluster.slug in names)},
        )
    if plan.skipped:
        level = messages.warning if sent else messages.error
        level(request, _skipped_line(plan.skipped))
    return redirect(back)


def _response_of(request, pk: int, response_pk: int, action: str) -> Response:
    round = get_for_user(request.user, Round, action=action, pk=pk)
    response = get_for_user(request.user, Response, action=action, pk=response_pk)
    if response.round_id != round.pk:
        raise Http404
    return response


@require_role(*EDITORS)
@require_POST
def resend(request, pk: int, response: int):
    response = _response_of(request, pk, response, "change")
    issued = invitations.resend(response.round, response.cluster)
    return _issued(request, response.round, issued, send=bool(issued.invitation.emails))


def _issued(request, round: Round, issued: invitations.Issued, *, send: bool):
    """Show the new link once (it is stored only as a hash) and e-mail it if asked."""
    sent_to = []
    if send and round.is_open:
        try:
            invitations.send_invitation(issued)
            sent_to = issued.invitation.emails
        except Exception as exc:  # The link is valid either way; say that it was not sent.
            messages.error(request, _("E-mailen kunne ikke sendes: %(error)s") % {"error": exc})
    ctx = {
        "round": round,
        "invitation": issued.invitation,
        "link": issued.link,
        "sent_to": sent_to,
        "section": "rounds",
    }
    return render(request, "surveys/link_issued.html", ctx)


@require_role(*EDITORS)
@require_POST
def revoke(request, pk: int, response: int):
    response = _response_of(request, pk, response, "change")
    if not confirmed(request):
        return confirmation(
            request,
            title=_("Tilbagekald linket til %(cluster)s?") % {"cluster": response.cluster.name},
            consequence=_(
                "Klyngens personlige links holder op med at virke med det samme. Svarene, der "
                "allerede er gemt, bevares. Send et nyt link, hvis klyngen skal svare videre."
            ),
            button=_("Tilbagekald"),
            back_url=reverse("surveys:round_detail", kwargs={"pk": pk}),
            section="rounds",
        )
    count = invitations.revoke_all(response.round, response.cluster)
    messages.success(
        request,
        _("%(n)s link til %(cluster)s er tilbagekaldt.")
        % {"n": count, "cluster": response.cluster.name},
    )
    return redirect("surveys:round_detail", pk=pk)


@require_role(*EDITORS)
@require_POST
def reopen(request, pk: int, response: int):
    response = _response_of(request, pk, response, "change")
    if not confirmed(request):
        return confirmation(
            request,
            title=_("Genåbn besvarelsen fra %(cluster)s?") % {"cluster": response.cluster.name},
            consequence=_(
                "Besvarelsen bliver en kladde igen, som klyngen kan rette og indsende på ny."
            ),
            button=_("Genåbn besvarelsen"),
            back_url=reverse("surveys:round_detail", kwargs={"pk": pk}),
            section="rounds",
        )
    answers.reopen(response)
    messages.success(
        request,
        _("Besvarelsen fra %(cluster)s er genåbnet; klyngen kan rette og indsende igen.")
        % {"cluster": response.cluster.name},
    )
    return redirect("surveys:round_detail", pk=pk)


@require_role(*STAFF)
def response_detail(request, pk: int, response: int):
    response = _response_of(request, pk, response, "view")
    links = Invitation.objects.filter(round=response.round, cluster=response.cluster)
    label = _question_label(response)
    columns = (
        *HISTORY_COLUMNS,
        Column(
            "changed",
            gettext_lazy("Ændret"),
            value=lambda record: ", ".join(_changes(record, _previous(response, record), label)),
        ),
    )
    listing = history_listing(request, response.history, columns)
    if listing.export:
        return listing.xlsx_response(f"historik-{response.cluster.slug}")
    records = list(listing.page)
    ctx = {
        "round": response.round,
        "response": response,
        "lines": response_lines(response, _lang()),
        "warnings": answers.warnings_of(response, _lang()),
        "links": links.order_by("-created_at"),
        "listing": listing,
        "history": _history_rows(records, _predecessors(response, records), label),
        "can_change": can(request.user, "change", response),
        "section": "rounds",
    }
    return render(request, "surveys/response_detail.html", ctx)


HISTORY_COLUMNS = (
    Column("when", gettext_lazy("Tidspunkt"), order="history_date"),
    Column("who", gettext_lazy("Af"), order="history_user__username", value=lambda r: _who(r)),
    Column("status", gettext_lazy("Status"), order="status", value="get_status_display"),
)


def _earlier(response: Response, record):
    """The response's history records before ``record`` (by time, then id), latest first."""
    return (
        response.history.filter(
            Q(history_date__lt=record.history_date)
            | Q(history_date=record.history_date, history_id__lt=record.history_id)
        )
        .select_related("history_user")
        .order_by("-history_date", "-history_id")
    )


def _previous(response: Response, record):
    """The record just before ``record`` (one query; the export's rows)."""
    return _earlier(response, record).first()


def _predecessors(response: Response, records) -> dict:
    """Each record's predecessor in time (None for the first), in two queries for a page.

    A page may be sorted or searched any way; what a record changed is always measured
    against the record just before it in the response's whole history.
    """
    if not records:
        return {}

    def key(record):
        return (record.history_date, record.history_id)

    first, last = min(records, key=key), max(records, key=key)
    every = response.history.select_related("history_user").order_by("history_date", "history_id")
    before = _previous(response, first)
    span = every.filter(history_date__gte=first.history_date, history_date__lte=last.history_date)
    chain = sorted({r.pk: r for r in [*([before] if before else []), *span]}.values(), key=key)
    return {newer.pk: older for older, newer in zip([None, *chain[:-1]], chain, strict=True)}


def _question_label(response: Response):
    """Name a question id as the respondent saw it (an unknown id keeps its name)."""
    q = answers.questionnaire_of(response)
    round = response.round

    def label(key: str) -> str:
        try:
            return q.label(key, _lang(), since=round.since, organisation=str(round.organisation))
        except KeyError:
            return key

    return label


def _who(record) -> str:
    return str(record.history_user) if record.history_user else ""


def _changes(record, older, question_label=lambda key: key) -> list[str]:
    """What ``record`` changed from ``older``: answers by their question's label, other
    fields by their name on the form, never by a technical key."""
    if older is None:
        return []

    def field_label(name: str) -> str:
        try:
            return str(record.instance_type._meta.get_field(name).verbose_name)
        except Exception:  # a field that no longer exists keeps its name
            return name

    changed = []
    for change in record.diff_against(older).changes:
        if change.field in ("answers", "basis"):
            old, new = change.old or {}, change.new or {}
            keys = sorted(k for k in set(old) | set(new) if old.get(k) != new.get(k))
            changed.extend(question_label(k) for k in keys if k)
        else:
            changed.append(field_label(change.field))
    return list(dict.fromkeys(changed))


def _history_rows(records, predecessors, question_label=lambda key: key) -> list[dict]:
    """Who, when and what: the fields each history record changed from the one before."""
    rows = []
    for record in records:
        older = predecessors.get(record.pk)
        who = _who(record)
        rows.append(
            {
                "when": record.history_date,
                "who": who or record.history_change_reason or _("ukendt"),
                "reason": record.history_change_reason if who else None,
                "status": record.get_status_display(),
                "changed": _changes(record, older, question_label),
                "created": older is None,
            }
        )
    return rows
