from django.urls import path

from klyngeradar.web.privacy import views

app_name = "privacy"

urlpatterns = [
    path("person/", views.find_person, name="find_person"),
]
