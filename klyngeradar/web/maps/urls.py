from django.urls import path

from klyngeradar.web.maps import views

app_name = "maps"
urlpatterns = [
    path("start/", views.landing, name="landing"),
    path("kommuner/<str:code>/", views.municipality, name="municipality"),
]
