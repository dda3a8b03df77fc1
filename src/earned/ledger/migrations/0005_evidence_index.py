"""What the working model's evidence reads of each tested experience, in an index of its own:
the tallies join thousands of experiences by id, and each row holds its encrypted text too."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("ledger", "0004_kind_messages"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="experience",
            index=models.Index(
                fields=[
                    "id",
                    "status",
                    "occurred",
                    "felt",
                    "window",
                    "explained_away",
                    "happens_at",
                ],
                name="experience_evidence",
            ),
        ),
    ]
