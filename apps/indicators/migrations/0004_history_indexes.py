from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("companies", "0005_history_indexes"),
        ("events", "0005_history_indexes"),
        ("indicators", "0003_history_valid_until"),
        ("industries", "0005_history_indexes"),
        ("infrastructure", "0005_history_indexes"),
        ("projects", "0004_history_indexes"),
        ("regions", "0004_history_indexes"),
        ("zones", "0005_history_indexes"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddIndex(
            model_name="historicalindicator",
            index=models.Index(fields=["name_en", "slug"], name="indicators__name_en_c5e5d0_idx"),
        ),
        migrations.AddIndex(
            model_name="historicalindicator",
            index=models.Index(fields=["name_zh", "slug"], name="indicators__name_zh_5e030a_idx"),
        ),
        migrations.AddIndex(
            model_name="historicalobservation",
            index=models.Index(fields=["value", "slug"], name="indicators__value_f40163_idx"),
        ),
        migrations.AddIndex(
            model_name="historicalobservation",
            index=models.Index(fields=["period_start", "slug"], name="indicators__period__25e460_idx"),
        ),
        migrations.AddIndex(
            model_name="historicalobservation",
            index=models.Index(fields=["period_end", "slug"], name="indicators__period__1741c7_idx"),
        ),
        migrations.AddIndex(
            model_name="historicalobservation",
            index=models.Index(fields=["kind", "slug"], name="indicators__kind_d971dd_idx"),
        ),
        migrations.AddIndex(
            model_name="historicalobservation",
            index=models.Index(fields=["measure", "slug"], name="indicators__measure_013f22_idx"),
        ),
        migrations.AddIndex(
            model_name="historicalobservation",
            index=models.Index(fields=["indicator", "value"], name="indicators__indicat_a9c706_idx"),
        ),
        migrations.AddIndex(
            model_name="historicalunit",
            index=models.Index(fields=["name_en", "code"], name="indicators__name_en_5a417a_idx"),
        ),
    ]
