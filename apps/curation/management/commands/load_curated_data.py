from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from apps.curation.loader import DEFAULT_REASON, CuratedDataLoader, LoadFailed


class Command(BaseCommand):
    help = "Validate every fixture in fixtures/ and load them all in one transaction, idempotently."

    def add_arguments(self, parser):
        parser.add_argument("--fixtures-dir", default=str(settings.FIXTURES_DIR), help="Directory of JSON fixtures.")
        parser.add_argument(
            "--reason", default=DEFAULT_REASON, help="The public reason for the changes, shown in the change feed."
        )

    def handle(self, *args, fixtures_dir, reason, **options):
        progress = self.stdout.write if options["verbosity"] >= 1 else None
        detail = self.stdout.write if options["verbosity"] >= 2 else None
        try:
            report = CuratedDataLoader(fixtures_dir, progress=progress, detail=detail, reason=reason).load()
        except LoadFailed as failure:
            for error in failure.report.errors:
                self.stderr.write(str(error))
            raise CommandError(f"{failure}; nothing was loaded.") from failure
        created, updated, unchanged = (sum(c.values()) for c in (report.created, report.updated, report.unchanged))
        if options["verbosity"] >= 1:
            self.stdout.write(
                self.style.SUCCESS(f"Loaded curated data: {created} created, {updated} updated, {unchanged} unchanged.")
            )
