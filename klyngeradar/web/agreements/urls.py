from django.urls import path

from klyngeradar.web.agreements import downloads, imports, views

app_name = "agreements"
urlpatterns = [
    path("", views.agreement_list, name="agreement_list"),
    path("ny/", views.agreement_create, name="agreement_create"),
    path("deltagere/", imports.participation, name="participation"),
    path("deltagere/<int:pk>/slet/", imports.participation_delete, name="participation_delete"),
    path("dokumentation/", downloads.documentation_package, name="documentation_package"),
    path("<slug:slug>/", views.agreement_detail, name="agreement_detail"),
    path("<slug:slug>/rediger/", views.agreement_edit, name="agreement_edit"),
    path("<slug:slug>/kpi/ny/", views.kpi_form, name="kpi_add"),
    path("<slug:slug>/kpi/<int:pk>/", views.kpi_form, name="kpi_edit"),
    path("<slug:slug>/kpi/<int:kpi_pk>/opfoelgning/", views.followup_add, name="followup_add"),
    path("<slug:slug>/dokumenter/ny/", views.document_upload, name="document_upload"),
    path("<slug:slug>/dokumenter/<int:pk>/", views.document_download, name="document_download"),
    path(
        "<slug:slug>/aftaletekst.<str:fmt>", downloads.agreement_document, name="agreement_document"
    ),
    path("<slug:slug>/<str:part>/ny/", views.part_form, name="part_add"),
    path("<slug:slug>/<str:part>/<int:pk>/", views.part_form, name="part_edit"),
    path("<slug:slug>/<str:part>/<int:pk>/slet/", views.part_delete, name="part_delete"),
]
