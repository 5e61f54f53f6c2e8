"""Checking and saving a record's citations, shared by the loader and the admin's import."""

import re

from django.contrib.contenttypes.models import ContentType
from simple_history.utils import bulk_create_with_history

from apps.core.versioning import bump_version
from apps.sources.models import Citation, SourceDocument, without_whitespace

INFERRED_FROM = re.compile(r"「(.+?)」")


class CitationChecker:
    """Resolves `{"document", "quote"}` pairs, reading each document once, and reports what is wrong."""

    def __init__(self):
        self._texts = {}

    def check(self, citations):
        """Returns ([(document id, quote)], [(position label, message)])."""
        wanted, errors = [], []
        if not isinstance(citations, list) or not citations:
            return [], [("citations", "At least one citation is required.")]
        for position, citation in enumerate(citations, start=1):
            label = f"citations[{position}]"
            if not isinstance(citation, dict) or set(citation) != {"document", "quote"}:
                errors.append((label, "Expected an object with document and quote."))
                continue
            document = SourceDocument.objects.filter(slug=citation["document"]).first()
            if document is None:
                errors.append((label, f"No sources.sourcedocument with slug '{citation['document']}'."))
                continue
            quote = citation["quote"]
            if document.pk not in self._texts:
                self._texts[document.pk] = without_whitespace(document.read_text())
            if not isinstance(quote, str) or not quote.strip():
                errors.append((f"{label}.quote", "A quote must be non-empty text."))
            elif without_whitespace(quote) not in self._texts[document.pk]:
                errors.append((f"{label}.quote", f"Does not occur in seeds/{document.path}."))
            else:
                wanted.append((document.pk, quote))
        return wanted, errors

    def check_inference(self, note, wanted):
        """An inferred record's note quotes, between 「 and 」, the passages it is inferred from: each must occur
        in one of the record's cited documents. Returns the messages for what does not."""
        passages = INFERRED_FROM.findall(note)
        if not passages:
            return ["Quote the passage the inference rests on between 「 and 」."]
        texts = [self._texts[document] for document in {document for document, _quote in wanted}]
        return [
            f"「{passage}」 does not occur in the record's cited documents."
            for passage in passages
            if not any(without_whitespace(passage) in text for text in texts)
        ]


def sync_citations(instance, wanted):
    """Make the record's citations exactly `wanted`; returns whether anything changed."""
    content_type = ContentType.objects.get_for_model(type(instance))
    existing = Citation.objects.filter(content_type=content_type, object_id=instance.pk)
    current = {(c.document_id, c.quote): c.pk for c in existing}
    stale = [pk for pair, pk in current.items() if pair not in wanted]
    missing = [pair for pair in dict.fromkeys(wanted) if pair not in current]
    if stale:
        Citation.objects.filter(pk__in=stale).delete()
    if missing:
        bulk_create_with_history(
            [
                Citation(content_type=content_type, object_id=instance.pk, document_id=doc, quote=quote)
                for doc, quote in missing
            ],
            Citation,
            default_change_reason=getattr(instance, "_change_reason", ""),
        )
        bump_version(sender=type(instance), instance=instance)
    return bool(stale or missing)
