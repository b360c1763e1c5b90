"""WSGI entry point (gunicorn serves ``klyngeradar.web.wsgi:application``)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "klyngeradar.web.settings")

application = get_wsgi_application()
