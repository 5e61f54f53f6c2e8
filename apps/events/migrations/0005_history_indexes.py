from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0004_history_valid_until"),
        ("regions", "0004_history_indexes"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddIndex(
            model_name="historicalevent",
            index=models.Index(fields=["date", "slug"], name="events_hist_date_26a850_idx"),
        ),
        migrations.AddIndex(
            model_name="historicalevent",
            index=models.Index(fields=["kind", "slug"], name="events_hist_kind_5988c1_idx"),
        ),
        migrations.AddIndex(
            model_name="historicalevent",
            index=models.Index(fields=["name_en", "slug"], name="events_hist_name_en_3e0062_idx"),
        ),
        migrations.AddIndex(
            model_name="historicalevent",
            index=models.Index(fields=["is_first", "date", "slug"], name="events_hist_is_firs_ff7769_idx"),
        ),
    ]
