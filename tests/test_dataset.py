"""The curated dataset: every record cited verbatim, every figure machine-readable and consistent."""

import re
from collections import Counter
from decimal import Decimal

import pytest
from django.apps import apps
from django.core.management import call_command

from apps.core.models import natural_key
from apps.curation.loader import model_order
from apps.indicators.models import Observation
from apps.sources.coverage import split_paragraphs
from apps.sources.models import Citation, SourceDocument, is_cited, without_whitespace

EXPECTED_COUNTS = {
    "sources.sourcedocument": 1,
    "indicators.unit": 20,
    "regions.region": 24,
    "zones.zone": 27,
    "industries.industry": 16,
    "companies.company": 6,
    "projects.project": 2,
    "projects.milestone": 11,
    "infrastructure.facility": 10,
    "events.event": 30,
    "indicators.indicator": 46,
    "indicators.observation": 66,
    "recognitions.distinction": 35,
}
MODEL_ORDER = model_order()
CITED_MODELS = [label for label in MODEL_ORDER if is_cited(apps.get_model(label))]
CJK = re.compile(r"[\u4e00-\u9fff]")
CHINESE_DIGITS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}


def records(label):
    return apps.get_model(label).objects.all()


def test_record_counts_per_model():
    assert {label: records(label).count() for label in MODEL_ORDER} == EXPECTED_COUNTS


def test_every_quote_occurs_verbatim_in_its_document():
    texts = {d.pk: without_whitespace(d.read_text()) for d in SourceDocument.objects.all()}
    missing = [c for c in Citation.objects.all() if without_whitespace(c.quote) not in texts[c.document_id]]
    assert missing == []
    assert Citation.objects.count() > sum(EXPECTED_COUNTS[label] for label in CITED_MODELS)


TIMES = {2: "twice", 3: "three times", 4: "four times", 5: "five times", 6: "six times", 7: "seven times"}


def test_a_source_description_states_each_repeated_paragraph_and_how_often():
    """A paragraph printed more than once is named by its opening words, followed by how many times it appears."""
    for document in SourceDocument.objects.all():
        counts = Counter(paragraph.text for paragraph in split_paragraphs(document.read_text()))
        repeated = {text[:6]: count for text, count in counts.items() if count > 1}
        if not repeated:
            assert "repeat" not in document.description_en.lower(), document.slug
        for opening, count in repeated.items():
            stated = re.search(rf"{re.escape(opening)}[^.;“]*?\b{TIMES[count]}\b", document.description_en)
            assert stated, (document.slug, opening, count)


def test_source_documents_match_their_checksums():
    for document in SourceDocument.objects.all():
        assert document.compute_sha256() == document.sha256


@pytest.mark.parametrize("label", CITED_MODELS)
def test_every_record_cites_at_least_one_quote(label):
    uncited = [r.slug for r in records(label).prefetch_related("citations") if not r.citations.all()]
    assert uncited == []


@pytest.mark.parametrize("label", MODEL_ORDER)
def test_every_record_passes_model_validation(label):
    for record in records(label):
        record.full_clean()


@pytest.mark.parametrize("label", [label for label in MODEL_ORDER if label != "indicators.unit"])
def test_slugs_are_lowercase_ascii(label):
    key = natural_key(apps.get_model(label))
    for value in records(label).values_list(key, flat=True):
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", value), value


@pytest.mark.parametrize("label", CITED_MODELS)
def test_names_are_bilingual(label):
    for record in records(label):
        assert CJK.search(record.name_zh), record.slug
        assert record.name_en and not CJK.search(record.name_en), record.slug


def test_a_chinese_name_has_one_english_name_across_records():
    english = {}
    for label in CITED_MODELS:
        for name_zh, name_en in records(label).values_list("name_zh", "name_en"):
            english.setdefault(name_zh, set()).add(name_en)
    assert {zh: en for zh, en in english.items() if len(en) > 1} == {}


def test_loading_again_keeps_every_identifier():
    def identifiers():
        return {
            label: dict(records(label).values_list(natural_key(apps.get_model(label)), "pk")) for label in MODEL_ORDER
        }

    before = identifiers()
    call_command("load_curated_data", verbosity=0)
    assert identifiers() == before


def written_number(observation):
    """The number in the text as written, in the display unit: Arabic digits, a Chinese numeral, or 1."""
    text = (
        observation.text_as_written.replace(observation.display_unit.symbol, "")
        if observation.display_unit.symbol
        else observation.text_as_written
    )
    digits = re.search(r"\d+(?:\.\d+)?", text.replace(",", ""))
    if digits:
        return Decimal(digits.group())
    numerals = [CHINESE_DIGITS[c] for c in text if c in CHINESE_DIGITS]
    return Decimal(numerals[0]) if len(numerals) == 1 else Decimal(1)


def test_every_figure_has_unit_kind_measure_comparator_and_period():
    for o in Observation.objects.select_related("unit", "display_unit", "indicator"):
        assert o.unit and o.display_unit and o.kind and o.measure and o.comparator, o.slug
        assert o.period_precision and o.period_end and o.period_label_en, o.slug
        assert o.text_as_written, o.slug


def test_every_figure_matches_the_number_as_written():
    mismatched = [
        (o.slug, o.text_as_written, o.display_value)
        for o in Observation.objects.select_related("display_unit")
        if written_number(o) != o.display_value
    ]
    assert mismatched == []


def test_comparators_follow_the_words_as_written():
    words = {
        "以上": "at_least",
        "超": "more_than",
        "多": "more_than",
        "突破": "more_than",
        "约": "about",
        "左右": "about",
        "近": "nearly",
    }
    for o in Observation.objects.all():
        stated = {comparator for word, comparator in words.items() if word in o.text_as_written}
        assert (stated or {"exact"}) == {o.comparator}, (o.slug, o.text_as_written, o.comparator)


def test_stretch_targets_are_kept_apart_from_targets():
    stretch = Observation.objects.filter(kind="stretch_target")
    assert stretch.exists()
    assert all("力争" in o.text_as_written for o in stretch)
    assert not Observation.objects.filter(kind="target", text_as_written__contains="力争").exists()


def test_money_is_stored_in_yuan():
    for o in Observation.objects.filter(text_as_written__contains="亿元").select_related("unit", "display_unit"):
        assert (o.unit.code, o.display_unit.code) == ("cny", "cny-100m"), o.slug


def test_hectares_are_converted_to_square_kilometres():
    for o in Observation.objects.filter(text_as_written__contains="公顷").select_related("unit", "display_unit"):
        assert (o.unit.code, o.display_unit.code) == ("km2", "ha"), o.slug


def test_differences_and_ranks_name_their_benchmark():
    for o in Observation.objects.filter(measure__in=["difference_pp", "rank"]):
        assert o.benchmark_region_id, o.slug


def test_display_values_are_plain_decimals():
    for o in Observation.objects.select_related("display_unit"):
        assert re.fullmatch(r"-?\d+(\.\d+)?", str(o.display_value)), (o.slug, o.display_value)


ENTITY_MODELS = [
    "regions.region",
    "zones.zone",
    "industries.industry",
    "companies.company",
    "projects.project",
    "infrastructure.facility",
    "events.event",
    "indicators.indicator",
]


def links(record):
    """How many other records this one points to or is pointed at by, citations aside."""
    count = 0
    for field in record._meta.get_fields():
        if field.is_relation and field.related_model not in (Citation, None) and field.name != "content_type":
            if field.many_to_many or field.one_to_many:
                count += getattr(record, field.get_accessor_name() if field.auto_created else field.name).count()
            elif field.many_to_one:
                count += getattr(record, field.attname) is not None
    return count


@pytest.mark.parametrize("label", ENTITY_MODELS)
def test_no_record_is_an_orphan(label):
    assert [r.slug for r in records(label) if links(r) == 0] == []
