"""Citations were saved without history rows before; each is given its creation, dated when its record was
created, so an as-of read shows a record with the citations it had."""

from django.db import migrations

REASON = "Loaded from the curated fixtures."


def forwards(apps, schema_editor):
    Citation = apps.get_model("sources", "Citation")
    HistoricalCitation = apps.get_model("sources", "HistoricalCitation")
    ContentType = apps.get_model("contenttypes", "ContentType")
    kept = set(HistoricalCitation.objects.values_list("id", flat=True))
    created = {}
    for content_type in ContentType.objects.filter(pk__in=Citation.objects.values("content_type")):
        try:
            history = apps.get_model(content_type.app_label, f"Historical{content_type.model}")
        except LookupError:
            continue
        for pk, first in history.objects.filter(history_type="+").values_list("id", "history_date"):
            created[(content_type.pk, pk)] = first
    HistoricalCitation.objects.bulk_create(
        HistoricalCitation(
            id=citation.pk,
            document_id=citation.document_id,
            quote=citation.quote,
            content_type_id=citation.content_type_id,
            object_id=citation.object_id,
            history_date=created[(citation.content_type_id, citation.object_id)],
            history_type="+",
            history_change_reason=REASON,
        )
        for citation in Citation.objects.exclude(pk__in=kept).iterator(chunk_size=5000)
        if (citation.content_type_id, citation.object_id) in created
    )


class Migration(migrations.Migration):
    # Every cited model's history must be there to date the citations by.
    dependencies = [
        ("sources", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("companies", "0003_link_history"),
        ("events", "0003_link_history"),
        ("indicators", "0002_basis_unit_updated_at"),
        ("industries", "0003_link_history"),
        ("infrastructure", "0003_link_history"),
        ("projects", "0002_basis"),
        ("recognitions", "0002_basis"),
        ("regions", "0002_basis"),
        ("zones", "0003_link_history"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
