from django.core.management.base import BaseCommand, CommandError

from apps.curation.synthetic import generate


class Command(BaseCommand):
    help = "Add synthetic records (slugs start with 'synthetic-') until the data is SCALE times the curated size."

    def add_arguments(self, parser):
        parser.add_argument("--scale", type=int, required=True, help="Total size as a multiple of the curated data.")

    def handle(self, *args, scale, **options):
        if scale < 1:
            raise CommandError("--scale must be at least 1.")
        added = generate(scale, progress=self.stdout.write)
        self.stdout.write(self.style.SUCCESS(f"Added {added} synthetic records (with one citation each)."))
