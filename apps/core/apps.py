from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "apps.core"

    def ready(self):
        from apps.core.registry import autodiscover, registry
        from apps.core.versioning import track_writes

        autodiscover()
        for resource in registry.models():
            track_writes(resource.model)
