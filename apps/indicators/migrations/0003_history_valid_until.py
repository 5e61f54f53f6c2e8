from django.db import migrations, models

from apps.core.operations import fill_valid_until


class Migration(migrations.Migration):
    dependencies = [
        ("indicators", "0002_basis_unit_updated_at"),
    ]

    operations = [
        migrations.AddField(
            model_name="historicalindicator",
            name="history_valid_until",
            field=models.DateTimeField(blank=True, editable=False, null=True),
        ),
        migrations.AddField(
            model_name="historicalobservation",
            name="history_valid_until",
            field=models.DateTimeField(blank=True, editable=False, null=True),
        ),
        migrations.AddField(
            model_name="historicalunit",
            name="history_valid_until",
            field=models.DateTimeField(blank=True, editable=False, null=True),
        ),
        fill_valid_until("indicators", "historicalindicator", "historicalobservation", "historicalunit"),
    ]
