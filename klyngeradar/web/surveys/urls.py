"""Routes: the analyst's rounds under ``runder/``, the respondent's form under ``svar/``.

Mounted at the site root, so that the personal link is short: ``/svar/<token>/``.
A logged-in respondent reaches the same form under ``/runder/besvarelser/<id>/``.
"""

from django.urls import path

from klyngeradar.web.surveys import exchange_views, invite_views, respond_views, views

app_name = "surveys"

respondent_pages = [
    ("", "start"),
    ("afsnit/<slug:key>/", "section"),
    ("oversigt/", "summary"),
    ("indsendt/", "done"),
]

urlpatterns = [
    path("runder/", views.round_list, name="round_list"),
    path("runder/ny/", views.round_create, name="round_create"),
    path("runder/<int:pk>/", views.round_detail, name="round_detail"),
    path("runder/<int:pk>/rediger/", views.round_edit, name="round_edit"),
    path("runder/<int:pk>/luk/", views.round_close, name="round_close"),
    path("runder/<int:pk>/genaabn/", views.round_reopen, name="round_reopen"),
    path("runder/<int:pk>/inviter/", views.invite, name="invite"),
    path("runder/<int:pk>/inviter/flere/", invite_views.invite_many, name="invite_many"),
    path(
        "runder/<int:pk>/inviter/flere/bekraeft/",
        invite_views.invite_many_confirm,
        name="invite_many_confirm",
    ),
    path("runder/<int:pk>/paamind/", views.remind, name="remind"),
    path("runder/<int:pk>/klynger/<int:response>/", views.response_detail, name="response"),
    path("runder/<int:pk>/klynger/<int:response>/nyt-link/", views.resend, name="resend"),
    path("runder/<int:pk>/klynger/<int:response>/tilbagekald/", views.revoke, name="revoke"),
    path("runder/<int:pk>/klynger/<int:response>/genaabn/", views.reopen, name="reopen"),
    path("runder/<int:pk>/eksport.<str:fmt>", exchange_views.export, name="export"),
    path("runder/<int:pk>/import/", exchange_views.import_upload, name="import"),
    path("runder/<int:pk>/import/bekraeft/", exchange_views.import_confirm, name="import_confirm"),
]
for suffix, name in respondent_pages:
    urlpatterns += [
        path(
            f"svar/<str:token>/{suffix}",
            getattr(respond_views, f"link_{name}"),
            name=f"link_{name}",
        ),
        path(
            f"runder/besvarelser/<int:pk>/{suffix}",
            getattr(respond_views, f"own_{name}"),
            name=f"own_{name}",
        ),
    ]
