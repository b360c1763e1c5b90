"""The demo's identity, shared by the CLI's demo command and the web apps' demo steps.

The demo organisation, its region and the letters of its fictitious clusters are
defined here, at the bottom of the layers, so that both `klyngeradar.cli.demo` and
the demo steps in `klyngeradar.web.*.demo` import them without pointing upward.
The demo round itself is `klyngeradar.core.surveys.demo`.
"""

from __future__ import annotations

DEMO_ORGANISATION = {"slug": "brn", "name": "Business Region North Denmark", "short_name": "BRN"}
DEMO_REGION = "1081"
DEMO_CLUSTER_LETTERS = "ABCDEFGHIJKLM"
