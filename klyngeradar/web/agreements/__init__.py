"""Agreements between a cluster and regional parties: KPIs, follow-ups, participation by CVR."""
