from django.urls import path

from klyngeradar.web.dashboard import views

app_name = "dashboard"
urlpatterns = [
    path("", views.overview, name="overview"),
    path("kommer/<slug:section>/", views.coming_soon, name="coming_soon"),
]
