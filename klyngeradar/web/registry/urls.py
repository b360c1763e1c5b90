from django.urls import path

from klyngeradar.web.registry import views

app_name = "registry"
urlpatterns = [
    path("", views.cluster_list, name="cluster_list"),
    path("aktoerer/", views.actor_list, name="actor_list"),
    path("projektmappe/", views.registry_import, name="workbook_import"),
    path("projektmappe/register.xlsx", views.registry_workbook, name="workbook"),
    path("<slug:slug>/", views.cluster_detail, name="cluster_detail"),
    path("<slug:slug>/rediger/", views.cluster_edit, name="cluster_edit"),
]
