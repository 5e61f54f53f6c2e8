from django.apps import AppConfig


class SourcesConfig(AppConfig):
    name = "apps.sources"

    def ready(self):
        from apps.core.versioning import track_writes
        from apps.sources.models import Citation

        # Citations are part of every record's answer but no resource of their own.
        track_writes(Citation)
