"""URL routes: each app has its own namespace (registry:, dashboard:, ...)."""

from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("", include("klyngeradar.web.dashboard.urls")),
    path("klynger/", include("klyngeradar.web.registry.urls")),
    path("", include("klyngeradar.web.surveys.urls")),
    path("aftaler/", include("klyngeradar.web.agreements.urls")),
    path("", include("klyngeradar.web.findings.urls")),
    path("", include("klyngeradar.web.strategy.urls")),
    path("", include("klyngeradar.web.specialisation.urls")),
    path("rapporter/", include("klyngeradar.web.reports.urls")),
    path("", include("klyngeradar.web.maps.urls")),
    path("job/", include("klyngeradar.web.jobs.urls")),
    path("persondata/", include("klyngeradar.web.privacy.urls")),
    path("", include("klyngeradar.web.api.urls")),
    path("konto/", include("allauth.urls")),
    path("sprog/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
]
