from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("regions", "0004_history_indexes"),
        ("zones", "0004_history_valid_until"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddIndex(
            model_name="historicalzone",
            index=models.Index(fields=["name_en", "slug"], name="zones_histo_name_en_cc4dcb_idx"),
        ),
        migrations.AddIndex(
            model_name="historicalzone",
            index=models.Index(fields=["name_zh", "slug"], name="zones_histo_name_zh_f164dd_idx"),
        ),
        migrations.AddIndex(
            model_name="historicalzone",
            index=models.Index(fields=["kind", "slug"], name="zones_histo_kind_1a76f4_idx"),
        ),
        migrations.AddIndex(
            model_name="historicalzone",
            index=models.Index(fields=["status", "slug"], name="zones_histo_status_015b82_idx"),
        ),
    ]
