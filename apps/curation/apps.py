from django.apps import AppConfig


class CurationConfig(AppConfig):
    name = "apps.curation"

    def ready(self):
        from django.contrib import admin

        from apps.core.registry import registry
        from apps.curation.spreadsheets import resource_for

        # Every curated model's admin imports and exports spreadsheets the way the loader reads fixtures.
        for resource in registry.models():
            model_admin = admin.site.get_model_admin(resource.model)
            model_admin.resource_classes = [resource_for(resource.model)]
