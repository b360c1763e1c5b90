"""The four collaboration models and the pre-agreement checklist, from the 2023 seed report.

Data, not logic: the rules in `klyngeradar.core.strategy.recommendations` choose a model
by its code; everything a person reads about a model is here, in Danish and English.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

ModelCode = Literal[
    "cross_municipal_agreement", "targeted_call", "shared_environment", "concrete_collaboration"
]


@dataclass(frozen=True)
class CollaborationModel:
    code: ModelCode
    name_da: str
    name_en: str
    description_da: str
    description_en: str

    def name(self, lang: str = "da") -> str:
        return self.name_en if lang == "en" else self.name_da

    def description(self, lang: str = "da") -> str:
        return self.description_en if lang == "en" else self.description_da


@dataclass(frozen=True)
class ChecklistItem:
    """One thing to agree on before a collaboration is entered into."""

    code: str
    da: str
    en: str

    def text(self, lang: str = "da") -> str:
        return self.en if lang == "en" else self.da


MODELS: tuple[CollaborationModel, ...] = (
    CollaborationModel(
        "cross_municipal_agreement",
        "Tværkommunale aftaler gennem BRN",
        "Cross-municipal agreements through BRN",
        "Specifikke aftaler går gennem det regionale samarbejde, så de gælder på tværs af "
        "kommunegrænser. Kommuner med særlige interesser og erhvervsstrukturer kan bidrage "
        "yderligere økonomisk og sætte konkrete mål for deres område. De lokale "
        "erhvervsfremmeaktører inddrages, og den fysiske lokation kan gå på omgang i regionen "
        "(erfaringer fra Fyn).",
        "Specific agreements go through the regional body, so that they apply across municipal "
        "borders. Municipalities with special interests and business structures can add funding "
        "and set concrete targets for their area. Local business-promotion actors are involved, "
        "and the physical location can rotate around the region (experience from Funen).",
    ),
    CollaborationModel(
        "targeted_call",
        "Satsning/udbud inden for en central indsats",
        "A targeted call within a central effort",
        "En satsning eller et udbud med økonomi inden for en af regionens centrale indsatser, "
        "hvor klynger, regionale erhvervsfremmeaktører og virksomheder samarbejder om at løse "
        "opgaven – med klare rammer og mål og tæt opfølgning (erfaringer fra Sjælland).",
        "A funded call within one of the region's central efforts, in which clusters, regional "
        "business-promotion actors and companies work together on the task, with a clear frame, "
        "goals and close follow-up (experience from Zealand).",
    ),
    CollaborationModel(
        "shared_environment",
        "Fælles fysisk innovations- og erhvervsfremmemiljø",
        "A shared physical innovation and business-promotion environment",
        "Ét fysisk sted (fx i Aalborg), hvor alle regionens erhvervsfremmeaktører og klynger "
        "mødes; nogle har kontor der, andre kommer til faste fælles møder, projekter og "
        "aktiviteter. En facilitator står alene for at facilitere dialogen og samarbejdet.",
        "One physical place (e.g. in Aalborg) where all the region's business-promotion actors "
        "and clusters meet; some have an office there, others come to regular joint meetings, "
        "projects and activities. A dedicated facilitator runs the dialogue and the collaboration.",
    ),
    CollaborationModel(
        "concrete_collaboration",
        "Samarbejde om noget konkret",
        "Collaboration on something concrete",
        "Start med noget konkret: events, temadage, værditilbud eller projekter, så relationen "
        "bygges op gennem fælles aktiviteter – og regionen bliver first mover.",
        "Start with something concrete: events, theme days, value offers or projects, so that "
        "the relationship is built through joint activities, and the region becomes first mover.",
    ),
)

CHECKLIST: tuple[ChecklistItem, ...] = (
    ChecklistItem(
        "core_task",
        "Respektér klyngens kerneopgave (innovation, videnbrobygning, internationalisering): "
        "klyngerne har ingen driftsbevilling.",
        "Respect the cluster's core task (innovation, knowledge transfer, internationalisation): "
        "clusters have no operating grant.",
    ),
    ChecklistItem(
        "concrete_agreement",
        "Gør aftalen konkret og tydelig: jo mere konkret, jo større udbytte for alle parter.",
        "Make the agreement concrete and clear: the more concrete, the more every party gains.",
    ),
    ChecklistItem(
        "clear_roles",
        "Aftal en tydelig rollefordeling og forventningsafstemning med regionens øvrige aktører "
        "(fx Green Hub Denmark og Energy Cluster Denmark).",
        "Agree clear roles and expectations with the region's other actors "
        "(e.g. Green Hub Denmark and Energy Cluster Denmark).",
    ),
    ChecklistItem(
        "across_borders",
        "Lav samarbejdet på tværs af kommunegrænser: virksomheder og klynger arbejder uden "
        "kommunegrænser.",
        "Work across municipal borders: companies and clusters do not stop at them.",
    ),
    ChecklistItem(
        "goals_kpis",
        "Sæt tydelige mål og KPI'er, og følg løbende op på dem.",
        "Set clear goals and KPIs, and follow them up regularly.",
    ),
)


def model(code: str) -> CollaborationModel:
    """The model with `code`; raises KeyError for an unknown code."""
    for candidate in MODELS:
        if candidate.code == code:
            return candidate
    raise KeyError(code)
