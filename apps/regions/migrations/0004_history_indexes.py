from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("regions", "0003_history_valid_until"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddIndex(
            model_name="historicalregion",
            index=models.Index(fields=["name_en", "slug"], name="regions_his_name_en_5fc2b3_idx"),
        ),
        migrations.AddIndex(
            model_name="historicalregion",
            index=models.Index(fields=["name_zh", "slug"], name="regions_his_name_zh_d261f4_idx"),
        ),
        migrations.AddIndex(
            model_name="historicalregion",
            index=models.Index(fields=["level", "slug"], name="regions_his_level_d80d94_idx"),
        ),
    ]
