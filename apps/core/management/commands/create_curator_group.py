from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.management.base import BaseCommand

from apps.core.loader import MODEL_ORDER

GROUP_NAME = "Curators"
CURATED_MODELS = [*MODEL_ORDER, "sources.citation"]
# Source documents are files under seeds/: curators may read and describe them, not add or remove them.
ACTIONS = {label: ("view", "add", "change", "delete") for label in CURATED_MODELS}
ACTIONS["sources.sourcedocument"] = ("view", "change")


def curator_permissions():
    permissions = []
    for label, actions in ACTIONS.items():
        model = apps.get_model(label)
        content_type = ContentType.objects.get_for_model(model)
        codenames = [f"{action}_{model._meta.model_name}" for action in actions]
        permissions.extend(Permission.objects.filter(content_type=content_type, codename__in=codenames))
    return permissions


class Command(BaseCommand):
    help = f"Create or update the '{GROUP_NAME}' group with exactly the model permissions curation needs."

    def handle(self, *args, **options):
        group, created = Group.objects.get_or_create(name=GROUP_NAME)
        permissions = curator_permissions()
        group.permissions.set(permissions)
        verb = "Created" if created else "Updated"
        self.stdout.write(self.style.SUCCESS(f"{verb} group '{GROUP_NAME}' with {len(permissions)} permissions."))
