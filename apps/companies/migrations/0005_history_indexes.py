from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("companies", "0004_history_valid_until"),
        ("regions", "0004_history_indexes"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddIndex(
            model_name="historicalcompany",
            index=models.Index(fields=["name_en", "slug"], name="companies_h_name_en_542f96_idx"),
        ),
        migrations.AddIndex(
            model_name="historicalcompany",
            index=models.Index(fields=["name_zh", "slug"], name="companies_h_name_zh_4311bd_idx"),
        ),
    ]
