"""Surveys: the questionnaire, a round's responses, the exchange format (read, sheets,
write) and the demo round.

Imports the shared ground and `registry`; never findings, strategy, agreements or reports.
"""
