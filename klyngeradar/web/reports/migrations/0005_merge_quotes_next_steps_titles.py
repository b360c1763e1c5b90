from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("reports", "0004_priorities_next_steps"),
        ("reports", "0004_quotes_theme_edit_confirm"),
        ("reports", "0004_titles_slide_titles"),
    ]

    operations = []
