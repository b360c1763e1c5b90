# Merges the round-year and the version migrations, added side by side.

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('surveys', '0002_programmes_round_year'),
        ('surveys', '0002_reliability_versions'),
    ]

    operations = [
    ]
