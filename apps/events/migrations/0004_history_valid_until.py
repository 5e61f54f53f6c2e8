from django.db import migrations, models

from apps.core.operations import fill_valid_until


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0003_link_history"),
    ]

    operations = [
        migrations.AddField(
            model_name="historicalevent",
            name="history_valid_until",
            field=models.DateTimeField(blank=True, editable=False, null=True),
        ),
        fill_valid_until("events", "historicalevent"),
    ]
