"""The survey exchange format: one round's answers in a spreadsheet, read into `RoundData`.

A workbook holds the answers on the sheet ``svar`` (one row per invited
cluster), the round's keys on ``runde`` and the region's actors and strategy
efforts on ``aktører`` and ``indsatser``; a CSV file holds the answers only.
The whole file is checked before anything is returned: every error is
collected and raised together as an `InputError`; warnings are kept in
`RoundData.warnings`.

Round keys given as arguments (``region=``, ``since=``, …) override the
``runde`` sheet, so a CSV file or an incomplete workbook can be completed from
the command line.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from klyngeradar.core.problems import InputError, Problem, danish_reason
from klyngeradar.core.registry import geography
from klyngeradar.core.surveys.exchange_sheets import SheetReader, cell_text
from klyngeradar.core.surveys.questionnaire import (
    SLUG,
    Question,
    Questionnaire,
    load,
    validate_answer,
    validate_basis,
)
from klyngeradar.core.surveys.responses import Choice, Response, RoundData, Status, Value
from klyngeradar.core.tables import Row, Table, column_letter, read_tables, unguard_formula

ANSWERS_SHEET = "svar"
ROUND_SHEET = "runde"
ACTORS_SHEET = "aktører"
EFFORTS_SHEET = "indsatser"
BASIS_SUFFIX = ".basis"
# `name` is an optional extension of the contract: the cluster's display name,
# written on export so that a round trip keeps it.
FIXED_COLUMNS = ("cluster", "name", "status")
STATUS_WORDS: Mapping[str, Status] = {
    "complete": "complete",
    "gennemført": "complete",
    "partial": "partial",
    "delvis": "partial",
    "none": "none",
    "ingen": "none",
}
EMPTY_DA = "er tom"
# What the registry stores: a cluster's name and its slug.
NAME_MAX = 200
SLUG_MAX = 80
REQUIRED_DA = "er en påkrævet kolonne og mangler"
_TRANSLITERATION = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa"})


def read_round(
    path: str | Path,
    *,
    region: str | None = None,
    since: date | str | None = None,
    organisation: str | None = None,
    title: str | None = None,
    clusters: Mapping[str, str] | None = None,
    questionnaire: Questionnaire | None = None,
) -> RoundData:
    """Read a round from a .xlsx or .csv file; InputError lists every problem found.

    >>> read_round("svar.csv", region="1081", since="2021-01-01", organisation="BRN")
    """
    return parse_round(
        read_tables(path),
        file=Path(path).name,
        region=region,
        since=since,
        organisation=organisation,
        title=title,
        clusters=clusters,
        questionnaire=questionnaire,
    )


def parse_round(
    tables: Mapping[str, Table],
    *,
    file: str | None = None,
    region: str | None = None,
    since: date | str | None = None,
    organisation: str | None = None,
    title: str | None = None,
    clusters: Mapping[str, str] | None = None,
    questionnaire: Questionnaire | None = None,
) -> RoundData:
    """Build a round from decoded tables (see `read_tables`); pure, no I/O.

    `clusters`, when given, are the round's known clusters (slug → name): a row
    must name one of them by slug or exact name.
    """
    reader = _Reader(file, q=questionnaire or load())
    answers = _answers_table(tables)
    if answers is None:
        reason_da = "har intet ark med svar"
        raise InputError([Problem("has no sheet with answers", file=file, reason_da=reason_da)])
    overrides = {"region": region, "since": since, "organisation": organisation, "title": title}
    info = reader.round_info(_find(tables, ROUND_SHEET), overrides)
    actors = reader.choices(_find(tables, ACTORS_SHEET))
    efforts = reader.choices(_find(tables, EFFORTS_SHEET))
    # Without a region, any of Denmark's municipalities is a valid answer.
    known = geography.municipalities_in(info.region) if info.region else geography.municipalities()
    municipalities = tuple(Choice(m.code, m.name) for m in known)
    reader.sources = {
        "municipalities": {c.slug for c in municipalities},
        "actors": None if actors is None else {c.slug for c in actors},
        "efforts": None if efforts is None else {c.slug for c in efforts},
    }
    reader.region_name = geography.region(info.region).name if info.region else None
    responses = reader.responses(answers, clusters)
    if reader.errors:
        raise InputError(sorted(reader.errors, key=_reading_order))
    return RoundData(
        info=info,
        responses=responses,
        municipalities=municipalities,
        actors=actors if actors is not None else _seen(responses, "actors", reader.q),
        efforts=efforts if efforts is not None else _seen(responses, "efforts", reader.q),
        warnings=tuple(sorted(reader.warnings, key=_reading_order)),
    )


def slugify(name: str) -> str:
    """A cluster name as a slug: "Energy Cluster Denmark" → "energy-cluster-denmark"."""
    text = unicodedata.normalize("NFKD", name.casefold().translate(_TRANSLITERATION))
    text = text.encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def _reading_order(problem: Problem) -> tuple[str, int, int]:
    """Sheet, row, then column: the order a person reads the file in."""
    letters = (problem.cell or "").rstrip("0123456789")
    column = sum((ord(c) - 64) * 26**i for i, c in enumerate(reversed(letters)))
    return (problem.sheet or "", problem.row or 0, column)


def _find(tables: Mapping[str, Table], name: str) -> Table | None:
    wanted = unicodedata.normalize("NFC", name).casefold()
    for key, table in tables.items():
        if unicodedata.normalize("NFC", key).strip().casefold() == wanted:
            return table
    return None


def _answers_table(tables: Mapping[str, Table]) -> Table | None:
    found = _find(tables, ANSWERS_SHEET)
    if found is not None:
        return found
    others = {ROUND_SHEET, ACTORS_SHEET, EFFORTS_SHEET}
    return next((t for k, t in tables.items() if k.strip().casefold() not in others), None)


def _text_cell(table: Table, raw: object) -> object:
    """A free-text cell as written: a CSV file's formula guard (``'=…``) is taken off."""
    return unguard_formula(raw) if table.sheet is None and isinstance(raw, str) else raw


def _seen(responses: tuple[Response, ...], source: str, q: Questionnaire) -> tuple[Choice, ...]:
    """Without an aktører/indsatser sheet, the round's list is the slugs the answers use."""
    ids = [question.id for question in q.questions if question.options_from == source]
    slugs = {code for r in responses for qid in ids for code in r.answers.get(qid, ())}
    return tuple(Choice(slug, slug) for slug in sorted(slugs))


@dataclass
class _Columns:
    """Where each known column of the answers sheet is (0-based index)."""

    fixed: dict[str, int] = field(default_factory=dict)
    questions: dict[str, int] = field(default_factory=dict)
    basis: dict[str, int] = field(default_factory=dict)


@dataclass
class _Reader(SheetReader):
    q: Questionnaire = field(default_factory=load)
    sources: dict[str, set[str] | None] = field(default_factory=dict)
    region_name: str | None = None

    def responses(self, table: Table, clusters: Mapping[str, str] | None) -> tuple[Response, ...]:
        columns = self._columns(table)
        if columns is None:
            return ()
        responses: list[Response] = []
        rows_by_cluster: dict[str, int] = {}
        basis_missing: dict[str, int] = {}
        for row in table.rows:
            response = self._response(table, row, columns, clusters, basis_missing)
            if response is None:
                continue
            if response.cluster in rows_by_cluster:
                first = rows_by_cluster[response.cluster]
                reason = f"is a duplicate cluster row (also row {first})"
                reason_da = f"står to gange (også række {first})"
                index = columns.fixed["cluster"]
                self.problem(reason, reason_da, table, row.number, index, value=row.get(index))
                continue
            rows_by_cluster[response.cluster] = row.number
            responses.append(response)
        for qid, count in basis_missing.items():
            reason = (
                f"basis not stated for {count} answer(s): "
                f"there is no {qid}{BASIS_SUFFIX} column (counted or estimated)"
            )
            reason_da = (
                f"grundlaget er ikke angivet for {count} svar: "
                f"der er ingen {qid}{BASIS_SUFFIX}-kolonne (opgjort eller skønnet)"
            )
            self.problem(reason, reason_da, table, column=qid, warning=True)
        return tuple(responses)

    def _columns(self, table: Table) -> _Columns | None:
        columns = _Columns()
        seen: dict[str, int] = {}
        int_ids = {q.id for q in self.q.questions if q.type == "int"}
        for index, raw_name in enumerate(table.header):
            name = raw_name.casefold()
            row = table.header_row
            if name == "":
                continue
            if name in seen:
                first = column_letter(seen[name])
                reason = f"is a duplicate column (also {first})"
                reason_da = f"er en kolonne, der står to gange (også {first})"
                self.problem(reason, reason_da, table, row, index)
                continue
            seen[name] = index
            if name in FIXED_COLUMNS:
                columns.fixed[name] = index
            elif self.q.has(name):
                columns.questions[name] = index
            elif name.endswith(BASIS_SUFFIX) and name[: -len(BASIS_SUFFIX)] in int_ids:
                columns.basis[name[: -len(BASIS_SUFFIX)]] = index
            else:
                reason = "is not a known column (cluster, status, a question id or <id>.basis)"
                reason_da = (
                    "er ikke en kendt kolonne (cluster, status, et spørgsmåls id eller <id>.basis)"
                )
                self.problem(reason, reason_da, table, row, index)
        self._headerless_values(table)
        for name in ("cluster", "status"):
            if name not in columns.fixed:
                reason = "is a required column and is missing"
                self.problem(reason, REQUIRED_DA, table, table.header_row, column=name)
        if "cluster" not in columns.fixed or "status" not in columns.fixed:
            return None
        return columns

    def _headerless_values(self, table: Table) -> None:
        """A value under an empty header would be silently lost: refuse it (once per column)."""
        width = max((len(row.values) for row in table.rows), default=0)
        for index in range(width):
            if index < len(table.header) and table.header[index] != "":
                continue
            row = next((r for r in table.rows if r.get(index) is not None), None)
            if row is not None:
                reason, reason_da = (
                    "is in a column without a header",
                    "står i en kolonne uden overskrift",
                )
                value = row.get(index)
                self.problem(reason, reason_da, table, row.number, index, column="", value=value)

    def _response(
        self,
        table: Table,
        row: Row,
        columns: _Columns,
        clusters: Mapping[str, str] | None,
        basis_missing: dict[str, int],
    ) -> Response | None:
        identity = self._cluster(table, row, columns, clusters)
        status = self._status(table, row, columns.fixed["status"])
        answers: dict[str, Value] = {}
        basis: dict[str, str | None] = {}
        for question in self.q.questions:
            index = columns.questions.get(question.id)
            basis_at = columns.basis.get(question.id)
            if status == "none":
                for at in (index, basis_at):
                    if at is not None and row.get(at) is not None:
                        reason = "is an answer in a row whose status is none"
                        reason_da = "er et svar i en række med status »ingen«"
                        self.problem(reason, reason_da, table, row.number, at, value=row.get(at))
                continue
            value = self._answer(table, row, index, question) if index is not None else None
            if value is not None:
                answers[question.id] = value
            if question.type == "int":
                answered_cell = index is not None and row.get(index) is not None
                given = self._basis(
                    table, row, basis_at, question, value, answered_cell, basis_missing
                )
                if value is not None:
                    basis[question.id] = given
        if identity is None or status is None:
            return None
        self._row_warnings(table, row, columns, answers)
        slug, name = identity
        return Response(cluster=slug, status=status, answers=answers, basis=basis, name=name)

    def _cluster(
        self, table: Table, row: Row, columns: _Columns, clusters: Mapping[str, str] | None
    ) -> tuple[str, str | None] | None:
        index = columns.fixed["cluster"]
        text = cell_text(row.get(index))
        name_at = columns.fixed.get("name")
        name = (
            (cell_text(_text_cell(table, row.get(name_at))) or None)
            if name_at is not None
            else None
        )
        if text == "":
            self.problem("is empty", EMPTY_DA, table, row.number, index)
            return None
        for at, given in ((index, text), (name_at, name or "")):
            if len(given) > NAME_MAX:
                reason = f"is longer than {NAME_MAX} characters"
                reason_da = f"er længere end {NAME_MAX} tegn"
                self.problem(reason, reason_da, table, row.number, at, value=given[:40] + "…")
                return None
        if clusters is not None:
            if text in clusters:
                return text, clusters[text]
            by_name = {cluster_name.strip(): slug for slug, cluster_name in clusters.items()}
            if text in by_name:
                return by_name[text], clusters[by_name[text]]
            reason, reason_da = "is not a cluster of this round", "er ikke en klynge i denne runde"
            self.problem(reason, reason_da, table, row.number, index, value=text)
            return None
        if SLUG.match(text) and len(text) <= SLUG_MAX:
            return text, name
        slug = slugify(text)[:SLUG_MAX].rstrip("-")
        if not slug:
            reason, reason_da = (
                "is not a cluster slug or name",
                "er ikke en klynges korte navn eller navn",
            )
            self.problem(reason, reason_da, table, row.number, index, value=text)
            return None
        return slug, name or text

    def _status(self, table: Table, row: Row, index: int) -> Status | None:
        raw = row.get(index)
        if raw is None:
            self.problem("is empty", EMPTY_DA, table, row.number, index)
            return None
        word = cell_text(raw).casefold()
        if word not in STATUS_WORDS:
            reason = "is not a status (complete, partial or none; gennemført, delvis or ingen)"
            reason_da = (
                "er ikke en status (gennemført, delvis eller ingen; complete, partial eller none)"
            )
            self.problem(reason, reason_da, table, row.number, index, value=raw)
            return None
        return STATUS_WORDS[word]

    def _answer(self, table: Table, row: Row, index: int, question: Question) -> Value | None:
        raw = row.get(index)
        if question.type == "text":
            raw = _text_cell(table, raw)
        source = question.options_from
        try:
            return validate_answer(question, raw, choices=self.sources.get(source))
        except ValueError as exc:
            reason, reason_da = str(exc), danish_reason(exc) or str(exc)
            if source == "municipalities" and self.region_name:
                reason = reason.replace(
                    "one of the round's municipalities", f"a municipality in {self.region_name}"
                )
                reason_da = reason_da.replace(
                    "en af rundens kommuner", f"en kommune i {self.region_name}"
                )
            self.problem(reason, reason_da, table, row.number, index, value=raw)
            return None

    def _basis(
        self,
        table: Table,
        row: Row,
        index: int | None,
        question: Question,
        value: Value | None,
        answered_cell: bool,
        basis_missing: dict[str, int],
    ) -> str | None:
        raw = row.get(index) if index is not None else None
        try:
            given = validate_basis(raw)
        except ValueError as exc:
            reason_da = danish_reason(exc) or str(exc)
            self.problem(str(exc), reason_da, table, row.number, index, value=raw)
            return None
        if given is not None and not answered_cell:
            reason, reason_da = "is a basis given without a value", "er et grundlag uden en værdi"
            self.problem(reason, reason_da, table, row.number, index, value=raw)
        if value is not None and given is None:
            if index is None:
                basis_missing[question.id] = basis_missing.get(question.id, 0) + 1
            else:
                reason = "basis not stated (counted or estimated)"
                reason_da = "grundlaget er ikke angivet (opgjort eller skønnet)"
                self.problem(reason, reason_da, table, row.number, index, warning=True)
        return given

    def _row_warnings(
        self, table: Table, row: Row, columns: _Columns, answers: Mapping[str, Value]
    ) -> None:
        for check_id, detail in self.q.consistency_warnings(answers):
            check = self.q.check(check_id)
            index = columns.questions.get(check.subject)
            detail_da = check.detail(answers, "da") or detail
            self.problem(
                detail, detail_da, table, row.number, index, column=check.subject, warning=True
            )
        for question in self.q.questions:
            rule = question.show_if
            if rule is None or question.id not in answers or rule.question not in answers:
                continue
            if not rule.holds(answers):
                shown = "is" if rule.operator == "in" else "is not"
                values = " or ".join(sorted(rule.values))
                reason = (
                    f"is answered although the form shows it only when "
                    f"{rule.question} {shown} {values}"
                )
                shown_da = "er" if rule.operator == "in" else "ikke er"
                values_da = " eller ".join(sorted(rule.values))
                reason_da = (
                    f"er besvaret, selv om skemaet kun viser det, når "
                    f"{rule.question} {shown_da} {values_da}"
                )
                index = columns.questions.get(question.id)
                self.problem(reason, reason_da, table, row.number, index, warning=True)
