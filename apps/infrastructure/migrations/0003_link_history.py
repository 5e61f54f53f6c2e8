import django.db.models.deletion
import simple_history.models
from django.db import migrations, models

from apps.core.operations import keep_current_links


class Migration(migrations.Migration):
    dependencies = [
        ("infrastructure", "0002_basis"),
        ("regions", "0002_basis"),
    ]

    operations = [
        migrations.CreateModel(
            name="HistoricalFacility_connected_regions",
            fields=[
                ("id", models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name="ID")),
                ("m2m_history_id", models.AutoField(primary_key=True, serialize=False)),
                (
                    "facility",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_tablespace="",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="infrastructure.facility",
                    ),
                ),
                (
                    "history",
                    models.ForeignKey(
                        db_constraint=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        to="infrastructure.historicalfacility",
                    ),
                ),
                (
                    "region",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_tablespace="",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="regions.region",
                    ),
                ),
            ],
            options={
                "verbose_name": "HistoricalFacility_connected_regions",
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        keep_current_links("infrastructure", "Facility"),
    ]
