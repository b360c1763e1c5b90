"""Lists that can grow: one server-side helper for paging, sorting, searching and export.

A view describes its columns once (`Column`) and hands a queryset to `Listing`;
the listing reads ``q`` (search), ``sort`` (a column key, ``-`` for descending)
and ``page`` through `ListingForm`, and gives the template one page of objects,
the header links (with ``aria-sort``), the sums of the summed columns over
everything that matches (computed by the database), and an Excel export of the
whole filtered, sorted table. No JavaScript is needed; every link keeps the
page's other query parameters (its filters).

Templates: ``listing/search.html``, ``listing/head.html``,
``listing/totals.html`` and ``listing/pages.html``; the rows stay the view's own.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import cached_property
from pathlib import Path

from django import forms
from django.core.paginator import Paginator
from django.db.models import Q, QuerySet, Sum
from django.http import FileResponse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from klyngeradar.core.numbers import format_int

PER_PAGE = 50
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@dataclass(frozen=True)
class Column:
    """One column: its URL key, heading, the field it sorts by and how its value is read.

    ``value`` is an attribute path (``"cluster.name"``) or a function of the object,
    for the export; ``total`` sums the column (``order`` must then be a number field).
    """

    key: str
    label: str
    order: str | None = None
    value: str | Callable | None = None
    number: bool = False
    total: bool = False
    css: str = ""

    def read(self, obj) -> object:
        if callable(self.value):
            return self.value(obj)
        current = obj
        for part in (self.value or self.order or self.key).split("."):
            current = getattr(current, part, None)
            if current is None:
                return None
        return current() if callable(current) else current


class ListingForm(forms.Form):
    q = forms.CharField(required=False, max_length=200, strip=True)
    sort = forms.CharField(required=False, max_length=60)
    page = forms.IntegerField(required=False, min_value=1)
    format = forms.ChoiceField(required=False, choices=[("", ""), ("xlsx", "xlsx")])


@dataclass(frozen=True)
class Heading:
    column: Column
    url: str | None
    direction: str | None  # "ascending", "descending" or None (aria-sort values)


class Listing:
    """One page of ``queryset`` as the request asks for it (see the module docstring)."""

    def __init__(
        self,
        request,
        queryset: QuerySet,
        columns: Sequence[Column],
        *,
        search: Sequence[str] = (),
        default: str,
        per_page: int = PER_PAGE,
        caption: str = "",
        prefix: str = "",
    ):
        self.request = request
        # With a prefix (two lists on one page) the parameters are e.g. "lister-sort".
        self.names = {
            name: f"{prefix}-{name}" if prefix else name for name in ("q", "sort", "page", "format")
        }
        self.columns = tuple(columns)
        self.search_fields = tuple(search)
        self.caption = caption
        self.form = ListingForm(request.GET, prefix=prefix or None)
        data = self.form.cleaned_data if self.form.is_valid() else {}
        self.query = data.get("q") or ""
        by_key = {c.key: c for c in self.columns if c.order}
        sort = data.get("sort") or default
        if sort.lstrip("-") not in by_key:
            sort = default
        self.sort = sort
        self.export = data.get("format") == "xlsx"
        column = by_key[sort.lstrip("-")]
        descending = sort.startswith("-")
        ordering = ("-" if descending else "") + column.order
        # The primary key breaks ties, so that a page never repeats or skips a row.
        self.queryset = self._searched(queryset).order_by(ordering, "-pk" if descending else "pk")
        self.paginator = Paginator(self.queryset, per_page)
        self.page = self.paginator.get_page(data.get("page") or 1)

    def _searched(self, queryset: QuerySet) -> QuerySet:
        if not self.query or not self.search_fields:
            return queryset
        rule = Q()
        for field in self.search_fields:
            rule |= Q(**{f"{field}__icontains": self.query})
        return queryset.filter(rule).distinct()

    # What the templates use.
    @property
    def searchable(self) -> bool:
        return bool(self.search_fields)

    @property
    def count(self) -> int:
        return self.paginator.count

    @property
    def headings(self) -> list[Heading]:
        current, descending = self.sort.lstrip("-"), self.sort.startswith("-")
        headings = []
        for column in self.columns:
            if not column.order:
                headings.append(Heading(column, None, None))
                continue
            if column.key == current:
                direction = "descending" if descending else "ascending"
                target = column.key if descending else f"-{column.key}"
            else:
                direction, target = None, column.key
            headings.append(Heading(column, self.url(sort=target, page=None), direction))
        return headings

    @cached_property
    def totals(self) -> list | None:
        """The sums of the summed columns over every matching row (None: nothing summed)."""
        summed = [c for c in self.columns if c.total]
        if not summed:
            return None
        # The aliases must differ from the annotations they sum (Django mixes them up).
        sums = self.queryset.order_by().aggregate(**{f"sum_{c.key}": Sum(c.order) for c in summed})
        return [sums[f"sum_{c.key}"] if c.total else None for c in self.columns]

    @property
    def shown_totals(self) -> list[str] | None:
        """The totals as the page shows them (Danish or English thousands separators)."""
        if self.totals is None:
            return None
        lang = "en" if (get_language() or "da").startswith("en") else "da"
        return ["" if value is None else format_int(int(value), lang) for value in self.totals]

    @property
    def kept_parameters(self) -> list[tuple[str, str]]:
        """The page's other query parameters (its filters), kept by the search form."""
        return [
            (name, value)
            for name, values in self.request.GET.lists()
            if name not in (self.names["q"], self.names["page"], self.names["format"])
            for value in values
        ]

    def url(self, **changes) -> str:
        """This page's URL with ``changes`` (q, sort, page, format; None removes one)."""
        params = self.request.GET.copy()
        for key, value in changes.items():
            name = self.names[key]
            if value is None:
                params.pop(name, None)
            else:
                params[name] = value
        encoded = params.urlencode()
        return f"?{encoded}" if encoded else "?"

    @property
    def export_url(self) -> str:
        return self.url(format="xlsx", page=None)

    @property
    def url_without_search(self) -> str:
        return self.url(q=None, page=None)

    @property
    def first_url(self) -> str:
        return self.url(page=None)

    @property
    def previous_url(self) -> str:
        return self.url(page=self.page.previous_page_number())

    @property
    def next_url(self) -> str:
        return self.url(page=self.page.next_page_number())

    @property
    def last_url(self) -> str:
        return self.url(page=self.paginator.num_pages)

    # The export.
    def xlsx_response(self, name: str) -> FileResponse:
        """The whole filtered, sorted table as an .xlsx file, written in constant memory."""
        import xlsxwriter

        stamp = timezone.localdate().isoformat()
        with tempfile.TemporaryDirectory(prefix="klyngeradar-liste-") as folder:
            path = Path(folder) / f"{name}-{stamp}.xlsx"
            workbook = xlsxwriter.Workbook(str(path), {"constant_memory": True})
            header = workbook.add_format({"bold": True, "bottom": 1})
            number = workbook.add_format({"num_format": "#,##0"})
            day = workbook.add_format({"num_format": "dd-mm-yyyy"})
            moment = workbook.add_format({"num_format": "dd-mm-yyyy hh:mm"})
            sheet = workbook.add_worksheet(str(self.caption or name)[:31])
            for col, column in enumerate(self.columns):
                sheet.write_string(0, col, str(column.label), header)
                sheet.set_column(col, col, 14 if column.number else 30)
            row = 0
            for row, obj in enumerate(self.queryset.iterator(chunk_size=2_000), start=1):
                for col, column in enumerate(self.columns):
                    _write(sheet, row, col, column.read(obj), number, day, moment)
            if self.totals is not None:
                sheet.write_string(row + 1, 0, str(_("I alt")), header)
                for col, value in enumerate(self.totals):
                    if col and value is not None:
                        sheet.write_number(row + 1, col, value, number)
            sheet.freeze_panes(1, 0)
            sheet.autofilter(0, 0, max(row, 1), len(self.columns) - 1)
            workbook.close()
            data = path.read_bytes()
        response = FileResponse(iter([data]), content_type=XLSX)
        response["Content-Disposition"] = f'attachment; filename="{path.name}"'
        response["Content-Length"] = str(len(data))
        return response


def _write(sheet, row: int, col: int, value, number, day, moment) -> None:
    if value is None or value == "":
        return  # missing stays an empty cell, never 0
    if isinstance(value, bool):
        sheet.write_string(row, col, str(_("Ja") if value else _("Nej")))
    elif isinstance(value, int | float):
        sheet.write_number(row, col, value, number)
    elif isinstance(value, datetime):
        sheet.write_datetime(row, col, timezone.localtime(value).replace(tzinfo=None), moment)
    elif isinstance(value, date):
        sheet.write_datetime(row, col, value, day)
    else:
        # Text stays text: "=…" must not become a formula.
        sheet.write_string(row, col, str(value))
