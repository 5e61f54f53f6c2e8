from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("companies", "0005_history_indexes"),
        ("events", "0005_history_indexes"),
        ("industries", "0005_history_indexes"),
        ("infrastructure", "0005_history_indexes"),
        ("projects", "0004_history_indexes"),
        ("recognitions", "0003_history_valid_until"),
        ("regions", "0004_history_indexes"),
        ("zones", "0005_history_indexes"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddIndex(
            model_name="historicaldistinction",
            index=models.Index(fields=["name_en", "slug"], name="recognition_name_en_469d00_idx"),
        ),
        migrations.AddIndex(
            model_name="historicaldistinction",
            index=models.Index(fields=["kind", "slug"], name="recognition_kind_7db6da_idx"),
        ),
        migrations.AddIndex(
            model_name="historicaldistinction",
            index=models.Index(fields=["scope", "slug"], name="recognition_scope_fe9e7c_idx"),
        ),
        migrations.AddIndex(
            model_name="historicaldistinction",
            index=models.Index(fields=["rank", "slug"], name="recognition_rank_f7c9e3_idx"),
        ),
    ]
