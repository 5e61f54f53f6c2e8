from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("sources", "0003_history_valid_until"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddIndex(
            model_name="historicalcitation",
            index=models.Index(fields=["content_type", "object_id"], name="sources_his_content_e2932c_idx"),
        ),
        migrations.AddIndex(
            model_name="historicalsourcedocument",
            index=models.Index(fields=["title_en", "slug"], name="sources_his_title_e_d14029_idx"),
        ),
    ]
