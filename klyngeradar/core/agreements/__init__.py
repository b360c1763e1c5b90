"""Agreements: KPIs, participation lists, the documentation package and the agreement document.

Imports the shared ground and `registry` (CVR); never surveys, findings, strategy or reports.
"""
