from django.urls import path

from klyngeradar.web.jobs import views

app_name = "jobs"

urlpatterns = [
    path("<int:pk>/", views.job_detail, name="job_detail"),
    path("<int:pk>/fil/", views.job_download, name="job_download"),
]
