from django.urls import path

from klyngeradar.web.specialisation import views

app_name = "specialisation"
urlpatterns = [
    path("erhvervsstruktur/", views.structure, name="structure"),
    path("erhvervsstruktur/upload/", views.upload, name="upload"),
]
