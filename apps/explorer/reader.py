"""The source reader: a document paragraph by paragraph, each quoted passage marked and tied to the
records that cite it, and each passage left out marked with the curators' reason.

Paragraphs and quote matching are the coverage report's (apps/sources/coverage.py): a quote is found in
the whitespace-free text, since the seed breaks lines mid-word, and mapped back onto the paragraph.
"""

import itertools
from dataclasses import dataclass, field

from apps.core.registry import registry
from apps.explorer.records import Link, quote_anchor, record_url
from apps.sources.coverage import load_not_captured, occurrences, split_paragraphs
from apps.sources.models import Citation, without_whitespace


@dataclass
class Quote:
    anchor: str
    text: str
    records: list = field(default_factory=list)


@dataclass
class Segment:
    text: str
    quotes: list
    anchors: list


@dataclass
class ReaderParagraph:
    number: int
    heading: bool
    segments: list
    quotes: list
    left_out: list


def citing_records(document, language):
    """Each quote of the document (by its anchor) with links to the records citing it."""
    quotes = {}
    citations = (
        Citation.objects.filter(document=document)
        .select_related("content_type")
        .prefetch_related("content_object")
        .order_by("id")
    )
    for citation in citations:
        record = citation.content_object
        resource = registry.by_model.get(type(record))
        quote = quotes.setdefault(quote_anchor(citation.quote), Quote(quote_anchor(citation.quote), citation.quote))
        if resource is not None and record is not None:
            label = getattr(record, f"name_{language}", None) or str(record)
            quote.records.append((resource.name, Link(record_url(resource, record.slug), label)))
    return quotes


def read(document, language):
    """The document's paragraphs, split into segments a quote covers or not."""
    text = document.read_text()
    compact = without_whitespace(text)
    quotes = citing_records(document, language)
    spans = [
        (start, end, quote)
        for quote in quotes.values()
        for start, end in occurrences(compact, without_whitespace(quote.text))
    ]
    reasons = {}
    for entry in load_not_captured().get(document.slug, []):
        reasons.setdefault(entry["paragraph"], []).append(entry)
    anchored = set()
    return [
        paragraph_of(paragraph, spans, reasons.get(paragraph.number, []), anchored)
        for paragraph in split_paragraphs(text)
    ]


def paragraph_of(paragraph, spans, left_out, anchored):
    """A quote's anchor goes on the first segment it covers in the document (`anchored` holds those placed)."""
    text = paragraph.text
    heading = text.startswith("#")
    positions = [index for index, character in enumerate(text) if not character.isspace()]
    local = []
    for start, end, quote in spans:
        if start < paragraph.end and paragraph.start < end:
            first = max(start, paragraph.start) - paragraph.start
            last = min(end, paragraph.end) - paragraph.start - 1
            local.append((positions[first], positions[last] + 1, quote))
    cuts = sorted({0, len(text), *(s for s, _, _ in local), *(e for _, e, _ in local)})
    segments = []
    for begin, finish in itertools.pairwise(cuts):
        covering = [quote for s, e, quote in local if s <= begin and finish <= e]
        anchors = [q.anchor for s, _, q in local if s == begin and q.anchor not in anchored]
        anchored.update(anchors)
        segments.append(Segment(text[begin:finish], [q.anchor for q in covering], anchors))
    if heading:
        segments[0].text = segments[0].text.lstrip("#").lstrip()
    unique = list({quote.anchor: quote for _, _, quote in local}.values())
    return ReaderParagraph(paragraph.number, heading, segments, unique, left_out)
