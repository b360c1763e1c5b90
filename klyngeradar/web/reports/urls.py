from django.urls import path

from klyngeradar.web.reports import views

app_name = "reports"
urlpatterns = [
    path("", views.report_list, name="report_list"),
    path("runde/<int:pk>/", views.round_report, name="round_report"),
    path("runde/<int:pk>/klyngesamarbejde.pptx", views.download_deck, name="deck"),
    path("runde/<int:pk>/bilag.xlsx", views.download_appendices, name="appendices"),
    path("runde/<int:pk>/skabelon/", views.upload_template, name="upload_template"),
    path("runde/<int:pk>/skabelon/<int:template>/hent/", views.template_file, name="template_file"),
    path(
        "runde/<int:pk>/skabelon/<int:template>/slet/",
        views.delete_template,
        name="delete_template",
    ),
    path("runde/<int:pk>/citater/", views.choose_quotes, name="choose_quotes"),
    path("runde/<int:pk>/bestyrelsen/", views.board_asks, name="board_asks"),
    path("runde/<int:pk>/naeste-skridt/", views.next_steps, name="next_steps"),
    path("runde/<int:pk>/titler/", views.slide_titles, name="slide_titles"),
]
