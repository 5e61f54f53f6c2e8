"""Synthetic data for scale runs: clearly marked, kept out of the curated data, removable in one step."""

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command

from apps.curation.loader import model_order
from apps.curation.synthetic import DOCUMENT_SLUG, PREFIX, copied_models
from apps.indicators.models import Observation
from apps.sources.models import Citation, SourceDocument

COPIED_MODELS = [model._meta.label_lower for model in copied_models()]


def counts():
    return {label: apps.get_model(label).objects.count() for label in model_order()} | {
        "citations": Citation.objects.count()
    }


def test_generating_scales_every_model_and_marks_each_copy(client):
    before = counts()
    copied_citations = sum(
        Citation.objects.filter(content_type=ContentType.objects.get_for_model(apps.get_model(label))).count()
        for label in COPIED_MODELS
    )
    call_command("generate_synthetic_data", scale=3, verbosity=0)
    after = counts()
    for label in COPIED_MODELS:
        model = apps.get_model(label)
        assert after[label] == 3 * before[label]
        assert model.objects.filter(slug__startswith=PREFIX).count() == 2 * before[label]
        assert not model.objects.filter(slug__startswith=PREFIX).exclude(name_en__contains="(synthetic").exists()
    synthetic = SourceDocument.objects.get(slug=DOCUMENT_SLUG)
    assert Citation.objects.filter(document=synthetic).count() == 2 * copied_citations
    original = Observation.objects.get(slug="gdp-growth-2023-target")
    copy = Observation.objects.get(slug=f"{PREFIX}2-{original.slug}")
    assert [c.quote for c in copy.citations.all()] == [c.quote for c in original.citations.all()]
    assert copy.region.slug == f"{PREFIX}2-{original.region.slug}"
    assert copy.indicator.slug == f"{PREFIX}2-{original.indicator.slug}"
    assert (
        client.get("/api/v1/observations/", {"search": "synthetic"}).json()["count"]
        == 2 * before["indicators.observation"]
    )


def test_generating_again_to_the_same_scale_adds_nothing():
    call_command("generate_synthetic_data", scale=2, verbosity=0)
    once = counts()
    call_command("generate_synthetic_data", scale=2, verbosity=0)
    assert counts() == once


def test_removing_restores_the_curated_data_exactly():
    before = counts()
    call_command("generate_synthetic_data", scale=2, verbosity=0)
    call_command("remove_synthetic_data", verbosity=0)
    assert counts() == before
    assert not SourceDocument.objects.filter(slug=DOCUMENT_SLUG).exists()


def test_a_write_of_synthetic_data_changes_the_data_version(client):
    etag = client.get("/api/v1/regions/")["ETag"]
    call_command("generate_synthetic_data", scale=2, verbosity=0)
    assert client.get("/api/v1/regions/", HTTP_IF_NONE_MATCH=etag).status_code == 200
