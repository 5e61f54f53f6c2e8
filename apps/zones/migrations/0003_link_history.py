import django.db.models.deletion
import simple_history.models
from django.db import migrations, models

from apps.core.operations import keep_current_links


class Migration(migrations.Migration):
    dependencies = [
        ("regions", "0002_basis"),
        ("zones", "0002_basis"),
    ]

    operations = [
        migrations.CreateModel(
            name="HistoricalZone_partner_regions",
            fields=[
                ("id", models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name="ID")),
                ("m2m_history_id", models.AutoField(primary_key=True, serialize=False)),
                (
                    "history",
                    models.ForeignKey(
                        db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, to="zones.historicalzone"
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
                "verbose_name": "HistoricalZone_partner_regions",
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        keep_current_links("zones", "Zone"),
    ]
