"""The access matrix: every named route of the project, every persona, one table.

The walk over the URL configuration makes sure no route is forgotten: a new
route fails `test_every_named_route_is_in_the_matrix` until it is listed here,
either in `ROUTES` (with its sample arguments, its methods and whether it
changes something) or, with the reason, among the public or allauth pages.

The rules checked, each over the whole table:

- anonymous users are sent to the login page on every non-public route;
- a personal link with a bad token gives 404 (and a good one opens the form);
- a respondent of cluster A gets 404 on every object of cluster B and of
  another organisation (routes closed to respondents as a role answer 403
  before any lookup, the same for every id: listed in `CLOSED_TO_RESPONDENTS`);
- a viewer gets 403 on every POST that changes something;
- an analyst of another organisation gets 404 on every object of this one
  (the registry is shared by every organisation: `SHARED`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import pytest
from django.core.files.base import ContentFile
from django.urls import URLPattern, URLResolver, get_resolver, reverse

pytestmark = pytest.mark.django_db

GET, POST = ("GET",), ("POST",)
BOTH = ("GET", "POST")


@dataclass(frozen=True)
class Things:
    """The sample objects one persona is pointed at: a round, a response, an agreement, ..."""

    round: int
    response: int
    agreement: str
    kpi: int
    deliverable: int
    document: int
    batch: int
    cluster: str
    effort: str
    job: int
    template: int


MISSING = Things(
    987654,
    987654,
    "finnes-ikke",
    987654,
    987654,
    987654,
    987654,
    "finnes-ikke",
    "x",
    987654,
    987654,
)


@dataclass(frozen=True)
class Route:
    kwargs: Callable[[Things], dict]
    methods: tuple[str, ...] = GET
    changes: bool = False
    # Whether the route names an object (and so can name someone else's).
    names_object: bool = True


def _none(_t: Things) -> dict:
    return {}


def _round(t: Things) -> dict:
    return {"pk": t.round}


def _round_id(t: Things) -> dict:
    return {"round_id": t.round}


def _response(t: Things) -> dict:
    return {"pk": t.round, "response": t.response}


def _agreement(t: Things) -> dict:
    return {"slug": t.agreement}


def _template(t: Things) -> dict:
    return {"pk": t.round, "template": t.template}


def _cell(t: Things) -> dict:
    return {"round_id": t.round, "cluster": t.cluster, "effort": t.effort}


ROUTES: dict[str, Route] = {
    "dashboard:overview": Route(_none, names_object=False),
    "dashboard:coming_soon": Route(lambda t: {"section": "rounds"}, names_object=False),
    "registry:cluster_list": Route(_none, names_object=False),
    "registry:actor_list": Route(_none, names_object=False),
    "registry:workbook": Route(_none, names_object=False),
    "registry:workbook_import": Route(_none, BOTH, changes=True, names_object=False),
    "registry:cluster_detail": Route(lambda t: {"slug": t.cluster}),
    "registry:cluster_edit": Route(lambda t: {"slug": t.cluster}, BOTH, changes=True),
    "surveys:round_list": Route(_none, names_object=False),
    "surveys:round_create": Route(_none, BOTH, changes=True, names_object=False),
    "surveys:round_detail": Route(_round),
    "surveys:round_edit": Route(_round, BOTH, changes=True),
    "surveys:round_close": Route(_round, POST, changes=True),
    "surveys:round_reopen": Route(_round, POST, changes=True),
    "surveys:invite": Route(_round, POST, changes=True),
    "surveys:invite_many": Route(_round, BOTH, changes=True),
    "surveys:invite_many_confirm": Route(_round, POST, changes=True),
    "surveys:remind": Route(_round, POST, changes=True),
    "surveys:response": Route(_response),
    "surveys:resend": Route(_response, POST, changes=True),
    "surveys:revoke": Route(_response, POST, changes=True),
    "surveys:reopen": Route(_response, POST, changes=True),
    "surveys:export": Route(lambda t: {"pk": t.round, "fmt": "csv"}),
    "surveys:import": Route(_round, BOTH, changes=True),
    "surveys:import_confirm": Route(_round, POST, changes=True),
    "surveys:own_start": Route(lambda t: {"pk": t.response}),
    "surveys:own_section": Route(
        lambda t: {"pk": t.response, "key": "presence"}, BOTH, changes=True
    ),
    "surveys:own_summary": Route(lambda t: {"pk": t.response}, BOTH, changes=True),
    "surveys:own_done": Route(lambda t: {"pk": t.response}),
    "agreements:agreement_list": Route(_none, names_object=False),
    "agreements:agreement_create": Route(_none, BOTH, changes=True, names_object=False),
    "agreements:participation": Route(_none, BOTH, changes=True, names_object=False),
    "agreements:participation_delete": Route(lambda t: {"pk": t.batch}, POST, changes=True),
    "agreements:documentation_package": Route(_none, names_object=False),
    "agreements:agreement_detail": Route(_agreement),
    "agreements:agreement_edit": Route(_agreement, BOTH, changes=True),
    "agreements:kpi_add": Route(_agreement, BOTH, changes=True),
    "agreements:kpi_edit": Route(lambda t: {"slug": t.agreement, "pk": t.kpi}, BOTH, True),
    "agreements:followup_add": Route(
        lambda t: {"slug": t.agreement, "kpi_pk": t.kpi}, BOTH, changes=True
    ),
    "agreements:document_upload": Route(_agreement, BOTH, changes=True),
    "agreements:document_download": Route(lambda t: {"slug": t.agreement, "pk": t.document}),
    "agreements:agreement_document": Route(lambda t: {"slug": t.agreement, "fmt": "docx"}),
    "agreements:part_add": Route(
        lambda t: {"slug": t.agreement, "part": "leverancer"}, BOTH, changes=True
    ),
    "agreements:part_edit": Route(
        lambda t: {"slug": t.agreement, "part": "leverancer", "pk": t.deliverable}, BOTH, True
    ),
    "agreements:part_delete": Route(
        lambda t: {"slug": t.agreement, "part": "leverancer", "pk": t.deliverable}, POST, True
    ),
    "findings:round": Route(_round_id),
    "findings:detail": Route(lambda t: {"round_id": t.round, "key": "participation_companies"}),
    "findings:compare": Route(lambda t: {"round_id": t.round, "old_id": t.round}),
    "strategy:strategy": Route(_none, names_object=False),
    "strategy:strategy_edit": Route(_none, BOTH, changes=True, names_object=False),
    "strategy:models": Route(_round_id),
    "strategy:fit_cell": Route(_cell, BOTH, changes=True),
    "strategy:fit_cell_clear": Route(_cell, POST, changes=True),
    "strategy:thresholds": Route(_round_id, POST, changes=True),
    "strategy:shortlist": Route(_round_id, POST, changes=True),
    "strategy:decide": Route(
        lambda t: {"round_id": t.round, "level": "cluster", "subject": t.cluster}, BOTH, True
    ),
    "specialisation:structure": Route(_none, names_object=False),
    "specialisation:upload": Route(_none, POST, changes=True, names_object=False),
    "reports:report_list": Route(_none, names_object=False),
    "reports:round_report": Route(_round),
    "reports:deck": Route(_round),
    "reports:appendices": Route(_round),
    "reports:upload_template": Route(_round, POST, changes=True),
    "reports:template_file": Route(_template),
    "reports:delete_template": Route(_template, POST, changes=True),
    "reports:choose_quotes": Route(_round, POST, changes=True),
    "maps:landing": Route(_none, names_object=False),
    # A municipality is shared registry knowledge; what its page shows is scoped per user
    # (tests/web/maps): an officer sees only their own municipalities.
    "maps:municipality": Route(lambda t: {"code": "851"}, names_object=False),
    "reports:board_asks": Route(_round, POST, changes=True),
    "reports:next_steps": Route(_round, POST, changes=True),
    "reports:slide_titles": Route(_round, POST, changes=True),
    "jobs:job_detail": Route(lambda t: {"pk": t.job}),
    "jobs:job_download": Route(lambda t: {"pk": t.job}),
}

# Open to everyone, on purpose.
PUBLIC = {
    "account_login": "the login page",
    "account_signup": "allauth's sign-up page; the adapter keeps sign-up closed",
    "account_reset_password": "asking for a new password must work logged out",
    "account_reset_password_done": "the page after asking for a new password",
    "account_reset_password_from_key": "the link in the password e-mail; its key is the check",
    "account_reset_password_from_key_done": "the page after setting a new password",
    "account_confirm_email": "the link in an address-confirmation e-mail; its key is the check",
    "account_email_verification_sent": "allauth's notice that a confirmation e-mail was sent",
    "account_confirm_login_code": "part of logging in (by code), before there is a user",
    "account_inactive": "allauth's notice for a deactivated account",
    "account_logout": "logging out: a logged-out visitor is just sent on",
    "set_language": "the language switch works on the login page too",
    "surveys:link_start": "the personal link: the token is the key (a bad token gives 404)",
    "surveys:link_section": "the personal link's sections",
    "surveys:link_summary": "the personal link's summary",
    "surveys:link_done": "the personal link's receipt",
}
# allauth's own pages behind the login.
ACCOUNT_PAGES = (
    "account_email",
    "account_change_password",
    "account_set_password",
    "account_reauthenticate",
    "account_request_reauthentication_code",
    "account_confirm_reauthentication_code",
)
# The analysts' round pages and the import of participation lists refuse respondents as a role
# (`access.require_role`) before looking anything up: 403 for every id, existing or not.
CLOSED_TO_RESPONDENTS = {
    "surveys:round_detail",
    "surveys:round_edit",
    "surveys:round_close",
    "surveys:round_reopen",
    "surveys:invite",
    "surveys:invite_many",
    "surveys:invite_many_confirm",
    "surveys:remind",
    "surveys:response",
    "surveys:resend",
    "surveys:revoke",
    "surveys:reopen",
    "surveys:export",
    "surveys:import",
    "surveys:import_confirm",
    "agreements:participation_delete",
}
# A respondent's own form when logged in: answering is the respondent's alone (others get 403).
RESPONDENTS_ONLY = {name for name in ROUTES if name.startswith("surveys:own_")}
# The registry (clusters) is shared public knowledge, not an organisation's own.
SHARED = {"registry:cluster_detail", "registry:cluster_edit"}

OBJECT_ROUTES = sorted(name for name, route in ROUTES.items() if route.names_object)


def named_routes(patterns=None, namespace: str = "") -> set[str]:
    """Every named route of the URL configuration, with its namespace (``surveys:invite``)."""
    names = set()
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            names |= named_routes(pattern.url_patterns, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            names.add(namespace + pattern.name)
    return names


def test_every_named_route_is_in_the_matrix():
    # Django's admin has its own staff-only login; see test_the_admin_asks_for_a_staff_login.
    # The read API and the API-token pages (a user's own tokens) have their own
    # matrix in tests/web/api: bearer tokens, not sessions, and per-user objects.
    # allauth's MFA and single sign-on pages belong to logging in, tested in
    # tests/web/accounts and tests/browser/test_sign_in_oidc.py.
    # The administrator's personal-data page has its own in tests/web/privacy.
    own_matrix = (
        "admin:",
        "api:",
        "api_tokens:",
        "privacy:",
        "mfa_",
        "socialaccount_",
        "openid_connect_",
    )
    walked = {name for name in named_routes() if not name.startswith(own_matrix)}
    listed = set(ROUTES) | set(PUBLIC) | set(ACCOUNT_PAGES)
    assert walked - listed == set(), "a route without a row in the access matrix"
    assert listed - walked == set(), "a row for a route that no longer exists"


# -- the world: two organisations, two clusters, everything one of each ----------------------


@pytest.fixture
def other_organisation(region):
    from klyngeradar.web.accounts.models import Organisation

    return Organisation.objects.create(slug="anden", name="Anden organisation", region=region)


@pytest.fixture
def other_analyst(other_organisation):
    from django.contrib.auth import get_user_model

    from klyngeradar.web.accounts.models import Membership

    user = get_user_model().objects.create_user(username="anden-analytiker", password="x" * 20)
    Membership.objects.create(user=user, role="analyst", organisation=other_organisation)
    return user


def _agreement_with_parts(organisation, cluster, slug: str):
    from klyngeradar.web.agreements.models import Agreement

    agreement = Agreement.objects.create(
        organisation=organisation,
        cluster=cluster,
        slug=slug,
        title=f"Aftale {slug}",
        kind="framework",
        status="active",
        start=date(2024, 1, 1),
        end=date(2030, 12, 31),
    )
    kpi = agreement.kpis.create(
        catalogue_key="unique_companies",
        definition="Unikke virksomheder",
        unit="virksomheder",
        baseline=10,
        targets={"2025": 40},
        measurement="CVR-numre",
    )
    deliverable = agreement.deliverables.create(title="Temadag")
    document = agreement.documents.create(title="Aftaletekst")
    document.file.save(f"{slug}.pdf", ContentFile(b"%PDF-1.4 test"))
    return agreement, kpi, deliverable, document


def _round_things(organisation, round, cluster, agreement_slug: str) -> Things:
    from klyngeradar.web.agreements.models import ParticipationImport
    from klyngeradar.web.jobs.models import Job
    from klyngeradar.web.registry.models import Cluster
    from klyngeradar.web.reports.models import ReportTemplate
    from klyngeradar.web.strategy.models import Decision, FitOverride

    cluster_obj = Cluster.objects.get(slug=cluster)
    effort = round.efforts[0]["slug"]
    FitOverride.objects.get_or_create(
        round=round, cluster=cluster_obj, effort=effort, defaults={"score": 2, "note": "Test"}
    )
    Decision.objects.get_or_create(
        round=round, level="cluster", subject=cluster, defaults={"verdict": "accepted"}
    )
    agreement, kpi, deliverable, document = _agreement_with_parts(
        organisation, cluster_obj, agreement_slug
    )
    batch = ParticipationImport.objects.create(organisation=organisation, filename="liste.csv")
    job = Job.objects.create(
        kind=Job.Kind.DOCUMENTATION, organisation=organisation, title="Pakke", status="done"
    )
    job.result_file.save("dokumentation-2025.xlsx", ContentFile(b"PK test"))
    template = ReportTemplate(organisation=organisation, name=f"Skabelon – {cluster}")
    template.file.save("skabelon.pptx", ContentFile(b"PK test"))
    return Things(
        round=round.pk,
        response=round.responses.get(cluster=cluster_obj).pk,
        agreement=agreement.slug,
        kpi=kpi.pk,
        deliverable=deliverable.pk,
        document=document.pk,
        batch=batch.pk,
        cluster=cluster,
        effort=effort,
        job=job.pk,
        template=template.pk,
    )


@dataclass(frozen=True)
class World:
    own: Things  # this organisation's, of cluster A
    cluster_b: Things  # this organisation's, of cluster B
    other: Things  # another organisation's, of cluster B
    link: str  # cluster A's personal link (a path)


@pytest.fixture
def world(settings, tmp_path, organisation, other_organisation, cluster_a, cluster_b):
    from klyngeradar.web.surveys.demo import create_demo_round

    settings.DATA_DIR = tmp_path
    settings.MEDIA_ROOT = tmp_path / "media"
    round, links = create_demo_round(organisation, deadline=date(2031, 3, 1))
    other_round, _ = create_demo_round(other_organisation, deadline=date(2031, 3, 1))
    return World(
        own=_round_things(organisation, round, "klynge-a", "aftale-a"),
        cluster_b=_round_things(organisation, round, "klynge-b", "aftale-b"),
        other=_round_things(other_organisation, other_round, "klynge-b", "anden-aftale-b"),
        link="/" + links["klynge-a"].split("/", 3)[3],
    )


def _status(client, name: str, things: Things, method: str):
    url = reverse(name, kwargs=ROUTES[name].kwargs(things))
    return client.get(url) if method == "GET" else client.post(url, {})


# -- the rules ---------------------------------------------------------------------------------


def test_anonymous_users_are_sent_to_the_login_page_on_every_route(client, world):
    login = reverse("account_login")
    wrong = []
    for name, route in ROUTES.items():
        for method in route.methods:
            response = _status(client, name, world.own, method)
            if response.status_code != 302 or not response.url.startswith(f"{login}?next="):
                wrong.append((name, method, response.status_code))
    for name in ACCOUNT_PAGES:
        response = client.get(reverse(name))
        if response.status_code != 302 or not response.url.startswith(login):
            wrong.append((name, "GET", response.status_code))
    assert wrong == []


@pytest.mark.parametrize("name", sorted(name for name in PUBLIC if not name.startswith("surveys")))
def test_the_public_pages_answer_a_logged_out_visitor(client, name):
    kwargs = {
        "account_reset_password_from_key": {"uidb36": "1", "key": "ugyldig"},
        "account_confirm_email": {"key": "ugyldig"},
    }.get(name, {})
    assert client.get(reverse(name, kwargs=kwargs)).status_code < 500


@pytest.mark.parametrize("suffix", ["", "afsnit/presence/", "oversigt/", "indsendt/"])
@pytest.mark.parametrize("method", BOTH)
def test_a_personal_link_with_a_bad_token_gives_404(client, world, suffix, method):
    token = world.link.split("/")[2]
    for bad in (token[:-1] + ("A" if token[-1] != "A" else "B"), "x", token.upper()):
        url = f"/svar/{bad}/{suffix}"
        response = client.get(url) if method == "GET" else client.post(url, {})
        assert response.status_code == 404, url
    assert client.get(world.link, follow=True).status_code == 200  # the good link opens


def test_a_respondent_gets_404_on_every_object_of_another_cluster_or_organisation(
    client_for, respondent_a, world
):
    client = client_for(respondent_a)
    wrong = []
    for name in OBJECT_ROUTES:
        expected = 403 if name in CLOSED_TO_RESPONDENTS else 404
        for method in ROUTES[name].methods:
            for whose, things in (("cluster B", world.cluster_b), ("other", world.other)):
                status = _status(client, name, things, method).status_code
                unknown = _status(client, name, MISSING, method).status_code
                if status != expected or unknown != status:
                    wrong.append((name, method, whose, status, unknown))
    assert wrong == []


def test_a_respondent_still_reaches_their_own_objects(client_for, respondent_a, world):
    client = client_for(respondent_a)
    wrong = []
    for name in [
        *sorted(RESPONDENTS_ONLY),
        "agreements:agreement_detail",
        "registry:cluster_detail",
    ]:
        url = reverse(name, kwargs=ROUTES[name].kwargs(world.own))
        if client.get(url, follow=True).status_code != 200:
            wrong.append(name)
    assert wrong == []


def test_a_viewer_gets_403_on_every_post_that_changes_something(client_for, viewer, world):
    client = client_for(viewer)
    wrong = []
    for name, route in ROUTES.items():
        if route.changes:
            status = _status(client, name, world.own, "POST").status_code
            if status != 403:
                wrong.append((name, status))
    assert wrong == []


def test_an_analyst_of_another_organisation_gets_404_on_every_object(
    client_for, other_analyst, world
):
    client = client_for(other_analyst)
    wrong = []
    for name in OBJECT_ROUTES:
        if name in SHARED:
            continue
        for method in ROUTES[name].methods:
            status = _status(client, name, world.own, method).status_code
            if status != 404:
                wrong.append((name, method, status))
    assert wrong == []


def test_the_organisations_own_analyst_reaches_every_object(client_for, analyst, world):
    """The matrix is not empty: the objects exist, and their owner gets through."""
    client = client_for(analyst)
    wrong = []
    for name in OBJECT_ROUTES:
        if "GET" in ROUTES[name].methods and name not in RESPONDENTS_ONLY:
            status = _status(client, name, world.own, "GET").status_code
            if status != 200:
                wrong.append((name, status))
    assert wrong == []


def test_the_admin_asks_for_a_staff_login(client, client_for, respondent_a, analyst):
    for who in (client, client_for(respondent_a)):
        response = who.get("/admin/")
        assert response.status_code == 302
        assert response.url.startswith("/admin/login/")


# -- the navigation ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("persona", "shown"),
    [("analyst", True), ("viewer", True), ("respondent_a", False), ("admin_user", False)],
)
def test_strategi_is_in_the_navigation_of_analysts_and_viewers(request, client_for, persona, shown):
    client = client_for(request.getfixturevalue(persona))
    text = client.get(reverse("dashboard:overview")).text
    link = f'<a href="{reverse("strategy:strategy")}">Strategi</a>'
    assert (link in text) is shown


def test_strategi_is_strategy_in_english(client_for, analyst):
    client = client_for(analyst)
    client.cookies["django_language"] = "en"
    text = client.get(reverse("dashboard:overview")).text
    assert f'<a href="{reverse("strategy:strategy")}">Strategy</a>' in text
