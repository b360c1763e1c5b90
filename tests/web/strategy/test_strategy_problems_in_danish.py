"""The collaboration-model page refuses a bad fit, threshold or decision in the page's language."""

from __future__ import annotations

import html

import pytest
from django.conf import settings
from django.urls import reverse

from klyngeradar.web.strategy.models import Decision, FitOverride, RoundThresholds

pytestmark = pytest.mark.django_db


@pytest.fixture
def analyst_in(client_for, analyst):
    """The analyst's client with the interface language chosen as with the language switch."""

    def client_in(lang):
        client = client_for(analyst)
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = lang
        return client

    return client_in


def page_text(response) -> str:
    return html.unescape(response.content.decode())


def fit_url(round) -> str:
    kwargs = {"round_id": round.pk, "cluster": "klynge-a", "effort": "digitalisering"}
    return reverse("strategy:fit_cell", kwargs=kwargs)


def thresholds_url(round) -> str:
    return reverse("strategy:thresholds", kwargs={"round_id": round.pk})


def decide_url(round) -> str:
    kwargs = {"round_id": round.pk, "level": "cluster", "subject": "klynge-a"}
    return reverse("strategy:decide", kwargs=kwargs)


THRESHOLDS = {"high_fit": 2, "effort_support": 2, "effort_call_min": 3, "shared_environment_min": 3}


@pytest.mark.parametrize(
    ("lang", "shown", "hidden"),
    [
        (
            "da",
            "Skriv en note om, hvorfor du sætter dette fit.",
            "Write a note on why you set this fit.",
        ),
        (
            "en",
            "Write a note on why you set this fit.",
            "Skriv en note om, hvorfor du sætter dette fit.",
        ),
    ],
)
def test_a_fit_without_a_note_is_refused_in_the_pages_language(
    analyst_in, demo_round_db, lang, shown, hidden
):
    response = analyst_in(lang).post(fit_url(demo_round_db), {"score": "3", "note": " "})

    assert response.status_code == 200
    text = page_text(response)
    assert shown in text
    assert hidden not in text
    assert not FitOverride.objects.exists()


@pytest.mark.parametrize(
    ("lang", "field", "shown", "hidden"),
    [
        ("da", "high_fit", "Ugyldig grænse: skal være ≥ 1", "must be ≥ 1"),
        ("en", "high_fit", "Invalid threshold: must be ≥ 1", "skal være ≥ 1"),
        ("da", "effort_call_min", "Ugyldig grænse: skal være ≥ 1", "must be ≥ 1"),
        ("en", "effort_call_min", "Invalid threshold: must be ≥ 1", "skal være ≥ 1"),
    ],
)
def test_a_threshold_the_rules_refuse_is_named_in_the_pages_language(
    analyst_in, demo_round_db, lang, field, shown, hidden
):
    data = THRESHOLDS | {field: 0}

    response = analyst_in(lang).post(thresholds_url(demo_round_db), data)

    assert response.status_code == 400
    text = page_text(response)
    assert shown in text
    assert hidden not in text
    assert response.context["thresholds_form"].errors[field] == [shown]
    assert not RoundThresholds.objects.exists()


@pytest.mark.parametrize(
    ("lang", "data", "shown", "hidden"),
    [
        (
            "da",
            {"verdict": "rejected", "reason": ""},
            "Skriv en begrundelse, når du vælger en anden model eller afviser anbefalingen.",
            "Write a reason when you choose another model or reject the recommendation.",
        ),
        (
            "en",
            {"verdict": "rejected", "reason": ""},
            "Write a reason when you choose another model or reject the recommendation.",
            "Skriv en begrundelse, når du vælger en anden model eller afviser anbefalingen.",
        ),
        (
            "da",
            {"verdict": "changed", "chosen_model": "", "reason": "Passer bedre"},
            "Vælg den model, der skal bruges i stedet.",
            "Choose the model to use instead.",
        ),
        (
            "en",
            {"verdict": "changed", "chosen_model": "", "reason": "Fits better"},
            "Choose the model to use instead.",
            "Vælg den model, der skal bruges i stedet.",
        ),
    ],
)
def test_a_decision_the_rules_refuse_is_named_in_the_pages_language(
    analyst_in, demo_round_db, lang, data, shown, hidden
):
    response = analyst_in(lang).post(decide_url(demo_round_db), data)

    assert response.status_code == 200
    text = page_text(response)
    assert shown in text
    assert hidden not in text
    assert not Decision.objects.exists()
