"""What Insights reads of a period's experiences, and when each was written, in indexes of their
own: ten years of them are read from the index instead of through rows of encrypted text."""

from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("ledger", "0005_evidence_index"),
        ("relationships", "0003_kind_messages"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddIndex(
            model_name="experience",
            index=models.Index(
                fields=[
                    "owner",
                    "status",
                    "happens_at",
                    "likelihood",
                    "occurred",
                    "peak_distress",
                    "window",
                    "responses",
                    "explained_away",
                    "felt",
                    "context",
                    "person",
                ],
                name="experience_insights",
            ),
        ),
        migrations.AddIndex(
            model_name="experience",
            index=models.Index(fields=["owner", "created_at"], name="experience_written"),
        ),
    ]
