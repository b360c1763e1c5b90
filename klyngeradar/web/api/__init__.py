"""The read API for BI tools (/api/v1/) and the personal API tokens that open it."""
