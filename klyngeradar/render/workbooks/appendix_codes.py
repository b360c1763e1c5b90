"""The technical sheet ``Koder`` (English ``Codes``), the appendices' last sheet.

Every other sheet names things in words; this one lists the codes behind the
words once — clusters, actors, municipalities, efforts, questions and their
options, findings, collaboration models and the programme — for a reader who
joins the appendices with the survey export, the API or a BI model.
"""

from __future__ import annotations

from collections.abc import Iterable

from klyngeradar.core.findings.model import FINDING_KEYS
from klyngeradar.core.registry.geography import municipalities
from klyngeradar.core.registry.programmes import Programme
from klyngeradar.core.registry.reference import ClusterFacts
from klyngeradar.core.strategy.catalogue import MODELS
from klyngeradar.core.surveys.questionnaire import load
from klyngeradar.core.surveys.responses import RoundData
from klyngeradar.render.workbooks.appendix_labels import FINDINGS, label


def codes_sheet(
    writer,
    round: RoundData,
    clusters: Iterable[ClusterFacts] = (),
    programme: Programme | None = None,
) -> None:
    """Add ``Koder`` to the appendices `writer` (`appendices._Sheets`); call it last."""
    t, lang = writer.t, writer.lang
    rows: list[tuple[str, str, str]] = []
    seen: set[str] = set()
    kind = t("klynge", "cluster")
    for response in round.responses:
        rows.append((kind, response.cluster, response.label))
        seen.add(response.cluster)
    rows += [(kind, c.slug, c.name) for c in clusters if c.slug not in seen]
    rows += [(t("aktør", "actor"), a.slug, a.name) for a in round.actors]
    region = round.info.region
    rows += [
        (t("kommune", "municipality"), m.code, m.name)
        for m in municipalities()
        if region is None or m.region == region
    ]
    rows += [(t("indsats", "effort"), e.slug, e.name) for e in round.efforts]
    for question in load().questions:
        rows.append((t("spørgsmål", "question"), question.id, question.label.get(lang)))
        rows += [
            (t("svarmulighed", "option"), f"{question.id}={o.code}", o.label.get(lang))
            for o in question.options
        ]
    rows += [(t("fund", "finding"), key, label(FINDINGS, key, lang)) for key in FINDING_KEYS]
    rows += [
        (
            t("samarbejdsmodel", "collaboration model"),
            m.code,
            m.name_da if lang == "da" else m.name_en,
        )
        for m in MODELS
    ]
    if programme is not None:
        rows.append((t("programperiode", "programme period"), programme.slug, programme.name))
    writer.table(
        t("Koder", "Codes"),
        (t("slags", "kind"), t("kode", "code"), t("navn", "name")),
        rows,
        caption=t("Koder bag bilagenes navne (teknisk)", "Codes behind the names (technical)"),
    )
