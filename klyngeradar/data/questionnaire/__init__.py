"""Versioned questionnaires as data (v1.json, …), loaded by klyngeradar.core.questionnaire."""
