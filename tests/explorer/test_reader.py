"""The source reader marks every quote where it stands, and every passage left out with its reason."""

import re
from collections import defaultdict

from apps.explorer.reader import read
from apps.explorer.records import quote_anchor
from apps.sources.coverage import load_not_captured
from apps.sources.models import Citation, SourceDocument, without_whitespace


def test_every_quote_is_marked_in_full_with_one_anchor_and_its_citing_records():
    document = SourceDocument.objects.get()
    paragraphs = read(document, "en")
    marked, anchors, citers = defaultdict(str), [], defaultdict(set)
    for paragraph in paragraphs:
        for segment in paragraph.segments:
            anchors.extend(segment.anchors)
            for anchor in segment.quotes:
                marked[anchor] += segment.text
        for quote in paragraph.quotes:
            citers[quote.anchor].update(link.url for _, link in quote.records)
    citations = Citation.objects.filter(document=document)
    quotes = {quote_anchor(citation.quote): citation.quote for citation in citations}
    assert len(anchors) == len(set(anchors)) == len(quotes)
    for anchor, quote in quotes.items():
        # A quote repeated in the source is marked wherever it stands.
        text = without_whitespace(marked[anchor])
        assert text and len(text) % len(without_whitespace(quote)) == 0
        assert without_whitespace(quote) in text
    assert sum(len(urls) for urls in citers.values()) >= len({(c.content_type_id, c.object_id) for c in citations})


def test_the_paragraphs_are_the_document_in_order():
    document = SourceDocument.objects.get()
    text = "".join(segment.text for paragraph in read(document, "en") for segment in paragraph.segments)
    assert without_whitespace(text) == without_whitespace(re.sub(r"^#+ ", "", document.read_text(), flags=re.M))


def test_every_passage_left_out_is_shown_with_its_reason_in_its_paragraph():
    document = SourceDocument.objects.get()
    entries = load_not_captured()[document.slug]
    paragraphs = {paragraph.number: paragraph for paragraph in read(document, "en")}
    for entry in entries:
        paragraph = paragraphs[entry["paragraph"]]
        assert entry in paragraph.left_out
        assert without_whitespace(entry["text"]) in without_whitespace(
            "".join(segment.text for segment in paragraph.segments)
        )
