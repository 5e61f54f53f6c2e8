from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "apps.core"

    def ready(self):
        from simple_history.signals import post_create_historical_record

        from apps.core.models import close_previous_row
        from apps.core.registry import autodiscover, registry
        from apps.core.versioning import track_writes

        post_create_historical_record.connect(close_previous_row, dispatch_uid="history-valid-until")

        autodiscover()
        for resource in registry.models():
            track_writes(resource.model)
