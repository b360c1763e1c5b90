"""Who sees and changes what: the permission model, proven through the pages."""

from __future__ import annotations

import pytest
from django.urls import reverse

from klyngeradar.web.access import get_for_user, visible_to
from klyngeradar.web.registry.models import Cluster

pytestmark = pytest.mark.django_db


def profile(cluster):
    return reverse("registry:cluster_detail", kwargs={"slug": cluster.slug})


def edit(cluster):
    return reverse("registry:cluster_edit", kwargs={"slug": cluster.slug})


def test_it_gives_a_respondent_404_on_another_clusters_profile(client_for, respondent_a, cluster_b):
    response = client_for(respondent_a).get(profile(cluster_b))
    assert response.status_code == 404


def test_it_gives_a_respondent_404_when_posting_to_another_cluster(
    client_for, respondent_a, cluster_b
):
    response = client_for(respondent_a).post(edit(cluster_b), {"name": "Overtaget"})
    assert response.status_code == 404
    cluster_b.refresh_from_db()
    assert cluster_b.name == "Klynge B"


def test_it_shows_a_respondent_their_own_cluster(client_for, respondent_a, cluster_a):
    response = client_for(respondent_a).get(profile(cluster_a))
    assert response.status_code == 200
    assert "Klynge A" in response.text


def test_it_lists_only_the_respondents_own_cluster(client_for, respondent_a, cluster_a, cluster_b):
    response = client_for(respondent_a).get(reverse("registry:cluster_list"))
    assert "Klynge A" in response.text
    assert "Klynge B" not in response.text


def test_it_refuses_a_respondent_changing_their_own_cluster(client_for, respondent_a, cluster_a):
    response = client_for(respondent_a).post(edit(cluster_a), {"name": "Nyt navn"})
    assert response.status_code == 403


@pytest.mark.parametrize(
    "url",
    [
        lambda c: edit(c),
        lambda c: reverse("admin:registry_cluster_change", args=[c.pk]),
    ],
    ids=["edit-page", "admin"],
)
def test_it_refuses_every_change_by_a_viewer(client_for, viewer, cluster_a, url):
    response = client_for(viewer).post(url(cluster_a), {"name": "Ændret af læser", "members": 1})
    assert response.status_code in (302, 403)
    if response.status_code == 302:  # The admin sends non-staff users to its login page.
        assert "/admin/login/" in response["Location"]
    cluster_a.refresh_from_db()
    assert cluster_a.name == "Klynge A"


def test_it_lets_a_viewer_read_every_cluster(client_for, viewer, cluster_a, cluster_b):
    response = client_for(viewer).get(reverse("registry:cluster_list"))
    assert "Klynge A" in response.text and "Klynge B" in response.text
    assert client_for(viewer).get(profile(cluster_b)).status_code == 200


def test_it_hides_the_edit_button_from_a_viewer(client_for, viewer, cluster_a):
    response = client_for(viewer).get(profile(cluster_a))
    assert edit(cluster_a) not in response.text


def test_it_lets_an_analyst_change_a_cluster_and_keeps_its_history(client_for, analyst, cluster_a):
    response = client_for(analyst).post(
        edit(cluster_a), {"name": "Klynge A", "members": "120", "source": "Årsrapport"}
    )
    assert response.status_code == 302
    cluster_a.refresh_from_db()
    assert cluster_a.members == 120
    latest = cluster_a.history.first()
    assert latest.history_user == analyst
    assert latest.members == 120


def test_it_redirects_anonymous_users_to_the_danish_login_page(client, cluster_a):
    response = client.get(profile(cluster_a), follow=True)
    assert response.redirect_chain[0][0].startswith(reverse("account_login"))
    assert '<html lang="da">' in response.text
    assert "Log ind" in response.text
    assert "Adgangskode" in response.text


@pytest.mark.parametrize(
    "route", ["dashboard:overview", "registry:cluster_list", "registry:actor_list"]
)
def test_it_requires_login_for_every_page(client, route):
    response = client.get(reverse(route))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_it_offers_no_sign_up(client):
    response = client.get(reverse("account_signup"))
    assert 'name="password1"' not in response.text


def test_it_lets_users_log_in_with_their_email_address(client, analyst):
    response = client.post(
        reverse("account_login"),
        {"login": "analyst@example.org", "password": "correct horse battery"},
    )
    assert response.status_code == 302
    assert client.get(reverse("dashboard:overview")).status_code == 200


def test_it_greets_a_user_who_logs_in_in_plain_danish(client, analyst):
    response = client.post(
        reverse("account_login"),
        {"login": "analyst", "password": "correct horse battery"},
        follow=True,
    )
    assert "Du er logget ind som analyst." in response.text
    assert "succesfuldt" not in response.text


def test_it_refuses_a_user_without_a_role(client_for, django_user_model, cluster_a):
    nobody = django_user_model.objects.create_user("nobody", password="x")
    assert client_for(nobody).get(profile(cluster_a)).status_code == 404


class TestAccessHelper:
    def test_it_narrows_querysets_to_what_a_user_may_see(self, respondent_a, cluster_a, cluster_b):
        assert list(visible_to(respondent_a, Cluster.objects.all())) == [cluster_a]

    def test_it_shows_anonymous_users_nothing(self, cluster_a):
        from django.contrib.auth.models import AnonymousUser

        assert not visible_to(AnonymousUser(), Cluster).exists()

    def test_it_returns_the_object_when_allowed(self, analyst, cluster_a):
        assert get_for_user(analyst, Cluster, action="change", slug="klynge-a") == cluster_a

    def test_it_raises_403_for_a_visible_object_the_user_may_not_change(self, viewer, cluster_a):
        from django.core.exceptions import PermissionDenied

        with pytest.raises(PermissionDenied):
            get_for_user(viewer, Cluster, action="change", slug="klynge-a")

    def test_it_raises_404_for_an_object_outside_the_users_scope(self, respondent_a, cluster_b):
        from django.http import Http404

        with pytest.raises(Http404):
            get_for_user(respondent_a, Cluster.objects.all(), slug="klynge-b")

    def test_it_gives_the_admin_everything(self, admin_user, cluster_a, cluster_b):
        assert visible_to(admin_user, Cluster).count() == 2
        assert get_for_user(admin_user, Cluster, action="delete", slug="klynge-b") == cluster_b


def test_it_lets_a_staff_analyst_edit_the_registry_in_the_admin(client_for, analyst, cluster_a):
    analyst.is_staff = True
    analyst.save()
    client = client_for(analyst)
    assert client.get(reverse("admin:registry_cluster_changelist")).status_code == 200
    assert "Klynger" in client.get(reverse("admin:index")).text


def test_it_logs_out_on_post_and_returns_to_the_login_page(client_for, analyst):
    client = client_for(analyst)
    response = client.post(reverse("account_logout"))
    assert response["Location"] == reverse("account_login")
    assert client.get(reverse("dashboard:overview")).status_code == 302
