from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "apps.core"

    def ready(self):
        from django.apps import apps
        from django.db.models.signals import m2m_changed, post_delete, post_save

        from apps.core.loader import MODEL_ORDER
        from apps.core.versioning import bump_on_m2m_change, bump_version

        for model in [*(apps.get_model(label) for label in MODEL_ORDER), apps.get_model("sources.citation")]:
            uid = f"data-version-{model._meta.label_lower}"
            post_save.connect(bump_version, sender=model, dispatch_uid=f"{uid}-save")
            post_delete.connect(bump_version, sender=model, dispatch_uid=f"{uid}-delete")
            for field in model._meta.local_many_to_many:
                m2m_changed.connect(
                    bump_on_m2m_change, sender=field.remote_field.through, dispatch_uid=f"{uid}-{field.name}"
                )
