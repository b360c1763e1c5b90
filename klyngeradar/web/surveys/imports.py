"""Import answers collected elsewhere into a round: check everything, preview, then apply.

The file is read by the core's exchange reader, the same one the CLI uses,
against the round: its clusters, its questionnaire version, its region's
municipalities and *its* lists of actors and efforts (lists in the file are
ignored, so an answer cannot name an actor the round does not know). Nothing
is stored unless the whole file is valid; applying is one transaction.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from klyngeradar.core.surveys.exchange import ACTORS_SHEET, EFFORTS_SHEET, parse_round
from klyngeradar.core.surveys.exchange_write import format_answer
from klyngeradar.core.surveys.questionnaire import load
from klyngeradar.core.surveys.responses import RoundData
from klyngeradar.core.tables import Row, Table, read_tables
from klyngeradar.web.surveys.convert import response_data, round_info, stored_answers
from klyngeradar.web.surveys.models import Response, Round


@dataclass(frozen=True)
class Change:
    """What an import would do to one cluster's response."""

    cluster: str
    name: str
    status_before: str
    status_after: str
    answers: tuple[tuple[str, object, object], ...]  # (question id, before, after)

    @property
    def changes_anything(self) -> bool:
        return self.status_before != self.status_after or bool(self.answers)

    @property
    def blanked(self) -> tuple[str, ...]:
        """The questions that have an answer now and would have none after the import."""
        return tuple(
            qid for qid, before, after in self.answers if before is not None and after is None
        )


def blanked_total(changes: list[Change]) -> tuple[int, int]:
    """(answers that would be blanked, clusters they belong to) across an import."""
    hit = [change for change in changes if change.blanked]
    return sum(len(change.blanked) for change in hit), len(hit)


def read_upload(round: Round, filename: str, content: bytes) -> RoundData:
    """Read an uploaded file against the round; InputError lists every problem."""
    suffix = Path(filename).suffix.lower()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"upload{suffix}"
        path.write_bytes(content)
        tables = read_tables(path)
    tables = {
        name: table
        for name, table in tables.items()
        if name.strip().casefold() not in (ACTORS_SHEET, EFFORTS_SHEET)
    }
    tables[ACTORS_SHEET] = _list_table(ACTORS_SHEET, round.actors)
    tables[EFFORTS_SHEET] = _list_table(EFFORTS_SHEET, round.efforts)
    info = round_info(round)
    clusters = {r.cluster.slug: r.cluster.name for r in round.responses.select_related("cluster")}
    return parse_round(
        tables,
        file=filename,
        region=info.region,
        since=info.since,
        organisation=info.organisation,
        title=info.title,
        clusters=clusters,
        questionnaire=load(round.questionnaire_version),
    )


def preview(round: Round, data: RoundData) -> list[Change]:
    """Per cluster in the file: status and answers before and after the import."""
    q = load(round.questionnaire_version)
    existing = {r.cluster.slug: r for r in round.responses.select_related("cluster", "round")}
    changes = []
    for row in data.responses:
        response = existing[row.cluster]
        before = response_data(response, q)
        diffs = []
        for question in q.questions:
            old = format_answer(question, before.answers.get(question.id))
            new = format_answer(question, row.answers.get(question.id))
            old_basis, new_basis = before.basis.get(question.id), row.basis.get(question.id)
            if old != new or (new is not None and old_basis != new_basis):
                diffs.append(
                    (question.id, _with_basis(old, old_basis), _with_basis(new, new_basis))
                )
        changes.append(
            Change(row.cluster, response.cluster.name, before.status, row.status, tuple(diffs))
        )
    return changes


@transaction.atomic
def apply(round: Round, data: RoundData, *, filename: str) -> int:
    """Store the file's answers (all or nothing); the number of responses changed."""
    responses = {
        r.cluster.slug: r
        for r in round.responses.select_for_update().select_related("cluster", "round")
    }
    changed = 0
    for change, row in zip(preview(round, data), data.responses, strict=True):
        if not change.changes_anything:
            continue
        response = responses[row.cluster]
        response.answers = stored_answers(row.answers)
        response.basis = {qid: b for qid, b in row.basis.items() if qid in row.answers}
        response.confirmed_warnings = []
        if row.status == "complete":
            response.status = Response.Status.SUBMITTED
            response.submitted_at = response.submitted_at or timezone.now()
        elif row.status == "partial":
            response.status = Response.Status.DRAFT
            response.submitted_at = None
        else:
            opened = response.round.invitations.filter(
                cluster=response.cluster, opened_at__isnull=False
            ).exists()
            response.status = Response.Status.OPENED if opened else Response.Status.NOT_OPENED
            response.submitted_at = None
        response._change_reason = f"import: {filename}"
        response.save()
        changed += 1
    return changed


def _with_basis(value: object, basis: str | None) -> object:
    return f"{value} ({basis})" if value is not None and basis else value


def _list_table(name: str, items: list[dict[str, str]]) -> Table:
    rows = tuple(Row(n, (i["slug"], i["name"])) for n, i in enumerate(items, start=2))
    return Table(name, ("slug", "name"), rows, name)
