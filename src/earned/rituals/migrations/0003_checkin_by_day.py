"""A day's check-ins found by an index that also holds their mood and energy, for Insights."""

from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("rituals", "0002_visibility"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name="checkin",
            name="rituals_che_owner_i_7d4d56_idx",
        ),
        migrations.AddIndex(
            model_name="checkin",
            index=models.Index(fields=["owner", "day", "mood", "energy"], name="checkin_by_day"),
        ),
    ]
