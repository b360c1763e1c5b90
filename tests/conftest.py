"""Shared fixtures: the named personas of the web app's permission tests.

analyst (BRN), viewer (a BRN board member), respondent_a (Klynge A),
respondent_b (Klynge B) and admin_user; cluster_a and cluster_b are fictitious
demo clusters. Core tests do not use any of this and never touch the database.
"""

from __future__ import annotations

import pytest

DATABASE_FIXTURES = frozenset({"db", "transactional_db", "django_db_setup", "live_server"})


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: a rolled-back test database reuses its ids, so
    what one test cached under them must not reach the next (counts are cached by ids)."""
    from django.core.cache import cache

    cache.clear()
    yield


def pytest_addoption(parser):
    parser.addoption(
        "--database-tests-only",
        action="store_true",
        help=(
            "run only the tests that use the database, and not the browser tests "
            "(the suite's second run, on PostgreSQL: what never touches the database "
            "gives the same result on every database)"
        ),
    )


def pytest_collection_modifyitems(config, items):
    if not config.getoption("--database-tests-only"):
        return
    keep, drop = [], []
    for item in items:
        uses_database = (
            item.get_closest_marker("django_db") is not None
            or item.get_closest_marker("database") is not None
            or item.get_closest_marker("load") is not None
            or bool(DATABASE_FIXTURES.intersection(getattr(item, "fixturenames", ())))
        )
        in_browser = item.get_closest_marker("browser") is not None
        # A test run once per database ran its SQLite case in the first run already.
        callspec = getattr(item, "callspec", None)
        sqlite_case = callspec is not None and callspec.params.get("database_env") == "sqlite"
        (keep if uses_database and not in_browser and not sqlite_case else drop).append(item)
    if drop:
        config.hook.pytest_deselected(items=drop)
        items[:] = keep


@pytest.fixture
def region(db):
    from klyngeradar.web.registry.models import Region

    region, _ = Region.objects.get_or_create(code="1081", defaults={"name": "Region Nordjylland"})
    return region


@pytest.fixture
def organisation(region):
    from klyngeradar.web.accounts.models import Organisation

    return Organisation.objects.create(
        slug="brn", name="Business Region North Denmark", short_name="BRN", region=region
    )


def _cluster(letter: str):
    from klyngeradar.web.registry.models import Cluster

    return Cluster.objects.create(
        slug=f"klynge-{letter.lower()}",
        name=f"Klynge {letter}",
        fictitious=True,
        members=100,
        source="Fiktive testdata",
    )


@pytest.fixture
def cluster_a(db):
    return _cluster("A")


@pytest.fixture
def cluster_b(db):
    return _cluster("B")


def _person(username: str, role: str, *, organisation=None, cluster=None):
    from django.contrib.auth import get_user_model

    from klyngeradar.web.accounts.models import Membership

    user = get_user_model().objects.create_user(
        username=username, email=f"{username}@example.org", password="correct horse battery"
    )
    Membership.objects.create(user=user, role=role, organisation=organisation, cluster=cluster)
    return user


@pytest.fixture
def analyst(organisation):
    return _person("analyst", "analyst", organisation=organisation)


@pytest.fixture
def viewer(organisation):
    """A board member: reads everything of the organisation, changes nothing."""
    return _person("viewer", "viewer", organisation=organisation)


@pytest.fixture
def board_member(viewer):
    return viewer


@pytest.fixture
def respondent_a(cluster_a):
    return _person("respondent-a", "respondent", cluster=cluster_a)


@pytest.fixture
def respondent_b(cluster_b):
    return _person("respondent-b", "respondent", cluster=cluster_b)


@pytest.fixture
def admin_user(db):
    from django.contrib.auth import get_user_model

    from klyngeradar.web.accounts.models import Membership

    user = get_user_model().objects.create_superuser(
        username="admin", email="admin@example.org", password="correct horse battery"
    )
    Membership.objects.create(user=user, role="admin")
    return user


@pytest.fixture
def client_for(client):
    """Return a test client logged in as the given persona."""

    def login(user):
        client.force_login(user)
        return client

    return login
