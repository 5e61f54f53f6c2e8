from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.management.base import BaseCommand

from apps.core.registry import ALL_ACTIONS, registry
from apps.sources.models import Citation

GROUP_NAME = "Curators"


def curator_actions():
    """Model and actions, from each resource's declaration; citations, which every record carries, in full."""
    return [*((resource.model, resource.curator_actions) for resource in registry.models()), (Citation, ALL_ACTIONS)]


def curator_permissions():
    permissions = []
    for model, actions in curator_actions():
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
