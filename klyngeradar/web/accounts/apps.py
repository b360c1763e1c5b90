from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "klyngeradar.web.accounts"
    label = "accounts"
    verbose_name = _("Brugere og roller")

    def ready(self) -> None:
        # The admin registered every app's models when it started (it comes first).
        from klyngeradar.web.accounts.adminsite import lock

        lock()
