"""Every test an expectation has had, counted from an index of its own: the working model and
Insights add up ten years of them without reading the rows."""

from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("ledger", "0006_insights_indexes"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddIndex(
            model_name="tested",
            index=models.Index(
                fields=["owner", "expectation", "experience", "id"], name="tested_by"
            ),
        ),
    ]
