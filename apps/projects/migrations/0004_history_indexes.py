from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("companies", "0005_history_indexes"),
        ("industries", "0005_history_indexes"),
        ("projects", "0003_history_valid_until"),
        ("regions", "0004_history_indexes"),
        ("zones", "0005_history_indexes"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddIndex(
            model_name="historicalmilestone",
            index=models.Index(fields=["date", "slug"], name="projects_hi_date_2549f6_idx"),
        ),
        migrations.AddIndex(
            model_name="historicalmilestone",
            index=models.Index(fields=["kind", "slug"], name="projects_hi_kind_c3634c_idx"),
        ),
        migrations.AddIndex(
            model_name="historicalmilestone",
            index=models.Index(fields=["project", "date", "slug"], name="projects_hi_project_f57286_idx"),
        ),
        migrations.AddIndex(
            model_name="historicalmilestone",
            index=models.Index(fields=["is_expected", "date", "slug"], name="projects_hi_is_expe_54dcc3_idx"),
        ),
        migrations.AddIndex(
            model_name="historicalproject",
            index=models.Index(fields=["name_en", "slug"], name="projects_hi_name_en_c23293_idx"),
        ),
        migrations.AddIndex(
            model_name="historicalproject",
            index=models.Index(fields=["name_zh", "slug"], name="projects_hi_name_zh_54e46d_idx"),
        ),
        migrations.AddIndex(
            model_name="historicalproject",
            index=models.Index(fields=["status", "slug"], name="projects_hi_status_2ee489_idx"),
        ),
    ]
