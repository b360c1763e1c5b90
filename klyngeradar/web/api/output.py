"""How the API answers: pages of JSON, or the whole list as CSV, with an ETag.

- JSON lists are pages: ``{"count", "page", "page_size", "next", "previous",
  "results"}`` (``?page=``, ``?page_size=`` up to 500);
- ``?format=csv`` gives the whole list as CSV for Danish Excel: UTF-8 with a
  byte-order mark, ``;`` between fields, decimal comma, ``ja``/``nej``, missing
  values empty (never 0), nested lists as JSON text;
- every answer carries an ETag (a hash of its body); ``If-None-Match`` with the
  same value gives 304 Not Modified without a body.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from datetime import date, datetime
from decimal import Decimal
from urllib.parse import urlencode

from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse

from klyngeradar.web.api.auth import ApiError

MAX_PAGE_SIZE = 500
DEFAULT_PAGE_SIZE = 100


def _etagged(request, body: bytes, content_type: str, **headers) -> HttpResponse:
    etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
    candidates = [t.strip() for t in request.headers.get("If-None-Match", "").split(",")]
    if etag in candidates or f"W/{etag}" in candidates:
        response = HttpResponse(status=304)
    else:
        response = HttpResponse(body, content_type=content_type)
    response["ETag"] = etag
    response["Vary"] = "Authorization"
    for name, value in headers.items():
        response[name.replace("_", "-")] = value
    return response


def document(request, data) -> HttpResponse:
    body = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).encode("utf-8")
    return _etagged(request, body, "application/json; charset=utf-8")


def _whole_number(request, name: str, default: int, maximum: int | None = None) -> int:
    raw = request.GET.get(name, "")
    if not raw:
        return default
    if not raw.isdigit() or int(raw) < 1 or (maximum is not None and int(raw) > maximum):
        limit = f" up to {maximum}" if maximum else ""
        raise ApiError(400, "bad_parameter", f"{name} must be a whole number from 1{limit}.")
    return int(raw)


def listing(request, rows: list[dict], *, filename: str) -> HttpResponse:
    """Answer a list: a page of JSON, or every row as CSV with ``?format=csv``."""
    fmt = request.GET.get("format", "json")
    if fmt == "csv":
        body = ("\ufeff" + to_csv(rows)).encode("utf-8")
        return _etagged(
            request,
            body,
            "text/csv; charset=utf-8",
            Content_Disposition=f'attachment; filename="{filename}.csv"',
        )
    if fmt != "json":
        raise ApiError(400, "bad_parameter", "format must be json or csv.")
    page = _whole_number(request, "page", 1)
    size = _whole_number(request, "page_size", DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE)
    start = (page - 1) * size
    results = rows[start : start + size]
    return document(
        request,
        {
            "count": len(rows),
            "page": page,
            "page_size": size,
            "next": _page_url(request, page + 1) if start + size < len(rows) else None,
            "previous": _page_url(request, page - 1) if page > 1 else None,
            "results": results,
        },
    )


def _page_url(request, page: int) -> str:
    query = request.GET.copy()
    query["page"] = str(page)
    return request.build_absolute_uri(request.path) + "?" + urlencode(sorted(query.items()))


def cell(value) -> str:
    """One CSV field the way Danish Excel reads it."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nej"
    if isinstance(value, float | Decimal):
        return format(value, "f").rstrip("0").rstrip(".").replace(".", ",") if value else "0"
    if isinstance(value, datetime):
        return value.isoformat(timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list | tuple | dict):
        return json.dumps(value, cls=DjangoJSONEncoder, ensure_ascii=False)
    return str(value)


def to_csv(rows: list[dict]) -> str:
    columns: list[str] = []
    for row in rows:
        columns.extend(key for key in row if key not in columns)
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([cell(row.get(column)) for column in columns])
    return out.getvalue()
