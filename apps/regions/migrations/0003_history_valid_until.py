from django.db import migrations, models

from apps.core.operations import fill_valid_until


class Migration(migrations.Migration):
    dependencies = [
        ("regions", "0002_basis"),
    ]

    operations = [
        migrations.AddField(
            model_name="historicalregion",
            name="history_valid_until",
            field=models.DateTimeField(blank=True, editable=False, null=True),
        ),
        fill_valid_until("regions", "historicalregion"),
    ]
