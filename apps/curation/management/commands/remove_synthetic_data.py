from django.core.management.base import BaseCommand

from apps.curation.synthetic import remove


class Command(BaseCommand):
    help = "Remove every synthetic record, leaving the curated data as it was."

    def handle(self, *args, **options):
        removed = remove(progress=self.stdout.write)
        self.stdout.write(self.style.SUCCESS(f"Removed {removed} synthetic records."))
