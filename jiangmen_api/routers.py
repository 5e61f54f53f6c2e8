"""Sends reads to PostgreSQL read replicas and writes to the primary, when replicas are configured."""

import random


class ReadReplicaRouter:
    def __init__(self, databases=None):
        from django.conf import settings

        self.replicas = [alias for alias in databases or settings.DATABASES if alias.startswith("replica")]

    def db_for_read(self, model, **hints):
        return random.choice(self.replicas) if self.replicas else "default"

    def db_for_write(self, model, **hints):
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        return True

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == "default"
