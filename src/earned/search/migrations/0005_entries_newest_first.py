"""A person's search entries in date order, newest first: a search for a common word walks them
to find its newest matches, rather than sorting thousands of matches by date (issue 26)."""

from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0004_terms_unchecked_links"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddIndex(
            model_name="entry",
            index=models.Index(fields=["owner", "at"], name="search_entry_newest"),
        ),
    ]
