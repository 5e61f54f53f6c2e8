from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("infrastructure", "0004_history_valid_until"),
        ("regions", "0004_history_indexes"),
        ("zones", "0005_history_indexes"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddIndex(
            model_name="historicalfacility",
            index=models.Index(fields=["name_en", "slug"], name="infrastruct_name_en_34c8d5_idx"),
        ),
        migrations.AddIndex(
            model_name="historicalfacility",
            index=models.Index(fields=["name_zh", "slug"], name="infrastruct_name_zh_c58f24_idx"),
        ),
        migrations.AddIndex(
            model_name="historicalfacility",
            index=models.Index(fields=["kind", "slug"], name="infrastruct_kind_163aea_idx"),
        ),
        migrations.AddIndex(
            model_name="historicalfacility",
            index=models.Index(fields=["status", "slug"], name="infrastruct_status_550d4d_idx"),
        ),
        migrations.AddIndex(
            model_name="historicalfacility",
            index=models.Index(fields=["expected_completion", "slug"], name="infrastruct_expecte_d64162_idx"),
        ),
    ]
