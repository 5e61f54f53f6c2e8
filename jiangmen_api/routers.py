"""Sends API reads to PostgreSQL read replicas and everything else to the primary, when replicas are configured.

A request is pinned to one database for all its reads (`DatabasePinMiddleware`): an API read to one
replica, so that the data version it reads (its ETag, its cache keys, the stamps of its rendered records)
and the content it reads come from the same database. A replica replays the primary's commits in order
and a write commits its data before or with its version bump, so content read after the version is never
older than it: a response may carry newer content than its version says, never older. Everything else,
the admin above all, reads the primary, so a curator sees their own change at once; so does any read
outside a request (management commands, scripts), which may be about to write.
"""

import random
from contextvars import ContextVar

PRIMARY = "default"
pinned_database = ContextVar("pinned_database", default=PRIMARY)


def replica_aliases(databases=None):
    from django.conf import settings

    return [alias for alias in databases or settings.DATABASES if alias.startswith("replica")]


class ReadReplicaRouter:
    def db_for_read(self, model, **hints):
        return pinned_database.get()

    def db_for_write(self, model, **hints):
        return PRIMARY

    def allow_relation(self, obj1, obj2, **hints):
        return True

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == PRIMARY


class DatabasePinMiddleware:
    """Pins an API read to one replica, chosen at random per request, and any other request (an as-of read
    too) to the primary."""

    def __init__(self, get_response, databases=None):
        from apps.core.middleware import is_api_read

        self.get_response = get_response
        self.is_api_read = is_api_read
        self.replicas = replica_aliases(databases)

    def __call__(self, request):
        # An as-of read shadows tables with temporary views (apps/core/vintage.py), which a standby refuses.
        replicated = self.replicas and self.is_api_read(request) and "as_of" not in request.GET
        database = random.choice(self.replicas) if replicated else PRIMARY
        token = pinned_database.set(database)
        try:
            return self.get_response(request)
        finally:
            pinned_database.reset(token)
