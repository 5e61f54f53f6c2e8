from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("industries", "0004_history_valid_until"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddIndex(
            model_name="historicalindustry",
            index=models.Index(fields=["name_en", "slug"], name="industries__name_en_2fb480_idx"),
        ),
        migrations.AddIndex(
            model_name="historicalindustry",
            index=models.Index(fields=["name_zh", "slug"], name="industries__name_zh_975095_idx"),
        ),
        migrations.AddIndex(
            model_name="historicalindustry",
            index=models.Index(fields=["kind", "slug"], name="industries__kind_b3d0c5_idx"),
        ),
        migrations.AddIndex(
            model_name="historicalindustry",
            index=models.Index(fields=["level", "slug"], name="industries__level_ddc64b_idx"),
        ),
    ]
