from django.conf import settings
from django.core.management.base import BaseCommand

from apps.sources.coverage import load_not_captured, map_document, render_markdown
from apps.sources.models import SourceDocument


class Command(BaseCommand):
    help = "Write docs/coverage-<document>.md: each paragraph of each source with the records that quote it."

    def handle(self, *args, **options):
        not_captured = load_not_captured()
        for document in SourceDocument.objects.all():
            paragraphs = map_document(document)
            path = settings.BASE_DIR / "docs" / f"coverage-{document.slug}.md"
            path.write_text(render_markdown(document, paragraphs, not_captured), encoding="utf-8")
            mapped = sum(1 for p in paragraphs if p.records)
            self.stdout.write(f"{path.name}: {mapped} of {len(paragraphs)} paragraphs mapped to records")
