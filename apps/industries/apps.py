from django.apps import AppConfig


class IndustriesConfig(AppConfig):
    name = "apps.industries"
