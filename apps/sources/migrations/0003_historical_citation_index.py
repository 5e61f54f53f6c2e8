"""The history of citations is read by record, as citations are, when an as-of read prefetches a page's
citations; simple-history does not copy a model's `Meta.indexes` to its history, so the index is made here,
for the database alone (the history model is the library's to declare)."""

from django.db import migrations, models

INDEX = models.Index(fields=["content_type", "object_id"], name="historicalcitation_record")


class Migration(migrations.Migration):
    dependencies = [("sources", "0002_citation_history")]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[migrations.AddIndex(model_name="historicalcitation", index=INDEX)]
        )
    ]
