"""The read API: tokens, bearer errors, the web's access rules, findings as the CLI, formats."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from click.testing import CliRunner
from django.utils import timezone

pytestmark = pytest.mark.django_db


def make_person(username: str, role: str, *, organisation=None):
    from django.contrib.auth import get_user_model

    from klyngeradar.web.accounts.models import Membership

    user = get_user_model().objects.create_user(
        username=username, email=f"{username}@example.org", password="correct horse battery"
    )
    Membership.objects.create(user=user, role=role, organisation=organisation)
    return user


@pytest.fixture
def stored_round(organisation, cluster_a, cluster_b):
    from klyngeradar.web.surveys.demo import create_demo_round

    round, _links = create_demo_round(organisation, deadline=date(2031, 3, 1))
    return round


def token_for(user, *, days: int = 30) -> str:
    from klyngeradar.web.api.models import ApiToken

    return ApiToken.issue(user, "test", timezone.now() + timedelta(days=days))[1]


def get(client, path: str, token: str | None = None, **headers):
    if token is not None:
        headers["HTTP_AUTHORIZATION"] = f"Bearer {token}"
    return client.get(f"/api/v1{path}", **headers)


def test_it_creates_a_token_in_the_web_shows_it_once_and_stores_only_its_hash(client, analyst):
    from klyngeradar.web.api.models import ApiToken, hash_token

    client.force_login(analyst)
    response = client.post("/konto/api-noegler/", {"name": "Power BI", "days": "90"})
    assert response.status_code == 200
    secret = response.context["secret"]
    assert secret.startswith("kr_") and secret in response.content.decode()
    token = ApiToken.objects.get(user=analyst)
    assert token.token_hash == hash_token(secret) and secret not in token.token_hash
    assert token.prefix == secret[:8]
    assert timedelta(days=89) < token.expires_at - timezone.now() <= timedelta(days=90)
    # Shown once: the list page afterwards has the prefix, not the secret.
    page = client.get("/konto/api-noegler/").content.decode()
    assert secret not in page and token.prefix in page
    assert get(client, "/clusters", secret).status_code == 200
    token.refresh_from_db()
    assert token.last_used_at is not None


def test_it_lets_the_owner_revoke_a_token_and_nobody_else(client, analyst, viewer):
    from klyngeradar.web.api.models import ApiToken

    secret = token_for(analyst)
    token = ApiToken.objects.get(user=analyst)
    client.force_login(viewer)
    assert client.post(f"/konto/api-noegler/{token.pk}/tilbagekald/").status_code == 404
    client.force_login(analyst)
    client.post(f"/konto/api-noegler/{token.pk}/tilbagekald/")
    client.logout()
    response = get(client, "/clusters", secret)
    assert response.status_code == 401
    assert response.json()["error"] == "revoked_token"


@pytest.mark.parametrize(
    ("header", "code"),
    [
        (None, "missing_token"),
        ("Token abc", "malformed_authorization"),
        ("Bearer", "malformed_authorization"),
        ("Bearer kr_ünïcødé-not-a-token-at-all", "malformed_authorization"),
        ("Bearer kr_" + "x" * 43, "invalid_token"),
    ],
)
def test_it_answers_a_bad_authorization_header_with_a_json_401(client, header, code):
    headers = {"HTTP_AUTHORIZATION": header} if header else {}
    response = client.get("/api/v1/clusters", **headers)
    assert response.status_code == 401
    assert response["Content-Type"].startswith("application/json")
    assert response["WWW-Authenticate"].startswith("Bearer")
    assert response.json()["error"] == code


def test_it_refuses_an_expired_token(client, analyst):
    secret = token_for(analyst, days=-1)
    response = get(client, "/clusters", secret)
    assert (response.status_code, response.json()["error"]) == (401, "expired_token")


def test_it_ignores_the_session_the_api_needs_a_token(client, analyst):
    client.force_login(analyst)
    assert client.get("/api/v1/clusters").status_code == 401


def test_a_respondents_token_reads_only_their_own_cluster(
    client, respondent_a, cluster_a, cluster_b, stored_round
):
    secret = token_for(respondent_a)
    listed = get(client, "/clusters", secret).json()
    assert [c["slug"] for c in listed["results"]] == ["klynge-a"]
    assert get(client, "/clusters/klynge-a", secret).status_code == 200
    other = get(client, "/clusters/klynge-b", secret)
    assert (other.status_code, other.json()["error"]) == (404, "not_found")
    assert get(client, "/rounds", secret).json()["count"] == 0
    assert get(client, f"/rounds/{stored_round.pk}/findings", secret).status_code == 404


def test_another_organisations_token_cannot_read_this_organisations_round(
    client, region, stored_round
):
    from klyngeradar.web.accounts.models import Organisation

    other = Organisation.objects.create(slug="other", name="Other body", region=region)
    secret = token_for(make_person("other-analyst", "analyst", organisation=other))
    assert get(client, "/rounds", secret).json()["count"] == 0
    for path in ("", "/findings", "/recommendations"):
        assert get(client, f"/rounds/{stored_round.pk}{path}", secret).status_code == 404


def test_the_findings_are_the_same_json_as_the_cli_on_the_rounds_export(
    client, analyst, stored_round, tmp_path
):
    from klyngeradar.cli.findings import findings
    from klyngeradar.render.workbooks.exchange import write_xlsx
    from klyngeradar.web.surveys.convert import round_data

    path = write_xlsx(round_data(stored_round), tmp_path / "svar.xlsx")
    cli = CliRunner().invoke(findings, [str(path), "--format", "json"])
    assert cli.exit_code == 0, cli.output
    from_cli = json.loads(cli.stdout)
    response = get(client, f"/rounds/{stored_round.pk}/findings", token_for(analyst))
    assert response.status_code == 200
    assert response.json() == from_cli
    assert from_cli["findings"]  # not two empty documents


def test_it_serves_recommendations_and_decisions_to_staff(client, analyst, stored_round):
    response = get(client, f"/rounds/{stored_round.pk}/recommendations", token_for(analyst))
    assert response.status_code == 200
    body = response.json()
    assert body["round"] == stored_round.pk
    assert body["recommendations"] and body["decisions"] == []


def test_it_pages_filters_and_returns_304_for_an_unchanged_list(
    client, analyst, cluster_a, cluster_b
):
    secret = token_for(analyst)
    first = get(client, "/clusters?page_size=1", secret)
    body = first.json()
    assert (body["count"], body["page"], len(body["results"])) == (2, 1, 1)
    assert body["next"].endswith("page=2&page_size=1") and body["previous"] is None
    second = get(client, "/clusters?page_size=1&page=2", secret).json()
    assert second["results"][0]["slug"] != body["results"][0]["slug"]
    assert get(client, "/clusters?region=1084", secret).json()["count"] == 0
    etag = first["ETag"]
    again = get(client, "/clusters?page_size=1", secret, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304 and again.content == b""
    assert get(client, "/clusters?page_size=0", secret).status_code == 400
    assert get(client, "/clusters?year=abc", secret).json()["error"] == "bad_parameter"


def test_it_gives_every_list_as_csv_for_danish_excel(client, analyst, cluster_a, cluster_b):
    cluster_a.members = None
    cluster_a.save()
    response = get(client, "/clusters?format=csv", token_for(analyst))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    raw = response.content
    assert raw.startswith("\ufeff".encode())
    lines = raw.decode("utf-8-sig").splitlines()
    header = lines[0].split(";")
    assert header[:2] == ["slug", "name"]
    row_a = dict(zip(header, lines[1].split(";"), strict=True))
    assert row_a["name"] == "Klynge A"
    assert row_a["members"] == ""  # missing is empty, never 0
    assert row_a["fictitious"] == "ja"
    assert response["Cache-Control"] == "private, no-store"


def test_the_openapi_schema_is_valid_openapi_3(client):
    from openapi_spec_validator import validate

    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    schema = response.json()
    validate(schema)
    assert schema["openapi"].startswith("3.")
    paths = set(schema["paths"])
    assert {
        "/api/v1/clusters",
        "/api/v1/rounds/{round_id}/findings",
        "/api/v1/agreements",
        "/api/v1/participation",
    } <= paths
    assert any(
        s.get("scheme") == "bearer" for s in schema["components"]["securitySchemes"].values()
    )


def test_it_serves_agreements_with_parties_and_kpis_and_participation_counts(client, tmp_path):
    from django.contrib.auth import get_user_model

    from klyngeradar.cli.demo import (
        Demo,
        create_demo_clusters,
        create_demo_users,
        create_organisation,
        load_reference_data,
    )
    from klyngeradar.web.agreements.demo import create_demo_agreements

    state = Demo(out=tmp_path)
    for step in (load_reference_data, create_organisation, create_demo_clusters):
        step(state)
    create_demo_users(state)
    create_demo_agreements(state)
    analyst = get_user_model().objects.get(username="analyst")
    secret = token_for(analyst)
    listed = get(client, "/agreements", secret).json()
    assert listed["count"] >= 3
    first = listed["results"][0]
    assert first["parties"]["cluster"]
    assert {"co_financing", "kpis"} <= set(first)
    with_kpis = [a for a in listed["results"] if a["kpis"]]
    assert with_kpis and "follow_ups" in with_kpis[0]["kpis"][0]
    assert with_kpis[0]["kpis"][0]["status"]["code"]
    detail = get(client, f"/agreements/{first['slug']}", secret).json()
    assert detail == first
    counts = get(client, "/participation?by=cluster", secret).json()["results"]
    assert counts
    for row in counts:
        assert set(row) == {"cluster", "year", "unique_companies"}  # aggregates, no person
    by_municipality = get(client, "/participation?by=municipality", secret).json()["results"]
    assert by_municipality
    for row in by_municipality:
        assert set(row) == {"municipality", "year", "unique_companies"}
    # A municipal officer's token sees only their municipalities' agreements.
    officer = get_user_model().objects.get(username="kommune-aalborg")
    seen = get(client, "/agreements", token_for(officer)).json()
    assert 0 < seen["count"] < listed["count"]
    officer_rows = get(client, "/participation?by=municipality", token_for(officer)).json()
    assert "851" in {row["municipality"] for row in officer_rows["results"]}


def test_the_token_pages_need_a_login(client):
    response = client.get("/konto/api-noegler/")
    assert response.status_code == 302 and "/konto/login/" in response["Location"]
    assert client.post("/konto/api-noegler/1/tilbagekald/").status_code == 302


def test_a_user_without_a_role_gets_no_token_and_a_403(client, db):
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.create_user("new", "new@example.org", "pw-long-enough-1")
    client.force_login(user)
    client.post("/konto/api-noegler/", {"name": "x", "days": "30"})
    assert not user.api_tokens.exists()
    response = get(client, "/clusters", token_for(user))
    assert (response.status_code, response.json()["error"]) == (403, "no_role")


@pytest.fixture
def two_rounds(organisation):
    from klyngeradar.web.surveys.demo import create_demo_round
    from klyngeradar.web.surveys.demo_second_round import create_second_demo_round

    old, _links = create_demo_round(organisation, deadline=date(2031, 3, 1))
    return old, create_second_demo_round(organisation)


def test_the_comparison_is_the_same_json_as_the_cli_on_the_two_exports(
    client, analyst, two_rounds, tmp_path
):
    from klyngeradar.cli.compare import compare
    from klyngeradar.render.workbooks.exchange import write_xlsx
    from klyngeradar.web.surveys.convert import round_data

    old, new = two_rounds
    files = [write_xlsx(round_data(r), tmp_path / f"{r.pk}.xlsx") for r in (old, new)]
    cli = CliRunner().invoke(compare, [str(files[0]), str(files[1]), "--format", "json"])
    assert cli.exit_code == 0, cli.output
    from_cli = json.loads(cli.stdout)
    secret = token_for(analyst)
    named = get(client, f"/rounds/{new.pk}/comparison?earlier={old.pk}", secret)
    assert named.status_code == 200
    assert named.json() == from_cli
    assert from_cli["left"] and from_cli["changes"]  # not two empty documents
    # Without `earlier`, the newest earlier round of the region.
    assert get(client, f"/rounds/{new.pk}/comparison", secret).json() == from_cli
    # The first round has nothing earlier: a JSON 404 that says so.
    first = get(client, f"/rounds/{old.pk}/comparison", secret)
    assert (first.status_code, first.json()["error"]) == (404, "no_earlier_round")


def test_a_comparison_needs_both_rounds_to_be_readable_by_the_token(
    client, organisation, region, two_rounds
):
    from klyngeradar.web.accounts.models import Organisation

    old, new = two_rounds
    other = Organisation.objects.create(slug="other", name="Other body", region=region)
    secret = token_for(make_person("other-analyst", "analyst", organisation=other))
    response = get(client, f"/rounds/{new.pk}/comparison?earlier={old.pk}", secret)
    assert response.status_code == 404
    assert response.json()["error"] == "not_found"


def test_rounds_of_two_regions_are_refused_with_a_json_400(
    client, analyst, organisation, two_rounds
):
    from klyngeradar.web.registry.models import Region

    old, new = two_rounds
    old.region = Region.objects.create(code="1084", name="Region Hovedstaden")
    old.save()
    response = get(client, f"/rounds/{new.pk}/comparison?earlier={old.pk}", token_for(analyst))
    assert response.status_code == 400
    body = response.json()
    assert body["error"] == "not_comparable" and "region" in body["detail"].lower()


def test_the_specialisation_is_the_same_json_as_the_cli_on_the_uploaded_file(
    client_for, client, analyst, viewer, respondent_a, organisation, tmp_path
):
    from pathlib import Path

    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse

    from klyngeradar.cli.specialisation import specialisation

    secret = token_for(viewer)
    assert get(client, "/specialisation", secret).status_code == 404  # nothing uploaded yet
    source = Path(__file__).resolve().parents[2] / "fixtures/specialisation/ras-statistikbanken.csv"
    posted = client_for(analyst).post(
        reverse("specialisation:upload"),
        {
            "statistics": SimpleUploadedFile("RAS300.csv", source.read_bytes()),
            "source": "Danmarks Statistik, RAS300",
        },
    )
    assert posted.status_code == 302
    same_name = tmp_path / "RAS300.csv"
    same_name.write_bytes(source.read_bytes())
    cli = CliRunner().invoke(specialisation, [str(same_name), "--region", organisation.region.code])
    assert cli.exit_code == 0, cli.output
    from_cli = json.loads(cli.stdout)
    response = get(client, "/specialisation", secret)
    assert response.status_code == 200
    body = response.json()
    assert body["areas"]
    # The figures are the CLI's; of the warnings, those about reading the file were shown
    # when it was uploaded, and the API repeats the ones about the figures.
    assert {k: v for k, v in body.items() if k != "warnings"} == {
        k: v for k, v in from_cli.items() if k != "warnings"
    }
    assert body["warnings"] and set(body["warnings"]) <= set(from_cli["warnings"])
    # A respondent may not read the organisation's statistics on the page, nor here.
    assert get(client, "/specialisation", token_for(respondent_a)).status_code == 404


def test_an_api_csv_download_is_in_the_download_log_under_the_tokens_user(
    client, analyst, cluster_a
):
    from klyngeradar.web.privacy.models import DownloadLog

    response = get(client, "/clusters?format=csv", token_for(analyst))
    assert response.status_code == 200
    entry = DownloadLog.objects.get()
    assert (entry.user, entry.username, entry.via_api) == (analyst, analyst.username, True)
    assert entry.path == "/api/v1/clusters" and entry.filename.endswith(".csv")
    # JSON answers are not downloads, and neither is a refused token.
    get(client, "/clusters", token_for(analyst))
    get(client, "/clusters?format=csv", "kr_not-a-token")
    assert DownloadLog.objects.count() == 1


def test_clusters_carry_their_designations_and_lineage_and_filter_by_programme(
    client, analyst, cluster_a, cluster_b
):
    from datetime import date as day

    from klyngeradar.web.registry.models import Designation, Lineage, Programme

    old = Programme.objects.create(
        slug="ik-2021", name="Innovationskraft", start=day(2021, 1, 1), end=day(2024, 12, 31)
    )
    new = Programme.objects.create(
        slug="kp-2025", name="Klyngeprogram", start=day(2025, 1, 1), end=day(2028, 12, 31)
    )
    Designation.objects.create(
        cluster=cluster_a, programme=old, status="ended", source="DFIR", verified=True
    )
    Designation.objects.create(
        cluster=cluster_a, programme=new, grant_dkk=60_000_000, grant_year=2025, verified=False
    )
    Designation.objects.create(cluster=cluster_b, programme=old, status="dropped")
    Lineage.objects.create(cluster=cluster_b, kind="merged_into", successor=cluster_a)
    secret = token_for(analyst)
    a = get(client, f"/clusters/{cluster_a.slug}", secret).json()
    assert [(d["programme"], d["status"], d["verified"]) for d in a["designations"]] == [
        ("ik-2021", "ended", True),
        ("kp-2025", "designated", False),
    ]
    assert a["designations"][1]["grant_dkk"] == 60_000_000
    b = get(client, f"/clusters/{cluster_b.slug}", secret).json()
    assert b["lineage"] == [
        {
            "kind": "merged_into",
            "successor": cluster_a.slug,
            "day": None,
            "source": None,
            "verified": False,
        }
    ]
    current = get(client, "/clusters?programme=kp-2025", secret).json()
    assert [c["slug"] for c in current["results"]] == [cluster_a.slug]
    assert get(client, "/clusters?programme=ik-2021", secret).json()["count"] == 2
