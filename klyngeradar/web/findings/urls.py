from django.urls import path

from klyngeradar.web.findings import views

app_name = "findings"
urlpatterns = [
    path("runder/<int:round_id>/fund/", views.round_findings, name="round"),
    path("runder/<int:round_id>/fund/<slug:key>/", views.finding_detail, name="detail"),
    path(
        "runder/<int:round_id>/sammenlign/<int:old_id>/",
        views.round_comparison,
        name="compare",
    ),
]
