"""Versioned questionnaires as data (v1.json, …).

Loaded by klyngeradar.core.surveys.questionnaire.
"""
