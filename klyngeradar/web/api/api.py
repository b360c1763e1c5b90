"""The read API, /api/v1/, on django-ninja; its OpenAPI 3 schema is /api/v1/openapi.json.

Read-only: every operation is a GET. Authentication is a personal API token
sent as ``Authorization: Bearer …`` (see `auth`), and what a token may read is
exactly what its user may open in the web app (`klyngeradar.web.access`).
"""

from __future__ import annotations

from typing import Literal

from django.http import Http404, JsonResponse
from ninja import NinjaAPI, Query, Schema
from ninja.errors import ValidationError

from klyngeradar.web.api import output, resources
from klyngeradar.web.api.auth import ApiError, BearerToken

api = NinjaAPI(
    title="Klyngeradar API",
    version="1",
    description=(
        "Read-only API for BI tools (Power BI, Excel). Send a personal API token as "
        "`Authorization: Bearer <token>`. Lists are paged JSON, or CSV for Danish Excel "
        "with `?format=csv`. Every answer has an ETag; send it back in If-None-Match."
    ),
    urls_namespace="api",
    auth=BearerToken(),
    docs_url=None,
    openapi_url="/openapi.json",
)


def _error(request, status: int, code: str, detail: str) -> JsonResponse:
    response = JsonResponse({"error": code, "detail": detail}, status=status)
    if status == 401:
        response["WWW-Authenticate"] = 'Bearer realm="klyngeradar"'
    return response


@api.exception_handler(ApiError)
def on_api_error(request, exc: ApiError):
    return _error(request, exc.status, exc.code, exc.detail)


@api.exception_handler(Http404)
def on_not_found(request, exc):
    return _error(request, 404, "not_found", "Not found, or not yours to see.")


@api.exception_handler(ValidationError)
def on_validation_error(request, exc: ValidationError):
    fields = [".".join(str(p) for p in e.get("loc", ())[1:]) for e in exc.errors]
    return _error(request, 400, "bad_parameter", f"Check the parameter(s): {', '.join(fields)}.")


class Filters(Schema):
    year: int | None = None
    region: str | None = None
    format: Literal["json", "csv"] = "json"
    page: int | None = None
    page_size: int | None = None


class Page(Schema):
    count: int
    page: int
    page_size: int
    next: str | None
    previous: str | None
    results: list[dict]


class Error(Schema):
    error: str
    detail: str


ERRORS = {400: Error, 401: Error, 403: Error, 404: Error}


@api.get("/clusters", response={200: Page, **ERRORS}, tags=["registry"])
def list_clusters(request, filters: Query[Filters], programme: str | None = None):
    """The clusters the user may see (a respondent: their own), with source and verified flag.

    Each with its designations per programme period (status, period, grant, source,
    verified) and its lineage; `programme` (a programme's slug) keeps the clusters
    designated in that period.
    """
    rows = resources.clusters(
        request.user, year=filters.year, region=filters.region, programme=programme
    )
    return output.listing(request, rows, filename="klynger")


@api.get("/clusters/{slug}", response={200: dict, **ERRORS}, tags=["registry"])
def get_cluster(request, slug: str):
    return output.document(request, resources.cluster(request.user, slug))


@api.get("/rounds", response={200: Page, **ERRORS}, tags=["surveys"])
def list_rounds(request, filters: Query[Filters]):
    """Survey rounds of the user's organisation, with invited and submitted counts."""
    rows = resources.rounds(request.user, year=filters.year, region=filters.region)
    return output.listing(request, rows, filename="runder")


@api.get("/rounds/{round_id}", response={200: dict, **ERRORS}, tags=["surveys"])
def get_round(request, round_id: int):
    return output.document(
        request, resources.round_dict(resources.get_round(request.user, round_id))
    )


@api.get("/rounds/{round_id}/findings", response={200: dict, **ERRORS}, tags=["findings"])
def get_findings(request, round_id: int):
    """The round's findings: the same JSON as ``klyngeradar findings`` on its exchange file."""
    round = resources.get_round(request.user, round_id)
    return output.document(request, resources.findings_document(round))


@api.get("/rounds/{round_id}/recommendations", response={200: dict, **ERRORS}, tags=["strategy"])
def get_recommendations(request, round_id: int, lang: Literal["da", "en"] = "da"):
    """Fit, engagement, recommended collaboration models with reasons, and the decisions."""
    round = resources.get_round(request.user, round_id)
    return output.document(request, resources.recommendations(request.user, round, lang))


@api.get("/rounds/{round_id}/comparison", response={200: dict, **ERRORS}, tags=["findings"])
def get_comparison(request, round_id: int, earlier: int | None = None):
    """The round beside an earlier round of its region (`earlier`: its id; default the newest).

    The same JSON as ``klyngeradar compare`` on the two rounds' exports: panel,
    entered, left, changes with like-for-like panel figures, movements, sentences.
    """
    round = resources.get_round(request.user, round_id)
    return output.document(request, resources.comparison(request.user, round, earlier))


@api.get("/specialisation", response={200: dict, **ERRORS}, tags=["specialisation"])
def get_specialisation(request):
    """Employment, share and location quotient per area for the region and each municipality.

    From the organisation's newest uploaded statistics; the same JSON as
    ``klyngeradar specialisation FILE --region CODE``. 404 when none is uploaded.
    """
    return output.document(request, resources.specialisation(request.user))


@api.get("/agreements", response={200: Page, **ERRORS}, tags=["agreements"])
def list_agreements(request, filters: Query[Filters]):
    """Agreements with parties, co-financing and KPIs with their follow-ups and status."""
    rows = resources.agreements(request.user, year=filters.year, region=filters.region)
    return output.listing(request, rows, filename="aftaler")


@api.get("/agreements/{slug}", response={200: dict, **ERRORS}, tags=["agreements"])
def get_agreement(request, slug: str):
    return output.document(request, resources.agreement(request.user, slug))


@api.get("/participation", response={200: Page, **ERRORS}, tags=["agreements"])
def list_participation(
    request,
    filters: Query[Filters],
    by: Literal["cluster", "actor", "year", "municipality"] = "cluster",
):
    """Unique companies (by CVR) per cluster, actor or year, and year; never a company or person.

    `by=municipality` groups by the municipalities party to the agreement covering a
    row (participation lists do not say where a company is).
    """
    rows = resources.participation(request.user, by=by, year=filters.year, region=filters.region)
    return output.listing(request, rows, filename="deltagelse")
