"""The coverage audit: each paragraph of the seed is captured by records or left out with a reason."""

from django.conf import settings

from apps.sources.coverage import load_not_captured, map_document, render_markdown
from apps.sources.models import SourceDocument, without_whitespace


def audit():
    not_captured = load_not_captured()
    for document in SourceDocument.objects.all():
        yield document, map_document(document), not_captured.get(document.slug, [])


def test_every_paragraph_is_captured_or_left_out_with_a_reason():
    for _document, paragraphs, left_out in audit():
        explained = {entry["paragraph"] for entry in left_out if entry["reason"].strip()}
        unexplained = [p.number for p in paragraphs if not p.records and p.number not in explained]
        assert unexplained == []


def test_every_passage_left_out_is_quoted_from_its_paragraph():
    for _document, paragraphs, left_out in audit():
        by_number = {p.number: without_whitespace(p.text) for p in paragraphs}
        for entry in left_out:
            assert without_whitespace(entry["text"]) in by_number[entry["paragraph"]], entry


def test_the_generated_coverage_table_is_current():
    for document, paragraphs, _left_out in audit():
        path = settings.BASE_DIR / "docs" / f"coverage-{document.slug}.md"
        expected = render_markdown(document, paragraphs, load_not_captured())
        assert path.read_text(encoding="utf-8") == expected, "run `python manage.py coverage_report`"
