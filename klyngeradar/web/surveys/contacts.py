"""A contact list for inviting several clusters at once: read, check whole, then invite.

One row per cluster: the cluster (by name or short name) and its contact
e-mail address(es), in one cell separated by commas, semicolons or spaces, or
in several e-mail columns. A header row is optional (``klynge``/``cluster``
and ``e-mail``/``email``/``kontakt``); without one the first column is the
cluster and the rest are addresses. The list comes pasted (copied from Excel:
tabs, or ``;``/``,``) or as a file (.xlsx, or .csv as Danish Excel saves it:
``;`` and Windows-1252), decoded by `klyngeradar.core.tables`.

Every row is checked before anything is stored, and every problem is named
with its row, column and value: an unknown cluster (with the closest name
suggested), a cluster already invited to the round, a missing or malformed
address, the same cluster twice.
"""

from __future__ import annotations

import difflib
import re
import tempfile
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.validators import validate_email

from klyngeradar.core.problems import InputError, Problem
from klyngeradar.core.tables import Row, Table, column_letter, csv_table, read_tables
from klyngeradar.web.registry.models import Cluster
from klyngeradar.web.surveys.models import Round

CLUSTER_HEADERS = frozenset(
    {"klynge", "cluster", "klyngenavn", "navn", "name", "klyngeorganisation"}
)
EMAIL_HEADER = re.compile(r"^(e-?mail|mail|kontakt|contact|adresse)", re.IGNORECASE)
_SEPARATORS = re.compile(r"[\s,;]+")
PASTE_NAME = "indsat tekst"


@dataclass(frozen=True)
class Contact:
    """One checked row: the cluster to invite and where to send its link."""

    row: int
    cluster: Cluster
    emails: tuple[str, ...]


def _key(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split()).casefold()


def paste_table(text: str) -> Table:
    """Pasted rows as a table: tab-separated as Excel copies them, else like a CSV file."""
    lines = text.splitlines()
    first = next((line for line in lines if line.strip()), "")
    if "\t" not in first:
        return csv_table(text.encode("utf-8"), name=PASTE_NAME)
    numbered = [
        (number, tuple(cell.strip() for cell in line.split("\t")))
        for number, line in enumerate(lines, start=1)
        if line.strip()
    ]
    (header_row, header), *rest = numbered
    rows = tuple(Row(number, cells) for number, cells in rest)
    return Table(PASTE_NAME, header, rows, header_row=header_row)


def file_table(filename: str, content: bytes) -> Table:
    """The first sheet of an uploaded .xlsx or the .csv file; InputError names the file."""
    suffix = Path(filename).suffix.lower()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"kontakter{suffix}"
        path.write_bytes(content)
        tables = read_tables(path)
    name = Path(filename).name
    table = next((t for t in tables.values() if not t.empty), None)
    if table is None:
        raise InputError([Problem("is empty", file=name, reason_da="er tom")])
    return table


def _rows(table: Table) -> tuple[list[str | None], list[tuple[int, list[str]]]]:
    """(column names, rows of cell texts); the header row is data when it is not a header."""
    header = [str(h or "").strip() for h in table.header]
    has_header = bool(header) and _key(header[0]) in CLUSTER_HEADERS
    rows = [(r.number, [_text(v) for v in r.values]) for r in table.rows]
    if not has_header:
        rows.insert(0, (table.header_row, header))
        header = []
    return header, [(n, cells) for n, cells in rows if any(cells)]


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def check(table: Table, round: Round, *, file: str | None = None) -> list[Contact]:
    """Every row checked against the registry and the round; InputError lists every problem."""
    header, rows = _rows(table)
    sheet = table.sheet
    column_cluster = header[0] if header else "A"
    # With a header, the e-mail columns are those named so, and cells past the header;
    # without one, every column after the cluster.
    email_columns = [i for i, name in enumerate(header) if i > 0 and EMAIL_HEADER.match(name)]

    def column_name(index: int) -> str:
        return (
            header[index]
            if header and index < len(header) and header[index]
            else column_letter(index)
        )

    clusters = list(Cluster.objects.order_by("name"))
    by_slug = {c.slug: c for c in clusters}
    by_name = {_key(c.name): c for c in clusters}
    invited = set(round.responses.values_list("cluster_id", flat=True))
    problems: list[Problem] = []
    contacts: list[Contact] = []
    first_row: dict[int, int] = {}

    def problem(reason, reason_da, row, column, value):
        problems.append(
            Problem(
                reason,
                file=file,
                sheet=sheet,
                row=row,
                column=column,
                value=value,
                reason_da=reason_da,
            )
        )

    if not rows:
        problem("has no rows", "har ingen rækker", None, None, None)
    for number, cells in rows:
        name = cells[0] if cells else ""
        cluster = by_slug.get(name.strip()) or by_name.get(_key(name))
        if not name:
            problem("names no cluster", "nævner ingen klynge", number, column_cluster, None)
        elif cluster is None:
            suggestion = difflib.get_close_matches(_key(name), list(by_name), n=1, cutoff=0.6)
            if suggestion:
                closest = by_name[suggestion[0]].name
                problem(
                    f'is not a known cluster; did you mean "{closest}"?',
                    f"er ikke en kendt klynge; mente du »{closest}«?",
                    number,
                    column_cluster,
                    name,
                )
            else:
                problem(
                    "is not a known cluster (by name or short name)",
                    "er ikke en kendt klynge (navn eller kort navn)",
                    number,
                    column_cluster,
                    name,
                )
        elif cluster.pk in first_row:
            first = first_row[cluster.pk]
            problem(
                f"is the same cluster as row {first}; give each cluster one row",
                f"er samme klynge som række {first}; giv hver klynge én række",
                number,
                column_cluster,
                name,
            )
            cluster = None
        elif cluster.pk in invited:
            problem(
                'is already invited to the round; use "Send nyt link" on its row',
                "er allerede inviteret til runden; brug »Send nyt link« på dens række",
                number,
                column_cluster,
                name,
            )
            cluster = None
        else:
            first_row[cluster.pk] = number
        if header and email_columns:
            indexes = [*email_columns, *range(len(header), len(cells))]
        else:
            indexes = range(1, len(cells))
        addresses: list[str] = []
        bad = False
        for index in indexes:
            text = cells[index] if index < len(cells) else ""
            for address in (a for a in _SEPARATORS.split(text) if a):
                try:
                    validate_email(address)
                except ValidationError:
                    bad = True
                    problem(
                        "is not a valid e-mail address",
                        "er ikke en gyldig e-mailadresse",
                        number,
                        column_name(index),
                        address,
                    )
                    continue
                addresses.append(address)
        if not addresses and not bad:
            problem(
                "has no e-mail address",
                "har ingen e-mailadresse",
                number,
                column_name(indexes[0] if indexes else 1),
                None,
            )
        if cluster is not None and addresses and not bad:
            contacts.append(Contact(number, cluster, tuple(dict.fromkeys(addresses))))
    if problems:
        raise InputError(problems)
    return contacts
