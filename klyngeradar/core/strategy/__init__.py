"""Strategy: the regional strategy (`plan`), fit, engagement, recommendations, decisions,
and the catalogue of collaboration models.

Imports the shared ground, `registry` and `surveys`; never findings, agreements or reports.
"""
