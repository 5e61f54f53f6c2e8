from django.apps import AppConfig


class RecognitionsConfig(AppConfig):
    name = "apps.recognitions"
