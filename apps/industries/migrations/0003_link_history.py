import django.db.models.deletion
import simple_history.models
from django.db import migrations, models

from apps.core.operations import keep_current_links


class Migration(migrations.Migration):
    dependencies = [
        ("industries", "0002_basis"),
        ("zones", "0002_basis"),
    ]

    operations = [
        migrations.CreateModel(
            name="HistoricalIndustry_zones",
            fields=[
                ("id", models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name="ID")),
                ("m2m_history_id", models.AutoField(primary_key=True, serialize=False)),
                (
                    "history",
                    models.ForeignKey(
                        db_constraint=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        to="industries.historicalindustry",
                    ),
                ),
                (
                    "industry",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_tablespace="",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="industries.industry",
                    ),
                ),
                (
                    "zone",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_tablespace="",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="zones.zone",
                    ),
                ),
            ],
            options={
                "verbose_name": "HistoricalIndustry_zones",
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        keep_current_links("industries", "Industry"),
    ]
