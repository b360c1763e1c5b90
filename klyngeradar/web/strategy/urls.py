from django.urls import path

from klyngeradar.web.strategy import views

app_name = "strategy"
MODELS = "runder/<int:round_id>/samarbejdsmodeller/"
urlpatterns = [
    path("strategi/", views.strategy_page, name="strategy"),
    path("strategi/rediger/", views.strategy_edit, name="strategy_edit"),
    path(MODELS, views.models_page, name="models"),
    path(f"{MODELS}fit/<slug:cluster>/<slug:effort>/", views.fit_cell, name="fit_cell"),
    path(
        f"{MODELS}fit/<slug:cluster>/<slug:effort>/fjern/",
        views.fit_cell_clear,
        name="fit_cell_clear",
    ),
    path(f"{MODELS}graenser/", views.thresholds_edit, name="thresholds"),
    path(f"{MODELS}kortliste/", views.shortlist_choice, name="shortlist"),
    path(f"{MODELS}beslutning/<str:level>/<slug:subject>/", views.decide, name="decide"),
]
