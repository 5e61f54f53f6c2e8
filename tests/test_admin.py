"""The curation admin: every model registered, searchable in both languages, editable with citations."""

import pytest
from django.apps import apps
from django.contrib import admin
from django.contrib.auth import get_user_model

from apps.core.models import natural_key
from apps.core.registry import registry

CURATED_MODELS = [resource.model for resource in registry.models()]


@pytest.fixture
def curator_client(client):
    user = get_user_model().objects.create_superuser("curator", "curator@example.org", "a-long-test-password")
    client.force_login(user)
    return client


def admin_url(model, suffix=""):
    return f"/admin/{model._meta.app_label}/{model._meta.model_name}/{suffix}"


@pytest.mark.parametrize("model", [*CURATED_MODELS, apps.get_model("sources.citation")], ids=str)
def test_every_model_is_registered(model):
    assert admin.site.is_registered(model)


@pytest.mark.parametrize("model", CURATED_MODELS, ids=str)
def test_changelist_searches_chinese_and_english(curator_client, model):
    for query in ("江门", "Jiangmen"):
        assert curator_client.get(admin_url(model), {"q": query}).status_code == 200


@pytest.mark.parametrize("model", CURATED_MODELS, ids=str)
def test_change_form_opens_for_a_curated_record(curator_client, model):
    record = model.objects.order_by(natural_key(model)).first()
    response = curator_client.get(admin_url(model, f"{record.pk}/change/"))
    assert response.status_code == 200


def test_foreign_keys_use_autocomplete():
    for model in CURATED_MODELS:
        model_admin = admin.site._registry[model]
        foreign_keys = {
            f.name
            for f in model._meta.get_fields()
            if (f.many_to_one or f.many_to_many) and not f.auto_created and f.name != "content_type"
        }
        assert foreign_keys <= set(model_admin.autocomplete_fields), model


def test_project_form_has_milestone_and_citation_inlines(curator_client):
    project = apps.get_model("projects.project").objects.get(slug="calb-jiangmen-base")
    content = curator_client.get(admin_url(type(project), f"{project.pk}/change/")).content.decode()
    assert "milestones-TOTAL_FORMS" in content
    assert "sources-citation-content_type-object_id-TOTAL_FORMS" in content


def region_form(region, citation, **changes):
    prefix = "sources-citation-content_type-object_id"
    data = {
        "slug": region.slug,
        "name_zh": region.name_zh,
        "name_en": region.name_en,
        "description_zh": region.description_zh,
        "description_en": region.description_en,
        "level": region.level,
        "parent": region.parent_id or "",
        "basis": region.basis,
        "basis_note": region.basis_note,
        "change_note": "Corrected against the source.",
        f"{prefix}-TOTAL_FORMS": "1",
        f"{prefix}-INITIAL_FORMS": "1",
        f"{prefix}-MIN_NUM_FORMS": "1",
        f"{prefix}-MAX_NUM_FORMS": "1000",
        f"{prefix}-0-id": citation.pk,
        f"{prefix}-0-document": citation.document_id,
        f"{prefix}-0-quote": changes.pop("quote", citation.quote),
    }
    data.update(changes)
    return data


def test_a_citation_quote_missing_from_its_document_is_rejected(curator_client):
    region_model = apps.get_model("regions.region")
    region = region_model.objects.get(slug="zhongshan")
    citation = region.citations.get()
    data = region_form(region, citation, quote="中山是月球上的城市")
    response = curator_client.post(admin_url(region_model, f"{region.pk}/change/"), data)
    assert response.status_code == 200
    assert "does not occur in" in response.content.decode()
    assert region.citations.get().quote == citation.quote


def test_a_valid_edit_is_saved(curator_client):
    region_model = apps.get_model("regions.region")
    region = region_model.objects.get(slug="zhongshan")
    data = region_form(region, region.citations.get(), name_en="Zhongshan City")
    response = curator_client.post(admin_url(region_model, f"{region.pk}/change/"), data)
    assert response.status_code == 302
    assert region_model.objects.get(pk=region.pk).name_en == "Zhongshan City"


def test_an_edit_needs_a_public_change_note_which_the_history_keeps(curator_client):
    region_model = apps.get_model("regions.region")
    region = region_model.objects.get(slug="zhongshan")
    url = admin_url(region_model, f"{region.pk}/change/")
    data = region_form(region, region.citations.get(), name_en="Zhongshan City")
    response = curator_client.post(url, {**data, "change_note": ""})
    assert response.status_code == 200
    assert response.context["adminform"].form.errors == {"change_note": ["This field is required."]}
    assert curator_client.post(url, data).status_code == 302
    assert region.history.latest().history_change_reason == "Corrected against the source."


def test_a_deletion_needs_a_public_change_note_which_the_history_keeps(curator_client):
    milestone_model = apps.get_model("projects.milestone")
    milestone = milestone_model.objects.first()
    url = admin_url(milestone_model, f"{milestone.pk}/delete/")
    page = curator_client.get(url)
    assert 'name="change_note"' in page.content.decode()
    assert curator_client.post(url, {"post": "yes"}).status_code == 302
    assert milestone_model.objects.filter(pk=milestone.pk).exists()
    response = curator_client.post(url, {"post": "yes", "change_note": "Not in the source after all."})
    assert response.status_code == 302
    assert not milestone_model.objects.filter(pk=milestone.pk).exists()
    deleted = milestone.history.latest()
    assert (deleted.history_type, deleted.history_change_reason) == ("-", "Not in the source after all.")


def test_deleting_in_bulk_is_not_offered(curator_client):
    """Bulk deletion would skip the change note; records are deleted one at a time."""
    event_model = apps.get_model("events.event")
    request = curator_client.get(admin_url(event_model)).wsgi_request
    actions = admin.site._registry[event_model].get_actions(request)
    assert "delete_selected" not in actions


def test_the_last_citation_cannot_be_removed(curator_client):
    region_model = apps.get_model("regions.region")
    region = region_model.objects.get(slug="zhongshan")
    data = region_form(region, region.citations.get())
    data["sources-citation-content_type-object_id-0-DELETE"] = "on"
    response = curator_client.post(admin_url(region_model, f"{region.pk}/change/"), data)
    assert response.status_code == 200
    assert region.citations.count() == 1


def test_the_observation_list_shows_figures_with_their_units(curator_client):
    page = curator_client.get("/admin/indicators/observation/", {"q": "gdp-2023-target"}).content.decode()
    assert "More than (超, 多) 4000 亿元" in page
