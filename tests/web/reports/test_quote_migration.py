"""The migration that gives stored quotes their theme, edit and confirmation keys."""

from __future__ import annotations

import importlib

import pytest
from django.db import connection
from django.db.migrations.loader import MigrationLoader

from klyngeradar.web.reports.models import QuoteChoice

pytestmark = pytest.mark.django_db

migration = importlib.import_module(
    "klyngeradar.web.reports.migrations.0004_quotes_theme_edit_confirm"
)
OLD = [{"question": "agreements.optimal", "cluster": "klynge-a"}]
NEW = [
    {
        "question": "agreements.optimal",
        "cluster": "klynge-a",
        "theme": "",
        "text": None,
        "answer": None,
        "confirmed": [],
    }
]


def migration_apps():
    """The models as the migration sees them (no history signals, as in a real migrate)."""
    loader = MigrationLoader(connection)
    return loader.project_state(("reports", "0004_quotes_theme_edit_confirm")).apps


def test_it_gives_an_old_choice_the_new_keys_and_back_without_touching_history(demo_db_round):
    choice = QuoteChoice.objects.create(round=demo_db_round, quotes=OLD)
    history = list(choice.history.values_list("quotes", flat=True))
    state = migration_apps()

    migration.forward(state, None)
    choice.refresh_from_db()
    assert choice.quotes == NEW
    assert choice.items[("agreements.optimal", "klynge-a")] == NEW[0]

    migration.backward(state, None)
    choice.refresh_from_db()
    assert choice.quotes == OLD
    assert list(choice.history.values_list("quotes", flat=True)) == history


def test_an_old_item_reads_as_unedited_unthemed_and_unconfirmed(demo_db_round):
    choice = QuoteChoice.objects.create(round=demo_db_round, quotes=OLD)
    assert choice.items == {("agreements.optimal", "klynge-a"): NEW[0]}
