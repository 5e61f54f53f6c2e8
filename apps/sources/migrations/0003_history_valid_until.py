from django.db import migrations, models

from apps.core.operations import fill_valid_until


class Migration(migrations.Migration):
    dependencies = [
        ("sources", "0002_citation_history"),
    ]

    operations = [
        migrations.AddField(
            model_name="historicalcitation",
            name="history_valid_until",
            field=models.DateTimeField(blank=True, editable=False, null=True),
        ),
        migrations.AddField(
            model_name="historicalsourcedocument",
            name="history_valid_until",
            field=models.DateTimeField(blank=True, editable=False, null=True),
        ),
        fill_valid_until("sources", "historicalcitation", "historicalsourcedocument"),
    ]
