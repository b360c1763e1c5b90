"""The API at /api/v1/ (namespace ``api``) and the token pages (namespace ``api_tokens``)."""

from django.urls import include, path

from klyngeradar.web.api import views
from klyngeradar.web.api.api import api

token_pages = [
    path("", views.token_list, name="token_list"),
    path("<int:pk>/tilbagekald/", views.token_revoke, name="token_revoke"),
]

urlpatterns = [
    path("api/v1/", api.urls),
    path("konto/api-noegler/", include((token_pages, "api_tokens"))),
]
