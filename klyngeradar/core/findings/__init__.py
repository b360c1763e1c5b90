"""Findings: the rules (`rules`), their result model, consistency checks, phrases and sentences.

Imports the shared ground, `registry` and `surveys`; never strategy, agreements or reports.
"""
