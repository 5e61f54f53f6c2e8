"""The links of a record kept with its history rows (django-simple-history's `m2m_fields`)."""


def keep_links(instance):
    """Give the record's latest history row the links the record has now, as simple-history does on a change."""
    row = instance.history.latest()
    for field in row._history_m2m_fields:
        kept = getattr(row, field.name).model
        through = field.remote_field.through
        names = [f.attname for f in through._meta.concrete_fields]
        links = through.objects.filter(**{field.m2m_field_name(): instance}).values(*names)
        kept.objects.filter(history=row).delete()
        kept.objects.bulk_create(kept(history=row, **link) for link in links)
